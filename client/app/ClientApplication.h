// The app put together around one QML engine: settings, API and live
// clients, the session, caches and translations. main() and the GUI tests
// build the same thing, so the tests drive the real client.
#pragma once

#include <QObject>
#include <QTranslator>
#include <QUrl>
#include <memory>

class ApiClient;
class ChatListModel;
class CheckoutLauncher;
class ClientSettings;
class DesktopNotifier;
class ListingLinks;
class NotificationInbox;
class OrderBook;
class RecentlyViewed;
class MediaCache;
class QQmlApplicationEngine;
class QQuickWindow;
class RealtimeClient;
class Session;
class SystemTheme;

class ClientApplication : public QObject {
    Q_OBJECT

public:
    struct Options {
        QUrl server;       // --server: used and remembered
        QString configDir; // empty: the user's config folder
        QString cacheDir;  // empty: the user's cache folder
        QString language;  // --lang: overrides the remembered choice for this run
        QString link;        // a bitmarket://listing/ID to open (from the desktop)
        QString linkChannel; // where links from later launches arrive; empty: nowhere
    };

    static Options parseArguments(const QStringList& arguments);

    explicit ClientApplication(Options options, QObject* parent = nullptr);
    ~ClientApplication() override;

    // Loads the UI; false if the QML could not be loaded.
    bool load();

    QQmlApplicationEngine* engine() const { return m_engine.get(); }
    QQuickWindow* window() const;
    ApiClient* api() const { return m_api; }
    Session* session() const { return m_session; }
    RealtimeClient* realtime() const { return m_realtime; }
    ClientSettings* settings() const { return m_settings; }
    MediaCache* media() const { return m_media; }
    SystemTheme* systemTheme() const { return m_systemTheme; }
    NotificationInbox* notifications() const { return m_notifications; }
    ChatListModel* chats() const { return m_chats; }
    OrderBook* orders() const { return m_orders; }
    // Where checkouts open; tests capture them instead of starting a browser.
    CheckoutLauncher* checkout() const { return m_checkout; }
    RecentlyViewed* recentlyViewed() const { return m_recentlyViewed; }
    ListingLinks* links() const { return m_links; }

private:
    void applyLanguage();
    void connectToServer();

    Options m_options;
    ClientSettings* m_settings = nullptr;
    ApiClient* m_api = nullptr;
    Session* m_session = nullptr;
    RealtimeClient* m_realtime = nullptr;
    MediaCache* m_media = nullptr;
    SystemTheme* m_systemTheme = nullptr;
    NotificationInbox* m_notifications = nullptr;
    ChatListModel* m_chats = nullptr;
    CheckoutLauncher* m_checkout = nullptr;
    OrderBook* m_orders = nullptr;
    RecentlyViewed* m_recentlyViewed = nullptr;
    ListingLinks* m_links = nullptr;
    DesktopNotifier* m_desktopNotifier = nullptr;
    QTranslator m_translator;
    bool m_translatorInstalled = false;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};
