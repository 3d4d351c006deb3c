// Paying sellers what they earned. A run (daily) turns each seller's available balance into a
// pending payout and queues a job for it; the job asks the provider to pay it under the
// payout's id, so a retry after a failure (or after a lost answer) is the same payout and the
// seller is paid once. The ledger moves payable → paid_out only when the provider said paid.
// Owns payouts.
#pragma once

#include "db/Database.h"
#include "jobs/JobQueue.h"
#include "orders/Ledger.h"
#include "payments/PaymentProvider.h"

namespace bitmarket::server::orders {

struct LedgerPage {
    QList<LedgerEntry> items;
    QString nextCursor;
};

class Payouts {
public:
    // The job kind that pays one payout: payload {payoutId}.
    static const QString kPayoutKind;

    Payouts(db::Database& db, payments::PaymentProvider& provider, jobs::JobQueue& jobs);

    // Makes a pending payout for every seller with an available balance; how many it made.
    Result<int> run();
    // Pays the payout at the provider (again: the same payout) and records it paid.
    Result<void> pay(const QString& payoutId);
    Result<Balance> balance(const QString& userId);
    // The user's ledger entries, newest first.
    Result<LedgerPage> entries(const QString& userId, const QString& cursor, int limit);

private:
    db::Database& m_db;
    payments::PaymentProvider& m_provider;
    jobs::JobQueue& m_jobs;
};

} // namespace bitmarket::server::orders
