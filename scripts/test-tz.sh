#!/usr/bin/env bash
# Runs the time-sensitive suites under several process time zones; results must not change.
# vitest.config.ts excludes every *.heavy.test.ts, so no heavy suite runs here: each runs once, in
# `npm run test:heavy`. The compiled-vs-reference differential compares two paths in one zone, so
# it is left out too (it runs in `npm test` and, at 10,000 queries per pack, in test:heavy).
set -euo pipefail
cd "$(dirname "$0")/.."
for tz in Asia/Shanghai UTC America/Los_Angeles Pacific/Kiritimati; do
  echo "== TZ=$tz"
  TZ="$tz" npx vitest run --config vitest.config.ts test/calendar test/deadlines test/lifecycle test/engine \
    --exclude test/engine/compiledDifferential.test.ts --reporter=dot
done
