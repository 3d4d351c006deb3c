#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test.
# GUI tests run under a virtual X server (Xvfb); no display is needed. Then
# the server-side suites run once more from a second build, build-asan/, under
# AddressSanitizer and UndefinedBehaviorSanitizer (client, GUI, engine and
# tools switched off there); a sanitizer report from any of its processes fails it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITMARKET_BUILD_DIR:-$root/build}"
asan="${BITMARKET_ASAN_BUILD_DIR:-$root/build-asan}"
jobs="${BITMARKET_TEST_JOBS:-2}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

status=0
(cd "$build" && xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --output-on-failure -j "$jobs" -LE benchmark) || status=$?

asan_options=()
if [[ ! -f "$asan/build.ninja" ]]; then
  asan_options=(-DBITMARKET_SANITIZE=ON -DBITMARKET_BUILD_CLIENT=OFF -DBITMARKET_BUILD_TOOLS=OFF
                -DBITMARKET_BUILD_BENCHMARKS=OFF -DBITMARKET_BUILD_RECONSTRUCT=OFF)
fi
echo "test: the server-side suites again under ASan and UBSan ($asan)"
BITMARKET_BUILD_DIR="$asan" "$root/scripts/build.sh" "${asan_options[@]}"
rm -rf "$asan/sanitizer-reports"
mkdir -p "$asan/sanitizer-reports"
(cd "$asan" && ctest --output-on-failure -j "$jobs" -LE benchmark) || status=$?
# Reports of every process, the servers the suites start included.
if compgen -G "$asan/sanitizer-reports/*" >/dev/null; then
  cat "$asan"/sanitizer-reports/*
  echo "test: the sanitizers reported errors (above; files in $asan/sanitizer-reports)" >&2
  status=1
fi
exit $status
