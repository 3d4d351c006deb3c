#include "chat/MeetupParser.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QSet>
#include <QStringList>

namespace bitmarket::server::chat {

namespace {

using Match = QRegularExpressionMatch;
constexpr auto kCaseless = QRegularExpression::CaseInsensitiveOption;

// A day as a message names it.
struct Day {
    enum class Kind { None, Offset, Weekday, Date } kind = Kind::None;
    int offset = 0;   // Offset: days from today
    int weekday = 0;  // Weekday: 1 Monday .. 7 Sunday
    bool nextWeek = false; // Weekday: of the calendar week after this one ("다음 주")
    bool thisWeek = false; // Weekday: of this calendar week ("이번 주")
    bool notToday = false; // Weekday: the next one after today ("next Saturday")
    int month = 0;    // Date
    int dayOfMonth = 0;
};

struct Clock {
    int hour = -1; // -1: no time named
    int minute = 0;
};

struct Span {
    qsizetype start = 0;
    qsizetype end = 0;
};

// Morning words keep the hour, afternoon and evening words move it past noon; a bare hour of
// 1 to 7 is taken for the afternoon, as people mean when they arrange a meet-up.
int hourOf(int hour, const QString& marker, bool zeroPadded) {
    static const QSet<QString> afternoon = {QStringLiteral("오후"), QStringLiteral("저녁"),
                                            QStringLiteral("밤"), QStringLiteral("pm"),
                                            QStringLiteral("tonight")};
    static const QSet<QString> morning = {QStringLiteral("오전"), QStringLiteral("아침"),
                                          QStringLiteral("새벽"), QStringLiteral("am")};
    const QString m = marker.toLower().remove(u'.');
    if (afternoon.contains(m))
        return hour < 12 ? hour + 12 : hour;
    if (morning.contains(m))
        return hour == 12 ? 0 : hour;
    if (m == u"낮")
        return hour <= 6 ? hour + 12 : hour;
    if (!zeroPadded && hour >= 1 && hour <= 7)
        return hour + 12;
    return hour;
}

int weekdayOf(const QString& name) {
    static const QStringList korean = {QStringLiteral("월"), QStringLiteral("화"), QStringLiteral("수"),
                                       QStringLiteral("목"), QStringLiteral("금"), QStringLiteral("토"),
                                       QStringLiteral("일")};
    static const QStringList english = {QStringLiteral("monday"),   QStringLiteral("tuesday"),
                                        QStringLiteral("wednesday"), QStringLiteral("thursday"),
                                        QStringLiteral("friday"),   QStringLiteral("saturday"),
                                        QStringLiteral("sunday")};
    const qsizetype k = korean.indexOf(name);
    if (k >= 0)
        return static_cast<int>(k) + 1;
    return static_cast<int>(english.indexOf(name.toLower())) + 1;
}

// The first day the text names, and where every day word stands.
Day dayIn(const QString& text, QList<Span>& spans) {
    static const QRegularExpression koRelative(QStringLiteral("(오늘|내일|낼|모레)"));
    static const QRegularExpression koWeekday(
        QStringLiteral("(?:(이번\\s*주|다음\\s*주|담주)\\s*)?([월화수목금토일])(?:요일|욜)"));
    static const QRegularExpression koDate(QStringLiteral("(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일"));
    static const QRegularExpression enRelative(
        QStringLiteral("\\b(the day after tomorrow|today|tonight|tomorrow|tmrw)\\b"), kCaseless);
    static const QRegularExpression enWeekday(
        QStringLiteral("\\b(?:(this|next|on)\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"),
        kCaseless);

    Day first;
    qsizetype firstAt = -1;
    const auto take = [&](const Match& m, const Day& day) {
        spans.append({m.capturedStart(), m.capturedEnd()});
        if (firstAt < 0 || m.capturedStart() < firstAt) {
            firstAt = m.capturedStart();
            first = day;
        }
    };
    for (auto it = koRelative.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        const QString w = m.captured(1);
        take(m, Day{Day::Kind::Offset, w == u"오늘" ? 0 : w == u"모레" ? 2 : 1});
    }
    for (auto it = enRelative.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        const QString w = m.captured(1).toLower();
        take(m, Day{Day::Kind::Offset, w.startsWith(u"the") ? 2 : w.startsWith(u"to") && w != u"tomorrow" ? 0 : 1});
    }
    for (auto it = koWeekday.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        Day d{Day::Kind::Weekday};
        d.weekday = weekdayOf(m.captured(2));
        const QString week = m.captured(1);
        d.nextWeek = week.startsWith(u"다") || week == u"담주";
        d.thisWeek = week.startsWith(u"이");
        take(m, d);
    }
    for (auto it = enWeekday.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        Day d{Day::Kind::Weekday};
        d.weekday = weekdayOf(m.captured(2));
        d.notToday = m.captured(1).toLower() == u"next";
        d.thisWeek = m.captured(1).toLower() == u"this";
        take(m, d);
    }
    for (auto it = koDate.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        Day d{Day::Kind::Date};
        d.month = m.captured(1).toInt();
        d.dayOfMonth = m.captured(2).toInt();
        take(m, d);
    }
    return first;
}

// The first time of day the text names, and where every time stands.
Clock clockIn(const QString& text, bool tonight, QList<Span>& spans) {
    static const QRegularExpression koHour(QStringLiteral(
        "(?:(오전|오후|아침|낮|저녁|밤|새벽)\\s*)?(?<!\\d)(\\d{1,2})\\s*시(?!간)(?:\\s*(\\d{1,2})\\s*분|\\s*(반))?"));
    static const QRegularExpression enHour(
        QStringLiteral("(?<![\\d:])(\\d{1,2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)(?![a-z])"), kCaseless);
    static const QRegularExpression dial(QStringLiteral(
        "(?:(오전|오후|아침|낮|저녁|밤|새벽)\\s*)?(?<![\\d:])(\\d{1,2}):(\\d{2})(?![\\d:])"));
    static const QRegularExpression oclock(QStringLiteral("(?<!\\d)(\\d{1,2})\\s*o'?clock\\b"), kCaseless);
    static const QRegularExpression noon(QStringLiteral("(정오|\\bnoon\\b)"), kCaseless);

    Clock first;
    qsizetype firstAt = -1;
    const auto take = [&](const Match& m, int hour, int minute) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
            return;
        spans.append({m.capturedStart(), m.capturedEnd()});
        if (firstAt < 0 || m.capturedStart() < firstAt) {
            firstAt = m.capturedStart();
            first = Clock{hour, minute};
        }
    };
    const QString evening = tonight ? QStringLiteral("tonight") : QString();
    for (auto it = koHour.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        const int h = m.captured(2).toInt();
        if (h > 24)
            continue;
        const QString marker = m.captured(1).isEmpty() ? evening : m.captured(1);
        take(m, hourOf(h, marker, m.captured(2).startsWith(u'0')),
             !m.captured(4).isEmpty() ? 30 : m.captured(3).toInt());
    }
    for (auto it = enHour.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        const int h = m.captured(1).toInt();
        if (h < 1 || h > 12)
            continue;
        take(m, hourOf(h, m.captured(3).left(1) + u'm', false), m.captured(2).toInt());
    }
    for (auto it = dial.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        const QString marker = m.captured(1).isEmpty() ? evening : m.captured(1);
        take(m, hourOf(m.captured(2).toInt(), marker, m.captured(2).startsWith(u'0')),
             m.captured(3).toInt());
    }
    for (auto it = oclock.globalMatch(text); it.hasNext();) {
        const Match m = it.next();
        take(m, hourOf(m.captured(1).toInt(), evening, false), 0);
    }
    for (auto it = noon.globalMatch(text); it.hasNext();)
        take(it.next(), 12, 0);
    return first;
}

std::optional<QDateTime> resolve(const Day& day, const Clock& clock, const QDateTime& now) {
    if (clock.hour < 0)
        return std::nullopt;
    const QDate today = now.date();
    const QTime time(clock.hour, clock.minute);
    const auto at = [&](const QDate& date) { return QDateTime(date, time, now.timeZone()); };
    QDate date = today;
    switch (day.kind) {
    case Day::Kind::None:
        if (at(today) <= now)
            date = today.addDays(1);
        break;
    case Day::Kind::Offset:
        date = today.addDays(day.offset);
        break;
    case Day::Kind::Weekday:
        if (day.nextWeek) {
            date = today.addDays(8 - today.dayOfWeek() + day.weekday - 1);
        } else if (day.thisWeek) {
            date = today.addDays(day.weekday - today.dayOfWeek());
        } else {
            const int ahead = (day.weekday - today.dayOfWeek() + 7) % 7;
            date = today.addDays(ahead);
            if (ahead == 0 && (day.notToday || at(today) <= now))
                date = today.addDays(7);
        }
        break;
    case Day::Kind::Date:
        date = QDate(today.year(), day.month, day.dayOfMonth);
        if (!date.isValid())
            return std::nullopt;
        if (date < today)
            date = date.addYears(1);
        break;
    }
    const QDateTime when = at(date);
    if (when <= now)
        return std::nullopt;
    return when;
}

QString withoutSpans(const QString& text, QList<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    QString out;
    qsizetype from = 0;
    for (const Span& s : spans) {
        if (s.start > from)
            out += text.mid(from, s.start - from);
        out += u'\n';
        from = std::max(from, s.end);
    }
    out += text.mid(from);
    return out;
}

bool endsWithAny(const QString& word, const QStringList& endings) {
    return std::any_of(endings.begin(), endings.end(), [&](const QString& e) { return word.endsWith(e); });
}

// A word with its trailing particle (에, 로, 으로, 에서) taken off.
QString bare(QString word) {
    static const QStringList particles = {QStringLiteral("에서"), QStringLiteral("으로"),
                                          QStringLiteral("에"), QStringLiteral("로")};
    for (const QString& p : particles) {
        if (word.size() > p.size() && word.endsWith(p))
            return word.chopped(p.size());
    }
    return word;
}

bool namesAPlace(const QString& word) {
    static const QStringList places = {
        QStringLiteral("역"),     QStringLiteral("출구"),   QStringLiteral("앞"),     QStringLiteral("뒤"),
        QStringLiteral("옆"),     QStringLiteral("근처"),   QStringLiteral("입구"),   QStringLiteral("정문"),
        QStringLiteral("후문"),   QStringLiteral("카페"),   QStringLiteral("스타벅스"), QStringLiteral("공원"),
        QStringLiteral("도서관"), QStringLiteral("학교"),   QStringLiteral("마트"),   QStringLiteral("편의점"),
        QStringLiteral("광장"),   QStringLiteral("센터"),   QStringLiteral("터미널"), QStringLiteral("아파트"),
        QStringLiteral("주차장"), QStringLiteral("백화점"), QStringLiteral("로비"),   QStringLiteral("빌딩"),
        QStringLiteral("상가"),   QStringLiteral("시장"),   QStringLiteral("놀이터"), QStringLiteral("교회"),
        QStringLiteral("병원"),   QStringLiteral("점"),     QStringLiteral("사거리"), QStringLiteral("정류장"),
        QStringLiteral("다이소"), QStringLiteral("맥도날드"), QStringLiteral("은행"),  QStringLiteral("우체국"),
        QStringLiteral("주민센터"), QStringLiteral("건물"), QStringLiteral("집")};
    return endsWithAny(bare(word), places);
}

// "도서관 앞에서 봬요" -> "도서관 앞"; "에 홍대입구역 2번 출구" -> "홍대입구역 2번 출구".
QString koreanPlaceIn(const QString& segment) {
    static const QSet<QString> fillers = {
        QStringLiteral("에"),   QStringLiteral("에는"), QStringLiteral("쯤"),   QStringLiteral("쯤에"),
        QStringLiteral("정도"), QStringLiteral("경"),   QStringLiteral("그럼"), QStringLiteral("그러면"),
        QStringLiteral("네"),   QStringLiteral("혹시"), QStringLiteral("저는"), QStringLiteral("제가"),
        QStringLiteral("그냥"), QStringLiteral("아니면"), QStringLiteral("좋아요"), QStringLiteral("음"),
        QStringLiteral("까지"), QStringLiteral("부터"), QStringLiteral("좀")};
    static const QStringList verbEndings = {QStringLiteral("요"), QStringLiteral("까"), QStringLiteral("자"),
                                            QStringLiteral("죠"), QStringLiteral("다"), QStringLiteral("게"),
                                            QStringLiteral("해"), QStringLiteral("봐"), QStringLiteral("네"),
                                            QStringLiteral("어"), QStringLiteral("지"), QStringLiteral("세요")};
    // Compiled once: a pattern built per call cost a busy chat a tenth of the server's CPU.
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList words = segment.split(spaces, Qt::SkipEmptyParts);
    // What comes before "에서" is where; what follows it is what happens there.
    for (qsizetype i = 0; i < words.size(); ++i) {
        const qsizetype at = words[i].indexOf(QStringLiteral("에서"));
        if (at > 0) {
            words = words.mid(0, i + 1);
            words.last() = words.last().left(at);
            break;
        }
        if (at == 0) {
            words = words.mid(0, i);
            break;
        }
    }
    while (!words.isEmpty() && (fillers.contains(words.first())))
        words.removeFirst();
    while (!words.isEmpty() && !namesAPlace(words.last()) && endsWithAny(words.last(), verbEndings))
        words.removeLast();
    while (!words.isEmpty() && !namesAPlace(words.last()))
        words.removeLast();
    if (words.isEmpty())
        return {};
    words.last() = bare(words.last());
    return words.join(u' ');
}

// "at the library" -> "the library"; "in front of Gangnam station exit 11" as written.
QString englishPlaceIn(const QString& segment) {
    static const QRegularExpression lead(
        QStringLiteral("\\b(at|in front of|outside|near|next to)\\s+([^\\n,.!?;]+)"), kCaseless);
    static const QRegularExpression stop(
        QStringLiteral("\\s+(?:on|at|around|then|ok|okay|please|if|so|and|or|works|is|would|for|with|maybe|until|till|by|before|after)\\b.*$"),
        kCaseless);
    static const QSet<QString> notPlaces = {QStringLiteral("work"), QStringLiteral("all"),
                                            QStringLiteral("least"), QStringLiteral("most"),
                                            QStringLiteral("first"), QStringLiteral("last"),
                                            QStringLiteral("the moment"), QStringLiteral("the latest"),
                                            QStringLiteral("the earliest"), QStringLiteral("that time"),
                                            QStringLiteral("the same time"), QStringLiteral("home")};
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    for (auto it = lead.globalMatch(segment); it.hasNext();) {
        const Match m = it.next();
        QString name = m.captured(2);
        name.remove(stop);
        name = name.trimmed();
        if (name.isEmpty() || !name.contains(latin) ||
            notPlaces.contains(name.toLower()))
            continue;
        const QString preposition = m.captured(1);
        return preposition.compare(u"at", Qt::CaseInsensitive) == 0 ? name : preposition + u' ' + name;
    }
    return {};
}

QString placeIn(const QString& rest) {
    static const QRegularExpression separators(QStringLiteral("[\\n,!?~]|\\.(?=\\s|$)"));
    const QStringList segments = rest.split(separators, Qt::SkipEmptyParts);
    for (const QString& segment : segments) {
        static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
        const QString place = segment.contains(hangul) ? koreanPlaceIn(segment) : QString();
        if (!place.isEmpty())
            return place;
        const QString english = englishPlaceIn(segment);
        if (!english.isEmpty())
            return english;
    }
    return {};
}

} // namespace

MeetupMention MeetupParser::read(const QString& text, const QDateTime& now) {
    QList<Span> spans;
    const Day day = dayIn(text, spans);
    static const QRegularExpression tonight(QStringLiteral("\\btonight\\b|오늘\\s*밤"), kCaseless);
    const Clock clock = clockIn(text, text.contains(tonight), spans);
    MeetupMention mention;
    mention.at = resolve(day, clock, now);
    mention.place = placeIn(withoutSpans(text, spans));
    return mention;
}

std::optional<Meetup> MeetupParser::parse(const QString& text, const QDateTime& now) {
    const MeetupMention m = read(text, now);
    if (!m.at || m.place.isEmpty())
        return std::nullopt;
    return Meetup{*m.at, m.place};
}

std::optional<Meetup> MeetupParser::suggest(const QList<SpokenLine>& newestFirst,
                                            const QDateTime& now) {
    if (newestFirst.isEmpty())
        return std::nullopt;
    QSet<QString> speakers;
    std::optional<QDateTime> at;
    QString place;
    bool newestNamesOne = false;
    for (qsizetype i = 0; i < newestFirst.size(); ++i) {
        speakers.insert(newestFirst[i].senderId);
        const MeetupMention m = read(newestFirst[i].text, now);
        if (!at && m.at)
            at = m.at;
        if (place.isEmpty() && !m.place.isEmpty())
            place = m.place;
        if (i == 0)
            newestNamesOne = m.at || !m.place.isEmpty();
    }
    if (!newestNamesOne || !at || place.isEmpty() || speakers.size() < 2)
        return std::nullopt;
    return Meetup{*at, place};
}

} // namespace bitmarket::server::chat
