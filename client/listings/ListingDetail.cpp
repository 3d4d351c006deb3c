#include "listings/ListingDetail.h"

#include "api/ApiClient.h"
#include "api/ListingsApi.h"
#include "api/ModelsApi.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"
#include "listings/FavoritesService.h"
#include "listings/ListingLabels.h"
#include "realtime/RealtimeClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>

using bitmarket::ErrorCode;
using bitmarket::Job;
using bitmarket::Listing;
using bitmarket::ModelInfo;
using bitmarket::Result;

ListingDetail::ListingDetail(QObject* parent) : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
    connect(&m_auction, &LiveAuction::reloadWanted, this, &ListingDetail::reload);
}

bool ListingDetail::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit changed();
    return QObject::eventFilter(watched, event);
}

ListingDetail::~ListingDetail() {
    follow({});
}

void ListingDetail::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    if (auto* favorites = FavoritesService::of(m_api))
        disconnect(favorites, nullptr, this, nullptr);
    if (m_api)
        disconnect(m_api, &ApiClient::reachableChanged, this, nullptr);
    m_api = api;
    m_auction.setApi(api);
    if (auto* favorites = FavoritesService::of(m_api))
        connect(favorites, &FavoritesService::favoriteChanged, this, &ListingDetail::showFavorite);
    // A listing that could not be loaded loads once the server is back.
    if (m_api)
        connect(m_api, &ApiClient::reachableChanged, this, [this] {
            if (m_api->reachable() && !m_errorMessage.isEmpty())
                reload();
        });
    emit apiChanged();
    reload();
}

void ListingDetail::setRealtime(RealtimeClient* realtime) {
    if (m_realtime == realtime)
        return;
    follow({});
    if (m_realtime)
        disconnect(m_realtime, nullptr, this, nullptr);
    m_realtime = realtime;
    if (m_realtime) {
        connect(m_realtime, &RealtimeClient::eventReceived, this, &ListingDetail::onEvent);
        // Bids made while the socket was down came as no frame: read how the auction stands.
        connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
            if (m_realtime->online() && m_listing.auction)
                reload();
        });
    }
    follow(m_listingId);
    emit apiChanged();
}

void ListingDetail::setListingId(const QString& id) {
    if (m_listingId == id)
        return;
    m_listingId = id;
    m_listing = Listing{};
    m_modelProgress.reset();
    emit tagsChanged();
    m_photos.setPhotos({});
    m_auction.show(id, {}, std::nullopt);
    emit listingIdChanged();
    emit changed();
    follow(id);
    reload();
}

void ListingDetail::follow(const QString& id) {
    if (!m_realtime)
        return;
    if (!m_followedTopic.isEmpty())
        m_realtime->unsubscribe(m_followedTopic);
    m_followedTopic = id.isEmpty() ? QString() : QStringLiteral("listing:") + id;
    if (!m_followedTopic.isEmpty())
        m_realtime->subscribe(m_followedTopic);
}

void ListingDetail::reload() {
    if (!m_api || m_listingId.isEmpty())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    emit loadingChanged();
    ListingsApi(m_api).detail(m_listingId, this, [this, generation](Result<Listing> listing) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_errorMessage = listing ? QString()
                         : listing.error().code == ErrorCode::NotFound
                             ? tr("This listing is no longer available.")
                             : listing.error().message;
        emit loadingChanged();
        if (listing)
            apply(std::move(listing).value(), true);
    });
}

void ListingDetail::apply(Listing next, bool asCaller) {
    if (next.id.isEmpty())
        return;
    if (!next.isFavorite)
        next.isFavorite = m_listing.isFavorite;
    if (asCaller || !next.auction)
        m_auction.show(next.id, next.sellerId, next.auction);
    else
        m_auction.showPublic(*next.auction);
    FavoritesService::of(m_api)->reconcile(next);
    const bool tagsDiffer = next.tags != m_listing.tags;
    m_listing = std::move(next);
    QList<PhotoListModel::Item> photos;
    for (const bitmarket::Photo& p : m_listing.photos)
        photos.append(
            {p.id, m_api->mediaUrl(p.url), m_api->mediaUrl(p.thumbUrl), p.width, p.height});
    m_photos.setPhotos(std::move(photos));
    emit changed();
    if (tagsDiffer)
        emit tagsChanged();
}

void ListingDetail::setError(const QString& message) {
    m_errorMessage = message;
    emit loadingChanged();
}

void ListingDetail::onEvent(const QString& type, const QString& topic, const QJsonObject& data) {
    if (topic != m_followedTopic || m_followedTopic.isEmpty())
        return;
    if (type == QLatin1String("job.progress")) {
        m_modelProgress.update(data.value("stage").toString(), data.value("progress").toDouble(),
                               QDateTime::currentMSecsSinceEpoch());
        if (m_listing.model)
            m_listing.model->status = data.value("status").toString(m_listing.model->status);
        emit changed();
        return;
    }
    // The event carries the listing as GET /listings/{id} does, less the caller's heart, which
    // apply() keeps (with a heart still in flight): shown as it comes, without asking again.
    if (type == QLatin1String("listing.updated")) {
        apply(Listing::fromJson(data), false);
        return;
    }
    if (type == QLatin1String("auction.bid") || type == QLatin1String("auction.closed")) {
        const bitmarket::Auction auction =
            bitmarket::Auction::fromJson(data.value("auction").toObject());
        m_listing.auction = auction;
        m_auction.showPublic(auction);
        // Closed: the listing's status and the winner's order come with a fresh read.
        if (type == QLatin1String("auction.closed"))
            reload();
        return;
    }
    if (type == QLatin1String("listing.removed"))
        setError(tr("This listing is no longer available."));
}

QString ListingDetail::modelTimeLeftText() const {
    return m_modelProgress.timeLeftText(QDateTime::currentMSecsSinceEpoch());
}

bool ListingDetail::modelInProgress() const {
    const QString status = modelStatus();
    return status == QLatin1String("queued") || status == QLatin1String("running");
}

void ListingDetail::requestModel() {
    if (!m_api || !loaded() || modelInProgress())
        return;
    ModelsApi(m_api).request(m_listingId, this, [this](Result<Job> job) {
        if (!job) {
            setError(job.error().message);
            return;
        }
        ModelInfo model = m_listing.model.value_or(ModelInfo{});
        model.status = job->status;
        model.jobId = job->id;
        m_listing.model = model;
        m_modelProgress.update(job->stage, job->progress, QDateTime::currentMSecsSinceEpoch());
        emit changed();
    });
}

void ListingDetail::addToFavorites() {
    if (!m_api || m_listingId.isEmpty())
        return;
    FavoritesService::of(m_api)->setFavorite(m_listingId, true, isFavorite(), favoriteCount(), this,
                                             [this](Result<FavoriteState> answer) {
                                                 if (answer)
                                                     reload();
                                                 else
                                                     setError(answer.error().message);
                                             });
}

void ListingDetail::toggleFavorite() {
    if (!m_api || !loaded())
        return;
    FavoritesService::of(m_api)->setFavorite(m_listingId, !isFavorite(), isFavorite(),
                                             favoriteCount(), this,
                                             [this](Result<FavoriteState> answer) {
                                                 if (!answer)
                                                     setError(answer.error().message);
                                             });
}

void ListingDetail::showFavorite(const QString& listingId, bool favorite, qint64 favoriteCount) {
    if (listingId != m_listing.id || m_listing.id.isEmpty())
        return;
    m_listing.isFavorite = favorite;
    m_listing.favoriteCount = favoriteCount;
    emit changed();
}

QString ListingDetail::conditionText() const {
    return ListingLabels::conditionText(m_listing.condition);
}

QString ListingDetail::priceText() const {
    return loaded() ? MoneyFormat::format(m_listing.price) : QString();
}

QString ListingDetail::timeAgo() const {
    return RelativeTime::since(m_listing.createdAtMs, bitmarket::nowMs());
}

QString ListingDetail::sellerName() const {
    if (!m_listing.seller)
        return {};
    return m_listing.seller->displayName.isEmpty() ? m_listing.seller->username
                                                   : m_listing.seller->displayName;
}

bool ListingDetail::hasModel() const {
    return m_listing.model && m_listing.model->status == QLatin1String("done") &&
           !m_listing.model->url.isEmpty();
}

QString ListingDetail::modelStatus() const {
    return m_listing.model ? m_listing.model->status : QString();
}

QUrl ListingDetail::modelUrl() const {
    return hasModel() && m_api ? m_api->mediaUrl(m_listing.model->url) : QUrl();
}

QUrl ListingDetail::modelPreviewUrl() const {
    return m_listing.model && m_api ? m_api->mediaUrl(m_listing.model->previewUrl) : QUrl();
}

QString ListingDetail::modelQuality() const {
    return m_listing.model ? m_listing.model->quality : QString();
}

qint64 ListingDetail::modelTriangles() const {
    return m_listing.model ? m_listing.model->triangles : 0;
}
