#include "orders/OrderJobs.h"

namespace bitmarket::server::orders {

const QString PaymentReconciliation::kKind = QStringLiteral("orders.reconcile-payments");
const QString PayoutRun::kKind = QStringLiteral("orders.payout-run");

namespace {
Result<QJsonObject> done(const Result<void>& r) {
    if (!r)
        return r.error();
    return QJsonObject{};
}
} // namespace

Result<QJsonObject> OrderDeadlineJob::run(const jobs::JobRecord& job, const jobs::JobProgress&) {
    return done(m_orders.runDeadline(job.payload.value("orderId").toString(),
                                     job.payload.value("due").toString()));
}

Result<QJsonObject> PaymentEventJob::run(const jobs::JobRecord& job, const jobs::JobProgress&) {
    return done(m_payments.processEvent(job.payload.value("eventId").toString(),
                                        job.payload.value("paymentId").toString(),
                                        job.payload.value("status").toString()));
}

Result<QJsonObject> PaymentRefundJob::run(const jobs::JobRecord& job, const jobs::JobProgress&) {
    auto given = m_payments.giveBack(job.payload.value("paymentId").toString(),
                                     job.payload.value("reason").toString());
    if (!given)
        return given.error();
    return QJsonObject{{"payment", given->paymentStatus}};
}

Result<QJsonObject> PayoutJob::run(const jobs::JobRecord& job, const jobs::JobProgress&) {
    return done(m_payouts.pay(job.payload.value("payoutId").toString()));
}

Result<QJsonObject> PaymentReconciliation::runOnce() {
    auto looked = m_payments.reconcile();
    if (!looked)
        return looked.error();
    return QJsonObject{{"lookedUp", *looked}};
}

Result<QJsonObject> PayoutRun::runOnce() {
    auto made = m_payouts.run();
    if (!made)
        return made.error();
    return QJsonObject{{"payouts", *made}};
}

} // namespace bitmarket::server::orders
