#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

#include <sys/resource.h>

namespace bitmarket::test {

ServerProcess::ServerProcess(const QString& dataDir) {
    if (dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = dataDir;
    }
}

ServerProcess::~ServerProcess() {
    if (isRunning())
        kill();
}

QString ServerProcess::binaryPath() const {
    // Another build's server, so a benchmark can compare two builds back to back.
    const QString other = qEnvironmentVariable("BITMARKET_SERVER_BINARY");
    return other.isEmpty() ? QStringLiteral(BITMARKET_BIN_DIR) + QStringLiteral("/bitmarket-server")
                           : other;
}

bool ServerProcess::start(const QStringList& extraArgs, int timeoutMs) {
    m_output.clear();
    m_httpUrl.clear();
    m_wsUrl.clear();
    m_process = std::make_unique<QProcess>();
    // The server's stderr (warnings, and sanitizer reports in build-asan/) goes
    // to the test's, so that a failing suite shows what its server said.
    m_process->setProcessChannelMode(m_captureErrorOutput ? QProcess::SeparateChannels
                                                          : QProcess::ForwardedErrorChannel);
    m_process->setProgram(binaryPath());
    m_process->setArguments(QStringList{"--data-dir", m_dataDir, "--listen", "127.0.0.1:0",
                                        "--ws-listen", "127.0.0.1:0"} +
                            extraArgs);
    if (m_openFileLimit > 0) {
        const rlim_t files = static_cast<rlim_t>(m_openFileLimit);
        m_process->setChildProcessModifier([files] {
            const rlimit limit{files, files};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
    }
    m_process->start();
    if (!m_process->waitForStarted(5000))
        return false;
    static const QRegularExpression httpLine(QStringLiteral("listening on (https?://\\S+)"));
    static const QRegularExpression wsLine(QStringLiteral("websocket on (wss?://\\S+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && (m_httpUrl.isEmpty() || m_wsUrl.isEmpty())) {
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(100);
        m_output += m_process->readAllStandardOutput();
        if (auto m = httpLine.match(QString::fromUtf8(m_output)); m.hasMatch())
            m_httpUrl = QUrl(m.captured(1));
        if (auto m = wsLine.match(QString::fromUtf8(m_output)); m.hasMatch())
            m_wsUrl = QUrl(m.captured(1));
    }
    if (m_httpUrl.isEmpty() || m_wsUrl.isEmpty()) {
        qWarning("server did not start:\n%s", m_output.constData());
        kill();
        return false;
    }
    return true;
}

int ServerProcess::stop(int timeoutMs) {
    if (!isRunning())
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    m_output += m_process->readAll();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill() {
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

QByteArray ServerProcess::takeErrorOutput() {
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

bool ServerProcess::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

} // namespace bitmarket::test
