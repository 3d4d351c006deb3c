#include "SecureJourney.h"

#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"
#include "support/RawConnection.h"

#include <QElapsedTimer>
#include <QImage>
#include <QSslSocket>

namespace bitmarket::test {

namespace {

// QVERIFY and friends return void; the journey returns the listing's path.
void walk(const QUrl& origin, const QUrl& expectedWs, const QString& username, QString& listingPath) {
    HttpTestClient http(origin);
    const TestUser seller = registerUser(http, username);
    QVERIFY(seller.ok());
    const HttpResponse login = http.post("/api/v1/auth/login",
                                         {{"login", seller.username}, {"password", seller.password}});
    BM_EXPECT_STATUS(login, 200);
    http.setAccessToken(login.json().value("accessToken").toString());
    const HttpResponse created = http.post("/api/v1/listings", listingDraft("Lamp over TLS"));
    BM_EXPECT_STATUS(created, 201);
    const QString id = created.json().value("id").toString();
    const QString path = "/api/v1/listings/" + id;
    QVERIFY(idsOf(http.get("/api/v1/listings?sellerId=" + seller.id).json().value("items").toArray())
                .contains(id));

    const QUrl ws(http.get("/healthz").json().value("websocketUrl").toString());
    QCOMPARE(ws, expectedWs);
    RealtimeTestClient viewer;
    viewer.open(ws);
    QVERIFY(viewer.waitForConnected());
    const QString topic = "listing:" + id;
    QCOMPARE(viewer.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));

    const HttpResponse photo =
        http.upload(path + "/photos", {UploadFile{"lamp.jpg", encodedImage(320, 240, QColor(120, 80, 40), "JPEG"), "image/jpeg"}});
    BM_EXPECT_STATUS(photo, 201);
    const QJsonObject event = viewer.waitForEvent(topic);
    QCOMPARE(event.value("type").toString(), QStringLiteral("listing.updated"));
    QCOMPARE(event.value("data").toObject().value("id").toString(), id);
    const QString thumb =
        photo.json().value("items").toArray().first().toObject().value("thumbUrl").toString();
    const HttpResponse thumbnail = HttpTestClient(origin).get(thumb);
    BM_EXPECT_STATUS(thumbnail, 200);
    QVERIFY(QImage::fromData(thumbnail.body).width() > 0);
    listingPath = path;
}

} // namespace

HttpResponse httpsGetFrom(const QUrl& origin, const QByteArray& fromAddress, const QString& path,
                          const QByteArray& extraHeaders) {
    HttpResponse response;
    RawConnection tcp;
    if (!tcp.open(origin, fromAddress))
        return response;
    QSslSocket socket;
    socket.setSocketDescriptor(tcp.release());
    socket.setPeerVerifyName(origin.host());
    socket.startClientEncryption();
    if (!socket.waitForEncrypted(5000))
        return response;
    socket.write("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: " + origin.host().toLatin1() +
                 "\r\n" + extraHeaders + "Connection: close\r\n\r\n");
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

QList<HttpResponse> httpsPipeline(const QUrl& origin, const QStringList& paths) {
    QList<HttpResponse> answers;
    QSslSocket socket;
    socket.connectToHostEncrypted(origin.host(), static_cast<quint16>(origin.port()));
    if (!socket.waitForEncrypted(5000))
        return answers;
    QByteArray requests;
    for (const QString& path : paths)
        requests += "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: " + origin.host().toLatin1() + "\r\n\r\n";
    socket.write(requests);
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (answers.size() < paths.size() && timer.elapsed() < 5000) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = data.left(headEnd).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype length =
                at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (data.size() >= headEnd + 4 + length) {
                HttpResponse answer;
                answer.status = data.mid(9, 3).toInt();
                answer.body = data.mid(headEnd + 4, length);
                answers << answer;
                data.remove(0, headEnd + 4 + length);
                continue;
            }
        }
        if (socket.waitForReadyRead(500))
            data += socket.readAll();
    }
    return answers;
}

QSslCertificate presentedCertificate(const QUrl& origin) {
    QSslSocket socket;
    socket.connectToHostEncrypted(origin.host(), static_cast<quint16>(origin.port()));
    if (!socket.waitForEncrypted(5000))
        return {};
    return socket.peerCertificate();
}

QString expectUserJourney(const QUrl& origin, const QUrl& expectedWs, const QString& username) {
    QString listingPath;
    walk(origin, expectedWs, username, listingPath);
    return listingPath;
}

} // namespace bitmarket::test
