// bitmarket-demo-catalogue: writes small demo listings for the catalogue —
// for each procedural object a GLB (the true textured model, not a
// reconstruction) and a few clean product photos.
//
//   bitmarket-demo-catalogue --out assets/demo/generated
#include "SyntheticScene.h"
#include "reconstruct/GlbWriter.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <string>

using namespace bitmarket::reconstruct;
using namespace bitmarket::reconstruct::testing;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 3 || std::string(argv[1]) != "--out") {
        std::fprintf(stderr, "usage: bitmarket-demo-catalogue --out DIR\n");
        return 1;
    }
    const fs::path out = argv[2];
    fs::create_directories(out);
    const double views[][2] = {{35, 25}, {-60, 30}, {150, 20}};
    for (SyntheticObject object : SyntheticScene::all()) {
        SyntheticSceneSpec spec;
        spec.object = object;
        const SyntheticScene scene(spec);
        const std::string name = SyntheticScene::name(object);
        if (auto ok = GlbWriter(80).write(scene.objectModel(512), out / (name + ".glb")); !ok) {
            std::fprintf(stderr, "%s\n", ok.error().c_str());
            return 2;
        }
        for (int i = 0; i < 3; ++i) {
            const cv::Mat3b photo = scene.productPhoto(views[i][0], views[i][1], 1024, 768);
            // Listing photos stay under 150 KB: step JPEG quality down until they do.
            std::vector<unsigned char> jpeg;
            for (int quality = 85; quality >= 40; quality -= 5) {
                cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, quality});
                if (jpeg.size() <= 150 * 1024) {
                    break;
                }
            }
            const fs::path file = out / (name + "-" + std::to_string(i + 1) + ".jpg");
            std::ofstream(file, std::ios::binary)
                .write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
        }
        std::printf("%s: %.0f KB model\n", name.c_str(),
                    fs::file_size(out / (name + ".glb")) / 1024.0);
    }
    return 0;
}
