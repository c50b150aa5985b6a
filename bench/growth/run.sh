#!/usr/bin/env bash
# bench/growth/run.sh: ytd_growth (累计) against the plain-SQL ways of computing it.
#
#   bash bench/growth/run.sh            10M monthly rows (the documented run)
#   ROWS=1000000 bash bench/growth/run.sh   a quick run
#
# Builds and installs the extension into the private stage of tools/lib.sh, starts a
# scratch server, loads ROWS monthly rows (firm, period date, output in 分 as int8 and as
# yuan), and times each query REPEAT times (best time wins), serial (no parallel workers)
# and jit off, then with 2 parallel workers.  Every query must return the same two sums
# and growth, or the run fails.  Results go to stdout; bench/growth/README.md keeps a run.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS=${ROWS:-10000000}
REPEAT=${REPEAT:-5}
AS_OF=2024-05-31

CLUSTER_EXTRA_CONF="jit = off
max_parallel_workers = 2
work_mem = 64MB" bench_start bench >/dev/null
psql() { psql_do -d postgres "$@"; }

say "loading $ROWS monthly rows"
psql <<SQL
CREATE EXTENSION industry;
-- 60 months (2020-01 .. 2024-12) per firm; output in 分, 0..1亿元 with a yearly drift
CREATE TABLE ytd (firm int4, period date, fen int8, output yuan);
INSERT INTO ytd
SELECT i / 60, make_date(2020 + (i % 60) / 12, 1 + i % 12, 1),
	v, (v::numeric / 100)::yuan
FROM (SELECT i, (hashint4(i)::int8 & 1073741823) * 9 + (i % 60) * 1000 AS v
	FROM generate_series(0, $ROWS - 1) i) s;
VACUUM (FREEZE, ANALYZE) ytd;
SELECT pg_size_pretty(pg_relation_size('ytd')) AS table_size, count(*) AS rows FROM ytd;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
SELECT pg_prewarm('ytd') > 0 AS prewarmed;

-- best-of-n wall time of a query, in ms
CREATE FUNCTION bench(q text, n int) RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; best numeric; ms numeric;
BEGIN
	FOR i IN 1..n LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		best := least(best, ms);
	END LOOP;
	RETURN round(best, 1);
END \$\$;

CREATE TABLE queries (name text PRIMARY KEY, q text);
INSERT INTO queries VALUES
('ytd_growth(int8)',
 \$q\$SELECT ytd_current(fen, period, '$AS_OF'), ytd_base(fen, period, '$AS_OF'), ytd_growth(fen, period, '$AS_OF') FROM ytd\$q\$),
('ytd_growth(yuan)',
 \$q\$SELECT (ytd_current(output, period, '$AS_OF')::numeric * 100)::int8, (ytd_base(output, period, '$AS_OF')::numeric * 100)::int8, ytd_growth(output, period, '$AS_OF') FROM ytd\$q\$),
('two FILTER sums (int8)',
 \$q\$SELECT c, b, growth(c, b) FROM (SELECT
	sum(fen) FILTER (WHERE period >= '2024-01-01' AND period < '2024-06-01') AS c,
	sum(fen) FILTER (WHERE period >= '2023-01-01' AND period < '2023-06-01') AS b FROM ytd) s\$q\$),
('self-join by month (int8)',
 \$q\$WITH m AS (SELECT date_trunc('month', period)::date AS month, sum(fen) AS v FROM ytd GROUP BY 1)
 SELECT sum(c.v), sum(b.v), growth(sum(c.v), sum(b.v)) FROM m c
 JOIN m b ON b.month = (c.month - interval '1 year')::date
 WHERE c.month >= '2024-01-01' AND c.month < '2024-06-01'\$q\$);

-- every query gives the same sums and growth
DO \$\$
DECLARE r record; first text; got text;
BEGIN
	FOR r IN SELECT * FROM queries ORDER BY name LOOP
		EXECUTE 'SELECT row(s.*)::text FROM (' || r.q || ') s' INTO got;
		RAISE NOTICE '% -> %', r.name, got;
		IF first IS NULL THEN first := got; ELSIF got <> first THEN
			RAISE EXCEPTION 'results differ: % vs %', got, first;
		END IF;
	END LOOP;
END \$\$;
SQL

for mode in serial parallel; do
	say "$mode (best of $REPEAT, ms)"
	if [ $mode = serial ]; then w=0; else w=2; fi
	psql <<SQL
SET max_parallel_workers_per_gather = $w;
SET client_min_messages = warning;
CREATE TEMP TABLE times AS SELECT name, bench(q, $REPEAT) AS ms FROM queries;
SELECT name, ms,
	round(ms / (SELECT ms FROM times WHERE name = 'two FILTER sums (int8)'), 2) AS vs_filter,
	round((SELECT ms FROM times WHERE name = 'self-join by month (int8)') / ms, 2) AS faster_than_self_join
FROM times ORDER BY ms;
EXPLAIN (COSTS OFF) SELECT ytd_growth(fen, period, '$AS_OF') FROM ytd;
SQL
done
