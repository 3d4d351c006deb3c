// One request to the server as an object QML and C++ can follow: it answers
// once with succeeded() or failed(), and reports upload progress meanwhile.
// ApiClient may send it twice (after refreshing an expired access token), so
// it keeps everything needed to send it again. A request names the typed API
// operation it belongs to ("listings.search"); the bitmarket.api log shows it.
#pragma once

#include "bitmarket/ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;

struct UploadFile {
    QString fileName;
    QByteArray content;
    QByteArray contentType;
};

class ApiCall : public QObject {
    Q_OBJECT

public:
    struct Request {
        QString operation;
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType;
        bool authenticated = true;
        // Extra headers, such as the Idempotency-Key of a write the user may retry.
        QList<QPair<QByteArray, QByteArray>> headers;

        // Paths are below the API base ("/listings" is /api/v1/listings).
        static Request get(QString operation, const QString& path, QUrlQuery query = {});
        static Request json(QString operation, QByteArray method, const QString& path,
                            const QJsonObject& body, bool authenticated = true);
        static Request del(QString operation, const QString& path);
        static Request upload(QString operation, const QString& path,
                              const QList<UploadFile>& files);
    };

    ApiCall(Request request, QObject* parent);

    const Request& request() const { return m_request; }
    // 0 until answered, and 0 when the server could not be reached at all.
    int httpStatus() const { return m_httpStatus; }
    bool wasUnreachable() const { return m_finished && m_httpStatus == 0; }

    // Used by ApiClient only.
    QString sentWithToken;
    bool retried = false;
    void attach(QNetworkReply* reply);
    void succeed(int status, QJsonObject body);
    void fail(int status, bitmarket::ApiError error);

signals:
    void succeeded(const QJsonObject& body);
    void failed(const bitmarket::ApiError& error);
    void uploadProgress(qint64 sent, qint64 total);
    void finished();

private:
    Request m_request;
    int m_httpStatus = 0;
    bool m_finished = false;
};
