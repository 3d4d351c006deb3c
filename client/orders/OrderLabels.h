// The words an order shows, in the UI language: its status, each step of its timeline, how it
// is paid, when something happened, and what a ledger entry means to its owner. The one place
// they are translated.
#pragma once

#include <QCoreApplication>
#include <QString>

class OrderLabels {
    Q_DECLARE_TR_FUNCTIONS(OrderLabels)

public:
    // "Waiting for payment", "Shipped", ... (the status pill).
    static QString statusText(const QString& status);
    // One step of the timeline: what happened when the order reached `status`.
    static QString stepText(const QString& status, const QString& method);
    // "Meet in person", "Safe payment".
    static QString methodText(const QString& method);
    // "Today, 3:05 PM", "Monday, November 30, 2026, 3:05 PM".
    static QString momentText(qint64 atMs, qint64 nowMs);
    // What a ledger entry of `kind` on the user's `account` was, in the product's words.
    static QString ledgerText(const QString& kind, const QString& account);
};
