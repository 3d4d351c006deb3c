#include "ClientWindow.h"

#include "app/ClientSettings.h"
#include "session/Session.h"

#include <QDir>
#include <QQuickWindow>
#include <QTest>

namespace bitmarket::test {

std::unique_ptr<ClientWindow> ClientWindow::open(const QUrl& server, const QString& user,
                                                 const QString& password, QPoint at, QSize size,
                                                 const std::function<void(ClientApplication&)>& prepare) {
    auto person = std::make_unique<ClientWindow>();
    ClientApplication::Options options;
    options.server = server;
    options.configDir = person->home.path() + "/config";
    options.cacheDir = person->home.path() + "/cache";
    options.language = "en";
    person->app = std::make_unique<ClientApplication>(options);
    person->app->settings()->setTheme("light");
    if (prepare)
        prepare(*person->app);
    if (!person->app->load())
        return nullptr;
    QQuickWindow* window = person->app->window();
    window->setPosition(at);
    window->resize(size);
    if (!QTest::qWaitForWindowExposed(window))
        return nullptr;
    QString out = qEnvironmentVariable("BITMARKET_TEST_OUTPUT");
    if (out.isEmpty())
        out = QDir::currentPath() + "/gui-test-output";
    person->ui = std::make_unique<GuiDriver>(window, out);
    person->app->session()->signIn(user, password);
    if (!person->ui->waitFor([&] { return person->app->session()->signedIn(); }, 15000))
        return nullptr;
    return person;
}

GuiDriver& ClientWindow::use() {
    app->window()->requestActivate();
    if (!QTest::qWaitForWindowActive(app->window()))
        qWarning("the window did not come to the front");
    return *ui;
}

} // namespace bitmarket::test
