// Finds a meet-up in chat messages, by rules, offline, in Korean and English: a time ("내일 오후
// 3시", "Saturday 10am", "7:30pm") resolved to a date and time in the time zone of `now`, and a
// place as it was written ("홍대입구역 2번 출구", "도서관 앞", "the library", "in front of
// Gangnam station exit 11"). No model, no network: the same text always gives the same answer.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace bitmarket::server::chat {

struct MeetupMention {
    std::optional<QDateTime> at; // the next such time after `now`
    QString place;               // empty when none is named
};

struct Meetup {
    QDateTime at;
    QString place;
};

struct SpokenLine {
    QString senderId;
    QString text;
};

class MeetupParser {
public:
    // What one message names.
    static MeetupMention read(const QString& text, const QDateTime& now);
    // A time and a place named in one message.
    static std::optional<Meetup> parse(const QString& text, const QDateTime& now);
    // A meet-up to suggest from a chat's latest lines (newest first): both members spoke among
    // them, the latest named time and the latest named place together, one of them in the
    // newest line (so a suggestion follows new words, not every later message), time to come.
    static std::optional<Meetup> suggest(const QList<SpokenLine>& newestFirst,
                                         const QDateTime& now);
};

} // namespace bitmarket::server::chat
