// A request body sent with Transfer-Encoding: chunked, decoded as its bytes come
// in and refused as soon as it grows past the route's limit.
#pragma once

#include <cstddef>
#include <string>

namespace bitmarket::server {

class ChunkedBody {
public:
    enum class State { Incomplete, Complete, TooLarge, Malformed };

    explicit ChunkedBody(std::size_t maxBytes) : m_maxBytes(maxBytes) {}

    // Decodes what it can from the start of `input` and removes what it decoded; after
    // Complete, `input` holds what followed the body (the next request).
    State read(std::string& input);
    std::string takeBody() { return std::move(m_body); }

private:
    enum class Phase { Size, Data, DataEnd, Trailer };

    std::size_t m_maxBytes;
    Phase m_phase = Phase::Size;
    std::size_t m_chunkLeft = 0;
    std::size_t m_trailerBytes = 0;
    std::string m_body;
};

} // namespace bitmarket::server
