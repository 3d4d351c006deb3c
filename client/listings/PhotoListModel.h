// A listing's photos for the carousel and the full-size viewer.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class PhotoListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of ListingDetail")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { PhotoIdRole = Qt::UserRole + 1, UrlRole, ThumbUrlRole, WidthRole, HeightRole };

    explicit PhotoListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Media paths already resolved against the server.
    struct Item {
        QString id;
        QUrl url;
        QUrl thumbUrl;
        int width = 0;
        int height = 0;
    };
    void setPhotos(QList<Item> items);

signals:
    void countChanged();

private:
    QList<Item> m_items;
};
