#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, starts the
# payment sandbox and the server with the demo catalogue beside it, and opens
# the desktop client against them.
# Ctrl+C (or closing the client) stops both. Data stays in $BITMARKET_DEMO_DATA.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITMARKET_BUILD_DIR:-$root/build}"
data="${BITMARKET_DEMO_DATA:-$HOME/.local/share/bitmarket-demo}"
listen="${BITMARKET_LISTEN:-127.0.0.1:8080}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

mkdir -p "$data"
# The payment sandbox beside it, with a secret of this data dir's: escrow orders are paid at its
# checkout (card 4242424242424242 approves).
payments="${BITMARKET_PAYMENT_LISTEN:-127.0.0.1:8090}"
secret="$data/payment-sandbox-secret"
[[ -s "$secret" ]] || (umask 077; head -c 32 /dev/urandom | base64 >"$secret")
"$build/bin/bitmarket-payment-sandbox" --listen "$payments" --webhook-secret-file "$secret" \
  --webhook-url "http://$listen/api/v1/payments/webhooks/sandbox" &
sandbox=$!
"$build/bin/bitmarket-server" --data-dir "$data" --listen "$listen" --demo \
  --payment-provider sandbox --payment-api "http://$payments" --payment-webhook-secret-file "$secret" &
server=$!
trap 'kill "$server" "$sandbox" 2>/dev/null; wait "$server" "$sandbox" 2>/dev/null || true' EXIT INT TERM

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
