#include "orders/Payouts.h"

#include "bitmarket/Cursor.h"
#include "bitmarket/Ids.h"

namespace bitmarket::server::orders {

const QString Payouts::kPayoutKind = QStringLiteral("orders.payout");

namespace {

qint64 pendingPayouts(db::Connection& c, const QString& sellerId) {
    auto q = c.query("SELECT coalesce(sum(amount), 0) FROM payouts WHERE seller_id = ?1 "
                     "AND status = 'pending'");
    q.bind(sellerId);
    q.next();
    return q.integer(0);
}

} // namespace

Payouts::Payouts(db::Database& db, payments::PaymentProvider& provider, jobs::JobQueue& jobs)
    : m_db(db), m_provider(provider), m_jobs(jobs) {}

Result<int> Payouts::run() {
    const qint64 t = m_jobs.now();
    return m_db.write([&](db::Connection& c) -> Result<int> {
        int made = 0;
        for (const auto& [sellerId, payable] : Ledger::payableBalances(c)) {
            if (pendingPayouts(c, sellerId) > 0)
                continue; // the open payout is retried by its job; the rest waits for the next run
            const QString id = newId("po");
            c.query("INSERT INTO payouts (id, seller_id, amount, currency, status, created_at) "
                    "VALUES (?1, ?2, ?3, 'KRW', 'pending', ?4)")
                .bind(id, sellerId, payable, t)
                .run();
            jobs::JobQueue::NewJob job;
            job.kind = kPayoutKind;
            job.payload = QJsonObject{{"payoutId", id}};
            if (auto queued = m_jobs.enqueueIn(c, job); !queued)
                return queued.error();
            ++made;
        }
        return made;
    });
}

Result<void> Payouts::pay(const QString& payoutId) {
    struct Pending {
        QString sellerId;
        Money amount;
        QString status;
    };
    auto pending = m_db.read([&](db::Connection& c) -> Result<Pending> {
        auto q = c.query("SELECT seller_id, amount, currency, status FROM payouts WHERE id = ?1");
        q.bind(payoutId);
        if (!q.next())
            return ApiError::notFound(QStringLiteral("No such payout."));
        return Pending{q.text(0), Money{q.integer(1), q.text(2)}, q.text(3)};
    });
    if (!pending)
        return pending.error();
    if (pending->status != u"pending")
        return {};
    if (auto paid = m_provider.payOut({payoutId, pending->sellerId, pending->amount}); !paid)
        return paid.error();
    const qint64 t = m_jobs.now();
    auto recorded = m_db.write([&](db::Connection& c) -> Result<bool> {
        c.query("UPDATE payouts SET status = 'paid', paid_at = ?2 WHERE id = ?1 AND status = 'pending'")
            .bind(payoutId, t)
            .run();
        if (c.changes() == 0)
            return false;
        Ledger::post(c, QStringLiteral("payout:") + payoutId, QStringLiteral("payout"),
                     {{Ledger::payable(pending->sellerId), -pending->amount.amount},
                      {Ledger::paidOut(pending->sellerId), pending->amount.amount}},
                     pending->amount.currency, {}, payoutId, t);
        return true;
    });
    if (!recorded)
        return recorded.error();
    return {};
}

Result<Balance> Payouts::balance(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<Balance> {
        const QString krw = QStringLiteral("KRW");
        return Balance{Money{Ledger::balanceOf(c, Ledger::escrow(userId)), krw},
                       Money{Ledger::balanceOf(c, Ledger::payable(userId)) - pendingPayouts(c, userId), krw},
                       Money{Ledger::balanceOf(c, Ledger::paidOut(userId)), krw}};
    });
}

Result<LedgerPage> Payouts::entries(const QString& userId, const QString& cursor, int limit) {
    const QString sort = QStringLiteral("ledger");
    qint64 beforeSeq = 0;
    if (!cursor.isEmpty()) {
        const auto decoded = Cursor::decode(cursor);
        if (!decoded || decoded->sort != sort || decoded->keys.size() != 1)
            return ApiError::validation(QStringLiteral("This cursor is not valid for this query."),
                                        "cursor");
        beforeSeq = decoded->keys[0].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<LedgerPage> {
        LedgerPage page{Ledger::entriesOf(c, userId, beforeSeq, limit + 1), {}};
        if (page.items.size() > limit) {
            page.items.resize(limit);
            page.nextCursor = Cursor{sort, QJsonArray{page.items.last().seq}}.encode();
        }
        return page;
    });
}

} // namespace bitmarket::server::orders
