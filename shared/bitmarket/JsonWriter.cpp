#include "bitmarket/JsonWriter.h"

#include "bitmarket/Timestamp.h"

#include <charconv>
#include <chrono>

namespace bitmarket {

namespace {
constexpr char kHexDigits[] = "0123456789abcdef";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD"; // U+FFFD

bool isContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence starting at text[i] (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
size_t utf8SequenceLength(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    size_t length = 0;
    unsigned char minSecond = 0x80, maxSecond = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            minSecond = 0xA0;
        else if (lead == 0xED)
            maxSecond = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            minSecond = 0x90;
        else if (lead == 0xF4)
            maxSecond = 0x8F;
    } else {
        return 0;
    }
    if (i + length > text.size() || byte(1) < minSecond || byte(1) > maxSecond)
        return 0;
    for (size_t k = 2; k < length; ++k) {
        if (!isContinuation(byte(k)))
            return 0;
    }
    return length;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
}

void appendUnicodeEscape(std::string& out, char16_t unit) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHexDigits[(unit >> shift) & 0xF];
}

void appendDigits(std::string& out, long value, int width) {
    char digits[8];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        digits[i] = static_cast<char>('0' + value % 10);
    out.append(digits, width);
}
} // namespace

void JsonWriter::beforeValue() {
    if (m_needsComma)
        m_out += ',';
    m_needsComma = true;
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out += '{';
    m_needsComma = false;
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    m_out += '}';
    m_needsComma = true;
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out += '[';
    m_needsComma = false;
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    m_out += ']';
    m_needsComma = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    string(name);
    m_out += ':';
    m_needsComma = false;
    return *this;
}

void JsonWriter::escapedAscii(char c) {
    switch (c) {
    case '"':
        m_out += "\\\"";
        return;
    case '\\':
        m_out += "\\\\";
        return;
    case '\b':
        m_out += "\\b";
        return;
    case '\f':
        m_out += "\\f";
        return;
    case '\n':
        m_out += "\\n";
        return;
    case '\r':
        m_out += "\\r";
        return;
    case '\t':
        m_out += "\\t";
        return;
    default:
        if (static_cast<unsigned char>(c) < 0x20)
            appendUnicodeEscape(m_out, static_cast<char16_t>(c));
        else
            m_out += c;
    }
}

JsonWriter& JsonWriter::string(std::string_view utf8) {
    beforeValue();
    m_out += '"';
    size_t i = 0;
    while (i < utf8.size()) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            escapedAscii(static_cast<char>(c));
            ++i;
        } else if (const size_t length = utf8SequenceLength(utf8, i)) {
            m_out.append(utf8.substr(i, length));
            i += length;
        } else {
            m_out += kReplacementCharacter;
            ++i;
        }
    }
    m_out += '"';
    return *this;
}

JsonWriter& JsonWriter::string(const QString& text) {
    beforeValue();
    m_out += '"';
    const auto* unit = reinterpret_cast<const char16_t*>(text.utf16());
    const char16_t* const end = unit + text.size();
    while (unit != end) {
        const char16_t u = *unit++;
        if (u < 0x80) {
            escapedAscii(static_cast<char>(u));
        } else if (QChar::isHighSurrogate(u) && unit != end && QChar::isLowSurrogate(*unit)) {
            appendUtf8(m_out, QChar::surrogateToUcs4(u, *unit++));
        } else if (QChar::isSurrogate(u)) {
            // A lone surrogate has no UTF-8 form; QJsonDocument escapes it too.
            appendUnicodeEscape(m_out, u);
        } else {
            appendUtf8(m_out, u);
        }
    }
    m_out += '"';
    return *this;
}

JsonWriter& JsonWriter::integer(qint64 value) {
    beforeValue();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    beforeValue();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    beforeValue();
    m_out += json;
    return *this;
}

JsonWriter& JsonWriter::timestamp(qint64 msSinceEpoch) {
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(msSinceEpoch)};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const int y = static_cast<int>(date.year());
    if (y < 1 || y > 9999)
        return string(toRfc3339(msSinceEpoch)); // beyond four-digit years, Qt's own format
    const hh_mm_ss clock{time - day};
    beforeValue();
    m_out += '"';
    appendDigits(m_out, y, 4);
    m_out += '-';
    appendDigits(m_out, static_cast<unsigned>(date.month()), 2);
    m_out += '-';
    appendDigits(m_out, static_cast<unsigned>(date.day()), 2);
    m_out += 'T';
    appendDigits(m_out, clock.hours().count(), 2);
    m_out += ':';
    appendDigits(m_out, clock.minutes().count(), 2);
    m_out += ':';
    appendDigits(m_out, static_cast<long>(clock.seconds().count()), 2);
    m_out += '.';
    appendDigits(m_out, static_cast<long>(clock.subseconds().count()), 3);
    m_out += "Z\"";
    return *this;
}

} // namespace bitmarket
