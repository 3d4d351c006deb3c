// Keeps a list model's running auctions live: follows listing:{id} of the auctions it is
// given (and no others), hands on each auction.bid and auction.closed frame, and stops
// following an auction once it closed. Frames older than what the model shows (fewer bids)
// are the model's to drop; the follower only carries them.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "realtime/RealtimeClient.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class AuctionFollower : public QObject {
    Q_OBJECT

public:
    explicit AuctionFollower(QObject* parent = nullptr);
    ~AuctionFollower() override;

    RealtimeClient* realtime() const { return m_realtime; }
    void setRealtime(RealtimeClient* realtime);
    // Follows exactly these listings from now on.
    void follow(const QStringList& listingIds);

signals:
    void auctionChanged(const QString& listingId, const bitmarket::Auction& auction);
    // The socket is back after a break: what happened meanwhile came as no frame.
    void reconnected();

private:
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);
    void unfollowAll();

    QPointer<RealtimeClient> m_realtime;
    QSet<QString> m_topics;
};
