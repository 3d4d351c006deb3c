#include "auth/AccessTokenSigner.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace bitmarket::server {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray b64(const QByteArray& bytes) { return bytes.toBase64(kB64); }

// A part's bytes, only when written exactly as issue() writes them: base64url
// without padding, the unused low bits of the last character zero. Decoders
// accept many spellings of the same bytes; one token has one spelling.
std::optional<QByteArray> decodePart(const QByteArray& part) {
    const auto bytes =
        QByteArray::fromBase64Encoding(part, kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes || b64(bytes.decoded) != part)
        return std::nullopt;
    return bytes.decoded;
}

std::optional<QJsonObject> decodeJsonPart(const QByteArray& part) {
    const auto bytes = decodePart(part);
    if (!bytes)
        return std::nullopt;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

ApiError invalidToken() { return ApiError::unauthorized(QStringLiteral("Invalid access token.")); }
} // namespace

AccessTokenSigner::AccessTokenSigner(QByteArray secret, int lifetimeSeconds)
    : m_secret(std::move(secret)), m_lifetimeSeconds(lifetimeSeconds) {}

QByteArray AccessTokenSigner::sign(const QByteArray& signingInput) const {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), m_secret.constData(), m_secret.size(),
         reinterpret_cast<const unsigned char*>(signingInput.constData()), signingInput.size(), mac,
         &length);
    return QByteArray(reinterpret_cast<const char*>(mac), static_cast<int>(length));
}

QString AccessTokenSigner::issue(const QString& userId, const QString& sessionId,
                                 qint64 nowS) const {
    const QJsonObject header{{"alg", "HS256"}, {"typ", "JWT"}};
    const QJsonObject payload{
        {"sub", userId}, {"sid", sessionId}, {"iat", nowS}, {"exp", nowS + m_lifetimeSeconds}};
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(input + '.' + b64(sign(input)));
}

Result<AccessClaims> AccessTokenSigner::verify(const QString& token) const {
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (token.size() > 4096 || parts.size() != 3)
        return invalidToken();
    const auto header = decodeJsonPart(parts[0]);
    // Only HS256: a token that names another algorithm ("none", RS256) is refused outright.
    if (!header || header->value("alg").toString() != QLatin1String("HS256"))
        return invalidToken();
    const QByteArray expected = sign(parts[0] + '.' + parts[1]);
    const auto given = decodePart(parts[2]);
    if (!given || given->size() != expected.size() ||
        CRYPTO_memcmp(given->constData(), expected.constData(), expected.size()) != 0)
        return invalidToken();
    const auto payload = decodeJsonPart(parts[1]);
    if (!payload)
        return invalidToken();
    AccessClaims claims{payload->value("sub").toString(), payload->value("sid").toString(),
                        payload->value("iat").toInteger(), payload->value("exp").toInteger()};
    if (claims.userId.isEmpty())
        return invalidToken();
    return claims;
}

} // namespace bitmarket::server
