#include "http/NotificationRoutes.h"

#include "bitmarket/JsonFields.h"
#include "bitmarket/NotificationRules.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {

// Read requests name at most a page's worth of notifications.
constexpr int kMaxIdsPerRead = 100;

Result<notifications::InboxQuery> inboxQueryFrom(const httplib::Request& req) {
    notifications::InboxQuery q;
    const QString unread = queryParam(req, "unread");
    if (!unread.isEmpty() && unread != u"true" && unread != u"false")
        return ApiError::validation(QStringLiteral("unread is true or false."), "unread");
    q.unreadOnly = unread == u"true";
    q.cursor = queryParam(req, "cursor");
    BITMARKET_TRY(q.limit, pageLimit(req));
    return q;
}

Result<SavedKeyword> keywordFrom(const QJsonObject& body) {
    SavedKeyword k;
    BITMARKET_TRY(k.keyword, json::requireString(body, "keyword", 1, notification::kKeywordMaxLength));
    std::optional<QString> category;
    BITMARKET_TRY(category, json::optionalString(body, "categoryId", 1, 64));
    k.categoryId = category.value_or(QString());
    if (body.contains("maxPrice") && !body.value("maxPrice").isNull()) {
        Money price;
        BITMARKET_TRY(price, Money::fromJson(body.value("maxPrice"), "maxPrice"));
        k.maxPrice = price;
    }
    return k;
}

QJsonObject keywordsJson(const QList<SavedKeyword>& keywords) {
    QJsonArray items;
    for (const SavedKeyword& k : keywords)
        items.append(k.toJson());
    return QJsonObject{{"items", items}};
}

QJsonObject settingsJson(const QStringList& muted) {
    return QJsonObject{{"muted", QJsonArray::fromStringList(muted)}};
}

} // namespace

void addNotificationRoutes(Router& router, notifications::NotificationService& inbox,
                           notifications::SavedKeywordService& keywords) {
    router.get("/api/v1/notifications", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto query = inboxQueryFrom(req);
                   if (!query)
                       return sendError(req, res, query.error());
                   sendResult(req, res, 200, inbox.inbox(caller.userId, *query, languageOf(req)),
                              [](const notifications::NotificationPage& page) {
                                  QJsonArray items;
                                  for (const Notification& n : page.items)
                                      items.append(n.toJson());
                                  return QJsonObject{
                                      {"items", items},
                                      {"nextCursor", page.nextCursor.isEmpty()
                                                         ? QJsonValue()
                                                         : QJsonValue(page.nextCursor)}};
                              });
               });

    router.get("/api/v1/notifications/unread-count", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, inbox.unreadCount(caller.userId),
                              [](qint64 count) { return QJsonObject{{"count", count}}; });
               });

    router.post("/api/v1/notifications/read", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto all = json::optionalBool(*body, "all");
                    if (!all)
                        return sendError(req, res, all.error());
                    if (all->value_or(false))
                        return sendResult(req, res, inbox.markAllRead(caller.userId));
                    if (!body->value("ids").isArray())
                        return sendError(req, res,
                                         ApiError::validation(
                                             QStringLiteral("Name the ids to read, or all: true."),
                                             "ids"));
                    auto ids = json::stringList(*body, "ids", kMaxIdsPerRead, 64);
                    if (!ids)
                        return sendError(req, res, ids.error());
                    sendResult(req, res, inbox.markRead(caller.userId, *ids));
                });

    router.get("/api/v1/me/notification-settings", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, inbox.mutedTypes(caller.userId), settingsJson);
               });

    router.put("/api/v1/me/notification-settings", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto body = jsonBody(req);
                   if (!body)
                       return sendError(req, res, body.error());
                   if (!body->value("muted").isArray())
                       return sendError(req, res,
                                        ApiError::validation(
                                            QStringLiteral("muted is a list of types."), "muted"));
                   auto muted = json::stringList(*body, "muted", notification::kTypes.size(), 64);
                   if (!muted)
                       return sendError(req, res, muted.error());
                   sendResult(req, res, 200, inbox.setMutedTypes(caller.userId, *muted),
                              settingsJson);
               });

    router.get("/api/v1/me/keywords", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, keywords.list(caller.userId), keywordsJson);
               });

    router.post("/api/v1/me/keywords", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto keyword = keywordFrom(*body);
                    if (!keyword)
                        return sendError(req, res, keyword.error());
                    auto added = keywords.add(caller.userId, *keyword);
                    if (!added)
                        return sendError(req, res, added.error());
                    sendJson(res, added->created ? 201 : 200, added->keyword.toJson());
                });

    router.del("/api/v1/me/keywords/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, keywords.remove(caller.userId, pathParam(req, 1)));
               });
}

} // namespace bitmarket::server
