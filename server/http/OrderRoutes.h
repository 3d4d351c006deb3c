#pragma once

#include "http/Router.h"
#include "orders/OrderService.h"

namespace bitmarket::server {

// The caller's orders as buyer or seller (GET /orders/{id}, GET /me/orders).
void addOrderRoutes(Router& router, orders::OrderService& orders);

} // namespace bitmarket::server
