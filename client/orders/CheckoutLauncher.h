// Opens a payment's checkout page in the system browser, where the buyer gives their card to
// the provider (never to the app). Tests switch it to capturing: the page is not opened, its
// address is kept and announced so the test can play the buyer's part over HTTP. The address
// comes from the server, so only a web page (http or https) is ever opened.
#pragma once

#include <QObject>
#include <QUrl>

class CheckoutLauncher : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // False, and nothing opened, for an address that is not a web page.
    bool open(const QUrl& checkoutUrl);

    void setCapturing(bool capturing) { m_capturing = capturing; }
    QUrl lastUrl() const { return m_lastUrl; }

signals:
    void opened(const QUrl& checkoutUrl);

private:
    bool m_capturing = false;
    QUrl m_lastUrl;
};
