// The seller lowered a listing's price (an edit that raises it or leaves it does not count).
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct ListingPriceDropped {
    Listing listing; // after the change
    Money oldPrice;
};

} // namespace bitmarket::server
