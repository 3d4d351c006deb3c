#include "ApiTestSupport.h"

#include <QBuffer>
#include <QImage>

#include <QDateTime>
#include <QFile>
#include <QSemaphore>
#include <QThread>

namespace bitmarket::test {

QString errorField(const HttpResponse& response) {
    return response.json().value("error").toObject().value("field").toString();
}

std::unique_ptr<HttpTestClient> clientAs(const ServerProcess& server, const TestUser& u,
                                         const QByteArray& language) {
    auto c = std::make_unique<HttpTestClient>(server.httpUrl());
    c->setAccessToken(u.accessToken);
    c->setHeader("Accept-Language", language);
    return c;
}

TestUser registerNumbered(const ServerProcess& server, const QString& name, int& counter) {
    HttpTestClient http(server.httpUrl());
    return registerUser(http, QStringLiteral("%1_%2").arg(name).arg(++counter));
}

TestUser registerUser(HttpTestClient& http, const QString& username) {
    TestUser u;
    u.username = username;
    u.email = username + QStringLiteral("@test.local");
    u.password = QStringLiteral("correct horse ") + username;
    const HttpResponse r = http.post("/api/v1/auth/register",
                                     QJsonObject{{"username", username},
                                                 {"email", u.email},
                                                 {"password", u.password},
                                                 {"displayName", username.toUpper()}});
    if (r.status != 201) {
        qWarning("register %s: %d %s", qPrintable(username), r.status, r.body.constData());
        return TestUser{};
    }
    const QJsonObject o = r.json();
    u.id = o.value("user").toObject().value("id").toString();
    u.accessToken = o.value("accessToken").toString();
    u.refreshToken = o.value("refreshToken").toString();
    return u;
}

QJsonObject listingDraft(const QString& title, qint64 price, const QString& categoryId) {
    return QJsonObject{{"title", title},
                       {"description", QStringLiteral("Described: ") + title},
                       {"categoryId", categoryId},
                       {"price", QJsonObject{{"amount", price}, {"currency", "KRW"}}},
                       {"condition", "good"},
                       {"tags", QJsonArray{"test"}},
                       {"region", QStringLiteral("Seoul")},
                       {"saleType", "fixed"}};
}

QJsonObject auctionDraft(const QString& title, qint64 startPrice, qint64 endsInMs,
                         qint64 reservePrice) {
    QJsonObject o = listingDraft(title, startPrice);
    o.insert("saleType", "auction");
    o.remove("price");
    QJsonObject terms{{"startPrice", QJsonObject{{"amount", startPrice}, {"currency", "KRW"}}},
                      {"minIncrement", QJsonObject{{"amount", 1000}, {"currency", "KRW"}}},
                      {"endsAt", rfc3339FromNow(endsInMs)}};
    if (reservePrice > 0)
        terms.insert("reservePrice", QJsonObject{{"amount", reservePrice}, {"currency", "KRW"}});
    o.insert("auction", terms);
    return o;
}

QStringList idsOf(const QJsonArray& items) {
    QStringList ids;
    for (const QJsonValue& v : items)
        ids.append(v.toObject().value("id").toString());
    return ids;
}

QString rfc3339FromNow(qint64 deltaMs) {
    return QDateTime::currentDateTimeUtc().addMSecs(deltaMs).toString(Qt::ISODateWithMs);
}

QList<HttpResponse> concurrently(int n, const std::function<HttpResponse(int)>& request) {
    QList<HttpResponse> answers(n);
    QSemaphore ready;
    QSemaphore go;
    QList<QThread*> threads;
    for (int i = 0; i < n; ++i) {
        threads.append(QThread::create([&, i] {
            ready.release();
            go.acquire(); // all start together
            answers[i] = request(i);
        }));
        threads.last()->start();
    }
    ready.acquire(n);
    go.release(n);
    for (QThread* t : threads) {
        t->wait();
        delete t;
    }
    return answers;
}

QString datasetsDir() { return QStringLiteral(BITMARKET_DATASETS_DIR); }

QByteArray readFileBytes(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray encodedImage(int width, int height, QColor color, const char* format) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace bitmarket::test
