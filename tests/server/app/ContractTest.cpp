// The machine-readable contract (docs/openapi.json) and the server agree: the
// routes the server registers (bitmarket-server --print-routes) are exactly the
// operations the file documents, and every documented operation is reachable
// on a running server.
#include "ApiTestSupport.h"

#include <QJsonArray>

#include <QCryptographicHash>
#include <QDateTime>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QMessageAuthenticationCode>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {
const QStringList kMethods = {"get", "post", "put", "patch", "delete"};

QString openApiPath() { return QStringLiteral(BITMARKET_SOURCE_DIR "/docs/openapi.json"); }
} // namespace

// A small JSON Schema check for what OpenAPI 3.x responses use here: $ref,
// type (one or a list, "nullable"), required, properties, items, enum,
// format date-time, allOf/anyOf/oneOf. Appends "path: problem" lines.
class SchemaCheck {
public:
    explicit SchemaCheck(const QJsonObject& spec) : m_spec(spec) {}

    void check(const QJsonValue& value, QJsonObject schema, const QString& path, QStringList& problems) const {
        for (int depth = 0; schema.contains("$ref") && depth < 20; ++depth)
            schema = resolve(schema.value("$ref").toString());
        if (schema.contains("allOf")) {
            for (const QJsonValue& sub : schema.value("allOf").toArray())
                check(value, sub.toObject(), path, problems);
        }
        for (const char* alternatives : {"anyOf", "oneOf"}) {
            if (!schema.contains(alternatives))
                continue;
            bool any = false;
            for (const QJsonValue& sub : schema.value(alternatives).toArray()) {
                QStringList trial;
                check(value, sub.toObject(), path, trial);
                any = any || trial.isEmpty();
            }
            if (!any)
                problems.append(path + ": matches none of " + alternatives);
        }
        if (schema.contains("type") || schema.value("nullable").toBool()) {
            QStringList types;
            if (schema.value("type").isArray()) {
                for (const QJsonValue& t : schema.value("type").toArray())
                    types.append(t.toString());
            } else if (schema.contains("type")) {
                types.append(schema.value("type").toString());
            }
            if (schema.value("nullable").toBool())
                types.append("null");
            if (!types.isEmpty() && !types.contains(typeOf(value)) &&
                !(typeOf(value) == "integer" && types.contains("number"))) {
                problems.append(path + ": is " + typeOf(value) + ", documented " + types.join('|'));
                return;
            }
        }
        if (schema.contains("enum") && !schema.value("enum").toArray().contains(value))
            problems.append(path + ": " + QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)) +
                            " is not in the documented enum");
        if (schema.value("format").toString() == "date-time" && value.isString() &&
            !QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
            problems.append(path + ": '" + value.toString() + "' is not a date-time");
        if (value.isObject()) {
            const QJsonObject o = value.toObject();
            for (const QJsonValue& r : schema.value("required").toArray()) {
                if (!o.contains(r.toString()))
                    problems.append(path + ": required '" + r.toString() + "' is missing");
            }
            const QJsonObject properties = schema.value("properties").toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (properties.contains(it.key()))
                    check(it.value(), properties.value(it.key()).toObject(), path + '.' + it.key(), problems);
            }
        }
        if (value.isArray() && schema.contains("items")) {
            const QJsonArray a = value.toArray();
            for (int i = 0; i < a.size(); ++i)
                check(a[i], schema.value("items").toObject(), path + QStringLiteral("[%1]").arg(i), problems);
        }
    }

private:
    static QString typeOf(const QJsonValue& v) {
        switch (v.type()) {
        case QJsonValue::Null: return "null";
        case QJsonValue::Bool: return "boolean";
        case QJsonValue::Double:
            return v.toDouble() == static_cast<double>(v.toInteger()) ? "integer" : "number";
        case QJsonValue::String: return "string";
        case QJsonValue::Array: return "array";
        case QJsonValue::Object: return "object";
        default: return "undefined";
        }
    }
    QJsonObject resolve(const QString& ref) const {
        QJsonValue at = m_spec;
        for (const QString& part : ref.mid(2).split('/'))
            at = at.toObject().value(part);
        return at.toObject();
    }
    QJsonObject m_spec;
};

class ContractTest : public QObject {
    Q_OBJECT

private:
    QJsonObject m_spec;
    QSet<QString> m_documented; // "method path"
    QSet<QString> m_served;
    QHash<QString, QString> m_access; // "method path" -> who may call it, as the server declares

private Q_SLOTS:
    void initTestCase() {
        QFile file(openApiPath());
        if (!file.exists())
            QSKIP("docs/openapi.json does not exist yet");
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        m_spec = doc.object();
        const QJsonObject paths = m_spec.value("paths").toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (kMethods.contains(op.key()))
                    m_documented.insert(op.key() + ' ' + p.key());
            }
        }

        QTemporaryDir dataDir;
        QProcess server;
        server.start(QStringLiteral(BITMARKET_BIN_DIR "/bitmarket-server"),
                     {"--print-routes", "--data-dir", dataDir.path()});
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        const QString out = QString::fromUtf8(server.readAllStandardOutput());
        static const QRegularExpression line(
            QStringLiteral("^(get|post|put|patch|delete) (/\\S*) (anyone|optional|signed_in|moderator|admin)$"));
        for (const QString& l : out.split('\n', Qt::SkipEmptyParts)) {
            const auto m = line.match(l.trimmed());
            QVERIFY2(m.hasMatch(), qPrintable("unexpected --print-routes line: " + l));
            m_served.insert(m.captured(1) + ' ' + m.captured(2));
            m_access.insert(m.captured(1) + ' ' + m.captured(2), m.captured(3));
        }
        QVERIFY(!m_served.isEmpty());
    }

    void specIsOpenApi3() {
        QVERIFY(m_spec.value("openapi").toString().startsWith("3."));
        QVERIFY(!m_spec.value("info").toObject().value("version").toString().isEmpty());
    }

    void everyServedRouteIsDocumented() {
        QStringList missing;
        for (const QString& r : m_served) {
            if (!m_documented.contains(r))
                missing.append(r);
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable("served but not in docs/openapi.json: " + missing.join(", ")));
    }

    void everyDocumentedRouteIsServed() {
        QStringList missing;
        for (const QString& r : m_documented) {
            if (!m_served.contains(r))
                missing.append(r);
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable("in docs/openapi.json but not served: " + missing.join(", ")));
    }

    void documentedSecurityMatchesTheRoutesAccess() {
        // What the file says about sign-in is what the router enforces: no security for
        // "anyone", [{}, {bearer}] (anonymous or a valid token) for "optional", [{bearer}] for
        // the rest, and the role those need in x-bitmarket-role.
        const QJsonArray bearer{QJsonObject{{"bearer", QJsonArray()}}};
        const QJsonArray optional{QJsonObject(), QJsonObject{{"bearer", QJsonArray()}}};
        const QJsonObject paths = m_spec.value("paths").toObject();
        QStringList problems;
        for (auto it = m_access.begin(); it != m_access.end(); ++it) {
            const QString method = it.key().section(' ', 0, 0);
            const QJsonObject operation =
                paths.value(it.key().section(' ', 1)).toObject().value(method).toObject();
            const QJsonArray security = operation.value("security").toArray();
            const QString role = operation.value("x-bitmarket-role").toString();
            const QString& access = it.value();
            const bool needsRole = access == "moderator" || access == "admin";
            QString expected;
            if (access == "anyone" && !security.isEmpty())
                expected = "no security";
            else if (access == "optional" && security != optional)
                expected = "security [{}, {bearer: []}]";
            else if ((access == "signed_in" || needsRole) && security != bearer)
                expected = "security [{bearer: []}]";
            else if (needsRole && role != access)
                expected = "x-bitmarket-role: " + access;
            else if (!needsRole && !role.isEmpty())
                expected = "no x-bitmarket-role";
            if (!expected.isEmpty())
                problems.append(QStringLiteral("%1 is %2 and should document %3").arg(it.key(), access, expected));
        }
        problems.sort();
        QVERIFY(!m_access.isEmpty());
        QVERIFY2(problems.isEmpty(), qPrintable("\n  " + problems.join("\n  ")));
    }

    void everyOperationDocumentsItsAnswers() {
        const QJsonObject paths = m_spec.value("paths").toObject();
        static const QRegularExpression param(QStringLiteral("\\{([A-Za-z]+)\\}"));
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            QSet<QString> templated;
            for (auto it = param.globalMatch(p.key()); it.hasNext();)
                templated.insert(it.next().captured(1));
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (!kMethods.contains(op.key()))
                    continue;
                const QString where = op.key() + ' ' + p.key();
                const QJsonObject responses = op.value().toObject().value("responses").toObject();
                bool success = false;
                for (auto r = responses.begin(); r != responses.end(); ++r)
                    success = success || r.key().startsWith('2') || r.key().startsWith('3');
                QVERIFY2(success, qPrintable(where + " documents no success response"));
                // Each {param} in the path is declared as a path parameter.
                QSet<QString> declared;
                QJsonArray parameters = op.value().toObject().value("parameters").toArray();
                for (const QJsonValue& v : item.value("parameters").toArray())
                    parameters.append(v);
                for (const QJsonValue& v : parameters) {
                    QJsonObject prm = v.toObject();
                    if (prm.contains("$ref")) {
                        const QStringList ref = prm.value("$ref").toString().split('/');
                        prm = m_spec.value("components").toObject().value("parameters").toObject()
                                  .value(ref.last()).toObject();
                    }
                    if (prm.value("in").toString() == "path")
                        declared.insert(prm.value("name").toString());
                }
                QVERIFY2(declared.contains(templated) || templated.isEmpty(),
                         qPrintable(where + " does not declare all its path parameters"));
            }
        }
    }

    void everyAnswerIsDocumentedAndTokensAreChecked() {
        // Each operation is called with no token, a garbage one, an expired one
        // (properly signed) and a valid one, on ids that do not exist and with an
        // empty JSON body. Every status that comes back must be one the file
        // documents for that operation, and operations that need sign-in refuse
        // the bad tokens with 401.
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient anon(server.httpUrl());
        const TestUser u = registerUser(anon, "contract_user");
        QVERIFY(u.ok());
        const QByteArray secret = QByteArray::fromBase64(readFileBytes(server.dataDir() + "/secret.key").trimmed());
        QVERIFY(secret.size() >= 32);
        constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray input =
            QJsonDocument(QJsonObject{{"alg", "HS256"}, {"typ", "JWT"}}).toJson(QJsonDocument::Compact).toBase64(kB64) + '.' +
            QJsonDocument(QJsonObject{{"sub", u.id}, {"iat", now - 3600}, {"exp", now - 60}}).toJson(QJsonDocument::Compact).toBase64(kB64);
        const QString expired = QString::fromLatin1(
            input + '.' + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toBase64(kB64));

        const QJsonObject paths = m_spec.value("paths").toObject();
        static const QRegularExpression param(QStringLiteral("\\{[A-Za-z]+\\}"));
        QStringList problems;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (!kMethods.contains(op.key()))
                    continue;
                const QJsonObject operation = op.value().toObject();
                const QJsonArray security = operation.contains("security") ? operation.value("security").toArray()
                                                                            : m_spec.value("security").toArray();
                // An empty requirement ({}) makes sign-in optional; a present token must still be valid.
                const bool optionalAuth = security.contains(QJsonObject());
                const bool needsAuth = !security.isEmpty() && !optionalAuth;
                const QSet<QString> documented = [&] {
                    QSet<QString> codes;
                    const QJsonObject responses = operation.value("responses").toObject();
                    for (auto r = responses.begin(); r != responses.end(); ++r)
                        codes.insert(r.key());
                    return codes;
                }();
                QString path = p.key();
                path.replace(param, QStringLiteral("x0"));
                const QByteArray method = op.key().toUpper().toLatin1();
                const QByteArray body = method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}");
                const QList<QPair<QString, QString>> callers = {
                    {"no token", QString()}, {"garbage token", "garbage"}, {"expired token", expired}, {"valid token", u.accessToken}};
                for (const auto& [who, token] : callers) {
                    HttpTestClient c(server.httpUrl());
                    if (!token.isEmpty())
                        c.setAccessToken(token);
                    const HttpResponse r = c.send(method, path, body);
                    const QString where = QStringLiteral("%1 %2 (%3)").arg(op.key(), p.key(), who);
                    if (r.status == 0) {
                        problems.append(where + ": no answer");
                        continue;
                    }
                    if (!documented.contains(QString::number(r.status)) && !documented.contains("default"))
                        problems.append(where + QStringLiteral(": answered %1, not documented").arg(r.status));
                    // A page for a browser (the checkout's return) is documented as text/html.
                    const bool page = operation.value("responses").toObject().value(QString::number(r.status))
                                          .toObject().value("content").toObject().contains("text/html");
                    if (page && !r.header("Content-Type").startsWith("text/html"))
                        problems.append(where + ": body is not text/html but " + QString::fromLatin1(r.header("Content-Type")));
                    if (!page && !r.body.isEmpty() && !r.header("Content-Type").startsWith("application/json"))
                        problems.append(where + ": body is not application/json but " + QString::fromLatin1(r.header("Content-Type")));
                    if (!page && r.status >= 400 && r.errorCode().isEmpty())
                        problems.append(where + QStringLiteral(": %1 without an error body").arg(r.status));
                    if (needsAuth && token != u.accessToken && r.status != 401)
                        problems.append(where + QStringLiteral(": answered %1 instead of 401").arg(r.status));
                    if (optionalAuth && !token.isEmpty() && token != u.accessToken && r.status != 401)
                        problems.append(where + QStringLiteral(": answered %1 instead of 401").arg(r.status));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable("\n  " + problems.join("\n  ")));
        QCOMPARE(server.stop(), 0);
    }

    void schemaCheckCatchesMismatches() {
        // The checker itself: a wrong listing is caught on every count.
        const SchemaCheck schemas(m_spec);
        QStringList problems;
        const QJsonObject listingRef{{"$ref", "#/components/schemas/Listing"}};
        schemas.check(QJsonObject{{"id", 5}, {"status", "lost"}, {"createdAt", "yesterday"}, {"thumbUrl", QJsonValue()}},
                      listingRef, "body", problems);
        QVERIFY2(problems.filter("body.id: is integer").size() == 1, qPrintable(problems.join('\n')));
        QVERIFY(problems.filter("not in the documented enum").size() == 1);
        QVERIFY(problems.filter("not a date-time").size() == 1);
        QVERIFY(problems.filter("required 'title' is missing").size() == 1);
        QVERIFY(problems.filter("thumbUrl").isEmpty()); // null is allowed there
    }

    void answersMatchTheirDocumentedSchemas() {
        // One pass through the whole API; every JSON answer is checked against the
        // schema the file documents for that operation and status.
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        const SchemaCheck schemas(m_spec);
        QStringList problems;
        int checked = 0;
        const auto verify = [&](const char* method, const QString& templ, const HttpResponse& r) {
            const QString where = QStringLiteral("%1 %2 -> %3").arg(QLatin1String(method), templ).arg(r.status);
            const QJsonObject responses = m_spec.value("paths").toObject().value(templ).toObject()
                                              .value(QString::fromLatin1(method)).toObject().value("responses").toObject();
            if (!responses.contains(QString::number(r.status))) {
                problems.append(where + ": status not documented");
                return;
            }
            const QJsonObject content = responses.value(QString::number(r.status)).toObject().value("content").toObject();
            if (content.isEmpty()) {
                if (!r.body.isEmpty())
                    problems.append(where + ": body where none is documented");
                return;
            }
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
            if (err.error != QJsonParseError::NoError) {
                problems.append(where + ": body is not JSON");
                return;
            }
            ++checked;
            QStringList found;
            schemas.check(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()),
                          content.value("application/json").toObject().value("schema").toObject(), "body", found);
            for (const QString& f : found)
                problems.append(where + ": " + f);
        };

        HttpTestClient anon(server.httpUrl());
        verify("get", "/healthz", anon.get("/healthz"));
        HttpResponse r = anon.post("/api/v1/auth/register", QJsonObject{{"username", "schema_seller"},
                                                                         {"email", "schema@test.local"},
                                                                         {"password", "12345678"}});
        verify("post", "/api/v1/auth/register", r);
        const QString token = r.json().value("accessToken").toString();
        const QString refreshToken = r.json().value("refreshToken").toString();
        verify("post", "/api/v1/auth/register", anon.post("/api/v1/auth/register", QJsonObject{{"username", "schema_seller"},
                                                                                               {"email", "x@test.local"},
                                                                                               {"password", "12345678"}}));
        verify("post", "/api/v1/auth/register", anon.post("/api/v1/auth/register", QJsonObject{}));
        verify("post", "/api/v1/auth/login", anon.post("/api/v1/auth/login", QJsonObject{{"login", "schema_seller"}, {"password", "12345678"}}));
        verify("post", "/api/v1/auth/login", anon.post("/api/v1/auth/login", QJsonObject{{"login", "schema_seller"}, {"password", "wrong-pass"}}));
        verify("post", "/api/v1/auth/login", anon.post("/api/v1/auth/login", QJsonObject{}));
        r = anon.post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", refreshToken}});
        verify("post", "/api/v1/auth/refresh", r);
        verify("post", "/api/v1/auth/refresh", anon.post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", refreshToken}}));
        verify("get", "/api/v1/me", anon.get("/api/v1/me"));
        verify("get", "/api/v1/categories", anon.get("/api/v1/categories"));

        HttpTestClient me(server.httpUrl());
        me.setAccessToken(token);
        verify("get", "/api/v1/me", me.get("/api/v1/me"));
        r = me.post("/api/v1/listings", listingDraft("Schema fixed"));
        verify("post", "/api/v1/listings", r);
        const QString id = r.json().value("id").toString();
        QJsonObject auction = auctionDraft("Schema auction", 10'000, 2 * 3600 * 1000);
        QJsonObject terms = auction.value("auction").toObject();
        terms.insert("buyNowPrice", QJsonObject{{"amount", 50'000}, {"currency", "KRW"}});
        auction.insert("auction", terms);
        r = me.post("/api/v1/listings", auction);
        verify("post", "/api/v1/listings", r);
        const QString auctionId = r.json().value("id").toString();
        verify("post", "/api/v1/listings", me.post("/api/v1/listings", QJsonObject{{"title", ""}}));
        verify("post", "/api/v1/listings", anon.post("/api/v1/listings", listingDraft("x")));

        verify("get", "/api/v1/listings/{id}", anon.get("/api/v1/listings/" + id));
        verify("get", "/api/v1/listings/{id}", me.get("/api/v1/listings/" + auctionId));
        verify("get", "/api/v1/listings/{id}", anon.get("/api/v1/listings/l_nothing"));
        verify("get", "/api/v1/listings", anon.get("/api/v1/listings?limit=1"));
        verify("get", "/api/v1/listings", anon.get("/api/v1/listings?sort=ending_soon"));
        verify("get", "/api/v1/listings", anon.get("/api/v1/listings?sort=nope"));
        verify("patch", "/api/v1/listings/{id}", me.patch("/api/v1/listings/" + id, QJsonObject{{"title", "Schema fixed 2"}}));
        verify("patch", "/api/v1/listings/{id}", me.patch("/api/v1/listings/" + id, QJsonObject{{"title", 5}}));
        verify("patch", "/api/v1/listings/{id}", anon.patch("/api/v1/listings/" + id, QJsonObject{{"title", "x"}}));
        verify("patch", "/api/v1/listings/{id}", me.patch("/api/v1/listings/l_nothing", QJsonObject{{"title", "x"}}));
        verify("put", "/api/v1/listings/{id}/favorite", me.put("/api/v1/listings/" + id + "/favorite"));
        verify("put", "/api/v1/listings/{id}/favorite", me.put("/api/v1/listings/l_nothing/favorite"));
        verify("get", "/api/v1/me/favorites", me.get("/api/v1/me/favorites"));
        verify("get", "/api/v1/me/favorites", me.get("/api/v1/me/favorites?limit=0"));
        verify("delete", "/api/v1/listings/{id}/favorite", me.del("/api/v1/listings/" + id + "/favorite"));

        QImage picture(40, 30, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        picture.save(&buffer, "PNG");
        r = me.upload("/api/v1/listings/" + id + "/photos", {UploadFile{"p.png", png, "image/png"}});
        verify("post", "/api/v1/listings/{id}/photos", r);
        const QString photoId = r.json().value("items").toArray().at(0).toObject().value("id").toString();
        verify("post", "/api/v1/listings/{id}/photos", me.upload("/api/v1/listings/" + id + "/photos", {UploadFile{"t.jpg", "text", "image/jpeg"}}));
        verify("get", "/api/v1/listings/{id}", me.get("/api/v1/listings/" + id));
        verify("get", "/api/v1/listings", anon.get("/api/v1/listings?q=Schema"));
        r = me.post("/api/v1/listings/" + id + "/model", {});
        verify("post", "/api/v1/listings/{id}/model", r);
        verify("get", "/api/v1/jobs/{id}", me.get("/api/v1/jobs/" + r.json().value("job").toObject().value("id").toString()));
        verify("get", "/api/v1/jobs/{id}", me.get("/api/v1/jobs/j_nothing"));
        verify("get", "/api/v1/listings/{id}", me.get("/api/v1/listings/" + id)); // with model state
        verify("delete", "/api/v1/listings/{id}/photos/{photoId}", me.del("/api/v1/listings/l_nothing/photos/" + photoId));
        verify("delete", "/api/v1/listings/{id}/photos/{photoId}", me.del("/api/v1/listings/" + id + "/photos/" + photoId));
        verify("delete", "/api/v1/listings/{id}", me.del("/api/v1/listings/" + auctionId));
        verify("delete", "/api/v1/listings/{id}", me.del("/api/v1/listings/" + auctionId));
        // Chat: a buyer's room about the listing, its messages, a photo, an appointment card.
        HttpTestClient buyer(server.httpUrl());
        buyer.setAccessToken(anon.post("/api/v1/auth/register", QJsonObject{{"username", "schema_buyer"},
                                                                            {"email", "schema_buyer@test.local"},
                                                                            {"password", "12345678"}})
                                 .json().value("accessToken").toString());
        r = buyer.post("/api/v1/chats", QJsonObject{{"listingId", id}});
        verify("post", "/api/v1/chats", r);
        const QString chatId = r.json().value("id").toString();
        verify("post", "/api/v1/chats", buyer.post("/api/v1/chats", QJsonObject{{"listingId", id}}));
        verify("post", "/api/v1/chats", me.post("/api/v1/chats", QJsonObject{{"listingId", id}}));
        verify("post", "/api/v1/chats/{id}/messages", buyer.post("/api/v1/chats/" + chatId + "/messages", QJsonObject{{"text", "Still there?"}, {"clientId", "s1"}}));
        verify("post", "/api/v1/chats/{id}/messages", buyer.post("/api/v1/chats/" + chatId + "/messages", QJsonObject{{"text", "Still there?"}, {"clientId", "s1"}}));
        verify("post", "/api/v1/chats/{id}/messages", buyer.post("/api/v1/chats/" + chatId + "/messages", QJsonObject{{"text", ""}}));
        verify("post", "/api/v1/chats/{id}/images", buyer.upload("/api/v1/chats/" + chatId + "/images", {UploadFile{"p.png", png, "image/png"}}));
        verify("post", "/api/v1/chats/{id}/images", buyer.upload("/api/v1/chats/" + chatId + "/images", {UploadFile{"t.jpg", "text", "image/jpeg"}}));
        r = buyer.post("/api/v1/chats/" + chatId + "/appointments", QJsonObject{{"at", rfc3339FromNow(24 * 3600 * 1000)}, {"place", "Library"}});
        verify("post", "/api/v1/chats/{id}/appointments", r);
        verify("post", "/api/v1/chats/{id}/appointments/{messageId}/accept",
               me.post("/api/v1/chats/" + chatId + "/appointments/" + r.json().value("id").toString() + "/accept", QJsonObject{}));
        verify("post", "/api/v1/chats/{id}/listing-status", me.post("/api/v1/chats/" + chatId + "/listing-status", QJsonObject{{"status", "reserved"}}));
        verify("get", "/api/v1/chats/{id}/messages", me.get("/api/v1/chats/" + chatId + "/messages?limit=2"));
        verify("get", "/api/v1/chats/{id}", me.get("/api/v1/chats/" + chatId));
        verify("get", "/api/v1/chats", buyer.get("/api/v1/chats"));
        verify("post", "/api/v1/chats/{id}/read", me.post("/api/v1/chats/" + chatId + "/read", QJsonObject{{"upToSeq", 2}}));
        verify("put", "/api/v1/users/{id}/block", me.put("/api/v1/users/" + r.json().value("senderId").toString() + "/block"));
        verify("get", "/api/v1/me/blocks", me.get("/api/v1/me/blocks"));
        verify("post", "/api/v1/chats/{id}/messages", buyer.post("/api/v1/chats/" + chatId + "/messages", QJsonObject{{"text", "hello?"}}));
        verify("delete", "/api/v1/users/{id}/block", me.del("/api/v1/users/" + r.json().value("senderId").toString() + "/block"));
        verify("post", "/api/v1/auth/logout", anon.post("/api/v1/auth/logout", QJsonObject{}));
        verify("post", "/api/v1/auth/logout", me.post("/api/v1/auth/logout", QJsonObject{{"all", true}}));
        verify("get", "/media/{shard}/{file}", anon.get("/media/ab/nothing.jpg"));

        qInfo("%d JSON answers checked against docs/openapi.json", checked);
        QVERIFY(checked > 30);
        QVERIFY2(problems.isEmpty(), qPrintable("\n  " + problems.join("\n  ")));
        QCOMPARE(server.stop(), 0);
    }

    void everyDocumentedRouteAnswersOnARunningServer() {
        ServerProcess server;
        QVERIFY(server.start());
        HttpTestClient http(server.httpUrl());
        static const QRegularExpression param(QStringLiteral("\\{[A-Za-z]+\\}"));
        for (const QString& r : m_documented) {
            const QString method = r.section(' ', 0, 0).toUpper();
            QString path = r.section(' ', 1);
            path.replace(param, QStringLiteral("x0"));
            const HttpResponse res = http.send(method.toLatin1(), path, method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}"));
            QVERIFY2(res.status != 0, qPrintable(r + ": no answer"));
            // A route that exists answers with its own result or error, never the
            // router's "no such endpoint".
            const QString message = res.json().value("error").toObject().value("message").toString();
            QVERIFY2(!(res.status == 404 && message == QLatin1String("No such endpoint.")),
                     qPrintable(r + " is not routed"));
            QVERIFY2(res.status < 500, qPrintable(r + QStringLiteral(" answered %1").arg(res.status)));
        }
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(ContractTest)
#include "ContractTest.moc"
