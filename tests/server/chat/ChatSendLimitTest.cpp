// The per-user send limit of chat on the real server (--chat-messages-per-10s 5): the sixth
// message within ten seconds is refused with rate_limited, a Retry-After and a message in the
// caller's language, over HTTP and over WebSocket alike, for texts, photos and appointment
// cards; nothing refused is stored; the other member is held to their own count, not the
// sender's; and once the window has passed the sender writes again.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"
#include "bitmarket/Timestamp.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kLimit = 5;

QByteArray pngBytes() {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class ChatSendLimitTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    int m_users = 0;
    TestUser m_seller;
    TestUser m_buyer;
    QString m_chatId;

    std::unique_ptr<HttpTestClient> as(const TestUser& u, const QByteArray& language = "en") {
        return clientAs(*m_server, u, language);
    }
    HttpResponse say(const TestUser& u, const QString& text, const QByteArray& language = "en") {
        return as(u, language)->post("/api/v1/chats/" + m_chatId + "/messages",
                                     QJsonObject{{"text", text}, {"clientId", text}});
    }
    qint64 lastSeq() {
        return as(m_seller)->get("/api/v1/chats/" + m_chatId).json().value("lastSeq").toInteger();
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--registrations-per-hour", "1000", "--chat-messages-per-10s",
                                 QString::number(kLimit)}));
        m_seller = registerNumbered(*m_server, "limit_seller", m_users);
        m_buyer = registerNumbered(*m_server, "limit_buyer", m_users);
        const HttpResponse listing = as(m_seller)->post("/api/v1/listings", listingDraft("Limit lamp", 20'000));
        BM_EXPECT_STATUS(listing, 201);
        const HttpResponse opened = as(m_buyer)->post(
            "/api/v1/chats", QJsonObject{{"listingId", listing.json().value("id").toString()}});
        BM_EXPECT_STATUS(opened, 201);
        m_chatId = opened.json().value("id").toString();
    }
    void cleanupTestCase() {
        QCOMPARE(m_server->stop(), 0);
    }

    void theSixthMessageInTenSecondsIsRefusedEverywhere() {
        QElapsedTimer window;
        window.start();
        for (int i = 1; i <= kLimit; ++i)
            BM_EXPECT_STATUS(say(m_buyer, QStringLiteral("line %1").arg(i)), 201);

        const HttpResponse refused = say(m_buyer, "one too many", "ko");
        BM_EXPECT_STATUS(refused, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        QCOMPARE(refused.json().value("error").toObject().value("message").toString(),
                 QStringLiteral("메시지를 너무 빨리 보내고 있습니다. 몇 초 후에 다시 보내 주세요."));
        const int retryAfter = refused.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 10, refused.header("Retry-After").constData());

        // The socket, a photo and a card are held to the same count.
        RealtimeTestClient socket;
        socket.open(m_server->wsUrl(), "Bearer " + m_buyer.accessToken.toUtf8());
        QVERIFY(socket.waitForConnected());
        const QJsonObject frame = socket.request(
            "chat.send", {{"chatId", m_chatId}, {"text", "over the socket"}, {"clientId", "ws-1"}});
        QCOMPARE(frame.value("type").toString(), QStringLiteral("error"));
        QCOMPARE(frame.value("data").toObject().value("code").toString(), QStringLiteral("rate_limited"));
        QCOMPARE(frame.value("data").toObject().value("message").toString(),
                 QStringLiteral("You are sending messages too fast. Wait a few seconds and try again."));
        const HttpResponse photo = as(m_buyer)->upload("/api/v1/chats/" + m_chatId + "/images",
                                                       {UploadFile{"p.png", pngBytes(), "image/png"}});
        BM_EXPECT_STATUS(photo, 429);
        const HttpResponse card = as(m_buyer)->post(
            "/api/v1/chats/" + m_chatId + "/appointments",
            QJsonObject{{"at", bitmarket::toRfc3339(bitmarket::nowMs() + 86'400'000)}, {"place", "Gate"}});
        BM_EXPECT_STATUS(card, 429);
        QVERIFY2(window.elapsed() < 9000, "the sends took longer than the window");
        QCOMPARE(lastSeq(), kLimit);

        // The seller has a count of their own.
        BM_EXPECT_STATUS(say(m_seller, "the seller answers"), 201);
        QCOMPARE(lastSeq(), kLimit + 1);

        // Once the first sends have left the window, the buyer writes again.
        QTest::qWait(int(std::max<qint64>(0, 10'500 - window.elapsed())));
        BM_EXPECT_STATUS(say(m_buyer, "after the wait"), 201);
        QCOMPARE(lastSeq(), kLimit + 2);
    }
};

QTEST_MAIN(ChatSendLimitTest)
#include "ChatSendLimitTest.moc"
