#include "http/ChunkedBody.h"

#include <charconv>

namespace bitmarket::server {

namespace {
// A chunk-size line with its extensions, and all trailer lines together.
constexpr std::size_t kMaxLineBytes = 1024;
constexpr std::size_t kMaxTrailerBytes = 8 * 1024;
} // namespace

ChunkedBody::State ChunkedBody::read(std::string& input) {
    std::size_t at = 0;
    const auto consumed = [&](State state) {
        input.erase(0, at);
        return state;
    };
    while (true) {
        switch (m_phase) {
        case Phase::Size: {
            const std::size_t end = input.find("\r\n", at);
            if (end == std::string::npos)
                return consumed(input.size() - at > kMaxLineBytes ? State::Malformed
                                                                  : State::Incomplete);
            if (end - at > kMaxLineBytes)
                return consumed(State::Malformed);
            const char* first = input.data() + at;
            const char* last = input.data() + end;
            std::size_t size = 0;
            const auto [stop, error] = std::from_chars(first, last, size, 16);
            if (error != std::errc() || (stop != last && *stop != ';'))
                return consumed(error == std::errc::result_out_of_range ? State::TooLarge
                                                                        : State::Malformed);
            at = end + 2;
            if (size > m_maxBytes - m_body.size())
                return consumed(State::TooLarge);
            m_chunkLeft = size;
            m_phase = size == 0 ? Phase::Trailer : Phase::Data;
            break;
        }
        case Phase::Data: {
            const std::size_t take = std::min(m_chunkLeft, input.size() - at);
            m_body.append(input, at, take);
            at += take;
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return consumed(State::Incomplete);
            m_phase = Phase::DataEnd;
            break;
        }
        case Phase::DataEnd:
            if (input.size() - at < 2)
                return consumed(State::Incomplete);
            if (input.compare(at, 2, "\r\n") != 0)
                return consumed(State::Malformed);
            at += 2;
            m_phase = Phase::Size;
            break;
        case Phase::Trailer: {
            const std::size_t end = input.find("\r\n", at);
            if (end == std::string::npos)
                return consumed(m_trailerBytes + input.size() - at > kMaxTrailerBytes
                                    ? State::Malformed
                                    : State::Incomplete);
            m_trailerBytes += end - at + 2;
            if (m_trailerBytes > kMaxTrailerBytes)
                return consumed(State::Malformed);
            const bool blank = end == at;
            at = end + 2;
            if (blank)
                return consumed(State::Complete);
            break;
        }
        }
    }
}

} // namespace bitmarket::server
