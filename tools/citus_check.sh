#!/usr/bin/env bash
# tools/citus_check.sh: the distributed checks of doc/scale.md, on a Citus coordinator and
# two workers (and a third worker added later), when a Citus installation is present.
#
#   bash tools/citus_check.sh                     (tools/test.sh runs it as its 'citus' phase)
#   CITUS_INSTALL=/tmp/citus-install bash tools/citus_check.sh
#
# Citus is not a Debian package: it is used when citus.so is installed for PostgreSQL 15
# system-wide, or from CITUS_INSTALL, the DESTDIR of a Citus `make install` (copied into a
# private stage of its own, never into the system).  Without either it prints "skipped" and
# exits with status 77.  CITUS_FIRMS (default 1000) sets the size of the district.
#
# Checks, each printed as 'ok - ' or 'not ok - ':
#   - the sample district distributed as doc/scale.md says (enterprise a reference table,
#     annual and monthly distributed by credit_code, co-located);
#   - every aggregate of the types and of growth over the distributed tables is split into
#     worker_partial_agg/coord_combine_agg and gives bit-identical results to a single node;
#   - evaluate() and tier_check() over the distributed tables give identical rows;
#   - demo/views.sql builds the same report views, and demo/report.sql runs unchanged and
#     prints exactly what it prints on a single node;
#   - citus_add_node of a new worker, after CREATE EXTENSION industry on it first (the
#     workaround for Citus before PR #8363), and the results after moving shards to it.
# With CITUS_BENCH=1 (bench/citus/run.sh) it also times min/max against sum and against
# min/max as 1.0 declared them.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CITUS_SO=lib/postgresql/$PGVER/lib/citus.so
if [ -n "${CITUS_INSTALL:-}" ] && [ -e "$CITUS_INSTALL/usr/$CITUS_SO" ]; then
	citus_from=$CITUS_INSTALL
elif [ -e "/usr/$CITUS_SO" ]; then
	citus_from=
else
	echo "citus: skipped (no Citus for PostgreSQL $PGVER: install it, or set CITUS_INSTALL to the"
	echo "       DESTDIR of its 'make install'; see doc/scale.md)"
	exit 77
fi

# a private stage of our own: the test command's scratch server keeps running from its stage
STAGE=$STAGE-citus
STAGE_BIN=$STAGE/usr/lib/postgresql/$PGVER/bin
ensure_packages
build
stage_install
[ -n "$citus_from" ] && cp -a "$citus_from/usr/lib" "$citus_from/usr/share" "$STAGE/usr/"
chmod -R a+rX "$STAGE/usr"
WORK=$STAGE/work
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$REPO/demo" "$WORK/"
chmod -R a+rX "$WORK"
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$WORK"

FIRMS=${CITUS_FIRMS:-1000}
failed=0
checks=0
check() { # check NAME STATUS [DETAIL]
	checks=$((checks + 1))
	if [ "$2" -eq 0 ]; then
		echo "ok - $1"
	else
		failed=$((failed + 1))
		echo "not ok - $1${3:+: $3}"
	fi
}

# Nodes: coordinator c, workers w1 w2, and w3 added later.  All on loopback TCP.
declare -A PORT
dirs=()
stop_all() { local d; for d in "${dirs[@]}"; do cluster_stop_dir "$d" "$STAGE_BIN"; done; }
[ -n "${CITUS_KEEP:-}" ] || trap stop_all EXIT	# CITUS_KEEP=1: leave the nodes running
start_node() {
	CLUSTER_EXTRA_CONF="shared_preload_libraries = 'citus'
shared_buffers = 64MB
max_parallel_workers_per_gather = 0" cluster_start "citus-$1" "$STAGE_BIN"
	PORT[$1]=$PGPORT
	dirs+=("$CLUSTER_DIR")
}
say "starting a Citus coordinator and two workers ($citus_from)"
for n in c w1 w2 w3; do start_node "$n"; done

# q NODE DB ARGS...: psql on a node, stopping at the first error
q() { local node=$1 db=$2; shift 2; as_pg "$STAGE_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${PORT[$node]}" -d "$db" "$@"; }
# v NODE DB SQL: one value, unaligned
v() { q "$1" "$2" -At -c "$3"; }

say "Citus $(v c postgres "SELECT default_version FROM pg_available_extensions WHERE name = 'citus'")"

# the reference: a single node (database 'single' on the coordinator, no citus extension)
v c postgres "CREATE DATABASE single" >/dev/null
q c single -c "CREATE EXTENSION industry" -f "$WORK/demo/district.sql"
v c single "SELECT enterprises FROM district.generate($FIRMS, 'citus')" >/dev/null

# the distributed district: database 'dist' on every node
for n in c w1 w2; do
	v "$n" postgres "CREATE DATABASE dist" >/dev/null
	v "$n" dist "CREATE EXTENSION citus" >/dev/null
done
q c dist -c "SELECT citus_set_coordinator_host('127.0.0.1', ${PORT[c]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${PORT[w1]})" -c "SELECT citus_add_node('127.0.0.1', ${PORT[w2]})" >/dev/null
q c dist -c "CREATE EXTENSION industry" -f "$WORK/demo/district.sql"
rc=0
q c dist -c "SELECT create_reference_table('district.enterprise')" \
	-c "SELECT create_distributed_table('district.annual', 'credit_code')" \
	-c "SELECT create_distributed_table('district.monthly', 'credit_code', colocate_with => 'district.annual')" \
	>/dev/null || rc=$?
check "enterprise is a reference table, annual and monthly are distributed by credit_code" $rc
for t in enterprise annual monthly; do
	v c single "COPY district.$t TO STDOUT" | v c dist "COPY district.$t FROM STDIN"
done
got=$(v c dist "SELECT string_agg(logicalrelid::text || ':' || partmethod::text || ':' || colocationid, ' ' ORDER BY logicalrelid::text) FROM pg_dist_partition")
want=$(v c dist "SELECT string_agg(n, ' ' ORDER BY n) FROM (VALUES ('district.annual:h:' || (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'district.annual'::regclass)), ('district.enterprise:n:' || (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'district.enterprise'::regclass)), ('district.monthly:h:' || (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'district.annual'::regclass))) v(n)")
check "pg_dist_partition: annual and monthly hash-distributed and co-located, enterprise a reference table" \
	$([ "$got" = "$want" ] && echo 0 || echo 1) "$got"
counts_single=$(v c single "SELECT (SELECT count(*) FROM district.enterprise), (SELECT count(*) FROM district.annual), (SELECT count(*) FROM district.monthly)")
counts_dist=$(v c dist "SELECT (SELECT count(*) FROM district.enterprise), (SELECT count(*) FROM district.annual), (SELECT count(*) FROM district.monthly)")
check "the distributed tables hold the same rows ($counts_dist)" $([ "$counts_single" = "$counts_dist" ] && echo 0 || echo 1) "$counts_single"

# Every aggregate of the types and of growth, grouped by a column that is not the
# distribution column (so Citus must split it) and over all rows.
AGGS="SELECT @G@ AS g,
	sum(a.land)::text, avg(a.land)::text, min(a.land)::text, max(a.land)::text,
	sum(a.tax)::text, avg(a.tax)::text, min(a.tax)::text, max(a.tax)::text,
	sum(a.tax / a.land)::text, avg(a.tax / a.land)::text, min(a.tax / a.land)::text, max(a.tax / a.land)::text,
	per_mu(a.tax, a.land)::text, per_mu(a.value_added, a.land)::text,
	comparable_growth(a.revenue, p.revenue)::text, comparable_current(a.revenue, p.revenue)::text,
	comparable_base(a.revenue, p.revenue)::text, comparable_growth(a.energy_tce, p.energy_tce)::text
  FROM district.annual a
  LEFT JOIN district.annual p ON p.credit_code = a.credit_code AND p.year = a.year - 1
 WHERE a.land > 0"
MONTHLY="SELECT ytd_growth(output, month, (SELECT max(month) FROM district.monthly))::text,
	ytd_current(output, month, (SELECT max(month) FROM district.monthly))::text,
	ytd_base(output, month, (SELECT max(month) FROM district.monthly))::text,
	sum(output)::text, min(output)::text, max(output)::text
  FROM district.monthly m JOIN district.enterprise e USING (credit_code) GROUP BY e.industry_group ORDER BY e.industry_group"
BY_SCOPE="${AGGS//@G@/a.scope} GROUP BY a.scope ORDER BY 1"
all_g="'all'"
ALL_ROWS="${AGGS//@G@/$all_g}"
for name in "by scope:$BY_SCOPE" "all rows:$ALL_ROWS" "monthly by group:$MONTHLY"; do
	sql=${name#*:}
	a=$(v c single "$sql")
	b=$(v c dist "$sql" 2>&1) || true
	check "aggregates ${name%%:*}: distributed = single node" $([ -n "$a" ] && [ "$a" = "$b" ] && echo 0 || echo 1) \
		"$(diff <(echo "$a") <(echo "$b") | head -5 | tr '\n' ' ')"
done
plan=$(v c dist "EXPLAIN (VERBOSE, COSTS OFF) $BY_SCOPE")
n=$(grep -o 'worker_partial_agg(' <<<"$plan" | wc -l)
m=$(grep -o 'coord_combine_agg(' <<<"$plan" | wc -l)
check "the aggregates are split into worker_partial_agg ($n) and coord_combine_agg ($m)" \
	$([ "$n" -ge 17 ] && [ "$m" -ge 17 ] && echo 0 || echo 1) "$(head -c 600 <<<"$plan")"

# the engines: evaluate() and tier_check() fetch the rows to the coordinator
EVAL="SELECT md5(string_agg(e::text, E'\n' ORDER BY e.credit_code)) || ' ' || count(*)
  FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year ORDER BY credit_code, year') e"
TIER="SELECT md5(string_agg(t::text, E'\n' ORDER BY t.credit_code, t.tier)) || ' ' || count(*)
  FROM tier_check('SELECT * FROM district.firm_year WHERE year = 2024 ORDER BY credit_code') t"
for name in "evaluate:$EVAL" "tier_check:$TIER"; do
	sql=${name#*:}
	a=$(v c single "$sql" 2>&1) || true
	b=$(v c dist "$sql" 2>&1) || true
	check "${name%%:*}() over the distributed tables = single node ($b)" \
		$([ "$a" = "$b" ] && [ "${a##* }" -gt 0 ] 2>/dev/null && echo 0 || echo 1) "single: $a / dist: $b"
done

# the report views and the report, unchanged
rc=0
q c dist -f "$WORK/demo/views.sql" >"$WORK/views-dist.log" 2>&1 || rc=$?
check "demo/views.sql builds the report views on the distributed district" $rc "$(tail -3 "$WORK/views-dist.log" | tr '\n' ' ')"
q c single -f "$WORK/demo/views.sql" >"$WORK/views-single.log" 2>&1
for view in $(v c single "SELECT relname FROM pg_class WHERE relnamespace = 'report'::regnamespace AND relkind = 'm' ORDER BY 1"); do
	sql="SELECT md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) || ' ' || count(*) FROM report.$view r"
	a=$(v c single "$sql")
	b=$(v c dist "$sql" 2>&1) || true
	check "report.$view: distributed = single node" $([ "$a" = "$b" ] && echo 0 || echo 1) "single: $a / dist: $b"
done
for fmt in aligned html; do
	opt=; [ $fmt = html ] && opt=-H
	rc=0
	q c single $opt -f "$WORK/demo/report.sql" >"$WORK/report-single.$fmt" 2>&1
	q c dist $opt -f "$WORK/demo/report.sql" >"$WORK/report-dist.$fmt" 2>&1 || rc=$?
	check "demo/report.sql runs on the distributed district ($fmt)" $rc "$(tail -3 "$WORK/report-dist.$fmt" | tr '\n' ' ')"
	cmp -s "$WORK/report-single.$fmt" "$WORK/report-dist.$fmt"
	check "the report ($fmt, $(wc -l <"$WORK/report-dist.$fmt") lines) is identical to the single node's" $? \
		"$(diff "$WORK/report-single.$fmt" "$WORK/report-dist.$fmt" | head -6 | tr '\n' ' ')"
done

# Benchmark (bench/citus/run.sh sets CITUS_BENCH=1; not part of the checks): sum, min and
# max over the distributed table, and min/max as 1.0 declared them (LANGUAGE internal
# int8smaller/int8larger), created here on every node as min_v10/max_v10.
if [ -n "${CITUS_BENCH:-}" ]; then
	V10="SET citus.enable_ddl_propagation = off;
CREATE FUNCTION yuan_smaller_v10(yuan, yuan) RETURNS yuan AS 'int8smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION yuan_larger_v10(yuan, yuan) RETURNS yuan AS 'int8larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE min_v10(yuan) (SFUNC = yuan_smaller_v10, STYPE = yuan, COMBINEFUNC = yuan_smaller_v10, PARALLEL = SAFE);
CREATE AGGREGATE max_v10(yuan) (SFUNC = yuan_larger_v10, STYPE = yuan, COMBINEFUNC = yuan_larger_v10, PARALLEL = SAFE);"
	for n in c w1 w2; do q "$n" dist -c "$V10" >/dev/null; done
	TIMING="DO \$\$
DECLARE
	t0 timestamptz;
	r text := '';
	f text;
	check_v text;
BEGIN
	FOREACH f IN ARRAY ARRAY['sum', 'min', 'max', 'min_v10', 'max_v10']
	LOOP
		EXECUTE format('SELECT %s(tax)::text FROM district.annual', f) INTO check_v;	-- warm
		t0 := clock_timestamp();
		FOR i IN 1..${CITUS_BENCH_RUNS:-5} LOOP
			EXECUTE format('SELECT %s(tax) FROM district.annual GROUP BY scope', f);
		END LOOP;
		r := r || format('%s %s ms  ', f, round(extract(epoch FROM clock_timestamp() - t0) * 1000 / ${CITUS_BENCH_RUNS:-5}, 1));
	END LOOP;
	RAISE NOTICE '%', r;
END
\$\$;"
	rows=$(v c dist "SELECT count(*) FROM district.annual")
	echo "bench: per query over $rows rows of district.annual (GROUP BY scope, mean of ${CITUS_BENCH_RUNS:-5}):"
	echo "bench: $(q c dist -c "$TIMING" 2>&1 | sed 's/.*NOTICE: *//')"
	a=$(v c dist "SELECT min(tax)::text || max(tax)::text FROM district.annual")
	b=$(v c dist "SELECT min_v10(tax)::text || max_v10(tax)::text FROM district.annual")
	check "min/max in C = min/max of 1.0" $([ "$a" = "$b" ] && echo 0 || echo 1) "$a / $b"
fi

# a third worker: without the extension, citus_add_node fails on Citus before PR #8363
# once a table is distributed with a column of the extension's types; with CREATE
# EXTENSION industry on the new node first, it works
v w3 postgres "CREATE DATABASE dist" >/dev/null
v w3 dist "CREATE EXTENSION citus" >/dev/null
if out=$(v c dist "SELECT citus_add_node('127.0.0.1', ${PORT[w3]})" 2>&1); then
	echo "  (this Citus adds a node without the workaround)"
else
	echo "  citus_add_node without industry on the new node fails: $(grep -E 'WARNING|ERROR' <<<"$out" | head -2 | tr '\n' ' ')"
	v c dist "SELECT citus_remove_node('127.0.0.1', ${PORT[w3]})" >/dev/null 2>&1 || true
	v w3 dist "CREATE EXTENSION industry" >/dev/null
	rc=0
	v c dist "SELECT citus_add_node('127.0.0.1', ${PORT[w3]})" >/dev/null || rc=$?
	check "citus_add_node after CREATE EXTENSION industry on the new node" $rc
fi
rc=0
v c dist "SELECT rebalance_table_shards('district.annual', shard_transfer_mode => 'block_writes')" >/dev/null 2>&1 || rc=$?
placed=$(v c dist "SELECT count(*) FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid) WHERE n.nodeport = ${PORT[w3]} AND p.shardid IN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'district.annual'::regclass)")
check "shards of annual moved to the new worker ($placed)" $([ $rc -eq 0 ] && [ "$placed" -gt 0 ] && echo 0 || echo 1)
a=$(v c single "$BY_SCOPE")
b=$(v c dist "$BY_SCOPE" 2>&1) || true
check "aggregates on three workers = single node" $([ "$a" = "$b" ] && echo 0 || echo 1)
a=$(v c single "$EVAL")
b=$(v c dist "$EVAL" 2>&1) || true
check "evaluate() on three workers = single node" $([ "$a" = "$b" ] && echo 0 || echo 1)

echo "citus: $((checks - failed)) of $checks checks passed"
[ "$failed" -eq 0 ]
