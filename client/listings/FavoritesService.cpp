#include "listings/FavoritesService.h"

#include "api/ApiClient.h"

using bitmarket::Listing;
using bitmarket::Result;

FavoritesService* FavoritesService::of(ApiClient* api) {
    if (!api)
        return nullptr;
    auto* service = api->findChild<FavoritesService*>(QString(), Qt::FindDirectChildrenOnly);
    return service ? service : new FavoritesService(api);
}

FavoritesService::FavoritesService(ApiClient* api) : QObject(api), m_api(api) {
}

void FavoritesService::setFavorite(const QString& listingId, bool favorite, bool shownFavorite,
                                   qint64 shownCount, QObject* context,
                                   Answer<FavoriteState> done) {
    const int generation = ++m_generation;
    m_inFlight.insert(listingId, Change{favorite, generation});
    const qint64 optimisticCount =
        favorite == shownFavorite ? shownCount : qMax<qint64>(0, shownCount + (favorite ? 1 : -1));
    emit favoriteChanged(listingId, favorite, optimisticCount);
    ListingsApi(m_api).setFavorite(
        listingId, favorite, this,
        [this, listingId, generation, optimisticCount, shownFavorite, shownCount,
         context = QPointer<QObject>(context), done](Result<FavoriteState> answer) {
            // A later click on the same heart is in flight: its answer decides.
            if (m_inFlight.value(listingId).generation == generation) {
                m_inFlight.remove(listingId);
                if (answer)
                    emit favoriteChanged(listingId, answer->favorite,
                                         answer->favoriteCount >= 0 ? answer->favoriteCount
                                                                    : optimisticCount);
                else
                    emit favoriteChanged(listingId, shownFavorite, shownCount);
            }
            if (context && done)
                done(std::move(answer));
        });
}

void FavoritesService::reconcile(Listing& listing) const {
    const auto change = m_inFlight.constFind(listing.id);
    if (change == m_inFlight.constEnd())
        return;
    if (listing.isFavorite && *listing.isFavorite != change->favorite)
        listing.favoriteCount =
            qMax<qint64>(0, listing.favoriteCount + (change->favorite ? 1 : -1));
    listing.isFavorite = change->favorite;
}
