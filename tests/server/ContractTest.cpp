// The machine-readable contract (docs/openapi.json) and the server agree: the
// routes the server registers (bitmarket-server --print-routes) are exactly the
// operations the file documents, and every documented operation is reachable
// on a running server.
#include "ApiTestSupport.h"

#include <QJsonArray>

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
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

class ContractTest : public QObject {
    Q_OBJECT

private:
    QJsonObject m_spec;
    QSet<QString> m_documented; // "method path"
    QSet<QString> m_served;

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
        static const QRegularExpression line(QStringLiteral("^(get|post|put|patch|delete) (/\\S*)$"));
        for (const QString& l : out.split('\n', Qt::SkipEmptyParts)) {
            const auto m = line.match(l.trimmed());
            QVERIFY2(m.hasMatch(), qPrintable("unexpected --print-routes line: " + l));
            m_served.insert(m.captured(1) + ' ' + m.captured(2));
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
                const bool needsAuth = !operation.value("security").toArray().isEmpty() ||
                                       (!operation.contains("security") && !m_spec.value("security").toArray().isEmpty());
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
                    if (!r.body.isEmpty() && !r.header("Content-Type").startsWith("application/json"))
                        problems.append(where + ": body is not application/json but " + QString::fromLatin1(r.header("Content-Type")));
                    if (r.status >= 400 && r.errorCode().isEmpty())
                        problems.append(where + QStringLiteral(": %1 without an error body").arg(r.status));
                    if (needsAuth && token != u.accessToken && r.status != 401)
                        problems.append(where + QStringLiteral(": answered %1 instead of 401").arg(r.status));
                }
            }
        }
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
