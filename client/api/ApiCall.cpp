#include "api/ApiCall.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>

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

ApiCall::Request ApiCall::Request::get(QString operation, const QString& path, QUrlQuery query) {
    return {std::move(operation), "GET", kApiBase + path, std::move(query), {}, {}, true, {}};
}

ApiCall::Request ApiCall::Request::json(QString operation, QByteArray method, const QString& path,
                                        const QJsonObject& body, bool authenticated) {
    return {std::move(operation),
            std::move(method),
            kApiBase + path,
            {},
            QJsonDocument(body).toJson(QJsonDocument::Compact),
            "application/json",
            authenticated,
            {}};
}

ApiCall::Request ApiCall::Request::del(QString operation, const QString& path) {
    return {std::move(operation), "DELETE", kApiBase + path, {}, {}, {}, true, {}};
}

ApiCall::Request ApiCall::Request::upload(QString operation, const QString& path,
                                          const QList<UploadFile>& files) {
    const QByteArray boundary =
        "bitmarket-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    return {std::move(operation),
            "POST",
            kApiBase + path,
            {},
            multipartBody(files, boundary),
            "multipart/form-data; boundary=" + boundary,
            true,
            {}};
}

ApiCall::ApiCall(Request request, QObject* parent)
    : QObject(parent), m_request(std::move(request)) {
}

void ApiCall::attach(QNetworkReply* reply) {
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiCall::uploadProgress);
}

void ApiCall::succeed(int status, QJsonObject body) {
    m_httpStatus = status;
    m_finished = true;
    emit succeeded(body);
    emit finished();
    deleteLater();
}

void ApiCall::fail(int status, bitmarket::ApiError error) {
    m_httpStatus = status;
    m_finished = true;
    emit failed(error);
    emit finished();
    deleteLater();
}
