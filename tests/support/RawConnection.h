// A bare TCP connection to the server from a chosen loopback address, for the
// suites that send what no well-behaved client sends (slow heads, huge headers,
// bodies that never end) and watch how the server answers or hangs up. Also
// reads the server process's memory from /proc.
#pragma once

#include <QByteArray>
#include <QUrl>

namespace bitmarket::test {

struct RawResponse {
    int status = 0; // 0: none (closed or timed out first)
    QByteArray head;
    QByteArray body;
    bool closed = false; // the server hung up (before, during or after answering)

    QByteArray header(const QByteArray& name) const;
};

class RawConnection {
public:
    RawConnection() = default;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection(RawConnection&& other) noexcept;
    RawConnection& operator=(RawConnection&& other) noexcept;
    ~RawConnection();

    // Connects to the server's host and port from `fromAddress` (any 127.x.y.z).
    bool open(const QUrl& server, const QByteArray& fromAddress = "127.0.0.1");
    // False once the server has closed or reset the connection.
    bool send(const QByteArray& bytes);
    // Reads one response: the head, then a Content-Length body; waits at most `timeoutMs`.
    RawResponse readResponse(int timeoutMs = 5000);
    // True when the server closes the connection within `timeoutMs` (bytes it sends are dropped).
    bool waitClosed(int timeoutMs);
    // True when something (bytes or a close) arrives within `timeoutMs`.
    bool waitReadable(int timeoutMs);
    bool isOpen() const { return m_fd >= 0; }
    // Hands the connected socket over (to a QSslSocket, say); this object forgets it.
    int release();
    void close();

private:
    int m_fd = -1;
    QByteArray m_pending; // read past the last response
};

// GET `path` over a fresh connection from `fromAddress`; the milliseconds until the
// whole answer was in, or -1 if none came within `timeoutMs`.
qint64 timeToAnswer(const QUrl& server, const QByteArray& fromAddress,
                    const QByteArray& path = "/healthz", int timeoutMs = 5000);

// While an attack runs: a normal request from another address (127.0.0.2) must be
// answered within a second. Fails the running test otherwise.
void expectOthersServed(const QUrl& server, const char* attack);

// The WebSocket upgrade request for `path`: anonymous, or with `headers` (lines ending in
// "\r\n", an Authorization say).
QByteArray webSocketUpgrade(const QUrl& server, const QByteArray& path = "/ws",
                            const QByteArray& headers = {});

struct ProcessMemory {
    long rssKb = -1;  // VmRSS
    long peakKb = -1; // VmHWM, since the start or the last resetPeakMemory()
};
ProcessMemory memoryOf(qint64 pid);
// CPU seconds (user and system, all threads) the process has used so far.
double cpuSecondsOf(qint64 pid);
// Starts a new peak (VmHWM) for the process, so an attack's own peak can be read.
void resetPeakMemory(qint64 pid);

} // namespace bitmarket::test
