// The listings this person opened lately, newest first, kept on this machine
// (a QSettings file in the config folder) and apart for each server, since a
// listing id means something only on the server it came from. Each is kept as
// it was seen (title, price, cover): shown again without asking the server,
// which would count another view for every one of them.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QList>
#include <QObject>
#include <QSettings>
#include <QUrl>

class ListingDetail;

class RecentlyViewed : public QObject {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY changed)

public:
    static constexpr int kMax = 20;

    explicit RecentlyViewed(const QString& configDir, QObject* parent = nullptr);

    // Which server's list is read and written.
    void setServer(const QUrl& server);
    QList<bitmarket::Listing> listings() const { return m_listings; }
    int count() const { return int(m_listings.size()); }

    // Opened now: first in the list (once), the oldest beyond kMax forgotten.
    void add(const bitmarket::Listing& listing);
    // A listing page that has loaded its listing.
    Q_INVOKABLE void remember(ListingDetail* detail);
    Q_INVOKABLE void clear();

signals:
    void changed();

private:
    void save();

    QSettings m_settings;
    QString m_key;
    QList<bitmarket::Listing> m_listings;
};
