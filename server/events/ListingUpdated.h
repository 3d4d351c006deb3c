// A listing changed: its text, price or status, its photos, its favorite count or its 3D model.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct ListingUpdated {
    // The public listing, as GET /listings/{id} shows it to an anonymous caller: photos, model
    // and seller included; no caller's isFavorite, and reading it counted no view.
    Listing listing;
};

} // namespace bitmarket::server
