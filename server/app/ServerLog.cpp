#include "app/ServerLog.h"

#include "bitmarket/Timestamp.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <mutex>

namespace bitmarket::server {

namespace {
std::mutex g_mutex;
QFile* g_file = nullptr;

const char* levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// One message, one line: control characters (a request path's %0a decoded to a
// newline) are written as escapes, so nobody can forge a line of their own.
QString oneLine(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
                 c.category() == QChar::Separator_Paragraph)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString time = toRfc3339(nowMs());
    const char* level = levelName(type);
    const char* category = context.category ? context.category : "default";
    const QByteArray line = QJsonDocument(QJsonObject{{"time", time},
                                                      {"level", level},
                                                      {"category", category},
                                                      {"message", message}})
                                .toJson(QJsonDocument::Compact) +
                            '\n';
    std::lock_guard lock(g_mutex);
    std::fprintf(stderr, "%s %-7s %s: %s\n", qPrintable(time), level, category,
                 qPrintable(oneLine(message)));
    if (g_file) {
        g_file->write(line);
        g_file->flush();
    }
}
} // namespace

bool ServerLog::install(const QString& dataDir) {
    QDir().mkpath(dataDir + QStringLiteral("/logs"));
    {
        std::lock_guard lock(g_mutex);
        g_file = new QFile(dataDir + QStringLiteral("/logs/server.log"));
        if (!g_file->open(QIODevice::Append | QIODevice::Text)) {
            delete g_file;
            g_file = nullptr;
        }
    }
    qInstallMessageHandler(handle);
    return g_file != nullptr;
}

void ServerLog::uninstall() {
    qInstallMessageHandler(nullptr);
    std::lock_guard lock(g_mutex);
    delete g_file;
    g_file = nullptr;
}

} // namespace bitmarket::server
