// What the server promises about its data on disk: every write it answered
// 2xx for is there after SIGKILL and a restart, SIGTERM shuts down cleanly, a
// fresh data dir is created and migrated, an existing one is reopened as it
// is, and --demo seeds an empty catalogue exactly once.
#include "ApiTestSupport.h"
#include "db/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "auth/PasswordHasher.h"
#include "db/Migrations.h"

#include <sqlite3.h>

#include <atomic>
#include <csignal>

using namespace bitmarket::test;

namespace {

// One value from the database file, read directly (the server is stopped).
QVariant pragma(const QString& dbPath, const char* sql) {
    sqlite3* db = nullptr;
    QVariant out;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            out = sqlite3_column_type(st, 0) == SQLITE_INTEGER
                      ? QVariant(static_cast<qint64>(sqlite3_column_int64(st, 0)))
                      : QVariant(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))));
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

bool execSql(const QString& dbPath, const QByteArray& sql) {
    sqlite3* db = nullptr;
    const bool ok = sqlite3_open(dbPath.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// A database as an older release left it: the shipped schema steps up to
// `version`, run as that release ran them, and nothing after.
bool createDatabaseAtSchema(const QString& dbPath, int version) {
    for (const bitmarket::server::db::Migration& m : bitmarket::server::db::migrations()) {
        if (m.version <= version && !execSql(dbPath, m.sql))
            return false;
    }
    return execSql(dbPath, QByteArray("PRAGMA user_version = ") + QByteArray::number(version));
}

// Rows written straight into an old schema, as its server wrote them.
bool insertRows(const QString& dbPath, const QString& sql, const QVariantList& values) {
    sqlite3* db = nullptr;
    sqlite3_stmt* st = nullptr;
    bool ok = sqlite3_open(dbPath.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK;
    for (int i = 0; ok && i < values.size(); ++i) {
        const QVariant& v = values[i];
        if (v.isNull())
            ok = sqlite3_bind_null(st, i + 1) == SQLITE_OK;
        else if (v.typeId() == QMetaType::QString)
            ok = sqlite3_bind_text(st, i + 1, v.toString().toUtf8().constData(), -1,
                                   SQLITE_TRANSIENT) == SQLITE_OK;
        else
            ok = sqlite3_bind_int64(st, i + 1, v.toLongLong()) == SQLITE_OK;
    }
    ok = ok && sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

// A user who signs in with "correct horse <username>", as registerUser makes them.
bool insertOldUser(const QString& dbPath, const QString& userId, const QString& username) {
    const QString hash =
        bitmarket::server::PasswordHasher({10, 8, 1}).hash("correct horse " + username);
    return insertRows(dbPath,
                      "INSERT INTO users (id, username, username_key, email, email_key, "
                      "display_name, password_hash, created_at) VALUES (?1, ?2, ?2, ?3, ?3, ?2, ?4, ?5)",
                      {userId, username, username + "@example.com", hash,
                       QDateTime::currentMSecsSinceEpoch()});
}

// Every id a paged list returns, following cursors ("<error N>" on a failed page).
QSet<QString> idsOnEveryPage(HttpTestClient& http, const QString& firstPage) {
    QSet<QString> ids;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString path = firstPage;
        if (!cursor.isEmpty())
            path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResponse r = http.get(path);
        if (r.status != 200)
            return {QStringLiteral("<error %1>").arg(r.status)};
        for (const QString& id : idsOf(r.json().value("items").toArray()))
            ids.insert(id);
        if (!r.json().value("nextCursor").isString())
            break;
        cursor = r.json().value("nextCursor").toString();
    }
    return ids;
}

QSet<QString> allIds(HttpTestClient& http, const QString& query) {
    return idsOnEveryPage(http, "/api/v1/listings?limit=100&" + query);
}

QSet<QString> favoriteIds(HttpTestClient& http) {
    return idsOnEveryPage(http, "/api/v1/me/favorites?limit=100");
}

QByteArray logOf(const QString& dataDir) { return readFileBytes(dataDir + "/logs/server.log"); }

QString serverBinary() { return QStringLiteral(BITMARKET_BIN_DIR "/bitmarket-server"); }

// Waits for a SIGTERMed server to exit; if it does not, logs every thread's
// stack (gdb, when installed) so a hang can be diagnosed, and kills it.
bool exitsAfterTerm(QProcess& process, int timeoutMs = 20000) {
    process.terminate();
    if (process.waitForFinished(timeoutMs))
        return true;
    QProcess gdb;
    gdb.start("gdb", {"-p", QString::number(process.processId()), "-batch", "-ex", "thread apply all bt 15"});
    if (gdb.waitForFinished(60000))
        qWarning("server %lld hangs after SIGTERM; stacks:\n%s", static_cast<qint64>(process.processId()),
                 gdb.readAllStandardOutput().constData());
    qWarning("its stderr:\n%s", process.readAllStandardError().right(4000).constData());
    process.kill();
    process.waitForFinished(5000);
    return false;
}

// Starts the server with exactly these arguments and environment; the HTTP URL
// it announces, or an empty one.
QUrl startRaw(QProcess& process, const QStringList& args, const QProcessEnvironment& env) {
    process.setProcessEnvironment(env);
    process.start(serverBinary(), args);
    if (!process.waitForStarted(5000))
        return {};
    static const QRegularExpression line(QStringLiteral("listening on (http://\\S+)"));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        if (const auto m = line.match(QString::fromUtf8(out)); m.hasMatch())
            return QUrl(m.captured(1));
    }
    return {};
}

} // namespace

class DurabilityTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answeredWritesSurviveSigkillUnderLoad() {
        ServerProcess server;
        QVERIFY(server.start());
        constexpr int kWriters = 4;
        QList<TestUser> users;
        {
            HttpTestClient http(server.httpUrl());
            for (int i = 0; i < kWriters; ++i) {
                users.append(registerUser(http, QStringLiteral("writer%1").arg(i)));
                QVERIFY(users.last().ok());
            }
        }

        struct Acked {
            QMutex mutex;
            QHash<QString, QStringList> listingsBySeller;      // user id -> listing ids
            QHash<QString, QSet<QString>> favoritesByUser;     // user id -> listing ids
            QHash<QString, int> favoritesOfListing;            // listing id -> acked favorites
            QStringList all;
            int failures = 0;
        } acked;
        std::atomic<bool> stop{false};
        std::atomic<int> answered{0};
        const QUrl url = server.httpUrl();

        QList<QThread*> threads;
        for (int w = 0; w < kWriters; ++w) {
            const TestUser me = users[w];
            threads.append(QThread::create([&, me, w] {
                HttpTestClient http(url);
                http.setAccessToken(me.accessToken);
                int n = 0;
                while (!stop.load()) {
                    ++n;
                    const HttpResponse r = http.post(
                        "/api/v1/listings",
                        listingDraft(QStringLiteral("Load %1-%2 부하").arg(w).arg(n), 1000 + n, "other"));
                    // A 201 whose body was cut off by the kill was never fully answered.
                    if (r.status == 201 && !r.json().value("id").toString().isEmpty()) {
                        ++answered;
                        QMutexLocker lock(&acked.mutex);
                        acked.listingsBySeller[me.id].append(r.json().value("id").toString());
                        acked.all.append(r.json().value("id").toString());
                    } else if (r.status != 0 && r.status != 201) {
                        QMutexLocker lock(&acked.mutex);
                        ++acked.failures;
                        qWarning("writer %d: %d %s", w, r.status, r.body.constData());
                    }
                    // Favorite a listing another writer made (a second kind of write).
                    QString target;
                    {
                        QMutexLocker lock(&acked.mutex);
                        if (!acked.all.isEmpty())
                            target = acked.all.at((n * 7 + w) % acked.all.size());
                    }
                    if (target.isEmpty() || stop.load())
                        continue;
                    const HttpResponse f = http.put("/api/v1/listings/" + target + "/favorite");
                    if (f.status == 200 && f.json().value("isFavorite").toBool()) {
                        ++answered;
                        QMutexLocker lock(&acked.mutex);
                        if (!acked.favoritesByUser[me.id].contains(target)) {
                            acked.favoritesByUser[me.id].insert(target);
                            ++acked.favoritesOfListing[target];
                        }
                    }
                }
            }));
            threads.last()->start();
        }

        QTest::qWait(2000);
        server.kill(); // mid-load: requests are in flight
        stop = true;
        for (QThread* t : threads) {
            QVERIFY(t->wait(70000));
            delete t;
        }
        QCOMPARE(acked.failures, 0);
        QVERIFY2(answered.load() >= 20, qPrintable(QStringLiteral("only %1 writes answered").arg(answered.load())));
        qInfo("%d writes answered before SIGKILL", answered.load());

        QVERIFY(server.start());
        HttpTestClient http(server.httpUrl());
        int listings = 0;
        for (const TestUser& u : users) {
            const QSet<QString> stored = allIds(http, "sellerId=" + u.id);
            for (const QString& id : acked.listingsBySeller.value(u.id)) {
                ++listings;
                QVERIFY2(stored.contains(id), qPrintable("lost listing " + id));
            }
            HttpTestClient mine(server.httpUrl());
            mine.setAccessToken(u.accessToken);
            const QSet<QString> favorites = favoriteIds(mine);
            for (const QString& id : acked.favoritesByUser.value(u.id))
                QVERIFY2(favorites.contains(id), qPrintable("lost favorite " + id));
        }
        QVERIFY(listings > 0);
        // Favorite counts include at least every answered favorite.
        for (auto it = acked.favoritesOfListing.begin(); it != acked.favoritesOfListing.end(); ++it) {
            const HttpResponse d = http.get("/api/v1/listings/" + it.key());
            BM_EXPECT_STATUS(d, 200);
            QVERIFY(d.json().value("favoriteCount").toInt() >= it.value());
        }
        // And the server takes new writes after the crash.
        HttpTestClient writer(server.httpUrl());
        writer.setAccessToken(users[0].accessToken);
        BM_EXPECT_STATUS(writer.post("/api/v1/listings", listingDraft("After the crash")), 201);
        QCOMPARE(server.stop(), 0);
    }

    void crashDuringUploadsLeavesConsistentMedia() {
        const QDir photos(datasetsDir() + "/monstree/photos");
        const QStringList files = photos.entryList({"*.JPG"}, QDir::Files, QDir::Name);
        if (files.size() < 5)
            QSKIP("the monstree photos are not in ../shared/datasets");
        ServerProcess server;
        QVERIFY(server.start());
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "crash_uploader");
        QVERIFY(u.ok());
        http.setAccessToken(u.accessToken);

        struct Acked {
            QMutex mutex;
            QList<QPair<QString, QJsonObject>> photos; // listing id, photo
        } acked;
        std::atomic<bool> stop{false};
        const QUrl url = server.httpUrl();
        QList<QThread*> threads;
        for (int w = 0; w < 2; ++w) {
            threads.append(QThread::create([&, w] {
                HttpTestClient c(url);
                c.setAccessToken(u.accessToken);
                for (int i = w; !stop.load() && i < files.size(); i += 2) {
                    const HttpResponse l = c.post("/api/v1/listings", listingDraft(QStringLiteral("Crash upload %1").arg(i)));
                    if (l.status != 201)
                        break;
                    const QString id = l.json().value("id").toString();
                    const HttpResponse r = c.upload("/api/v1/listings/" + id + "/photos",
                                                    {UploadFile{files[i], readFileBytes(photos.filePath(files[i])), "image/jpeg"}});
                    if (r.status != 201)
                        break;
                    QMutexLocker lock(&acked.mutex);
                    for (const QJsonValue& p : r.json().value("items").toArray())
                        acked.photos.append({id, p.toObject()});
                }
            }));
            threads.last()->start();
        }
        // Let a few uploads finish, then crash in the middle of others.
        QTRY_VERIFY_WITH_TIMEOUT(([&] { QMutexLocker lock(&acked.mutex); return acked.photos.size() >= 2; })(), 30000);
        QTest::qWait(150);
        server.kill();
        stop = true;
        for (QThread* t : threads) {
            QVERIFY(t->wait(70000));
            delete t;
        }
        qInfo("%lld photos answered before SIGKILL", static_cast<qint64>(acked.photos.size()));

        QVERIFY(server.start());
        HttpTestClient after(server.httpUrl());
        for (const auto& [listingId, photo] : acked.photos) {
            const HttpResponse d = after.get("/api/v1/listings/" + listingId);
            BM_EXPECT_STATUS(d, 200);
            QVERIFY(idsOf(d.json().value("photos").toArray()).contains(photo.value("id").toString()));
            for (const char* key : {"url", "thumbUrl"}) {
                const HttpResponse m = after.get(photo.value(key).toString());
                BM_EXPECT_STATUS(m, 200);
                QVERIFY(!QImage::fromData(m.body).isNull());
            }
        }
        // Every file in the media store is whole and named by its content (plus
        // the private <hash>_camera.json facts for the 3D engine): no
        // temporary or half-written files are left behind by the crash.
        static const QRegularExpression name(QStringLiteral("^([0-9a-f]{64})(_(320|1024|camera))?\\.(jpg|png|glb|json)$"));
        QStringList strays;
        QDirIterator it(server.dataDir() + "/media", QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const auto m = name.match(it.fileName());
            if (!m.hasMatch()) {
                strays.append(QDir(server.dataDir()).relativeFilePath(path));
                continue;
            }
            if (m.captured(2).isEmpty() && m.captured(4) == "jpg") {
                const QByteArray bytes = readFileBytes(path);
                QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                         m.captured(1));
            }
        }
        QVERIFY2(strays.isEmpty(), qPrintable("left in media/ after the crash: " + strays.join(", ")));
        QCOMPARE(server.stop(), 0);
    }

    void sigtermStopsCleanly() {
        ServerProcess server;
        QVERIFY(server.start());
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "sigterm_user");
        QVERIFY(u.ok());
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.isRunning());
        const QByteArray log = logOf(server.dataDir());
        QVERIFY2(log.contains("stopped cleanly"), log.right(500).constData());
        // Structured: one JSON object per line with time, level and message.
        for (const QByteArray& line : log.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            QVERIFY2(!entry.isEmpty(), line.constData());
            QVERIFY2(entry.value("time").isString() && entry.value("level").isString() &&
                         entry.value("message").isString(),
                     line.constData());
        }
        // The database was closed properly: no WAL left behind to replay, or an empty one.
        const QFileInfo wal(server.dataDir() + "/bitmarket.db-wal");
        QVERIFY2(!wal.exists() || wal.size() == 0,
                 qPrintable(QStringLiteral("WAL of %1 bytes after a clean stop").arg(wal.size())));
    }

    void sigtermIsPromptWithIdleClientsConnected() {
        // A client (a browser, the desktop app) keeping an idle keep-alive
        // connection open must not hold up a service stop or restart.
        ServerProcess server;
        QVERIFY(server.start());
        HttpTestClient idle(server.httpUrl());
        BM_EXPECT_STATUS(idle.get("/healthz"), 200);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(server.stop(), 0);
        QVERIFY2(timer.elapsed() < 4000,
                 qPrintable(QStringLiteral("stopping took %1 ms with one idle connection").arg(timer.elapsed())));
    }

    void sigtermRightAfterStartNeverHangs() {
        // systemd restart loops and scripts stop a server the moment it is up.
        for (int i = 0; i < 12; ++i) {
            QTemporaryDir dir;
            QProcess process;
            const QUrl url = startRaw(process, {"--data-dir", dir.path(), "--listen", "127.0.0.1:0", "--ws-listen", "127.0.0.1:0"},
                                      QProcessEnvironment::systemEnvironment());
            QVERIFY(url.isValid());
            QVERIFY2(exitsAfterTerm(process, 15000), qPrintable(QStringLiteral("run %1 hung after SIGTERM (stacks logged above)").arg(i)));
            QCOMPARE(process.exitCode(), 0);
        }
    }

    void sigintStopsCleanlyToo() {
        QTemporaryDir dir;
        QProcess process;
        const QUrl url = startRaw(process, {"--data-dir", dir.path(), "--listen", "127.0.0.1:0", "--ws-listen", "127.0.0.1:0"},
                                  QProcessEnvironment::systemEnvironment());
        QVERIFY(url.isValid());
        HttpTestClient http(url);
        BM_EXPECT_STATUS(http.get("/healthz"), 200);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(logOf(dir.path()).contains("stopped cleanly"));
    }

    void commandLineConfigFileAndEnvironment() {
        QProcess help;
        help.start(serverBinary(), {"--help"});
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
        const QByteArray usage = help.readAllStandardOutput();
        for (const char* option : {"--data-dir", "--listen", "--ws-listen", "--demo", "--config"})
            QVERIFY2(usage.contains(option), option);

        const auto refused = [](const QStringList& args) {
            QProcess p;
            p.start(serverBinary(), args);
            p.waitForFinished(10000);
            return std::make_pair(p.exitCode(), p.readAllStandardError());
        };
        QTemporaryDir dir;
        auto [code, err] = refused({"--data-dir", dir.path(), "--listen", "nonsense"});
        QVERIFY(code != 0);
        QVERIFY2(err.contains("nonsense"), err.constData());
        std::tie(code, err) = refused({"--listen", "127.0.0.1:0"});
        QVERIFY(code != 0);
        QVERIFY2(err.contains("data-dir"), err.constData());
        std::tie(code, err) = refused({"--data-dir", dir.path(), "--no-such-option"});
        QVERIFY(code != 0);

        // A JSON config file with the same names as the flags.
        QTemporaryDir data;
        const QString configPath = dir.path() + "/server.json";
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{"data-dir", data.path() + "/from-config"},
                                               {"listen", "127.0.0.1:0"},
                                               {"ws-listen", "127.0.0.1:0"}})
                         .toJson());
        config.close();
        {
            QProcess process;
            const QUrl url = startRaw(process, {"--config", configPath}, QProcessEnvironment::systemEnvironment());
            QVERIFY2(url.isValid(), "the server did not start from a config file");
            BM_EXPECT_STATUS(HttpTestClient(url).get("/healthz"), 200);
            QVERIFY2(exitsAfterTerm(process), "no exit 20 s after SIGTERM (stacks logged above)");
            QCOMPARE(process.exitCode(), 0);
            QVERIFY(QFile::exists(data.path() + "/from-config/bitmarket.db"));
        }
        // Environment variables; flags win over them.
        {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("BITMARKET_DATA_DIR", data.path() + "/from-env");
            env.insert("BITMARKET_LISTEN", "127.0.0.1:0");
            env.insert("BITMARKET_WS_LISTEN", "127.0.0.1:0");
            QProcess process;
            const QUrl url = startRaw(process, {}, env);
            QVERIFY2(url.isValid(), "the server did not start from environment variables");
            BM_EXPECT_STATUS(HttpTestClient(url).get("/healthz"), 200);
            QVERIFY2(exitsAfterTerm(process), "no exit 20 s after SIGTERM (stacks logged above)");
            QVERIFY(QFile::exists(data.path() + "/from-env/bitmarket.db"));

            QProcess flagged;
            const QUrl url2 = startRaw(flagged, {"--data-dir", data.path() + "/from-flag"}, env);
            QVERIFY(url2.isValid());
            QVERIFY2(exitsAfterTerm(flagged), "no exit 20 s after SIGTERM (stacks logged above)");
            QVERIFY(QFile::exists(data.path() + "/from-flag/bitmarket.db"));
        }
    }

    void freshDataDirIsCreatedAndMigratedThenReopened() {
        QTemporaryDir parent;
        const QString dataDir = parent.path() + "/not/yet/there";
        QVERIFY(!QDir(dataDir).exists());
        {
            ServerProcess server(dataDir);
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            const TestUser u = registerUser(http, "first_user");
            QVERIFY(u.ok());
            http.setAccessToken(u.accessToken);
            BM_EXPECT_STATUS(http.post("/api/v1/listings", listingDraft("Kept across restarts")), 201);
            QCOMPARE(server.stop(), 0);
        }
        QVERIFY(QFile::exists(dataDir + "/bitmarket.db"));
        QVERIFY(QFile::exists(dataDir + "/secret.key"));
        QCOMPARE(QFile::permissions(dataDir + "/secret.key") &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        const qint64 version = pragma(dataDir + "/bitmarket.db", "PRAGMA user_version").toLongLong();
        QVERIFY2(version >= 1, "a fresh database was not migrated");
        QCOMPARE(pragma(dataDir + "/bitmarket.db", "PRAGMA journal_mode").toString(), QStringLiteral("wal"));
        const QByteArray secret = readFileBytes(dataDir + "/secret.key");
        const int migrationsLogged = logOf(dataDir).count("migrated to schema");
        // Someone loosened the key file's permissions: the next start tightens them again.
        QVERIFY(QFile::setPermissions(dataDir + "/secret.key", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                                  QFile::ReadOther));

        {
            ServerProcess server(dataDir);
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            BM_EXPECT_STATUS(http.post("/api/v1/auth/login", QJsonObject{{"login", "first_user"},
                                                                        {"password", "correct horse first_user"}}),
                             200);
            const HttpResponse s = http.get("/api/v1/listings?q=" + QString::fromLatin1(QUrl::toPercentEncoding("Kept across")));
            QCOMPARE(s.json().value("items").toArray().size(), 1);
            QCOMPARE(http.get("/api/v1/categories").json().value("items").toArray().size(),
                     http.get("/api/v1/categories").json().value("items").toArray().size());
            QCOMPARE(server.stop(), 0);
        }
        QCOMPARE(pragma(dataDir + "/bitmarket.db", "PRAGMA user_version").toLongLong(), version);
        QCOMPARE(readFileBytes(dataDir + "/secret.key"), secret); // same key: old tokens stay valid
        QCOMPARE(QFile::permissions(dataDir + "/secret.key") & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QCOMPARE(logOf(dataDir).count("migrated to schema"), migrationsLogged); // nothing re-run
    }

    void olderSchemaIsMigratedForwardKeepingData() {
        // What a database from the release before the job queue looks like.
        QTemporaryDir dir;
        const QString db = dir.path() + "/bitmarket.db";
        QVERIFY(createDatabaseAtSchema(db, 1));
        QVERIFY(insertOldUser(db, "u_old_timer", "old_timer"));
        QVERIFY(insertRows(db,
                           "INSERT INTO listings (id, seller_id, title, description, category_id, "
                           "price_amount, currency, condition, tags, region, sale_type, status, "
                           "created_at, updated_at) VALUES ('l_old', 'u_old_timer', "
                           "'From the old days', 'Kept', 'phones', 10000, 'KRW', 'good', '[]', "
                           "'Seoul', 'fixed', 'active', 1, 1)",
                           {}));
        QCOMPARE(pragma(db, "PRAGMA user_version").toLongLong(), 1);
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            const HttpResponse listing = http.get("/api/v1/listings/l_old");
            BM_EXPECT_STATUS(listing, 200);
            QCOMPARE(listing.json().value("title").toString(), QStringLiteral("From the old days"));
            BM_EXPECT_STATUS(http.post("/api/v1/auth/login", QJsonObject{{"login", "old_timer"},
                                                                        {"password", "correct horse old_timer"}}),
                             200);
            QCOMPARE(server.stop(), 0);
        }
        const qint64 latest = bitmarket::server::db::migrations().back().version;
        QCOMPARE(pragma(db, "PRAGMA user_version").toLongLong(), latest);
        QCOMPARE(pragma(db, "SELECT count(*) FROM sqlite_master WHERE name = 'jobs'").toLongLong(), 1);
        QCOMPARE(pragma(db, "SELECT count(*) FROM sqlite_master WHERE name = 'user_roles'").toLongLong(), 1);
        QCOMPARE(pragma(db, "SELECT count(*) FROM sqlite_master WHERE name = 'refresh_tokens_live'").toLongLong(), 1);
    }

    void auctionTermsOfAnOlderDatabaseSurviveTheirMove() {
        // Schema 3 kept an auction's terms in the listings row; they move to a
        // table of their own and must come out exactly as they went in.
        QTemporaryDir dir;
        const QString db = dir.path() + "/bitmarket.db";
        QVERIFY(createDatabaseAtSchema(db, 3));
        QVERIFY(insertOldUser(db, "u_auctioneer", "auctioneer"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString insert =
            "INSERT INTO listings (id, seller_id, title, description, category_id, price_amount, "
            "currency, condition, tags, region, sale_type, status, created_at, updated_at, "
            "auction_start, auction_increment, auction_buy_now, auction_reserve, auction_ends_at) "
            "VALUES (?1, 'u_auctioneer', ?2, 'From before the move', 'cameras', ?3, 'KRW', 'good', "
            "'[\"film\"]', 'Seoul', ?4, 'active', ?5, ?5, ?6, ?7, ?8, ?9, ?10)";
        const qint64 laterEnd = now + 2 * 86'400'000LL, soonerEnd = now + 3'600'000LL;
        QVERIFY(insertRows(db, insert, {"l_full", "Leica M6 auction", 400000, "auction", now,
                                        400000, 5000, 900000, 450000, laterEnd}));
        QVERIFY(insertRows(db, insert, {"l_plain", "Pentax auction", 50000, "auction", now + 1,
                                        50000, 1000, QVariant(), QVariant(), soonerEnd}));
        QVERIFY(insertRows(db, insert, {"l_fixed", "Nikon fixed price", 70000, "fixed", now + 2,
                                        QVariant(), QVariant(), QVariant(), QVariant(), QVariant()}));
        const auto money = [](qint64 amount) {
            return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
        };
        const auto at = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        };
        // The reserve is the seller's to see; everyone sees whether it is met. Each auction
        // also starts to stand (migration 14): running, no bid, at its start price.
        const auto standing = [](QJsonObject terms) {
            terms.insert("state", "running");
            terms.insert("currentPrice", terms.value("startPrice"));
            terms.insert("minNextBid", terms.value("startPrice"));
            terms.insert("bidCount", 0);
            terms.insert("bidderCount", 0);
            terms.insert("leaderId", QJsonValue::Null);
            terms.insert("extended", false);
            terms.insert("tieredIncrement", false);
            return terms;
        };
        const QJsonObject fullTerms = standing({{"startPrice", money(400000)},
                                                {"minIncrement", money(5000)},
                                                {"buyNowPrice", money(900000)},
                                                {"endsAt", at(laterEnd)},
                                                {"reserveMet", false}});
        QJsonObject sellersFullTerms = fullTerms;
        sellersFullTerms.insert("reservePrice", money(450000));
        const QJsonObject plainTerms = standing({{"startPrice", money(50000)},
                                                 {"minIncrement", money(1000)},
                                                 {"endsAt", at(soonerEnd)},
                                                 {"reserveMet", false}});
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            QCOMPARE(http.get("/api/v1/listings/l_full").json().value("auction").toObject(), fullTerms);
            QCOMPARE(http.get("/api/v1/listings/l_plain").json().value("auction").toObject(), plainTerms);
            QVERIFY(!http.get("/api/v1/listings/l_fixed").json().contains("auction"));

            const QJsonArray ending =
                http.get("/api/v1/listings?sort=ending_soon").json().value("items").toArray();
            QCOMPARE(idsOf(ending), (QStringList{"l_plain", "l_full"}));
            QCOMPARE(ending[1].toObject().value("auction").toObject(), fullTerms);

            // The full-text index still follows the rebuilt table, old rows and edits alike.
            QCOMPARE(idsOf(http.get("/api/v1/listings?q=Leica").json().value("items").toArray()),
                     QStringList{"l_full"});
            const HttpResponse login = http.post(
                "/api/v1/auth/login",
                QJsonObject{{"login", "auctioneer"}, {"password", "correct horse auctioneer"}});
            BM_EXPECT_STATUS(login, 200);
            http.setAccessToken(login.json().value("accessToken").toString());
            BM_EXPECT_STATUS(http.patch("/api/v1/listings/l_full",
                                        QJsonObject{{"title", "Leica M6 classic auction"}}),
                             200);
            QCOMPARE(idsOf(http.get("/api/v1/listings?q=classic").json().value("items").toArray()),
                     QStringList{"l_full"});
            QCOMPARE(http.get("/api/v1/listings/l_full").json().value("auction").toObject(), sellersFullTerms);
            QCOMPARE(server.stop(), 0);
        }
        QCOMPARE(pragma(db, "SELECT count(*) FROM pragma_table_info('listings') "
                            "WHERE name LIKE 'auction%'").toLongLong(), 0);
        QCOMPARE(pragma(db, "SELECT count(*) FROM auction_terms").toLongLong(), 2);
    }

    void schema3DatabaseKeepsItsModelsAndJobs() {
        // A database as the release with schema 3 left it: its migrations, then
        // its rows, with the model state still in the listings table.
        QTemporaryDir dir;
        const QString db = dir.path() + "/bitmarket.db";
        for (const auto& m : bitmarket::server::db::migrations()) {
            if (m.version <= 3)
                QVERIFY2(execSql(db, m.sql), m.name);
        }
        QVERIFY(execSql(db, R"sql(
            INSERT INTO users (id, username, username_key, email, email_key, display_name,
                               password_hash, created_at)
            VALUES ('u_old', 'old_seller', 'old_seller', 'old@example.com', 'old@example.com',
                    'Old Seller', 'x', 1700000000000);
            INSERT INTO listings (id, seller_id, title, description, category_id, price_amount,
                                  currency, condition, tags, region, sale_type, status, created_at,
                                  updated_at, model_status, model_url, model_preview_url,
                                  model_quality, model_triangles, model_job_id, model_error)
            VALUES ('l_withmodel', 'u_old', 'Bonsai in 3D', 'A tree', 'garden', 50000, 'KRW',
                    'good', '["tree"]', 'Seoul', 'fixed', 'active', 1700000000000, 1700000500000,
                    'done', '/media/ab/abcdef.glb', '/media/cd/cdef01.png', 'full', 50000,
                    'job_old', NULL),
                   ('l_failedmodel', 'u_old', 'Blurry lamp', 'A lamp', 'home', 9000, 'KRW',
                    'fair', '[]', 'Busan', 'fixed', 'active', 1700000100000, 1700000200000,
                    'failed', NULL, NULL, NULL, NULL, 'job_failed', 'only 1 of 3 images registered'),
                   ('l_nomodel', 'u_old', 'Plain chair', 'A chair', 'furniture', 20000, 'KRW',
                    'good', '[]', 'Seoul', 'fixed', 'active', 1700000300000, 1700000300000,
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO jobs (id, kind, listing_id, owner_id, status, progress, stage, attempts,
                              max_attempts, run_after, payload, result, revision, created_at,
                              updated_at)
            VALUES ('job_old', 'model', 'l_withmodel', 'u_old', 'done', 1, 'done', 1, 3,
                    1700000000000, '{}', '{"status":"done"}', 4, 1700000000000, 1700000500000),
                   ('job_waiting', 'model', 'l_nomodel', 'u_old', 'queued', 0, 'queued', 0, 3,
                    1700000300000, '{}', NULL, 1, 1700000300000, 1700000300000);
            PRAGMA user_version = 3;
        )sql"));
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start({"--workers", "0"}));
            HttpTestClient http(server.httpUrl());
            const HttpResponse detail = http.get("/api/v1/listings/l_withmodel");
            BM_EXPECT_STATUS(detail, 200);
            const QJsonObject l = detail.json();
            QCOMPARE(l.value("model").toObject(),
                     (QJsonObject{{"status", "done"},
                                  {"url", "/media/ab/abcdef.glb"},
                                  {"previewUrl", "/media/cd/cdef01.png"},
                                  {"quality", "full"},
                                  {"triangles", 50000},
                                  {"jobId", "job_old"}}));
            QCOMPARE(l.value("hasModel").toBool(), true);
            QCOMPARE(l.value("updatedAt").toString(), QStringLiteral("2023-11-14T22:21:40.000Z"));

            const QJsonObject failed = http.get("/api/v1/listings/l_failedmodel").json();
            QCOMPARE(failed.value("model").toObject(),
                     (QJsonObject{{"status", "failed"},
                                  {"jobId", "job_failed"},
                                  {"error", "only 1 of 3 images registered"}}));
            QCOMPARE(failed.value("hasModel").toBool(), false);
            QVERIFY(!http.get("/api/v1/listings/l_nomodel").json().contains("model"));

            // Search results say which listings have a model, as before.
            const HttpResponse found = http.get("/api/v1/listings?sellerId=u_old");
            BM_EXPECT_STATUS(found, 200);
            QMap<QString, bool> hasModel;
            for (const QJsonValue& item : found.json().value("items").toArray())
                hasModel.insert(item.toObject().value("id").toString(),
                                item.toObject().value("hasModel").toBool());
            QCOMPARE(hasModel, (QMap<QString, bool>{
                                   {"l_withmodel", true}, {"l_failedmodel", false}, {"l_nomodel", false}}));
            QCOMPARE(server.stop(), 0);
        }
        // The old jobs are still there, generalised; the listings table lost its model columns.
        QCOMPARE(pragma(db, "SELECT listing_id || ' ' || owner_id || ' ' || status FROM jobs "
                            "WHERE id = 'job_waiting'").toString(),
                 QStringLiteral("l_nomodel u_old queued"));
        // (The server's own scheduled work, such as the notification clean-up, is not counted.)
        QCOMPARE(pragma(db, "SELECT count(*) FROM jobs WHERE kind = 'model'").toLongLong(), 2);
        QCOMPARE(pragma(db, "SELECT count(*) FROM pragma_table_info('listings') "
                            "WHERE name LIKE 'model%'").toLongLong(), 0);
        QCOMPARE(pragma(db, "SELECT count(*) FROM sqlite_master WHERE name = 'jobs_pending_key'").toLongLong(), 1);
    }

    void newerSchemaIsRefusedAndLeftAlone() {
        // A database written by a newer server (say, after a downgrade): starting
        // on it must not run against a schema this build does not know.
        QTemporaryDir dir;
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            QVERIFY(registerUser(http, "from_the_future").ok());
            QCOMPARE(server.stop(), 0);
        }
        const QString db = dir.path() + "/bitmarket.db";
        QVERIFY(execSql(db, "PRAGMA user_version = 999;"));
        ServerProcess server(dir.path());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("server did not start.*"));
        const bool started = server.start({}, 10000);
        if (started)
            server.stop();
        QVERIFY2(!started, "the server started on a database from a newer schema (999)");
        QCOMPARE(pragma(db, "PRAGMA user_version").toLongLong(), 999);
        QCOMPARE(pragma(db, "SELECT count(*) FROM users").toLongLong(), 1);
    }

    void unusableDataDirFailsToStart() {
        QTemporaryDir parent;
        QFile blocker(parent.path() + "/file");
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ServerProcess server(parent.path() + "/file/data");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("server did not start.*"));
        QVERIFY(!server.start({}, 10000));
    }

    void demoSeedsOnceOnAnEmptyDataDir() {
        const QString manifest = QStringLiteral(BITMARKET_SOURCE_DIR "/assets/demo/items/manifest.json");
        if (!QFile::exists(manifest))
            QSKIP("assets/demo/items/manifest.json does not exist yet (the demo catalogue is being made)");
        QTemporaryDir dir;
        QSet<QString> first;
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start({"--demo"}, 180000));
            HttpTestClient http(server.httpUrl());
            const HttpResponse r = http.get("/api/v1/listings?limit=100");
            BM_EXPECT_STATUS(r, 200);
            const QJsonArray items = r.json().value("items").toArray();
            QVERIFY2(items.size() >= 11, qPrintable(QString::number(items.size())));
            QSet<QString> categories;
            int withPhotos = 0;
            for (const QJsonValue& v : items) {
                const QJsonObject l = v.toObject();
                first.insert(l.value("id").toString());
                categories.insert(l.value("categoryId").toString());
                if (l.value("thumbUrl").isString())
                    ++withPhotos;
            }
            QVERIFY2(withPhotos >= 11, qPrintable(QString::number(withPhotos)));
            QVERIFY(categories.size() >= 3);
            first = allIds(http, ""); // every page
            const QJsonObject one = items.first().toObject();
            const HttpResponse d = http.get("/api/v1/listings/" + one.value("id").toString());
            QVERIFY(!d.json().value("photos").toArray().isEmpty());
            BM_EXPECT_STATUS(http.get(d.json().value("photos").toArray().at(0).toObject().value("url").toString()), 200);
            BM_EXPECT_STATUS(http.get(one.value("thumbUrl").toString()), 200);
            // Chats between the demo users: an accepted meet-up, a photo junho has not read yet;
            // minji has read hers, so her inbox has no chat notification left unread.
            const auto signIn = [&](const char* name) {
                auto client = std::make_unique<HttpTestClient>(server.httpUrl());
                client->setAccessToken(client->post("/api/v1/auth/login", QJsonObject{{"login", name}, {"password", "bitmarket-demo"}})
                                           .json().value("accessToken").toString());
                return client;
            };
            const auto junho = signIn("junho");
            const QJsonArray rooms = junho->get("/api/v1/chats").json().value("items").toArray();
            QCOMPARE(rooms.size(), 3);
            QSet<QString> kinds;
            qint64 unread = 0;
            for (const QJsonValue& room : rooms) {
                unread += room.toObject().value("unreadCount").toInteger();
                for (const QJsonValue& m : junho->get("/api/v1/chats/" + room.toObject().value("id").toString() + "/messages")
                                               .json().value("items").toArray()) {
                    kinds.insert(m.toObject().value("kind").toString());
                    if (m.toObject().value("kind") == "appointment")
                        QCOMPARE(m.toObject().value("appointment").toObject().value("status").toString(), QStringLiteral("accepted"));
                }
            }
            QCOMPARE(kinds, (QSet<QString>{"text", "image", "appointment", "system"}));
            QCOMPARE(unread, 2);
            // Orders in person: minji's basketball completed, junho's mug waiting for the
            // meet-up they agreed, its listing reserved.
            const QJsonArray bought = junho->get("/api/v1/me/orders?role=buyer").json().value("items").toArray();
            QCOMPARE(bought.size(), 1);
            const QJsonObject mugOrder = bought.first().toObject();
            QCOMPARE(mugOrder.value("status").toString(), QStringLiteral("awaiting_meetup"));
            QCOMPARE(mugOrder.value("method").toString(), QStringLiteral("in_person"));
            QVERIFY(mugOrder.value("listing").toObject().value("title").toString().contains("mug"));
            const QString mugId = mugOrder.value("listing").toObject().value("id").toString();
            QCOMPARE(http.get("/api/v1/listings/" + mugId).json().value("status").toString(), QStringLiteral("reserved"));
            const QJsonArray minjis = signIn("minji")->get("/api/v1/me/orders?role=buyer").json().value("items").toArray();
            QCOMPARE(minjis.size(), 1);
            QCOMPARE(minjis.first().toObject().value("status").toString(), QStringLiteral("completed"));
            for (const QJsonValue& n : signIn("minji")->get("/api/v1/notifications?unread=true&limit=100").json().value("items").toArray())
                QVERIFY(n.toObject().value("type") != "chat.message");
            QCOMPARE(server.stop(), 0);
        }
        {
            ServerProcess server(dir.path());
            QVERIFY(server.start({"--demo"}, 60000));
            HttpTestClient http(server.httpUrl());
            const QSet<QString> again = allIds(http, "");
            QCOMPARE(again, first);
            QCOMPARE(server.stop(), 0);
        }
        // A data dir that already has its own users gets no demo catalogue.
        QTemporaryDir own;
        {
            ServerProcess server(own.path());
            QVERIFY(server.start());
            HttpTestClient http(server.httpUrl());
            QVERIFY(registerUser(http, "real_user").ok());
        }
        {
            ServerProcess server(own.path());
            QVERIFY(server.start({"--demo"}, 60000));
            HttpTestClient http(server.httpUrl());
            QCOMPARE(allIds(http, ""), QSet<QString>());
            QCOMPARE(server.stop(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(DurabilityTest)
#include "DurabilityTest.moc"
