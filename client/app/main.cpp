#include "app/ClientApplication.h"
#include "app/ListingLinks.h"

// A QApplication rather than a QGuiApplication: the system tray that shows desktop
// notifications is a Widgets class.
#include <QApplication>
#include <QIcon>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("BitMarket"));
    QGuiApplication::setApplicationName(QStringLiteral("bitmarket"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("BitMarket"));
    QGuiApplication::setApplicationVersion(QStringLiteral(BITMARKET_VERSION));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    ClientApplication::Options options = ClientApplication::parseArguments(QCoreApplication::arguments());
    options.linkChannel = ListingLinks::defaultChannel();
    // A link clicked while the app is open goes to that window.
    if (!options.link.isEmpty() && ListingLinks::passToRunningApp(options.linkChannel, options.link))
        return 0;
    ClientApplication client(std::move(options));
    if (!client.load())
        return 1;
    return QGuiApplication::exec();
}
