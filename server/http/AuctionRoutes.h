#pragma once

#include "auctions/AuctionService.h"
#include "http/Router.h"

namespace bitmarket::server {

// Bidding (POST/GET /listings/{id}/bids), buy-now, the seller's cancel, and the caller's own
// bids (GET /me/bids).
void addAuctionRoutes(Router& router, auctions::AuctionService& auctions);

} // namespace bitmarket::server
