#pragma once

#include "http/Router.h"
#include "market/CategoryService.h"
#include "market/ListingService.h"

namespace bitmarket::server {

// /categories, /listings (search, CRUD), favorites, /me/favorites
void addListingRoutes(Router& router, ListingService& listings, CategoryService& categories);

} // namespace bitmarket::server
