#include "orders/CheckoutLauncher.h"

#include <QDesktopServices>

void CheckoutLauncher::open(const QUrl& checkoutUrl) {
    m_lastUrl = checkoutUrl;
    if (!m_capturing)
        QDesktopServices::openUrl(checkoutUrl);
    emit opened(checkoutUrl);
}
