// The JSON text frames the hub sends: replies to requests, errors and domain events.
#pragma once

#include "bitmarket/ApiError.h"
#include "realtime/TopicEvent.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <string_view>

namespace bitmarket::server {

class ServerFrame {
public:
    // {"type", "id"?, "data"}; the id is left out when the request carried none.
    static QString reply(const QString& type, const QJsonValue& id, const QJsonObject& data);
    // The same with the data already written as JSON text.
    static QString reply(const QString& type, const QJsonValue& id, std::string_view dataText);
    // {"type": "error", "id"?, "data": {"code", "message", "field"?}}
    static QString error(const QJsonValue& id, const ApiError& error);
    // {"type": event.type, "topic": event.topic, "data": event.dataIn(language)}
    static QString event(const TopicEvent& event, Language language);
};

} // namespace bitmarket::server
