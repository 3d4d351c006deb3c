// What the user chose and the app remembers: the server, the language, the
// theme and whether the photo guide has been read. Stored with QSettings in the user's config folder.
#pragma once

#include <QObject>
#include <QSettings>
#include <QUrl>

class ClientSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    // The guide on shooting photos for a 3D model shows by itself once, before the first photos.
    Q_PROPERTY(bool shootingGuideSeen READ shootingGuideSeen WRITE setShootingGuideSeen NOTIFY
                   shootingGuideSeenChanged)

public:
    static const QUrl kDefaultServer;

    // configDir: where settings and the session live (tests pass a temp dir).
    explicit ClientSettings(const QString& configDir, QObject* parent = nullptr);

    QString configDir() const { return m_configDir; }
    QUrl serverUrl() const;
    void setServerUrl(const QUrl& url);
    // "system", "en" or "ko".
    QString language() const;
    void setLanguage(const QString& language);
    // "system", "light" or "dark".
    QString theme() const;
    void setTheme(const QString& theme);
    bool shootingGuideSeen() const;
    void setShootingGuideSeen(bool seen);

    Q_INVOKABLE bool isValidServerUrl(const QString& text) const;

signals:
    void serverUrlChanged();
    void languageChanged();
    void themeChanged();
    void shootingGuideSeenChanged();

private:
    QString m_configDir;
    QSettings m_settings;
};
