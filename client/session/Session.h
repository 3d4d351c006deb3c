// Who is signed in. Restores the previous session from the stored refresh
// token at start-up, signs in, registers and signs out, and turns a revoked
// session into a signed-out state with a message the sign-in page shows.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "session/SessionStore.h"

#include <QObject>
#include <QVariantMap>
#include <optional>

class ApiClient;

class Session : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY stateChanged)
    Q_PROPERTY(bool restoring READ restoring NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    Q_PROPERTY(QString username READ username NOTIFY userChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY messageChanged)

public:
    enum State { Restoring, SignedOut, SignedIn };
    Q_ENUM(State)

    Session(ApiClient* api, QString configDir, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool signedIn() const { return m_state == SignedIn; }
    bool restoring() const { return m_state == Restoring; }
    bool busy() const { return m_busy; }
    QString userId() const { return m_userId; }
    // Where the app keeps what it remembers between runs.
    QString configDir() const { return m_configDir; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString message() const { return m_message; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }

    // Reads the stored refresh token for the current server and trades it for a session.
    Q_INVOKABLE void restore();
    Q_INVOKABLE void signIn(const QString& login, const QString& password);
    Q_INVOKABLE void registerAccount(const QString& username, const QString& email,
                                     const QString& password, const QString& displayName);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearMessage();
    // The user is changing the field the server complained about: its complaint goes
    // (and the message with it once no field is left to blame).
    Q_INVOKABLE void clearFieldError(const QString& field);

signals:
    void stateChanged();
    void busyChanged();
    void userChanged();
    void messageChanged();
    // The session ended without the user asking (revoked from another device, or the
    // stored one no longer valid at start-up): the window asks them to sign in again.
    void sessionExpired();

private:
    void startSession(const bitmarket::AuthSession& session);
    void endSession(const QString& message);
    void setState(State state);
    void setBusy(bool busy);
    void setMessage(const QString& message, QVariantMap fieldErrors = {});
    SessionStore store() const;

    ApiClient* m_api;
    QString m_configDir;
    State m_state = Restoring;
    bool m_busy = false;
    QString m_userId;
    QString m_username;
    QString m_displayName;
    QString m_message;
    QVariantMap m_fieldErrors;
};
