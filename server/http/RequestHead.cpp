#include "http/RequestHead.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace bitmarket::server {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isToken(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

Refusal malformed() {
    return {400, ApiError::validation(QStringLiteral("Malformed request head."))};
}

Refusal encodedBody() {
    return {415, ApiError::unsupportedMediaType(
                     QStringLiteral("Request bodies are accepted only without Content-Encoding."))};
}

// Every coding in a comma-separated list is "identity" (which means none).
bool onlyIdentity(std::string_view codings) {
    while (!codings.empty()) {
        const std::size_t comma = codings.find(',');
        if (!equalsIgnoringCase(trimmed(codings.substr(0, comma)), "identity"))
            return false;
        codings = comma == std::string_view::npos ? std::string_view() : codings.substr(comma + 1);
    }
    return true;
}

} // namespace

Refusal RequestHead::tooLarge() {
    return {431, ApiError::payloadTooLarge(QStringLiteral("The request headers are too large."))};
}

std::variant<RequestHead, Refusal> RequestHead::parse(std::string_view head,
                                                      const HttpLimits& limits) {
    if (head.size() > limits.maxHeadBytes)
        return tooLarge();
    RequestHead parsed;
    std::size_t lineStart = 0;
    bool first = true;
    bool sawLength = false;
    while (true) {
        const std::size_t lineEnd = head.find("\r\n", lineStart);
        if (lineEnd == std::string_view::npos)
            return malformed();
        const std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 2;
        if (line.size() > limits.maxHeaderLineBytes)
            return tooLarge();
        if (first) {
            first = false;
            const std::size_t space1 = line.find(' ');
            const std::size_t space2 = line.rfind(' ');
            if (space1 == std::string_view::npos || space2 == space1)
                return malformed();
            parsed.m_method = std::string(line.substr(0, space1));
            parsed.m_target = std::string(line.substr(space1 + 1, space2 - space1 - 1));
            parsed.m_version = std::string(line.substr(space2 + 1));
            if (!isToken(parsed.m_method) || parsed.m_target.empty() ||
                parsed.m_target.find(' ') != std::string::npos ||
                (parsed.m_version != "HTTP/1.1" && parsed.m_version != "HTTP/1.0"))
                return malformed();
            continue;
        }
        if (line.empty())
            break;
        if (parsed.m_headers.size() >= limits.maxHeaderCount)
            return tooLarge();
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || !isToken(line.substr(0, colon)))
            return malformed();
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (equalsIgnoringCase(name, "Content-Encoding")) {
            if (!onlyIdentity(value))
                return encodedBody();
            continue;
        }
        if (equalsIgnoringCase(name, "Transfer-Encoding")) {
            if (!equalsIgnoringCase(value, "chunked"))
                return encodedBody();
            if (parsed.m_body == Body::Chunked)
                return malformed();
            parsed.m_body = Body::Chunked;
            continue;
        }
        if (equalsIgnoringCase(name, "Content-Length")) {
            std::size_t length = 0;
            const auto [end, error] =
                std::from_chars(value.data(), value.data() + value.size(), length);
            if (error != std::errc() || end != value.data() + value.size() || value.empty() ||
                (sawLength && length != parsed.m_contentLength))
                return malformed();
            sawLength = true;
            parsed.m_contentLength = length;
            continue;
        }
        if (equalsIgnoringCase(name, "Expect")) {
            if (!equalsIgnoringCase(value, "100-continue"))
                return Refusal{417, ApiError::validation(QStringLiteral(
                                        "Only Expect: 100-continue is understood."))};
            parsed.m_expectsContinue = true;
            continue;
        }
        // A range of several parts builds one part per range, each as large as the file:
        // those get the whole file instead (a server may ignore Range).
        if (equalsIgnoringCase(name, "Range") && value.find(',') != std::string_view::npos)
            continue;
        parsed.m_headers.emplace_back(std::string(name), std::string(value));
    }
    // Both framings at once is how requests are smuggled past proxies.
    if (sawLength && parsed.m_body == Body::Chunked)
        return malformed();
    parsed.m_framed = sawLength || parsed.m_body == Body::Chunked;
    if (sawLength)
        parsed.m_body = parsed.m_contentLength > 0 ? Body::Length : Body::None;
    return parsed;
}

std::string RequestHead::path() const {
    return m_target.substr(0, m_target.find('?'));
}

std::string RequestHead::header(std::string_view name) const {
    for (const auto& [key, value] : m_headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return {};
}

std::string RequestHead::forwarded(std::size_t bodyLength) const {
    std::string head;
    head.reserve(256);
    head.append(m_method).append(" ").append(m_target).append(" ").append(m_version).append("\r\n");
    for (const auto& [name, value] : m_headers)
        head.append(name).append(": ").append(value).append("\r\n");
    if (m_framed)
        head.append("Content-Length: ").append(std::to_string(bodyLength)).append("\r\n");
    head.append("\r\n");
    return head;
}

} // namespace bitmarket::server
