// The HTTP side of the contract in docs/api.md: builds requests against the
// chosen server, adds the access token, maps error bodies to ApiError and
// refreshes an expired access token transparently (once per call; calls that
// arrive meanwhile wait for the same refresh). A refresh the server refuses
// means the session is over: sessionRevoked() tells the UI to sign in again.
// Every request says the UI language (Accept-Language), so the server's
// messages come back in it. Models do not call this class: they call the
// typed per-domain API classes beside it (ListingsApi, PhotosApi, ...).
#pragma once

#include "api/ApiCall.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ApiClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides one as Api")
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(bool reachable READ reachable NOTIFY reachableChanged)

public:
    explicit ApiClient(QObject* parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl& url);
    bool reachable() const { return m_reachable; }

    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    void setTokens(const QString& accessToken, const QString& refreshToken);
    void clearTokens();

    // "en" or "ko": sent as Accept-Language from the next request on.
    QString language() const { return m_language; }
    void setLanguage(const QString& language);

    QNetworkAccessManager* network() { return &m_network; }

    // Sends a request a typed API class built.
    ApiCall* send(ApiCall::Request request);
    // GET /healthz, outside the API base path.
    ApiCall* health();

    // Trades the refresh token for a new access token, once for everyone asking
    // meanwhile; refreshFinished() tells how it went. Calls that meet an expired
    // token do this by themselves.
    void renewAccessToken();

    // Media paths in JSON are server-relative ("/media/ab/..."): make them absolute.
    Q_INVOKABLE QUrl mediaUrl(const QString& path) const;

signals:
    void serverUrlChanged();
    // What the server names in the UI language (categories) is worth asking again.
    void languageChanged();
    void reachableChanged();
    // The refresh token rotated; whoever keeps it on disk stores the new one.
    void tokensChanged();
    void sessionRevoked(const QString& message);
    // A refresh ended: renewed, or not (unreachable, or refused and signed out).
    void refreshFinished(bool renewed);

private:
    void dispatch(ApiCall* call);
    void onReply(ApiCall* call, QNetworkReply* reply);
    void probeReachability();
    void finishRefresh(bool ok, const bitmarket::ApiError& error, bool unreachable);
    void setReachable(bool reachable);

    QNetworkAccessManager m_network;
    // While the server cannot be reached, /healthz is asked now and then (2 s,
    // doubling to 30 s), so the app notices by itself that it is back.
    QTimer m_reachProbe;
    QUrl m_serverUrl;
    QString m_accessToken;
    QString m_refreshToken;
    QString m_language = QStringLiteral("en");
    bool m_reachable = true;
    bool m_refreshing = false;
    QList<QPointer<ApiCall>> m_waitingForRefresh;
};
