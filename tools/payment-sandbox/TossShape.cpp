#include "TossShape.h"

#include <QDateTime>
#include <QJsonArray>

namespace sandbox {

QString rfc3339(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString tossStatus(const QString& status) {
    if (status == u"pending")
        return QStringLiteral("READY");
    if (status == u"authorized")
        return QStringLiteral("IN_PROGRESS");
    if (status == u"paid")
        return QStringLiteral("DONE");
    if (status == u"refunded" || status == u"cancelled")
        return QStringLiteral("CANCELED");
    if (status == u"declined")
        return QStringLiteral("ABORTED");
    return QStringLiteral("EXPIRED");
}

QJsonObject tossPayment(const Payment& p, const QString& checkoutUrl) {
    const bool cancelled = p.status == u"refunded" || p.status == u"cancelled";
    QJsonArray cancels;
    if (cancelled)
        cancels.append(QJsonObject{{"cancelAmount", p.amount},
                                   {"cancelReason", p.cancelReason},
                                   {"canceledAt", rfc3339(p.updatedAtMs)}});
    return QJsonObject{{"mId", "bitmarket-sandbox"},
                       {"version", "2022-11-16"},
                       {"paymentKey", p.id},
                       {"orderId", p.orderId},
                       {"orderName", p.orderName},
                       {"status", tossStatus(p.status)},
                       {"method", "카드"},
                       {"currency", p.currency},
                       {"totalAmount", p.amount},
                       {"balanceAmount", cancelled ? 0 : p.amount},
                       {"requestedAt", rfc3339(p.createdAtMs)},
                       {"approvedAt", p.approvedAtMs ? QJsonValue(rfc3339(p.approvedAtMs)) : QJsonValue()},
                       {"cancels", cancelled ? QJsonValue(cancels) : QJsonValue()},
                       {"checkout", QJsonObject{{"url", checkoutUrl}}}};
}

QJsonObject tossError(const Refusal& r) { return QJsonObject{{"code", r.code}, {"message", r.message}}; }

} // namespace sandbox
