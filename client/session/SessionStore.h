// Keeps the refresh token between runs in the user's config folder, readable
// by its owner only: whoever can read it can act as the user for 30 days.
#pragma once

#include <QString>

class SessionStore {
public:
    // One file per server, so switching servers does not mix accounts.
    SessionStore(QString configDir, QString serverKey);

    QString load() const;
    bool save(const QString& refreshToken) const;
    void clear() const;
    QString filePath() const { return m_path; }

private:
    QString m_dir;
    QString m_path;
};
