#include "orders/CheckoutLauncher.h"

#include <QDesktopServices>

bool CheckoutLauncher::open(const QUrl& checkoutUrl) {
    if (!checkoutUrl.isValid() || (checkoutUrl.scheme() != u"https" && checkoutUrl.scheme() != u"http"))
        return false;
    m_lastUrl = checkoutUrl;
    if (!m_capturing)
        QDesktopServices::openUrl(checkoutUrl);
    emit opened(checkoutUrl);
    return true;
}
