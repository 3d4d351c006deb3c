// An order was created or moved to another status; both sides' clients follow it.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct OrderChanged {
    Order order;
};

} // namespace bitmarket::server
