// Who follows which topic, kept both ways round: fan-out looks sessions up by topic, and a
// closing session is removed from all its topics at once. Hub thread only.
//
// Standard containers, not QHash/QSet: with Qt 6.4.2 a QSet<RealtimeSession*> here once
// answered remove(session) with false while holding it, so a viewer who unsubscribed kept
// receiving the topic, and a closed session stayed in it (ListingLiveUpdateTest).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <set>

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
    std::map<QString, std::set<RealtimeSession*>> m_subscribers;
    std::map<RealtimeSession*, std::set<QString>> m_topicsOf;
};

} // namespace bitmarket::server
