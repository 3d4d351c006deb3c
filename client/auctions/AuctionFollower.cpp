#include "auctions/AuctionFollower.h"

namespace {
const QString kTopicPrefix = QStringLiteral("listing:");
} // namespace

AuctionFollower::AuctionFollower(QObject* parent) : QObject(parent) {
}

AuctionFollower::~AuctionFollower() {
    unfollowAll();
}

void AuctionFollower::setRealtime(RealtimeClient* realtime) {
    if (m_realtime == realtime)
        return;
    const QSet<QString> topics = m_topics;
    unfollowAll();
    if (m_realtime)
        disconnect(m_realtime, nullptr, this, nullptr);
    m_realtime = realtime;
    if (!m_realtime)
        return;
    connect(m_realtime, &RealtimeClient::eventReceived, this, &AuctionFollower::onEvent);
    connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
        if (m_realtime->online() && !m_topics.isEmpty())
            emit reconnected();
    });
    for (const QString& topic : topics) {
        m_topics.insert(topic);
        m_realtime->subscribe(topic);
    }
}

void AuctionFollower::follow(const QStringList& listingIds) {
    QSet<QString> wanted;
    for (const QString& id : listingIds)
        wanted.insert(kTopicPrefix + id);
    if (m_realtime) {
        for (const QString& topic : m_topics - wanted)
            m_realtime->unsubscribe(topic);
        for (const QString& topic : wanted - m_topics)
            m_realtime->subscribe(topic);
    }
    m_topics = wanted;
}

void AuctionFollower::onEvent(const QString& type, const QString& topic, const QJsonObject& data) {
    if (!m_topics.contains(topic))
        return;
    const bool closed = type == QLatin1String("auction.closed");
    if (!closed && type != QLatin1String("auction.bid"))
        return;
    emit auctionChanged(topic.mid(kTopicPrefix.size()),
                        bitmarket::Auction::fromJson(data.value("auction").toObject()));
    // The model may have asked for another set meanwhile.
    if (closed && m_topics.remove(topic) && m_realtime)
        m_realtime->unsubscribe(topic);
}

void AuctionFollower::unfollowAll() {
    if (m_realtime) {
        for (const QString& topic : std::as_const(m_topics))
            m_realtime->unsubscribe(topic);
    }
    m_topics.clear();
}
