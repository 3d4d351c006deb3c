// The title and body people read for a notification, in their language, made from its type
// and data when it is read (so switching language re-renders old notifications too).
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Language.h"
#include "notifications/NotificationTable.h"

namespace bitmarket::server::notifications {

class NotificationText {
public:
    static Notification render(const StoredNotification& stored, Language language);
    // "₩150,000" in English, "150,000원" in Korean; other currencies as "12.50 USD".
    static QString money(const Money& money, Language language);
};

} // namespace bitmarket::server::notifications
