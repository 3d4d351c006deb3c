// What a client asks of the hub in one text frame: {"type", "id"?, "data"?}.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

namespace bitmarket::server {

struct ClientRequest {
    enum class Kind { Subscribe, Unsubscribe, Ping, ChatSend, ChatTyping };

    // The largest frame the protocol accepts, in UTF-8 bytes.
    static constexpr int kMaxFrameBytes = 64 * 1024;

    Kind kind = Kind::Ping;
    QJsonValue id = QJsonValue::Undefined; // echoed on the reply; undefined when not sent
    QStringList topics;                    // subscribe and unsubscribe
    QString chatId;                        // chat.send and chat.typing
    QString text;                          // chat.send
    QString clientId;                      // chat.send; empty when not sent

    // Reads one text frame. `id` receives the frame's id as soon as it is readable, so that
    // even a rejected request can be answered with it.
    static Result<ClientRequest> parse(const QByteArray& frame, QJsonValue& id);
};

} // namespace bitmarket::server
