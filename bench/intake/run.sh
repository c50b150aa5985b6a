#!/usr/bin/env bash
# bench/intake/run.sh [N]: merging the sources of N firms (default 1000000) with 1.5 N
# parcels — land_allocation() of the parcels, then merge_sources() of 名录, 不动产登记, 税务
# (two lines per firm) and 统计 against the 名录, pivoted to one row per firm — against
# the plain SQL joins a user would write (GROUP BY per source, LEFT JOINs on the text code,
# no diagnostics).  Both materialise their result (CREATE TEMP TABLE AS); each is timed 3
# times, the best time counts; the per-firm sums are then compared.  Uses a private
# scratch server (bench/lib.sh).
set -euo pipefail
N=${1:-1000000}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_start intakebench >/dev/null
psql_do -v n="$N" -d postgres -f "$REPO/bench/intake/bench.sql"
psql_do -d postgres -f "$REPO/bench/intake/cells.sql"
