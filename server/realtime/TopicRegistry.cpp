#include "realtime/TopicRegistry.h"

namespace bitmarket::server {

void TopicRegistry::subscribe(RealtimeSession* session, const QStringList& topics) {
    std::set<QString>& followed = m_topicsOf[session];
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
        if (followed->second.erase(topic) == 0)
            continue;
        const auto subscribers = m_subscribers.find(topic);
        if (subscribers == m_subscribers.end())
            continue;
        subscribers->second.erase(session);
        if (subscribers->second.empty())
            m_subscribers.erase(subscribers);
    }
    if (followed->second.empty())
        m_topicsOf.erase(followed);
}

void TopicRegistry::removeSession(RealtimeSession* session) {
    const auto followed = m_topicsOf.find(session);
    if (followed == m_topicsOf.end())
        return;
    const QStringList topics(followed->second.begin(), followed->second.end());
    unsubscribe(session, topics);
}

QList<RealtimeSession*> TopicRegistry::subscribersOf(const QString& topic) const {
    const auto subscribers = m_subscribers.find(topic);
    if (subscribers == m_subscribers.end())
        return {};
    return QList<RealtimeSession*>(subscribers->second.begin(), subscribers->second.end());
}

int TopicRegistry::topicCountOf(RealtimeSession* session) const {
    const auto followed = m_topicsOf.find(session);
    return followed == m_topicsOf.end() ? 0 : static_cast<int>(followed->second.size());
}

int TopicRegistry::countNotFollowed(RealtimeSession* session, const QStringList& topics) const {
    const auto followed = m_topicsOf.find(session);
    int count = 0;
    for (const QString& topic : topics) {
        if (followed == m_topicsOf.end() || followed->second.count(topic) == 0)
            ++count;
    }
    return count;
}

} // namespace bitmarket::server
