// The chat part of the API (docs/chat.md, docs/openapi.json "Chat") as typed HTTP calls:
// rooms, history, text and photo messages, the read cursor, appointment cards, the seller's
// listing status from a room, and blocks. The only client code that knows their paths; the
// WebSocket side of sending (chat.send) is ChatOutbox's.
#pragma once

#include "api/ApiAnswer.h"
#include "api/ApiClient.h"
#include "api/Page.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ChatsApi {
public:
    explicit ChatsApi(ApiClient* client) : m_client(client) {}

    // The caller's room about the listing with its seller, made on the first call.
    ApiCall* open(const QString& listingId, QObject* context, Answer<bitmarket::ChatRoom> answer);
    // Newest activity first.
    ApiCall* rooms(int limit, const QString& cursor, QObject* context,
                   Answer<Page<bitmarket::ChatRoom>> answer);
    ApiCall* room(const QString& chatId, QObject* context, Answer<bitmarket::ChatRoom> answer);
    // The messages the user has not read, over all their rooms.
    ApiCall* unreadCount(QObject* context, Answer<qint64> answer);
    // Newest first, below `beforeSeq` (0: from the newest).
    ApiCall* messages(const QString& chatId, qint64 beforeSeq, int limit, QObject* context,
                      Answer<Page<bitmarket::ChatMessage>> answer);
    // The same clientId again answers with the message stored the first time.
    ApiCall* sendText(const QString& chatId, const QString& text, const QString& clientId,
                      QObject* context, Answer<bitmarket::ChatMessage> answer);
    ApiCall* sendImage(const QString& chatId, const UploadFile& file, QObject* context,
                       Answer<bitmarket::ChatMessage> answer);
    ApiCall* markRead(const QString& chatId, qint64 upToSeq, QObject* context, Answer<void> answer);
    ApiCall* proposeAppointment(const QString& chatId, qint64 atMs, const QString& place,
                                QObject* context, Answer<bitmarket::ChatMessage> answer);
    // The other member's answer to a proposed card; the card as it stands afterwards.
    ApiCall* answerAppointment(const QString& chatId, const QString& messageId, bool accept,
                               QObject* context, Answer<bitmarket::ChatMessage> answer);
    // The seller's: reserved (for this room's buyer), sold or active again; the room afterwards.
    ApiCall* setListingStatus(const QString& chatId, const QString& status, QObject* context,
                              Answer<bitmarket::ChatRoom> answer);
    ApiCall* block(const QString& userId, QObject* context, Answer<void> answer);
    ApiCall* unblock(const QString& userId, QObject* context, Answer<void> answer);

private:
    QPointer<ApiClient> m_client;
};
