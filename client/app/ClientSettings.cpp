#include "app/ClientSettings.h"

const QUrl ClientSettings::kDefaultServer = QUrl(QStringLiteral("http://127.0.0.1:8080"));

ClientSettings::ClientSettings(const QString& configDir, QObject* parent)
    : QObject(parent), m_configDir(configDir),
      m_settings(configDir + QStringLiteral("/bitmarket.ini"), QSettings::IniFormat) {
}

QUrl ClientSettings::serverUrl() const {
    const QUrl url(m_settings.value("server/url").toString());
    return url.isValid() && !url.isEmpty() ? url : kDefaultServer;
}

void ClientSettings::setServerUrl(const QUrl& url) {
    if (url == serverUrl() || !isValidServerUrl(url.toString()))
        return;
    m_settings.setValue("server/url", url.adjusted(QUrl::StripTrailingSlash).toString());
    m_settings.sync();
    emit serverUrlChanged();
}

QString ClientSettings::language() const {
    return m_settings.value("ui/language", QStringLiteral("system")).toString();
}

void ClientSettings::setLanguage(const QString& language) {
    if (language == this->language())
        return;
    m_settings.setValue("ui/language", language);
    m_settings.sync();
    emit languageChanged();
}

QString ClientSettings::theme() const {
    return m_settings.value("ui/theme", QStringLiteral("system")).toString();
}

void ClientSettings::setTheme(const QString& theme) {
    if (theme == this->theme())
        return;
    m_settings.setValue("ui/theme", theme);
    m_settings.sync();
    emit themeChanged();
}

bool ClientSettings::shootingGuideSeen() const {
    return m_settings.value("sell/shootingGuideSeen", false).toBool();
}

void ClientSettings::setShootingGuideSeen(bool seen) {
    if (seen == shootingGuideSeen())
        return;
    m_settings.setValue("sell/shootingGuideSeen", seen);
    m_settings.sync();
    emit shootingGuideSeenChanged();
}

bool ClientSettings::isValidServerUrl(const QString& text) const {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == "http" || url.scheme() == "https") &&
           !url.host().isEmpty();
}
