#include "app/ClientApplication.h"

#include <QGuiApplication>
#include <QIcon>

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
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
