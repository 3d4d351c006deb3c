// One person's desktop app for the GUI tests that run two side by side (chat, orders): the real
// ClientApplication against a test server, in English and the light theme, with a home folder
// of its own, its window placed and sized, signed in, and a GuiDriver on its window.
#pragma once

#include "GuiDriver.h"
#include "app/ClientApplication.h"

#include <QPoint>
#include <QSize>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace bitmarket::test {

struct ClientWindow {
    QTemporaryDir home;
    std::unique_ptr<ClientApplication> app;
    std::unique_ptr<GuiDriver> ui;

    // Null when the app does not load, show or sign in. `prepare` runs on the app before it
    // loads its window.
    static std::unique_ptr<ClientWindow> open(const QUrl& server, const QString& user,
                                              const QString& password, QPoint at, QSize size,
                                              const std::function<void(ClientApplication&)>& prepare = {});
    // Brings the window to the front (keys go to it) and returns its driver.
    GuiDriver& use();
};

} // namespace bitmarket::test
