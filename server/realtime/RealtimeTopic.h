// A topic a live client may follow: "listing:{id}" is public, "user:{id}" is that user's own.
#pragma once

#include "bitmarket/Result.h"

#include <QString>
#include <optional>

namespace bitmarket::server {

class RealtimeTopic {
public:
    enum class Kind { Listing, User };

    static Result<RealtimeTopic> parse(const QString& name);

    // Whether the socket of `userId` (nothing when anonymous) may follow this topic.
    Result<void> checkReadableBy(const std::optional<QString>& userId) const;

private:
    RealtimeTopic(Kind kind, QString subjectId, QString name);

    Kind m_kind;
    QString m_subjectId;
    QString m_name;
};

} // namespace bitmarket::server
