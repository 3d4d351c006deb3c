// The models QML binds to, against the real demo server: roles, cursor
// paging, searches that replace rows without a reset, favorites (also the
// one asked for before signing in), the detail object (which shows what the
// live socket pushes without asking again) and the sell draft (validation,
// create, photos reordered in place, with progress). Also: the form's limits
// are the server's, models reach the server only through the typed API
// classes, and one heart toggle serves the grid and the page.
#include "ContractRequests.h"
#include "DemoServer.h"
#include "api/ApiClient.h"
#include "bitmarket/ListingRules.h"
#include "listings/CategoryListModel.h"
#include "listings/FavoritesService.h"
#include "listings/ListingDetail.h"
#include "listings/ListingListModel.h"
#include "media/ModelFile.h"
#include "realtime/RealtimeClient.h"
#include "sell/ListingDraft.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"

#include <QImage>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {

// Lines of the bitmarket.api log: "<operation> <method> <path> <status>".
QStringList g_apiLog;
QtMessageHandler g_previousHandler = nullptr;

void recordApiLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (context.category && qstrcmp(context.category, "bitmarket.api") == 0) {
        g_apiLog << message;
        return;
    }
    g_previousHandler(type, context, message);
}

int rowOf(const ListingListModel& model, const QString& listingId) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.listingIdAt(row) == listingId)
            return row;
    }
    return -1;
}

QJsonObject listingFields(const QString& title) {
    return QJsonObject{{"title", title},
                       {"price", QJsonObject{{"amount", 1000}, {"currency", "KRW"}}},
                       {"condition", "good"},
                       {"categoryId", "home"},
                       {"saleType", "fixed"}};
}

} // namespace

class ListingModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_server.start());
        m_api.setServerUrl(m_server.httpUrl());
        ApiCall* call = post(m_api, 
            "/auth/login",
            QJsonObject{{"login", DemoServer::kUser}, {"password", DemoServer::kPassword}}, false);
        QSignalSpy done(call, &ApiCall::succeeded);
        QVERIFY(done.wait(15000));
        const QJsonObject body = done.first().first().toJsonObject();
        m_api.setTokens(body.value("accessToken").toString(),
                        body.value("refreshToken").toString());
        m_userId = body.value("user").toObject().value("id").toString();
    }

    void rolesCarryWhatACardShows() {
        ListingListModel model;
        model.setApi(&m_api);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 15000);
        QVERIFY(model.rowCount() > 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        for (const char* name : {"listingId", "title", "priceText", "region", "timeAgo", "thumbUrl",
                                 "hasModel", "isFavorite"})
            QVERIFY2(roles.values().contains(name), name);
        const QModelIndex first = model.index(0);
        QVERIFY(!model.data(first, ListingListModel::TitleRole).toString().isEmpty());
        const QString price = model.data(first, ListingListModel::PriceTextRole).toString();
        QVERIFY2(price.contains(QChar(0x20A9)) || price.endsWith(QString::fromUtf8("원")),
                 qPrintable(price));
        const QUrl thumb = model.data(first, ListingListModel::ThumbUrlRole).toUrl();
        QCOMPARE(thumb.scheme(), QString("http"));
        QCOMPARE(thumb.port(), m_server.httpUrl().port());
    }

    void pagesFollowTheCursorWithoutDuplicates() {
        ListingListModel model;
        model.setApi(&m_api);
        model.setPageSize(5);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 15000);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.hasMore());
        QVERIFY(model.canFetchMore({}));
        QSet<QString> ids;
        int guard = 0;
        while (model.hasMore() && guard++ < 20) {
            const int before = model.rowCount();
            model.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > before || !model.hasMore(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(!model.loadingMore(), 10000);
        }
        for (int i = 0; i < model.rowCount(); ++i)
            ids.insert(model.listingIdAt(i));
        QCOMPARE(ids.size(), model.rowCount());
        QVERIFY(model.rowCount() >= 11);
    }

    void searchReplacesRowsInPlace() {
        ListingListModel model;
        model.setApi(&m_api);
        model.setDebounceMs(50);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 15000);
        const int all = model.rowCount();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy requests(&model, &ListingListModel::loadingChanged);
        // Typing "vase" key by key sends one search, after the pause.
        model.setQuery("v");
        model.setQuery("va");
        model.setQuery("vas");
        model.setQuery("vase");
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && requests.count() >= 2, 10000);
        QCOMPARE(requests.count(), 2); // started, finished: one request
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(model.rowCount() < all);
        QVERIFY(model.data(model.index(0), ListingListModel::TitleRole)
                    .toString()
                    .contains("vase", Qt::CaseInsensitive));
        QCOMPARE(resets.count(), 0);

        model.setQuery("no such thing anywhere zzz");
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.rowCount() == 0, 10000);
        QVERIFY(model.loaded());
        QVERIFY(model.errorMessage().isEmpty());
    }

    void filtersAndSortsReachTheServer() {
        ListingListModel model;
        model.setApi(&m_api);
        model.setDebounceMs(0);
        model.setSort("price_asc");
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded() && !model.loading(), 15000);
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(
                model.data(model.index(i - 1), ListingListModel::PriceAmountRole).toLongLong() <=
                model.data(model.index(i), ListingListModel::PriceAmountRole).toLongLong());
        model.setMinPrice("20,000");
        model.setMaxPrice("50000");
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 10000);
        QTest::qWait(100);
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 10000);
        for (int i = 0; i < model.rowCount(); ++i) {
            const qint64 price =
                model.data(model.index(i), ListingListModel::PriceAmountRole).toLongLong();
            QVERIFY2(price >= 20000 && price <= 50000, qPrintable(QString::number(price)));
        }
    }

    void favoritesRoundTrip() {
        ListingListModel home;
        home.setApi(&m_api);
        home.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(home.loaded(), 15000);
        const QString id = home.listingIdAt(home.rowCount() - 1);
        QSignalSpy saved(&home, &ListingListModel::favoriteSaved);
        home.setFavorite(id, true);
        // The heart fills at once, before the server answers.
        QVERIFY(
            home.data(home.index(home.rowCount() - 1), ListingListModel::IsFavoriteRole).toBool());
        QVERIFY(saved.wait(10000));

        ListingListModel favorites;
        favorites.setApi(&m_api);
        favorites.setSource(ListingListModel::Favorites);
        favorites.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(favorites.loaded() && favorites.rowCount() >= 1, 15000);
        QCOMPARE(favorites.listingIdAt(0), id);

        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        QVERIFY(detail.isFavorite());
        const qint64 count = detail.favoriteCount();
        QVERIFY(count >= 1);
        detail.toggleFavorite();
        QVERIFY(!detail.isFavorite());
        QCOMPARE(detail.favoriteCount(), count - 1);
        // The un-favorite is in flight; the list shows it once the server has it.
        for (int i = 0; i < 20 && favorites.rowCount() != 0; ++i) {
            QTest::qWait(100);
            favorites.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(!favorites.loading(), 10000);
        }
        QCOMPARE(favorites.rowCount(), 0);
    }

    void favoriteAskedForBeforeSignInIsAddedAfter() {
        ListingListModel home;
        home.setApi(&m_api);
        home.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(home.loaded() && home.rowCount() >= 2, 15000);

        // From the listing page: the heart fills and the count grows once the server has it.
        const QString pageId = home.listingIdAt(1);
        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(pageId);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        QVERIFY(!detail.isFavorite());
        const qint64 count = detail.favoriteCount();
        detail.addToFavorites();
        QTRY_VERIFY_WITH_TIMEOUT(detail.isFavorite(), 10000);
        QCOMPARE(detail.favoriteCount(), count + 1);
        // Asked twice (two clicks before signing in) it is still one favorite.
        QSignalSpy reloading(&detail, &ListingDetail::loadingChanged);
        detail.addToFavorites();
        QTRY_VERIFY_WITH_TIMEOUT(reloading.count() >= 2 && !detail.loading(), 10000);
        QVERIFY(detail.isFavorite());
        QCOMPARE(detail.favoriteCount(), count + 1);

        detail.toggleFavorite();
        QTRY_VERIFY_WITH_TIMEOUT(detail.favoriteCount() == count && !detail.isFavorite(), 10000);

        // From a card on the home grid: the grid reloads with this user's hearts.
        const QString cardId = home.listingIdAt(0);
        QVERIFY(!home.data(home.index(0), ListingListModel::IsFavoriteRole).toBool());
        QSignalSpy saved(&home, &ListingListModel::favoriteSaved);
        QSignalSpy reloads(&home, &ListingListModel::loadingChanged);
        home.addToFavorites(cardId);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(0).toString(), cardId);
        QTRY_VERIFY_WITH_TIMEOUT(reloads.count() >= 2 && !home.loading(), 10000);
        QCOMPARE(home.listingIdAt(0), cardId);
        QVERIFY(home.data(home.index(0), ListingListModel::IsFavoriteRole).toBool());

        home.setFavorite(cardId, false);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
    }

    void draftPhotosMoveInPlace() {
        // A drag moves a photo over the others one cell at a time: every step must be a
        // move (so the thumbnails slide), never a reset (which would rebuild the grid).
        DraftPhotoListModel photos;
        QList<DraftPhotoListModel::Item> items(4);
        for (int i = 0; i < items.size(); ++i)
            items[i].localPath = QString("/photos/%1.jpg").arg(i);
        photos.setItems(items);
        auto order = [&] {
            QStringList names;
            for (int row = 0; row < photos.rowCount(); ++row)
                names
                    << photos.data(photos.index(row), DraftPhotoListModel::FileNameRole).toString();
            return names.join(' ');
        };
        QSignalSpy moved(&photos, &QAbstractItemModel::rowsMoved);
        QSignalSpy resets(&photos, &QAbstractItemModel::modelReset);

        QVERIFY(photos.move(3, 0)); // the last one becomes the cover
        QCOMPARE(order(), QString("3.jpg 0.jpg 1.jpg 2.jpg"));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.last().at(1).toInt(), 3);
        QCOMPARE(moved.last().at(4).toInt(), 0);

        QVERIFY(photos.move(0, 2)); // and back, to the third cell
        QCOMPARE(order(), QString("0.jpg 1.jpg 3.jpg 2.jpg"));
        QCOMPARE(moved.count(), 2);
        QCOMPARE(moved.last().at(4).toInt(), 3); // counted before the move

        QVERIFY(!photos.move(1, 1));
        QVERIFY(!photos.move(-1, 0));
        QVERIFY(!photos.move(0, 4));
        QCOMPARE(order(), QString("0.jpg 1.jpg 3.jpg 2.jpg"));
        QCOMPARE(moved.count(), 2);
        QCOMPARE(resets.count(), 0);
    }

    void detailCarriesPhotosSellerAndModel() {
        ListingListModel model;
        model.setApi(&m_api);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 15000);
        QString withModel;
        for (int i = 0; i < model.rowCount(); ++i) {
            if (model.data(model.index(i), ListingListModel::HasModelRole).toBool())
                withModel = model.listingIdAt(i);
        }
        QVERIFY(!withModel.isEmpty());
        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(withModel);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        QVERIFY(detail.photos()->rowCount() > 0);
        QVERIFY(!detail.sellerName().isEmpty());
        QVERIFY(detail.hasModel());
        QVERIFY(detail.modelUrl().toString().startsWith(m_server.httpUrl().toString()));
        QVERIFY(detail.viewCount() >= 1);
    }

    void detailFollowsLiveEdits() {
        ListingListModel mine;
        mine.setApi(&m_api);
        mine.setSellerId(m_userId);
        mine.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(mine.loaded() && mine.rowCount() > 0, 15000);
        const QString id = mine.listingIdAt(0);

        RealtimeClient realtime(&m_api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), 15000);
        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setRealtime(&realtime);
        detail.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        QTest::qWait(300); // the subscription reaches the server

        // Another device edits the listing; this page shows it without a reload.
        ApiClient other;
        other.setServerUrl(m_server.httpUrl());
        other.setTokens(m_api.accessToken(), {});
        ApiCall* call = patch(other, "/listings/" + id, QJsonObject{{"title", "Edited elsewhere"}});
        QSignalSpy patched(call, &ApiCall::succeeded);
        QVERIFY(patched.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(detail.title(), QString("Edited elsewhere"), 10000);
    }

    void pushedListingIsShownWithoutAGet() {
        // A listing of this user's, changed and then removed from another device.
        ApiClient other;
        other.setServerUrl(m_server.httpUrl());
        other.setTokens(m_api.accessToken(), {});
        ApiCall* create = post(other, 
            "/listings", QJsonObject{{"title", "Reading lamp"},
                                     {"description", "Warm light, brass arm."},
                                     {"categoryId", "home"},
                                     {"price", QJsonObject{{"amount", 18000}, {"currency", "KRW"}}},
                                     {"condition", "good"},
                                     {"tags", QJsonArray{"lamp"}},
                                     {"region", "Seoul"},
                                     {"saleType", "fixed"}});
        QSignalSpy created(create, &ApiCall::succeeded);
        QVERIFY(created.wait(10000));
        const QString id = created.first().first().toJsonObject().value("id").toString();

        RealtimeClient realtime(&m_api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), 15000);
        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setRealtime(&realtime);
        detail.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded() && !detail.loading(), 15000);
        QTest::qWait(300); // the subscription reaches the server
        const QString sellerName = detail.sellerName();
        QVERIFY(!sellerName.isEmpty());

        // Every request this page's API client makes from now on.
        QSignalSpy requests(m_api.network(), &QNetworkAccessManager::finished);
        ApiCall* edit = patch(other, 
            "/listings/" + id,
            QJsonObject{{"title", "Brass reading lamp"},
                        {"price", QJsonObject{{"amount", 21000}, {"currency", "KRW"}}}});
        QSignalSpy edited(edit, &ApiCall::succeeded);
        QVERIFY(edited.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(detail.title(), QString("Brass reading lamp"), 10000);
        QCOMPARE(detail.priceAmount(), 21000);
        // The pushed listing is whole: the seller is still shown, the heart still this user's.
        QCOMPARE(detail.sellerName(), sellerName);
        QVERIFY(!detail.isFavorite());
        QCOMPARE(requests.count(), 0);

        ApiCall* removal = del(other, "/listings/" + id);
        QSignalSpy removed(removal, &ApiCall::succeeded);
        QVERIFY(removed.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(detail.errorMessage(),
                                  QString("This listing is no longer available."), 10000);
        QTest::qWait(500); // time for a request, had one been sent
        QCOMPARE(requests.count(), 0);
        realtime.stop();
    }

    void modelFileCachesAGlbAndRefusesAnythingElse() {
        ListingListModel model;
        model.setApi(&m_api);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 15000);
        QString withModel;
        for (int i = 0; i < model.rowCount() && withModel.isEmpty(); ++i) {
            if (model.data(model.index(i), ListingListModel::HasModelRole).toBool())
                withModel = model.listingIdAt(i);
        }
        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(withModel);
        QTRY_VERIFY_WITH_TIMEOUT(detail.hasModel(), 15000);

        QTemporaryDir cache;
        ModelFile file;
        file.setApi(&m_api);
        file.setCacheDir(cache.path());
        file.setSource(detail.modelUrl());
        QTRY_COMPARE_WITH_TIMEOUT(file.status(), ModelFile::Ready, 15000);
        QCOMPARE(file.progress(), 1.0);
        QFile glb(file.localUrl().toLocalFile());
        QVERIFY(glb.open(QIODevice::ReadOnly));
        QCOMPARE(glb.read(4), QByteArray("glTF"));

        // The same URL again comes from the cache, at once.
        ModelFile again;
        again.setApi(&m_api);
        again.setCacheDir(cache.path());
        again.setSource(detail.modelUrl());
        QCOMPARE(again.status(), ModelFile::Ready);

        // A photo is not a model: an error to show, not a file to hand to the viewer.
        ModelFile broken;
        broken.setApi(&m_api);
        broken.setCacheDir(cache.path());
        broken.setSource(model.data(model.index(0), ListingListModel::ThumbUrlRole).toUrl());
        QTRY_COMPARE_WITH_TIMEOUT(broken.status(), ModelFile::Failed, 15000);
        QVERIFY(!broken.errorMessage().isEmpty());
        QVERIFY(broken.localUrl().isEmpty());
    }

    void categoriesComeAsAFlatTree() {
        CategoryListModel categories;
        categories.setApi(&m_api);
        categories.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(categories.rowCount() > 0, 15000);
        QVERIFY(!categories.nameOf(categories.idAt(0)).isEmpty());
    }

    void categoriesAreNamedInTheUiLanguage() {
        CategoryListModel categories;
        categories.setApi(&m_api);
        categories.componentComplete();
        QTRY_COMPARE_WITH_TIMEOUT(categories.nameOf("cameras"), QStringLiteral("Cameras"), 15000);
        // Switching the UI to Korean names them again, without a restart.
        m_api.setLanguage("ko");
        const auto english = qScopeGuard([this] { m_api.setLanguage("en"); });
        QTRY_COMPARE_WITH_TIMEOUT(categories.nameOf("cameras"), QStringLiteral("카메라"), 15000);
        QCOMPARE(categories.nameOf("electronics"), QStringLiteral("전자기기"));
    }

    void draftValidatesThenCreatesWithPhotos() {
        QTemporaryDir dir;
        ListingDraft draft;
        draft.setApi(&m_api);
        QSignalSpy saved(&draft, &ListingDraft::saved);
        draft.submit();
        // Nothing sent: the form says what is missing.
        QCOMPARE(draft.stage(), ListingDraft::Editing);
        QVERIFY(draft.fieldErrors().contains("title"));
        QVERIFY(draft.fieldErrors().contains("price"));
        QVERIFY(draft.fieldErrors().contains("categoryId"));

        draft.setProperty("title", "Desk lamp");
        draft.setProperty("price", "15,000");
        draft.setProperty("categoryId", "home");
        draft.setProperty("tags", "lamp, #desk");
        draft.setProperty("region", "Seoul");
        QList<QUrl> files;
        for (int i = 0; i < 2; ++i) {
            QImage image(640, 480, QImage::Format_RGB32);
            image.fill(i == 0 ? Qt::darkGreen : Qt::darkBlue);
            const QString path = dir.filePath(QString("p%1.jpg").arg(i));
            QVERIFY(image.save(path));
            files << QUrl::fromLocalFile(path);
        }
        files << QUrl::fromLocalFile(dir.filePath("notes.txt"));
        QCOMPARE(draft.addPhotos(files), 2);
        QVERIFY(draft.fieldErrors().contains("photos"));
        draft.movePhoto(1, 0);
        draft.submit();
        QVERIFY(saved.wait(20000));
        const QString id = saved.first().first().toString();
        QCOMPARE(draft.stage(), ListingDraft::Done);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(draft.photos()
                         ->data(draft.photos()->index(i), DraftPhotoListModel::ProgressRole)
                         .toDouble(),
                     1.0);

        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        QCOMPARE(detail.title(), QString("Desk lamp"));
        QCOMPARE(detail.priceAmount(), 15000);
        QCOMPARE(detail.tags(), QStringList({"lamp", "desk"}));
        QCOMPARE(detail.photos()->rowCount(), 2);

        // Editing it: the server's validation error lands on the field it names.
        ListingDraft edit;
        edit.setApi(&m_api);
        edit.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(edit.stage() == ListingDraft::Editing &&
                                     edit.property("title").toString() == "Desk lamp",
                                 15000);
        QCOMPARE(edit.photos()->rowCount(), 2);
        edit.setProperty("title", QString(300, QLatin1Char('x')));
        edit.submit();
        QTRY_VERIFY_WITH_TIMEOUT(edit.stage() == ListingDraft::Editing && !edit.busy(), 15000);
        QVERIFY2(edit.fieldErrors().contains("title"),
                 qPrintable(edit.fieldErrors().keys().join(",") + ": " + edit.message()));

        // And the seller can delete it.
        ListingListModel mine;
        mine.setApi(&m_api);
        mine.setSellerId(m_userId);
        mine.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(mine.loaded(), 15000);
        const int before = mine.rowCount();
        QSignalSpy deleted(&mine, &ListingListModel::listingDeleted);
        mine.deleteListing(id);
        QVERIFY(deleted.wait(10000));
        QCOMPARE(mine.rowCount(), before - 1);
    }

    void draftTitleLimitIsTheServers() {
        const int limit = bitmarket::listing::kTitleMaxLength;
        const QString atLimit(limit, QLatin1Char('t'));
        const QString over(limit + 1, QLatin1Char('o'));
        // The server: one character over is refused, the limit is taken.
        HttpTestClient http(m_server.httpUrl());
        http.setAccessToken(m_api.accessToken());
        const HttpResponse refused = http.post("/api/v1/listings", listingFields(over));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QString("validation_failed"));
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(),
                 QString("title"));
        const HttpResponse taken = http.post("/api/v1/listings", listingFields(atLimit));
        QCOMPARE(taken.status, 201);

        // The form: the same title one over is refused before anything is sent...
        ListingDraft draft;
        draft.setApi(&m_api);
        draft.setProperty("price", "1,000");
        draft.setProperty("categoryId", "home");
        draft.setProperty("title", over);
        QSignalSpy stages(&draft, &ListingDraft::stageChanged);
        draft.submit();
        QVERIFY(draft.fieldErrors().contains("title"));
        QCOMPARE(stages.count(), 0);
        QCOMPARE(draft.property("titleMaxLength").toInt(), limit);
        // ...and the limit itself is published.
        QSignalSpy saved(&draft, &ListingDraft::saved);
        draft.setProperty("title", atLimit);
        QVERIFY(!draft.fieldErrors().contains("title"));
        draft.submit();
        QVERIFY2(saved.wait(20000), qPrintable(draft.message()));
        const HttpResponse stored =
            http.get("/api/v1/listings/" + saved.first().first().toString());
        QCOMPARE(stored.json().value("title").toString(), atLimit);
    }

    void modelsCallOnlyTheTypedApi() {
        // Every request the models and the session send carries the name of the typed API
        // call that built it; a path put together anywhere else would be "(unnamed)".
        QLoggingCategory::setFilterRules("bitmarket.api.debug=true");
        g_apiLog.clear();
        g_previousHandler = qInstallMessageHandler(recordApiLog);
        const auto restoreLog = qScopeGuard([] {
            qInstallMessageHandler(g_previousHandler);
            QLoggingCategory::setFilterRules("bitmarket.api.debug=false");
        });

        QTemporaryDir config;
        ApiClient sessionApi;
        sessionApi.setServerUrl(m_server.httpUrl());
        Session session(&sessionApi, config.path());
        session.signIn(DemoServer::kUser, DemoServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(session.signedIn(), 15000);
        Session restored(&sessionApi, config.path());
        restored.restore();
        QTRY_VERIFY_WITH_TIMEOUT(restored.signedIn(), 15000);
        restored.signOut();

        ListingListModel home;
        home.setApi(&m_api);
        home.setPageSize(3);
        home.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(home.loaded(), 15000);
        home.loadMore();
        QTRY_VERIFY_WITH_TIMEOUT(home.rowCount() > 3 && !home.loadingMore(), 15000);
        const QString heartId = home.listingIdAt(0);
        QSignalSpy saved(&home, &ListingListModel::favoriteSaved);
        home.setFavorite(heartId, true);
        QVERIFY(saved.wait(10000));
        ListingListModel favorites;
        favorites.setApi(&m_api);
        favorites.setSource(ListingListModel::Favorites);
        favorites.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(favorites.loaded(), 15000);
        home.setFavorite(heartId, false);
        QVERIFY(saved.wait(10000));
        CategoryListModel categories;
        categories.setApi(&m_api);
        categories.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(categories.rowCount() > 0, 15000);

        QTemporaryDir dir;
        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(dir.filePath("photo.jpg")));
        ListingDraft draft;
        draft.setApi(&m_api);
        draft.setProperty("title", "Typed lamp");
        draft.setProperty("price", "9,000");
        draft.setProperty("categoryId", "home");
        QCOMPARE(draft.addPhotos({QUrl::fromLocalFile(dir.filePath("photo.jpg"))}), 1);
        QSignalSpy created(&draft, &ListingDraft::saved);
        draft.submit();
        QVERIFY(created.wait(20000));
        const QString id = created.first().first().toString();
        ListingDraft edit;
        edit.setApi(&m_api);
        edit.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(edit.photos()->rowCount() == 1 && !edit.busy(), 15000);
        edit.removePhoto(0);
        QSignalSpy edited(&edit, &ListingDraft::saved);
        edit.submit();
        QVERIFY(edited.wait(20000));

        ListingDetail detail;
        detail.setApi(&m_api);
        detail.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 15000);
        detail.requestModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            !detail.modelStatus().isEmpty() || !detail.errorMessage().isEmpty(), 15000);
        ListingListModel mine;
        mine.setApi(&m_api);
        mine.setSellerId(m_userId);
        mine.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(mine.loaded(), 15000);
        QSignalSpy deleted(&mine, &ListingListModel::listingDeleted);
        mine.deleteListing(id);
        QVERIFY(deleted.wait(10000));

        QStringList operations;
        for (const QString& line : std::as_const(g_apiLog))
            operations << line.section(QLatin1Char(' '), 0, 0);
        QVERIFY2(!operations.contains("(unnamed)"), qPrintable(g_apiLog.join("\n")));
        for (const char* expected :
             {"auth.signIn", "auth.refresh", "auth.signOut", "listings.search", "favorites.add",
              "favorites.remove", "favorites.list", "categories.list", "listings.create",
              "photos.upload", "listings.detail", "photos.remove", "listings.update",
              "models.request", "listings.remove"})
            QVERIFY2(operations.contains(expected), expected);
    }

    void favoriteToggleIsOneForGridAndPage() {
        HttpTestClient http(m_server.httpUrl());
        http.setAccessToken(m_api.accessToken());
        const HttpResponse created = http.post("/api/v1/listings", listingFields("Heart test"));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value("id").toString();

        ListingListModel grid;
        grid.setApi(&m_api);
        grid.setSellerId(m_userId);
        grid.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(grid.loaded() && rowOf(grid, id) >= 0, 15000);
        ListingDetail page;
        page.setApi(&m_api);
        page.setListingId(id);
        QTRY_VERIFY_WITH_TIMEOUT(page.loaded(), 15000);
        const auto gridHeart = [&] {
            const QModelIndex row = grid.index(rowOf(grid, id));
            return std::pair(grid.data(row, ListingListModel::IsFavoriteRole).toBool(),
                             grid.data(row, ListingListModel::FavoriteCountRole).toLongLong());
        };
        QCOMPARE(gridHeart(), std::pair(false, qint64(0)));
        QVERIFY(!page.isFavorite());

        // A heart on the grid: both show it at once, before the server answers.
        QSignalSpy saved(&grid, &ListingListModel::favoriteSaved);
        grid.setFavorite(id, true);
        QCOMPARE(gridHeart(), std::pair(true, qint64(1)));
        QVERIFY(page.isFavorite());
        QCOMPARE(page.favoriteCount(), qint64(1));
        QVERIFY(saved.wait(10000));
        QCOMPARE(gridHeart(), std::pair(true, qint64(1)));
        QCOMPARE(http.get("/api/v1/listings/" + id).json().value("favoriteCount").toInteger(), 1);

        // The listing goes meanwhile; taking the heart back on the page fails on the server,
        // and both go back to what the server still has.
        QCOMPARE(http.del("/api/v1/listings/" + id).status, 204);
        page.toggleFavorite();
        QVERIFY(!page.isFavorite());
        QCOMPARE(gridHeart(), std::pair(false, qint64(0)));
        QTRY_VERIFY_WITH_TIMEOUT(!page.errorMessage().isEmpty(), 10000);
        QVERIFY(page.isFavorite());
        QCOMPARE(page.favoriteCount(), qint64(1));
        QCOMPARE(gridHeart(), std::pair(true, qint64(1)));
    }

    void serverMessagesComeInTheUiLanguage() {
        // A rule only the server knows (the category must exist): its message is in the
        // language the client says, next to the field it names.
        const auto english = qScopeGuard([this] { m_api.setLanguage("en"); });
        ListingDraft draft;
        draft.setApi(&m_api);
        draft.setProperty("title", "Lamp");
        draft.setProperty("price", "1,000");
        draft.setProperty("categoryId", "no-such-category");
        m_api.setLanguage("ko");
        draft.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!draft.busy() && draft.fieldErrors().contains("categoryId"),
                                 15000);
        QCOMPARE(draft.fieldErrors().value("categoryId").toString(),
                 QString::fromUtf8("알 수 없는 카테고리입니다."));
        m_api.setLanguage("en");
        draft.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!draft.busy() && draft.fieldErrors().contains("categoryId"),
                                 15000);
        QCOMPARE(draft.fieldErrors().value("categoryId").toString(), QString("Unknown category."));
    }

    void listingDataArrivingMidToggleKeepsTheHeart() {
        ListingListModel grid;
        grid.setApi(&m_api);
        grid.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(grid.loaded() && grid.rowCount() > 0, 15000);
        const QString id = grid.listingIdAt(0);
        QVERIFY(!grid.data(grid.index(0), ListingListModel::IsFavoriteRole).toBool());
        const qint64 count =
            grid.data(grid.index(0), ListingListModel::FavoriteCountRole).toLongLong();

        // A reload, a page or a live update that the server sent before it had the heart.
        const auto stale = [&] {
            bitmarket::Listing l;
            l.id = id;
            l.isFavorite = false;
            l.favoriteCount = count;
            FavoritesService::of(&m_api)->reconcile(l);
            return std::pair(*l.isFavorite, l.favoriteCount);
        };
        QSignalSpy saved(&grid, &ListingListModel::favoriteSaved);
        grid.setFavorite(id, true);
        QCOMPARE(stale(), std::pair(true, count + 1));
        QVERIFY(saved.wait(10000));
        // Once the server has answered, its data is shown as it is.
        QCOMPARE(stale(), std::pair(false, count));
        grid.setFavorite(id, false);
        QVERIFY(saved.wait(10000));
    }

    // Last: it stops the server and starts it again.
    void searchWhileOfflineShowsNoOldRowsAndLoadsOnceTheServerIsBack() {
        ListingListModel model;
        model.setApi(&m_api);
        model.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded() && model.rowCount() > 1, 15000);
        m_server.stop();
        model.setQuery("duck");
        QTRY_VERIFY_WITH_TIMEOUT(!model.errorMessage().isEmpty(), 15000);
        QVERIFY(!m_api.reachable());
        // Not the unfiltered rows under the heading of a search for a duck.
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(m_server.restart());
        // Nobody presses anything: the app notices the server and the search runs.
        QTRY_VERIFY_WITH_TIMEOUT(m_api.reachable(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(model.errorMessage().isEmpty() && model.rowCount() >= 1, 15000);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row), ListingListModel::TitleRole).toString()
                        .contains("duck", Qt::CaseInsensitive));
    }

private:
    DemoServer m_server;
    ApiClient m_api;
    QString m_userId;
};

QTEST_GUILESS_MAIN(ListingModelsTest)
#include "ListingModelsTest.moc"
