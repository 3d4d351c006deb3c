// A blocking HTTP client for tests: one call, one response, JSON helpers.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace bitmarket::test {

struct HttpResponse {
    int status = 0; // 0: no response (connection failed or timed out)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QByteArray header(const QByteArray& name) const;
    QString errorCode() const; // error.code of an error body
};

struct UploadFile {
    QString fileName;
    QByteArray content;
    QByteArray contentType = "application/octet-stream";
};

class HttpTestClient {
public:
    explicit HttpTestClient(QUrl baseUrl);

    void setAccessToken(const QString& token) { m_token = token; }
    void setHeader(const QByteArray& name, const QByteArray& value);

    HttpResponse get(const QString& path);
    HttpResponse del(const QString& path);
    HttpResponse post(const QString& path, const QJsonObject& body);
    HttpResponse patch(const QString& path, const QJsonObject& body);
    HttpResponse put(const QString& path, const QJsonObject& body = {});
    // Sends bytes as they are (for malformed bodies and odd content types).
    HttpResponse send(const QByteArray& method, const QString& path, const QByteArray& body,
                      const QByteArray& contentType = "application/json");
    // multipart/form-data with one `file` part per entry.
    HttpResponse upload(const QString& path, const QList<UploadFile>& files,
                        const QByteArray& partName = "file");

    QUrl url(const QString& path) const;

private:
    HttpResponse wait(class QNetworkReply* reply);

    QUrl m_baseUrl;
    QString m_token;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QNetworkAccessManager m_network;
};

} // namespace bitmarket::test
