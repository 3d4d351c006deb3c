#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test.
# GUI tests run under a virtual X server (Xvfb); no display is needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "${BITMARKET_BUILD_DIR:-$root/build}"
exec xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --output-on-failure -j "${BITMARKET_TEST_JOBS:-2}" -LE benchmark
