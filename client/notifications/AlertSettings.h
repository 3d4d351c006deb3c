// What the user wants to be told: the notification types they muted and their saved keywords
// (the rows), for the settings page and "Alert me when this is listed" on a search.
#pragma once

#include "api/ApiClient.h"
#include "api/NotificationsApi.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>


class AlertSettings : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QStringList types READ types CONSTANT)
    Q_PROPERTY(QStringList mutedTypes READ mutedTypes NOTIFY mutedTypesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int maxKeywords READ maxKeywords CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role { KeywordIdRole = Qt::UserRole + 1, KeywordRole, DetailRole };

    explicit AlertSettings(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    QStringList types() const;
    QStringList mutedTypes() const { return m_muted; }
    int maxKeywords() const;
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void setMuted(const QString& type, bool muted);
    // `categoryId` may be empty (any category).
    Q_INVOKABLE void addKeyword(const QString& keyword, const QString& categoryId);
    Q_INVOKABLE void removeKeyword(int row);
    // The label of a type in the UI language ("Price drops on favorites").
    Q_INVOKABLE QString typeLabel(const QString& type) const;

signals:
    void apiChanged();
    void mutedTypesChanged();
    void countChanged();
    void errorMessageChanged();
    void keywordSaved(const QString& keyword);

private:
    void setErrorMessage(const QString& message);

    QPointer<ApiClient> m_api;
    QList<bitmarket::SavedKeyword> m_keywords;
    QStringList m_muted;
    QString m_errorMessage;
};
