#include "support/RawConnection.h"

#include <QTest>

#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bitmarket::test {

namespace {

int remainingMs(const QElapsedTimer& timer, int timeoutMs) {
    return std::max(0, timeoutMs - static_cast<int>(timer.elapsed()));
}

int contentLengthOf(const QByteArray& head) {
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
            return line.mid(colon + 1).trimmed().toInt();
    }
    return 0;
}

} // namespace

QByteArray RawResponse::header(const QByteArray& name) const {
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : m_fd(other.m_fd), m_pending(std::move(other.m_pending)) {
    other.m_fd = -1;
}

RawConnection& RawConnection::operator=(RawConnection&& other) noexcept {
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_pending = std::move(other.m_pending);
        other.m_fd = -1;
    }
    return *this;
}

RawConnection::~RawConnection() {
    close();
}

bool RawConnection::open(const QUrl& server, const QByteArray& fromAddress) {
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, fromAddress.constData(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(static_cast<uint16_t>(server.port()));
    ::inet_pton(AF_INET, server.host().toLatin1().constData(), &remote.sin_addr);
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(m_fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        close();
        return false;
    }
    return true;
}

bool RawConnection::send(const QByteArray& bytes) {
    qsizetype sent = 0;
    while (m_fd >= 0 && sent < bytes.size()) {
        pollfd p{m_fd, POLLOUT, 0};
        if (::poll(&p, 1, 5000) <= 0 || (p.revents & (POLLERR | POLLHUP)))
            return false;
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return m_fd >= 0;
}

RawResponse RawConnection::readResponse(int timeoutMs) {
    RawResponse response;
    QElapsedTimer timer;
    timer.start();
    QByteArray& data = m_pending;
    qsizetype headEnd = -1;
    int bodyLength = 0;
    while (m_fd >= 0) {
        if (headEnd < 0 && (headEnd = data.indexOf("\r\n\r\n")) >= 0) {
            response.head = data.left(headEnd);
            bodyLength = contentLengthOf(response.head);
            // "100 Continue" comes before the real answer.
            if (response.head.startsWith("HTTP/1.1 100 ")) {
                data.remove(0, headEnd + 4);
                headEnd = -1;
                continue;
            }
        }
        if (headEnd >= 0 && data.size() >= headEnd + 4 + bodyLength)
            break;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, remainingMs(timer, timeoutMs)) <= 0)
            break;
        char buffer[65536];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            response.closed = true;
            break;
        }
        data.append(buffer, n);
    }
    if (headEnd < 0)
        return response;
    if (data.size() < headEnd + 4 + bodyLength) {
        response.head.clear();
        return response;
    }
    response.status = response.head.mid(9, 3).toInt();
    response.body = data.mid(headEnd + 4, bodyLength);
    data.remove(0, headEnd + 4 + bodyLength);
    return response;
}

bool RawConnection::waitClosed(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (m_fd >= 0) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, remainingMs(timer, timeoutMs)) <= 0)
            return false;
        char buffer[65536];
        if (::recv(m_fd, buffer, sizeof buffer, 0) <= 0)
            return true;
    }
    return true;
}

bool RawConnection::waitReadable(int timeoutMs) {
    if (!m_pending.isEmpty())
        return true;
    pollfd p{m_fd, POLLIN, 0};
    return m_fd >= 0 && ::poll(&p, 1, timeoutMs) > 0;
}

int RawConnection::release() {
    const int fd = m_fd;
    m_fd = -1;
    m_pending.clear();
    return fd;
}

void RawConnection::close() {
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_pending.clear();
}

qint64 timeToAnswer(const QUrl& server, const QByteArray& fromAddress, const QByteArray& path,
                    int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    RawConnection connection;
    if (!connection.open(server, fromAddress))
        return -1;
    if (!connection.send("GET " + path + " HTTP/1.1\r\nHost: " + server.host().toLatin1() +
                         "\r\nConnection: close\r\n\r\n"))
        return -1;
    const RawResponse response = connection.readResponse(timeoutMs);
    return response.status == 200 ? timer.elapsed() : -1;
}

QByteArray webSocketUpgrade(const QUrl& server, const QByteArray& path, const QByteArray& headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: " + server.host().toLatin1() + ":" +
           QByteArray::number(server.port()) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
           headers + "\r\n";
}

ProcessMemory memoryOf(qint64 pid) {
    ProcessMemory memory;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return memory;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            memory.rssKb = line.mid(6).trimmed().split(' ').first().toLong();
        else if (line.startsWith("VmHWM:"))
            memory.peakKb = line.mid(6).trimmed().split(' ').first().toLong();
    }
    return memory;
}

double cpuSecondsOf(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // The fields after the command name (which may hold spaces) start after its ')'.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / sysconf(_SC_CLK_TCK);
}

void resetPeakMemory(qint64 pid) {
    QFile clearRefs(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

void expectOthersServed(const QUrl& server, const char* attack) {
    const qint64 ms = timeToAnswer(server, "127.0.0.2");
    qInfo("%s: a normal request took %lld ms", attack, ms);
    QVERIFY2(ms >= 0 && ms < 1000,
             qPrintable(QStringLiteral("during %1 a normal request took %2 ms").arg(attack).arg(ms)));
}

} // namespace bitmarket::test
