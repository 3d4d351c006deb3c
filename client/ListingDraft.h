// The sell form behind the scenes: a new listing or an edit of one of the
// user's own. Checks what it can before sending, creates or updates the
// listing, deletes photos the seller removed and uploads new ones one by one
// (so each has its own progress bar), and puts the server's validation errors
// next to the field they name.
#pragma once

#include "ApiClient.h"
#include "DraftPhotoListModel.h"

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
    Q_PROPERTY(QString title MEMBER m_title NOTIFY fieldsChanged)
    Q_PROPERTY(QString description MEMBER m_description NOTIFY fieldsChanged)
    Q_PROPERTY(QString categoryId MEMBER m_categoryId NOTIFY fieldsChanged)
    Q_PROPERTY(QString condition MEMBER m_condition NOTIFY fieldsChanged)
    Q_PROPERTY(QString price MEMBER m_price NOTIFY fieldsChanged)
    Q_PROPERTY(QString tags MEMBER m_tags NOTIFY fieldsChanged)
    Q_PROPERTY(QString region MEMBER m_region NOTIFY fieldsChanged)
    Q_PROPERTY(DraftPhotoListModel* photos READ photos CONSTANT)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stageChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int maxPhotos READ maxPhotos CONSTANT)

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
    int maxPhotos() const { return 20; }

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
    bool validate();
    QJsonObject body() const;
    void load();
    void deleteRemovedPhotos();
    void uploadNextPhoto();
    void finishUploads();
    void setStage(Stage stage);
    void setMessage(const QString& message, QVariantMap fieldErrors = {});

    QPointer<ApiClient> m_api;
    QString m_listingId;
    QString m_title;
    QString m_description;
    QString m_categoryId;
    QString m_condition = QStringLiteral("good");
    QString m_price;
    QString m_tags;
    QString m_region;
    DraftPhotoListModel m_photos;
    QStringList m_removedRemoteIds;
    Stage m_stage = Editing;
    QVariantMap m_fieldErrors;
    QString m_message;
};
