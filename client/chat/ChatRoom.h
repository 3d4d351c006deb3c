// One open chat as its page shows it. The rows are its messages newest first (a view lays them
// out from the bottom): what still waits in the outbox on top, pending, then what the server
// stored. Each row knows where it stands among its neighbours: the day it starts, whether it
// starts or ends a run of one sender's messages, and whether it carries the read receipt (the
// newest of the user's messages the other member has read). Older history is read a page at a
// time as the user scrolls up. Live, on user:{id}: new messages, the other member's read
// cursor, their typing (shown for a few seconds), the meet-up suggestion, and the listing's
// status from the system messages. The header is the room's listing with its status; the
// seller reserves or sells it from here. While `active` (on screen) what arrives is read.
#pragma once

#include "api/ChatsApi.h"
#include "bitmarket/ApiTypes.h"
#include "chat/ChatListModel.h"
#include "listings/PhotoListModel.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <optional>

class ChatRoom : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ChatListModel* chats READ chats WRITE setChats NOTIFY chatsChanged)
    Q_PROPERTY(QString chatId READ chatId WRITE setChatId NOTIFY chatIdChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY roomChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasOlder READ hasOlder NOTIFY countChanged)
    Q_PROPERTY(QString counterpartName READ counterpartName NOTIFY roomChanged)
    Q_PROPERTY(QString listingId READ listingId NOTIFY roomChanged)
    Q_PROPERTY(QString listingTitle READ listingTitle NOTIFY roomChanged)
    Q_PROPERTY(QString listingPriceText READ listingPriceText NOTIFY roomChanged)
    Q_PROPERTY(QString listingStatus READ listingStatus NOTIFY roomChanged)
    Q_PROPERTY(QString listingStatusText READ listingStatusText NOTIFY roomChanged)
    Q_PROPERTY(QUrl listingThumbUrl READ listingThumbUrl NOTIFY roomChanged)
    Q_PROPERTY(bool isSeller READ isSeller NOTIFY roomChanged)
    Q_PROPERTY(bool blockedYou READ blockedYou NOTIFY roomChanged)
    Q_PROPERTY(bool blockedByYou READ blockedByYou NOTIFY roomChanged)
    Q_PROPERTY(bool canWrite READ canWrite NOTIFY roomChanged)
    Q_PROPERTY(bool otherTyping READ otherTyping NOTIFY otherTypingChanged)
    Q_PROPERTY(bool hasSuggestion READ hasSuggestion NOTIFY suggestionChanged)
    Q_PROPERTY(QString suggestionText READ suggestionText NOTIFY suggestionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool uploading READ uploading NOTIFY busyChanged)
    Q_PROPERTY(PhotoListModel* photos READ photos CONSTANT)

public:
    static constexpr int kPageSize = 30;
    // How long "typing…" shows after the other member's last chat.typing.
    static constexpr int kTypingShownMs = 4000;
    // chat.typing is passed on at most this often (docs/chat.md "Typing").
    static constexpr int kTypingIntervalMs = 2000;

    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SeqRole,
        KindRole,
        TextRole,
        MineRole,
        PendingRole,
        FailedRole,
        ErrorTextRole,
        ClientIdRole,
        TimeTextRole,
        DayTextRole,
        ShowDayRole,
        FirstInGroupRole,
        LastInGroupRole,
        ImageUrlRole,
        ImageThumbUrlRole,
        ImageWidthRole,
        ImageHeightRole,
        AppointmentTimeRole,
        AppointmentPlaceRole,
        AppointmentStatusRole,
        CanAnswerRole,
        SystemTextRole,
        ReadReceiptRole,
    };

    explicit ChatRoom(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ChatListModel* chats() const { return m_chats; }
    void setChats(ChatListModel* chats);
    QString chatId() const { return m_chatId; }
    void setChatId(const QString& chatId);
    bool active() const { return m_active; }
    void setActive(bool active);

    bool loaded() const { return m_room.has_value(); }
    bool loading() const { return m_loading; }
    QString errorMessage() const { return m_errorMessage; }
    bool hasOlder() const;
    QString counterpartName() const { return m_room ? m_room->counterpartName : QString(); }
    QString listingId() const { return m_room ? m_room->listing.id : QString(); }
    QString listingTitle() const { return m_room ? m_room->listing.title : QString(); }
    QString listingPriceText() const;
    QString listingStatus() const { return m_room ? m_room->listing.status : QString(); }
    QString listingStatusText() const;
    QUrl listingThumbUrl() const;
    bool isSeller() const;
    bool blockedYou() const { return m_room && m_room->blockedYou; }
    bool blockedByYou() const { return m_room && m_room->blockedByYou; }
    bool canWrite() const { return m_room && !m_room->blockedYou && !m_room->blockedByYou; }
    bool otherTyping() const { return m_typingShown.isActive(); }
    bool hasSuggestion() const { return m_suggestion.has_value(); }
    QString suggestionText() const;
    bool busy() const { return m_busy; }
    bool uploading() const { return m_uploading; }
    PhotoListModel* photos() { return &m_photos; }

    // Queues the text (trimmed; false when nothing is left); it sends itself when it can.
    Q_INVOKABLE bool send(const QString& text);
    // The composer's text changed: the other member sees "typing…" (at most every 2 s).
    Q_INVOKABLE void typed();
    Q_INVOKABLE void loadOlder();
    // A photo from disk (a file: URL).
    Q_INVOKABLE void sendPhoto(const QUrl& file);
    // The seller's: reserved (for this buyer), sold or active.
    Q_INVOKABLE void setListingStatus(const QString& status);
    Q_INVOKABLE void answerAppointment(const QString& messageId, bool accept);
    // Sends the suggested meet-up as a card.
    Q_INVOKABLE void sendSuggestion();
    Q_INVOKABLE void dismissSuggestion();
    // A card for `dayOffset` days from today at "HH:mm"; false, with a notice, when it cannot be.
    Q_INVOKABLE bool proposeAppointment(int dayOffset, const QString& timeText, const QString& place);
    Q_INVOKABLE void block();
    Q_INVOKABLE void unblock();
    Q_INVOKABLE void retry(const QString& clientId);
    Q_INVOKABLE void discard(const QString& clientId);
    // The photo's place in `photos`, for the full-size viewer.
    Q_INVOKABLE int photoIndex(const QString& messageId) const;

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void chatsChanged();
    void chatIdChanged();
    void activeChanged();
    void roomChanged();
    void loadingChanged();
    void countChanged();
    void otherTypingChanged();
    void suggestionChanged();
    void busyChanged();
    // A short message for the window's toast.
    void notice(const QString& message, bool isError);

private:
    struct Row {
        bitmarket::ChatMessage message;
        bool pending = false;
        QString error;
    };
    struct Suggestion {
        qint64 atMs = 0;
        QString place;
    };

    void load();
    void loadNewest();
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);
    // Puts stored messages where their seq belongs (newest first), replacing ones it has.
    void merge(const QList<bitmarket::ChatMessage>& messages);
    void showPending();
    void applyAnswer(const bitmarket::ChatMessage& system);
    void applyRoom(const bitmarket::ChatRoom& room);
    void readIfActive();
    void rowsChanged();
    void updatePhotos();
    int pendingCount() const;
    qint64 oldestSeq() const;
    qint64 receiptSeq() const;
    QString userId() const;
    void setBusy(bool busy);
    void setUploading(bool uploading);
    // Ends a call the header or a card made: its error, if any, as a notice.
    void finished(const bitmarket::ApiError* error);

    QPointer<ChatListModel> m_chats;
    std::optional<ChatsApi> m_calls;
    QString m_chatId;
    bool m_active = false;
    std::optional<bitmarket::ChatRoom> m_room;
    QList<Row> m_rows;
    bool m_reachedStart = false;
    bool m_loading = false;
    bool m_loadingOlder = false;
    QString m_errorMessage;
    qint64 m_lastTypingSentMs = 0;
    QTimer m_typingShown;
    std::optional<Suggestion> m_suggestion;
    bool m_busy = false;
    bool m_uploading = false;
    int m_generation = 0;
    PhotoListModel m_photos;
};
