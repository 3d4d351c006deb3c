#include "app/ServerSecret.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace bitmarket::server {

namespace {
constexpr int kSecretBytes = 32;
}

Result<QByteArray> loadOrCreateServerSecret(const QString& dataDir) {
    const QString path = dataDir + QStringLiteral("/secret.key");
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return ApiError::internal(QStringLiteral("Cannot read %1.").arg(path));
        const QByteArray secret = QByteArray::fromBase64(existing.readAll().trimmed());
        if (secret.size() < kSecretBytes)
            return ApiError::internal(QStringLiteral("%1 is damaged.").arg(path));
        if (existing.permissions() & (QFile::ReadGroup | QFile::ReadOther))
            existing.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return secret;
    }
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()),
                                          kSecretBytes / 4);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ApiError::internal(QStringLiteral("Cannot write %1.").arg(path));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(secret.toBase64() + '\n');
    if (!file.commit())
        return ApiError::internal(QStringLiteral("Cannot write %1.").arg(path));
    return secret;
}

} // namespace bitmarket::server
