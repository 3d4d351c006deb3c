// Starts the real bitmarket-server binary on 127.0.0.1:0 with a data dir
// (a fresh temporary one unless given), and reads the addresses it prints.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace bitmarket::test {

class ServerProcess {
public:
    // An empty dataDir means a fresh temporary one, removed with this object.
    explicit ServerProcess(const QString& dataDir = {});
    ~ServerProcess();

    // Starts and waits until both listeners announced themselves.
    bool start(const QStringList& extraArgs = {}, int timeoutMs = 20000);
    // Starts the server with at most `files` open files (soft and hard limit), as a
    // small systemd LimitNOFILE would; 0 leaves the limit as it is.
    void setOpenFileLimit(int files) { m_openFileLimit = files; }
    // SIGTERM and wait for a clean exit; returns the exit code (or -1).
    int stop(int timeoutMs = 10000);
    // SIGKILL: the crash case.
    void kill();
    bool isRunning() const;
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    QUrl httpUrl() const { return m_httpUrl; }
    QUrl wsUrl() const { return m_wsUrl; }
    QString dataDir() const { return m_dataDir; }
    QByteArray output() const { return m_output; }
    // Before start(): keep the server's stderr for takeErrorOutput() instead of
    // passing it on to the test's.
    void captureErrorOutput() { m_captureErrorOutput = true; }
    // What the server wrote to stderr (its log lines) since the last call.
    QByteArray takeErrorOutput();
    QString binaryPath() const;

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    bool m_captureErrorOutput = false;
    QUrl m_httpUrl;
    QUrl m_wsUrl;
    int m_openFileLimit = 0;
};

} // namespace bitmarket::test
