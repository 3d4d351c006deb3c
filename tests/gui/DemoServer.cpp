#include "DemoServer.h"

#include "TestGlb.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bitmarket::test {

DemoServer::DemoServer() = default;

bool DemoServer::start(const QStringList& extraArgs) {
    const QString assets = prepareAssets();
    m_args = QStringList{"--demo"} + extraArgs;
    if (!assets.isEmpty())
        m_args << "--demo-assets" << assets;
    return m_server.start(m_args, 60000);
}

bool DemoServer::restart() {
    const QUrl http = m_server.httpUrl();
    const QUrl ws = m_server.wsUrl();
    // The last --listen given wins over ServerProcess's own port 0.
    return m_server.start(m_args + QStringList{
                              "--listen", QStringLiteral("%1:%2").arg(http.host()).arg(http.port()),
                              "--ws-listen", QStringLiteral("%1:%2").arg(ws.host()).arg(ws.port())},
                          60000);
}

QString DemoServer::prepareAssets() {
    const QString source = QStringLiteral(BITMARKET_SOURCE_DIR "/assets/demo");
    QDirIterator models(source, {QStringLiteral("model.glb")}, QDir::Files,
                        QDirIterator::Subdirectories);
    if (models.hasNext())
        return {}; // the real catalogue has models: use it as it is
    QFile manifestFile(source + QStringLiteral("/items/manifest.json"));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray items = QJsonDocument::fromJson(manifestFile.readAll()).array();
    m_assets = std::make_unique<QTemporaryDir>();
    const QString root = m_assets->path();
    QDir().mkpath(root + QStringLiteral("/items"));
    QFile::link(manifestFile.fileName(), root + QStringLiteral("/items/manifest.json"));
    for (int i = 0; i < items.size(); ++i) {
        const QString slug = items[i].toObject().value("slug").toString();
        const QString from = source + QStringLiteral("/items/") + slug;
        const QString to = root + QStringLiteral("/items/") + slug;
        QDir().mkpath(to);
        for (const QString& name : QDir(from).entryList(QDir::Files))
            QFile::link(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name);
        if (i == 0) {
            QFile glb(to + QStringLiteral("/model.glb"));
            if (glb.open(QIODevice::WriteOnly))
                glb.write(makeSphereGlb(20000, 0.08f));
            QImage preview(256, 256, QImage::Format_RGB32);
            preview.fill(QColor("#E9E9F0"));
            preview.save(to + QStringLiteral("/preview.png"));
        }
    }
    if (QDir(source + QStringLiteral("/monstree")).exists())
        QFile::link(source + QStringLiteral("/monstree"), root + QStringLiteral("/monstree"));
    return root;
}

} // namespace bitmarket::test
