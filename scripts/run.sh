#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, starts the
# server with the demo catalogue and opens the desktop client against it.
# Ctrl+C (or closing the client) stops both. Data stays in $BITMARKET_DEMO_DATA.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITMARKET_BUILD_DIR:-$root/build}"
data="${BITMARKET_DEMO_DATA:-$HOME/.local/share/bitmarket-demo}"
listen="${BITMARKET_LISTEN:-127.0.0.1:8080}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

mkdir -p "$data"
"$build/bin/bitmarket-server" --data-dir "$data" --listen "$listen" --demo &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT INT TERM

url="http://$listen"
for _ in $(seq 1 100); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "run: the server did not start" >&2; exit 1; }
  sleep 0.2
done
echo "run: server ready at $url (demo sign-in: minji / bitmarket-demo)"

if [[ -x "$build/bin/bitmarket" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
  "$build/bin/bitmarket" --server "$url"
else
  echo "run: no display here, so only the server runs; press Ctrl+C to stop it"
  wait "$server"
fi
