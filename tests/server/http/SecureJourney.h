// What the HTTPS suites share (with support/ThrowawayCertificate): requests over TLS
// from a chosen address, and a user's whole trip through one origin (sign up, sign in,
// list a lamp, follow it live over the websocketUrl /healthz announces, upload a photo,
// get the event and the thumbnail), whether nginx or the server itself speaks TLS.
#pragma once

#include "support/HttpTestClient.h"
#include "support/ThrowawayCertificate.h"

#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace bitmarket::test {

// GET `path` over TLS on a fresh connection from `fromAddress` (any 127.x.y.z), with
// `extraHeaders` ("Name: value\r\n" lines); status 0 when no answer came.
HttpResponse httpsGetFrom(const QUrl& origin, const QByteArray& fromAddress, const QString& path,
                          const QByteArray& extraHeaders = {});
// GETs of `paths` sent back to back on one TLS connection (pipelined); the answers read
// back, in order, as many as came within 5 s.
QList<HttpResponse> httpsPipeline(const QUrl& origin, const QStringList& paths);
// The certificate `origin` presents to a new connection; null when the handshake failed.
QSslCertificate presentedCertificate(const QUrl& origin);

// The trip through `origin`; the WebSocket URL /healthz announces must be `expectedWs`.
// The listing's path, or empty once a check failed (the running test has failed then).
QString expectUserJourney(const QUrl& origin, const QUrl& expectedWs, const QString& username);

} // namespace bitmarket::test
