-- bench/evaluation/lists.sql: run by run_lists.sh with -v n=N
CREATE DATABASE evalbench;
\c evalbench
CREATE EXTENSION industry;
SET work_mem = '512MB';
SET jit = off;

INSERT INTO evaluation_indicator_def (indicator, name, unit, numerator, denominator, source)
VALUES ('va_per_pollutants', '单位排放增加值', '万元/吨', '{value_added}',
	'{cod_t,so2_t,nh3_t,nox_t}', 'bench');
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, match_scope,
	land_from, land_below, tenant)
VALUES ('bench', 2024, '规上', 'bench', 'bench', '规上', NULL, NULL, false),
	('bench', 2024, '规下3亩以上', 'bench', 'bench', '规下', '3亩', NULL, false),
	('bench', 2024, '规下不满3亩', 'bench', 'bench', '规下', NULL, '3亩', false),
	('bench', 2024, '租赁企业', 'bench', 'bench', NULL, NULL, NULL, true);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark_kind,
	benchmark, cap, floor)
SELECT 'bench', 2024, l, i, w, 'ratio_of_sums', NULL, 2, 0
FROM (VALUES ('规上'), ('规下3亩以上'), ('规下不满3亩')) v(l),
	(VALUES ('tax_per_mu', 60), ('va_per_pollutants', 40)) x(i, w);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark_kind,
	benchmark, cap, floor)
VALUES ('bench', 2024, '租赁企业', 'tax_per_kwh', 60, 'ratio_of_sums', NULL, 2, 0),
	('bench', 2024, '租赁企业', 'va_per_pollutants', 40, 'ratio_of_sums', NULL, 2, 0);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
SELECT 'bench', 2024, l, p, c, c || '类', q
FROM (VALUES ('规上'), ('规下3亩以上'), ('规下不满3亩'), ('租赁企业')) v(l),
	(VALUES (1, 'A', 20), (2, 'B', 60), (3, 'C', 15), (4, 'D', 5)) c(p, c, q);
SELECT evaluation_validate('bench', 2024);

CREATE FUNCTION h(i bigint, k int, m bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (hashint8(i * 16 + k)::bigint + 2147483648) % m $$;

\echo generating :n firms
CREATE TABLE firms AS
SELECT 'G' || lpad(i::text, 8, '0') AS credit_code,
	CASE WHEN h(i, 1, 3) = 0 THEN '规上' ELSE '规下' END AS scope,
	h(i, 11, 10) = 0 AS tenant,
	land_n::mu_area AS land, tax_y::yuan AS tax, va_y::yuan AS value_added,
	round(h(i, 5, 100000) / 1000000.0, 6) AS electricity,
	CASE WHEN h(i, 6, 10) = 0 THEN NULL ELSE round(h(i, 7, 9000) / 1000000.0, 6) END AS cod_t,
	round(h(i, 8, 9000) / 1000000.0, 6) AS so2_t,
	round(h(i, 9, 9000) / 1000000.0, 6) AS nh3_t,
	CASE WHEN h(i, 10, 4) = 0 THEN NULL ELSE round(h(i, 12, 9000) / 1000000.0, 6) END AS nox_t
FROM generate_series(1, :n) i,
	LATERAL (SELECT (h(i, 2, 2000) + 10) / 100.0 AS land_n) l,
	LATERAL (SELECT round(land_n * (h(i, 3, 600000) - 30000), 2) AS tax_y,
		round(land_n * h(i, 4, 3000000), 2) AS va_y) m;
VACUUM ANALYZE firms;
SELECT pg_size_pretty(pg_total_relation_size('firms')) AS table_size, count(*) FROM firms;
SELECT count(*) FILTER (WHERE tenant) AS tenants, count(*) FILTER (WHERE NOT tenant AND scope = '规上') AS gui_shang,
	count(*) FILTER (WHERE NOT tenant AND scope = '规下' AND land::numeric >= 3) AS from_3mu,
	count(*) FILTER (WHERE NOT tenant AND scope = '规下' AND land::numeric < 3) AS below_3mu FROM firms;

-- warm the cache
SELECT count(*) FROM firms;

\timing on
\echo === one call: evaluate()
CREATE TEMP TABLE one_call_1 AS SELECT * FROM evaluate('bench', 2024, 'SELECT * FROM firms');
CREATE TEMP TABLE one_call_2 AS SELECT * FROM evaluate('bench', 2024, 'SELECT * FROM firms');
CREATE TEMP TABLE one_call AS SELECT * FROM evaluate('bench', 2024, 'SELECT * FROM firms');

\echo === plain SQL: CASE for the list, window functions + CASE for the classes
\set plain 'WITH l AS (SELECT credit_code, CASE WHEN tenant THEN ''租赁企业'' WHEN scope = ''规上'' THEN ''规上'' WHEN land::numeric >= 3 THEN ''规下3亩以上'' ELSE ''规下不满3亩'' END AS list, tax::numeric / 10000 AS tax_w, value_added::numeric / 10000 AS va_w, land::numeric AS land, electricity, CASE WHEN num_nonnulls(cod_t, so2_t, nh3_t, nox_t) > 0 THEN COALESCE(cod_t, 0) + COALESCE(so2_t, 0) + COALESCE(nh3_t, 0) + COALESCE(nox_t, 0) END AS em FROM firms), v AS (SELECT l.*, CASE WHEN list = ''租赁企业'' THEN electricity ELSE land END AS den1 FROM l), x AS (SELECT v.*, round(tax_w / NULLIF(den1, 0), 8) AS x1, round(va_w / NULLIF(em, 0), 8) AS x2, round(sum(tax_w) FILTER (WHERE den1 > 0) OVER g / sum(den1) FILTER (WHERE den1 > 0) OVER g, 8) AS b1, round(sum(va_w) FILTER (WHERE em > 0) OVER g / sum(em) FILTER (WHERE em > 0) OVER g, 8) AS b2 FROM v WINDOW g AS (PARTITION BY list)), t AS (SELECT x.*, round(COALESCE(LEAST(GREATEST(round(x1 * 60 / b1, 6), 0), 120), 0) + COALESCE(LEAST(GREATEST(round(x2 * 40 / b2, 6), 0), 80), 0), 3) AS total FROM x), r AS (SELECT t.*, rank() OVER (PARTITION BY list ORDER BY total DESC) AS rnk, count(*) OVER (PARTITION BY list) AS n FROM t) SELECT credit_code, list, total, rnk, n, CASE WHEN rnk <= round(n * 0.20) THEN ''A'' WHEN rnk <= round(n * 0.80) THEN ''B'' WHEN rnk <= round(n * 0.95) THEN ''C'' ELSE ''D'' END AS class FROM r'
CREATE TEMP TABLE plain_1 AS :plain;
CREATE TEMP TABLE plain_2 AS :plain;
CREATE TEMP TABLE plain AS :plain;
\timing off

\echo === identical results?
SELECT count(*) AS firms,
	count(*) FILTER (WHERE o.scope IS DISTINCT FROM p.list) AS list_differences,
	count(*) FILTER (WHERE o.class IS DISTINCT FROM p.class) AS class_differences,
	count(*) FILTER (WHERE o.total IS DISTINCT FROM p.total OR o.rank IS DISTINCT FROM p.rnk) AS total_or_rank_differences
FROM one_call o FULL JOIN plain p USING (credit_code);
SELECT scope, class, count(*) FROM one_call GROUP BY scope, class ORDER BY scope COLLATE "C", class;
