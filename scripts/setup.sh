#!/usr/bin/env bash
# One command from a fresh Debian/Ubuntu machine to a first result: installs the dependencies,
# builds the models and the app, makes the sample clips, then analyses one of them with the CLI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup-deps.sh
echo "setup: building models and the app"
npm run --silent build
echo "setup: making sample clips"
bash scripts/make-fixtures.sh
echo "setup: analysing a sample video"
echo
npx --no-install qrouter analyze e2e/fixtures/clean.mp4
