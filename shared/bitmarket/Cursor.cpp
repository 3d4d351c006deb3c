#include "bitmarket/Cursor.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bitmarket {

namespace {
constexpr auto kEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString Cursor::encode() const {
    const QJsonObject o{{"s", sort}, {"k", keys}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kEncoding));
}

std::optional<Cursor> Cursor::decode(const QString& text) {
    if (text.isEmpty() || text.size() > 1024)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        kEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.value("s").isString() || !o.value("k").isArray() || o.value("k").toArray().isEmpty())
        return std::nullopt;
    return Cursor{o.value("s").toString(), o.value("k").toArray()};
}

} // namespace bitmarket
