// Pagination cursors as clients send them back (?cursor=), decoded and turned
// into the listing search they continue, with the other query parameters
// taken from the same input: the search text, sort and status. A cursor the
// server wrote decodes to what it holds; anything else is refused as a field
// error, never a statement with the wrong number of parameters.
#include "FuzzCheck.h"

#include "bitmarket/Cursor.h"
#include "market/ListingSearch.h"

#include <QJsonArray>

#include <algorithm>
#include <cstring>

using namespace bitmarket;
using namespace bitmarket::server;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

constexpr qint64 kNowMs = 1'780'000'000'000LL;

// A search word may name a category (and its children), as CategoryService answers.
QStringList categoriesNamedBy(const QString& word) {
    if (word == QLatin1String("camera") || word == QStringLiteral("카메라"))
        return {QStringLiteral("cameras"), QStringLiteral("film-cameras")};
    return {};
}

// The input is "cursor\nsearch text\nsort\nstatus"; missing parts keep the defaults.
ListingQuery queryFrom(const QByteArray& input) {
    const QList<QByteArray> parts = input.split('\n');
    ListingQuery q;
    q.cursor = QString::fromUtf8(parts.value(0));
    if (parts.size() > 1)
        q.text = QString::fromUtf8(parts[1]).trimmed();
    if (parts.size() > 2)
        q.sort = QString::fromUtf8(parts[2]);
    if (parts.size() > 3)
        q.status = QString::fromUtf8(parts[3]);
    return q;
}

qsizetype placeholders(const std::string& sql) { return std::count(sql.begin(), sql.end(), '?'); }

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ListingQuery query = queryFrom(input);

    if (const auto cursor = Cursor::decode(query.cursor)) {
        const auto again = Cursor::decode(cursor->encode());
        check(again && again->sort == cursor->sort && again->keys == cursor->keys,
              "a cursor re-encoded decodes to the same cursor");
    }

    for (const QStringList& categories : {QStringList{}, QStringList{"c_1"}, QStringList{"c_1", "c_2"}}) {
        const auto statement = ListingSearch::build(query, categories, categoriesNamedBy, kNowMs);
        if (!statement) {
            checkError(statement.error());
            continue;
        }
        check(qsizetype(statement->parameters.size()) == placeholders(statement->sql),
              "one parameter per placeholder");
    }

    // What the server writes after the last row of a page continues that query.
    ListingQuery first = query;
    first.cursor.clear();
    if (!ListingSearch::build(first, {}, categoriesNamedBy, kNowMs))
        return 0;
    // Sort keys are prices, counts and times: JSON holds them exactly up to 2^53.
    qint64 key = 0;
    if (input.size() >= 8)
        std::memcpy(&key, input.constData(), sizeof key);
    key %= qint64(1) << 53;
    ListingQuery next = first;
    next.cursor = ListingSearch::cursorAfter(query.sort, key, input.size());
    const auto decoded = Cursor::decode(next.cursor);
    check(decoded && decoded->keys == QJsonArray{key, qint64(input.size())},
          "a written cursor holds its keys");
    check(bool(ListingSearch::build(next, {}, categoriesNamedBy, kNowMs)), "the next page's query is accepted");
    return 0;
}
