#include "market/ListingViews.h"

#include "market/ListingTable.h"
#include "market/ListingViewTable.h"

namespace bitmarket::server {

ListingViews::ListingViews(db::Database& db) : m_db(db), m_thread([this] { run(); }) {}

ListingViews::~ListingViews() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_stopped.notify_all();
    m_thread.join();
    writeWaiting();
}

void ListingViews::add(const QString& listingId, const QString& viewerKey, qint64 hour) {
    const QString key = listingId + u'\n' + viewerKey + u'\n' + QString::number(hour);
    std::lock_guard lock(m_mutex);
    if (m_waiting.contains(key))
        return;
    m_waiting.insert(key, View{listingId, viewerKey, hour});
    ++m_uncommitted[listingId];
}

void ListingViews::addWaiting(Listing& listing) const {
    std::lock_guard lock(m_mutex);
    listing.viewCount += m_uncommitted.value(listing.id);
}

void ListingViews::addWaiting(QList<Listing>& listings) const {
    std::lock_guard lock(m_mutex);
    if (m_uncommitted.isEmpty())
        return;
    for (Listing& l : listings)
        l.viewCount += m_uncommitted.value(l.id);
}

void ListingViews::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_stopped.wait_for(lock, kWriteEvery, [this] { return m_stopping; });
        lock.unlock();
        writeWaiting();
        lock.lock();
    }
}

void ListingViews::writeWaiting() {
    QList<View> views;
    {
        std::lock_guard lock(m_mutex);
        views = m_waiting.values();
        m_waiting.clear();
    }
    // In writes of a bounded size: other writes (a bid) wait behind one of them at most.
    for (qsizetype from = 0; from < views.size(); from += kViewsPerWrite)
        write(views.mid(from, kViewsPerWrite));
}

void ListingViews::write(const QList<View>& views) {
    QHash<QString, int> perListing;
    for (const View& v : views)
        ++perListing[v.listingId];
    const auto written = m_db.write([&](db::Connection& c) -> Result<bool> {
        QHash<QString, int> recorded;
        for (const View& v : views) {
            if (ListingViewTable::record(c, v.listingId, v.viewerKey, v.hour))
                ++recorded[v.listingId];
        }
        for (auto it = recorded.cbegin(); it != recorded.cend(); ++it)
            ListingTable::addViews(c, it.key(), it.value());
        // Once they are in the stored counts, they stop counting as waiting.
        c.afterCommit([this, perListing] { forget(perListing); });
        return true;
    });
    if (!written)
        forget(perListing); // lost, like a view when the server dies
}

void ListingViews::forget(const QHash<QString, int>& perListing) {
    std::lock_guard lock(m_mutex);
    for (auto it = perListing.cbegin(); it != perListing.cend(); ++it) {
        if ((m_uncommitted[it.key()] -= it.value()) <= 0)
            m_uncommitted.remove(it.key());
    }
}

} // namespace bitmarket::server
