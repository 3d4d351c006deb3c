// bitmarket-demo-assets: regenerates the demo catalogue (photos, previews, GLB models and
// manifest.json) that the server's --demo mode seeds a fresh install with.
//
//   bitmarket-demo-assets --out assets/demo/items [--only slug,slug] [--quick] [--threads N]
#include "DemoCatalogue.h"
#include "GlbExporter.h"
#include "ListingManifest.h"
#include "PalettePng.h"
#include "StudioRenderer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <chrono>
#include <cstdio>
#include <string>

namespace {

// Listing photos are capped so the whole demo set stays small in git.
constexpr qsizetype kPhotoBudgetBytes = 118 * 1024;

bool writePhoto(const QImage& image, const QString& path) {
    for (int quality = 90; quality >= 50; quality -= 4) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPG", quality);
        if (bytes.size() <= kPhotoBudgetBytes || quality <= 54) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        }
    }
    return false;
}

struct Options {
    QString out;
    QStringList only;
    bool quick = false;
    int threads = 2;
};

bool parse(const QStringList& args, Options& options) {
    for (int i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == "--out" && hasValue) {
            options.out = args[++i];
        } else if (arg == "--only" && hasValue) {
            options.only = args[++i].split(',');
        } else if (arg == "--threads" && hasValue) {
            options.threads = std::max(1, args[++i].toInt());
        } else if (arg == "--quick") {
            options.quick = true;
        } else {
            return false;
        }
    }
    return !options.out.isEmpty();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(app.arguments(), options)) {
        std::fprintf(stderr, "usage: bitmarket-demo-assets --out DIR [--only slug,...] [--quick] "
                             "[--threads N]\n");
        return 2;
    }
    const auto catalogue = DemoCatalogue::build();
    QDir().mkpath(options.out);
    const std::string manifestError =
        ListingManifest::write(catalogue, (options.out + "/manifest.json").toStdString());
    if (!manifestError.empty()) {
        std::fprintf(stderr, "%s\n", manifestError.c_str());
        return 1;
    }
    // Front three-quarter, side, and looking down: the three shots sellers usually take.
    const CameraView photoViews[] = {{35, 18, 0.78f}, {90, 8, 0.8f}, {20, 58, 0.78f}};
    for (const ProductModel& model : catalogue) {
        const QString slug = QString::fromStdString(model.slug);
        if (!options.only.isEmpty() && !options.only.contains(slug)) {
            continue;
        }
        const auto started = std::chrono::steady_clock::now();
        const QString dir = options.out + "/" + slug;
        QDir().mkpath(dir);
        const StudioRenderer renderer(model);
        RenderSettings photo;
        photo.threads = options.threads;
        if (options.quick) {
            photo.width /= 2;
            photo.height /= 2;
            photo.samplesPerAxis = 2;
        }
        for (int i = 0; i < 3; ++i) {
            photo.seed = std::uint32_t(i + 1);
            const QString path = dir + QString("/photo-%1.jpg").arg(i + 1);
            if (!writePhoto(renderer.render(photoViews[i], photo), path)) {
                std::fprintf(stderr, "could not write %s\n", qPrintable(path));
                return 1;
            }
        }
        RenderSettings preview = photo;
        preview.width = preview.height = options.quick ? 256 : 512;
        preview.cameraFinish = false;
        preview.plainBackdrop = true;
        preview.seed = 9;
        if (!PalettePng::write(renderer.render({35, 22, 0.86f}, preview), dir + "/preview.png")) {
            std::fprintf(stderr, "could not write preview for %s\n", qPrintable(slug));
            return 1;
        }
        const std::string glbError = GlbExporter::write(model, (dir + "/model.glb").toStdString());
        if (!glbError.empty()) {
            std::fprintf(stderr, "%s\n", glbError.c_str());
            return 1;
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("%-30s %6zu triangles  %5.1f s\n", qPrintable(slug), model.triangleCount(),
                    seconds);
        std::fflush(stdout);
    }
    return 0;
}
