// The server's certificate and private key for HTTPS (--tls-cert, --tls-key): one
// OpenSSL context that every TLS connection of HttpConnections starts from. Loading
// checks that the files are readable PEM and that the key belongs to the certificate,
// so a wrong file stops the server at start (or keeps the old pair on a reload)
// instead of failing each handshake.
#pragma once

#include "bitmarket/Result.h"

#include <QString>

#include <memory>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace bitmarket::server {

class TlsContext {
public:
    // `certificateFile` holds the certificate first, then any intermediates (a Let's
    // Encrypt fullchain.pem); `keyFile` its private key, unencrypted.
    static Result<std::shared_ptr<TlsContext>> load(const QString& certificateFile,
                                                    const QString& keyFile);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    // A server-side TLS session on the connected socket `fd`; nullptr when OpenSSL is out
    // of memory. The session keeps the context alive.
    SSL* accept(int fd) const;

private:
    explicit TlsContext(SSL_CTX* context) : m_context(context) {}

    SSL_CTX* m_context;
};

} // namespace bitmarket::server
