// Every error message the server can answer has its Korean translation. The
// sources are scanned for the messages ApiError is made with, so a new message
// without its catalogue line fails here; so does a message that bakes its
// arguments in (QString::arg instead of ApiError::arg), which the catalogue
// could not match. Also: placeholders agree, translation keeps everything but
// the message, and Accept-Language picks the language.
#include "bitmarket/ErrorCatalogue.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bitmarket;

namespace {

// Where messages the server answers with are made. app/ is left out: its
// errors (bad flags, unreadable config) go to the operator's console, not to a
// caller. So are the job failure reasons of the model worker, stored as text
// on the job.
const QStringList kScannedDirs = {"server", "shared/bitmarket"};
const QStringList kSkipped = {"server/app/", "server/reconstruct/", "server/jobs/Worker.cpp",
                              "server/jobs/ModelJobRunner.cpp", "server/models/ModelJobRunner.cpp",
                              "server/models/Worker.cpp", "server/jobs/worker/"};

struct Scan {
    QSet<QString> messages;   // English templates found
    QStringList problems;     // "file:line: why"
    int files = 0;
};

QString joinedLiteral(const QString& literals) {
    static const QRegularExpression piece(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QString text;
    for (auto it = piece.globalMatch(literals); it.hasNext();)
        text += it.next().captured(1);
    return text.replace(QStringLiteral("\\\""), QStringLiteral("\"")).replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
}

Scan scanSources() {
    Scan scan;
    const QString root = QStringLiteral(BITMARKET_SOURCE_DIR) + '/';
    // A factory call (not its definition) and what its message argument starts with (the
    // first one, or the one after the code for ApiError::of).
    static const QRegularExpression call(QStringLiteral("(?<!ApiError )ApiError::(?:(?:validation|unauthorized|forbidden|notFound|conflict|payloadTooLarge|unsupportedMediaType|internal)\\(|of\\(\\s*ErrorCode::\\w+\\s*,)\\s*"));
    static const QRegularExpression literal(QStringLiteral("^QStringLiteral\\(\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)\\)"));
    static const QRegularExpression assignment(QStringLiteral("\\.message\\s*=[^=]"));
    for (const QString& dir : kScannedDirs) {
        QDirIterator it(root + dir, {"*.cpp", "*.h"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size());
            if (std::any_of(kSkipped.begin(), kSkipped.end(), [&](const QString& s) { return relative.startsWith(s); }))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scan.files;
            const QString text = QString::fromUtf8(file.readAll());
            const auto where = [&](qsizetype at) {
                return QStringLiteral("%1:%2").arg(relative).arg(text.left(at).count('\n') + 1);
            };
            for (auto m = call.globalMatch(text); m.hasNext();) {
                const auto found = m.next();
                const QString rest = text.mid(found.capturedEnd(), 2000);
                if (rest.startsWith(')'))
                    continue; // the factory's default message
                const auto lit = literal.match(rest);
                if (!lit.hasMatch()) {
                    scan.problems.append(where(found.capturedStart()) + ": the message is not a string literal");
                    continue;
                }
                scan.messages.insert(joinedLiteral(lit.captured(1)));
                if (rest.mid(lit.capturedEnd()).trimmed().startsWith(QLatin1String(".arg(")))
                    scan.problems.append(where(found.capturedStart()) +
                                         ": arguments are baked into the message; use ApiError::arg");
            }
            if (relative != QLatin1String("shared/bitmarket/ApiError.cpp") &&
                relative != QLatin1String("shared/bitmarket/ErrorCatalogue.cpp")) {
                for (auto m = assignment.globalMatch(text); m.hasNext();) {
                    const auto found = m.next();
                    scan.problems.append(where(found.capturedStart()) + ": a message rewritten after the fact");
                }
            }
        }
    }
    return scan;
}

QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    QSet<QString> found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

} // namespace

class ErrorCatalogueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyServerMessageHasKorean() {
        const Scan scan = scanSources();
        QVERIFY2(scan.files > 20, "the sources were not found");
        QVERIFY2(scan.messages.size() > 50, qPrintable(QString::number(scan.messages.size())));
        QVERIFY2(scan.problems.isEmpty(), qPrintable("\n  " + scan.problems.join("\n  ")));
        QStringList missing;
        for (const QString& message : scan.messages) {
            if (!ErrorCatalogue::korean(message))
                missing.append(message);
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable("no Korean for:\n  " + missing.join("\n  ")));
    }

    void factoryDefaultsHaveKorean() {
        for (const ApiError& e : {ApiError::unauthorized(), ApiError::forbidden(), ApiError::notFound(),
                                  ApiError::internal(), ApiError::rateLimited(5)})
            QVERIFY2(ErrorCatalogue::korean(e.message), qPrintable(e.message));
    }

    void translationsKeepTheirPlaceholders() {
        for (const QString& english : ErrorCatalogue::englishTemplates()) {
            const QString korean = ErrorCatalogue::korean(english).value_or(QString());
            QVERIFY2(!korean.isEmpty() && korean != english, qPrintable(english));
            QVERIFY2(placeholders(korean) == placeholders(english), qPrintable(english + " / " + korean));
        }
    }

    void translationFillsArgumentsAndKeepsTheRest() {
        ApiError e = ApiError::validation(QStringLiteral("Must be at most %1 characters."), "title").arg(100);
        e.subject = QStringLiteral("a.jpg");
        QCOMPARE(e.message, QStringLiteral("Must be at most 100 characters."));
        QCOMPARE(ErrorCatalogue::translate(e, Language::English).message, e.message);
        const ApiError ko = ErrorCatalogue::translate(e, Language::Korean);
        QCOMPARE(ko.message, QStringLiteral("100자 이하여야 합니다."));
        QCOMPARE(ko.code, ErrorCode::ValidationFailed);
        QCOMPARE(ko.field, QStringLiteral("title"));
        QCOMPARE(ko.toJson().value("error").toObject().value("message").toString(),
                 QStringLiteral("a.jpg: 100자 이하여야 합니다."));

        const ApiError limited = ErrorCatalogue::translate(ApiError::rateLimited(7), Language::Korean);
        QCOMPARE(limited.retryAfterSeconds, 7);
        QCOMPARE(limited.code, ErrorCode::RateLimited);
    }

    void aMessageMissingFromTheCatalogueStillAnswersInKorean() {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("no Korean for"));
        const ApiError ko = ErrorCatalogue::translate(
            ApiError::conflict(QStringLiteral("A message nobody translated."), "x"), Language::Korean);
        QCOMPARE(ko.code, ErrorCode::Conflict);
        QCOMPARE(ko.field, QStringLiteral("x"));
        QCOMPARE(ko.message, ErrorCatalogue::korean(QStringLiteral("This conflicts with the current state.")).value());
    }

    void acceptLanguage_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<bool>("korean");
        QTest::newRow("empty") << "" << false;
        QTest::newRow("ko") << "ko" << true;
        QTest::newRow("ko-KR") << "ko-KR" << true;
        QTest::newRow("spaces and case") << "  Ko-kr ; q=1 " << true;
        QTest::newRow("en then ko") << "en, ko" << false;
        QTest::newRow("ko then en") << "ko, en" << true;
        QTest::newRow("weights") << "en;q=0.5, ko;q=0.9" << true;
        QTest::newRow("ko refused") << "ko;q=0, en;q=0.1" << false;
        QTest::newRow("bad weight") << "ko;q=abc" << false;
        QTest::newRow("koala is not Korean") << "koala" << false;
        QTest::newRow("unknown") << "de-DE" << false;
    }

    void acceptLanguage() {
        QFETCH(QString, header);
        QFETCH(bool, korean);
        QCOMPARE(languageFromAcceptLanguage(header), korean ? Language::Korean : Language::English);
    }
};

QTEST_GUILESS_MAIN(ErrorCatalogueTest)
#include "ErrorCatalogueTest.moc"
