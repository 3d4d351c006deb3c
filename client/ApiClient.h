// The HTTP side of the contract in docs/api.md: builds requests against the
// chosen server, adds the access token, maps error bodies to ApiError and
// refreshes an expired access token transparently (once per call; calls that
// arrive meanwhile wait for the same refresh). A refresh the server refuses
// means the session is over: sessionRevoked() tells the UI to sign in again.
#pragma once

#include "ApiCall.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

struct UploadFile {
    QString fileName;
    QByteArray content;
    QByteArray contentType;
};

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

    QNetworkAccessManager* network() { return &m_network; }

    ApiCall* get(const QString& path, const QUrlQuery& query = {});
    ApiCall* post(const QString& path, const QJsonObject& body, bool authenticated = true);
    ApiCall* patch(const QString& path, const QJsonObject& body);
    ApiCall* put(const QString& path);
    ApiCall* del(const QString& path);
    ApiCall* upload(const QString& path, const QList<UploadFile>& files);
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
    void reachableChanged();
    // The refresh token rotated; whoever keeps it on disk stores the new one.
    void tokensChanged();
    void sessionRevoked(const QString& message);
    // A refresh ended: renewed, or not (unreachable, or refused and signed out).
    void refreshFinished(bool renewed);

private:
    ApiCall* send(ApiCall::Request request);
    void dispatch(ApiCall* call);
    void onReply(ApiCall* call, QNetworkReply* reply);
    void finishRefresh(bool ok, const bitmarket::ApiError& error, bool unreachable);
    void setReachable(bool reachable);

    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    QString m_accessToken;
    QString m_refreshToken;
    bool m_reachable = true;
    bool m_refreshing = false;
    QList<QPointer<ApiCall>> m_waitingForRefresh;
};
