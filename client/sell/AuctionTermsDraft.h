// The auction part of the sell form: the increment (empty: the tiered table, whose step at
// the typed start price the form shows), an optional reserve and buy-now price, and how long
// it runs, from a list of durations within the shared rules (bitmarket/AuctionRules.h). The
// listing's price is the start price; ListingDraft owns this, checks it with the rest of the
// form and sends it as the listing's `auction`. Editing a running auction that has no bid yet
// starts from its terms, with "keep the current end" as the first duration.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class AuctionTermsDraft : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A ListingDraft has one as its auction terms")
    Q_PROPERTY(QString minIncrement READ minIncrement WRITE setMinIncrement NOTIFY fieldsChanged)
    Q_PROPERTY(QString reservePrice READ reservePrice WRITE setReservePrice NOTIFY fieldsChanged)
    Q_PROPERTY(QString buyNowPrice READ buyNowPrice WRITE setBuyNowPrice NOTIFY fieldsChanged)
    Q_PROPERTY(int durationHours READ durationHours WRITE setDurationHours NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantList durations READ durations NOTIFY languageChanged)
    Q_PROPERTY(QString defaultIncrementText READ defaultIncrementText NOTIFY startPriceChanged)
    Q_PROPERTY(QString incrementTableText READ incrementTableText NOTIFY languageChanged)

public:
    static constexpr int kDefaultDurationHours = 24;
    // The duration that leaves the end where it is (only while editing a running auction).
    static constexpr int kKeepEnd = 0;

    explicit AuctionTermsDraft(QObject* parent = nullptr);

    QString minIncrement() const { return m_minIncrement; }
    void setMinIncrement(const QString& value);
    QString reservePrice() const { return m_reservePrice; }
    void setReservePrice(const QString& value);
    QString buyNowPrice() const { return m_buyNowPrice; }
    void setBuyNowPrice(const QString& value);
    int durationHours() const { return m_durationHours; }
    void setDurationHours(int hours);
    // [{value: hours, text: "1 day"}, ...], shortest first; while editing, first the current end.
    QVariantList durations() const;
    // "₩1,000 at this start price" (the tiered step), or how it works before a price is typed.
    QString defaultIncrementText() const;
    // The whole table on a few lines, for a tooltip.
    QString incrementTableText() const;

    // The start price as the form has it (minor units; -1 while it is not a price).
    void setStartPrice(qint64 amount);
    // Adds the errors of these terms to `errors`, by form field.
    void validate(qint64 startPrice, QVariantMap& errors) const;
    // The listing's `auction` as POST /listings and PUT /listings/{id}/auction take it, ending
    // `durationHours` from `nowMs` (or at the current end).
    QJsonObject toJson(qint64 startPrice, qint64 nowMs) const;
    // The terms of a running auction, to edit them; the end stays unless another is chosen.
    void load(const bitmarket::Auction& auction);
    void reset();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void fieldsChanged();
    // A field the seller is changing: its error, if any, goes.
    void edited(const QString& field);
    void startPriceChanged();
    void languageChanged();

private:
    void update(QString& member, const QString& value, const QString& field);

    QString m_minIncrement;
    QString m_reservePrice;
    QString m_buyNowPrice;
    int m_durationHours = kDefaultDurationHours;
    qint64 m_startPrice = -1;
    qint64 m_currentEndMs = 0; // the end of the auction being edited; 0 for a new one
};
