#include "ListingDetail.h"

#include "ApiClient.h"
#include "MoneyFormat.h"
#include "RealtimeClient.h"
#include "RelativeTime.h"
#include "bitmarket/Timestamp.h"

#include <QCoreApplication>
#include <QEvent>

using bitmarket::ApiError;
using bitmarket::Job;
using bitmarket::Listing;
using bitmarket::ModelInfo;

ListingDetail::ListingDetail(QObject* parent) : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
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
    m_api = api;
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
    if (m_realtime)
        connect(m_realtime, &RealtimeClient::eventReceived, this, &ListingDetail::onEvent);
    follow(m_listingId);
    emit apiChanged();
}

void ListingDetail::setListingId(const QString& id) {
    if (m_listingId == id)
        return;
    m_listingId = id;
    m_listing = Listing{};
    m_photos.setPhotos({});
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
    ApiCall* call = m_api->get(QStringLiteral("/listings/") + m_listingId);
    connect(call, &ApiCall::succeeded, this, [this, generation](const QJsonObject& body) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_errorMessage.clear();
        emit loadingChanged();
        apply(body);
    });
    connect(call, &ApiCall::failed, this, [this, generation, call](const ApiError& error) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_errorMessage =
            call->httpStatus() == 404 ? tr("This listing is no longer available.") : error.message;
        emit loadingChanged();
    });
}

void ListingDetail::apply(const QJsonObject& json) {
    // Some servers wrap the resource ({"listing": {...}}); accept both shapes.
    const QJsonObject o =
        json.value("listing").isObject() ? json.value("listing").toObject() : json;
    Listing next = Listing::fromJson(o);
    if (next.id.isEmpty())
        return;
    if (!next.isFavorite)
        next.isFavorite = m_listing.isFavorite;
    m_listing = std::move(next);
    QList<PhotoListModel::Item> photos;
    for (const bitmarket::Photo& p : m_listing.photos)
        photos.append(
            {p.id, m_api->mediaUrl(p.url), m_api->mediaUrl(p.thumbUrl), p.width, p.height});
    m_photos.setPhotos(std::move(photos));
    emit changed();
}

void ListingDetail::onEvent(const QString& type, const QString& topic, const QJsonObject& data) {
    if (topic != m_followedTopic || m_followedTopic.isEmpty())
        return;
    if (type == QLatin1String("job.progress")) {
        m_modelProgress = data.value("progress").toDouble();
        m_modelStage = data.value("stage").toString();
        if (m_listing.model)
            m_listing.model->status = data.value("status").toString(m_listing.model->status);
        emit changed();
        return;
    }
    // The event carries the listing as GET /listings/{id} does, less the caller's heart, which
    // apply() keeps: shown as it comes, without asking again.
    if (type == QLatin1String("listing.updated")) {
        apply(data);
        return;
    }
    if (type == QLatin1String("listing.removed")) {
        m_errorMessage = tr("This listing is no longer available.");
        emit loadingChanged();
    }
}

bool ListingDetail::modelInProgress() const {
    const QString status = modelStatus();
    return status == QLatin1String("queued") || status == QLatin1String("running");
}

void ListingDetail::requestModel() {
    if (!m_api || !loaded() || modelInProgress())
        return;
    ApiCall* call = m_api->post(QStringLiteral("/listings/%1/model").arg(m_listingId), {});
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        const Job job = Job::fromJson(body.value("job").toObject());
        ModelInfo model = m_listing.model.value_or(ModelInfo{});
        model.status = job.status;
        model.jobId = job.id;
        m_listing.model = model;
        m_modelProgress = job.progress;
        m_modelStage = job.stage;
        emit changed();
    });
    connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
        m_errorMessage = error.message;
        emit loadingChanged();
    });
}

void ListingDetail::addToFavorites() {
    if (!m_api || m_listingId.isEmpty())
        return;
    ApiCall* call = m_api->put(QStringLiteral("/listings/%1/favorite").arg(m_listingId));
    connect(call, &ApiCall::succeeded, this, &ListingDetail::reload);
    connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
        m_errorMessage = error.message;
        emit loadingChanged();
    });
}

void ListingDetail::toggleFavorite() {
    if (!m_api || !loaded())
        return;
    const bool was = isFavorite();
    m_listing.isFavorite = !was;
    m_listing.favoriteCount = qMax<qint64>(0, m_listing.favoriteCount + (was ? -1 : 1));
    emit changed();
    const QString path = QStringLiteral("/listings/%1/favorite").arg(m_listingId);
    ApiCall* call = was ? m_api->del(path) : m_api->put(path);
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        if (body.contains("favoriteCount")) {
            m_listing.favoriteCount = body.value("favoriteCount").toInteger();
            emit changed();
        }
    });
    connect(call, &ApiCall::failed, this, [this, was](const ApiError& error) {
        m_listing.isFavorite = was;
        m_listing.favoriteCount = qMax<qint64>(0, m_listing.favoriteCount + (was ? 1 : -1));
        m_errorMessage = error.message;
        emit loadingChanged();
        emit changed();
    });
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
