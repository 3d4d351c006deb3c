// The Toss Payments shape of a payment and of its webhook, for the Toss-shaped API
// (/v1/payments...), so that the server's `toss` adapter runs against the sandbox.
#pragma once

#include "PaymentBook.h"

#include <QJsonObject>

namespace sandbox {

// READY, IN_PROGRESS, DONE, CANCELED, ABORTED, EXPIRED for the sandbox's statuses.
QString tossStatus(const QString& status);
QJsonObject tossPayment(const Payment& p, const QString& checkoutUrl);
// {code, message} as Toss answers errors.
QJsonObject tossError(const Refusal& r);
QString rfc3339(qint64 ms);

} // namespace sandbox
