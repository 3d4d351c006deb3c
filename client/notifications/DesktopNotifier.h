// A desktop notification (the system tray's balloon) for what arrives while the window is
// minimised or in the background; inside the window a toast tells instead. Only where the
// program runs as a QApplication (the tray needs Qt Widgets) and the desktop has a tray.
#pragma once

#include <QObject>
#include <QPointer>

class NotificationInbox;
class QSystemTrayIcon;
class QWindow;

class DesktopNotifier : public QObject {
    Q_OBJECT

public:
    DesktopNotifier(NotificationInbox* inbox, QObject* parent = nullptr);

    // The window whose state decides; set once it exists.
    void setWindow(QWindow* window);

signals:
    // The user clicked a desktop notification.
    void activated();

private:
    void show(const QString& title, const QString& body);

    QPointer<QWindow> m_window;
    QSystemTrayIcon* m_tray = nullptr;
};
