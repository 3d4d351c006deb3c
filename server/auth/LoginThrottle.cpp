#include "auth/LoginThrottle.h"

#include <QHostAddress>

namespace bitmarket::server {

namespace {
QString pairKey(const LoginAttempt& a) {
    return a.account + u' ' + LoginThrottle::addressKey(a.address);
}
} // namespace

LoginThrottle::LoginThrottle(Policies policies)
    : m_accountAtAddress(policies.accountAtAddress), m_account(policies.account),
      m_address(policies.address) {
}

QString LoginThrottle::addressKey(const QString& address) {
    const QHostAddress host(address);
    bool isV4 = false;
    const quint32 v4 = host.toIPv4Address(&isV4); // also for ::ffff:a.b.c.d
    if (isV4)
        return QHostAddress(v4).toString();
    if (host.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    Q_IPV6ADDR bytes = host.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

Result<void> LoginThrottle::begin(const LoginAttempt& a, qint64 nowMs) {
    const QString address = addressKey(a.address);
    if (!a.familiar) {
        if (auto limited = m_address.reserve(address, nowMs); !limited)
            return limited;
        if (auto limited = m_account.reserve(a.account, nowMs); !limited) {
            m_address.release(address);
            return limited;
        }
    }
    if (auto limited = m_accountAtAddress.reserve(pairKey(a), nowMs); !limited) {
        if (!a.familiar) {
            m_address.release(address);
            m_account.release(a.account);
        }
        return limited;
    }
    return {};
}

void LoginThrottle::failed(const LoginAttempt& a, qint64 nowMs) {
    m_accountAtAddress.failed(pairKey(a), nowMs);
    if (!a.familiar) {
        m_address.failed(addressKey(a.address), nowMs);
        m_account.failed(a.account, nowMs);
    }
}

void LoginThrottle::succeeded(const LoginAttempt& a) {
    m_accountAtAddress.reset(pairKey(a));
    if (!a.familiar) {
        m_address.release(addressKey(a.address));
        m_account.release(a.account);
    }
}

void LoginThrottle::notTried(const LoginAttempt& a) {
    m_accountAtAddress.release(pairKey(a));
    if (!a.familiar) {
        m_address.release(addressKey(a.address));
        m_account.release(a.account);
    }
}

} // namespace bitmarket::server
