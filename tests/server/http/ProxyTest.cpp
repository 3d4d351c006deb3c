// The packaged setup, for real: nginx from Debian with the site the installer ships
// (installer/nginx-bitmarket.conf) and a throwaway certificate, in front of the
// server on loopback. Through it a user signs up, lists, uploads a photo and gets
// a live event over wss:// on the same origin; the server tells clients apart by
// nginx's X-Forwarded-For and believes that header from nginx only.
#include "ApiTestSupport.h"
#include "SecureJourney.h"
#include "support/RawConnection.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace bitmarket::test;

namespace {

int freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class ProxyTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QProcess m_nginx;
    int m_port = 0; // nginx's TLS port
    QUrl m_origin;
    QString m_listingPath;

    int viewsSeenFrom(const QByteArray& fromAddress) {
        return httpsGetFrom(m_origin, fromAddress, m_listingPath).json().value("viewCount").toInt();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {"/usr/sbin", "/usr/bin"});
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/debian-packages.txt)");
        const QString cert = m_dir.filePath("cert.pem");
        const QString key = m_dir.filePath("key.pem");
        QVERIFY(makeCertificate(cert, key));
        // The client trusts the throwaway certificate as it would a real one.
        trustCertificate(cert);

        m_port = freePort();
        m_origin = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--workers", "0", "--trusted-proxy", "127.0.0.1", "--public-ws-url",
                                 QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_port)}));

        // The shipped site, with this test's ports, certificate and loopback addresses.
        QFile site(QStringLiteral(BITMARKET_SOURCE_DIR "/installer/nginx-bitmarket.conf"));
        QVERIFY(site.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(site.readAll());
        const auto replace = [&](const QString& from, const QString& to) {
            QVERIFY2(text.contains(from), qPrintable("the site no longer has: " + from));
            text.replace(from, to);
        };
        replace("server 127.0.0.1:8080;", QStringLiteral("server 127.0.0.1:%1;").arg(m_server->httpUrl().port()));
        replace("server 127.0.0.1:8081;", QStringLiteral("server 127.0.0.1:%1;").arg(m_server->wsUrl().port()));
        replace("listen 443 ssl http2;", QStringLiteral("listen 127.0.0.1:%1 ssl http2;").arg(m_port));
        replace("listen 80;", QStringLiteral("listen 127.0.0.1:%1;").arg(freePort()));
        replace("listen [::]:443 ssl http2;\n", "");
        replace("listen [::]:80;\n", "");
        replace("/etc/letsencrypt/live/market.example.org/fullchain.pem", cert);
        replace("/etc/letsencrypt/live/market.example.org/privkey.pem", key);
        const QString root = m_dir.path();
        QFile conf(m_dir.filePath("nginx.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("pid %1/nginx.pid;\nevents {}\nhttp {\n"
                                  "access_log off;\nclient_body_temp_path %1/body;\n"
                                  "proxy_temp_path %1/proxy;\nfastcgi_temp_path %1/fastcgi;\n"
                                  "uwsgi_temp_path %1/uwsgi;\nscgi_temp_path %1/scgi;\n%2\n}\n")
                       .arg(root, text)
                       .toUtf8());
        conf.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx, {"-p", root, "-e", root + "/error.log", "-c", conf.fileName(), "-g",
                              "daemon off; master_process off;"});
        QVERIFY(m_nginx.waitForStarted());
        QVERIFY2(QTest::qWaitFor([this] { return HttpTestClient(m_origin).get("/healthz").status == 200; }, 10000),
                 qPrintable(QString::fromUtf8(m_nginx.readAll())));
    }

    void cleanupTestCase() {
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(5000))
            m_nginx.kill();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void aUserGoesThroughTheProxy() {
        m_listingPath = expectUserJourney(m_origin, QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_port)),
                                          "proxied_seller");
    }

    // Anonymous views are counted per client address: through nginx that is the address
    // nginx saw, and a forged X-Forwarded-For changes nothing.
    void clientsAreToldApartBehindTheProxy() {
        QVERIFY(!m_listingPath.isEmpty());
        BM_EXPECT_STATUS(httpsGetFrom(m_origin, "127.0.0.51", m_listingPath), 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenFrom("127.0.0.51"), 1, 3000);
        BM_EXPECT_STATUS(httpsGetFrom(m_origin, "127.0.0.52", m_listingPath), 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenFrom("127.0.0.52"), 2, 3000);
        // A client claiming to be someone new through nginx is still 127.0.0.52.
        BM_EXPECT_STATUS(httpsGetFrom(m_origin, "127.0.0.52", m_listingPath, "X-Forwarded-For: 203.0.113.9\r\n"), 200);
        QTest::qWait(300);
        QCOMPARE(viewsSeenFrom("127.0.0.51"), 2);
        // Straight to the server, the header is not believed: this is 127.0.0.53, a new viewer,
        // not the 127.0.0.51 it claims to be.
        RawConnection direct;
        QVERIFY(direct.open(m_server->httpUrl(), "127.0.0.53"));
        QVERIFY(direct.send("GET " + m_listingPath.toLatin1() +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.51\r\n\r\n"));
        QCOMPARE(direct.readResponse().status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenFrom("127.0.0.51"), 3, 3000);
    }
};

QTEST_MAIN(ProxyTest)
#include "ProxyTest.moc"
