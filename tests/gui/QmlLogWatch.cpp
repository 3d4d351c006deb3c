#include "QmlLogWatch.h"

#include <QMutex>
#include <QRegularExpression>

namespace bitmarket::test {

namespace {

QMutex mutex;
QStringList complaints;
QtMessageHandler previousHandler = nullptr;

bool isQmlComplaint(const QMessageLogContext& context, const QString& message) {
    static const QRegularExpression qmlSource(QStringLiteral(R"(\.qml:\d+)"));
    const QString file = QString::fromUtf8(context.file ? context.file : "");
    return message.contains(QLatin1String("is not installed")) ||
           message.contains(qmlSource) || file.endsWith(QLatin1String(".qml"));
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type != QtDebugMsg && type != QtInfoMsg && isQmlComplaint(context, message)) {
        QMutexLocker lock(&mutex);
        complaints << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

void QmlLogWatch::start() {
    if (m_started)
        return;
    m_started = true;
    previousHandler = qInstallMessageHandler(handler);
}

QmlLogWatch::~QmlLogWatch() {
    if (m_started)
        qInstallMessageHandler(previousHandler);
}

QStringList QmlLogWatch::takeComplaints() {
    QMutexLocker lock(&mutex);
    return std::exchange(complaints, {});
}

} // namespace bitmarket::test
