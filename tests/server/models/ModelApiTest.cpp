// The 3D model request API over HTTP (POST /listings/{id}/model, GET /jobs/{id})
// with in-process workers off, so jobs stay queued and no reconstruction runs:
// ownership, preconditions, one active job per listing, privacy of jobs, and
// jobs surviving a restart.
#include "ApiTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

class ModelApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestUser m_seller, m_other;

    std::unique_ptr<HttpTestClient> as(const TestUser& u) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!u.accessToken.isEmpty())
            c->setAccessToken(u.accessToken);
        return c;
    }
    QString newListing(bool withPhoto) {
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", listingDraft("Model me", 10'000, "art"));
        if (r.status != 201)
            return {};
        const QString id = r.json().value("id").toString();
        if (withPhoto &&
            as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {UploadFile{"a.png", encodedImage(64, 48, QColor(10, 120, 200), "PNG"), "image/png"}}).status != 201)
            return {};
        return id;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--workers", "0"}));
        HttpTestClient http(m_server->httpUrl());
        m_seller = registerUser(http, "modeller");
        m_other = registerUser(http, "onlooker");
        QVERIFY(m_seller.ok() && m_other.ok());
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void engineFailureTellsThePublicNoServerPaths() {
        // A stand-in engine fails the way the real one does: naming this server's folders
        // on stderr. The job goes to the seller and the listing's model state to anyone; neither may
        // carry those words, while the log keeps them for the admin.
        const QString id = newListing(true);
        QVERIFY(!id.isEmpty());
        const HttpResponse requested = as(m_seller)->post("/api/v1/listings/" + id + "/model", {});
        QCOMPARE(requested.status, 202);
        const QString jobId = requested.json().value("job").toObject().value("id").toString();

        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        const QString workerBinary = bin.filePath("bitmarket-server");
        QVERIFY(QFile::copy(m_server->binaryPath(), workerBinary));
        QFile engine(bin.filePath("bitmarket-reconstruct"));
        QVERIFY(engine.open(QIODevice::WriteOnly));
        engine.write("#!/bin/sh\n"
                     "echo \"cannot read $PWD/images/photo_001.jpg: no SIFT features\" >&2\n"
                     "exit 1\n");
        engine.close();
        const auto executable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        QVERIFY(engine.setPermissions(executable) && QFile::setPermissions(workerBinary, executable));
        QProcess worker;
        worker.setProcessChannelMode(QProcess::MergedChannels);
        worker.start(workerBinary, {"--worker", "--data-dir", m_server->dataDir()});
        QVERIFY2(worker.waitForStarted(5000), qPrintable(worker.errorString()));

        QJsonObject job;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         job = as(m_seller)->get("/api/v1/jobs/" + jobId).json();
                         return !job.value("error").toString().isEmpty();
                     },
                     20'000),
                 qPrintable("the job never failed; worker said:\n" + QString::fromUtf8(worker.readAll())));
        worker.terminate();
        QVERIFY(worker.waitForFinished(15'000));
        const QString error = job.value("error").toString();
        QCOMPARE(error, QStringLiteral("The 3D engine failed (exit code 1)."));
        const QByteArray listing = as(TestUser{})->get("/api/v1/listings/" + id).body;
        for (const QByteArray& secret : {m_server->dataDir().toUtf8(), QByteArray("photo_001"), QByteArray("SIFT")}) {
            QVERIFY2(!error.toUtf8().contains(secret), qPrintable(error));
            QVERIFY2(!listing.contains(secret), listing.constData());
        }
        QFile log(m_server->dataDir() + "/logs/server.log");
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("no SIFT features"), "the engine's own words are not in the log");
    }

    void requestNeedsOwnerAndPhotos() {
        const QString bare = newListing(false);
        const QString withPhoto = newListing(true);
        QVERIFY(!bare.isEmpty() && !withPhoto.isEmpty());
        BM_EXPECT_ERROR(as(TestUser{})->post("/api/v1/listings/" + withPhoto + "/model", {}), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_other)->post("/api/v1/listings/" + withPhoto + "/model", {}), 403, "forbidden");
        BM_EXPECT_ERROR(as(m_seller)->post("/api/v1/listings/l_doesnotexist00000000/model", {}), 404, "not_found");
        BM_EXPECT_ERROR(as(m_seller)->post("/api/v1/listings/" + bare + "/model", {}), 400, "validation_failed");
        // Refusals left no model state behind.
        const QJsonObject d = as(m_seller)->get("/api/v1/listings/" + bare).json();
        QVERIFY(!d.contains("model") || d.value("model").toObject().value("status").toString() == "none");
        const QJsonObject d2 = as(m_seller)->get("/api/v1/listings/" + withPhoto).json();
        QVERIFY(!d2.contains("model") || d2.value("model").toObject().value("status").toString() == "none");
    }

    void requestQueuesOneJobPerListing() {
        const QString id = newListing(true);
        QVERIFY(!id.isEmpty());
        const HttpResponse r = as(m_seller)->post("/api/v1/listings/" + id + "/model", {});
        BM_EXPECT_STATUS(r, 202);
        const QJsonObject job = r.json().value("job").toObject();
        const QString jobId = job.value("id").toString();
        QVERIFY(!jobId.isEmpty());
        QCOMPARE(job.value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(job.value("progress").toDouble(), 0.0);
        QVERIFY(!job.value("kind").toString().isEmpty());

        // Asking again while it is pending gives the same job, not a second one.
        const HttpResponse again = as(m_seller)->post("/api/v1/listings/" + id + "/model", {});
        BM_EXPECT_STATUS(again, 202);
        QCOMPARE(again.json().value("job").toObject().value("id").toString(), jobId);

        const QJsonObject model = as(m_other)->get("/api/v1/listings/" + id).json().value("model").toObject();
        QCOMPARE(model.value("status").toString(), QStringLiteral("queued"));

        const HttpResponse mine = as(m_seller)->get("/api/v1/jobs/" + jobId);
        BM_EXPECT_STATUS(mine, 200);
        QCOMPARE(mine.json().value("id").toString(), jobId);
        QCOMPARE(mine.json().value("status").toString(), QStringLiteral("queued"));
        // Jobs are private to who asked.
        BM_EXPECT_ERROR(as(m_other)->get("/api/v1/jobs/" + jobId), 404, "not_found");
        BM_EXPECT_ERROR(as(TestUser{})->get("/api/v1/jobs/" + jobId), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_seller)->get("/api/v1/jobs/j_doesnotexist00000000"), 404, "not_found");

        // Queued jobs are durable.
        m_server->kill();
        QVERIFY(m_server->start({"--workers", "0"}));
        const HttpResponse after = as(m_seller)->get("/api/v1/jobs/" + jobId);
        BM_EXPECT_STATUS(after, 200);
        QCOMPARE(after.json().value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(as(m_seller)->post("/api/v1/listings/" + id + "/model", {}).json().value("job").toObject().value("id").toString(),
                 jobId);
    }

    void concurrentRequestsMakeOneJob() {
        const QString id = newListing(true);
        QVERIFY(!id.isEmpty());
        const QUrl base = m_server->httpUrl();
        const QString token = m_seller.accessToken;
        const QList<HttpResponse> answers = concurrently(4, [&](int) {
            HttpTestClient c(base);
            c.setAccessToken(token);
            return c.post("/api/v1/listings/" + id + "/model", {});
        });
        QSet<QString> jobs;
        for (const HttpResponse& r : answers) {
            if (r.status == 202)
                jobs.insert(r.json().value("job").toObject().value("id").toString());
            else
                BM_EXPECT_ERROR(r, 409, "conflict");
        }
        QCOMPARE(jobs.size(), 1);
    }
};

QTEST_GUILESS_MAIN(ModelApiTest)
#include "ModelApiTest.moc"
