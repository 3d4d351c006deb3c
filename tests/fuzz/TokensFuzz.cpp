// What a client presents as a credential: the Authorization header (bearer
// token), an access token (AccessTokenSigner::verify, then AuthService's check
// against its database) and a refresh token (AuthService::refresh and logout,
// on a real database). Forged, truncated or junk tokens are refused with a 401
// and never grant access; a token this server issued verifies to its claims.
#include "FuzzCheck.h"

#include "auth/AccessTokenSigner.h"
#include "auth/AuthService.h"
#include "events/InProcessEventBus.h"
#include "http/Responses.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace bitmarket;
using namespace bitmarket::server;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

const QByteArray kSecret("0123456789abcdef0123456789abcdef");
constexpr qint64 kIssuedAtS = 1'780'000'000;

struct Accounts {
    QTemporaryDir dir;
    db::Database db{db::Database::Options{dir.filePath("fuzz.db")}};
    InProcessEventBus events;
    AccessTokenSigner signer{kSecret, 900};
    AuthService auth{db, events, PasswordHasher(PasswordHasher::Cost{4, 1, 1}), signer,
                     AuthService::Limits{}};
};

void checkRefused(const ApiError& error) {
    checkError(error);
    check(error.code == ErrorCode::Unauthorized, "a bad credential is answered with 401");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    bitmarket::fuzz::quietQtLog();
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Accounts accounts;
    const std::string raw(reinterpret_cast<const char*>(data), size);

    httplib::Request request;
    request.set_header("Authorization", raw);
    const QString bearer = bearerToken(request);
    check(bearer.size() <= qsizetype(raw.size()), "the bearer token is part of the header");

    const QString token = QString::fromStdString(raw);
    const auto claims = accounts.signer.verify(token);
    if (!claims)
        checkRefused(claims.error());
    const AccessCheck access = accounts.auth.checkAccess(token);
    check(access.verdict != AccessCheck::Verdict::Granted, "a token nobody issued grants nothing");
    checkRefused(access.error);

    const auto refreshed = accounts.auth.refresh(token, QStringLiteral("127.0.0.1"));
    check(!refreshed, "a refresh token nobody issued renews nothing");
    checkRefused(refreshed.error());
    check(bool(accounts.auth.logout(token)), "signing out with an unknown token is harmless");

    // The same bytes as the user and session a token names; ids are short (newId), and a
    // token of over 4 KiB is refused whoever signed it.
    const size_t half = std::min<size_t>(raw.size() / 2, 64);
    const QString userId = QString::fromStdString(raw.substr(0, half));
    const QString sessionId = QString::fromStdString(raw.substr(half, 64));
    if (!userId.isEmpty()) {
        const auto issued = accounts.signer.verify(accounts.signer.issue(userId, sessionId, kIssuedAtS));
        check(issued && issued->userId == userId && issued->sessionId == sessionId &&
                  issued->issuedAtS == kIssuedAtS && issued->expiresAtS == kIssuedAtS + 900,
              "an issued token verifies to its claims");
    }
    return 0;
}
