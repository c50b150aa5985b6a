-- bench/evaluation/lists.sql: run by run_lists.sh with -v n=N: the rule set (four lists, a
-- defined sum-of-columns indicator) and N generated enterprises in table firms
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
