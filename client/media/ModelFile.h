// A listing's 3D model fetched to disk before the viewer opens it, with
// progress. Files are named by their URL's hash, so a model is downloaded
// once; a download that is not a glTF binary is reported, not handed on.
#pragma once

#include "api/ApiClient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
class QNetworkReply;

class ModelFile : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QString cacheDir READ cacheDir WRITE setCacheDir NOTIFY apiChanged)
    Q_PROPERTY(QUrl source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QUrl localUrl READ localUrl NOTIFY statusChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY statusChanged)

public:
    enum Status { Idle, Downloading, Ready, Failed };
    Q_ENUM(Status)

    explicit ModelFile(QObject* parent = nullptr);
    ~ModelFile() override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    QString cacheDir() const { return m_cacheDir; }
    void setCacheDir(const QString& dir);
    QUrl source() const { return m_source; }
    void setSource(const QUrl& source);
    Status status() const { return m_status; }
    double progress() const { return m_progress; }
    QUrl localUrl() const { return m_status == Ready ? QUrl::fromLocalFile(m_localPath) : QUrl(); }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void retry();

signals:
    void apiChanged();
    void sourceChanged();
    void statusChanged();
    void progressChanged();

private:
    void start();
    void finish(QNetworkReply* reply);
    void setStatus(Status status, const QString& error = {});

    QPointer<ApiClient> m_api;
    QString m_cacheDir;
    QUrl m_source;
    QString m_localPath;
    QPointer<QNetworkReply> m_reply;
    Status m_status = Idle;
    double m_progress = 0;
    QString m_errorMessage;
};
