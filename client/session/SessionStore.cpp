#include "session/SessionStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

SessionStore::SessionStore(QString configDir, QString serverKey) : m_dir(std::move(configDir)) {
    const QByteArray id =
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = m_dir + QStringLiteral("/session-") + QString::fromLatin1(id);
}

QString SessionStore::load() const {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool SessionStore::save(const QString& refreshToken) const {
    if (refreshToken.isEmpty()) {
        clear();
        return true;
    }
    QDir().mkpath(m_dir);
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Owner-only before the secret is written, not after.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(refreshToken.toUtf8());
    if (!file.commit())
        return false;
    return QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
}

void SessionStore::clear() const {
    QFile::remove(m_path);
}
