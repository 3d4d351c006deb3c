#pragma once

#include "auctions/AuctionService.h"
#include "http/Router.h"
#include "market/CategoryService.h"
#include "market/ListingService.h"

namespace bitmarket::server {

// /categories, /listings (search, CRUD), favorites, /me/favorites. An auction's detail carries
// the caller's own maximum (from `auctions`).
void addListingRoutes(Router& router, ListingService& listings, CategoryService& categories,
                      auctions::AuctionService& auctions);

} // namespace bitmarket::server
