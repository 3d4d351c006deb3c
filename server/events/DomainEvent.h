// Something that happened in a domain service and that live clients may care about.
#pragma once

#include <QJsonObject>
#include <QString>

namespace bitmarket::server {

struct DomainEvent {
    QString topic; // "listing:{id}" or "user:{id}"
    QString type;  // "listing.updated", "job.progress", ...
    QJsonObject data;
};

} // namespace bitmarket::server
