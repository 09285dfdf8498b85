#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine (Debian's shellcheck,
# chromium and python3-zmq; the npm dependencies), then runs every test with `npm test`.
# Without the upstream corpus its tests are skipped with one line that says how to get it;
# `.ci/run` calls this with MINICLUSTER_REQUIRE_CORPUS=1, so CI fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
/usr/bin/python3 -c 'import zmq' >/dev/null 2>&1 || missing+=(python3-zmq)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
npm test
