// The API resources as the client reads them from a server (shared/ ApiTypes
// fromJson, ApiError::fromJson), whatever that server sends. What is read
// survives a second trip through its JSON unchanged, and a listing's fast JSON
// text (JsonWriter) is byte for byte what QJsonDocument writes for it.
#include "FuzzCheck.h"

#include "bitmarket/ApiError.h"
#include "bitmarket/ApiTypes.h"
#include "bitmarket/JsonWriter.h"

#include <QJsonDocument>

using namespace bitmarket;
using bitmarket::fuzz::check;

namespace {

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

template <typename T> QByteArray written(const T& value) {
    std::string out;
    JsonWriter w(out);
    value.writeJson(w);
    return QByteArray::fromStdString(out);
}

// Read, written, read again and written again: the same JSON both times.
template <typename T, typename ToJson> void checkStable(const QJsonObject& o, ToJson toJson) {
    const QJsonObject once = toJson(T::fromJson(o));
    check(toJson(T::fromJson(once)) == once, "a resource read back from its own JSON is unchanged");
}

void readObject(const QJsonObject& o) {
    checkStable<User>(o, [](const User& u) { return u.toJson(true); });
    checkStable<SellerSummary>(o, [](const SellerSummary& s) { return s.toJson(); });
    checkStable<Category>(o, [](const Category& c) { return c.toJson(); });
    checkStable<Photo>(o, [](const Photo& p) { return p.toJson(); });
    checkStable<ModelInfo>(o, [](const ModelInfo& m) { return m.toJson(); });
    checkStable<Job>(o, [](const Job& j) { return j.toJson(); });
    checkStable<Auction>(o, [](const Auction& a) { return a.toJson(); });
    checkStable<Listing>(o, [](const Listing& l) { return l.toJson(); });
    checkStable<AuthSession>(o, [](const AuthSession& s) { return s.toJson(); });

    const Listing listing = Listing::fromJson(o);
    check(written(listing) == compact(listing.toJson()), "JsonWriter writes a listing as QJsonDocument does");
    if (listing.auction)
        check(written(*listing.auction) == compact(listing.auction->toJson()),
              "JsonWriter writes auction terms as QJsonDocument does");
    if (listing.model)
        check(written(*listing.model) == compact(listing.model->toJson()),
              "JsonWriter writes a model as QJsonDocument does");

    const ApiError error = ApiError::fromJson(o, 400);
    check(ApiError::fromJson(error.toJson(), 400).code == error.code, "an error keeps its code");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (document.isObject())
        readObject(document.object());
    // Lists arrive as {"items": [...]}; each item is read on its own.
    for (const QJsonValue& item : document.object().value("items").toArray())
        readObject(item.toObject());
    return 0;
}
