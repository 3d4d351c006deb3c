#include "app/SystemTheme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

SystemTheme::SystemTheme(QObject* parent) : QObject(parent) {
    update();
    if (qApp)
        qApp->installEventFilter(this);
}

bool SystemTheme::eventFilter(QObject* watched, QEvent* event) {
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        update();
    return QObject::eventFilter(watched, event);
}

void SystemTheme::update() {
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightnessF() < 0.5;
    if (dark == m_dark)
        return;
    m_dark = dark;
    emit darkChanged();
}
