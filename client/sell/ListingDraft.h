// The sell form behind the scenes: a new listing or an edit of one of the
// user's own. Checks what it can before sending (with the server's own
// limits, from bitmarket/ListingRules.h), creates or updates the
// listing, deletes photos the seller removed and uploads new ones one by one
// (so each has its own progress bar), and puts the server's validation errors
// next to the field they name. A new listing is sold at a fixed price or by
// auction (saleType); an auction's price is its start price, and its other
// terms are `auction`. An edit leaves the sale type alone, and an auction's terms too once it
// has a bid (they are frozen then); before the first bid the seller may change them.
#pragma once

#include "api/ApiClient.h"
#include "bitmarket/ListingRules.h"
#include "sell/AuctionTermsDraft.h"
#include "sell/DraftPhotoListModel.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class ListingDraft : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QString listingId READ listingId WRITE setListingId NOTIFY listingIdChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY fieldsChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY fieldsChanged)
    Q_PROPERTY(QString categoryId READ categoryId WRITE setCategoryId NOTIFY fieldsChanged)
    Q_PROPERTY(QString condition READ condition WRITE setCondition NOTIFY fieldsChanged)
    Q_PROPERTY(QString price READ price WRITE setPrice NOTIFY fieldsChanged)
    Q_PROPERTY(QString tags READ tags WRITE setTags NOTIFY fieldsChanged)
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY fieldsChanged)
    Q_PROPERTY(QString saleType READ saleType WRITE setSaleType NOTIFY fieldsChanged)
    Q_PROPERTY(AuctionTermsDraft* auction READ auction CONSTANT)
    Q_PROPERTY(bool termsEditable READ termsEditable NOTIFY fieldsChanged)
    Q_PROPERTY(DraftPhotoListModel* photos READ photos CONSTANT)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stageChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int maxPhotos READ maxPhotos CONSTANT)
    Q_PROPERTY(int titleMaxLength READ titleMaxLength CONSTANT)
    Q_PROPERTY(int descriptionMaxLength READ descriptionMaxLength CONSTANT)
    Q_PROPERTY(int regionMaxLength READ regionMaxLength CONSTANT)

public:
    enum Stage { Editing, Loading, Saving, Uploading, Done };
    Q_ENUM(Stage)

    explicit ListingDraft(QObject* parent = nullptr);

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    QString listingId() const { return m_listingId; }
    // Setting an id loads that listing for editing; an empty one starts a new listing.
    void setListingId(const QString& id);
    DraftPhotoListModel* photos() { return &m_photos; }
    Stage stage() const { return m_stage; }
    bool busy() const { return m_stage == Loading || m_stage == Saving || m_stage == Uploading; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    QString message() const { return m_message; }
    // The shared listing rules (bitmarket/ListingRules.h), as the server checks them.
    int maxPhotos() const { return bitmarket::listing::kPhotosMax; }
    int titleMaxLength() const { return bitmarket::listing::kTitleMaxLength; }
    int descriptionMaxLength() const { return bitmarket::listing::kDescriptionMaxLength; }
    int regionMaxLength() const { return bitmarket::listing::kRegionMaxLength; }
    QString title() const { return m_title; }
    void setTitle(const QString& value) { updateField(m_title, value, "title"); }
    QString description() const { return m_description; }
    void setDescription(const QString& value) { updateField(m_description, value, "description"); }
    QString categoryId() const { return m_categoryId; }
    void setCategoryId(const QString& value) { updateField(m_categoryId, value, "categoryId"); }
    QString condition() const { return m_condition; }
    void setCondition(const QString& value) { updateField(m_condition, value, "condition"); }
    QString price() const { return m_price; }
    void setPrice(const QString& value) { updateField(m_price, value, "price"); }
    QString tags() const { return m_tags; }
    void setTags(const QString& value) { updateField(m_tags, value, "tags"); }
    QString region() const { return m_region; }
    void setRegion(const QString& value) { updateField(m_region, value, "region"); }
    // "fixed" or "auction"; chosen for a new listing only.
    QString saleType() const { return m_saleType; }
    void setSaleType(const QString& value);
    AuctionTermsDraft* auction() { return &m_auction; }
    // An auction's terms (its start price among them) can be set: always for a new listing,
    // for an edit only while the auction runs without a bid.
    bool termsEditable() const { return m_listingId.isEmpty() || m_termsEditable; }

    // Adds image files (from the picker or a drop); returns how many were accepted.
    Q_INVOKABLE int addPhotos(const QList<QUrl>& urls);
    Q_INVOKABLE void movePhoto(int from, int to);
    Q_INVOKABLE void removePhoto(int row);
    Q_INVOKABLE void submit();
    Q_INVOKABLE void reset();

signals:
    void apiChanged();
    void listingIdChanged();
    void fieldsChanged();
    void stageChanged();
    void messageChanged();
    void saved(const QString& listingId);

private:
    // Sets a field and drops its error: the seller is fixing it.
    void updateField(QString& member, const QString& value, const char* field);
    bool validate();
    QStringList tagList() const;
    QJsonObject body() const;
    void load();
    void saveTerms();
    void showSaveError(const bitmarket::ApiError& error);
    void deleteRemovedPhotos();
    void uploadNextPhoto();
    void finishUploads();
    void setStage(Stage stage);
    void setMessage(const QString& message, QVariantMap fieldErrors = {});
    void dropFieldError(const QString& field);
    bool isAuction() const;

    QPointer<ApiClient> m_api;
    QString m_listingId;
    QString m_title;
    QString m_description;
    QString m_categoryId;
    QString m_condition = QStringLiteral("good");
    QString m_price;
    QString m_tags;
    QString m_region;
    QString m_saleType = QStringLiteral("fixed");
    AuctionTermsDraft m_auction;
    bool m_termsEditable = false;
    QJsonObject m_loadedTerms; // the edited auction's terms as loaded, to send only a change
    DraftPhotoListModel m_photos;
    QStringList m_removedRemoteIds;
    Stage m_stage = Editing;
    QVariantMap m_fieldErrors;
    QString m_message;
};
