// Filling a message template's %1..%n, for ApiError::arg and the Korean
// messages of ErrorCatalogue.
#pragma once

#include <QString>
#include <QStringList>

namespace bitmarket {

// `text` with %1..%n replaced by `args` in one pass, so an argument that itself
// reads "%2" (a client's topic name) stays as it was sent; placeholders beyond
// the arguments stay as they are. (Chained QString::arg calls would fill the
// "%2" a first argument brought in.)
QString filledTemplate(const QString& text, const QStringList& args);

} // namespace bitmarket
