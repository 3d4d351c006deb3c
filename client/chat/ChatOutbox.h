// Messages the user wrote that the server has not stored yet. Each gets its client id when it
// is written and keeps it through every attempt, so however often it is sent (a socket that
// dropped before the answer, a retry over HTTP) the server stores it once. A message goes over
// the live socket (chat.send) when it is open, over HTTP when only that works, and waits while
// neither does: when the connection comes back it sends itself. The rooms show what waits
// here as pending; a message the server refuses (blocked, too long) stays with the reason
// until the user tries it again or drops it. What waits is kept in a file of the user's, so a
// message written offline is still sent after the app was quit and started again.
#pragma once

#include "api/ChatsApi.h"
#include "bitmarket/ApiTypes.h"

#include <QList>
#include <QObject>

class RealtimeClient;

class ChatOutbox : public QObject {
    Q_OBJECT

public:
    struct Pending {
        QString chatId;
        QString clientId;
        QString text;
        qint64 writtenAtMs = 0;
        QString requestId;       // the chat.send frame waiting for its answer
        bool overHttp = false;   // an HTTP send waiting for its answer
        QString error;           // the server refused it: why
    };

    ChatOutbox(ApiClient* api, RealtimeClient* realtime, QObject* parent = nullptr);

    // Queues a text (already trimmed, not empty) and sends it when it can; its client id.
    QString queue(const QString& chatId, const QString& text);
    // Oldest first.
    QList<Pending> pendingIn(const QString& chatId) const;
    // A refused message sent again (same client id), or dropped.
    void retry(const QString& clientId);
    void discard(const QString& clientId);
    // The signed-in user's file: what waited there when the app last ran is queued again (same
    // client ids) and sent when it can; every change is written back.
    void keepIn(const QString& filePath);
    // Signed out: nothing of the last user's is sent (it stays in their file).
    void clear();

signals:
    // What waits in this room changed.
    void changed(const QString& chatId);
    // The server stored a queued message.
    void sent(const bitmarket::ChatMessage& message);

private:
    void flush();
    void send(Pending& pending);
    void onReply(const QString& requestId, const QString& type, const QJsonObject& data);
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);
    // The server has the message: it leaves the outbox.
    void stored(const bitmarket::ChatMessage& message);
    // Not answered: it is sent again when the connection allows.
    void unanswered(const QString& clientId);
    void refused(const QString& clientId, const QString& code, const QString& message);
    Pending* find(const QString& clientId);
    void save() const;

    ApiClient* m_api;
    RealtimeClient* m_realtime;
    ChatsApi m_calls;
    QList<Pending> m_pending;
    QString m_file; // empty: nobody signed in
};
