#include "chat/ChatOutbox.h"

#include "api/ApiClient.h"
#include "bitmarket/Timestamp.h"
#include "realtime/RealtimeClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>
#include <memory>

using bitmarket::ChatMessage;

namespace {
// A chat.send not answered in this long is taken for lost and sent again.
constexpr int kAnswerTimeoutMs = 10000;
// How long a message the server held back for sending too fast waits before it goes again.
constexpr int kRateLimitedWaitMs = 3000;
} // namespace

ChatOutbox::ChatOutbox(ApiClient* api, RealtimeClient* realtime, QObject* parent)
    : QObject(parent), m_api(api), m_realtime(realtime), m_calls(api) {
    connect(m_realtime, &RealtimeClient::replied, this, &ChatOutbox::onReply);
    connect(m_realtime, &RealtimeClient::eventReceived, this, &ChatOutbox::onEvent);
    connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
        // Frames sent on a socket that dropped are never answered.
        if (!m_realtime->online()) {
            for (Pending& p : m_pending)
                p.requestId.clear();
        }
        flush();
    });
    connect(m_api, &ApiClient::reachableChanged, this, &ChatOutbox::flush);
}

QString ChatOutbox::queue(const QString& chatId, const QString& text) {
    Pending pending;
    pending.chatId = chatId;
    pending.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pending.text = text;
    pending.writtenAtMs = bitmarket::nowMs();
    m_pending.append(pending);
    save();
    emit changed(chatId);
    send(m_pending.last());
    return pending.clientId;
}

QList<ChatOutbox::Pending> ChatOutbox::pendingIn(const QString& chatId) const {
    QList<Pending> out;
    for (const Pending& p : m_pending) {
        if (p.chatId == chatId)
            out.append(p);
    }
    return out;
}

void ChatOutbox::retry(const QString& clientId) {
    if (Pending* p = find(clientId); p && !p->error.isEmpty()) {
        p->error.clear();
        save();
        emit changed(p->chatId);
        send(*p);
    }
}

void ChatOutbox::discard(const QString& clientId) {
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].clientId == clientId) {
            const QString chatId = m_pending[i].chatId;
            m_pending.removeAt(i);
            save();
            emit changed(chatId);
            return;
        }
    }
}

void ChatOutbox::clear() {
    m_file.clear();
    const QList<Pending> was = std::exchange(m_pending, {});
    for (const Pending& p : was)
        emit changed(p.chatId);
}

void ChatOutbox::keepIn(const QString& filePath) {
    clear();
    m_file = filePath;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    for (const QJsonValue& v : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject o = v.toObject();
        Pending p;
        p.chatId = o.value("chatId").toString();
        p.clientId = o.value("clientId").toString();
        p.text = o.value("text").toString();
        p.writtenAtMs = o.value("writtenAt").toInteger();
        p.error = o.value("error").toString();
        if (!p.chatId.isEmpty() && !p.clientId.isEmpty() && !p.text.isEmpty())
            m_pending.append(p);
    }
    for (const Pending& p : std::as_const(m_pending))
        emit changed(p.chatId);
    flush();
}

void ChatOutbox::save() const {
    if (m_file.isEmpty())
        return;
    if (m_pending.isEmpty()) {
        QFile::remove(m_file);
        return;
    }
    QJsonArray entries;
    for (const Pending& p : m_pending)
        entries.append(QJsonObject{{"chatId", p.chatId},
                                   {"clientId", p.clientId},
                                   {"text", p.text},
                                   {"writtenAt", p.writtenAtMs},
                                   {"error", p.error}});
    QDir().mkpath(QFileInfo(m_file).path());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly))
        return;
    // What the user wrote is theirs alone to read.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(entries).toJson(QJsonDocument::Compact));
    file.commit();
}

void ChatOutbox::flush() {
    for (Pending& p : m_pending)
        send(p);
}

void ChatOutbox::send(Pending& p) {
    if (!p.error.isEmpty() || !p.requestId.isEmpty() || p.overHttp)
        return;
    if (m_realtime->online()) {
        p.requestId = m_realtime->request(
            QStringLiteral("chat.send"),
            QJsonObject{{"chatId", p.chatId}, {"text", p.text}, {"clientId", p.clientId}});
        if (!p.requestId.isEmpty()) {
            QTimer::singleShot(kAnswerTimeoutMs, this, [this, clientId = p.clientId, id = p.requestId] {
                if (Pending* still = find(clientId); still && still->requestId == id)
                    unanswered(clientId);
            });
            return;
        }
    }
    if (!m_api->reachable())
        return; // ApiClient tells when the server answers again
    p.overHttp = true;
    auto call = std::make_shared<QPointer<ApiCall>>();
    *call = m_calls.sendText(p.chatId, p.text, p.clientId, this,
                             [this, call, clientId = p.clientId](bitmarket::Result<ChatMessage> message) {
                                 if (Pending* still = find(clientId))
                                     still->overHttp = false;
                                 if (message)
                                     stored(*message);
                                 else if (*call && (*call)->wasUnreachable())
                                     unanswered(clientId);
                                 else
                                     refused(clientId, message.error().codeName(),
                                             message.error().message);
                             });
}

void ChatOutbox::onReply(const QString& requestId, const QString& type, const QJsonObject& data) {
    for (Pending& p : m_pending) {
        if (p.requestId != requestId)
            continue;
        p.requestId.clear();
        if (type == u"chat.sent")
            stored(ChatMessage::fromJson(data.value("message").toObject()));
        else
            refused(p.clientId, data.value("code").toString(), data.value("message").toString());
        return;
    }
}

void ChatOutbox::onEvent(const QString& type, const QString&, const QJsonObject& data) {
    // The message may come back live before its own answer does (another device, an answer
    // lost with the socket that carried it).
    if (type == u"chat.message") {
        const ChatMessage message = ChatMessage::fromJson(data.value("message").toObject());
        if (!message.clientId.isEmpty() && find(message.clientId))
            stored(message);
    }
}

void ChatOutbox::stored(const ChatMessage& message) {
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].clientId == message.clientId && m_pending[i].chatId == message.chatId) {
            m_pending.removeAt(i);
            save();
            emit sent(message);
            emit changed(message.chatId);
            return;
        }
    }
}

void ChatOutbox::unanswered(const QString& clientId) {
    if (Pending* p = find(clientId)) {
        p->requestId.clear();
        p->overHttp = false;
        if (m_realtime->online())
            send(*p);
    }
}

void ChatOutbox::refused(const QString& clientId, const QString& code, const QString& message) {
    Pending* p = find(clientId);
    if (!p)
        return;
    if (code == u"rate_limited") {
        QTimer::singleShot(kRateLimitedWaitMs, this, [this, clientId] {
            if (Pending* again = find(clientId))
                send(*again);
        });
        return;
    }
    p->error = message;
    save();
    emit changed(p->chatId);
}

ChatOutbox::Pending* ChatOutbox::find(const QString& clientId) {
    for (Pending& p : m_pending) {
        if (p.clientId == clientId)
            return &p;
    }
    return nullptr;
}
