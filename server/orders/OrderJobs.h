// The orders domain's background work, each a job kind registered in app/: an order's deadline,
// a stored webhook event, a refund, one payout, and the recurring runs that look up open payments
// (reconciliation) and make payouts.
#pragma once

#include "jobs/JobHandler.h"
#include "jobs/RecurringJob.h"
#include "orders/OrderPayments.h"
#include "orders/OrderService.h"
#include "orders/Payouts.h"

namespace bitmarket::server::orders {

class OrderDeadlineJob : public jobs::JobHandler {
public:
    explicit OrderDeadlineJob(OrderService& orders) : m_orders(orders) {}
    QString kind() const override { return OrderService::kDeadlineKind; }
    jobs::RetryPolicy retryPolicy() const override { return {10, 5'000, 300'000, {}}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    OrderService& m_orders;
};

// Retried until the provider answers: a webhook stored is a webhook applied.
class PaymentEventJob : public jobs::JobHandler {
public:
    explicit PaymentEventJob(OrderPayments& payments) : m_payments(payments) {}
    QString kind() const override { return OrderPayments::kEventKind; }
    jobs::RetryPolicy retryPolicy() const override { return {20, 1'000, 300'000, {}}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    OrderPayments& m_payments;
};

// Retried until the provider has given the money back.
class PaymentRefundJob : public jobs::JobHandler {
public:
    explicit PaymentRefundJob(OrderPayments& payments) : m_payments(payments) {}
    QString kind() const override { return OrderPayments::kRefundKind; }
    jobs::RetryPolicy retryPolicy() const override { return {30, 5'000, 3'600'000, {}}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    OrderPayments& m_payments;
};

class PayoutJob : public jobs::JobHandler {
public:
    explicit PayoutJob(Payouts& payouts) : m_payouts(payouts) {}
    QString kind() const override { return Payouts::kPayoutKind; }
    jobs::RetryPolicy retryPolicy() const override { return {30, 2'000, 3'600'000, {}}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    Payouts& m_payouts;
};

class PaymentReconciliation : public jobs::RecurringJob {
public:
    static const QString kKind;
    PaymentReconciliation(OrderPayments& payments, jobs::JobQueue& queue, qint64 intervalMs)
        : RecurringJob(queue, kKind, intervalMs), m_payments(payments) {}

protected:
    Result<QJsonObject> runOnce() override;

private:
    OrderPayments& m_payments;
};

class PayoutRun : public jobs::RecurringJob {
public:
    static const QString kKind;
    PayoutRun(Payouts& payouts, jobs::JobQueue& queue, qint64 intervalMs)
        : RecurringJob(queue, kKind, intervalMs), m_payouts(payouts) {}

protected:
    Result<QJsonObject> runOnce() override;

private:
    Payouts& m_payouts;
};

} // namespace bitmarket::server::orders
