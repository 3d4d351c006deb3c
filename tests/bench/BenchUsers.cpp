#include "BenchUsers.h"

#include "app/ServerSecret.h"
#include "auth/AuthService.h"
#include "db/Database.h"
#include "events/InProcessEventBus.h"

namespace bitmarket::bench {

QList<BenchUser> registerUsers(const QString& dataDir, const QString& prefix, int count) {
    using namespace bitmarket::server;
    db::Database db({dataDir + "/bitmarket.db", 1});
    InProcessEventBus bus;
    auto secret = loadOrCreateServerSecret(dataDir);
    if (!secret)
        qFatal("secret: %s", qPrintable(secret.error().message));
    AuthService auth(db, bus, PasswordHasher(PasswordHasher::Cost{4, 1, 1}),
                     AccessTokenSigner(*secret, 3600), AuthService::Limits{});
    QList<BenchUser> users;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("%1_%2").arg(prefix).arg(i);
        auto session = auth.registerUser(
            Registration{name, name + "@bench.local", "bench password", name});
        if (!session)
            qFatal("register: %s", qPrintable(session.error().message));
        users.append({session->user.id, session->accessToken});
    }
    return users;
}

} // namespace bitmarket::bench
