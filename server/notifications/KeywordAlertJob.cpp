#include "notifications/KeywordAlertJob.h"

namespace bitmarket::server::notifications {

Result<QJsonObject> KeywordAlertJob::run(const jobs::JobRecord& job,
                                         const jobs::JobProgress& progress) {
    if (auto sent = m_notifications.sendKeywordAlerts(job.payload.value("listingId").toString(),
                                                      progress);
        !sent)
        return sent.error();
    return QJsonObject{};
}

} // namespace bitmarket::server::notifications
