#include "CheckoutPage.h"

namespace sandbox {

namespace {
QString page(const QString& title, const QString& body) {
    return QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>%1</title><style>body{font-family:sans-serif;max-width:28em;"
                          "margin:3em auto;padding:0 1em}input,button{font-size:1.1em;"
                          "padding:.4em;width:100%;box-sizing:border-box;margin:.3em 0}"
                          "</style></head><body><h1>%1</h1>%2</body></html>")
        .arg(title.toHtmlEscaped(), body);
}
} // namespace

QString checkoutForm(const Payment& p) {
    const QString body =
        QStringLiteral("<p>Order <b>%1</b>%2</p><p>Amount: <b>%3 %4</b></p>"
                       "<form method=\"post\" action=\"/checkout/%5\">"
                       "<label>Card number<input name=\"card\" inputmode=\"numeric\" "
                       "autocomplete=\"cc-number\" required></label>"
                       "<button type=\"submit\">Pay</button></form>"
                       "<p><small>Sandbox test cards: %6 approves, %7 is declined, %8 times "
                       "out.</small></p>")
            .arg(p.orderId.toHtmlEscaped(),
                 p.orderName.isEmpty() ? QString() : QStringLiteral(" — ") + p.orderName.toHtmlEscaped())
            .arg(p.amount)
            .arg(p.currency.toHtmlEscaped(), p.id.toHtmlEscaped(), QLatin1String(card::kApproves),
                 QLatin1String(card::kDeclines), QLatin1String(card::kTimesOut));
    return page(QStringLiteral("BitMarket payment sandbox"), body);
}

QString checkoutMessage(const QString& title, const QString& text) {
    return page(title, QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
}

} // namespace sandbox
