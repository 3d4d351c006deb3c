// What the server API suites share: a running server per suite, signing up
// users, drafting listings, and checks for the contract's error bodies.
#pragma once

#include "support/HttpTestClient.h"
#include "support/ServerProcess.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <functional>
#include <memory>

namespace bitmarket::test {

// Fails the current test unless `response` is the documented error: the status,
// {"error": {"code", "message"}} with that code and a non-empty message.
#define BM_EXPECT_ERROR(response, expectedStatus, expectedCode)                                     \
    do {                                                                                           \
        const auto& bmResponse_ = (response);                                                      \
        QVERIFY2(bmResponse_.status == (expectedStatus),                                           \
                 qPrintable(QStringLiteral("status %1, expected %2; body: %3")                     \
                                .arg(bmResponse_.status)                                           \
                                .arg(expectedStatus)                                               \
                                .arg(QString::fromUtf8(bmResponse_.body.left(400)))));             \
        QCOMPARE(bmResponse_.errorCode(), QStringLiteral(expectedCode));                           \
        QVERIFY2(!bmResponse_.json()                                                               \
                      .value("error")                                                              \
                      .toObject()                                                                  \
                      .value("message")                                                            \
                      .toString()                                                                  \
                      .isEmpty(),                                                                  \
                 "error without a human message");                                                 \
    } while (false)

// Fails the current test unless `response` has the status (and shows the body if not).
#define BM_EXPECT_STATUS(response, expectedStatus)                                                  \
    do {                                                                                           \
        const auto& bmResponse_ = (response);                                                      \
        QVERIFY2(bmResponse_.status == (expectedStatus),                                           \
                 qPrintable(QStringLiteral("status %1, expected %2; body: %3")                     \
                                .arg(bmResponse_.status)                                           \
                                .arg(expectedStatus)                                               \
                                .arg(QString::fromUtf8(bmResponse_.body.left(400)))));             \
    } while (false)

struct TestUser {
    QString id;
    QString username;
    QString email;
    QString password;
    QString accessToken;
    QString refreshToken;
    bool ok() const { return !id.isEmpty(); }
};

// error.field of an error body.
QString errorField(const HttpResponse& response);

// Registers `username` (email username@test.local, a fixed password); an empty
// TestUser (ok() false) when the server refused.
TestUser registerUser(HttpTestClient& http, const QString& username);
// A client of the server signed in as `u`, asking for answers in `language`.
std::unique_ptr<HttpTestClient> clientAs(const ServerProcess& server, const TestUser& u,
                                         const QByteArray& language = "en");
// A new user named `name_N`, N counting up in `counter` (one per suite).
TestUser registerNumbered(const ServerProcess& server, const QString& name, int& counter);

// A valid fixed-price listing body; callers change fields to taste.
QJsonObject listingDraft(const QString& title, qint64 price = 10000,
                         const QString& categoryId = QStringLiteral("phones"));
// A valid auction body ending `endsInMs` from now; with a reserve price when one is given.
QJsonObject auctionDraft(const QString& title, qint64 startPrice, qint64 endsInMs,
                         qint64 reservePrice = 0);

// A plain image of one colour, encoded as `format` ("PNG", "JPEG"): a photo to upload.
QByteArray encodedImage(int width, int height, QColor color, const char* format);

// Ids of a listing page's items, in order.
QStringList idsOf(const QJsonArray& items);

// An RFC 3339 UTC time `deltaMs` from now.
QString rfc3339FromNow(qint64 deltaMs);

// Runs request(i) for i in 0..n-1 at the same time, each on its own thread
// (create the HttpTestClient inside `request`); the answers in order of i.
QList<HttpResponse> concurrently(int n, const std::function<HttpResponse(int)>& request);

// The directory of real photos (../shared/datasets).
QString datasetsDir();
QByteArray readFileBytes(const QString& path);

} // namespace bitmarket::test
