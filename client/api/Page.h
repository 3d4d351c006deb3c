// One page of any list the API returns: {"items": [...], "nextCursor": "..."}.
// The only place that reads that shape, and that asks for one (?limit=&cursor=).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

template <typename T> struct Page {
    QList<T> items;
    QString nextCursor; // empty on the last page

    static Page fromJson(const QJsonObject& body) {
        Page page;
        for (const QJsonValue& v : body.value("items").toArray())
            page.items.append(T::fromJson(v.toObject()));
        page.nextCursor = body.value("nextCursor").toString();
        return page;
    }
};

inline QUrlQuery pageQuery(int limit, const QString& cursor) {
    QUrlQuery q;
    q.addQueryItem("limit", QString::number(limit));
    if (!cursor.isEmpty())
        q.addQueryItem("cursor", cursor);
    return q;
}
