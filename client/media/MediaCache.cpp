#include "media/MediaCache.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QThread>

namespace {
// Qt Quick's image loader asks for HTTP pipelining. A server may answer only
// the first of several pipelined requests and close the connection (ours
// does); Qt then sends the rest again, and in 4 of 300 fresh starts a
// photo's body landed under another photo's URL, where the immutable cache
// entry kept it (ThumbnailCacheTest). One request at a time per connection.
class UnpipelinedNetwork : public QNetworkAccessManager {
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override {
        QNetworkRequest unpipelined(request);
        unpipelined.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, false);
        return QNetworkAccessManager::createRequest(op, unpipelined, outgoingData);
    }
};
} // namespace

MediaCache::MediaCache(QString cacheDir, QObject* parent)
    : QObject(parent), m_cacheDir(std::move(cacheDir)) {
    QDir().mkpath(modelDir());
    QDir().mkpath(imageDir());
}

QNetworkAccessManager* MediaCache::create(QObject* parent) {
    const QString folder = QThread::currentThread() == thread()
                               ? QStringLiteral("ui")
                               : QStringLiteral("loader-%1").arg(m_loaders++);
    auto* network = new UnpipelinedNetwork(parent);
    auto* cache = new QNetworkDiskCache(network);
    cache->setCacheDirectory(imageDir() + u'/' + folder);
    cache->setMaximumCacheSize(256LL * 1024 * 1024);
    network->setCache(cache);
    return network;
}
