#include "support/HttpTestClient.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace bitmarket::test {

QJsonObject HttpResponse::json() const { return QJsonDocument::fromJson(body).object(); }

QByteArray HttpResponse::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpResponse::errorCode() const {
    return json().value("error").toObject().value("code").toString();
}

HttpTestClient::HttpTestClient(QUrl baseUrl) : m_baseUrl(std::move(baseUrl)) {}

void HttpTestClient::setHeader(const QByteArray& name, const QByteArray& value) {
    m_headers.append({name, value});
}

QUrl HttpTestClient::url(const QString& path) const {
    return m_baseUrl.resolved(QUrl(path));
}

HttpResponse HttpTestClient::get(const QString& path) { return send("GET", path, {}, {}); }
HttpResponse HttpTestClient::del(const QString& path) { return send("DELETE", path, {}, {}); }

HttpResponse HttpTestClient::post(const QString& path, const QJsonObject& body) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpTestClient::patch(const QString& path, const QJsonObject& body) {
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpTestClient::put(const QString& path, const QJsonObject& body) {
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpTestClient::send(const QByteArray& method, const QString& path,
                                  const QByteArray& body, const QByteArray& contentType) {
    QNetworkRequest request(url(path));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto& [name, value] : m_headers)
        request.setRawHeader(name, value);
    return wait(m_network.sendCustomRequest(request, method, body));
}

HttpResponse HttpTestClient::upload(const QString& path, const QList<UploadFile>& files,
                                    const QByteArray& partName) {
    auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const UploadFile& file : files) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, file.contentType);
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"%1\"; filename=\"%2\"")
                           .arg(QString::fromLatin1(partName), file.fileName));
        part.setBody(file.content);
        multipart->append(part);
    }
    QNetworkRequest request(url(path));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto& [name, value] : m_headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_network.post(request, multipart);
    multipart->setParent(reply);
    return wait(reply);
}

HttpResponse HttpTestClient::wait(QNetworkReply* reply) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(60000);
    loop.exec();
    HttpResponse response;
    if (reply->isFinished()) {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return response;
}

} // namespace bitmarket::test
