#!/usr/bin/env bash
# bench/evaluation/run_lists.sh [N]: evaluate() with four evaluation lists (Cixi-style:
# 规上, 规下 ≥3亩, 规下 <3亩, 租赁企业) and an indicator defined as a sum of four columns
# (单位排放增加值 over COD + SO2 + 氨氮 + NOx) against the plain-SQL equivalent (CASE for
# the list, window functions for benchmarks and ranks) on N generated enterprises (default
# 1000000).  Both results are materialised; each is timed 3 times, the best time counts;
# totals and classes are then compared firm by firm.  Private scratch server (bench/lib.sh).
set -euo pipefail
N=${1:-1000000}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_start evalbench >/dev/null
psql_do -v n="$N" -d postgres -f "$REPO/bench/evaluation/lists.sql"
