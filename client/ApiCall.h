// One request to the server as an object QML and C++ can follow: it answers
// once with succeeded() or failed(), and reports upload progress meanwhile.
// ApiClient may send it twice (after refreshing an expired access token), so
// it keeps everything needed to send it again.
#pragma once

#include "bitmarket/ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;

class ApiCall : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType;
        bool authenticated = true;
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
