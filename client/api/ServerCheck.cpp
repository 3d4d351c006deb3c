#include "api/ServerCheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
constexpr int kTimeoutMs = 5000;
}

ServerCheck::ServerCheck(QObject* parent) : QObject(parent) {
}

void ServerCheck::check(const QString& address) {
    abortCheck();
    const QUrl url = QUrl(address.trimmed(), QUrl::StrictMode).adjusted(QUrl::StripTrailingSlash);
    QUrl health = url;
    health.setPath(url.path() + QStringLiteral("/healthz"));
    QNetworkRequest request(health);
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply* reply = m_network.get(request);
    m_reply = reply;
    m_errorMessage.clear();
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { finish(reply, url); });
    emit changed();
}

void ServerCheck::clear() {
    abortCheck();
    m_errorMessage.clear();
    emit changed();
}

void ServerCheck::abortCheck() {
    // Forgotten first: the aborted reply finishes at once and is then not taken for an answer.
    QNetworkReply* running = m_reply;
    m_reply = nullptr;
    if (running)
        running->abort();
}

void ServerCheck::finish(QNetworkReply* reply, const QUrl& url) {
    reply->deleteLater();
    if (reply != m_reply)
        return; // a check that was replaced or cleared
    m_reply = nullptr;
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const bool isBitMarket = reply->error() == QNetworkReply::NoError &&
                             body.value(QStringLiteral("status")).toString() == QLatin1String("ok") &&
                             body.contains(QStringLiteral("websocketUrl"));
    if (isBitMarket) {
        emit changed();
        emit passed(url);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_errorMessage = status > 0 ? tr("%1 answers, but it is not a BitMarket server.").arg(url.toString())
                                : tr("No BitMarket server answers at %1.").arg(url.toString());
    emit changed();
}
