#include "chat/ChatLabels.h"

#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"

#include <QDateTime>
#include <QLocale>

using bitmarket::ChatMessage;

namespace {

QDate localDate(qint64 atMs) {
    return QDateTime::fromMSecsSinceEpoch(atMs).date();
}

QString moneyText(const QJsonValue& value) {
    const auto money = bitmarket::Money::fromJson(value, QStringLiteral("price"));
    return money ? MoneyFormat::format(*money) : QString();
}

} // namespace

QString ChatLabels::systemText(const ChatMessage& message, const QString& viewerId) {
    const QString event = message.system.value("event").toString();
    if (event == u"listing_reserved") {
        const QString reservedFor = message.system.value("reservedFor").toString();
        if (reservedFor.isEmpty())
            return tr("The item was reserved.");
        return reservedFor == viewerId ? tr("The seller reserved this item for you.")
                                       : tr("You reserved this item for this buyer.");
    }
    if (event == u"listing_sold")
        return tr("The item was sold.");
    if (event == u"listing_active")
        return tr("The item is for sale again.");
    if (event == u"price_changed")
        return tr("The price changed from %1 to %2.")
            .arg(moneyText(message.system.value("oldPrice")), moneyText(message.system.value("price")));
    const bool byViewer = message.system.value("by").toString() == viewerId;
    if (event == u"appointment_accepted")
        return byViewer ? tr("You accepted the appointment.") : tr("The appointment was accepted.");
    if (event == u"appointment_declined")
        return byViewer ? tr("You declined the appointment.") : tr("The appointment was declined.");
    return event;
}

QString ChatLabels::preview(const ChatMessage& message, const QString& viewerId) {
    if (message.kind == u"image")
        return tr("Photo");
    if (message.kind == u"appointment" && message.appointment)
        return tr("Appointment: %1")
            .arg(appointmentTime(message.appointment->atMs, bitmarket::nowMs()));
    if (message.kind == u"system")
        return systemText(message, viewerId);
    return message.text.simplified();
}

QString ChatLabels::dayText(qint64 atMs, qint64 nowMs) {
    const QDate day = localDate(atMs);
    const QDate today = localDate(nowMs);
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, tr("dddd, MMMM d, yyyy", "the day above a chat's messages"));
}

QString ChatLabels::timeText(qint64 atMs) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs).time(), QLocale::ShortFormat);
}

QString ChatLabels::appointmentTime(qint64 atMs, qint64 nowMs) {
    const QDate day = localDate(atMs);
    const QDate today = localDate(nowMs);
    QString dayPart;
    if (day == today)
        dayPart = tr("Today");
    else if (day == today.addDays(1))
        dayPart = tr("Tomorrow");
    else
        dayPart = QLocale().toString(day, tr("ddd, MMM d", "an appointment's day"));
    return tr("%1 · %2", "an appointment's day and time").arg(dayPart, timeText(atMs));
}

bool ChatLabels::sameDay(qint64 aMs, qint64 bMs) {
    return localDate(aMs) == localDate(bMs);
}
