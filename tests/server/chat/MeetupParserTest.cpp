// The meet-up rule on a table of Korean and English phrases: those naming a time and a place,
// with the time resolved to a date in the server's zone and the place as written, and near
// misses that must suggest nothing (a time alone, a place alone, "10시간", a time already
// past). Then the suggestion over a conversation: both sides, the newest line.
#include "chat/MeetupParser.h"

#include <QTest>
#include <QTimeZone>

using namespace bitmarket::server::chat;

namespace {

// Wednesday 2 December 2026, 10:00 in Seoul.
QDateTime now() {
    return QDateTime(QDate(2026, 12, 2), QTime(10, 0), QTimeZone("Asia/Seoul"));
}

} // namespace

class MeetupParserTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void phrases_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("at");    // "yyyy-MM-dd HH:mm" in Seoul; empty: no meet-up
        QTest::addColumn<QString>("place");

        QTest::newRow("ko tomorrow pm, station exit") << "내일 오후 3시에 홍대입구역 2번 출구" << "2026-12-03 15:00" << "홍대입구역 2번 출구";
        QTest::newRow("en saturday at the library") << "Saturday 10am at the library" << "2026-12-05 10:00" << "the library";
        QTest::newRow("ko saturday in front of") << "토요일 오전 10시 도서관 앞에서 봬요" << "2026-12-05 10:00" << "도서관 앞";
        QTest::newRow("ko place first") << "강남역 11번 출구에서 저녁 7시에 만나요" << "2026-12-02 19:00" << "강남역 11번 출구";
        QTest::newRow("ko half past, verb after") << "모레 2시 반에 스타벅스 신촌점 어때요?" << "2026-12-04 14:30" << "스타벅스 신촌점";
        QTest::newRow("ko next week minutes") << "다음 주 월요일 오전 9시 30분 서울역 앞" << "2026-12-07 09:30" << "서울역 앞";
        QTest::newRow("ko this week") << "이번 주 금요일 오후 6시 잠실역 8번 출구" << "2026-12-04 18:00" << "잠실역 8번 출구";
        QTest::newRow("ko month and day") << "12월 24일 저녁 8시에 명동역에서 봬요" << "2026-12-24 20:00" << "명동역";
        QTest::newRow("ko tonight") << "오늘 밤 9시 편의점 앞에서" << "2026-12-02 21:00" << "편의점 앞";
        QTest::newRow("ko bare hour is afternoon") << "3시에 학교 정문에서 만나요" << "2026-12-02 15:00" << "학교 정문";
        QTest::newRow("ko morning already past: tomorrow") << "오전 9시 정류장 앞" << "2026-12-03 09:00" << "정류장 앞";
        QTest::newRow("ko sunday parking lot") << "일요일 오후 4시 우리 아파트 주차장에서 드릴게요" << "2026-12-06 16:00" << "우리 아파트 주차장";
        QTest::newRow("ko short tomorrow") << "낼 오후 5시 홍대 카페에서" << "2026-12-03 17:00" << "홍대 카페";
        QTest::newRow("ko next week saturday") << "다음 주 토요일 오후 2시 롯데마트 앞" << "2026-12-12 14:00" << "롯데마트 앞";
        QTest::newRow("ko clock face") << "내일 오후 6:30 합정역 7번 출구" << "2026-12-03 18:30" << "합정역 7번 출구";
        QTest::newRow("en in front of") << "tomorrow at 3pm in front of Gangnam station exit 11" << "2026-12-03 15:00" << "in front of Gangnam station exit 11";
        QTest::newRow("en place first") << "Let's meet at Starbucks tomorrow 7:30pm" << "2026-12-03 19:30" << "Starbucks";
        QTest::newRow("en next monday") << "How about next Monday 9am at the main gate?" << "2026-12-07 09:00" << "the main gate";
        QTest::newRow("en noon outside") << "Friday at noon outside the subway station" << "2026-12-04 12:00" << "outside the subway station";
        QTest::newRow("en tonight o'clock") << "tonight 8 o'clock at City Hall" << "2026-12-02 20:00" << "City Hall";
        QTest::newRow("en 24-hour") << "15:30 at the park" << "2026-12-02 15:30" << "the park";
        QTest::newRow("en near") << "Sunday 11:00 near Hongdae station" << "2026-12-06 11:00" << "near Hongdae station";
        QTest::newRow("en this friday") << "this Friday 6:30pm at Hongik Univ station" << "2026-12-04 18:30" << "Hongik Univ station";
        QTest::newRow("en today pm") << "today 5 p.m. at the bus stop, ok?" << "2026-12-02 17:00" << "the bus stop";

        QTest::newRow("ko no time") << "내일 시간 괜찮으세요?" << "" << "";
        QTest::newRow("ko time, no place") << "3시에 봐요" << "" << "";
        QTest::newRow("ko place, no time") << "도서관 앞에서 봬요" << "" << "";
        QTest::newRow("ko hours of delivery") << "배송은 10시간 걸려요" << "" << "";
        QTest::newRow("ko price") << "가격은 3만원이에요" << "" << "";
        QTest::newRow("ko 역시 is not a station") << "역시 좋네요 감사합니다" << "" << "";
        QTest::newRow("ko today, already past") << "오늘 오전 9시에 서울역" << "" << "";
        QTest::newRow("ko no such hour") << "25시에 홍대입구역" << "" << "";
        QTest::newRow("ko exit alone") << "2번 출구" << "" << "";
        QTest::newRow("ko count") << "이거 3개에 얼마예요?" << "" << "";
        QTest::newRow("en day, nothing else") << "Saturday works for me" << "" << "";
        QTest::newRow("en time alone") << "I can do 10am" << "" << "";
        QTest::newRow("en place alone") << "at the library" << "" << "";
        QTest::newRow("en at work is no place") << "I'll be at work until 6pm" << "" << "";
        QTest::newRow("en bare number") << "See you at 5" << "" << "";
        QTest::newRow("en question") << "Is it still available?" << "" << "";
    }

    void phrases() {
        QFETCH(QString, text);
        QFETCH(QString, at);
        QFETCH(QString, place);
        const auto meetup = MeetupParser::parse(text, now());
        if (at.isEmpty()) {
            QVERIFY2(!meetup, qPrintable(QStringLiteral("found %1 at %2")
                                             .arg(meetup ? meetup->place : QString(),
                                                  meetup ? meetup->at.toString(Qt::ISODate) : QString())));
            return;
        }
        QVERIFY(meetup);
        QCOMPARE(meetup->at.toTimeZone(QTimeZone("Asia/Seoul")).toString("yyyy-MM-dd HH:mm"), at);
        QCOMPARE(meetup->place, place);
    }

    void bothSidesTogetherMakeASuggestion() {
        // Newest first: the seller names the place, the buyer named the time before.
        const QList<SpokenLine> lines = {{"seller", "좋아요, 도서관 앞에서 봬요"},
                                         {"buyer", "토요일 오전 10시 어때요?"},
                                         {"seller", "네 아직 있어요"}};
        const auto meetup = MeetupParser::suggest(lines, now());
        QVERIFY(meetup);
        QCOMPARE(meetup->place, QStringLiteral("도서관 앞"));
        QCOMPARE(meetup->at.toTimeZone(QTimeZone("Asia/Seoul")).toString("yyyy-MM-dd HH:mm"),
                 QStringLiteral("2026-12-05 10:00"));
    }

    void oneSideAloneSuggestsNothing() {
        const QList<SpokenLine> lines = {{"buyer", "도서관 앞에서 봬요"}, {"buyer", "토요일 오전 10시 어때요?"}};
        QVERIFY(!MeetupParser::suggest(lines, now()));
    }

    void aLaterLineWithoutATimeOrPlaceSuggestsNothingAgain() {
        const QList<SpokenLine> lines = {{"buyer", "감사합니다!"},
                                         {"seller", "도서관 앞에서 봬요"},
                                         {"buyer", "토요일 오전 10시 어때요?"}};
        QVERIFY(!MeetupParser::suggest(lines, now()));
    }
};

QTEST_MAIN(MeetupParserTest)
#include "MeetupParserTest.moc"
