#include "http/MediaRoutes.h"

#include "http/Responses.h"

#include <QFile>
#include <QFileInfo>

namespace bitmarket::server {

namespace {
const char* contentTypeOf(const QString& suffix) {
    if (suffix == QLatin1String("jpg"))
        return "image/jpeg";
    if (suffix == QLatin1String("png"))
        return "image/png";
    if (suffix == QLatin1String("glb"))
        return "model/gltf-binary";
    if (suffix == QLatin1String("json"))
        return "application/json";
    return "application/octet-stream";
}
} // namespace

void addMediaRoutes(Router& router, media::MediaStore& store) {
    router.get(
        "/media/{shard}/{file}", Access::Anyone,
        [&store](const httplib::Request& req, httplib::Response& res, const Caller&) {
            const auto path = store.resolve(QString::fromStdString(req.path));
            if (!path)
                return sendError(req, res, ApiError::notFound(QStringLiteral("No such file.")));
            // Names are content hashes, so the name is a strong validator and never changes.
            const QFileInfo info(*path);
            const std::string etag = "\"" + info.completeBaseName().toStdString() + "\"";
            res.set_header("ETag", etag);
            res.set_header("Cache-Control", "public, max-age=31536000, immutable");
            if (req.get_header_value("If-None-Match") == etag) {
                res.status = 304;
                return;
            }
            QFile file(*path);
            if (!file.open(QIODevice::ReadOnly))
                return sendError(req, res, ApiError::notFound(QStringLiteral("No such file.")));
            const QByteArray bytes = file.readAll();
            // No status: httplib answers 206 with the part a single Range asks for, 200 otherwise.
            res.set_content(bytes.constData(), bytes.size(), contentTypeOf(info.suffix()));
        });
}

} // namespace bitmarket::server
