// One HTTP request as bytes off the socket, read as the server reads it: the
// head checked by RequestHead (sizes, framing, encodings), the body by its
// Content-Length or decoded by ChunkedBody (in two pieces, as bytes arrive),
// both within the route's limit; then the head RequestHead forwards and the
// body through cpp-httplib (request line, headers, multipart/form-data) into
// the photo route's reading of its files, as PhotoRoutes reads them. A
// refusal is a 4xx or 5xx error; anything accepted gets a well formed answer.
// cpp-httplib is Debian's compiled library, so libFuzzer sees no coverage
// inside it: there the mutations are guided only by the seeds.
#include "FuzzCheck.h"

#include "http/ChunkedBody.h"
#include "http/HttpServer.h"
#include "http/RequestHead.h"

#include <httplib.h>

#include <regex>

using namespace bitmarket::server;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

const HttpLimits kLimits;
const std::size_t kUploadLimit = static_cast<std::size_t>(HttpServer::Options{}.maxBodyBytes);

// The photo route's body limit, as the Router gives it; every other route takes JSON.
std::size_t bodyLimitOf(const RequestHead& head) {
    static const std::regex photos("/api/v1/listings/[^/]+/photos");
    return head.method() == "POST" && std::regex_match(head.path(), photos)
               ? kUploadLimit
               : kLimits.maxJsonBodyBytes;
}

// httplib's routing over a request already read, as HttpServer hands it over.
class Routes : public httplib::Server {
public:
    Routes() {
        set_payload_max_length(kUploadLimit);
        Post("/api/v1/listings/([^/]+)/photos", [](const httplib::Request& req,
                                                   httplib::Response& res) {
            if (!req.is_multipart_form_data()) {
                res.status = 415;
                return;
            }
            qint64 bytes = 0;
            const auto [first, last] = req.files.equal_range("file");
            for (auto it = first; it != last; ++it)
                bytes += QByteArray::fromStdString(it->second.content).size() +
                         QString::fromStdString(it->second.filename).size();
            res.status = 201;
            res.set_content(std::to_string(bytes), "text/plain");
        });
        Post(".*", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(std::to_string(req.body.size()), "text/plain");
        });
    }

    std::string answer(const std::string& head, const std::string& body) {
        httplib::detail::BufferStream stream;
        stream.write(head.data(), head.size());
        stream.write(body.data(), body.size());
        bool closed = false;
        process_request(stream, true, closed, nullptr);
        return stream.get_buffer().substr(head.size() + body.size());
    }
};

// The body as the connection reads it; nullopt when it is refused or never ends.
std::optional<std::string> bodyOf(const RequestHead& head, const std::string& rest) {
    const std::size_t limit = bodyLimitOf(head);
    switch (head.body()) {
    case RequestHead::Body::None:
        return std::string();
    case RequestHead::Body::Length:
        if (head.contentLength() > limit || rest.size() < head.contentLength())
            return std::nullopt;
        return rest.substr(0, head.contentLength());
    case RequestHead::Body::Chunked: {
        ChunkedBody whole(limit);
        std::string all = rest;
        const ChunkedBody::State once = whole.read(all);
        ChunkedBody pieces(limit);
        std::string arrived = rest.substr(0, rest.size() / 3);
        ChunkedBody::State state = pieces.read(arrived);
        arrived += rest.substr(rest.size() / 3);
        if (state == ChunkedBody::State::Incomplete)
            state = pieces.read(arrived);
        check(state == once, "a chunked body decodes the same whichever way its bytes arrive");
        if (once != ChunkedBody::State::Complete)
            return std::nullopt;
        std::string body = whole.takeBody();
        check(body == pieces.takeBody() && all == arrived,
              "the same body and the same bytes after it, whichever way they arrive");
        check(body.size() <= limit, "a chunked body within its limit");
        return body;
    }
    }
    return std::nullopt;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Routes routes;
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t end = input.find("\r\n\r\n");
    if (end == std::string::npos)
        return 0; // the connection waits for the rest (or refuses a head over the limit)
    auto parsed = RequestHead::parse(std::string_view(input).substr(0, end + 4), kLimits);
    if (const auto* refusal = std::get_if<Refusal>(&parsed)) {
        checkError(refusal->error);
        check(refusal->status >= 400 && refusal->status < 600, "a refusal is a 4xx or 5xx");
        return 0;
    }
    const RequestHead& head = std::get<RequestHead>(parsed);
    const auto body = bodyOf(head, input.substr(end + 4));
    if (!body)
        return 0;
    const std::string answer = routes.answer(head.forwarded(body->size()), *body);
    check(answer.rfind("HTTP/1.1 ", 0) == 0, "an accepted request gets an answer");
    return 0;
}
