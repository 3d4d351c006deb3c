#include "orders/OrderLabels.h"

#include "chat/ChatLabels.h"

QString OrderLabels::statusText(const QString& status) {
    if (status == u"awaiting_payment")
        return tr("Waiting for payment");
    if (status == u"awaiting_meetup")
        return tr("Meet-up to come");
    if (status == u"paid")
        return tr("Paid");
    if (status == u"shipped")
        return tr("Shipped");
    if (status == u"completed")
        return tr("Completed");
    if (status == u"cancelled")
        return tr("Cancelled");
    if (status == u"refunded")
        return tr("Refunded");
    return status;
}

QString OrderLabels::stepText(const QString& status, const QString& method) {
    if (status == u"awaiting_payment")
        return tr("Ordered, to be paid safely");
    if (status == u"awaiting_meetup")
        return tr("Ordered, to hand over in person");
    if (status == u"paid")
        return tr("Paid: the money is held until the buyer confirms");
    if (status == u"shipped")
        return tr("Shipped");
    if (status == u"completed")
        return method == u"in_person" ? tr("Handed over: completed")
                                      : tr("Receipt confirmed: completed");
    if (status == u"cancelled")
        return tr("Cancelled");
    if (status == u"refunded")
        return tr("Cancelled and refunded in full");
    return status;
}

QString OrderLabels::methodText(const QString& method) {
    if (method == u"in_person")
        return tr("Meet in person");
    if (method == u"escrow")
        return tr("Safe payment");
    return method;
}

QString OrderLabels::momentText(qint64 atMs, qint64 nowMs) {
    return tr("%1, %2").arg(ChatLabels::dayText(atMs, nowMs), ChatLabels::timeText(atMs));
}

QString OrderLabels::ledgerText(const QString& kind, const QString& account) {
    if (kind == u"payment")
        return account == u"buyer" ? tr("You paid for an order")
                                   : tr("A buyer paid: held until they confirm receipt");
    if (kind == u"completion")
        return account == u"escrow" ? tr("Released: the buyer confirmed receipt")
                                    : tr("Earned from a completed sale, less the fee");
    if (kind == u"refund")
        return account == u"buyer" ? tr("Refunded to you") : tr("Refunded to the buyer");
    if (kind == u"payout")
        return account == u"paid_out" ? tr("Paid out to your account") : tr("Moved to a payout");
    return kind;
}
