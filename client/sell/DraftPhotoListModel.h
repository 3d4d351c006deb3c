// The photos of a listing being written: files picked or dropped (and, when
// editing, the photos already on the server), in the order the seller wants,
// each with its own upload progress.
#pragma once

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class DraftPhotoListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of ListingDraft")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The picked files (as URLs), so the photo picker can show them as added.
    Q_PROPERTY(QStringList fileUrls READ fileUrls NOTIFY countChanged)

public:
    enum Role {
        ImageUrlRole = Qt::UserRole + 1,
        FileNameRole,
        ProgressRole,
        StateRole,
        RemoteRole,
        ErrorRole,
    };
    enum class State { Pending, Uploading, Uploaded, Failed };

    struct Item {
        QUrl imageUrl; // a local file, or the thumbnail of a photo already uploaded
        QString localPath;
        QByteArray digest; // of a local file's bytes: the same photo under another name
        QString remoteId;
        double progress = 0;
        State state = State::Pending;
        QString error;
    };

    explicit DraftPhotoListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<Item>& items() const { return m_items; }
    QStringList fileUrls() const;
    void setItems(QList<Item> items);
    void append(const Item& item);
    bool move(int from, int to);
    bool remove(int row);
    void update(int row, double progress, State state, const QString& error = {});
    void markRemote(int row, const QString& remoteId);

signals:
    void countChanged();

private:
    QList<Item> m_items;
};
