// One listing as its page shows it: loads GET /listings/{id}, keeps the
// favorite heart and count honest, and follows `listing:{id}` on the live
// socket, showing the listing each `listing.updated` pushes without a reload.
// An auction listing's bid panel is its `auction`, fed from the same loads and
// from the auction.* frames on that topic.
#pragma once

#include "api/ApiClient.h"
#include "auctions/LiveAuction.h"
#include "bitmarket/ApiTypes.h"
#include "listings/ModelProgress.h"
#include "listings/PhotoListModel.h"
#include "realtime/RealtimeClient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ListingDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(RealtimeClient* realtime READ realtime WRITE setRealtime NOTIFY apiChanged)
    Q_PROPERTY(QString listingId READ listingId WRITE setListingId NOTIFY listingIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY loadingChanged)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString description READ description NOTIFY changed)
    Q_PROPERTY(QString priceText READ priceText NOTIFY changed)
    Q_PROPERTY(qint64 priceAmount READ priceAmount NOTIFY changed)
    Q_PROPERTY(QString currency READ currency NOTIFY changed)
    Q_PROPERTY(QString condition READ condition NOTIFY changed)
    Q_PROPERTY(QString conditionText READ conditionText NOTIFY changed)
    Q_PROPERTY(QString region READ region NOTIFY changed)
    Q_PROPERTY(QString categoryId READ categoryId NOTIFY changed)
    // Its own signal: the tags' buttons are made again only when the tags change, not at
    // every live update (a view counted elsewhere), which took them away under the pointer.
    Q_PROPERTY(QStringList tags READ tags NOTIFY tagsChanged)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString saleType READ saleType NOTIFY changed)
    Q_PROPERTY(QString timeAgo READ timeAgo NOTIFY changed)
    Q_PROPERTY(QString sellerId READ sellerId NOTIFY changed)
    Q_PROPERTY(QString sellerName READ sellerName NOTIFY changed)
    Q_PROPERTY(bool isFavorite READ isFavorite NOTIFY changed)
    Q_PROPERTY(qint64 favoriteCount READ favoriteCount NOTIFY changed)
    Q_PROPERTY(qint64 viewCount READ viewCount NOTIFY changed)
    Q_PROPERTY(PhotoListModel* photos READ photos CONSTANT)
    Q_PROPERTY(bool hasModel READ hasModel NOTIFY changed)
    Q_PROPERTY(QString modelStatus READ modelStatus NOTIFY changed)
    Q_PROPERTY(QUrl modelUrl READ modelUrl NOTIFY changed)
    Q_PROPERTY(QUrl modelPreviewUrl READ modelPreviewUrl NOTIFY changed)
    Q_PROPERTY(QString modelQuality READ modelQuality NOTIFY changed)
    Q_PROPERTY(qint64 modelTriangles READ modelTriangles NOTIFY changed)
    Q_PROPERTY(bool modelInProgress READ modelInProgress NOTIFY changed)
    Q_PROPERTY(double modelProgress READ modelProgress NOTIFY changed)
    // The model's step in plain words and the time left, while it is being made.
    Q_PROPERTY(QString modelStepText READ modelStepText NOTIFY changed)
    Q_PROPERTY(QString modelTimeLeftText READ modelTimeLeftText NOTIFY changed)
    Q_PROPERTY(LiveAuction* auction READ auction CONSTANT)

public:
    explicit ListingDetail(QObject* parent = nullptr);
    ~ListingDetail() override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    RealtimeClient* realtime() const { return m_realtime; }
    void setRealtime(RealtimeClient* realtime);
    QString listingId() const { return m_listingId; }
    void setListingId(const QString& id);

    bool loading() const { return m_loading; }
    bool loaded() const { return !m_listing.id.isEmpty(); }
    const bitmarket::Listing& listing() const { return m_listing; }
    QString errorMessage() const { return m_errorMessage; }
    QString title() const { return m_listing.title; }
    QString description() const { return m_listing.description; }
    QString priceText() const;
    qint64 priceAmount() const { return m_listing.price.amount; }
    QString currency() const { return m_listing.price.currency; }
    QString condition() const { return m_listing.condition; }
    QString conditionText() const;
    QString region() const { return m_listing.region; }
    QString categoryId() const { return m_listing.categoryId; }
    QStringList tags() const { return m_listing.tags; }
    QString status() const { return m_listing.status; }
    QString saleType() const { return m_listing.saleType; }
    QString timeAgo() const;
    QString sellerId() const { return m_listing.sellerId; }
    QString sellerName() const;
    bool isFavorite() const { return m_listing.isFavorite.value_or(false); }
    qint64 favoriteCount() const { return m_listing.favoriteCount; }
    qint64 viewCount() const { return m_listing.viewCount; }
    PhotoListModel* photos() { return &m_photos; }
    bool hasModel() const;
    QString modelStatus() const;
    QUrl modelUrl() const;
    QUrl modelPreviewUrl() const;
    QString modelQuality() const;
    qint64 modelTriangles() const;
    bool modelInProgress() const;
    double modelProgress() const { return m_modelProgress.progress(); }
    QString modelStepText() const { return m_modelProgress.stepText(); }
    QString modelTimeLeftText() const;
    LiveAuction* auction() { return &m_auction; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void toggleFavorite();
    // The heart pressed before signing in, now that the user has: adds the favorite,
    // then reads the listing again as this user (their heart, the new count).
    Q_INVOKABLE void addToFavorites();
    // Seller only: asks the server to build the 3D model from the listing's
    // photos; progress then arrives live as job.progress events.
    Q_INVOKABLE void requestModel();

    // The price and age are formatted here: redo them when the UI language changes.
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void apiChanged();
    void listingIdChanged();
    void loadingChanged();
    void tagsChanged();
    void changed();

private:
    // `asCaller`: read for the signed-in user (their own maximum in it), not a public frame.
    void apply(bitmarket::Listing next, bool asCaller);
    void showFavorite(const QString& listingId, bool favorite, qint64 favoriteCount);
    void setError(const QString& message);
    void follow(const QString& id);
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);

    QPointer<ApiClient> m_api;
    QPointer<RealtimeClient> m_realtime;
    QString m_listingId;
    QString m_followedTopic;
    bitmarket::Listing m_listing;
    PhotoListModel m_photos;
    LiveAuction m_auction;
    QString m_errorMessage;
    bool m_loading = false;
    int m_generation = 0;
    ModelProgress m_modelProgress;
};
