#include "sell/ListingDraft.h"

#include "api/ApiClient.h"
#include "api/AuctionsApi.h"
#include "api/ListingsApi.h"
#include "api/PhotosApi.h"
#include "bitmarket/ApiTypes.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

using bitmarket::Listing;
using bitmarket::Photo;
using bitmarket::Result;
namespace rules = bitmarket::listing;

namespace {

constexpr qint64 kMaxPhotoBytes = 20LL * 1024 * 1024;

QByteArray contentTypeOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png")
        return "image/png";
    if (suffix == "webp")
        return "image/webp";
    return "image/jpeg";
}

QByteArray digestOf(const QString& path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result();
}

bool isImageFile(const QString& path) {
    static const QStringList suffixes{"jpg", "jpeg", "png", "webp"};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

// "price.amount" -> "price": the form has one field per top-level property, and
// one per auction term ("auction.reservePrice.amount" -> "reservePrice",
// "auction.endsAt" -> "duration", "auction.startPrice" -> "price").
QString formFieldOf(const QString& apiField) {
    const QString top = apiField.section(QLatin1Char('.'), 0, 0);
    if (top != QLatin1String("auction"))
        return top;
    const QString term = apiField.section(QLatin1Char('.'), 1, 1);
    if (term == QLatin1String("endsAt"))
        return QStringLiteral("duration");
    if (term == QLatin1String("startPrice") || term.isEmpty())
        return QStringLiteral("price");
    return term;
}

} // namespace

ListingDraft::ListingDraft(QObject* parent) : QObject(parent) {
    connect(&m_auction, &AuctionTermsDraft::edited, this, &ListingDraft::dropFieldError);
}

void ListingDraft::updateField(QString& member, const QString& value, const char* field) {
    if (member == value)
        return;
    member = value;
    m_auction.setStartPrice(MoneyFormat::parse(m_price, QStringLiteral("KRW")));
    emit fieldsChanged();
    dropFieldError(QLatin1String(field));
}

void ListingDraft::dropFieldError(const QString& field) {
    if (m_fieldErrors.remove(field) > 0)
        setMessage(m_fieldErrors.isEmpty() ? QString() : m_message, m_fieldErrors);
}

void ListingDraft::setSaleType(const QString& value) {
    if (m_saleType == value || !m_listingId.isEmpty() || !rules::saleTypeNamed(value))
        return;
    m_saleType = value;
    emit fieldsChanged();
    // The auction's own fields are not asked of a fixed-price listing.
    for (const char* field : {"minIncrement", "reservePrice", "buyNowPrice", "duration"})
        dropFieldError(QLatin1String(field));
}

bool ListingDraft::isAuction() const {
    return m_saleType == QLatin1String("auction");
}

void ListingDraft::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    m_api = api;
    emit apiChanged();
    load();
}

void ListingDraft::setListingId(const QString& id) {
    if (m_listingId == id)
        return;
    m_listingId = id;
    emit listingIdChanged();
    load();
}

void ListingDraft::reset() {
    m_listingId.clear();
    m_title.clear();
    m_description.clear();
    m_categoryId.clear();
    m_condition = QStringLiteral("good");
    m_price.clear();
    m_tags.clear();
    m_region.clear();
    m_saleType = QStringLiteral("fixed");
    m_auction.reset();
    m_auction.setStartPrice(-1);
    m_termsEditable = false;
    m_loadedTerms = {};
    m_removedRemoteIds.clear();
    m_photos.setItems({});
    emit listingIdChanged();
    emit fieldsChanged();
    setMessage({});
    setStage(Editing);
}

void ListingDraft::load() {
    if (!m_api || m_listingId.isEmpty())
        return;
    setStage(Loading);
    ListingsApi(m_api).detail(m_listingId, this, [this](Result<Listing> listing) {
        if (!listing) {
            setMessage(listing.error().message);
            setStage(Editing);
            return;
        }
        const Listing& l = listing.value();
        m_title = l.title;
        m_description = l.description;
        m_categoryId = l.categoryId;
        m_condition = l.condition;
        // Grouped as the seller reads prices everywhere else ("180,000").
        m_price = MoneyFormat::amountText(l.price);
        m_tags = l.tags.join(QStringLiteral(", "));
        m_region = l.region;
        m_saleType = l.saleType;
        m_auction.setStartPrice(MoneyFormat::parse(m_price, QStringLiteral("KRW")));
        m_termsEditable = l.auction && l.auction->state == QLatin1String("running") &&
                          l.auction->bidCount == 0;
        if (m_termsEditable) {
            // The start price is the auction's, not the current price the listing shows.
            m_price = MoneyFormat::amountText(l.auction->startPrice);
            m_auction.setStartPrice(l.auction->startPrice.amount);
            m_auction.load(*l.auction);
            m_loadedTerms = m_auction.toJson(l.auction->startPrice.amount, bitmarket::nowMs());
        }
        QList<DraftPhotoListModel::Item> photos;
        for (const bitmarket::Photo& p : l.photos) {
            DraftPhotoListModel::Item item;
            item.imageUrl = m_api->mediaUrl(p.thumbUrl.isEmpty() ? p.url : p.thumbUrl);
            item.remoteId = p.id;
            item.progress = 1;
            item.state = DraftPhotoListModel::State::Uploaded;
            photos.append(item);
        }
        m_photos.setItems(std::move(photos));
        m_removedRemoteIds.clear();
        emit fieldsChanged();
        setStage(Editing);
    });
}

int ListingDraft::addPhotos(const QList<QUrl>& urls) {
    int accepted = 0;
    QStringList problems;
    for (const QUrl& url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
        const QFileInfo info(path);
        if (m_photos.rowCount() >= maxPhotos()) {
            problems << tr("A listing can have at most %1 photos.").arg(maxPhotos());
            break;
        }
        if (!info.isFile() || !isImageFile(path)) {
            problems << tr("%1 is not a JPEG, PNG or WebP image.").arg(info.fileName());
            continue;
        }
        if (info.size() > kMaxPhotoBytes) {
            problems << tr("%1 is larger than 20 MB.").arg(info.fileName());
            continue;
        }
        // The same photo twice gives the buyer nothing and the 3D model a false view.
        const QByteArray digest = digestOf(info.absoluteFilePath());
        const auto& items = m_photos.items();
        const auto same = std::find_if(items.begin(), items.end(), [&](const auto& p) {
            return p.localPath == info.absoluteFilePath() ||
                   (!digest.isEmpty() && p.digest == digest);
        });
        if (same != items.end()) {
            problems << (same->localPath == info.absoluteFilePath()
                             ? tr("%1 is already in this listing.").arg(info.fileName())
                             : tr("%1 is the same photo as %2, already in this listing.")
                                   .arg(info.fileName(), QFileInfo(same->localPath).fileName()));
            continue;
        }
        DraftPhotoListModel::Item item;
        item.imageUrl = QUrl::fromLocalFile(info.absoluteFilePath());
        item.localPath = info.absoluteFilePath();
        item.digest = digest;
        m_photos.append(item);
        ++accepted;
    }
    QVariantMap errors = m_fieldErrors;
    errors.remove("photos");
    if (!problems.isEmpty())
        errors.insert("photos", problems.join(QLatin1Char('\n')));
    setMessage(m_message, errors);
    return accepted;
}

void ListingDraft::movePhoto(int from, int to) {
    if (!busy())
        m_photos.move(from, to);
}

void ListingDraft::removePhoto(int row) {
    if (busy() || row < 0 || row >= m_photos.rowCount())
        return;
    const QString remoteId = m_photos.items().at(row).remoteId;
    if (!remoteId.isEmpty())
        m_removedRemoteIds.append(remoteId);
    m_photos.remove(row);
}

bool ListingDraft::validate() {
    QVariantMap errors;
    const auto tooLong = [](int max) { return tr("Use at most %n character(s).", nullptr, max); };
    const QString title = m_title.trimmed();
    if (title.size() < rules::kTitleMinLength)
        errors.insert("title", tr("Give the item a title."));
    else if (title.size() > rules::kTitleMaxLength)
        errors.insert("title", tooLong(rules::kTitleMaxLength));
    if (m_description.trimmed().size() > rules::kDescriptionMaxLength)
        errors.insert("description", tooLong(rules::kDescriptionMaxLength));
    if (m_region.trimmed().size() > rules::kRegionMaxLength)
        errors.insert("region", tooLong(rules::kRegionMaxLength));
    if (m_categoryId.isEmpty())
        errors.insert("categoryId", tr("Choose a category."));
    const qint64 price = MoneyFormat::parse(m_price, QStringLiteral("KRW"));
    if (price < rules::kPriceMin)
        errors.insert("price", tr("Enter a price, like 25,000."));
    else if (price > rules::kPriceMax)
        errors.insert("price", tr("That price is higher than BitMarket allows."));
    if (isAuction() && termsEditable())
        m_auction.validate(price, errors);
    if (!rules::conditionNamed(m_condition))
        errors.insert("condition", tr("Choose the item's condition."));
    const QStringList tags = tagList();
    if (tags.size() > rules::kTagsMax)
        errors.insert("tags", tr("Use at most %n tag(s).", nullptr, rules::kTagsMax));
    else if (std::any_of(tags.begin(), tags.end(),
                         [](const QString& t) { return t.size() > rules::kTagMaxLength; }))
        errors.insert("tags",
                      tr("Keep each tag to %n character(s).", nullptr, rules::kTagMaxLength));
    setMessage(errors.isEmpty() ? QString() : tr("Please check the highlighted fields."), errors);
    return errors.isEmpty();
}

QStringList ListingDraft::tagList() const {
    QStringList tags;
    for (const QString& t : m_tags.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = t.trimmed().remove(QLatin1Char('#'));
        if (!tag.isEmpty())
            tags.append(tag);
    }
    return tags;
}

QJsonObject ListingDraft::body() const {
    return QJsonObject{
        {"title", m_title.trimmed()},
        {"description", m_description.trimmed()},
        {"categoryId", m_categoryId},
        {"price", bitmarket::Money{MoneyFormat::parse(m_price, "KRW"), "KRW"}.toJson()},
        {"condition", m_condition},
        {"tags", QJsonArray::fromStringList(tagList())},
        {"region", m_region.trimmed()},
    };
}

void ListingDraft::submit() {
    if (!m_api || busy() || !validate())
        return;
    setStage(Saving);
    QJsonObject fields = body();
    // The sale type is chosen once. An edit sends an auction's terms, its start price among
    // them, on their own afterwards (saveTerms), and only while they can change.
    if (m_listingId.isEmpty()) {
        fields.insert("saleType", m_saleType);
        if (isAuction())
            fields.insert("auction",
                          m_auction.toJson(MoneyFormat::parse(m_price, "KRW"), bitmarket::nowMs()));
    } else if (isAuction()) {
        fields.remove("price");
    }
    auto answer = [this](Result<Listing> listing) {
        if (!listing) {
            showSaveError(listing.error());
            return;
        }
        if (m_listingId.isEmpty() && !listing->id.isEmpty()) {
            m_listingId = listing->id;
            emit listingIdChanged();
            deleteRemovedPhotos();
            return;
        }
        saveTerms();
    };
    ListingsApi listings(m_api);
    if (m_listingId.isEmpty())
        listings.create(fields, this, std::move(answer));
    else
        listings.update(m_listingId, fields, this, std::move(answer));
}

// After an edit's fields: the auction's new terms, when the seller changed them.
void ListingDraft::saveTerms() {
    const QJsonObject terms =
        m_termsEditable ? m_auction.toJson(MoneyFormat::parse(m_price, "KRW"), bitmarket::nowMs())
                        : QJsonObject();
    if (terms.isEmpty() || terms == m_loadedTerms) {
        deleteRemovedPhotos();
        return;
    }
    AuctionsApi(m_api).changeTerms(m_listingId, terms, this, [this, terms](Result<Listing> listing) {
        if (!listing) {
            showSaveError(listing.error());
            return;
        }
        m_loadedTerms = terms;
        deleteRemovedPhotos();
    });
}

void ListingDraft::showSaveError(const bitmarket::ApiError& error) {
    if (!error.field.isEmpty())
        setMessage(tr("Please check the highlighted fields."),
                   QVariantMap{{formFieldOf(error.field), error.message}});
    else
        setMessage(error.message);
    setStage(Editing);
}

void ListingDraft::deleteRemovedPhotos() {
    if (m_removedRemoteIds.isEmpty()) {
        setStage(Uploading);
        uploadNextPhoto();
        return;
    }
    const QString photoId = m_removedRemoteIds.takeFirst();
    // A photo that is already gone is as good as deleted; carry on either way.
    PhotosApi(m_api).remove(m_listingId, photoId, this,
                            [this](const Result<void>&) { deleteRemovedPhotos(); });
}

void ListingDraft::uploadNextPhoto() {
    const auto& items = m_photos.items();
    int row = -1;
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).remoteId.isEmpty() &&
            items.at(i).state != DraftPhotoListModel::State::Failed) {
            row = i;
            break;
        }
    }
    if (row < 0) {
        finishUploads();
        return;
    }
    const QString path = items.at(row).localPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_photos.update(row, 0, DraftPhotoListModel::State::Failed, tr("Cannot read the file."));
        uploadNextPhoto();
        return;
    }
    m_photos.update(row, 0, DraftPhotoListModel::State::Uploading);
    ApiCall* call = PhotosApi(m_api).upload(
        m_listingId, UploadFile{QFileInfo(path).fileName(), file.readAll(), contentTypeOf(path)},
        this, [this, row](Result<Photo> photo) {
            if (!photo) {
                m_photos.update(row, 0, DraftPhotoListModel::State::Failed, photo.error().message);
            } else {
                m_photos.markRemote(row,
                                    photo->id.isEmpty() ? QStringLiteral("uploaded") : photo->id);
                m_photos.update(row, 1, DraftPhotoListModel::State::Uploaded);
            }
            uploadNextPhoto();
        });
    // Rows can move while uploading only through this class, which refuses while busy.
    connect(call, &ApiCall::uploadProgress, this, [this, row](qint64 sent, qint64 total) {
        if (total > 0)
            m_photos.update(row, double(sent) / double(total),
                            DraftPhotoListModel::State::Uploading);
    });
}

void ListingDraft::finishUploads() {
    int failed = 0;
    for (int i = 0; i < m_photos.items().size(); ++i) {
        if (m_photos.items().at(i).state == DraftPhotoListModel::State::Failed) {
            ++failed;
            // Pending again, so the next Save retries it.
            m_photos.update(i, 0, DraftPhotoListModel::State::Pending,
                            m_photos.items().at(i).error);
        }
    }
    if (failed > 0) {
        setMessage(tr("%n photo(s) could not be uploaded. Save again to retry.", nullptr, failed));
        setStage(Editing);
        return;
    }
    setMessage({});
    setStage(Done);
    emit saved(m_listingId);
}

void ListingDraft::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged();
}

void ListingDraft::setMessage(const QString& message, QVariantMap fieldErrors) {
    m_message = message;
    m_fieldErrors = std::move(fieldErrors);
    emit messageChanged();
}
