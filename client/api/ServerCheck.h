// Whether an address is a BitMarket server, asked before the app switches to
// it: its /healthz must answer {"status": "ok"} within a few seconds. A typo
// then costs a message under the field, not a window that cannot reach anything.
#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ServerCheck : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool checking READ checking NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    explicit ServerCheck(QObject* parent = nullptr);

    bool checking() const { return m_reply != nullptr; }
    QString errorMessage() const { return m_errorMessage; }

    // Asks `address` (as typed) and answers with passed() or an errorMessage.
    Q_INVOKABLE void check(const QString& address);
    Q_INVOKABLE void clear();

signals:
    void changed();
    void passed(const QUrl& url);

private:
    void abortCheck();
    void finish(QNetworkReply* reply, const QUrl& url);

    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QString m_errorMessage;
};
