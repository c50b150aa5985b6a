-- The one-call evaluation equals an evaluation composed by hand from the building blocks
-- (indicator_value, indicator_score, window sums for the ratio-of-sums benchmarks, avg
-- for the group-average rule, rank/count and quota_class), on 3000 generated firms in 5
-- industry groups.  Data come from a hash-based generator (hashint8), so they are the
-- same on every run.

-- a rule set close to the shipped generic one: data-derived benchmarks, cap, floor,
-- group-average score for missing emission data, quotas within industry groups
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, group_by_industry)
VALUES ('evalhand', 2023, '规上', 'test', 'test', true);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark_kind,
	benchmark, cap, floor, missing)
VALUES ('evalhand', 2023, '规上', 'tax_per_mu', 30, 'ratio_of_sums', NULL, 2, 0, 'zero'),
	('evalhand', 2023, '规上', 'va_per_mu', 20, 'ratio_of_sums', NULL, 1.5, 0, 'zero'),
	('evalhand', 2023, '规上', 'va_per_energy', 20, 'ratio_of_sums', NULL, 3, NULL, 'zero'),
	('evalhand', 2023, '规上', 'va_per_emission', 10, 'ratio_of_sums', NULL, NULL, NULL,
		'group_average_score'),
	('evalhand', 2023, '规上', 'labor_productivity', 10, 'fixed', 18.14, NULL, NULL, 'zero'),
	('evalhand', 2023, '规上', 'rd_intensity', 10, 'fixed', 0.0302, 2, NULL, 'zero');
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
SELECT 'evalhand', 2023, '规上', p, c, c || '类', q
FROM (VALUES (1, 'A', 20), (2, 'B', 60), (3, 'C', 15), (4, 'D', 5)) v(p, c, q);

-- uniform integers in [0, m) from (i, k)
CREATE FUNCTION evaluation_h(i bigint, k int, m bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (hashint8(i * 16 + k)::bigint + 2147483648) % m $$;

CREATE TABLE evaluation_gen AS
SELECT credit_code, scope, industry_group, land, tax, value_added, energy_tce, emission_t,
	employees, rd, main_revenue
FROM (
	SELECT 'G' || lpad(i::text, 5, '0') AS credit_code, '规上' AS scope,
		'group' || evaluation_h(i, 1, 5) AS industry_group,
		((evaluation_h(i, 2, 20000) + 100) / 100.0)::mu_area AS land,
		-- tax −3 … 57 万元/亩 (some negative), value added 0 … 300 万元/亩
		round((evaluation_h(i, 2, 20000) + 100) / 100.0 * (evaluation_h(i, 3, 600000) - 30000), 2) AS tax_yuan,
		round((evaluation_h(i, 2, 20000) + 100) / 100.0 * evaluation_h(i, 4, 3000000), 2) AS va_yuan,
		i
	FROM generate_series(1, 3000) i
) g,
LATERAL (SELECT tax_yuan::yuan AS tax, va_yuan::yuan AS value_added,
	round(va_yuan / 10000 / (0.5 + evaluation_h(i, 5, 50) / 10.0), 3) AS energy_tce,
	CASE WHEN evaluation_h(i, 6, 5) = 0 THEN NULL
		ELSE round(va_yuan / 10000 / (1000 + evaluation_h(i, 7, 9000)), 4) END AS emission_t,
	5 + evaluation_h(i, 8, 500) AS employees,
	round(va_yuan * evaluation_h(i, 9, 80) / 1000, 2)::yuan AS rd,
	round(va_yuan * (3 + evaluation_h(i, 10, 5)), 2)::yuan AS main_revenue) x;

SELECT industry_group, count(*) AS firms, count(*) FILTER (WHERE tax < '0') AS negative_tax,
	count(*) FILTER (WHERE emission_t IS NULL OR emission_t = 0) AS no_emission
FROM evaluation_gen GROUP BY industry_group ORDER BY industry_group;

-- the hand-composed evaluation
CREATE VIEW evaluation_by_hand AS
WITH v AS (
	SELECT credit_code, industry_group, land, tax, value_added, energy_tce, emission_t,
		indicator_value(wan_yuan(tax), land::numeric) AS x_tax,
		indicator_value(wan_yuan(value_added), land::numeric) AS x_va,
		indicator_value(wan_yuan(value_added), round(energy_tce, 6)) AS x_energy,
		indicator_value(wan_yuan(value_added), round(emission_t, 6)) AS x_emission,
		indicator_value(wan_yuan(value_added), round(employees, 6)) AS x_labour,
		indicator_value(rd::numeric, main_revenue::numeric) AS x_rd
	FROM evaluation_gen
), b AS (
	-- benchmark = the group's ratio of sums over the firms that have a value
	SELECT v.*,
		-- per mu: the per_mu window aggregate (Σ元 / Σ亩)
		wan_yuan_per_mu(per_mu(tax, land) FILTER (WHERE x_tax IS NOT NULL) OVER g) AS b_tax,
		wan_yuan_per_mu(per_mu(value_added, land) FILTER (WHERE x_va IS NOT NULL) OVER g) AS b_va,
		indicator_value(sum(wan_yuan(value_added)) FILTER (WHERE x_energy IS NOT NULL) OVER g,
			sum(round(energy_tce, 6)) FILTER (WHERE x_energy IS NOT NULL) OVER g) AS b_energy,
		indicator_value(sum(wan_yuan(value_added)) FILTER (WHERE x_emission IS NOT NULL) OVER g,
			sum(round(emission_t, 6)) FILTER (WHERE x_emission IS NOT NULL) OVER g) AS b_emission
	FROM v WINDOW g AS (PARTITION BY industry_group)
), s AS (
	SELECT b.*,
		indicator_score(x_tax, 30, 'ratio', b_tax, cap => 2, floor => 0) AS s_tax,
		indicator_score(x_va, 20, 'ratio', b_va, cap => 1.5, floor => 0) AS s_va,
		indicator_score(x_energy, 20, 'ratio', b_energy, cap => 3) AS s_energy,
		indicator_score(x_emission, 10, 'ratio', b_emission) AS s_emission,
		indicator_score(x_labour, 10, 'ratio', 18.14) AS s_labour,
		indicator_score(x_rd, 10, 'ratio', 0.0302, cap => 2) AS s_rd
	FROM b
), t AS (
	SELECT s.*,
		COALESCE(s_emission, round(avg(s_emission) OVER (PARTITION BY industry_group), 6))
			AS s_emission_or_average
	FROM s
), u AS (
	SELECT t.*, round(COALESCE(s_tax, 0) + COALESCE(s_va, 0) + COALESCE(s_energy, 0)
		+ s_emission_or_average + COALESCE(s_labour, 0) + COALESCE(s_rd, 0), 3) AS total
	FROM t
), r AS (
	SELECT u.*, rank() OVER (PARTITION BY industry_group ORDER BY total DESC) AS rnk,
		count(*) OVER (PARTITION BY industry_group) AS n
	FROM u
)
SELECT credit_code, industry_group, total, rnk, n,
	quota_class(rnk, n, '{20,60,15,5}') AS class,
	x_tax, x_va, x_energy, x_emission, x_labour, x_rd,
	COALESCE(s_tax, 0) AS s_tax, COALESCE(s_va, 0) AS s_va, COALESCE(s_energy, 0) AS s_energy,
	s_emission_or_average AS s_emission, COALESCE(s_labour, 0) AS s_labour,
	COALESCE(s_rd, 0) AS s_rd
FROM r;

CREATE TABLE evaluation_one_call AS
SELECT * FROM evaluate('evalhand', 2023, 'SELECT * FROM evaluation_gen');

-- every firm, every value, score, total, rank and class agree
SELECT count(*) AS firms,
	count(*) FILTER (WHERE e.credit_code IS NULL OR h.credit_code IS NULL) AS unmatched,
	count(*) FILTER (WHERE e.total IS DISTINCT FROM h.total OR e.rank IS DISTINCT FROM h.rnk
		OR e.group_size IS DISTINCT FROM h.n OR e.class IS DISTINCT FROM h.class) AS class_differences,
	count(*) FILTER (WHERE e.tax_per_mu IS DISTINCT FROM h.x_tax OR e.va_per_mu IS DISTINCT FROM h.x_va
		OR e.va_per_energy IS DISTINCT FROM h.x_energy
		OR e.va_per_emission IS DISTINCT FROM h.x_emission
		OR e.labor_productivity IS DISTINCT FROM h.x_labour
		OR e.rd_intensity IS DISTINCT FROM h.x_rd) AS value_differences,
	count(*) FILTER (WHERE e.tax_per_mu_score IS DISTINCT FROM h.s_tax
		OR e.va_per_mu_score IS DISTINCT FROM h.s_va
		OR e.va_per_energy_score IS DISTINCT FROM h.s_energy
		OR e.va_per_emission_score IS DISTINCT FROM h.s_emission
		OR e.labor_productivity_score IS DISTINCT FROM h.s_labour
		OR e.rd_intensity_score IS DISTINCT FROM h.s_rd) AS score_differences
FROM evaluation_one_call e FULL JOIN evaluation_by_hand h USING (credit_code);

-- what was exercised: floors, caps, group averages, ties, and the class counts
SELECT count(*) FILTER (WHERE floored) AS floored, count(*) FILTER (WHERE capped) AS capped,
	count(*) FILTER (WHERE missing_rule = 'group_average_score') AS averaged
FROM evaluation_explain('evalhand', 2023, 'SELECT * FROM evaluation_gen');
SELECT industry_group, group_size,
	count(*) FILTER (WHERE class = 'A') AS a, count(*) FILTER (WHERE class = 'B') AS b,
	count(*) FILTER (WHERE class = 'C') AS c, count(*) FILTER (WHERE class = 'D') AS d,
	count(*) - count(DISTINCT total) AS tied
FROM evaluation_one_call GROUP BY industry_group, group_size ORDER BY industry_group;

-- the user's query may run as a parallel plan: same result
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET force_parallel_mode = on;
SELECT count(*) AS parallel_differences
FROM evaluate('evalhand', 2023, 'SELECT * FROM evaluation_gen') p
FULL JOIN evaluation_one_call e USING (credit_code)
WHERE p IS DISTINCT FROM e;
RESET force_parallel_mode;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

DROP VIEW evaluation_by_hand;
DROP TABLE evaluation_one_call, evaluation_gen;
DROP FUNCTION evaluation_h(bigint, int, bigint);
DELETE FROM evaluation_scheme WHERE code = 'evalhand';
