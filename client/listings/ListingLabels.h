// The words the UI shows for a listing's condition, status and sale type, in
// the UI language: the one place they are translated. Models use the static
// functions for their roles and properties; QML gets the choices for the sell
// form and the filters as lists of {value, text}, in the shared order.
#pragma once

#include "bitmarket/ListingRules.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class ListingLabels : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QVariantList conditions READ conditions NOTIFY languageChanged)
    Q_PROPERTY(QVariantList saleTypes READ saleTypes NOTIFY languageChanged)
    // What a seller may set a fixed-price listing to (active, reserved, sold, ended).
    Q_PROPERTY(QVariantList sellerStatuses READ sellerStatuses NOTIFY languageChanged)

public:
    explicit ListingLabels(QObject* parent = nullptr);

    static QString text(bitmarket::listing::Condition condition);
    static QString text(bitmarket::listing::Status status);
    static QString text(bitmarket::listing::SaleType saleType);
    // From wire names; an unknown name is shown as it is.
    static QString conditionText(const QString& name);
    static QString statusText(const QString& name);

    QVariantList conditions() const;
    QVariantList saleTypes() const;
    QVariantList sellerStatuses() const;

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void languageChanged();
};
