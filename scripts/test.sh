#!/usr/bin/env bash
# The whole test suite: dependencies, typecheck, app and library builds, unit tests, fixtures, then
# the end-to-end tests in headless Chromium (app, errors, cancel, CLI, real content when present).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { echo; echo "== $* =="; }

step "dependencies"
bash scripts/setup-deps.sh
step "typecheck"
npx --no-install tsc --noEmit -p .
step "build (models + app)"
npm run --silent build
step "library build"
npm run --silent build:lib
step "unit tests"
npx --no-install vitest run
step "fixtures"
bash scripts/make-fixtures.sh
step "end-to-end tests"
node --import tsx --test --test-concurrency=1 e2e/*.test.ts
