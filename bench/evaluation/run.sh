#!/usr/bin/env bash
# bench/evaluation/run.sh [N]: the one-call evaluate() against the best plain-SQL
# equivalent (window functions + CASE) on N generated enterprises (default 1000000) in
# 5 industry groups, 6 indicators with data-derived benchmarks, cap, floor, the
# group-average rule for missing emission data and 20/60/15/5 quotas.  Both results are
# materialised (CREATE TEMP TABLE AS); each is timed 3 times, the best time counts;
# classes are then compared firm by firm.  Uses a private scratch server (bench/lib.sh).
set -euo pipefail
N=${1:-1000000}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_start evalbench >/dev/null
psql_do -v n="$N" -d postgres -f "$REPO/bench/evaluation/bench.sql"
