// What the server does with requests no client of ours sends, as an attacker with
// curl would send them to a public server: compressed bodies that inflate a
// thousandfold, chunked bodies that never end, a thumbnail asked for in a
// thousand overlapping ranges, a header line of hundreds of megabytes, a huge
// JSON body to the sign-in route. Each is refused with a clear 4xx (or answered
// with the whole resource) before it costs memory, and a normal request from
// another address is answered within a second while it runs.
#include "ApiTestSupport.h"
#include "support/RawConnection.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>

#include <thread>
#include <zlib.h>

using namespace bitmarket::test;

namespace {

// An attack may grow the server's peak memory by at most this much.
constexpr long kMemoryBoundKb = 48 * 1024;
const QByteArray kLoginPath = "/api/v1/auth/login";

// `megabytes` of zeros, deflated (zlib format, as Content-Encoding: deflate means).
QByteArray deflatedZeros(int megabytes) {
    z_stream stream{};
    deflateInit(&stream, Z_BEST_COMPRESSION);
    const QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    char buffer[1 << 16];
    for (int i = 0; i < megabytes; ++i) {
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.constData()));
        stream.avail_in = static_cast<uInt>(zeros.size());
        const int flush = i + 1 == megabytes ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, flush);
            out.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return out;
}

QByteArray noisyJpeg(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    auto* random = QRandomGenerator::global();
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb((x * 3 + y) & 0xff, random->bounded(256), (y * 5) & 0xff);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 92);
    return bytes;
}

QString errorCodeOf(const RawResponse& response) {
    HttpResponse parsed;
    parsed.status = response.status;
    parsed.body = response.body;
    return parsed.errorCode();
}

QByteArray requestHead(const QByteArray& method, const QByteArray& path,
                       const QByteArray& headers) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
}

} // namespace

class RequestLimitsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    QString m_mediaUrl;
    qint64 m_mediaBytes = 0;

    QUrl url() const { return m_server->httpUrl(); }

    // Starts a new peak so the attack's own peak can be read.
    long startMeasuring() {
        resetPeakMemory(m_server->pid());
        return memoryOf(m_server->pid()).rssKb;
    }

    void expectMemoryBounded(long rssBeforeKb, const char* attack) {
        const ProcessMemory after = memoryOf(m_server->pid());
        qInfo("%s: server peak %ld MB (%+ld MB), rss %ld MB", attack, after.peakKb / 1024,
              (after.peakKb - rssBeforeKb) / 1024, after.rssKb / 1024);
        QVERIFY2(after.peakKb - rssBeforeKb < kMemoryBoundKb,
                 qPrintable(QStringLiteral("%1 grew the server by %2 MB")
                                .arg(attack)
                                .arg((after.peakKb - rssBeforeKb) / 1024)));
    }


private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--workers", "0"}));
        HttpTestClient http(url());
        const TestUser seller = registerUser(http, "limits_seller");
        QVERIFY(seller.ok());
        http.setAccessToken(seller.accessToken);
        const HttpResponse listing = http.post("/api/v1/listings", listingDraft("Lamp"));
        BM_EXPECT_STATUS(listing, 201);
        const HttpResponse photo =
            http.upload("/api/v1/listings/" + listing.json().value("id").toString() + "/photos",
                        {UploadFile{"lamp.jpg", noisyJpeg(1600, 1200), "image/jpeg"}});
        BM_EXPECT_STATUS(photo, 201);
        m_mediaUrl =
            photo.json().value("items").toArray().first().toObject().value("thumbUrl").toString();
        const HttpResponse media = http.get(m_mediaUrl);
        BM_EXPECT_STATUS(media, 200);
        m_mediaBytes = media.body.size();
        QVERIFY(m_mediaBytes > 10'000);
    }

    // Finding 1: a 300 KB deflate body inflated to 300 MB before any handler ran.
    void compressedBodiesAreRefused() {
        const QByteArray bomb = deflatedZeros(300);
        qInfo("deflate body: %lld KB that inflates to 300 MB", bomb.size() / 1024);
        const long before = startMeasuring();
        RawConnection attacker;
        QVERIFY(attacker.open(url(), "127.0.0.11"));
        QElapsedTimer timer;
        timer.start();
        attacker.send(requestHead("POST", kLoginPath,
                                  "Content-Type: application/json\r\nContent-Encoding: deflate\r\n"
                                  "Content-Length: " +
                                      QByteArray::number(bomb.size()) + "\r\n"));
        attacker.send(bomb);
        const RawResponse refused = attacker.readResponse(20000);
        qInfo("deflate bomb answered %d after %lld ms", refused.status, timer.elapsed());
        expectOthersServed(url(), "a deflate bomb");
        expectMemoryBounded(before, "a deflate bomb");
        QCOMPARE(refused.status, 415);
        QCOMPARE(errorCodeOf(refused), QStringLiteral("unsupported_media_type"));

        for (const QByteArray encoding : {"gzip", "br", "x-unknown", "identity, gzip"}) {
            RawConnection client;
            QVERIFY(client.open(url(), "127.0.0.11"));
            client.send(requestHead("POST", kLoginPath,
                                    "Content-Type: application/json\r\nContent-Encoding: " +
                                        encoding + "\r\nContent-Length: 2\r\n") +
                        "{}");
            QCOMPARE(client.readResponse().status, 415);
        }
        // Saying "identity" (no encoding) is fine: the route itself answers.
        RawConnection plain;
        QVERIFY(plain.open(url(), "127.0.0.11"));
        plain.send(requestHead("POST", kLoginPath,
                               "Content-Type: application/json\r\nContent-Encoding: identity\r\n"
                               "Content-Length: 2\r\n") +
                   "{}");
        QCOMPARE(plain.readResponse().status, 400);
    }

    // Finding 1: a chunked body had no size limit at all (200 MB were read in full).
    void chunkedBodiesAreCapped() {
        const long before = startMeasuring();
        RawConnection attacker;
        QVERIFY(attacker.open(url(), "127.0.0.12"));
        attacker.send(
            requestHead("POST", kLoginPath,
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"));
        const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, ' ') + "\r\n";
        qint64 sentBytes = 0;
        QElapsedTimer timer;
        timer.start();
        // Up to 200 MB, until the server answers or hangs up.
        while (sentBytes < 200LL * 1024 * 1024 && timer.elapsed() < 20000 &&
               !attacker.waitReadable(0) && attacker.send(chunk))
            sentBytes += chunk.size();
        expectOthersServed(url(), "an endless chunked body");
        const RawResponse refused = attacker.readResponse(5000);
        qInfo("chunked body: %lld MB sent before the server answered %d (%lld ms)", sentBytes >> 20,
              refused.status, timer.elapsed());
        expectMemoryBounded(before, "an endless chunked body");
        QCOMPARE(refused.status, 413);
        // Whatever the socket buffers hold, but not hundreds of megabytes.
        QVERIFY2(sentBytes < 32 * 1024 * 1024, "the server kept reading a chunked body");

        // A small chunked body is read like any other.
        RawConnection client;
        QVERIFY(client.open(url(), "127.0.0.12"));
        const QByteArray json = "{\"login\":\"nobody\",\"password\":\"wrong password\"}";
        client.send(
            requestHead("POST", kLoginPath,
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n") +
            QByteArray::number(json.size(), 16) + "\r\n" + json + "\r\n0\r\n\r\n");
        const RawResponse answered = client.readResponse();
        QCOMPARE(answered.status, 401);
    }

    // Finding 2: "bytes=0-,0-,..." turned a 30 KB thumbnail into an 80 MB response.
    void manyRangesGetTheWholeFile() {
        QByteArray ranges = "bytes=0-";
        while (ranges.size() < 8000)
            ranges += ",0-";
        const long before = startMeasuring();
        QList<RawResponse> answers(8);
        {
            std::vector<std::thread> attackers;
            for (int i = 0; i < answers.size(); ++i) {
                attackers.emplace_back([&, i] {
                    RawConnection attacker;
                    if (!attacker.open(url(), "127.0.0.13"))
                        return;
                    attacker.send(
                        requestHead("GET", m_mediaUrl.toLatin1(), "Range: " + ranges + "\r\n"));
                    answers[i] = attacker.readResponse(20000);
                });
            }
            expectOthersServed(url(), "many-range requests");
            for (auto& t : attackers)
                t.join();
        }
        expectMemoryBounded(before, "many-range requests");
        for (const RawResponse& answer : answers) {
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.body.size(), m_mediaBytes);
        }

        // One range still works, as a media player asks for it.
        RawConnection player;
        QVERIFY(player.open(url(), "127.0.0.13"));
        player.send(requestHead("GET", m_mediaUrl.toLatin1(), "Range: bytes=100-1123\r\n"));
        const RawResponse part = player.readResponse();
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body.size(), 1024);
        QCOMPARE(part.header("Content-Range"),
                 "bytes 100-1123/" + QByteArray::number(m_mediaBytes));
    }

    // Finding 4: a 200 MB header line grew the server by 232 MB.
    void longHeadersAreRefused() {
        const long before = startMeasuring();
        RawConnection attacker;
        QVERIFY(attacker.open(url(), "127.0.0.14"));
        attacker.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ");
        const QByteArray piece(1 << 20, 'a');
        qint64 sentBytes = 0;
        QElapsedTimer timer;
        timer.start();
        while (sentBytes < 200LL * 1024 * 1024 && timer.elapsed() < 20000 &&
               !attacker.waitReadable(0) && attacker.send(piece))
            sentBytes += piece.size();
        expectOthersServed(url(), "a 200 MB header line");
        const RawResponse refused = attacker.readResponse(5000);
        qInfo("header line: %lld MB sent before the server answered %d", sentBytes >> 20,
              refused.status);
        expectMemoryBounded(before, "a 200 MB header line");
        QCOMPARE(refused.status, 431);
        QVERIFY2(sentBytes < 32 * 1024 * 1024, "the server kept reading a header line");

        // Many small headers are as bad as one long one.
        QByteArray headers;
        for (int i = 0; i < 500; ++i)
            headers += "X-" + QByteArray::number(i) + ": 1\r\n";
        RawConnection many;
        QVERIFY(many.open(url(), "127.0.0.14"));
        many.send(requestHead("GET", "/healthz", headers));
        QCOMPARE(many.readResponse().status, 431);

        // An ordinary head with a long-ish token still passes.
        RawConnection normal;
        QVERIFY(normal.open(url(), "127.0.0.14"));
        normal.send(requestHead("GET", "/healthz",
                                "Authorization: Bearer " + QByteArray(2000, 'x') + "\r\n"));
        QCOMPARE(normal.readResponse().status, 200);
    }

    // Finding 5: JSON routes took 128 MB bodies; a 105 MB array to /auth/login peaked at 1 GB.
    void jsonRoutesTakeSmallBodies() {
        const long before = startMeasuring();
        RawConnection attacker;
        QVERIFY(attacker.open(url(), "127.0.0.15"));
        QElapsedTimer timer;
        timer.start();
        // Refused on the head alone: the body is never sent.
        attacker.send(requestHead(
            "POST", kLoginPath, "Content-Type: application/json\r\nContent-Length: 110000000\r\n"));
        const RawResponse refused = attacker.readResponse(3000);
        qInfo("a 105 MB JSON body announced: answered %d after %lld ms", refused.status,
              timer.elapsed());
        expectOthersServed(url(), "a 105 MB JSON body");
        expectMemoryBounded(before, "a 105 MB JSON body");
        QCOMPARE(refused.status, 413);
        QCOMPARE(errorCodeOf(refused), QStringLiteral("payload_too_large"));

        HttpTestClient http(url());
        QByteArray big = "[" + QByteArray(100 * 1024, '1') + "]";
        BM_EXPECT_ERROR(http.send("POST", kLoginPath, big), 413, "payload_too_large");
        // Up to the JSON limit the route reads the body itself.
        const QByteArray fits =
            "{\"login\":\"nobody\",\"password\":\"" + QByteArray(60 * 1024, 'p') + "\"}";
        BM_EXPECT_ERROR(http.send("POST", kLoginPath, fits), 401, "unauthorized");
        // The photo upload route still takes megabytes.
        const TestUser user = registerUser(http, "limits_uploader");
        QVERIFY(user.ok());
        http.setAccessToken(user.accessToken);
        const HttpResponse listing = http.post("/api/v1/listings", listingDraft("Chair"));
        BM_EXPECT_STATUS(listing, 201);
        const QByteArray photo = noisyJpeg(2000, 1500);
        QVERIFY(photo.size() > 1024 * 1024);
        BM_EXPECT_STATUS(
            http.upload("/api/v1/listings/" + listing.json().value("id").toString() + "/photos",
                        {UploadFile{"chair.jpg", photo, "image/jpeg"}}),
            201);
    }

    // Uploads being received share 512 MB, and one account or one address holds at most
    // 160 MB of it: past either a new one is asked to come back. Only a signed-in seller
    // gets that far; anyone else is refused on the head, before the body.
    void uploadsInFlightShareAMemoryBudget() {
        const QByteArray announced = QByteArray::number(127 * 1024 * 1024);
        const auto startUpload = [&](RawConnection& upload, const QByteArray& from,
                                     const QString& token) {
            return upload.open(url(), from) &&
                   upload.send(requestHead("POST", "/api/v1/listings/any/photos",
                                           "Authorization: Bearer " + token.toLatin1() +
                                               "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                                               "Content-Length: " + announced + "\r\n"));
        };
        // No account: no body is read, however many try.
        for (const QString& token : {QString(), QStringLiteral("forged.token.value")}) {
            RawConnection anonymous;
            QVERIFY(startUpload(anonymous, "127.0.0.16", token));
            const RawResponse refused = anonymous.readResponse(2000);
            QCOMPARE(refused.status, 401);
            QCOMPARE(errorCodeOf(refused), QStringLiteral("unauthorized"));
        }

        HttpTestClient http(url());
        QStringList tokens;
        for (int i = 0; i < 5; ++i) {
            const TestUser uploader = registerUser(http, QStringLiteral("slow_uploader%1").arg(i));
            QVERIFY(uploader.ok());
            tokens << uploader.accessToken;
        }
        // One account holds one upload of 127 MB, not two; nor does a second account from
        // the same address.
        std::vector<RawConnection> uploads(4);
        QVERIFY(startUpload(uploads[0], "127.0.0.16", tokens[0]));
        for (const auto& [from, token] : {std::pair{"127.0.0.17", tokens[0]}, std::pair{"127.0.0.16", tokens[1]}}) {
            RawConnection second;
            QVERIFY(startUpload(second, from, token));
            const RawResponse busy = second.readResponse(2000);
            QCOMPARE(busy.status, 429);
            QVERIFY(busy.header("Retry-After").toInt() > 0);
        }
        // Four accounts from four addresses hold 508 MB; a fifth does not fit.
        for (int i = 1; i < 4; ++i)
            QVERIFY(startUpload(uploads[i], "127.0.0." + QByteArray::number(16 + i), tokens[i]));
        RawConnection fifth;
        QVERIFY(startUpload(fifth, "127.0.0.20", tokens[4]));
        QCOMPARE(fifth.readResponse(2000).status, 429);
        for (RawConnection& upload : uploads)
            QVERIFY2(!upload.waitReadable(0), "an upload within the budget was refused");
        expectOthersServed(url(), "uploads holding the budget");
        // When one goes, room comes back.
        uploads.front().close();
        QTest::qWait(100);
        RawConnection next;
        QVERIFY(startUpload(next, "127.0.0.20", tokens[4]));
        QVERIFY(!next.waitReadable(300));
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

QTEST_GUILESS_MAIN(RequestLimitsTest)
#include "RequestLimitsTest.moc"
