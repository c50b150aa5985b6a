-- bench/evaluation/bench.sql: run by run.sh with -v n=N
CREATE DATABASE evalbench;
\c evalbench
CREATE EXTENSION industry;
SET work_mem = '512MB';
SET jit = off;

INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, group_by_industry)
VALUES ('bench', 2023, '规上', 'bench', 'bench', true);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark_kind,
	benchmark, cap, floor, missing)
VALUES ('bench', 2023, '规上', 'tax_per_mu', 30, 'ratio_of_sums', NULL, 2, 0, 'zero'),
	('bench', 2023, '规上', 'va_per_mu', 20, 'ratio_of_sums', NULL, 1.5, 0, 'zero'),
	('bench', 2023, '规上', 'va_per_energy', 20, 'ratio_of_sums', NULL, 3, NULL, 'zero'),
	('bench', 2023, '规上', 'va_per_emission', 10, 'ratio_of_sums', NULL, NULL, NULL,
		'group_average_score'),
	('bench', 2023, '规上', 'labor_productivity', 10, 'fixed', 18.14, NULL, NULL, 'zero'),
	('bench', 2023, '规上', 'rd_intensity', 10, 'fixed', 0.0302, 2, NULL, 'zero');
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
SELECT 'bench', 2023, '规上', p, c, c || '类', q
FROM (VALUES (1, 'A', 20), (2, 'B', 60), (3, 'C', 15), (4, 'D', 5)) v(p, c, q);

CREATE FUNCTION h(i bigint, k int, m bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (hashint8(i * 16 + k)::bigint + 2147483648) % m $$;

\echo generating :n firms
CREATE TABLE firms AS
SELECT 'G' || lpad(i::text, 8, '0') AS credit_code, '规上'::text AS scope,
	'group' || h(i, 1, 5) AS industry_group, land_n::mu_area AS land,
	tax_y::yuan AS tax, va_y::yuan AS value_added,
	round(va_y / 10000 / (0.5 + h(i, 5, 50) / 10.0), 3) AS energy_tce,
	CASE WHEN h(i, 6, 5) = 0 THEN NULL
		ELSE round(va_y / 10000 / (1000 + h(i, 7, 9000)), 4) END AS emission_t,
	(5 + h(i, 8, 500))::numeric AS employees,
	round(va_y * h(i, 9, 80) / 1000, 2)::yuan AS rd,
	round(va_y * (3 + h(i, 10, 5)), 2)::yuan AS main_revenue
FROM generate_series(1, :n) i,
	LATERAL (SELECT (h(i, 2, 20000) + 100) / 100.0 AS land_n) l,
	LATERAL (SELECT round(land_n * (h(i, 3, 600000) - 30000), 2) AS tax_y,
		round(land_n * h(i, 4, 3000000), 2) AS va_y) m;
VACUUM ANALYZE firms;
SELECT pg_size_pretty(pg_total_relation_size('firms')) AS table_size, count(*) FROM firms;

-- warm the cache
SELECT count(*) FROM firms;

\timing on
\echo === one call: evaluate()
CREATE TEMP TABLE one_call_1 AS SELECT * FROM evaluate('bench', 2023, 'SELECT * FROM firms');
CREATE TEMP TABLE one_call_2 AS SELECT * FROM evaluate('bench', 2023, 'SELECT * FROM firms');
CREATE TEMP TABLE one_call AS SELECT * FROM evaluate('bench', 2023, 'SELECT * FROM firms');

\echo === plain SQL: window functions + CASE
\set plain 'WITH v AS (SELECT credit_code, industry_group, tax::numeric / 10000 AS tax_w, value_added::numeric / 10000 AS va_w, land::numeric AS land_n, energy_tce, emission_t, employees, rd::numeric AS rd_n, main_revenue::numeric AS mr_n FROM firms), x AS (SELECT v.*, round(tax_w / land_n, 8) AS x_tax, round(va_w / land_n, 8) AS x_va, round(va_w / energy_tce, 8) AS x_energy, round(va_w / NULLIF(emission_t, 0), 8) AS x_emission, round(va_w / employees, 8) AS x_labour, round(rd_n / mr_n, 8) AS x_rd, round(sum(tax_w) OVER g / sum(land_n) OVER g, 8) AS b_tax, round(sum(va_w) OVER g / sum(land_n) OVER g, 8) AS b_va, round(sum(va_w) OVER g / sum(energy_tce) OVER g, 8) AS b_energy, round(sum(va_w) FILTER (WHERE emission_t > 0) OVER g / sum(emission_t) FILTER (WHERE emission_t > 0) OVER g, 8) AS b_emission FROM v WINDOW g AS (PARTITION BY industry_group)), s AS (SELECT x.*, LEAST(GREATEST(round(x_tax * 30 / b_tax, 6), 0), 60) AS s_tax, LEAST(GREATEST(round(x_va * 20 / b_va, 6), 0), 30) AS s_va, LEAST(round(x_energy * 20 / b_energy, 6), 60) AS s_energy, round(x_emission * 10 / b_emission, 6) AS s_emission, round(x_labour * 10 / 18.14, 6) AS s_labour, LEAST(round(x_rd * 10 / 0.0302, 6), 20) AS s_rd FROM x), t AS (SELECT s.*, round(s_tax + s_va + s_energy + COALESCE(s_emission, round(avg(s_emission) OVER (PARTITION BY industry_group), 6)) + s_labour + s_rd, 3) AS total FROM s), r AS (SELECT t.*, rank() OVER (PARTITION BY industry_group ORDER BY total DESC) AS rnk, count(*) OVER (PARTITION BY industry_group) AS n FROM t) SELECT credit_code, industry_group, total, rnk, n, CASE WHEN rnk <= round(n * 0.20) THEN ''A'' WHEN rnk <= round(n * 0.80) THEN ''B'' WHEN rnk <= round(n * 0.95) THEN ''C'' ELSE ''D'' END AS class, x_tax, x_va, x_energy, x_emission, x_labour, x_rd, s_tax, s_va, s_energy, s_emission, s_labour, s_rd FROM r'
CREATE TEMP TABLE plain_1 AS :plain;
CREATE TEMP TABLE plain_2 AS :plain;
CREATE TEMP TABLE plain AS :plain;
\timing off

\echo === identical results?
SELECT count(*) AS firms,
	count(*) FILTER (WHERE o.class IS DISTINCT FROM p.class) AS class_differences,
	count(*) FILTER (WHERE o.total IS DISTINCT FROM p.total OR o.rank IS DISTINCT FROM p.rnk) AS total_or_rank_differences
FROM one_call o FULL JOIN plain p USING (credit_code);
SELECT class, count(*) FROM one_call GROUP BY class ORDER BY class;
