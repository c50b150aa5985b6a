#!/usr/bin/env bash
# bench/intake/run.sh [N]: merging the sources of N firms (default 1000000) with 1.5 N
# parcels — land_allocation() of the parcels, then merge_sources() of 名录, 不动产登记, 税务
# (two lines per firm) and 统计 against the 名录, pivoted to one row per firm — against
# the plain SQL joins a user would write (GROUP BY per source, LEFT JOINs on the text code,
# no diagnostics).  Both materialise their result (CREATE TEMP TABLE AS); each is timed 3
# times, the best time counts; the per-firm sums are then compared.  Uses a private
# scratch server (tools/lib.sh).
set -euo pipefail
N=${1:-1000000}
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/lib.sh"
build >/dev/null
stage_install >/dev/null
trap cluster_stop EXIT
cluster_start intakebench >/dev/null
export PATH="$STAGE_BIN:$PATH"
as_pg psql -X -q -v ON_ERROR_STOP=1 -v n="$N" -d postgres -f "$REPO/bench/intake/bench.sql"
as_pg psql -X -q -v ON_ERROR_STOP=1 -d postgres -f "$REPO/bench/intake/cells.sql"
