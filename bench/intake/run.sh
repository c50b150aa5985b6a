#!/usr/bin/env bash
# bench/intake/run.sh [N] [ROUNDS]: merging the sources of N firms (default 1000000) with
# 1.5 N parcels — land_allocation() of the parcels, then merge_sources() of 名录, 不动产登记,
# 税务 (two lines per firm) and 统计 against the 名录, pivoted to one row per firm — against
# the plain SQL joins a user would write (GROUP BY per source, LEFT JOINs on the text code,
# no diagnostics).  ROUNDS (default 5) rounds in one session, plain and intake alternating
# (so a change in machine load hits both alike); each step is timed by wall clock and by
# the backend's own CPU time; the medians and the median of the per-round ratios are
# printed.  Then the diagnostics on top, the per-firm sums compared, and the per-cell
# parse.  Uses a private scratch server (bench/lib.sh).
set -euo pipefail
N=${1:-1000000}
ROUNDS=${2:-5}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_start intakebench >/dev/null
psql_do -v n="$N" -d postgres -f "$REPO/bench/intake/bench.sql"
{
	echo "SET work_mem = '512MB';"
	echo "SET jit = off;"
	for ((r = 0; r < ROUNDS; r++)); do cat "$REPO/bench/intake/round.sql"; done
} | psql_do -At -F ' ' -d intakebench | awk -f "$REPO/bench/intake/medians.awk"
psql_do -d postgres -f "$REPO/bench/intake/check.sql"
psql_do -d postgres -f "$REPO/bench/intake/cells.sql"
