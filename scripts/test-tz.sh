#!/usr/bin/env bash
# Runs the time-sensitive suites under several process time zones; results must not change.
# (The 10,000-query compiled-vs-reference differential runs once, in `npm test`.)
set -euo pipefail
cd "$(dirname "$0")/.."
for tz in Asia/Shanghai UTC America/Los_Angeles Pacific/Kiritimati; do
  echo "== TZ=$tz"
  TZ="$tz" npx vitest run test/calendar test/deadlines test/lifecycle test/engine \
    --exclude test/engine/compiledDifferential.test.ts --reporter=dot
done
