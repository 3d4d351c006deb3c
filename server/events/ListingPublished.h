// A seller put a new listing on the market; it is in search from now on.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct ListingPublished {
    Listing listing; // as stored: title, tags, category, price and seller
};

} // namespace bitmarket::server
