// Error messages in the caller's language on the real server: the same request
// with Accept-Language en and ko gets the same status, code and field, and the
// message in English or Korean. Covers the listener's own errors (unknown
// endpoint), the router's (sign-in required), services' (bad sign-in, not
// found), validation with a field and an argument, and a photo too large.
#include "ApiTestSupport.h"

#include <QRegularExpression>

using namespace bitmarket::test;

namespace {

struct Answer {
    int status = 0;
    QString code;
    QString field;
    QString message;
    QByteArray contentLanguage;
};

Answer answerOf(const HttpResponse& r) {
    const QJsonObject error = r.json().value("error").toObject();
    return {r.status, error.value("code").toString(), error.value("field").toString(),
            error.value("message").toString(), r.header("Content-Language")};
}

bool hasHangul(const QString& text) {
    static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
    return hangul.match(text).hasMatch();
}

} // namespace

class ErrorLanguageTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    TestUser m_seller;
    QString m_listingId;

    std::unique_ptr<HttpTestClient> client(const QByteArray& acceptLanguage, const QString& token = {}) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!acceptLanguage.isEmpty())
            c->setHeader("Accept-Language", acceptLanguage);
        if (!token.isEmpty())
            c->setAccessToken(token);
        return c;
    }

    // Sends the request once in English and once in Korean; both must be the same error.
    void expectBoth(const std::function<HttpResponse(HttpTestClient&)>& request, int status,
                    const QString& code, const QString& english, const QString& korean,
                    const QString& field = {}, const QString& token = {}) {
        const Answer en = answerOf(request(*client("en", token)));
        const Answer ko = answerOf(request(*client("ko", token)));
        QCOMPARE(en.status, status);
        QCOMPARE(ko.status, status);
        QCOMPARE(en.code, code);
        QCOMPARE(ko.code, code);
        QCOMPARE(en.field, field);
        QCOMPARE(ko.field, field);
        QCOMPARE(en.message, english);
        QCOMPARE(ko.message, korean);
        QVERIFY(hasHangul(ko.message));
        QCOMPARE(en.contentLanguage, QByteArray("en"));
        QCOMPARE(ko.contentLanguage, QByteArray("ko"));
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--workers", "0"}));
        HttpTestClient http(m_server->httpUrl());
        m_seller = registerUser(http, "language_seller");
        QVERIFY(m_seller.ok());
        const HttpResponse created = client("", m_seller.accessToken)->post("/api/v1/listings", listingDraft("Lamp"));
        BM_EXPECT_STATUS(created, 201);
        m_listingId = created.json().value("id").toString();
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }

    void badSignIn() {
        expectBoth([](HttpTestClient& c) {
            return c.post("/api/v1/auth/login", QJsonObject{{"login", "language_seller"}, {"password", "wrong password"}});
        }, 401, "unauthorized", "Wrong username/email or password.", QStringLiteral("아이디/이메일 또는 비밀번호가 틀렸습니다."));
    }

    void signInRequired() {
        expectBoth([](HttpTestClient& c) { return c.get("/api/v1/me"); }, 401, "unauthorized",
                   "Sign in required.", QStringLiteral("로그인이 필요합니다."));
        // A bad token on a route where signing in is optional.
        expectBoth([](HttpTestClient& c) {
            c.setAccessToken("not.a.token");
            return c.get("/api/v1/listings");
        }, 401, "unauthorized", "Invalid access token.", QStringLiteral("올바르지 않은 액세스 토큰입니다."));
    }

    void validationWithAField() {
        expectBoth([](HttpTestClient& c) {
            return c.post("/api/v1/auth/register", QJsonObject{{"username", "shorty"}, {"email", "shorty@test.local"},
                                                               {"password", "short"}});
        }, 400, "validation_failed", "Use at least 8 characters.", QStringLiteral("8자 이상 입력해 주세요."), "password");
    }

    void validationWithAnArgument() {
        QJsonObject draft = listingDraft("x");
        draft["title"] = QString(101, 'x');
        expectBoth([&](HttpTestClient& c) { return c.post("/api/v1/listings", draft); }, 400, "validation_failed",
                   "Must be at most 100 characters.", QStringLiteral("100자 이하여야 합니다."), "title",
                   m_seller.accessToken);
        expectBoth([](HttpTestClient& c) { return c.get("/api/v1/listings?limit=500"); }, 400, "validation_failed",
                   "Must be a whole number from 1 to 100.", QStringLiteral("1에서 100 사이의 정수여야 합니다."), "limit");
    }

    void notFound() {
        expectBoth([](HttpTestClient& c) { return c.get("/api/v1/listings/l_nothing_here"); }, 404, "not_found",
                   "No such listing.", QStringLiteral("없는 상품입니다."));
        // httplib's own 404, before any route.
        expectBoth([](HttpTestClient& c) { return c.get("/api/v1/no-such-thing"); }, 404, "not_found",
                   "No such endpoint.", QStringLiteral("없는 API 주소입니다."));
    }

    void photoTooLarge() {
        QByteArray huge(26 * 1024 * 1024, '\0');
        huge.replace(0, 3, QByteArray("\xFF\xD8\xFF"));
        const QString path = "/api/v1/listings/" + m_listingId + "/photos";
        const Answer en = answerOf(client("en", m_seller.accessToken)->upload(path, {UploadFile{"huge.jpg", huge, "image/jpeg"}}));
        const Answer ko = answerOf(client("ko", m_seller.accessToken)->upload(path, {UploadFile{"huge.jpg", huge, "image/jpeg"}}));
        QCOMPARE(en.status, 413);
        QCOMPARE(ko.status, 413);
        QCOMPARE(en.code, QStringLiteral("payload_too_large"));
        QCOMPARE(ko.code, QStringLiteral("payload_too_large"));
        QCOMPARE(en.message, QStringLiteral("huge.jpg: The photo is larger than 25 MB."));
        QCOMPARE(ko.message, QStringLiteral("huge.jpg: 사진이 25MB보다 큽니다."));
    }

    void acceptLanguagePicksByPreference_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("korean");
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("ko-KR") << QByteArray("ko-KR") << true;
        QTest::newRow("KO") << QByteArray("KO") << true;
        QTest::newRow("en-US") << QByteArray("en-US,en;q=0.9") << false;
        QTest::newRow("browser Korean") << QByteArray("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7") << true;
        QTest::newRow("English preferred") << QByteArray("ko;q=0.3, en;q=0.8") << false;
        QTest::newRow("Korean by weight") << QByteArray("en;q=0.4, ko;q=0.6") << true;
        QTest::newRow("unknown first") << QByteArray("fr-FR, ko;q=0.5") << true;
        QTest::newRow("refused Korean") << QByteArray("ko;q=0") << false;
        QTest::newRow("unknown only") << QByteArray("ja, zh-CN") << false;
        QTest::newRow("anything") << QByteArray("*") << false;
    }

    void acceptLanguagePicksByPreference() {
        QFETCH(QByteArray, header);
        QFETCH(bool, korean);
        const Answer a = answerOf(client(header)->get("/api/v1/me"));
        QCOMPARE(a.code, QStringLiteral("unauthorized"));
        QCOMPARE(a.message, korean ? QStringLiteral("로그인이 필요합니다.") : QStringLiteral("Sign in required."));
    }
};

QTEST_GUILESS_MAIN(ErrorLanguageTest)
#include "ErrorLanguageTest.moc"
