// Links to listings, bitmarket://listing/ID: one is copied for a listing to
// send to someone, and the ones the desktop hands to the app (the desktop entry
// registers the scheme) open their listing. A link given to a second launch is
// passed to the window already open, over a local socket, instead of opening
// a second window.
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

class ListingLinks : public QObject {
    Q_OBJECT

public:
    explicit ListingLinks(QObject* parent = nullptr);

    static QString linkTo(const QString& listingId);
    // The listing a link names, or empty when it is not a link to a listing.
    static QString listingIdIn(const QString& link);
    // The local socket this user's running app listens on.
    static QString defaultChannel();
    // Hands `link` to an app listening on `channel`; false when none is running.
    static bool passToRunningApp(const QString& channel, const QString& link);

    // Listens for links passed on by later launches; false if another app already does.
    bool listen(const QString& channel);

    Q_INVOKABLE QString linkFor(const QString& listingId) const { return linkTo(listingId); }
    // Puts the listing's link on the clipboard.
    Q_INVOKABLE void copy(const QString& listingId) const;
    // A link from outside: asks for its listing, if it names one.
    void open(const QString& link);

signals:
    void listingRequested(const QString& listingId);

private:
    void receive();

    QLocalServer m_server;
};
