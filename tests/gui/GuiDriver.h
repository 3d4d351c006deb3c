// Drives the real client window the way a user does: finds items by
// objectName, clicks and types with synthesized events, waits for the UI to
// settle, and saves screenshots into the test's output folder.
#pragma once

#include <QColor>
#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <functional>

namespace bitmarket::test {

class GuiDriver {
public:
    GuiDriver(QQuickWindow* window, QString outputDir);

    QQuickWindow* window() const { return m_window; }
    QString outputDir() const { return m_outputDir; }

    // The first visible item with this objectName, or null.
    QQuickItem* find(const QString& objectName) const;
    QList<QQuickItem*> findAll(const QString& objectName) const;
    // Waits (spinning the event loop) until the predicate holds or the time runs out.
    bool waitFor(const std::function<bool()>& predicate, int timeoutMs = 10000) const;
    // Waits until an item with this objectName is visible.
    QQuickItem* waitForItem(const QString& objectName, int timeoutMs = 10000) const;

    // Waits until the item is laid out and no transition around it swallows input.
    // False when the item went away meanwhile.
    bool waitUntilInteractive(QQuickItem* item) const;
    // Scrolls the areas around the item until a user could see and press it.
    void scrollIntoView(QQuickItem* item) const;
    void click(QQuickItem* item, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const;
    void typeInto(QQuickItem* item, const QString& text) const;
    // Lets a few frames render so what is saved is what a user would see.
    void settle(int ms = 300) const;
    QImage grab() const;
    // Saves a screenshot as <outputDir>/<name>.png and returns its path.
    QString screenshot(const QString& name) const;

    // Share of pixels inside `rect` that differ from `background` by more than `tolerance`.
    static double differingFraction(const QImage& image, const QRect& rect,
                                    const QColor& background, int tolerance = 24);
    // Share of pixels inside `rect` that differ between two images.
    static double changedFraction(const QImage& a, const QImage& b, const QRect& rect,
                                  int tolerance = 24);
    QRect sceneRect(QQuickItem* item) const;

private:
    QPointer<QQuickWindow> m_window;
    QString m_outputDir;
};

} // namespace bitmarket::test
