// The words and times the UI shows for an auction, in the UI language: how long is left
// ("2 d 4 h left", "4:05 left"), the caller's standing in one (leading, outbid, won, lost) and
// the labels of the auction notifications. The one place they are translated.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QCoreApplication>
#include <QString>

class AuctionLabels {
    Q_DECLARE_TR_FUNCTIONS(AuctionLabels)

public:
    // The last minutes of an auction, when its countdown turns red.
    static constexpr qint64 kFinalMinutesMs = 5LL * 60 * 1000;
    // How often a countdown is redrawn (with a precise timer): twice a second, so the seconds
    // it shows never skip one or stand still for two ticks.
    static constexpr int kClockTickMs = 500;

    // "3 h 12 min left", "4:05 left", "Ending…" once the time is up.
    static QString timeLeft(qint64 msLeft);
    // The same, shorter, for a badge on a card: "3 h 12 min", "4:05", "Ended".
    static QString shortTimeLeft(qint64 msLeft);
    // How a closed auction ended: "Sold", "Ended" (no sale) or "Cancelled".
    static QString outcome(const bitmarket::Auction& auction);
    // "leading" -> "Leading", ...; unknown names as they are.
    static QString standing(const QString& status);
    // The label of an auction notification type for the settings page, or empty.
    static QString notificationType(const QString& type);
};
