#include "media/MediaCache.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>

MediaCache::MediaCache(QString cacheDir, QObject* parent)
    : QObject(parent), m_cacheDir(std::move(cacheDir)) {
    QDir().mkpath(modelDir());
    QDir().mkpath(imageDir());
}

QNetworkAccessManager* MediaCache::create(QObject* parent) {
    auto* network = new QNetworkAccessManager(parent);
    auto* cache = new QNetworkDiskCache(network);
    cache->setCacheDirectory(imageDir());
    cache->setMaximumCacheSize(256LL * 1024 * 1024);
    network->setCache(cache);
    return network;
}
