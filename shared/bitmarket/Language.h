// The languages the server answers in, and picking one from Accept-Language.
#pragma once

#include <QString>

namespace bitmarket {

enum class Language { English, Korean };

// The caller's preferred language among those spoken (RFC 9110 Accept-Language:
// "ko-KR, en;q=0.8"); English when the header is empty or names none of them.
Language languageFromAcceptLanguage(const QString& header);

} // namespace bitmarket
