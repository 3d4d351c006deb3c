// Owns ledger_entries: the double-entry ledger of the money that goes through the platform,
// append-only. Each transfer is one txn of entries summing to zero (so every entry together
// sums to zero), and a txn id is written once: a transfer applied twice fails instead.
// Accounts: buyer:{user} (what a buyer paid in, negative), escrow:{seller} (held for a
// seller's orders until they complete), payable:{seller}, paid_out:{seller}, revenue (fees).
#pragma once

#include "bitmarket/Money.h"
#include "db/Connection.h"

#include <QList>
#include <optional>

namespace bitmarket::server::orders {

struct LedgerEntry {
    qint64 seq = 0;
    QString txn;
    QString kind; // payment, completion, refund, payout
    QString account;
    Money amount;
    QString orderId;
    QString payoutId;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
};

struct Balance {
    Money pending;   // held in escrow for the seller's paid orders
    Money available; // payable and not yet in a payout
    Money paidOut;

    QJsonObject toJson() const;
};

class Ledger {
public:
    static QString buyer(const QString& userId) { return QStringLiteral("buyer:") + userId; }
    static QString escrow(const QString& userId) { return QStringLiteral("escrow:") + userId; }
    static QString payable(const QString& userId) { return QStringLiteral("payable:") + userId; }
    static QString paidOut(const QString& userId) { return QStringLiteral("paid_out:") + userId; }
    static inline const QString kRevenue = QStringLiteral("revenue");

    struct Leg {
        QString account;
        qint64 amount = 0;
    };
    // Writes one transfer; the legs must sum to zero.
    static void post(db::Connection& c, const QString& txn, const QString& kind,
                     const QList<Leg>& legs, const QString& currency, const QString& orderId,
                     const QString& payoutId, qint64 nowMs);
    static qint64 balanceOf(db::Connection& c, const QString& account);
    // The user's entries (their buyer, escrow, payable and paid-out accounts), newest first,
    // before `beforeSeq` (0: from the newest).
    static QList<LedgerEntry> entriesOf(db::Connection& c, const QString& userId, qint64 beforeSeq,
                                        int limit);
    // Sellers with a payable balance, and how much.
    static QList<std::pair<QString, qint64>> payableBalances(db::Connection& c);
};

} // namespace bitmarket::server::orders
