#!/usr/bin/env bash
# The full evaluation of the photo -> 3D engine (issue 3). Slow by design and
# separate from ctest:
#   1. builds bitmarket-reconstruct and the harness bitmarket-reconstruct-eval,
#   2. installs the Khronos gltf-validator (npm) into the build folder,
#   3. scores synthetic scenes (noise + JPEG, known geometry, file names
#      shuffled): precision, recall and F-score at 1% of the object's
#      bounding-box diagonal, and the outline: the true object and the model
#      rendered into the true cameras at 640 px, silhouette IoU and the mean
#      distance between the outlines in pixels,
#   4. validates every GLB it produced,
#   5. runs the real monstree phone photos under /usr/bin/time -v,
#   6. the speed target: the same photos as 12 MP phone files (4032x3024, EXIF
#      kept): the three originals in the dataset plus the others upscaled.
#
# Usage: scripts/evaluate-reconstruct.sh [--quality draft|normal|high]
#            [--views N] [--scenes vase,box,blob,capsule] [--skip-synthetic]
#            [--skip-monstree] [--skip-12mp] [--build DIR] [--out DIR]
# Results: <out>/synthetic/summary.json, <out>/{monstree,monstree-12mp}/{report.json,time.txt,preview.png}
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-recon"
quality=normal
views=30
scenes=vase,box,blob,capsule
synthetic=1
monstree=1
twelve=1
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quality) quality="$2"; shift 2 ;;
    --views) views="$2"; shift 2 ;;
    --scenes) scenes="$2"; shift 2 ;;
    --skip-synthetic) synthetic=0; shift ;;
    --skip-monstree) monstree=0; shift ;;
    --skip-12mp) twelve=0; shift ;;
    --build) build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
out="${out:-$build/eval-$quality}"

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DBITMARKET_BUILD_CLIENT=OFF \
    -DBITMARKET_BUILD_SERVER=ON -DBITMARKET_BUILD_BENCHMARKS=ON
fi
ninja -C "$build" -j2 bitmarket-reconstruct bitmarket-reconstruct-eval

# The validator lives in the build folder, pinned by tests/reconstruct/package.json;
# the fast tests pick it up from there too.
tools="$build/node-tools"
if [[ ! -d "$tools/node_modules/gltf-validator" ]] && command -v npm >/dev/null; then
  mkdir -p "$tools"
  cp "$root/tests/reconstruct/package.json" "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --silent || echo "warning: npm install failed"
fi
validate() {
  if [[ -d "$tools/node_modules/gltf-validator" ]]; then
    NODE_PATH="$tools/node_modules" node "$root/tests/reconstruct/validate-gltf.mjs" "$1" |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s).issues;
        console.log(`gltf-validator ${process.argv[1]}: ${r.numErrors} errors, ${r.numWarnings} warnings`);})' "$1"
  else
    echo "gltf-validator not installed; skipped $1"
  fi
}

mkdir -p "$out"
if [[ $synthetic -eq 1 ]]; then
  echo "== synthetic scenes ($quality, $views views)"
  "$build/bin/bitmarket-reconstruct-eval" --out "$out/synthetic" --quality "$quality" \
    --views "$views" --scenes "$scenes"
  for glb in "$out"/synthetic/*/model.glb; do validate "$glb"; done
fi

# Reconstructs one folder of photos under /usr/bin/time -v and prints the figures.
run_photos() {
  local name="$1" images="$2" m="$out/$1"
  echo "== $name"
  mkdir -p "$m"
  /usr/bin/time -v -o "$m/time.txt" "$build/bin/bitmarket-reconstruct" \
    --images "$images" --out "$m/model.glb" \
    --report "$m/report.json" --preview "$m/preview.png" --quality "$quality" --threads 2 \
    > "$m/progress.log"
  grep -E "Elapsed|Maximum resident" "$m/time.txt"
  node -e 'const r=require(process.argv[1]);console.log(`quality ${r.quality}, registered ${r.images_registered}/${r.images_used}, points ${r.points}, triangles ${r.triangles}, total ${r.total_seconds.toFixed(1)} s`);console.log(JSON.stringify(r.stage_seconds));console.log("warnings:", r.warnings.join("; "))' "$m/report.json"
  validate "$m/model.glb"
}

dataset="$root/../shared/datasets/monstree"
if [[ $monstree -eq 1 ]]; then
  run_photos monstree "$dataset/photos"
fi

if [[ $twelve -eq 1 ]]; then
  # ImageMagick resizes and keeps the EXIF block (orientation, focal length, GPS).
  command -v convert-im6.q16 >/dev/null || apt-get install -y --no-install-recommends imagemagick
  photos="$out/photos-12mp"
  mkdir -p "$photos"
  for photo in "$dataset"/photos/*; do
    name="$(basename "$photo")"
    [[ -f "$photos/$name" ]] && continue
    if [[ -f "$dataset/full/$name" ]]; then
      cp "$dataset/full/$name" "$photos/$name"
    else
      convert-im6.q16 "$photo" -resize 4032x3024 -quality 92 "$photos/$name"
    fi
  done
  run_photos monstree-12mp "$photos"
fi
