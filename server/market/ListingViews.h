// Views of listings, counted in memory and written about once a second in one write.
// A view is two writes, the viewer's mark for the hour and the listing's count, each on
// a random page of a large table: written one by one, they were a fifth of the server's
// time under detail traffic. Within a second views share pages, and one commit replaces
// a hundred. The counts people see include the views still waiting (addWaiting), so the
// delay shows nowhere; views still waiting when the server dies are lost (a clean stop
// writes them), as a view was never worth a durable wait.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace bitmarket::server {

class ListingViews {
public:
    static constexpr std::chrono::milliseconds kWriteEvery{1000};
    // About 13 ms of the writer's time each.
    static constexpr qsizetype kViewsPerWrite = 1000;

    explicit ListingViews(db::Database& db);
    // Writes what is still waiting.
    ~ListingViews();
    ListingViews(const ListingViews&) = delete;
    ListingViews& operator=(const ListingViews&) = delete;

    // A view the caller did not find recorded. One viewer's views of one listing in one
    // hour are one view, waiting or written.
    void add(const QString& listingId, const QString& viewerKey, qint64 hour);
    // Adds the views still waiting to each listing's stored count.
    void addWaiting(Listing& listing) const;
    void addWaiting(QList<Listing>& listings) const;

private:
    struct View {
        QString listingId;
        QString viewerKey;
        qint64 hour = 0;
    };
    void run();
    void writeWaiting();
    void write(const QList<View>& views);
    void forget(const QHash<QString, int>& perListing);

    db::Database& m_db;
    mutable std::mutex m_mutex;
    std::condition_variable m_stopped;
    bool m_stopping = false;
    QHash<QString, View> m_waiting;     // by listing, viewer and hour
    QHash<QString, int> m_uncommitted; // per listing: waiting or being written
    std::thread m_thread;
};

} // namespace bitmarket::server
