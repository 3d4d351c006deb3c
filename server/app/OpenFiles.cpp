#include "app/OpenFiles.h"

#include <algorithm>

#include <sys/resource.h>

namespace bitmarket::server {

namespace {
// The database and its WAL per worker thread, media being read or written, the
// engine's pipes, the listeners, logs.
constexpr rlim_t kFilesForTheRest = 128;
} // namespace

ConnectionBudget connectionBudget(int most) {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return {most, most};
    if (files.rlim_cur < files.rlim_max) {
        rlimit raised{files.rlim_max, files.rlim_max};
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            files = raised;
    }
    const rlim_t forConnections = files.rlim_cur > 2 * kFilesForTheRest
                                      ? files.rlim_cur - kFilesForTheRest
                                      : files.rlim_cur / 2;
    const int share =
        static_cast<int>(std::min<rlim_t>(forConnections / 2, static_cast<rlim_t>(most)));
    return {share, share};
}

} // namespace bitmarket::server
