// The packaged setup, for real: nginx from Debian with the site the installer ships
// (installer/nginx-bitmarket.conf) and a throwaway certificate, in front of the
// server on loopback. Through it a user signs up, lists, uploads a photo and gets
// a live event over wss:// on the same origin; the server tells clients apart by
// nginx's X-Forwarded-For and believes that header from nginx only.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"
#include "support/RawConnection.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
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

QByteArray smallJpeg() {
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(120, 80, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    return bytes;
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

    // GET `path` through nginx over TLS from `fromAddress`, with `extraHeaders`.
    HttpResponse getFrom(const QByteArray& fromAddress, const QString& path,
                         const QByteArray& extraHeaders = {}) {
        HttpResponse response;
        RawConnection tcp;
        if (!tcp.open(m_origin, fromAddress))
            return response;
        QSslSocket socket;
        socket.setSocketDescriptor(tcp.release());
        socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
        socket.startClientEncryption();
        if (!socket.waitForEncrypted(5000))
            return response;
        socket.write("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders +
                     "Connection: close\r\n\r\n");
        QByteArray data;
        while (socket.waitForReadyRead(5000))
            data += socket.readAll();
        data += socket.readAll();
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return response;
        response.status = data.mid(9, 3).toInt();
        response.body = data.mid(headEnd + 4);
        return response;
    }

    int viewsSeenFrom(const QByteArray& fromAddress) {
        return getFrom(fromAddress, m_listingPath).json().value("viewCount").toInt();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {"/usr/sbin", "/usr/bin"});
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/debian-packages.txt)");
        const QString cert = m_dir.filePath("cert.pem");
        const QString key = m_dir.filePath("key.pem");
        QCOMPARE(QProcess::execute("openssl",
                                   {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                    "-keyout", key, "-out", cert}),
                 0);
        // The client trusts the throwaway certificate as it would a real one.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(cert);
        QSslConfiguration::setDefaultConfiguration(tls);

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
        HttpTestClient http(m_origin);
        const TestUser seller = registerUser(http, "proxied_seller");
        QVERIFY(seller.ok());
        const HttpResponse login = http.post("/api/v1/auth/login",
                                             {{"login", seller.username}, {"password", seller.password}});
        BM_EXPECT_STATUS(login, 200);
        http.setAccessToken(login.json().value("accessToken").toString());
        const HttpResponse created = http.post("/api/v1/listings", listingDraft("Proxied lamp"));
        BM_EXPECT_STATUS(created, 201);
        const QString id = created.json().value("id").toString();
        m_listingPath = "/api/v1/listings/" + id;
        QVERIFY(idsOf(http.get("/api/v1/listings?sellerId=" + seller.id).json().value("items").toArray())
                    .contains(id));

        // Live updates on the same origin, as /healthz announces them.
        const QUrl ws(http.get("/healthz").json().value("websocketUrl").toString());
        QCOMPARE(ws, QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_port)));
        RealtimeTestClient viewer;
        viewer.open(ws);
        QVERIFY(viewer.waitForConnected());
        const QString topic = "listing:" + id;
        QCOMPARE(viewer.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));

        const HttpResponse photo = http.upload(m_listingPath + "/photos",
                                               {UploadFile{"lamp.jpg", smallJpeg(), "image/jpeg"}});
        BM_EXPECT_STATUS(photo, 201);
        const QJsonObject event = viewer.waitForEvent(topic);
        QCOMPARE(event.value("type").toString(), QStringLiteral("listing.updated"));
        QCOMPARE(event.value("data").toObject().value("id").toString(), id);
        BM_EXPECT_STATUS(HttpTestClient(m_origin).get(photo.json().value("items").toArray().first()
                                                          .toObject().value("thumbUrl").toString()),
                         200);
    }

    // Anonymous views are counted per client address: through nginx that is the address
    // nginx saw, and a forged X-Forwarded-For changes nothing.
    void clientsAreToldApartBehindTheProxy() {
        QVERIFY(!m_listingPath.isEmpty());
        BM_EXPECT_STATUS(getFrom("127.0.0.51", m_listingPath), 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenFrom("127.0.0.51"), 1, 3000);
        BM_EXPECT_STATUS(getFrom("127.0.0.52", m_listingPath), 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenFrom("127.0.0.52"), 2, 3000);
        // A client claiming to be someone new through nginx is still 127.0.0.52.
        BM_EXPECT_STATUS(getFrom("127.0.0.52", m_listingPath, "X-Forwarded-For: 203.0.113.9\r\n"), 200);
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
