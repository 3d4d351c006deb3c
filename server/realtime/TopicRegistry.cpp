#include "realtime/TopicRegistry.h"

namespace bitmarket::server {

void TopicRegistry::subscribe(RealtimeSession* session, const QStringList& topics) {
    QSet<QString>& followed = m_topicsOf[session];
    for (const QString& topic : topics) {
        followed.insert(topic);
        m_subscribers[topic].insert(session);
    }
}

void TopicRegistry::unsubscribe(RealtimeSession* session, const QStringList& topics) {
    const auto followed = m_topicsOf.find(session);
    if (followed == m_topicsOf.end())
        return;
    for (const QString& topic : topics) {
        if (!followed->remove(topic))
            continue;
        const auto subscribers = m_subscribers.find(topic);
        subscribers->remove(session);
        if (subscribers->isEmpty())
            m_subscribers.erase(subscribers);
    }
    if (followed->isEmpty())
        m_topicsOf.erase(followed);
}

void TopicRegistry::removeSession(RealtimeSession* session) {
    const auto followed = m_topicsOf.constFind(session);
    if (followed == m_topicsOf.cend())
        return;
    unsubscribe(session, followed->values());
}

QList<RealtimeSession*> TopicRegistry::subscribersOf(const QString& topic) const {
    return m_subscribers.value(topic).values();
}

int TopicRegistry::topicCountOf(RealtimeSession* session) const {
    return static_cast<int>(m_topicsOf.value(session).size());
}

int TopicRegistry::countNotFollowed(RealtimeSession* session, const QStringList& topics) const {
    const QSet<QString> followed = m_topicsOf.value(session);
    int count = 0;
    for (const QString& topic : topics) {
        if (!followed.contains(topic))
            ++count;
    }
    return count;
}

} // namespace bitmarket::server
