#include "ApiCall.h"

#include <QNetworkReply>

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
