// An order was created or moved to another status; both sides' clients follow it, and the
// people in `tell` (the side that did not act) get a notification.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QStringList>

namespace bitmarket::server {

struct OrderChanged {
    Order order;
    QStringList tell;
};

} // namespace bitmarket::server
