// The server's error messages in every language it speaks. Services write their
// errors in English (ApiError keeps the English template and its arguments
// apart); the edges that answer a caller (HTTP, WebSocket) translate them here,
// so nothing below them knows the caller's language. Keyed by the English
// template: a new message needs only its line in the table.
#pragma once

#include "bitmarket/ApiError.h"
#include "bitmarket/Language.h"

#include <QStringList>
#include <optional>

namespace bitmarket {

class ErrorCatalogue {
public:
    // `error` with its message in `language`. A message the catalogue lacks
    // falls back to the generic message of its code in that language, so a
    // Korean caller never reads English.
    static ApiError translate(const ApiError& error, Language language);

    // The Korean template for an English one, if the catalogue has it.
    static std::optional<QString> korean(const QString& englishTemplate);
    // Every English template the catalogue knows.
    static QStringList englishTemplates();
};

} // namespace bitmarket
