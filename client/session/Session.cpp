#include "session/Session.h"

#include "api/ApiClient.h"
#include "api/AuthApi.h"

using bitmarket::AuthSession;
using bitmarket::ErrorCode;
using bitmarket::Result;

Session::Session(ApiClient* api, QString configDir, QObject* parent)
    : QObject(parent), m_api(api), m_configDir(std::move(configDir)) {
    connect(m_api, &ApiClient::tokensChanged, this, [this] {
        if (m_state == SignedIn && !m_api->refreshToken().isEmpty())
            store().save(m_api->refreshToken());
    });
    connect(m_api, &ApiClient::sessionRevoked, this, [this](const QString& message) {
        if (m_state == SignedOut)
            return;
        store().clear();
        endSession(message);
        emit sessionExpired();
    });
}

SessionStore Session::store() const {
    return SessionStore(m_configDir, m_api->serverUrl().toString());
}

void Session::restore() {
    const QString token = store().load();
    m_api->clearTokens();
    if (token.isEmpty()) {
        setState(SignedOut);
        return;
    }
    setState(Restoring);
    setBusy(true);
    AuthApi(m_api).resume(token, this, [this](Result<AuthSession> session) {
        setBusy(false);
        if (session) {
            startSession(session.value());
            return;
        }
        if (!m_api->reachable()) {
            // Offline is not a reason to forget the session: keep the token for the next try.
            setState(SignedOut);
            setMessage(session.error().message);
            return;
        }
        store().clear();
        endSession(tr("Your session has ended. Please sign in again."));
        emit sessionExpired();
    });
}

void Session::signIn(const QString& login, const QString& password) {
    QVariantMap missing;
    if (login.trimmed().isEmpty())
        missing.insert("login", tr("Enter your username or email."));
    if (password.isEmpty())
        missing.insert("password", tr("Enter your password."));
    if (!missing.isEmpty()) {
        setMessage({}, missing);
        return;
    }
    setBusy(true);
    setMessage({});
    AuthApi(m_api).signIn(login.trimmed(), password, this, [this](Result<AuthSession> session) {
        setBusy(false);
        if (session) {
            startSession(session.value());
            return;
        }
        const bitmarket::ApiError& error = session.error();
        if (error.code == ErrorCode::Unauthorized)
            setMessage(tr("Wrong username or password."));
        else if (error.code == ErrorCode::RateLimited)
            setMessage(tr("Too many attempts. Try again in %n second(s).", nullptr,
                          qMax(1, error.retryAfterSeconds)));
        else
            setMessage(error.message);
    });
}

void Session::registerAccount(const QString& username, const QString& email,
                              const QString& password, const QString& displayName) {
    QVariantMap problems;
    if (username.trimmed().size() < 3)
        problems.insert("username", tr("At least 3 characters: a-z, 0-9, _ and ."));
    if (!email.contains(QLatin1Char('@')))
        problems.insert("email", tr("Enter a valid email address."));
    if (password.size() < 8)
        problems.insert("password", tr("At least 8 characters."));
    if (!problems.isEmpty()) {
        setMessage({}, problems);
        return;
    }
    setBusy(true);
    setMessage({});
    const Registration registration{username.trimmed().toLower(), email.trimmed(), password,
                                    displayName.trimmed().isEmpty() ? username.trimmed()
                                                                    : displayName.trimmed()};
    AuthApi(m_api).registerAccount(registration, this, [this](Result<AuthSession> session) {
        setBusy(false);
        if (session) {
            startSession(session.value());
            return;
        }
        const bitmarket::ApiError& error = session.error();
        if (!error.field.isEmpty())
            setMessage({}, QVariantMap{{error.field, error.message}});
        else
            setMessage(error.message);
    });
}

void Session::signOut() {
    const QString token = m_api->refreshToken();
    if (!token.isEmpty())
        AuthApi(m_api).signOut(token);
    store().clear();
    endSession({});
}

void Session::clearMessage() {
    setMessage({});
}

void Session::clearFieldError(const QString& field) {
    if (!m_fieldErrors.contains(field))
        return;
    QVariantMap rest = m_fieldErrors;
    rest.remove(field);
    setMessage(rest.isEmpty() ? QString() : m_message, rest);
}

void Session::startSession(const AuthSession& session) {
    m_userId = session.user.id;
    m_username = session.user.username;
    m_displayName = session.user.displayName;
    emit userChanged();
    m_state = SignedIn; // before setTokens, so the rotated token is stored
    m_api->setTokens(session.accessToken, session.refreshToken);
    setMessage({});
    emit stateChanged();
}

void Session::endSession(const QString& message) {
    m_api->clearTokens();
    m_userId.clear();
    m_username.clear();
    m_displayName.clear();
    emit userChanged();
    setState(SignedOut);
    setMessage(message);
}

void Session::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void Session::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void Session::setMessage(const QString& message, QVariantMap fieldErrors) {
    m_message = message;
    m_fieldErrors = std::move(fieldErrors);
    emit messageChanged();
}
