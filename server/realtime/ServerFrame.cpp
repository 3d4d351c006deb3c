#include "realtime/ServerFrame.h"

#include <QJsonDocument>

namespace bitmarket::server {

namespace {

QString compact(const QJsonObject& frame) {
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

} // namespace

QString ServerFrame::reply(const QString& type, const QJsonValue& id, const QJsonObject& data) {
    QJsonObject frame{{QStringLiteral("type"), type}, {QStringLiteral("data"), data}};
    if (id.isString() || id.isDouble())
        frame.insert(QStringLiteral("id"), id);
    return compact(frame);
}

QString ServerFrame::error(const QJsonValue& id, const ApiError& error) {
    QJsonObject data{{QStringLiteral("code"), error.codeName()},
                     {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        data.insert(QStringLiteral("field"), error.field);
    return reply(QStringLiteral("error"), id, data);
}

QString ServerFrame::event(const TopicEvent& event, Language language) {
    return compact({{QStringLiteral("type"), event.type},
                    {QStringLiteral("topic"), event.topic},
                    {QStringLiteral("data"), event.dataIn(language)}});
}

} // namespace bitmarket::server
