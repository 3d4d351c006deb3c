#include "GuiDriver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QKeyEvent>
#include <QPointer>
#include <QTest>
#include <QtQuickTest/quicktest.h>

namespace bitmarket::test {

GuiDriver::GuiDriver(QQuickWindow* window, QString outputDir)
    : m_window(window), m_outputDir(std::move(outputDir)) {
    QDir().mkpath(m_outputDir);
}

namespace {
// Delegates and popups are not QObject children of the items they show in,
// so walk the visual tree instead.
void collect(QQuickItem* item, const QString& objectName, QList<QQuickItem*>& found) {
    if (!item->isVisible())
        return;
    if (item->objectName() == objectName && item->width() > 0 && item->height() > 0)
        found.append(item);
    for (QQuickItem* child : item->childItems())
        collect(child, objectName, found);
}
} // namespace

QList<QQuickItem*> GuiDriver::findAll(const QString& objectName) const {
    QList<QQuickItem*> found;
    if (m_window)
        collect(m_window->contentItem(), objectName, found);
    return found;
}

QQuickItem* GuiDriver::find(const QString& objectName) const {
    const auto items = findAll(objectName);
    return items.isEmpty() ? nullptr : items.first();
}

bool GuiDriver::waitFor(const std::function<bool()>& predicate, int timeoutMs) const {
    QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        if (deadline.hasExpired()) {
            // Keep what the screen showed when the wait gave up, for the CI log.
            static int timeouts = 0;
            qWarning("waited %d ms in vain; the screen then: %s", timeoutMs,
                     qPrintable(screenshot(QStringLiteral("timeout-%1").arg(++timeouts))));
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

QQuickItem* GuiDriver::waitForItem(const QString& objectName, int timeoutMs) const {
    QQuickItem* item = nullptr;
    waitFor([&] { return (item = find(objectName)) != nullptr; }, timeoutMs);
    return item;
}

QRect GuiDriver::sceneRect(QQuickItem* item) const {
    const QPointF topLeft = item->mapToScene(QPointF(0, 0));
    return QRect(topLeft.toPoint(), QSize(int(item->width()), int(item->height())));
}

bool GuiDriver::waitUntilInteractive(QQuickItem* item) const {
    // A page that just became visible is laid out on the next polish, and a
    // StackView swallows input while it animates: a user would wait for both.
    // The item may go while they wait (a page made again): then there is nothing to press.
    const QPointer<QQuickItem> alive(item);
    QQuickTest::qWaitForPolish(m_window.data(), 5000);
    waitFor(
        [&] {
            if (!alive)
                return true;
            for (QQuickItem* up = item; up; up = up->parentItem()) {
                if (up->inherits("QQuickStackView") && up->property("busy").toBool())
                    return false;
            }
            return true;
        },
        5000);
    if (!alive)
        qWarning("the item to press went away while the page settled");
    return !alive.isNull();
}

void GuiDriver::scrollIntoView(QQuickItem* item) const {
    // A user scrolls to what they want to press: each scrolling area around the
    // item whose view its centre lies outside of is moved until it is inside.
    for (QQuickItem* area = item->parentItem(); area; area = area->parentItem()) {
        if (!area->inherits("QQuickFlickable"))
            continue;
        const QPointF center = item->mapToItem(area, QPointF(item->width() / 2, item->height() / 2));
        if (center.y() >= 0 && center.y() <= area->height())
            continue;
        const qreal shift = center.y() < 0 ? center.y() - item->height()
                                           : center.y() - area->height() + item->height();
        area->setProperty("contentY", area->property("contentY").toReal() + shift);
        settle(100);
    }
}

void GuiDriver::click(QQuickItem* item, Qt::KeyboardModifiers modifiers) const {
    if (!waitUntilInteractive(item))
        return;
    scrollIntoView(item);
    const QPoint center =
        item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseMove(m_window, center);
    QTest::mouseClick(m_window, Qt::LeftButton, modifiers, center);
}

void GuiDriver::typeInto(QQuickItem* item, const QString& text) const {
    click(item);
    item->forceActiveFocus();
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Backspace);
    // QTest has no keyClicks for windows; send each character as a key press with its text.
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(ch));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(ch));
        QCoreApplication::sendEvent(m_window, &press);
        QCoreApplication::sendEvent(m_window, &release);
    }
}

void GuiDriver::settle(int ms) const {
    QTest::qWait(ms);
}

QImage GuiDriver::grab() const {
    return m_window->grabWindow();
}

QString GuiDriver::screenshot(const QString& name) const {
    const QString path = m_outputDir + QLatin1Char('/') + name + QStringLiteral(".png");
    grab().save(path);
    return path;
}

double GuiDriver::differingFraction(const QImage& image, const QRect& rect,
                                    const QColor& background, int tolerance) {
    const QRect area = rect.intersected(image.rect());
    if (area.isEmpty())
        return 0;
    qint64 differing = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - background.red()) > tolerance ||
                qAbs(c.green() - background.green()) > tolerance ||
                qAbs(c.blue() - background.blue()) > tolerance)
                ++differing;
        }
    }
    return double(differing) / double(area.width() * area.height());
}

double GuiDriver::changedFraction(const QImage& a, const QImage& b, const QRect& rect,
                                  int tolerance) {
    const QRect area = rect.intersected(a.rect()).intersected(b.rect());
    if (area.isEmpty())
        return 0;
    qint64 changed = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor ca = a.pixelColor(x, y);
            const QColor cb = b.pixelColor(x, y);
            if (qAbs(ca.red() - cb.red()) > tolerance ||
                qAbs(ca.green() - cb.green()) > tolerance ||
                qAbs(ca.blue() - cb.blue()) > tolerance)
                ++changed;
        }
    }
    return double(changed) / double(area.width() * area.height());
}

} // namespace bitmarket::test
