#include "realtime/ServerFrame.h"

#include "bitmarket/JsonWriter.h"

#include <QJsonDocument>
#include <QLocale>

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

QString ServerFrame::reply(const QString& type, const QJsonValue& id, std::string_view dataText) {
    // Members in the order QJsonDocument writes them (sorted), so both forms read the same.
    std::string frame;
    JsonWriter w(frame);
    w.beginObject().key("data").raw(dataText);
    if (id.isString())
        w.key("id").string(id.toString());
    else if (id.isDouble())
        w.key("id").raw(QByteArray::number(id.toDouble(), 'g', QLocale::FloatingPointShortest)
                            .toStdString());
    w.key("type").string(type).endObject();
    return QString::fromStdString(frame);
}

QString ServerFrame::error(const QJsonValue& id, const ApiError& error) {
    QJsonObject data{{QStringLiteral("code"), error.codeName()},
                     {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        data.insert(QStringLiteral("field"), error.field);
    return reply(QStringLiteral("error"), id, data);
}

QString ServerFrame::event(const TopicEvent& event, Language language) {
    if (!event.dataText.empty()) {
        std::string frame;
        JsonWriter w(frame);
        w.beginObject().key("data").raw(event.dataText);
        w.key("topic").string(event.topic).key("type").string(event.type).endObject();
        return QString::fromStdString(frame);
    }
    return compact({{QStringLiteral("type"), event.type},
                    {QStringLiteral("topic"), event.topic},
                    {QStringLiteral("data"), event.dataIn(language)}});
}

} // namespace bitmarket::server
