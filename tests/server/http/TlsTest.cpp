// The server's own HTTPS and WSS (--tls-cert, --tls-key), for a small setup without
// nginx: a user's whole trip over https:// and wss://; what a wrong client or a
// hostile one gets (plain HTTP, a stalled or broken handshake); a renewed certificate
// taken on SIGHUP without a restart; and a wrong pair of files refused at start.
#include "ApiTestSupport.h"
#include "SecureJourney.h"
#include "support/RawConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <vector>

using namespace bitmarket::test;

namespace {

// HttpLimits::headTimeout: the TLS handshake and the request head share it.
constexpr int kHeadDeadlineMs = 10'000;

bool copyFile(const QString& from, const QString& to) {
    QFile::remove(to);
    return QFile::copy(from, to);
}

// The milliseconds a GET /healthz over HTTPS takes on a fresh connection, -1 without an answer.
qint64 httpsTimeToAnswer(const QUrl& origin, const QByteArray& fromAddress) {
    QElapsedTimer timer;
    timer.start();
    const HttpResponse response = httpsGetFrom(origin, fromAddress, "/healthz");
    return response.status == 200 ? timer.elapsed() : -1;
}

} // namespace

class TlsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_liveCert; // what --tls-cert names; replaced by a renewal
    QString m_liveKey;
    QString m_listingPath; // the trip's listing

    QString file(const QString& name) const { return m_dir.filePath(name); }
    QUrl origin() const { return m_server->httpUrl(); }
    // The WebSocket port is TLS too: as an https:// origin, for the certificate it shows.
    QUrl wssOrigin() const {
        QUrl url = m_server->wsUrl();
        url.setScheme(QStringLiteral("https"));
        return url;
    }

    // bitmarket-server with `arguments` that must not start: its exit code and stderr.
    std::pair<int, QString> refusedStart(const QStringList& arguments) {
        QTemporaryDir data;
        QProcess server;
        server.start(m_server->binaryPath(),
                     QStringList{"--data-dir", data.path(), "--listen", "127.0.0.1:0", "--workers", "0"} +
                         arguments);
        if (!server.waitForFinished(20000)) {
            server.kill();
            server.waitForFinished();
            return {-1, QStringLiteral("still running")};
        }
        return {server.exitCode(), QString::fromUtf8(server.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCertificate(file("first.pem"), file("first.key")));
        QVERIFY(makeCertificate(file("renewed.pem"), file("renewed.key")));
        trustCertificate(file("first.pem"));
        trustCertificate(file("renewed.pem"));
        m_liveCert = file("live.pem");
        m_liveKey = file("live.key");
        QVERIFY(copyFile(file("first.pem"), m_liveCert));
        QVERIFY(copyFile(file("first.key"), m_liveKey));

        m_server = std::make_unique<ServerProcess>();
        m_server->captureErrorOutput();
        QVERIFY(m_server->start({"--workers", "0", "--tls-cert", m_liveCert, "--tls-key", m_liveKey}));
        QCOMPARE(origin().scheme(), QStringLiteral("https"));
        QCOMPARE(m_server->wsUrl().scheme(), QStringLiteral("wss"));
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void aUserGoesThroughHttpsAndWss() {
        m_listingPath = expectUserJourney(origin(), m_server->wsUrl(), "tls_seller");
        QVERIFY(!m_listingPath.isEmpty());
    }

    // Requests back to back on one TLS connection are each answered, in order.
    void pipelinedRequestsAreAnsweredInOrder() {
        QVERIFY(!m_listingPath.isEmpty());
        const QStringList paths{m_listingPath, "/healthz", "/api/v1/categories", "/healthz",
                                m_listingPath, "/api/v1/no-such-route"};
        const QList<HttpResponse> answers = httpsPipeline(origin(), paths);
        QCOMPARE(answers.size(), paths.size());
        QCOMPARE(answers[0].json().value("title").toString(), QStringLiteral("Lamp over TLS"));
        QCOMPARE(answers[1].json().value("status").toString(), QStringLiteral("ok"));
        QVERIFY(!answers[2].json().value("items").toArray().isEmpty());
        QCOMPARE(answers[3].json().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(answers[4].json().value("title").toString(), QStringLiteral("Lamp over TLS"));
        QCOMPARE(answers[5].status, 404);
    }

    // Someone who typed http:// reads what to type instead, rather than a reset.
    void plainHttpIsToldToUseHttps() {
        RawConnection plain;
        QVERIFY(plain.open(origin()));
        QVERIFY(plain.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        const RawResponse answer = plain.readResponse();
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.body.contains("https://"), answer.body.constData());
        QVERIFY(plain.waitClosed(3000));
    }

    // A plain ws:// upgrade to the wss:// port gets no WebSocket.
    void plainWebSocketIsRefused() {
        RawConnection plain;
        QVERIFY(plain.open(m_server->wsUrl()));
        QVERIFY(plain.send(webSocketUpgrade(m_server->wsUrl())));
        QVERIFY(plain.waitClosed(3000));
        BM_EXPECT_STATUS(HttpTestClient(origin()).get("/healthz"), 200);
    }

    // Handshakes that never finish hold no worker and no one else's place: others are
    // served at once, the stalled ones are closed by the head deadline, and one address
    // cannot open more than its share.
    void stalledHandshakesAreCutOff() {
        // HttpLimits::maxConnectionsPerAddress (64), and 8 more.
        std::vector<RawConnection> stalled(72);
        int open = 0;
        for (RawConnection& c : stalled) {
            QVERIFY(c.open(origin(), "127.0.0.31"));
            // The first bytes of a TLS record header, and then nothing.
            if (c.send(QByteArray("\x16\x03\x01", 3)))
                ++open;
        }
        QTest::qWait(300);
        int refused = 0;
        for (RawConnection& c : stalled)
            refused += c.waitClosed(0) ? 1 : 0;
        qInfo("stalled handshakes: %d of %zu refused at once (the per-address cap)", refused,
              stalled.size());
        QCOMPARE(refused, 8);
        const qint64 ms = httpsTimeToAnswer(origin(), "127.0.0.32");
        qInfo("stalled handshakes: a normal HTTPS request took %lld ms", ms);
        QVERIFY2(ms >= 0 && ms < 1000, qPrintable(QString::number(ms)));
        QElapsedTimer timer;
        timer.start();
        for (RawConnection& c : stalled)
            QVERIFY(c.waitClosed(kHeadDeadlineMs + 3000));
        qInfo("stalled handshakes: all closed after %lld ms more", timer.elapsed());
    }

    // Bytes that start like TLS and then are not: the connection ends at once.
    void brokenHandshakeIsClosed() {
        RawConnection broken;
        QVERIFY(broken.open(origin(), "127.0.0.33"));
        QByteArray garbage("\x16\x03\x01\x02\x00", 5);
        garbage += QByteArray(512, '\xA5');
        broken.send(garbage);
        QVERIFY(broken.waitClosed(2000));
        BM_EXPECT_STATUS(httpsGetFrom(origin(), "127.0.0.33", "/healthz"), 200);
    }

    // A renewed certificate (certbot replaced the files) is served after SIGHUP, on both
    // ports, without a restart; a broken renewal leaves the one in use.
    void aRenewedCertificateIsTakenOnSighup() {
        const QSslCertificate first = QSslCertificate::fromPath(file("first.pem")).value(0);
        const QSslCertificate renewed = QSslCertificate::fromPath(file("renewed.pem")).value(0);
        QVERIFY(!first.isNull() && !renewed.isNull());
        QCOMPARE(presentedCertificate(origin()), first);

        QVERIFY(copyFile(file("renewed.pem"), m_liveCert));
        QVERIFY(copyFile(file("renewed.key"), m_liveKey));
        QCOMPARE(presentedCertificate(origin()), first); // until told
        QCOMPARE(::kill(static_cast<pid_t>(m_server->pid()), SIGHUP), 0);
        QTRY_COMPARE_WITH_TIMEOUT(presentedCertificate(origin()), renewed, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(presentedCertificate(wssOrigin()), renewed, 5000);
        QByteArray log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += m_server->takeErrorOutput()).contains("reloaded the TLS certificate"),
                                  log.constData(), 3000);

        // Half written: the new key does not match the certificate in use.
        QVERIFY(copyFile(file("first.key"), m_liveKey));
        QCOMPARE(::kill(static_cast<pid_t>(m_server->pid()), SIGHUP), 0);
        log.clear();
        QTRY_VERIFY2_WITH_TIMEOUT((log += m_server->takeErrorOutput()).contains("kept the TLS certificate"),
                                  log.constData(), 3000);
        QVERIFY2(log.contains("mismatch"), log.constData());
        QCOMPARE(presentedCertificate(origin()), renewed);
        QCOMPARE(presentedCertificate(wssOrigin()), renewed);
        BM_EXPECT_STATUS(HttpTestClient(origin()).get("/healthz"), 200);
        QVERIFY(copyFile(file("renewed.key"), m_liveKey));
    }

    // Files that cannot serve stop the server at start, saying why.
    void aWrongPairStopsTheServer() {
        auto [code, log] = refusedStart({"--tls-cert", file("first.pem"), "--tls-key", file("renewed.key")});
        QCOMPARE(code, 1);
        QVERIFY2(log.contains("as the TLS key: ") && log.contains("mismatch"), qPrintable(log));

        std::tie(code, log) = refusedStart({"--tls-cert", file("first.key"), "--tls-key", file("first.key")});
        QCOMPARE(code, 1);
        QVERIFY2(log.contains("as the TLS certificate"), qPrintable(log));

        std::tie(code, log) = refusedStart({"--tls-cert", file("missing.pem"), "--tls-key", file("first.key")});
        QCOMPARE(code, 1);
        QVERIFY2(log.contains("missing.pem"), qPrintable(log));

        std::tie(code, log) = refusedStart({"--tls-cert", file("first.pem")});
        QCOMPARE(code, 2);
        QVERIFY2(log.contains("go together"), qPrintable(log));
    }
};

QTEST_MAIN(TlsTest)
#include "TlsTest.moc"
