// One HTTP request, as bytes off the socket, through cpp-httplib (request
// line, headers, chunked and compressed bodies, multipart/form-data) into the
// photo upload route's reading of its files, as PhotoRoutes reads them. The
// server runs with HttpServer's body limit; the answer must be well formed.
// cpp-httplib is Debian's compiled library, so libFuzzer sees no coverage
// inside it: the mutations are guided only by the seeds and by this file.
#include "FuzzCheck.h"

#include "http/HttpServer.h"

#include <httplib.h>

using bitmarket::fuzz::check;

namespace {

// httplib::Server reads a request from any Stream through process_request,
// which is what its socket loop calls; a buffer stands in for the socket.
class BufferServer : public httplib::Server {
public:
    BufferServer() {
        set_payload_max_length(
            static_cast<size_t>(bitmarket::server::HttpServer::Options{}.maxBodyBytes));
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
    }

    std::string answer(const uint8_t* data, size_t size) {
        httplib::detail::BufferStream stream;
        stream.write(reinterpret_cast<const char*>(data), size);
        bool closed = false;
        process_request(stream, true, closed, [](httplib::Request&) {});
        return stream.get_buffer().substr(size);
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static BufferServer server;
    const std::string answer = server.answer(data, size);
    check(answer.empty() || answer.rfind("HTTP/1.1 ", 0) == 0, "an answer starts with a status line");
    return 0;
}
