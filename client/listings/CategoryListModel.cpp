#include "listings/CategoryListModel.h"

#include "api/ApiClient.h"
#include "api/ListingsApi.h"

using bitmarket::Category;
using bitmarket::Result;

namespace {
void appendSubtree(const QList<Category>& all, const QString& parentId, int depth,
                   QList<QPair<Category, int>>& out) {
    for (const Category& c : all) {
        if (c.parentId == parentId && depth < 8) {
            out.append({c, depth});
            appendSubtree(all, c.id, depth + 1, out);
        }
    }
}
} // namespace

CategoryListModel::CategoryListModel(QObject* parent) : QAbstractListModel(parent) {
}

int CategoryListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CategoryListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& e = m_entries.at(index.row());
    switch (role) {
    case CategoryIdRole:
        return e.category.id;
    case NameRole:
        return e.category.name;
    case ParentIdRole:
        return e.category.parentId;
    case DepthRole:
        return e.depth;
    default:
        return {};
    }
}

QHash<int, QByteArray> CategoryListModel::roleNames() const {
    return {{CategoryIdRole, "categoryId"},
            {NameRole, "name"},
            {ParentIdRole, "parentId"},
            {DepthRole, "depth"}};
}

void CategoryListModel::componentComplete() {
    m_complete = true;
    reload();
}

void CategoryListModel::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    if (m_api)
        disconnect(m_api, nullptr, this, nullptr);
    m_api = api;
    if (m_api)
        connect(m_api, &ApiClient::languageChanged, this, &CategoryListModel::reload);
    emit apiChanged();
    reload();
}

void CategoryListModel::reload() {
    if (!m_api || !m_complete)
        return;
    ListingsApi(m_api).categories(this, [this](Result<Page<Category>> page) {
        if (!page)
            return;
        QList<QPair<Category, int>> ordered;
        appendSubtree(page->items, QString(), 0, ordered);
        beginResetModel();
        m_entries.clear();
        for (const auto& [category, depth] : ordered)
            m_entries.append(Entry{category, depth});
        endResetModel();
        emit countChanged();
    });
}

QString CategoryListModel::nameOf(const QString& categoryId) const {
    const int row = indexOf(categoryId);
    return row < 0 ? QString() : m_entries.at(row).category.name;
}

int CategoryListModel::indexOf(const QString& categoryId) const {
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).category.id == categoryId)
            return i;
    }
    return -1;
}

QString CategoryListModel::idAt(int row) const {
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).category.id : QString();
}

int CategoryListModel::depthAt(int row) const {
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).depth : 0;
}
