#include "api/ApiClient.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>

using bitmarket::ApiError;

namespace {
// One line per answered call, named by its typed API operation; off unless
// asked for (QT_LOGGING_RULES="bitmarket.api.debug=true").
Q_LOGGING_CATEGORY(lcApi, "bitmarket.api", QtInfoMsg)
constexpr int kFirstProbeMs = 2000;
constexpr int kLastProbeMs = 30000;
} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent) {
    m_network.setTransferTimeout(15000);
    m_reachProbe.setSingleShot(true);
    connect(&m_reachProbe, &QTimer::timeout, this, &ApiClient::probeReachability);
}

void ApiClient::setLanguage(const QString& language) {
    if (m_language == language)
        return;
    m_language = language;
    emit languageChanged();
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

ApiCall* ApiClient::health() {
    return send(
        {QStringLiteral("health"), "GET", QStringLiteral("/healthz"), {}, {}, {}, false, {}});
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
    request.setRawHeader("Accept-Language", m_language.toUtf8());
    if (!r.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto& [name, value] : r.headers)
        request.setRawHeader(name, value);
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
    const ApiCall::Request& r = call->request();
    qCDebug(lcApi).noquote() << (r.operation.isEmpty() ? QStringLiteral("(unnamed)") : r.operation)
                             << r.method << r.path << status;
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
    auto* call = new ApiCall(ApiCall::Request::json(QStringLiteral("auth.refresh"), "POST",
                                                    QStringLiteral("/auth/refresh"),
                                                    {{"refreshToken", m_refreshToken}}, false),
                             this);
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
    if (reachable) {
        m_reachProbe.stop();
    } else {
        m_reachProbe.setInterval(kFirstProbeMs);
        m_reachProbe.start();
    }
    emit reachableChanged();
}

void ApiClient::probeReachability() {
    QNetworkRequest request(m_serverUrl.resolved(QUrl(QStringLiteral("/healthz"))));
    request.setTransferTimeout(5000);
    QNetworkReply* reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            setReachable(true);
            return;
        }
        m_reachProbe.setInterval(std::min(2 * m_reachProbe.interval(), kLastProbeMs));
        m_reachProbe.start();
    });
}
