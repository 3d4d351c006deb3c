// Where downloaded media live on disk: photos through a QNetworkDiskCache
// that every QML Image shares (so thumbnails survive a restart), and 3D
// models as plain files that RuntimeLoader can open.
#pragma once

#include <QObject>
#include <QQmlNetworkAccessManagerFactory>

class MediaCache : public QObject, public QQmlNetworkAccessManagerFactory {
    Q_OBJECT
    Q_PROPERTY(QString modelDir READ modelDir CONSTANT)

public:
    MediaCache(QString cacheDir, QObject* parent = nullptr);

    QString modelDir() const { return m_cacheDir + QStringLiteral("/models"); }
    QString imageDir() const { return m_cacheDir + QStringLiteral("/images"); }

    // Called by the QML engine, possibly from its image loading threads.
    QNetworkAccessManager* create(QObject* parent) override;

private:
    QString m_cacheDir;
};
