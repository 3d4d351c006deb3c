#include "orders/Ledger.h"

#include "bitmarket/Timestamp.h"

#include <QJsonObject>

namespace bitmarket::server::orders {

QJsonObject LedgerEntry::toJson() const {
    QJsonObject o{{"id", QString::number(seq)},
                  {"txn", txn},
                  {"kind", kind},
                  {"account", account.section(u':', 0, 0)},
                  {"amount", amount.toJson()},
                  {"createdAt", toRfc3339(createdAtMs)}};
    if (!orderId.isEmpty())
        o.insert("orderId", orderId);
    if (!payoutId.isEmpty())
        o.insert("payoutId", payoutId);
    return o;
}

QJsonObject Balance::toJson() const {
    return QJsonObject{{"pending", pending.toJson()},
                       {"available", available.toJson()},
                       {"paidOut", paidOut.toJson()}};
}

void Ledger::post(db::Connection& c, const QString& txn, const QString& kind, const QList<Leg>& legs,
                  const QString& currency, const QString& orderId, const QString& payoutId,
                  qint64 nowMs) {
    qint64 sum = 0;
    for (const Leg& leg : legs)
        sum += leg.amount;
    Q_ASSERT(sum == 0);
    for (const Leg& leg : legs) {
        if (leg.amount == 0)
            continue;
        c.query("INSERT INTO ledger_entries (txn, kind, account, amount, currency, order_id, "
                "payout_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, ''), "
                "NULLIF(?7, ''), ?8)")
            .bind(txn, kind, leg.account, leg.amount, currency, orderId, payoutId, nowMs)
            .run();
    }
}

qint64 Ledger::balanceOf(db::Connection& c, const QString& account) {
    auto q = c.query("SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account = ?1");
    q.bind(account);
    q.next();
    return q.integer(0);
}

QList<LedgerEntry> Ledger::entriesOf(db::Connection& c, const QString& userId, qint64 beforeSeq,
                                     int limit) {
    auto q = c.query("SELECT seq, txn, kind, account, amount, currency, order_id, payout_id, "
                     "created_at FROM ledger_entries WHERE account IN (?1, ?2, ?3, ?4) "
                     "AND (?5 = 0 OR seq < ?5) ORDER BY seq DESC LIMIT ?6");
    q.bind(buyer(userId), escrow(userId), payable(userId), paidOut(userId), beforeSeq, limit);
    QList<LedgerEntry> out;
    while (q.next())
        out.append(LedgerEntry{q.integer(0), q.text(1), q.text(2), q.text(3),
                               Money{q.integer(4), q.text(5)}, q.text(6), q.text(7), q.integer(8)});
    return out;
}

QList<std::pair<QString, qint64>> Ledger::payableBalances(db::Connection& c) {
    auto q = c.query("SELECT substr(account, 9), sum(amount) FROM ledger_entries "
                     "WHERE account LIKE 'payable:%' GROUP BY account HAVING sum(amount) > 0");
    QList<std::pair<QString, qint64>> out;
    while (q.next())
        out.append({q.text(0), q.integer(1)});
    return out;
}

} // namespace bitmarket::server::orders
