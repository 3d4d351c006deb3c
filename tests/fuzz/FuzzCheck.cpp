#include "FuzzCheck.h"

#include "bitmarket/ErrorCatalogue.h"

#include <QJsonDocument>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace bitmarket::fuzz {

void check(bool ok, const char* what) {
    if (ok)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

void checkError(const ApiError& error) {
    check(error.httpStatus() >= 400 && error.httpStatus() < 600, "error has a 4xx or 5xx status");
    check(!error.message.isEmpty(), "error has a message");
    for (const QString& argument : error.messageArgs)
        check(error.message.contains(argument), "the message holds each argument verbatim");
    const ApiError korean = ErrorCatalogue::translate(error, Language::Korean);
    check(!korean.message.isEmpty(), "error has a Korean message");
    for (const QString& argument : error.messageArgs)
        check(korean.message.contains(argument), "the Korean message holds each argument verbatim");
    check(!QJsonDocument(korean.toJson()).toJson(QJsonDocument::Compact).isEmpty(),
          "error body renders");
}

void quietQtLog() {
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg || type == QtCriticalMsg) {
            std::fprintf(stderr, "Qt: %s\n", qPrintable(message));
            if (type == QtFatalMsg)
                std::abort();
        }
    });
}

} // namespace bitmarket::fuzz
