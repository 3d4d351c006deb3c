#pragma once

#include "http/Router.h"
#include "notifications/NotificationService.h"
#include "notifications/SavedKeywordService.h"

namespace bitmarket::server {

// The caller's inbox (GET /notifications, GET /notifications/unread-count,
// POST /notifications/read), mutes (GET/PUT /me/notification-settings) and saved keywords
// (GET/POST /me/keywords, DELETE /me/keywords/{id}).
void addNotificationRoutes(Router& router, notifications::NotificationService& notifications,
                           notifications::SavedKeywordService& keywords);

} // namespace bitmarket::server
