// Many WebSocket clients on one thread, over bare sockets and epoll: a benchmark with a thousand
// connected users must cost less than the server it measures, and a QWebSocket per user (every
// frame converted to UTF-16 and handed through signals) costs as much as the server does.
// Text frames only; each frame arrives as the server sent it, for the caller to search.
#pragma once

#include <QByteArray>
#include <QUrl>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmarket::bench {

class WebSocketCrowd {
public:
    // Called for every text frame a member receives, on the thread that calls poll().
    using Received = std::function<void(int member, std::string_view text)>;

    explicit WebSocketCrowd(Received received);
    WebSocketCrowd(const WebSocketCrowd&) = delete;
    WebSocketCrowd& operator=(const WebSocketCrowd&) = delete;
    ~WebSocketCrowd();

    // Connects one more member, its upgrade carrying the access token; the member's index, or
    // -1 when the server did not switch protocols.
    int join(const QUrl& wsUrl, const QByteArray& accessToken);
    // One masked text frame, as a client must send it; false once the connection is gone.
    bool send(int member, std::string_view text);
    // Hands over every whole frame that arrives within `timeoutMs` (0: only what is there).
    void poll(int timeoutMs);
    int size() const { return static_cast<int>(m_members.size()); }

private:
    struct Member {
        int fd = -1;
        std::string in; // bytes received, not yet a whole frame
    };

    void readFrom(int member);
    bool writeAll(int fd, const char* bytes, size_t size);

    Received m_received;
    int m_epoll = -1;
    std::vector<Member> m_members;
    std::string m_frame; // the frame being sent, reused
};

} // namespace bitmarket::bench
