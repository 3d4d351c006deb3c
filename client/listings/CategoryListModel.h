// The category tree flattened for a picker: each parent followed by its
// children, with a depth role for indentation.
#pragma once

#include "api/ApiClient.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

class CategoryListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { CategoryIdRole = Qt::UserRole + 1, NameRole, ParentIdRole, DepthRole };

    explicit CategoryListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void classBegin() override {}
    void componentComplete() override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);

    Q_INVOKABLE void reload();
    Q_INVOKABLE QString nameOf(const QString& categoryId) const;
    Q_INVOKABLE int indexOf(const QString& categoryId) const;
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int depthAt(int row) const;

signals:
    void apiChanged();
    void countChanged();

private:
    struct Entry {
        bitmarket::Category category;
        int depth = 0;
    };

    QPointer<ApiClient> m_api;
    QList<Entry> m_entries;
    bool m_complete = false;
};
