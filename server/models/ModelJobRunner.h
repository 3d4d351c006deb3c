// Makes one listing's 3D model: copies its stored photos into a scratch
// folder, runs the bitmarket-reconstruct engine as a child process (so a crash
// or runaway memory in the engine cannot take the server down), turns its
// "progress <stage> <fraction>" lines into progress reports, and stores the
// GLB and preview through the MediaStore. Scratch folders a killed worker left
// behind are removed by the next run on the same machine.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Result.h"
#include "db/Database.h"
#include "jobs/JobRecord.h"
#include "media/MediaStore.h"

#include <functional>

namespace bitmarket::server::models {

class ModelJobRunner {
public:
    struct Options {
        QString enginePath; // empty: bitmarket-reconstruct next to the running program
        QString quality = QStringLiteral("normal");
        int threads = 0; // engine threads; 0 lets the engine decide
        QString workDir; // scratch folders go here; empty: the system temp folder
        qint64 timeoutMs = 45 * 60 * 1000;
        int reportIntervalMs = 1000; // progress is reported at least and at most this often
    };

    // Called with the job's overall progress (0..1) and the engine's stage, at
    // least every reportIntervalMs while the engine runs. Returning false stops
    // the engine and makes run() return an error.
    using Progress = std::function<bool(double progress, const QString& stage)>;

    ModelJobRunner(db::Database& db, media::MediaStore& store);
    ModelJobRunner(db::Database& db, media::MediaStore& store, Options options);

    // The model (status "done", url, previewUrl, quality, triangles) or an
    // error: validation_failed / not_found when retrying cannot help (no
    // listing, no photos), internal when it might (engine crash, timeout).
    Result<ModelInfo> run(const jobs::JobRecord& job, const Progress& progress);

    QString enginePath() const;

private:
    db::Database& m_db;
    media::MediaStore& m_store;
    Options m_options;
};

} // namespace bitmarket::server::models
