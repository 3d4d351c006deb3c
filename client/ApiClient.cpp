#include "ApiClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>

using bitmarket::ApiError;

namespace {

const QString kApiBase = QStringLiteral("/api/v1");

QByteArray multipartBody(const QList<UploadFile>& files, const QByteArray& boundary) {
    QByteArray body;
    for (const UploadFile& f : files) {
        QString name = f.fileName;
        name.remove(QLatin1Char('"'));
        body += "--" + boundary + "\r\n";
        body +=
            "Content-Disposition: form-data; name=\"file\"; filename=\"" + name.toUtf8() + "\"\r\n";
        body += "Content-Type: " + f.contentType + "\r\n\r\n";
        body += f.content;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent) {
    m_network.setTransferTimeout(15000);
}

void ApiClient::setServerUrl(const QUrl& url) {
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash);
    if (normalized == m_serverUrl)
        return;
    m_serverUrl = normalized;
    emit serverUrlChanged();
}

void ApiClient::setTokens(const QString& accessToken, const QString& refreshToken) {
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    emit tokensChanged();
}

void ApiClient::clearTokens() {
    m_accessToken.clear();
    m_refreshToken.clear();
    emit tokensChanged();
}

QUrl ApiClient::mediaUrl(const QString& path) const {
    if (path.isEmpty())
        return {};
    return m_serverUrl.resolved(QUrl(path));
}

ApiCall* ApiClient::get(const QString& path, const QUrlQuery& query) {
    return send({"GET", kApiBase + path, query, {}, {}, true});
}

ApiCall* ApiClient::post(const QString& path, const QJsonObject& body, bool authenticated) {
    return send({"POST",
                 kApiBase + path,
                 {},
                 QJsonDocument(body).toJson(QJsonDocument::Compact),
                 "application/json",
                 authenticated});
}

ApiCall* ApiClient::patch(const QString& path, const QJsonObject& body) {
    return send({"PATCH",
                 kApiBase + path,
                 {},
                 QJsonDocument(body).toJson(QJsonDocument::Compact),
                 "application/json",
                 true});
}

ApiCall* ApiClient::put(const QString& path) {
    // An empty JSON object rather than no body: some servers insist on JSON for every PUT.
    return send({"PUT", kApiBase + path, {}, "{}", "application/json", true});
}

ApiCall* ApiClient::del(const QString& path) {
    return send({"DELETE", kApiBase + path, {}, {}, {}, true});
}

ApiCall* ApiClient::upload(const QString& path, const QList<UploadFile>& files) {
    const QByteArray boundary =
        "bitmarket-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    return send({"POST",
                 kApiBase + path,
                 {},
                 multipartBody(files, boundary),
                 "multipart/form-data; boundary=" + boundary,
                 true});
}

ApiCall* ApiClient::health() {
    return send({"GET", QStringLiteral("/healthz"), {}, {}, {}, false});
}

ApiCall* ApiClient::send(ApiCall::Request request) {
    auto* call = new ApiCall(std::move(request), this);
    // Sent from the event loop so callers can connect to the call first.
    QMetaObject::invokeMethod(
        this,
        [this, call = QPointer<ApiCall>(call)] {
            if (!call)
                return;
            if (m_refreshing && call->request().authenticated)
                m_waitingForRefresh.append(call);
            else
                dispatch(call);
        },
        Qt::QueuedConnection);
    return call;
}

void ApiClient::dispatch(ApiCall* call) {
    const ApiCall::Request& r = call->request();
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + r.path);
    url.setQuery(r.query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!r.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    call->sentWithToken = r.authenticated ? m_accessToken : QString();
    if (!call->sentWithToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call->sentWithToken.toUtf8());
    QNetworkReply* reply = m_network.sendCustomRequest(request, r.method, r.body);
    call->attach(reply);
    connect(reply, &QNetworkReply::finished, this, [this, call = QPointer<ApiCall>(call), reply] {
        reply->deleteLater();
        if (call)
            onReply(call, reply);
    });
}

void ApiClient::onReply(ApiCall* call, QNetworkReply* reply) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            call->fail(0, ApiError::internal(tr("Cancelled.")));
            return;
        }
        setReachable(false);
        call->fail(0, ApiError::internal(
                          tr("Cannot reach the server at %1.").arg(m_serverUrl.toDisplayString())));
        return;
    }
    setReachable(true);
    const QByteArray bytes = reply->readAll();
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    if (status >= 200 && status < 300) {
        call->succeed(status, json);
        return;
    }
    if (status == 401 && call->request().authenticated && !call->retried &&
        !m_refreshToken.isEmpty()) {
        call->retried = true;
        if (!m_accessToken.isEmpty() && call->sentWithToken != m_accessToken) {
            dispatch(call); // another call already refreshed the token
            return;
        }
        m_waitingForRefresh.append(call);
        renewAccessToken();
        return;
    }
    ApiError error = ApiError::fromJson(json, status);
    if (error.message.isEmpty())
        error.message = tr("The server answered %1.").arg(status);
    if (status == 429)
        error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    call->fail(status, error);
}

void ApiClient::renewAccessToken() {
    if (m_refreshing)
        return;
    m_refreshing = true;
    ApiCall::Request r{
        "POST",
        kApiBase + QStringLiteral("/auth/refresh"),
        {},
        QJsonDocument(QJsonObject{{"refreshToken", m_refreshToken}}).toJson(QJsonDocument::Compact),
        "application/json",
        false};
    auto* call = new ApiCall(std::move(r), this);
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        setTokens(body.value("accessToken").toString(), body.value("refreshToken").toString());
        finishRefresh(true, {}, false);
    });
    connect(call, &ApiCall::failed, this, [this, call](const ApiError& error) {
        finishRefresh(false, error, call->wasUnreachable());
    });
    dispatch(call);
}

void ApiClient::finishRefresh(bool ok, const ApiError& error, bool unreachable) {
    m_refreshing = false;
    const auto waiting = std::exchange(m_waitingForRefresh, {});
    if (!ok && !unreachable) {
        clearTokens();
        emit sessionRevoked(tr("Your session has ended. Please sign in again."));
    }
    for (const QPointer<ApiCall>& call : waiting) {
        if (!call)
            continue;
        if (ok)
            dispatch(call);
        else
            call->fail(unreachable ? 0 : 401,
                       unreachable ? error : ApiError::unauthorized(tr("Please sign in again.")));
    }
    emit refreshFinished(ok);
}

void ApiClient::setReachable(bool reachable) {
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    emit reachableChanged();
}
