// What people can be told and what they can save for alerts: the notification types the
// server produces (each can be muted) and the limits of saved keywords. Client and server
// share them so the settings screen offers exactly what the server accepts.
#pragma once

#include <QStringList>

namespace bitmarket::notification {

inline const QString kKeywordMatch = QStringLiteral("keyword.match");
inline const QString kPriceDrop = QStringLiteral("price.drop");
inline const QString kModelReady = QStringLiteral("model.ready");
inline const QString kModelFailed = QStringLiteral("model.failed");
inline const QString kAuctionOutbid = QStringLiteral("auction.outbid");
inline const QString kAuctionWon = QStringLiteral("auction.won");
inline const QString kAuctionLost = QStringLiteral("auction.lost");
inline const QString kAuctionSold = QStringLiteral("auction.sold");
inline const QString kAuctionUnsold = QStringLiteral("auction.unsold");
inline const QString kChatMessage = QStringLiteral("chat.message");
inline const QString kOrderUpdated = QStringLiteral("order.updated");

// Every type in the order settings list them.
inline const QStringList kTypes = {kKeywordMatch,  kPriceDrop,   kModelReady,
                                   kModelFailed,   kAuctionOutbid, kAuctionWon,
                                   kAuctionLost,   kAuctionSold, kAuctionUnsold,
                                   kChatMessage, kOrderUpdated};

inline constexpr int kMaxKeywordsPerUser = 30;
inline constexpr int kKeywordMaxLength = 40;
// Read notifications older than this are deleted by the scheduled clean-up.
inline constexpr qint64 kKeepReadMs = 30LL * 24 * 3600 * 1000;

} // namespace bitmarket::notification
