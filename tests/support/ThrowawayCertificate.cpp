#include "support/ThrowawayCertificate.h"

#include <QProcess>
#include <QSslConfiguration>

namespace bitmarket::test {

bool makeCertificate(const QString& certificateFile, const QString& keyFile) {
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                              "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                              keyFile, "-out", certificateFile});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

void trustCertificate(const QString& certificateFile) {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(certificateFile);
    QSslConfiguration::setDefaultConfiguration(tls);
}

} // namespace bitmarket::test
