#include "auth/SessionEndedEvent.h"

namespace bitmarket::server {

namespace {
const QString kType = QStringLiteral("session.ended");
const QString kUserTopicPrefix = QStringLiteral("user:");
} // namespace

DomainEvent SessionEndedEvent::toEvent() const {
    QJsonObject data;
    if (!sessionId.isEmpty())
        data.insert(QStringLiteral("sessionId"), sessionId);
    return DomainEvent{kUserTopicPrefix + userId, kType, data};
}

std::optional<SessionEndedEvent> SessionEndedEvent::from(const DomainEvent& event) {
    if (event.type != kType || !event.topic.startsWith(kUserTopicPrefix))
        return std::nullopt;
    return SessionEndedEvent{event.topic.mid(kUserTopicPrefix.size()),
                             event.data.value(QStringLiteral("sessionId")).toString()};
}

} // namespace bitmarket::server
