#!/usr/bin/env bash
# bench/evaluation/run_lists.sh [N] [RUNS]: evaluate() with four evaluation lists
# (Cixi-style: 规上, 规下 ≥3亩, 规下 <3亩, 租赁企业) and an indicator defined as a sum of four
# columns (单位排放增加值 over COD + SO2 + 氨氮 + NOx) against the plain-SQL equivalent
# (lists_plain.sql: CASE for the list, window functions for benchmarks and ranks) on N
# generated enterprises (default 1000000).  Both results are materialised (CREATE TEMP
# TABLE AS); plain and evaluate alternate in one session, RUNS timed rounds (default 7)
# after a warm-up, and the medians of the times and of the per-round ratios are printed.
# The plain query's plan is shown (parallel workers or not, at the default
# max_parallel_workers_per_gather = 2); then lists, totals, ranks and classes are compared
# firm by firm and the script fails if any differs.  Private scratch server (bench/lib.sh).
set -euo pipefail
N=${1:-1000000}
RUNS=${2:-7}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
HERE=$REPO/bench/evaluation
bench_start evalbench >/dev/null
psql_do -v n="$N" -d postgres <"$HERE/lists.sql"
export PGDATABASE=evalbench

PLAIN_DEF=$(cat "$HERE/lists_plain.sql")
SETTINGS="SET work_mem = '512MB'; SET jit = off; SET client_min_messages = warning;"
say "the plain query's plan (max_parallel_workers_per_gather $(psql_do -Atc 'SHOW max_parallel_workers_per_gather'))"
plan=$(psql_do <<<"$SETTINGS"$'\n'"$PLAIN_DEF"$'\n'"EXPLAIN CREATE TEMP TABLE p AS :plain;")
echo "$plan" | grep -E 'Gather|Workers|WindowAgg|Sort  |Sort \(|Scan on firms' | sed 's/  (cost.*//'
echo "parallel workers planned: $(echo "$plan" | sed -n 's/.*Workers Planned: //p' | paste -sd+ | grep . || echo none)"

say "timing: $RUNS rounds of plain SQL then evaluate(), $N firms"
times=$(alternate_ms \
	"$SETTINGS"$'\n'"$PLAIN_DEF"$'\n'"DROP TABLE IF EXISTS plain_r;" \
	"CREATE TEMP TABLE plain_r AS :plain;" \
	"DROP TABLE IF EXISTS one_call_r;" \
	"CREATE TEMP TABLE one_call_r AS SELECT * FROM evaluate('bench', 2024, 'SELECT * FROM firms');")
echo "$times" | awk '{ printf "plain %8.0f ms   evaluate %8.0f ms   ratio %.2f\n", $1, $2, $1 / $2 }'
read -r m_plain m_eval m_ratio < <(echo "$times" | median_ratio)
echo "median: plain $m_plain ms, evaluate $m_eval ms, median ratio plain / evaluate ${m_ratio}x (load average: $(cut -d' ' -f1-3 /proc/loadavg))"

say "identical results?"
psql_do <<<"$PLAIN_DEF"$'\n'"$(cat "$HERE/lists_check.sql")"
