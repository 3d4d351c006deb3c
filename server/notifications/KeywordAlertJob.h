// The job a published listing queues: NotificationService::sendKeywordAlerts for it. Run
// by the server's worker for every kind but 3D models, so alerts go out within a second or
// two of publishing.
#pragma once

#include "jobs/JobHandler.h"
#include "notifications/NotificationService.h"

namespace bitmarket::server::notifications {

class KeywordAlertJob : public jobs::JobHandler {
public:
    explicit KeywordAlertJob(NotificationService& notifications) : m_notifications(notifications) {}

    QString kind() const override { return NotificationService::kKeywordAlertsKind; }
    // A retry sends only the alerts the failed attempt had not (KeywordAlertTable).
    jobs::RetryPolicy retryPolicy() const override { return {5, 2'000, 60'000, {}}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    NotificationService& m_notifications;
};

} // namespace bitmarket::server::notifications
