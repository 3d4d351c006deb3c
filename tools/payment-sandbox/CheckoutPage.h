// The hosted checkout: a plain HTML form where the buyer types a card number, and the test
// cards that decide what the card issuer says.
#pragma once

#include "PaymentBook.h"

#include <QString>

namespace sandbox {

namespace card {
inline constexpr const char* kApproves = "4242424242424242";
inline constexpr const char* kDeclines = "4000000000000002";
inline constexpr const char* kTimesOut = "4000000000000119"; // the issuer never answers
} // namespace card

// The form for a payment (posting `card` back to the same path).
QString checkoutForm(const Payment& payment);
// A page with one message, for what the buyer sees when there is no redirect.
QString checkoutMessage(const QString& title, const QString& text);

} // namespace sandbox
