#include "http/TlsContext.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QFile>
#include <QStringList>

namespace bitmarket::server {

namespace {

// OpenSSL's reasons for the last failure, oldest first, or `fallback`.
QString openSslErrors(const QString& fallback) {
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        reasons << QString::fromLatin1(text);
    }
    return reasons.isEmpty() ? fallback : reasons.join(QStringLiteral("; "));
}

// HTTP/1.1 is all the server speaks; a client that offers only something else is refused.
int selectHttp11(SSL*, const unsigned char** selected, unsigned char* selectedLength,
                 const unsigned char* offered, unsigned int offeredLength, void*) {
    static const unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char* chosen = nullptr;
    if (SSL_select_next_proto(&chosen, selectedLength, kHttp11, sizeof kHttp11, offered,
                              offeredLength) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    *selected = chosen;
    return SSL_TLSEXT_ERR_OK;
}

} // namespace

Result<std::shared_ptr<TlsContext>> TlsContext::load(const QString& certificateFile,
                                                     const QString& keyFile) {
    ERR_clear_error();
    SSL_CTX* context = SSL_CTX_new(TLS_server_method());
    if (!context)
        return ApiError::internal(QStringLiteral("Cannot create a TLS context: %1"))
            .arg(openSslErrors(QStringLiteral("out of memory")));
    std::shared_ptr<TlsContext> tls(new TlsContext(context));
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    // No renegotiation (a client could make the server redo handshakes at will); a client
    // that goes without close_notify has only ended its connection.
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF |
                                     SSL_OP_CIPHER_SERVER_PREFERENCE);
    // Writes go out as far as the socket takes them (HttpConnections retries the rest), and
    // an idle connection gives its read and write buffers back.
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE |
                                  SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_alpn_select_cb(context, selectHttp11, nullptr);

    const QByteArray certificatePath = QFile::encodeName(certificateFile);
    const QByteArray keyPath = QFile::encodeName(keyFile);
    if (SSL_CTX_use_certificate_chain_file(context, certificatePath.constData()) != 1)
        return ApiError::validation(QStringLiteral("Cannot use %1 as the TLS certificate: %2"),
                                    "tls-cert")
            .arg(certificateFile)
            .arg(openSslErrors(QStringLiteral("not a PEM certificate")));
    // Also checks that the key is the certificate's.
    if (SSL_CTX_use_PrivateKey_file(context, keyPath.constData(), SSL_FILETYPE_PEM) != 1)
        return ApiError::validation(QStringLiteral("Cannot use %1 as the TLS key: %2"), "tls-key")
            .arg(keyFile)
            .arg(openSslErrors(QStringLiteral("not an unencrypted PEM key")));
    return tls;
}

TlsContext::~TlsContext() { SSL_CTX_free(m_context); }

SSL* TlsContext::accept(int fd) const {
    SSL* session = SSL_new(m_context);
    if (!session)
        return nullptr;
    SSL_set_fd(session, fd);
    SSL_set_accept_state(session);
    return session;
}

} // namespace bitmarket::server
