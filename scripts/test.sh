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
rm -rf "$asan/sanitizer-reports" "$asan/sanitizer-tracer-crashes"
mkdir -p "$asan/sanitizer-reports"
asan_status=0
(cd "$asan" && ctest --output-on-failure -j "$jobs" -LE benchmark) || asan_status=$?

# LeakSanitizer's own stop-the-world tracer sometimes crashes as a process exits ("Tracer
# caught signal 11"): then no leak check ran, and nothing was found. A suite whose only
# reports are that crash runs once more, and the second run's reports and result count.
declare -A crashed=() reported=()
for report in "$asan"/sanitizer-reports/*; do
  [[ -e "$report" ]] || continue
  suite="$(basename "${report%.*}")"
  if grep -q "LeakSanitizer has encountered a fatal error" "$report" &&
     ! grep -q -E "ERROR: (AddressSanitizer|LeakSanitizer: detected)|runtime error" "$report"; then
    crashed[$suite]=1
  else
    reported[$suite]=1
  fi
done
again=()
for suite in "${!crashed[@]}"; do
  [[ -n "${reported[$suite]:-}" ]] || again+=("$suite")
done
if [[ ${#again[@]} -gt 0 ]]; then
  echo "test: LeakSanitizer's tracer crashed in ${again[*]} (below); running them again"
  mkdir -p "$asan/sanitizer-tracer-crashes"
  for suite in "${again[@]}"; do
    cat "$asan/sanitizer-reports/$suite".*
    mv "$asan/sanitizer-reports/$suite".* "$asan/sanitizer-tracer-crashes/"
  done
  # Failures of other suites in the first run still count.
  others_failed=0
  while IFS=: read -r _ name; do
    [[ " ${again[*]} " == *" $name "* ]] || others_failed=1
  done < <(cat "$asan/Testing/Temporary/LastTestsFailed.log" 2>/dev/null || true)
  pattern="^($(IFS='|'; echo "${again[*]}"))\$"
  rerun_status=0
  (cd "$asan" && ctest --output-on-failure -R "$pattern") || rerun_status=$?
  if [[ $others_failed -eq 0 ]]; then
    asan_status=$rerun_status
  fi
fi
[[ $asan_status -eq 0 ]] || status=$asan_status
# Reports of every process, the servers the suites start included.
if compgen -G "$asan/sanitizer-reports/*" >/dev/null; then
  cat "$asan"/sanitizer-reports/*
  echo "test: the sanitizers reported errors (above; files in $asan/sanitizer-reports)" >&2
  status=1
fi
exit $status
