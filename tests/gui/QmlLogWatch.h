// Collects what the QML engine complains about while the GUI test runs: a
// module that "is not installed", a failed binding, a type error in a script.
// Each such line is a bug a user may meet (the "Add photos" crash announced
// itself this way), so the GUI test fails on any of them.
#pragma once

#include <QStringList>

namespace bitmarket::test {

class QmlLogWatch {
public:
    QmlLogWatch();
    ~QmlLogWatch();
    QmlLogWatch(const QmlLogWatch&) = delete;
    QmlLogWatch& operator=(const QmlLogWatch&) = delete;

    // The complaints seen since the last call, which forgets them.
    QStringList takeComplaints();
};

} // namespace bitmarket::test
