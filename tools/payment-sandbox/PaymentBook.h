// The sandbox's payments and payouts, in memory: what a card provider's ledger would say.
// Every change goes through here under one lock, so a payment moves through its statuses in
// one order whichever API (the sandbox's own or the Toss-shaped one) asked.
#pragma once

#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

namespace sandbox {

// pending → authorized (card approved at checkout) → paid (confirmed by the merchant) →
// refunded; pending → declined | expired; pending or authorized → cancelled.
struct Payment {
    QString id;
    QString orderId;
    QString orderName;
    qint64 amount = 0;
    QString currency;
    QString status = QStringLiteral("pending");
    QString shape;     // "sandbox" or "toss": which API made it, and so its webhooks' shape
    QString returnUrl; // where checkout sends the browser (Toss: successUrl)
    QString failUrl;   // Toss only; the sandbox's own API returns to returnUrl either way
    QString cancelReason;
    qint64 createdAtMs = 0;
    qint64 approvedAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct Payout {
    QString id; // the merchant's, so a retried payout finds the first
    QString recipient;
    qint64 amount = 0;
    QString currency;
    qint64 createdAtMs = 0;
};

// Why a request was refused: an HTTP status, a code and a sentence.
struct Refusal {
    int status = 0;
    QString code;
    QString message;
};

template <typename T> struct Outcome {
    std::optional<T> value;
    Refusal refusal;
    bool replayed = false; // an idempotent retry: the first answer, nothing changed

    static Outcome refused(int status, QString code, QString message) {
        return Outcome{std::nullopt, Refusal{status, std::move(code), std::move(message)}};
    }
};

class PaymentBook {
public:
    // A new payment; the same idempotency key with the same order and amount returns the
    // first one again, with another body 409.
    Outcome<Payment> create(const Payment& draft, const QString& idempotencyKey);
    std::optional<Payment> find(const QString& paymentId) const;
    std::optional<Payment> findByOrder(const QString& orderId) const;
    // The card's verdict at checkout, for a pending payment only.
    Outcome<Payment> decide(const QString& paymentId, const QString& status);
    // The merchant's confirmation: the order and amount must be the ones created.
    Outcome<Payment> confirm(const QString& paymentId, const QString& orderId, qint64 amount);
    // Refunds a paid payment or cancels one not paid yet; again on a refunded one: the same.
    Outcome<Payment> cancel(const QString& paymentId, const QString& reason);
    // Pays out once per payout id; again: the first payout, replayed.
    Outcome<Payout> payOut(const Payout& draft);
    QList<Payout> payouts() const;

private:
    Outcome<Payment> change(const QString& paymentId, const QString& status);

    mutable std::mutex m_mutex;
    QHash<QString, Payment> m_payments;
    QHash<QString, QString> m_byKey;   // idempotency key → payment id
    QHash<QString, QString> m_byOrder; // order id → its latest payment id
    QHash<QString, Payout> m_payouts;
    QList<QString> m_payoutOrder;
};

qint64 nowMs();

} // namespace sandbox
