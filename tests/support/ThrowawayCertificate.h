// A self-signed certificate for 127.0.0.1, for the suites that speak TLS to a real
// server or nginx, and trusted by this test process as a real one would be.
#pragma once

#include <QString>

namespace bitmarket::test {

// Writes the certificate and its key with Debian's openssl; false when openssl failed.
bool makeCertificate(const QString& certificateFile, const QString& keyFile);
// Every TLS client of this process trusts the certificate from now on.
void trustCertificate(const QString& certificateFile);

} // namespace bitmarket::test
