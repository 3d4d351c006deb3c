// A topic a live client may follow: "listing:{id}" is public, "user:{id}" is that user's own.
// The one place topic names are spelled: the hub parses what clients ask for here, and the
// mapping of domain events to frames (TopicEvent) names the topics it sends on with the
// builders below. A new kind of topic (chats, auctions, ...) is a new Kind, prefix and builder.
#pragma once

#include "bitmarket/Result.h"

#include <QString>
#include <optional>

namespace bitmarket::server {

class RealtimeTopic {
public:
    enum class Kind { Listing, User };

    static Result<RealtimeTopic> parse(const QString& name);

    // The topic names, as clients subscribe to them.
    static QString listing(const QString& listingId);
    static QString user(const QString& userId);

    // Whether the socket of `userId` (nothing when anonymous) may follow this topic.
    Result<void> checkReadableBy(const std::optional<QString>& userId) const;

private:
    RealtimeTopic(Kind kind, QString subjectId, QString name);

    Kind m_kind;
    QString m_subjectId;
    QString m_name;
};

} // namespace bitmarket::server
