#!/usr/bin/env bash
# bench/output/run.sh: the cost of the types' text output (1.1: a plain decimal in the base
# unit) against numeric's and bigint's output of the same values, and of format_auto.
#
#   bash bench/output/run.sh                       1M rows
#   BENCH_ROWS=5000000 bash bench/output/run.sh
#
# Stages the extension like tools/test.sh, loads the same amounts as yuan, numeric (元) and
# int8 (分), then times COPY … TO '/dev/null' (text) of each column, interleaved in one
# session, best of 3 rounds after a warm-up round.  Results in bench/output/README.md.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS=${BENCH_ROWS:-1000000}
RUNS=3

CLUSTER_EXTRA_CONF="jit = off
max_parallel_workers_per_gather = 0" bench_start bench_output

psql_do <<SQL
CREATE EXTENSION industry;
CREATE TABLE bench_out AS
SELECT (i * 2654435761) % 100000000000 AS fen,
	   ((i * 2654435761) % 100000000000 * 0.01)::numeric AS num,
	   ((i * 2654435761) % 100000000000 * 0.01)::yuan AS y
FROM generate_series(1::bigint, $ROWS) i;
VACUUM FREEZE bench_out;
SQL

# time_ms QUERY...: each query once as warm-up, then the best of $RUNS rounds (interleaved)
time_ms() {
	local script='' i q
	for ((i = 0; i <= RUNS; i++)); do
		for q in "$@"; do script+="$q"$'\n'; done
	done
	psql_do -o /dev/null <<<"\\timing on"$'\n'"$script" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' |
		awk -v n=$# '{ k = (NR - 1) % n; r = int((NR - 1) / n); if (r > 0 && (best[k] == "" || $1 + 0 < best[k] + 0)) best[k] = $1 }
			END { for (k = 0; k < n; k++) printf "%s ", best[k]; print "" }'
}

say "COPY ($ROWS rows) TO /dev/null: yuan output, numeric output, int8 output, format_auto(yuan)"
read -r t_yuan t_num t_int t_auto < <(time_ms \
	"COPY (SELECT y FROM bench_out) TO '/dev/null';" \
	"COPY (SELECT num FROM bench_out) TO '/dev/null';" \
	"COPY (SELECT fen FROM bench_out) TO '/dev/null';" \
	"COPY (SELECT format_auto(y) FROM bench_out) TO '/dev/null';")
echo "yuan ${t_yuan} ms, numeric ${t_num} ms, int8 ${t_int} ms, format_auto ${t_auto} ms"
awk -v a="$t_yuan" -v b="$t_num" -v c="$t_int" -v d="$t_auto" 'BEGIN {
	printf "yuan output / numeric output: %.2f×\nyuan output / int8 output: %.2f×\nformat_auto / yuan output: %.2f×\n", a / b, a / c, d / a }'
