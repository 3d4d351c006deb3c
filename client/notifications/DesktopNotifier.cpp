#include "notifications/DesktopNotifier.h"

#include "notifications/NotificationInbox.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>
#include <QWindow>

DesktopNotifier::DesktopNotifier(NotificationInbox* inbox, QObject* parent) : QObject(parent) {
    connect(inbox, &NotificationInbox::arrived, this,
            [this](const QString& title, const QString& body) { show(title, body); });
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()) ||
        !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/app.svg")), this);
    m_tray->setToolTip(QStringLiteral("BitMarket"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopNotifier::activated);
    m_tray->show();
}

void DesktopNotifier::setWindow(QWindow* window) {
    m_window = window;
}

void DesktopNotifier::show(const QString& title, const QString& body) {
    if (!m_tray || !m_window)
        return;
    const bool away = m_window->visibility() == QWindow::Minimized || !m_window->isActive();
    if (away)
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 6000);
}
