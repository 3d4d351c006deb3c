#include "media/ModelFile.h"

#include "api/ApiClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QSaveFile>

ModelFile::ModelFile(QObject* parent) : QObject(parent) {
}

ModelFile::~ModelFile() {
    if (m_reply)
        m_reply->abort();
}

void ModelFile::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    m_api = api;
    emit apiChanged();
    start();
}

void ModelFile::setCacheDir(const QString& dir) {
    if (m_cacheDir == dir)
        return;
    m_cacheDir = dir;
    emit apiChanged();
    start();
}

void ModelFile::setSource(const QUrl& source) {
    if (m_source == source)
        return;
    m_source = source;
    emit sourceChanged();
    start();
}

void ModelFile::retry() {
    if (m_status == Failed)
        start();
}

void ModelFile::start() {
    if (m_reply)
        m_reply->abort();
    m_progress = 0;
    emit progressChanged();
    if (m_source.isEmpty() || !m_api || m_cacheDir.isEmpty()) {
        setStatus(Idle);
        return;
    }
    const QByteArray key =
        QCryptographicHash::hash(m_source.toEncoded(), QCryptographicHash::Sha256).toHex();
    m_localPath = m_cacheDir + QLatin1Char('/') + QString::fromLatin1(key.left(32)) + ".glb";
    if (QFile::exists(m_localPath)) {
        m_progress = 1;
        emit progressChanged();
        setStatus(Ready);
        return;
    }
    setStatus(Downloading);
    QNetworkRequest request(m_source);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_api->network()->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 got, qint64 total) {
        m_progress = total > 0 ? double(got) / double(total) : 0;
        emit progressChanged();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void ModelFile::finish(QNetworkReply* reply) {
    reply->deleteLater();
    if (reply != m_reply)
        return; // superseded by a newer source
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return;
    if (reply->error() != QNetworkReply::NoError) {
        setStatus(Failed,
                  tr("The 3D model could not be downloaded (%1).").arg(reply->errorString()));
        return;
    }
    const QByteArray bytes = reply->readAll();
    if (!bytes.startsWith("glTF")) {
        setStatus(Failed, tr("The file the server sent is not a 3D model."));
        return;
    }
    QDir().mkpath(m_cacheDir);
    QSaveFile file(m_localPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        setStatus(Failed, tr("The 3D model could not be saved to the cache."));
        return;
    }
    m_progress = 1;
    emit progressChanged();
    setStatus(Ready);
}

void ModelFile::setStatus(Status status, const QString& error) {
    if (m_status == status && m_errorMessage == error)
        return;
    m_status = status;
    m_errorMessage = error;
    emit statusChanged();
}
