#include "notifications/AlertSettings.h"

#include "api/ApiClient.h"
#include "auctions/AuctionLabels.h"
#include "bitmarket/NotificationRules.h"
#include "format/MoneyFormat.h"

using bitmarket::SavedKeyword;

AlertSettings::AlertSettings(QObject* parent) : QAbstractListModel(parent) {
}

int AlertSettings::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_keywords.size());
}

QVariant AlertSettings::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_keywords.size())
        return {};
    const SavedKeyword& k = m_keywords.at(index.row());
    switch (role) {
    case KeywordIdRole:
        return k.id;
    case KeywordRole:
        return k.keyword;
    case DetailRole: {
        QStringList parts;
        if (!k.categoryId.isEmpty())
            parts.append(k.categoryId);
        if (k.maxPrice)
            parts.append(tr("up to %1").arg(MoneyFormat::format(*k.maxPrice)));
        return parts.isEmpty() ? tr("Any category, any price") : parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> AlertSettings::roleNames() const {
    return {{KeywordIdRole, "keywordId"}, {KeywordRole, "keyword"}, {DetailRole, "detail"}};
}

void AlertSettings::setApi(ApiClient* api) {
    if (api == m_api)
        return;
    m_api = api;
    emit apiChanged();
}

QStringList AlertSettings::types() const {
    return bitmarket::notification::kTypes;
}

int AlertSettings::maxKeywords() const {
    return bitmarket::notification::kMaxKeywordsPerUser;
}

QString AlertSettings::typeLabel(const QString& type) const {
    namespace n = bitmarket::notification;
    if (type == n::kKeywordMatch)
        return tr("New listings for my keywords");
    if (type == n::kPriceDrop)
        return tr("Price drops on my favorites");
    if (type == n::kModelReady)
        return tr("My 3D model is ready");
    if (type == n::kModelFailed)
        return tr("My 3D model failed");
    if (type == n::kChatMessage)
        return tr("Chat messages while I am away");
    if (type == n::kOrderUpdated)
        return tr("Changes to my orders");
    const QString auction = AuctionLabels::notificationType(type);
    return auction.isEmpty() ? type : auction;
}

void AlertSettings::reload() {
    if (!m_api)
        return;
    NotificationsApi calls(m_api);
    calls.mutedTypes(this, [this](bitmarket::Result<QStringList> muted) {
        if (!muted)
            return setErrorMessage(muted.error().message);
        m_muted = *muted;
        emit mutedTypesChanged();
    });
    calls.keywords(this, [this](bitmarket::Result<QList<SavedKeyword>> keywords) {
        if (!keywords)
            return setErrorMessage(keywords.error().message);
        beginResetModel();
        m_keywords = *keywords;
        endResetModel();
        emit countChanged();
    });
}

void AlertSettings::setMuted(const QString& type, bool muted) {
    if (!m_api || m_muted.contains(type) == muted)
        return;
    QStringList wanted = m_muted;
    if (muted)
        wanted.append(type);
    else
        wanted.removeAll(type);
    m_muted = wanted;
    emit mutedTypesChanged();
    NotificationsApi(m_api).setMutedTypes(wanted, this, [this](bitmarket::Result<QStringList> now) {
        if (!now) {
            setErrorMessage(now.error().message);
            return reload();
        }
        m_muted = *now;
        emit mutedTypesChanged();
    });
}

void AlertSettings::addKeyword(const QString& keyword, const QString& categoryId) {
    if (!m_api)
        return;
    SavedKeyword k;
    k.keyword = keyword.simplified();
    k.categoryId = categoryId;
    NotificationsApi(m_api).addKeyword(k, this, [this](bitmarket::Result<SavedKeyword> saved) {
        if (!saved)
            return setErrorMessage(saved.error().message);
        setErrorMessage({});
        const bool known = std::any_of(m_keywords.cbegin(), m_keywords.cend(),
                                       [&](const SavedKeyword& k) { return k.id == saved->id; });
        if (!known) {
            beginInsertRows({}, int(m_keywords.size()), int(m_keywords.size()));
            m_keywords.append(*saved);
            endInsertRows();
            emit countChanged();
        }
        emit keywordSaved(saved->keyword);
    });
}

void AlertSettings::removeKeyword(int row) {
    if (!m_api || row < 0 || row >= m_keywords.size())
        return;
    const QString id = m_keywords.at(row).id;
    beginRemoveRows({}, row, row);
    m_keywords.removeAt(row);
    endRemoveRows();
    emit countChanged();
    NotificationsApi(m_api).removeKeyword(id, this, [this](bitmarket::Result<void> removed) {
        if (!removed) {
            setErrorMessage(removed.error().message);
            reload();
        }
    });
}

void AlertSettings::setErrorMessage(const QString& message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}
