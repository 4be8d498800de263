#!/usr/bin/env bash
# Runs the time-sensitive suites under several process time zones; results must not change.
set -euo pipefail
cd "$(dirname "$0")/.."
for tz in Asia/Shanghai UTC America/Los_Angeles Pacific/Kiritimati; do
  echo "== TZ=$tz"
  TZ="$tz" npx vitest run test/calendar test/deadlines test/lifecycle test/engine --reporter=dot
done
