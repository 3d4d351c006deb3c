// One request's head (request line and headers) as the client sent it, read and
// checked before cpp-httplib sees it: sizes, the body's framing, encodings the
// server does not accept. It also writes the head httplib is handed: the same
// request with its body framed by Content-Length and without what the server
// has already dealt with (Expect: 100-continue, a Range of several parts).
#pragma once

#include "bitmarket/ApiError.h"
#include "http/HttpLimits.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bitmarket::server {

// A request turned away before any handler: its status and error body. After a
// refusal the connection is closed, since the rest of the request is not read.
struct Refusal {
    int status = 400;
    ApiError error;
};

class RequestHead {
public:
    enum class Body { None, Length, Chunked };

    // `head` runs up to and including the blank line that ends it.
    static std::variant<RequestHead, Refusal> parse(std::string_view head,
                                                    const HttpLimits& limits);
    // A head that grew past the limits before its end was seen.
    static Refusal tooLarge();

    const std::string& method() const { return m_method; }
    // The path without the query.
    std::string path() const;
    // The first value of a header (names are case-insensitive); empty when absent.
    std::string header(std::string_view name) const;
    Body body() const { return m_body; }
    std::size_t contentLength() const { return m_contentLength; }
    bool expectsContinue() const { return m_expectsContinue; }

    // The head for httplib, its body `bodyLength` bytes framed by Content-Length (a
    // request that framed no body still frames none).
    std::string forwarded(std::size_t bodyLength) const;

private:
    std::string m_method;
    std::string m_target;
    std::string m_version;
    std::vector<std::pair<std::string, std::string>> m_headers;
    Body m_body = Body::None;
    std::size_t m_contentLength = 0;
    bool m_expectsContinue = false;
    bool m_framed = false; // sent Content-Length or a chunked body
};

} // namespace bitmarket::server
