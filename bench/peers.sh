#!/usr/bin/env bash
# strata beside Alembic and drizzle-kit in one run of the peer harness
# (../shared/bench-peers, see its README; ~15 minutes at 1,000 tables):
#   npm run bench:peers            # 1,000 tables
#   npm run bench:peers -- 100     # another size
# The harness prints its table; bench/peer-targets.mjs then prints strata's
# ratios against the floor and the peers, measured in that same run, beside
# the targets they must meet.
set -euo pipefail
cd "$(dirname "$0")/.."
HARNESS=${STRATA_BENCH_PEERS:-../shared/bench-peers}
[ -x "$HARNESS/vs-strata.sh" ] || { echo "the peer harness is missing: expected $HARNESS/vs-strata.sh (or set STRATA_BENCH_PEERS)"; exit 2; }
"$HARNESS/vs-strata.sh" "${1:-1000}"
node bench/peer-targets.mjs "${PEERBENCH_DIR:-/tmp/peerbench}/results/latest/raw.jsonl"
