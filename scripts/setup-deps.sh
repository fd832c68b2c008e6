#!/usr/bin/env bash
# Installs what the project needs on a Debian/Ubuntu machine: Node packages (npm ci, or npm install
# when there is no lock file) and, when missing, Debian's chromium and ffmpeg (with sudo when not
# root). Never downloads browsers through playwright: the system's Chromium is used.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "setup: $*"; }

if ! command -v node >/dev/null 2>&1 || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "setup: Node.js 20 or newer is required (https://nodejs.org, or your distribution's nodejs package)." >&2
  exit 1
fi

chromium_path() {
  for c in "${QROUTER_CHROMIUM:-}" "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [[ -n "$c" && -x "$c" ]]; then echo "$c"; return 0; fi
  done
  return 1
}

missing=()
chromium_path >/dev/null || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${missing[*]} (no apt-get on this machine)." >&2
    exit 1
  fi
  SUDO=()
  if [[ "$(id -u)" != "0" ]]; then SUDO=(sudo); fi
  log "installing ${missing[*]} with apt-get"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
log "chromium: $(chromium_path)"
log "ffmpeg: $(command -v ffmpeg)"

if [[ ! -d node_modules/playwright-core || ! -d node_modules/vite || "${QROUTER_REINSTALL:-0}" == "1" ]]; then
  export ONNXRUNTIME_NODE_INSTALL=skip PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [[ -f package-lock.json ]]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  else
    log "npm install"
    npm install --no-audit --no-fund
  fi
else
  log "node_modules present"
fi
