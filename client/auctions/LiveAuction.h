// The bid panel of one auction listing: how it stands (price, bids, the minimum next bid,
// the countdown and whether a late bid moved the end), where the signed-in user stands in it
// (leading or outbid, their maximum), and what they can do (bid, buy now, or, as the seller
// before the first bid, cancel). ListingDetail owns it and hands it the auction from each
// load and each auction.* frame on listing:{id}, so it moves live without asking again.
#pragma once

#include "api/ApiClient.h"
#include "api/AuctionsApi.h"
#include "auctions/BidHistoryModel.h"
#include "bitmarket/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

class LiveAuction : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A ListingDetail has one as its auction")
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY changed)
    Q_PROPERTY(bool isAuction READ isAuction NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(bool isSeller READ isSeller NOTIFY changed)
    Q_PROPERTY(QString currentPriceText READ currentPriceText NOTIFY changed)
    Q_PROPERTY(qint64 bidCount READ bidCount NOTIFY changed)
    Q_PROPERTY(qint64 bidderCount READ bidderCount NOTIFY changed)
    Q_PROPERTY(QString minNextBidText READ minNextBidText NOTIFY changed)
    // The minimum next bid as a bidder types it ("26,000"), to start the bid field with.
    Q_PROPERTY(QString minNextBidInput READ minNextBidInput NOTIFY changed)
    Q_PROPERTY(bool buyNowOffered READ buyNowOffered NOTIFY changed)
    Q_PROPERTY(QString buyNowPriceText READ buyNowPriceText NOTIFY changed)
    // Shown to the seller only; others learn only whether it is met.
    Q_PROPERTY(QString reservePriceText READ reservePriceText NOTIFY changed)
    Q_PROPERTY(bool reserveNotMet READ reserveNotMet NOTIFY changed)
    Q_PROPERTY(bool reserveMet READ reserveMet NOTIFY changed)
    Q_PROPERTY(QString endsAtText READ endsAtText NOTIFY changed)
    Q_PROPERTY(QString timeLeftText READ timeLeftText NOTIFY clockChanged)
    Q_PROPERTY(bool endingSoon READ endingSoon NOTIFY clockChanged)
    Q_PROPERTY(bool extended READ extended NOTIFY changed)
    Q_PROPERTY(bool hasYourMax READ hasYourMax NOTIFY changed)
    Q_PROPERTY(QString yourMaxText READ yourMaxText NOTIFY changed)
    Q_PROPERTY(bool leading READ leading NOTIFY changed)
    Q_PROPERTY(bool outbid READ outbid NOTIFY changed)
    Q_PROPERTY(bool sold READ sold NOTIFY changed)
    Q_PROPERTY(bool youWon READ youWon NOTIFY changed)
    Q_PROPERTY(QString winnerName READ winnerName NOTIFY changed)
    Q_PROPERTY(QString finalPriceText READ finalPriceText NOTIFY changed)
    Q_PROPERTY(QString orderId READ orderId NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(BidHistoryModel* history READ history CONSTANT)

public:
    explicit LiveAuction(QObject* parent = nullptr);

    void setApi(ApiClient* api);
    // A listing loaded as the signed-in user sees it (with their own maximum), or none.
    void show(const QString& listingId, const QString& sellerId,
              const std::optional<bitmarket::Auction>& auction);
    // The public state from a frame: nobody's maximum, so the user's own stays.
    void showPublic(const bitmarket::Auction& auction);

    QString userId() const { return m_userId; }
    void setUserId(const QString& userId);
    bool isAuction() const { return m_auction.has_value(); }
    QString state() const;
    bool running() const;
    bool isSeller() const;
    QString currentPriceText() const;
    qint64 bidCount() const { return m_auction ? m_auction->bidCount : 0; }
    qint64 bidderCount() const { return m_auction ? m_auction->bidderCount : 0; }
    QString minNextBidText() const;
    QString minNextBidInput() const;
    bool buyNowOffered() const;
    QString buyNowPriceText() const;
    QString reservePriceText() const;
    bool reserveNotMet() const;
    bool reserveMet() const {
        return m_auction && m_auction->bidCount > 0 && m_auction->reserveMet;
    }
    QString endsAtText() const;
    QString timeLeftText() const;
    bool endingSoon() const;
    bool extended() const { return m_auction && m_auction->extended; }
    bool hasYourMax() const { return m_auction && m_auction->yourMax.has_value(); }
    QString yourMaxText() const;
    bool leading() const;
    bool outbid() const;
    bool sold() const { return m_auction && !m_auction->winnerId.isEmpty(); }
    bool youWon() const;
    QString winnerName() const;
    QString finalPriceText() const;
    QString orderId() const { return m_auction ? m_auction->orderId : QString(); }
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }
    BidHistoryModel* history() { return &m_history; }

    // Bids up to `maxText` (as typed, "30,000"); false, with the reason in errorMessage, when
    // the amount cannot be a bid here. Trying again the same amount after the server could not
    // be reached sends the same bid again (the same Idempotency-Key), never a second one.
    Q_INVOKABLE bool placeBid(const QString& maxText);
    Q_INVOKABLE void buyNow();
    // The seller's, before the first bid.
    Q_INVOKABLE void cancelAuction();
    Q_INVOKABLE void clearError();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void changed();
    void clockChanged();
    void busyChanged();
    void errorMessageChanged();
    // The listing is worth reading again: it was bought or cancelled, a bid was refused
    // (the auction moved on), or its end passed without a frame saying it closed.
    void reloadWanted();
    void bidAccepted(bool leading);
    void boughtNow(const QString& orderId);
    void auctionCancelled();

private:
    void apply(bitmarket::Auction auction);
    // Bids are counted one by one: a state with fewer of them than shown arrived late.
    bool isOlderThanShown(const bitmarket::Auction& auction) const;
    void onBidAnswered(bitmarket::Result<bitmarket::PlacedBid> placed, bool unreachable);
    void tick();
    qint64 msLeft() const;
    qint64 parseAmount(const QString& text) const;
    void setBusy(bool busy);
    void setError(const QString& message);

    QPointer<ApiClient> m_api;
    QString m_listingId;
    QString m_sellerId;
    QString m_userId;
    std::optional<bitmarket::Auction> m_auction;
    BidHistoryModel m_history;
    QTimer m_clock;
    bool m_askedAfterEnd = false;
    bool m_busy = false;
    QString m_errorMessage;
    // The bid the user is trying to place and the key it was sent with, kept while the server
    // has not answered it, so the same bid tried again is the same request.
    qint64 m_pendingAmount = -1;
    QString m_pendingKey;
    QString m_buyNowKey;
};
