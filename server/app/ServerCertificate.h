// The certificate and key of --tls-cert and --tls-key, in the two forms the server's
// listeners take them: an OpenSSL context for HTTPS (HttpConnections) and a Qt TLS
// configuration for WSS (the realtime hub). Loaded at start and again on SIGHUP, when a
// renewed certificate replaces the files.
#pragma once

#include "bitmarket/Result.h"
#include "http/TlsContext.h"

#include <QDateTime>
#include <QSslConfiguration>

#include <memory>

namespace bitmarket::server {

class ServerCertificate {
public:
    static Result<ServerCertificate> load(const QString& certificateFile, const QString& keyFile);

    std::shared_ptr<const TlsContext> https() const { return m_https; }
    QSslConfiguration wss() const { return m_wss; }
    // When the certificate (the first in the chain) stops being valid.
    QDateTime expiresAt() const;

private:
    std::shared_ptr<const TlsContext> m_https;
    QSslConfiguration m_wss;
};

} // namespace bitmarket::server
