// Where downloaded media live on disk: photos through a QNetworkDiskCache
// (so thumbnails survive a restart), and 3D models as plain files that
// RuntimeLoader can open. The QML engine asks for a network manager per
// thread (the UI thread, the image loader); a QNetworkDiskCache assumes it
// alone uses its folder, so each manager's cache gets a folder of its own.
// Requests are never pipelined (see MediaCache.cpp).
#pragma once

#include <QObject>
#include <QQmlNetworkAccessManagerFactory>

#include <atomic>

class MediaCache : public QObject, public QQmlNetworkAccessManagerFactory {
    Q_OBJECT
    Q_PROPERTY(QString modelDir READ modelDir CONSTANT)

public:
    MediaCache(QString cacheDir, QObject* parent = nullptr);

    QString modelDir() const { return m_cacheDir + QStringLiteral("/models"); }
    // Holds one folder per network manager's photo cache.
    QString imageDir() const { return m_cacheDir + QStringLiteral("/images"); }

    // Called by the QML engine, possibly from its image loading threads.
    QNetworkAccessManager* create(QObject* parent) override;

private:
    QString m_cacheDir;
    // Managers made off the UI thread so far: the n-th one gets the same folder
    // at every start, so the image loader's cache is warm after a restart.
    std::atomic<int> m_loaders = 0;
};
