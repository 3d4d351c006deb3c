// Who follows which topic, kept both ways round: fan-out looks sessions up by topic, and a
// closing session is removed from all its topics at once. Hub thread only.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace bitmarket::server {

class RealtimeSession;

class TopicRegistry {
public:
    void subscribe(RealtimeSession* session, const QStringList& topics);
    void unsubscribe(RealtimeSession* session, const QStringList& topics);
    void removeSession(RealtimeSession* session);

    QList<RealtimeSession*> subscribersOf(const QString& topic) const;
    int topicCountOf(RealtimeSession* session) const;
    // How many of `topics` the session does not follow yet.
    int countNotFollowed(RealtimeSession* session, const QStringList& topics) const;

private:
    QHash<QString, QSet<RealtimeSession*>> m_subscribers;
    QHash<RealtimeSession*, QSet<QString>> m_topicsOf;
};

} // namespace bitmarket::server
