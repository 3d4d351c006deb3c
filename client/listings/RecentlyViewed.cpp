#include "listings/RecentlyViewed.h"

#include "listings/ListingDetail.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

RecentlyViewed::RecentlyViewed(const QString& configDir, QObject* parent)
    : QObject(parent), m_settings(configDir + QStringLiteral("/recently-viewed.ini"),
                                  QSettings::IniFormat) {
}

void RecentlyViewed::setServer(const QUrl& server) {
    const QByteArray id = QCryptographicHash::hash(server.toString().toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .left(16);
    m_key = QStringLiteral("server-") + QString::fromLatin1(id) + QStringLiteral("/listings");
    m_listings.clear();
    for (const QString& json : m_settings.value(m_key).toStringList()) {
        const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
        if (!o.value("id").toString().isEmpty() && m_listings.size() < kMax)
            m_listings.append(bitmarket::Listing::fromJson(o));
    }
    emit changed();
}

void RecentlyViewed::add(const bitmarket::Listing& listing) {
    if (listing.id.isEmpty())
        return;
    bitmarket::Listing kept = listing;
    // What a card shows; the rest is read again when the listing is opened.
    kept.description.clear();
    kept.photos.clear();
    kept.seller.reset();
    kept.isFavorite.reset();
    m_listings.removeIf([&](const bitmarket::Listing& l) { return l.id == listing.id; });
    m_listings.prepend(kept);
    while (m_listings.size() > kMax)
        m_listings.removeLast();
    save();
}

void RecentlyViewed::remember(ListingDetail* detail) {
    if (detail && detail->loaded())
        add(detail->listing());
}

void RecentlyViewed::clear() {
    if (m_listings.isEmpty())
        return;
    m_listings.clear();
    save();
}

void RecentlyViewed::save() {
    if (!m_key.isEmpty()) {
        QStringList kept;
        for (const bitmarket::Listing& l : m_listings)
            kept << QString::fromUtf8(QJsonDocument(l.toJson()).toJson(QJsonDocument::Compact));
        m_settings.setValue(m_key, kept);
        m_settings.sync();
    }
    emit changed();
}
