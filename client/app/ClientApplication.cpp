#include "app/ClientApplication.h"

#include "api/ApiClient.h"
#include "app/ClientSettings.h"
#include "app/IconProvider.h"
#include "app/ListingLinks.h"
#include "app/SystemTheme.h"
#include "chat/ChatListModel.h"
#include "listings/RecentlyViewed.h"
#include "media/MediaCache.h"
#include "notifications/DesktopNotifier.h"
#include "notifications/NotificationInbox.h"
#include "orders/CheckoutLauncher.h"
#include "orders/OrderBook.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>

Q_IMPORT_QML_PLUGIN(BitMarket_ClientPlugin)
Q_IMPORT_QML_PLUGIN(BitMarket_UiPlugin)

namespace {

constexpr const char* kEngineProperty = "bitmarketApplication";

// Singletons are resolved per engine, so several apps in one process (tests, the
// benchmark) each see their own objects.
template <typename T>
void registerSingleton(const char* name, T* (ClientApplication::*get)() const) {
    qmlRegisterSingletonType<T>("BitMarket.Client", 1, 0, name,
                                [get](QQmlEngine* engine, QJSEngine*) -> QObject* {
                                    auto* app = qobject_cast<ClientApplication*>(
                                        engine->property(kEngineProperty).value<QObject*>());
                                    if (!app)
                                        return nullptr;
                                    T* object = (app->*get)();
                                    QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
                                    return object;
                                });
}

void registerSingletons() {
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    registerSingleton("Api", &ClientApplication::api);
    registerSingleton("Session", &ClientApplication::session);
    registerSingleton("Realtime", &ClientApplication::realtime);
    registerSingleton("Settings", &ClientApplication::settings);
    registerSingleton("Media", &ClientApplication::media);
    registerSingleton("SystemTheme", &ClientApplication::systemTheme);
    registerSingleton("Notifications", &ClientApplication::notifications);
    registerSingleton("Chats", &ClientApplication::chats);
    registerSingleton("Orders", &ClientApplication::orders);
    registerSingleton("RecentlyViewed", &ClientApplication::recentlyViewed);
    registerSingleton("Links", &ClientApplication::links);
}

} // namespace

ClientApplication::Options ClientApplication::parseArguments(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BitMarket desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        "server", QStringLiteral("Server to use (remembered), e.g. http://127.0.0.1:8080."), "URL");
    const QCommandLineOption configDir(
        "config-dir", QStringLiteral("Folder for settings and the session."), "DIR");
    const QCommandLineOption cacheDir("cache-dir", QStringLiteral("Folder for downloaded media."),
                                      "DIR");
    const QCommandLineOption language("lang", QStringLiteral("UI language for this run: en or ko."),
                                      "CODE");
    parser.addOptions({server, configDir, cacheDir, language});
    parser.addPositionalArgument(QStringLiteral("link"),
                                 QStringLiteral("A listing to open: bitmarket://listing/ID."),
                                 QStringLiteral("[link]"));
    parser.process(arguments);
    Options o;
    if (parser.isSet(server))
        o.server = QUrl::fromUserInput(parser.value(server));
    o.configDir = parser.value(configDir);
    o.cacheDir = parser.value(cacheDir);
    o.language = parser.value(language);
    if (!parser.positionalArguments().isEmpty())
        o.link = parser.positionalArguments().constFirst();
    return o;
}

ClientApplication::ClientApplication(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {
    if (m_options.configDir.isEmpty())
        m_options.configDir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    if (m_options.cacheDir.isEmpty())
        m_options.cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(m_options.configDir);

    m_settings = new ClientSettings(m_options.configDir, this);
    if (m_options.server.isValid() && !m_options.server.isEmpty())
        m_settings->setServerUrl(m_options.server);
    m_api = new ApiClient(this);
    m_api->setServerUrl(m_settings->serverUrl());
    m_session = new Session(m_api, m_options.configDir, this);
    m_realtime = new RealtimeClient(m_api, this);
    m_media = new MediaCache(m_options.cacheDir, this);
    m_recentlyViewed = new RecentlyViewed(m_options.configDir, this);
    m_links = new ListingLinks(this);
    // A link opens its listing in this window, brought to the front.
    connect(m_links, &ListingLinks::listingRequested, this, [this](const QString& listingId) {
        if (QQuickWindow* w = window()) {
            QMetaObject::invokeMethod(w, "openListing", Q_ARG(QVariant, listingId));
            w->showNormal();
            w->raise();
            w->requestActivate();
        }
    });
    m_recentlyViewed->setServer(m_settings->serverUrl());
    m_systemTheme = new SystemTheme(this);
    m_notifications = new NotificationInbox(m_api, m_realtime, m_session, this);
    m_desktopNotifier = new DesktopNotifier(m_notifications, this);
    m_chats = new ChatListModel(m_api, m_realtime, m_session, this);
    m_checkout = new CheckoutLauncher(this);
    m_orders = new OrderBook(m_api, m_realtime, m_session, m_checkout, this);
    // Clicking a desktop notification brings the window back.
    connect(m_desktopNotifier, &DesktopNotifier::activated, this, [this] {
        if (QQuickWindow* w = window()) {
            w->showNormal();
            w->raise();
            w->requestActivate();
        }
    });

    connect(m_settings, &ClientSettings::serverUrlChanged, this, [this] {
        m_api->setServerUrl(m_settings->serverUrl());
        m_recentlyViewed->setServer(m_settings->serverUrl());
        connectToServer();
    });
    connect(m_settings, &ClientSettings::languageChanged, this, [this] {
        m_options.language.clear(); // a choice made in the app beats --lang
        applyLanguage();
    });
    // The socket authenticates when it opens: reopen it as the new user (or as nobody).
    connect(m_session, &Session::stateChanged, m_realtime, [this] {
        if (!m_session->restoring())
            m_realtime->start();
    });
}

ClientApplication::~ClientApplication() {
    m_realtime->stop();
    m_engine.reset();
}

QQuickWindow* ClientApplication::window() const {
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
}

bool ClientApplication::load() {
    // Process-wide, and only allowed before the first engine loads Controls.
    static const bool styled = [] {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        return true;
    }();
    Q_UNUSED(styled)
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->setNetworkAccessManagerFactory(m_media);
    m_engine->addImageProvider(QStringLiteral("icon"), new IconProvider);
    // Qt 6.4 modules built with qt_add_qml_module sit at the root of the resources.
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    m_engine->setProperty(kEngineProperty, QVariant::fromValue(static_cast<QObject*>(this)));
    registerSingletons();
    applyLanguage();
    m_engine->load(QUrl(QStringLiteral("qrc:/BitMarket/Ui/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return false;
    m_desktopNotifier->setWindow(window());
    connectToServer();
    if (!m_options.linkChannel.isEmpty())
        m_links->listen(m_options.linkChannel);
    if (!m_options.link.isEmpty())
        m_links->open(m_options.link);
    return true;
}

void ClientApplication::connectToServer() {
    m_session->restore();
    m_realtime->start();
}

void ClientApplication::applyLanguage() {
    QString language = m_options.language.isEmpty() ? m_settings->language() : m_options.language;
    if (language == QLatin1String("system"))
        language = QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko")
                                                                   : QStringLiteral("en");
    if (m_translatorInstalled) {
        QCoreApplication::removeTranslator(&m_translator);
        m_translatorInstalled = false;
    }
    // The server answers its messages in the UI language too.
    m_api->setLanguage(language);
    QLocale::setDefault(language == QLatin1String("ko")
                            ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    // English needs its file too: it holds the plural forms ("1 minute", "2 minutes").
    if (m_translator.load(QStringLiteral(":/i18n/bitmarket_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(&m_translator);
        m_translatorInstalled = true;
    }
    if (m_engine)
        m_engine->retranslate();
}
