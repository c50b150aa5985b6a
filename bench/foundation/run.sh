#!/usr/bin/env bash
# bench/foundation/run.sh: the foundation benchmarks of SPEC §9, as ratios measured in one run.
#
#   bash bench/foundation/run.sh            10M rows (the SPEC size; needs ~3 GB disk, ~2 GB RAM)
#   BENCH_ROWS=1000000 bash bench/foundation/run.sh     a quicker, smaller run
#
# Builds and stages the extension like tools/test.sh, starts a private scratch server
# (jit = off, shared_buffers large enough to hold every table), loads the same values as
# yuan/mu_area, as int8 (stored units) and as numeric (元/亩), VACUUM FREEZEs and prewarms,
# then times each pair of queries interleaved, best of 3 rounds after a warm-up round, serially
# (max_parallel_workers_per_gather = 0) unless noted.  Prints times and the ratios that
# SPEC §9 sets targets for; results are recorded in bench/foundation/README.md.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS=${BENCH_ROWS:-10000000}
RUNS=3

CLUSTER_EXTRA_CONF="shared_buffers = ${BENCH_SHARED_BUFFERS:-2GB}
jit = off
max_parallel_workers_per_gather = 0
max_wal_size = 8GB
checkpoint_timeout = 1h
autovacuum = off" bench_start bench
BENCH_DIR=$CLUSTER_DIR/bench
mkdir -p "$BENCH_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$BENCH_DIR"

say "loading $ROWS rows three ways (yuan/mu_area, int8 stored units, numeric 元/亩)"
psql_do <<SQL
CREATE EXTENSION industry;
CREATE EXTENSION pg_prewarm;
-- 分 in [0, 10亿元), 10^-6 亩 in [1亩, 501亩): deterministic, well spread
CREATE TABLE bench_i AS
SELECT (i * 2654435761) % 100000000000 AS y, (i * 40503) % 500000000 + 1000000 AS m
FROM generate_series(1::bigint, $ROWS) i;
CREATE TABLE bench_q AS SELECT (y * 0.01)::yuan AS y, (m * 0.000001)::mu_area AS m FROM bench_i;
-- exact decimals with their natural scale: 元 to 0.01, 亩 to 0.000001
CREATE TABLE bench_n AS SELECT y * 0.01 AS y, m * 0.000001 AS m FROM bench_i;
CREATE TABLE bench_copy_yuan (y yuan);
CREATE TABLE bench_copy_numeric (y numeric);
COPY (SELECT y FROM bench_n) TO '$BENCH_DIR/values.txt';
VACUUM (FREEZE, ANALYZE) bench_i, bench_q, bench_n;
SQL
psql_do -At <<'SQL'
SELECT 'table sizes: ' || string_agg(format('%s %s', relname, pg_size_pretty(pg_relation_size(oid))), ', ' ORDER BY relname)
FROM pg_class WHERE relname IN ('bench_i', 'bench_q', 'bench_n');
SELECT 'prewarmed pages: ' || sum(pg_prewarm(t))::text FROM unnest(ARRAY['bench_i', 'bench_q', 'bench_n']) t;
-- the three representations agree
SELECT 'per_mu = Σ/Σ numeric: ' || (per_mu(q.y, q.m)::numeric = round(n.sy / n.sm, 4))::text
FROM bench_q q, (SELECT sum(y) AS sy, sum(m) AS sm FROM bench_n) n GROUP BY n.sy, n.sm;
SQL

SERIAL='SET max_parallel_workers_per_gather = 0;'
PAR='SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET min_parallel_table_scan_size = 0;'
COPY_Y="TRUNCATE bench_copy_yuan;"
COPY_N="TRUNCATE bench_copy_numeric;"
say "timing (ms, best of $RUNS interleaved rounds after a warm-up round)"
read -r t_per_mu t_sum2_int8 < <(pair_ms "$SERIAL" 'SELECT per_mu(y, m) FROM bench_q;' "$SERIAL" 'SELECT sum(y), sum(m) FROM bench_i;')
read -r t_sum2_numeric t_per_mu2 < <(pair_ms "$SERIAL" 'SELECT sum(y) / sum(m) FROM bench_n;' "$SERIAL" 'SELECT per_mu(y, m) FROM bench_q;')
read -r t_sum_yuan t_sum_int8 < <(pair_ms "$SERIAL" 'SELECT sum(y) FROM bench_q;' "$SERIAL" 'SELECT sum(y) FROM bench_i;')
read -r t_sum_numeric t_sum_yuan2 < <(pair_ms "$SERIAL" 'SELECT sum(y) FROM bench_n;' "$SERIAL" 'SELECT sum(y) FROM bench_q;')
read -r t_avg_yuan t_avg_int8 < <(pair_ms "$SERIAL" 'SELECT avg(y) FROM bench_q;' "$SERIAL" 'SELECT avg(y) FROM bench_i;')
read -r t_max_yuan t_max_int8 < <(pair_ms "$SERIAL" 'SELECT max(y) FROM bench_q;' "$SERIAL" 'SELECT max(y) FROM bench_i;')
read -r t_copy_yuan t_copy_numeric < <(pair_ms "$COPY_Y" "COPY bench_copy_yuan FROM '$BENCH_DIR/values.txt';" "$COPY_N" "COPY bench_copy_numeric FROM '$BENCH_DIR/values.txt';")
read -r t_per_mu_ser t_per_mu_par < <(pair_ms "$SERIAL" 'SELECT per_mu(y, m) FROM bench_q;' "$PAR" 'SELECT per_mu(y, m) FROM bench_q;')
read -r t_sum2_int8_ser t_sum2_int8_par < <(pair_ms "$SERIAL" 'SELECT sum(y), sum(m) FROM bench_i;' "$PAR" 'SELECT sum(y), sum(m) FROM bench_i;')
read -r t_window t_window_int8 < <(pair_ms "$SERIAL" 'SELECT max(s) FROM (SELECT sum(y) OVER (ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS s FROM bench_q) w;' "$SERIAL" 'SELECT max(s) FROM (SELECT sum(y) OVER (ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS s FROM bench_i) w;')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-58s %10s %10s %8s  %s\n' "$@"; }

say "results: $ROWS rows, $(date -u +%Y-%m-%d), $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
row "comparison" "ms" "ms" "ratio" "SPEC §9 target"
row "per_mu(yuan, mu_area) vs sum(int8), sum(int8)" "$t_per_mu" "$t_sum2_int8" "$(ratio "$t_per_mu" "$t_sum2_int8")" "<= 1.30"
row "sum(numeric)/sum(numeric) vs per_mu (speedup)" "$t_sum2_numeric" "$t_per_mu2" "$(ratio "$t_sum2_numeric" "$t_per_mu2")" ">= 1.50"
row "sum(yuan) vs sum(int8)" "$t_sum_yuan" "$t_sum_int8" "$(ratio "$t_sum_yuan" "$t_sum_int8")" "<= 1.10"
row "COPY into yuan vs into numeric" "$t_copy_yuan" "$t_copy_numeric" "$(ratio "$t_copy_yuan" "$t_copy_numeric")" "<= 1.50"
row "per_mu serial vs 2 workers (speedup)" "$t_per_mu_ser" "$t_per_mu_par" "$(ratio "$t_per_mu_ser" "$t_per_mu_par")" "(informative)"
row "sum(int8), sum(int8) serial vs 2 workers (speedup)" "$t_sum2_int8_ser" "$t_sum2_int8_par" "$(ratio "$t_sum2_int8_ser" "$t_sum2_int8_par")" "(informative)"
row "sum(numeric) vs sum(yuan) (speedup)" "$t_sum_numeric" "$t_sum_yuan2" "$(ratio "$t_sum_numeric" "$t_sum_yuan2")" "(informative)"
row "avg(yuan) vs avg(int8)" "$t_avg_yuan" "$t_avg_int8" "$(ratio "$t_avg_yuan" "$t_avg_int8")" "(informative)"
row "max(yuan) vs max(int8)" "$t_max_yuan" "$t_max_int8" "$(ratio "$t_max_yuan" "$t_max_int8")" "(informative)"
row "10-row sliding sum(yuan) vs sum(int8) window" "$t_window" "$t_window_int8" "$(ratio "$t_window" "$t_window_int8")" "(informative)"

cluster_stop
trap - EXIT
