#include "auth/PasswordHasher.h"

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace bitmarket::server {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

QByteArray derive(const QString& password, const QByteArray& salt, int logN, int r, int p) {
    QByteArray out(kHashBytes, Qt::Uninitialized);
    const QByteArray pass = password.toUtf8();
    const uint64_t n = uint64_t{1} << logN;
    const uint64_t maxMem = 128ull * r * (n + p + 2) + (1u << 20);
    if (EVP_PBE_scrypt(pass.constData(), pass.size(),
                       reinterpret_cast<const unsigned char*>(salt.constData()), salt.size(), n,
                       r, p, maxMem, reinterpret_cast<unsigned char*>(out.data()),
                       out.size()) != 1)
        return {};
    return out;
}
} // namespace

QString PasswordHasher::hash(const QString& password) const {
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), salt.size());
    const QByteArray derived = derive(password, salt, m_cost.logN, m_cost.r, m_cost.p);
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(m_cost.logN)
        .arg(m_cost.r)
        .arg(m_cost.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool PasswordHasher::verify(const QString& password, const QString& stored) const {
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return false;
    bool okN = false, okR = false, okP = false;
    const int logN = parts[1].toInt(&okN);
    const int r = parts[2].toInt(&okR);
    const int p = parts[3].toInt(&okP);
    if (!okN || !okR || !okP || logN < 1 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[5].toLatin1());
    const QByteArray actual = derive(password, salt, logN, r, p);
    return !actual.isEmpty() && actual.size() == expected.size() &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), actual.size()) == 0;
}

void PasswordHasher::spendEquivalentTime(const QString& password) const {
    derive(password, QByteArray(kSaltBytes, '\0'), m_cost.logN, m_cost.r, m_cost.p);
}

} // namespace bitmarket::server
