// Writes compact JSON text straight into a std::string, for the answers on the
// hot read path, where building a QJsonObject costs several times the query.
// Strings are escaped per RFC 8259 exactly as QJsonDocument escapes them
// (short escapes, \u00XX for other control characters, non-ASCII kept as
// UTF-8), so output written with keys in sorted order is byte for byte what
// QJsonDocument::toJson(Compact) gives.
#pragma once

#include <QString>
#include <string>
#include <string_view>

namespace bitmarket {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : m_out(out) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    // An object member's name; the next call writes its value.
    JsonWriter& key(std::string_view name);

    // UTF-8 text; an invalid byte becomes U+FFFD, as QString::fromUtf8 makes it.
    JsonWriter& string(std::string_view utf8);
    JsonWriter& string(const QString& text);
    JsonWriter& integer(qint64 value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    // A value that is already JSON text (compact, as QJsonDocument writes it), copied as is.
    JsonWriter& raw(std::string_view json);
    // Milliseconds since the epoch as RFC 3339 UTC with milliseconds, as toRfc3339 writes it.
    JsonWriter& timestamp(qint64 msSinceEpoch);

private:
    void beforeValue();
    void escapedAscii(char c);

    std::string& m_out;
    bool m_needsComma = false;
};

} // namespace bitmarket
