// How the typed API classes hand back an answer: the call's JSON read into a
// value, or its error, given once to a callback that lives as long as its
// context object (a model that is gone is not called).
#pragma once

#include "api/ApiCall.h"
#include "bitmarket/Result.h"

#include <QObject>
#include <functional>

template <typename T> using Answer = std::function<void(bitmarket::Result<T>)>;

template <typename T, typename Read>
ApiCall* deliver(ApiCall* call, QObject* context, Answer<T> answer, Read read) {
    QObject::connect(call, &ApiCall::succeeded, context,
                     [answer, read](const QJsonObject& body) { answer(read(body)); });
    QObject::connect(call, &ApiCall::failed, context,
                     [answer](const bitmarket::ApiError& error) { answer(error); });
    return call;
}

// For calls whose answer carries nothing the caller needs.
inline ApiCall* deliver(ApiCall* call, QObject* context, Answer<void> answer) {
    QObject::connect(call, &ApiCall::succeeded, context, [answer] { answer(bitmarket::Done{}); });
    QObject::connect(call, &ApiCall::failed, context,
                     [answer](const bitmarket::ApiError& error) { answer(error); });
    return call;
}
