// Opaque pagination cursors: the sort key and id of the last item, so the next
// page starts strictly after it even when rows are added meanwhile.
#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace bitmarket {

struct Cursor {
    QString sort;    // which ordering the cursor belongs to
    QJsonArray keys; // sort key values of the last item, ending with its id

    QString encode() const;
    static std::optional<Cursor> decode(const QString& text);
};

} // namespace bitmarket
