#!/usr/bin/env bash
# The full reliability suite (`npm run test:reliability`): import fuzzing, round trips, the
# write/load parity, browser kills, two-tab edits and the storage-fault scenarios. Writes
# RELIABILITY.md from what ran, also when something failed, and exits with the suite's result.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf reliability-results
export RELIABILITY=full
npx vitest run src/state/import-fuzz.test.ts src/state/round-trip.test.ts src/persistence/write-read-parity.test.ts src/state/workspace-safety.test.ts
unit=$?
npx vite build >/dev/null && PLAYWRIGHT_JSON_OUTPUT_NAME=reliability-results/playwright.json \
  npx playwright test test/reliability.spec.ts test/data-safety.spec.ts test/storage.spec.ts --reporter=list,json
browser=$?
node test/reliability-report.mjs
[[ $unit -eq 0 && $browser -eq 0 ]]
