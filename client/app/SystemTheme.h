// Whether the desktop is dark. Qt 6.4 has no colour-scheme hint, so this
// reads the lightness of the system palette's window colour and follows
// palette changes while the app runs.
#pragma once

#include <QObject>

class SystemTheme : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool dark READ dark NOTIFY darkChanged)

public:
    explicit SystemTheme(QObject* parent = nullptr);

    bool dark() const { return m_dark; }

signals:
    void darkChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void update();
    bool m_dark = false;
};
