#include "app/ClientApplication.h"

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

    ClientApplication client(ClientApplication::parseArguments(QCoreApplication::arguments()));
    if (!client.load())
        return 1;
    return QGuiApplication::exec();
}
