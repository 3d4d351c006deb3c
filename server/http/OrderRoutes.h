#pragma once

#include "http/Router.h"
#include "orders/OrderPayments.h"
#include "orders/OrderService.h"
#include "orders/Payouts.h"

namespace bitmarket::server {

// Orders (buy, pay, ship, confirm, cancel, read), the provider's webhooks and the page the
// browser returns to after checkout, and the seller's balance and ledger.
void addOrderRoutes(Router& router, orders::OrderService& orders, orders::OrderPayments& payments,
                    orders::Payouts& payouts);

} // namespace bitmarket::server
