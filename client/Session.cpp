#include "Session.h"

#include "ApiClient.h"

#include <QJsonObject>

using bitmarket::ApiError;

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
    ApiCall* call =
        m_api->post(QStringLiteral("/auth/refresh"), QJsonObject{{"refreshToken", token}}, false);
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        setBusy(false);
        startSession(body);
    });
    connect(call, &ApiCall::failed, this, [this, call](const ApiError& error) {
        setBusy(false);
        if (call->wasUnreachable()) {
            // Offline is not a reason to forget the session: keep the token for the next try.
            setState(SignedOut);
            setMessage(error.message);
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
    ApiCall* call =
        m_api->post(QStringLiteral("/auth/login"),
                    QJsonObject{{"login", login.trimmed()}, {"password", password}}, false);
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        setBusy(false);
        startSession(body);
    });
    connect(call, &ApiCall::failed, this, [this, call](const ApiError& error) {
        setBusy(false);
        if (call->httpStatus() == 401)
            setMessage(tr("Wrong username or password."));
        else if (call->httpStatus() == 429)
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
    const QJsonObject body{{"username", username.trimmed().toLower()},
                           {"email", email.trimmed()},
                           {"password", password},
                           {"displayName", displayName.trimmed().isEmpty()
                                               ? username.trimmed()
                                               : displayName.trimmed()}};
    ApiCall* call = m_api->post(QStringLiteral("/auth/register"), body, false);
    connect(call, &ApiCall::succeeded, this, [this](const QJsonObject& body) {
        setBusy(false);
        startSession(body);
    });
    connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
        setBusy(false);
        if (!error.field.isEmpty())
            setMessage({}, QVariantMap{{error.field, error.message}});
        else
            setMessage(error.message);
    });
}

void Session::signOut() {
    const QString token = m_api->refreshToken();
    if (!token.isEmpty())
        m_api->post(QStringLiteral("/auth/logout"), QJsonObject{{"refreshToken", token}});
    store().clear();
    endSession({});
}

void Session::clearMessage() {
    setMessage({});
}

void Session::startSession(const QJsonObject& body) {
    const QJsonObject user = body.value("user").toObject();
    m_userId = user.value("id").toString();
    m_username = user.value("username").toString();
    m_displayName = user.value("displayName").toString();
    emit userChanged();
    m_state = SignedIn; // before setTokens, so the rotated token is stored
    m_api->setTokens(body.value("accessToken").toString(), body.value("refreshToken").toString());
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
