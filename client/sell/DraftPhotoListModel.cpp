#include "sell/DraftPhotoListModel.h"

#include <QFileInfo>

DraftPhotoListModel::DraftPhotoListModel(QObject* parent) : QAbstractListModel(parent) {
}

int DraftPhotoListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant DraftPhotoListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item& p = m_items.at(index.row());
    switch (role) {
    case ImageUrlRole:
        return p.imageUrl;
    case FileNameRole:
        return p.localPath.isEmpty() ? QString() : QFileInfo(p.localPath).fileName();
    case ProgressRole:
        return p.progress;
    case StateRole:
        switch (p.state) {
        case State::Pending:
            return QStringLiteral("pending");
        case State::Uploading:
            return QStringLiteral("uploading");
        case State::Uploaded:
            return QStringLiteral("uploaded");
        case State::Failed:
            return QStringLiteral("failed");
        }
        return {};
    case RemoteRole:
        return !p.remoteId.isEmpty();
    case ErrorRole:
        return p.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> DraftPhotoListModel::roleNames() const {
    return {{ImageUrlRole, "imageUrl"}, {FileNameRole, "fileName"}, {ProgressRole, "progress"},
            {StateRole, "uploadState"}, {RemoteRole, "remote"},     {ErrorRole, "errorText"}};
}

QStringList DraftPhotoListModel::fileUrls() const {
    QStringList urls;
    for (const Item& item : m_items) {
        if (!item.localPath.isEmpty())
            urls << item.imageUrl.toString();
    }
    return urls;
}

void DraftPhotoListModel::setItems(QList<Item> items) {
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
    emit countChanged();
}

void DraftPhotoListModel::append(const Item& item) {
    beginInsertRows({}, int(m_items.size()), int(m_items.size()));
    m_items.append(item);
    endInsertRows();
    emit countChanged();
}

bool DraftPhotoListModel::move(int from, int to) {
    if (from < 0 || to < 0 || from >= m_items.size() || to >= m_items.size() || from == to)
        return false;
    // beginMoveRows counts the destination before the move.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_items.move(from, to);
    endMoveRows();
    return true;
}

bool DraftPhotoListModel::remove(int row) {
    if (row < 0 || row >= m_items.size())
        return false;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    emit countChanged();
    return true;
}

void DraftPhotoListModel::update(int row, double progress, State state, const QString& error) {
    if (row < 0 || row >= m_items.size())
        return;
    Item& p = m_items[row];
    p.progress = progress;
    p.state = state;
    p.error = error;
    emit dataChanged(index(row), index(row), {ProgressRole, StateRole, ErrorRole});
}

void DraftPhotoListModel::markRemote(int row, const QString& remoteId) {
    if (row < 0 || row >= m_items.size())
        return;
    m_items[row].remoteId = remoteId;
    emit dataChanged(index(row), index(row), {RemoteRole});
}
