// What a server on the open internet must not give away, checked on the real
// server: the files it creates are for its own user only, a request cannot
// write a line of its own into the log, and /healthz does not repeat what the
// client put in its Host header.
#include "ApiTestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace bitmarket::test;

namespace {
// Permission bits of a path, as `ls -l` would show them in octal.
int modeOf(const QString& path) {
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

QString octal(int mode) { return QString::number(mode, 8); }
} // namespace

class ServerHardeningTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filesItCreatesAreItsUsersAlone() {
        QTemporaryDir parent;
        const QString dataDir = parent.filePath("fresh-data");
        ServerProcess server(dataDir);
        QVERIFY(server.start());
        HttpTestClient http(server.httpUrl());
        QVERIFY(registerUser(http, "private_files").ok()); // something in the database
        for (const QString& dir : {dataDir, dataDir + "/logs"})
            QVERIFY2(modeOf(dir) == 0700, qPrintable(dir + " is " + octal(modeOf(dir))));
        const QStringList files = {"/bitmarket.db", "/bitmarket.db-wal", "/secret.key", "/logs/server.log"};
        for (const QString& file : files)
            QVERIFY2(modeOf(dataDir + file) == 0600, qPrintable(file + " is " + octal(modeOf(dataDir + file))));
        QCOMPARE(server.stop(), 0);
    }

    void aRequestPathCannotForgeALogLine() {
        ServerProcess server;
        server.captureErrorOutput();
        QVERIFY(server.start({"--log-requests"}));
        const QString forged = "2026-01-01T00:00:00.000Z error   bitmarket.app: admin password reset";
        HttpTestClient http(server.httpUrl());
        const HttpResponse r =
            http.get("/no-such-page%0a" + QString::fromLatin1(QUrl::toPercentEncoding(forged)));
        QCOMPARE(r.status, 404);
        QByteArray log;
        QDeadlineTimer deadline(5000);
        while (!log.contains("no-such-page") && !deadline.hasExpired()) {
            QTest::qWait(50);
            log += server.takeErrorOutput();
        }
        QCOMPARE(server.stop(), 0);
        log += server.takeErrorOutput();
        QVERIFY2(log.contains("no-such-page"), log.constData());
        for (const QByteArray& line : log.split('\n'))
            QVERIFY2(!line.startsWith(forged.toUtf8()), qPrintable("a forged line in the log:\n" + log));
        // The request is still logged, its newline written as an escape.
        QVERIFY2(log.contains("no-such-page\\n" + forged.toUtf8()), log.constData());
    }

    void healthzDoesNotRepeatTheHostHeader() {
        // Listening on every address is where the server has to choose a host to announce.
        // Only the WebSocket listener does, for the few seconds of this test.
        ServerProcess server;
        QVERIFY(server.start({"--ws-listen", "0.0.0.0:0"}));
        HttpTestClient http(server.httpUrl());
        http.setHeader("Host", "attacker.example:8080");
        const HttpResponse r = http.get("/healthz");
        BM_EXPECT_STATUS(r, 200);
        const QUrl announced(r.json().value("websocketUrl").toString());
        QVERIFY2(!r.body.contains("attacker.example"), r.body.constData());
        // The address the client reached the server at, and the WebSocket's port.
        QCOMPARE(announced.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(announced.port(), server.wsUrl().port());
        QCOMPARE(server.stop(), 0);
    }

    void healthzAnnouncesTheConfiguredPublicUrl() {
        ServerProcess server;
        QVERIFY(server.start({"--public-ws-url", "wss://market.example/ws"}));
        HttpTestClient http(server.httpUrl());
        http.setHeader("Host", "attacker.example");
        const HttpResponse r = http.get("/healthz");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("websocketUrl").toString(), QStringLiteral("wss://market.example/ws"));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(ServerHardeningTest)
#include "ServerHardeningTest.moc"
