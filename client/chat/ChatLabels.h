// The words a chat shows, in the UI language: what a system message says, a message's one-line
// preview in the room list, the day above a run of messages, a message's time and an
// appointment's time. The one place they are translated.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QCoreApplication>
#include <QString>

class ChatLabels {
    Q_DECLARE_TR_FUNCTIONS(ChatLabels)

public:
    // As the member `viewerId` reads it ("The seller reserved this item for you.").
    static QString systemText(const bitmarket::ChatMessage& message, const QString& viewerId);
    // "Photo", "Appointment: Thu, Dec 3 · 3:00 PM", the text itself...
    static QString preview(const bitmarket::ChatMessage& message, const QString& viewerId);
    // "Today", "Yesterday", "Monday, November 30, 2026".
    static QString dayText(qint64 atMs, qint64 nowMs);
    // "3:05 PM" (오후 3:05).
    static QString timeText(qint64 atMs);
    // "Today · 3:00 PM", "Thu, Dec 3 · 3:00 PM".
    static QString appointmentTime(qint64 atMs, qint64 nowMs);
    // Whether two moments fall on the same day here.
    static bool sameDay(qint64 aMs, qint64 bMs);
};
