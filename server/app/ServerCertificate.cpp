#include "app/ServerCertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace bitmarket::server {

Result<ServerCertificate> ServerCertificate::load(const QString& certificateFile,
                                                  const QString& keyFile) {
    ServerCertificate certificate;
    // OpenSSL reads and checks the pair first: its reasons are the precise ones.
    BITMARKET_TRY(certificate.m_https, TlsContext::load(certificateFile, keyFile));

    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    QFile keyText(keyFile);
    if (chain.isEmpty() || !keyText.open(QIODevice::ReadOnly))
        return ApiError::validation(QStringLiteral("Cannot use %1 as the TLS certificate: %2"),
                                    "tls-cert")
            .arg(certificateFile)
            .arg(QStringLiteral("it changed while being read"));
    const QByteArray pem = keyText.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return ApiError::validation(QStringLiteral("Cannot use %1 as the TLS key: %2"), "tls-key")
            .arg(keyFile)
            .arg(QStringLiteral("only RSA, EC and DSA keys serve WebSocket clients"));

    certificate.m_wss = QSslConfiguration::defaultConfiguration();
    certificate.m_wss.setLocalCertificateChain(chain);
    certificate.m_wss.setPrivateKey(key);
    certificate.m_wss.setPeerVerifyMode(QSslSocket::VerifyNone);
    certificate.m_wss.setProtocol(QSsl::TlsV1_2OrLater);
    return certificate;
}

QDateTime ServerCertificate::expiresAt() const {
    return m_wss.localCertificate().expiryDate();
}

} // namespace bitmarket::server
