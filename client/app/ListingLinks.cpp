#include "app/ListingLinks.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QUrl>

namespace {
constexpr int kConnectMs = 500;
constexpr qint64 kMaxLinkBytes = 512;
} // namespace

ListingLinks::ListingLinks(QObject* parent) : QObject(parent) {
    connect(&m_server, &QLocalServer::newConnection, this, &ListingLinks::receive);
}

QString ListingLinks::linkTo(const QString& listingId) {
    return QStringLiteral("bitmarket://listing/") + listingId;
}

QString ListingLinks::listingIdIn(const QString& link) {
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    const QUrl url(link.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("bitmarket") ||
        url.host() != QLatin1String("listing"))
        return {};
    const QString path = url.path();
    const QString candidate = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    return id.match(candidate).hasMatch() ? candidate : QString();
}

QString ListingLinks::defaultChannel() {
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return QStringLiteral("bitmarket-links-") + user;
}

bool ListingLinks::passToRunningApp(const QString& channel, const QString& link) {
    QLocalSocket socket;
    socket.connectToServer(channel);
    if (!socket.waitForConnected(kConnectMs))
        return false;
    socket.write(link.toUtf8() + '\n');
    socket.waitForBytesWritten(kConnectMs);
    socket.disconnectFromServer();
    return true;
}

bool ListingLinks::listen(const QString& channel) {
    // A socket file nobody answers on is what a crashed app left behind.
    QLocalSocket probe;
    probe.connectToServer(channel);
    if (probe.waitForConnected(kConnectMs))
        return false;
    QLocalServer::removeServer(channel);
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    return m_server.listen(channel);
}

void ListingLinks::copy(const QString& listingId) const {
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(linkTo(listingId));
}

void ListingLinks::open(const QString& link) {
    const QString id = listingIdIn(link);
    if (!id.isEmpty())
        emit listingRequested(id);
}

void ListingLinks::receive() {
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxLinkBytes) {
                socket->abort();
                return;
            }
            while (socket->canReadLine())
                open(QString::fromUtf8(socket->readLine()).trimmed());
        });
    }
}
