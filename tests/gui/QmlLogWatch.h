// Collects what the QML engine complains about while the GUI test runs: a
// module that "is not installed", a failed binding, a type error in a script.
// Each such line is a bug a user may meet (the "Add photos" crash announced
// itself this way), so the GUI test fails on any of them. QTest::qExec puts its
// own message handler in place and passes nothing on, so the watch starts from
// inside the run (initTestCase) and hands every message on to QTest's.
#pragma once

#include <QStringList>

namespace bitmarket::test {

class QmlLogWatch {
public:
    QmlLogWatch() = default;
    ~QmlLogWatch();
    QmlLogWatch(const QmlLogWatch&) = delete;
    QmlLogWatch& operator=(const QmlLogWatch&) = delete;

    // Starts listening; call it first thing in initTestCase.
    void start();
    // The complaints seen since the last call, which forgets them.
    QStringList takeComplaints();

private:
    bool m_started = false;
};

} // namespace bitmarket::test
