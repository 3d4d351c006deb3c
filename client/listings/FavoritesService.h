// The heart of a listing wherever it shows (a card in a grid, the listing
// page): one toggle for the whole app. The heart answers the click at once,
// the server is asked, and every model showing the listing hears of it:
// the optimistic change, then the server's count, or the way back if the
// server refused. Listing data that arrives while a change is in flight (a
// reload, a page, a live update) is shown with the change still applied, so
// a heart does not flicker back. There is one per ApiClient, so every model
// talking to the same server shares it.
#pragma once

#include "api/ListingsApi.h"

#include <QHash>
#include <QObject>

class ApiClient;

class FavoritesService : public QObject {
    Q_OBJECT

public:
    static FavoritesService* of(ApiClient* api);

    // `shownFavorite` and `shownCount` are what the caller's heart shows now;
    // `done` hears the server's answer (after every model has).
    void setFavorite(const QString& listingId, bool favorite, bool shownFavorite, qint64 shownCount,
                     QObject* context, Answer<FavoriteState> done);
    // Listing data fresh from the server, with a change still in flight applied.
    void reconcile(bitmarket::Listing& listing) const;

signals:
    void favoriteChanged(const QString& listingId, bool favorite, qint64 favoriteCount);

private:
    explicit FavoritesService(ApiClient* api);

    struct Change {
        bool favorite = false;
        int generation = 0;
    };

    ApiClient* m_api;
    QHash<QString, Change> m_inFlight;
    int m_generation = 0;
};
