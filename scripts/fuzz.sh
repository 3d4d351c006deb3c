#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang into build-fuzz/ and
# runs each for the given number of seconds, from its seed corpus in
# tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/ (inputs
# that once crashed it), then prints executions and crashes per target.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]   # default 60 s, every target
#
# What a run learns stays in build-fuzz/fuzz-corpus/<target>/ and is the start
# of the next run; a crashing input is kept in build-fuzz/fuzz-crashes/<target>/
# (replay it: build-fuzz/bin/fuzz/fuzz-<target> FILE). A target stops at its
# first crash. Exits non-zero when any target crashed. Needs clang-16 and
# libclang-rt-16-dev (scripts/debian-packages.txt); the test command does not.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
build="${BITMARKET_FUZZ_BUILD_DIR:-$root/build-fuzz}"
"$root/scripts/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/bitmarket-ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-16 -DBITMARKET_FUZZ=ON \
    -DBITMARKET_BUILD_CLIENT=OFF -DBITMARKET_BUILD_TESTS=OFF -DBITMARKET_BUILD_BENCHMARKS=OFF \
    -DBITMARKET_BUILD_TOOLS=OFF -DBITMARKET_BUILD_RECONSTRUCT=OFF
fi
ninja -C "$build" -j "${BITMARKET_JOBS:-$(nproc)}" fuzz-targets

if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  mapfile -t targets < <(ls "$root/tests/fuzz/corpus")
fi

# Largest input per target: photos and whole HTTP requests need room.
max_len() {
  case "$1" in
    photo-ingest) echo 65536 ;;
    http-requests) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

# Databases and media stores of the targets live in memory.
export TMPDIR="${TMPDIR:-/dev/shm}"
# Short allocation stacks and a small quarantine: on photo ingest, recording every
# allocation's full stack took most of the time and the memory (239 -> 451 execs/s
# after a minute, rss 613 -> 88 MB). A crash's own stack is whole; replay a crash
# input with ASAN_OPTIONS=detect_leaks=1 for the full allocation stacks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=2:quarantine_size_mb=16}"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || true)}"
status=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  crashes="$build/fuzz-crashes/$target"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  echo "fuzz: $target for ${seconds}s"
  set +e
  # Inputs that once crashed it (tests/fuzz/regressions/) are seeds too.
  seeds=("$root/tests/fuzz/corpus/$target")
  [[ -d "$root/tests/fuzz/regressions/$target" ]] && seeds+=("$root/tests/fuzz/regressions/$target")
  "$build/bin/fuzz/fuzz-$target" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=25 -rss_limit_mb=3072 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  executions="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  found="$(find "$crashes" -type f | wc -l)"
  if [[ $rc -ne 0 ]]; then
    status=1
    summary+=("$(printf '%-14s %12s executions  CRASHED (exit %d), see %s' "$target" "${executions:-?}" "$rc" "$log")")
  else
    summary+=("$(printf '%-14s %12s executions  %d crash inputs kept' "$target" "$executions" "$found")")
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
