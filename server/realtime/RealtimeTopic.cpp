#include "realtime/RealtimeTopic.h"

#include <QRegularExpression>

namespace bitmarket::server {

namespace {

const QString kListingPrefix = QStringLiteral("listing:");
const QString kUserPrefix = QStringLiteral("user:");

// Ids are opaque to clients, but a topic names one exactly: no spaces, separators or
// wildcards that could later be mistaken for a pattern.
bool isPlausibleId(const QString& id) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    return pattern.match(id).hasMatch();
}

} // namespace

RealtimeTopic::RealtimeTopic(Kind kind, QString subjectId, QString name)
    : m_kind(kind), m_subjectId(std::move(subjectId)), m_name(std::move(name)) {
}

QString RealtimeTopic::listing(const QString& listingId) {
    return kListingPrefix + listingId;
}

QString RealtimeTopic::user(const QString& userId) {
    return kUserPrefix + userId;
}

Result<RealtimeTopic> RealtimeTopic::parse(const QString& name) {
    const qsizetype colon = name.indexOf(QLatin1Char(':'));
    const QString prefix = name.left(colon + 1);
    const QString id = colon < 0 ? QString() : name.mid(colon + 1);
    std::optional<Kind> kind;
    if (colon >= 0 && prefix == kListingPrefix)
        kind = Kind::Listing;
    else if (colon >= 0 && prefix == kUserPrefix)
        kind = Kind::User;
    if (!kind || !isPlausibleId(id))
        return ApiError::validation(
            QStringLiteral("Unknown topic \"%1\"; expected %2 or %3."), QStringLiteral("topics"))
            .arg(name.left(80))
            .arg(listing(QStringLiteral("{id}")))
            .arg(user(QStringLiteral("{id}")));
    return RealtimeTopic(*kind, id, name);
}

Result<void> RealtimeTopic::checkReadableBy(const std::optional<QString>& userId) const {
    if (m_kind == Kind::Listing)
        return Done{};
    if (!userId)
        return ApiError::forbidden(QStringLiteral("Sign in to follow %1.")).arg(m_name);
    if (*userId != m_subjectId)
        return ApiError::forbidden(QStringLiteral("You may only follow your own user topic."));
    return Done{};
}

} // namespace bitmarket::server
