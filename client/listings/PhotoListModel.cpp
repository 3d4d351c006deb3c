#include "listings/PhotoListModel.h"

PhotoListModel::PhotoListModel(QObject* parent) : QAbstractListModel(parent) {
}

int PhotoListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item& p = m_items.at(index.row());
    switch (role) {
    case PhotoIdRole:
        return p.id;
    case UrlRole:
        return p.url;
    case ThumbUrlRole:
        return p.thumbUrl;
    case WidthRole:
        return p.width;
    case HeightRole:
        return p.height;
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const {
    return {{PhotoIdRole, "photoId"},
            {UrlRole, "url"},
            {ThumbUrlRole, "thumbUrl"},
            {WidthRole, "photoWidth"},
            {HeightRole, "photoHeight"}};
}

void PhotoListModel::setPhotos(QList<Item> items) {
    const bool same = items.size() == m_items.size() &&
                      std::equal(items.begin(), items.end(), m_items.begin(),
                                 [](const Item& a, const Item& b) { return a.id == b.id; });
    if (same)
        return; // a live update that did not touch the photos keeps the carousel where it is
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
    emit countChanged();
}
