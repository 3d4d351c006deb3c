// What a chat message may hold and the wire names of its kinds and of the events its system
// messages tell: the numbers the server validates with and the client's composer checks.
#pragma once

#include <QString>

namespace bitmarket::chat {

constexpr int kTextMaxLength = 2000;
constexpr int kClientIdMaxLength = 64;
constexpr int kPlaceMaxLength = 200;
// A member's typing reaches the other member at most once in this interval.
constexpr qint64 kTypingIntervalMs = 2000;
// How many of a room's latest text messages the meet-up suggestion reads.
constexpr int kSuggestionWindow = 10;

inline const QString kText = QStringLiteral("text");
inline const QString kImage = QStringLiteral("image");
inline const QString kSystem = QStringLiteral("system");
inline const QString kAppointment = QStringLiteral("appointment");

// What a system message says happened (system.event).
inline const QString kListingReserved = QStringLiteral("listing_reserved");
inline const QString kListingSold = QStringLiteral("listing_sold");
inline const QString kListingActive = QStringLiteral("listing_active");
inline const QString kPriceChanged = QStringLiteral("price_changed");
inline const QString kAppointmentAccepted = QStringLiteral("appointment_accepted");
inline const QString kAppointmentDeclined = QStringLiteral("appointment_declined");

// An appointment card's state.
inline const QString kProposed = QStringLiteral("proposed");
inline const QString kAccepted = QStringLiteral("accepted");
inline const QString kDeclined = QStringLiteral("declined");

} // namespace bitmarket::chat
