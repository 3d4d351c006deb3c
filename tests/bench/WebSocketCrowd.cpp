#include "WebSocketCrowd.h"

#include "support/RawConnection.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bitmarket::bench {

namespace {

constexpr int kUpgradeTimeoutMs = 10'000;
constexpr unsigned char kText = 0x1;
constexpr unsigned char kClose = 0x8;
constexpr unsigned char kPing = 0x9;
constexpr unsigned char kPong = 0xA;
// Clients must mask; any key will do for a benchmark, so one is used for every frame.
constexpr unsigned char kMask[4] = {0x37, 0xfa, 0x21, 0x3d};

int connectTo(const QUrl& url) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(url.port()));
    ::inet_pton(AF_INET, url.host().toLatin1().constData(), &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

// Reads the server's answer to the upgrade; what came after its head is left in `rest`.
bool switchedProtocols(int fd, std::string& rest) {
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kUpgradeTimeoutMs) <= 0)
            return false;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            return false;
        head.append(buffer, static_cast<size_t>(n));
    }
    const size_t end = head.find("\r\n\r\n") + 4;
    rest = head.substr(end);
    return head.compare(0, 12, "HTTP/1.1 101") == 0;
}

} // namespace

WebSocketCrowd::WebSocketCrowd(Received received)
    : m_received(std::move(received)), m_epoll(::epoll_create1(EPOLL_CLOEXEC)) {}

WebSocketCrowd::~WebSocketCrowd() {
    for (const Member& m : m_members)
        ::close(m.fd);
    ::close(m_epoll);
}

int WebSocketCrowd::join(const QUrl& wsUrl, const QByteArray& accessToken) {
    const int fd = connectTo(wsUrl);
    if (fd < 0)
        return -1;
    const QByteArray upgrade = test::webSocketUpgrade(
        wsUrl, wsUrl.path().isEmpty() ? QByteArray("/") : wsUrl.path().toLatin1(),
        "Authorization: Bearer " + accessToken + "\r\n");
    Member member{fd, {}};
    if (!writeAll(fd, upgrade.constData(), static_cast<size_t>(upgrade.size())) ||
        !switchedProtocols(fd, member.in)) {
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int index = size();
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u32 = static_cast<uint32_t>(index);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    m_members.push_back(std::move(member));
    return index;
}

bool WebSocketCrowd::send(int member, std::string_view text) {
    const int fd = m_members[static_cast<size_t>(member)].fd;
    if (fd < 0)
        return false;
    m_frame.clear();
    m_frame.push_back(static_cast<char>(0x80 | kText));
    const size_t n = text.size();
    if (n < 126) {
        m_frame.push_back(static_cast<char>(0x80 | n));
    } else if (n <= 0xffff) {
        m_frame.push_back(static_cast<char>(0x80 | 126));
        m_frame.push_back(static_cast<char>(n >> 8));
        m_frame.push_back(static_cast<char>(n & 0xff));
    } else {
        m_frame.push_back(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            m_frame.push_back(static_cast<char>((n >> shift) & 0xff));
    }
    m_frame.append(reinterpret_cast<const char*>(kMask), 4);
    for (size_t i = 0; i < n; ++i)
        m_frame.push_back(static_cast<char>(text[i] ^ kMask[i % 4]));
    return writeAll(fd, m_frame.data(), m_frame.size());
}

bool WebSocketCrowd::writeAll(int fd, const char* bytes, size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, bytes, size, MSG_NOSIGNAL);
        if (n > 0) {
            bytes += n;
            size -= static_cast<size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, 100);
        } else {
            return false;
        }
    }
    return true;
}

void WebSocketCrowd::poll(int timeoutMs) {
    epoll_event events[256];
    const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
    for (int i = 0; i < n; ++i)
        readFrom(static_cast<int>(events[i].data.u32));
}

void WebSocketCrowd::readFrom(int index) {
    Member& member = m_members[static_cast<size_t>(index)];
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::recv(member.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            member.in.append(buffer, static_cast<size_t>(n));
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, member.fd, nullptr);
            ::close(member.fd);
            member.fd = -1;
        }
        break;
    }
    // Server frames are never masked: two header bytes, an extended length, the payload.
    size_t at = 0;
    const std::string& in = member.in;
    while (in.size() - at >= 2) {
        const auto b0 = static_cast<unsigned char>(in[at]);
        const auto b1 = static_cast<unsigned char>(in[at + 1]);
        size_t header = 2;
        uint64_t length = b1 & 0x7f;
        if (length == 126) {
            header = 4;
            if (in.size() - at < header)
                break;
            length = (uint64_t(static_cast<unsigned char>(in[at + 2])) << 8) |
                     static_cast<unsigned char>(in[at + 3]);
        } else if (length == 127) {
            header = 10;
            if (in.size() - at < header)
                break;
            length = 0;
            for (size_t i = 0; i < 8; ++i)
                length = (length << 8) | static_cast<unsigned char>(in[at + 2 + i]);
        }
        if (in.size() - at < header + length)
            break;
        const std::string_view payload(in.data() + at + header, length);
        at += header + length;
        const unsigned char opcode = b0 & 0x0f;
        if (opcode == kText) {
            m_received(index, payload);
        } else if (opcode == kPing && member.fd >= 0) {
            const char pong[6] = {static_cast<char>(0x80 | kPong), static_cast<char>(0x80), 0, 0, 0, 0};
            writeAll(member.fd, pong, sizeof pong);
        } else if (opcode == kClose && member.fd >= 0) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, member.fd, nullptr);
            ::close(member.fd);
            member.fd = -1;
        }
    }
    member.in.erase(0, at);
}

} // namespace bitmarket::bench
