-- 亩均效益综合评价: rule sets, oracles, edge cases, errors.
-- Objects are prefixed evaluation_; test rule sets use codes evaltest*.

-- The shipped rule sets, their sources and validity.
SELECT code, year, scope, classification, group_by_industry, min_land,
	exempt_registered_years, exempt_land_years, exempt_not_producing, left(source, 4) AS src
FROM evaluation_scheme ORDER BY code, year, scope COLLATE "C";
SELECT scope, indicator, weight, benchmark_kind, benchmark, method, cap, floor, missing
FROM evaluation_indicator WHERE code = 'huangyan' AND year = 2022
ORDER BY scope COLLATE "C", indicator;
SELECT year, scope, string_agg(indicator || '/' || benchmark, ' ' ORDER BY indicator)
FROM evaluation_indicator WHERE code = 'huangyan' AND year = 2021 GROUP BY year, scope;
SELECT code, scope, string_agg(class || ' ' || label || ' ' || quota, ', ' ORDER BY position)
FROM evaluation_class WHERE year = 2022 GROUP BY code, scope ORDER BY code, scope COLLATE "C";
SELECT code, year, evaluation_validate(code, year)
FROM (SELECT DISTINCT code, year FROM evaluation_scheme) s ORDER BY code, year;

-- Huangyan 2022 oracles [S3]: the worked 规上 example scores 102.930
-- (37.349 + 22.033 + 14.848 + 6.085 + 11.025 + 11.589), the 规下 example 94.271.
CREATE TABLE evaluation_hy (credit_code text, scope text, land mu_area, tax yuan,
	value_added yuan, energy_tce numeric, emission_t numeric, employees numeric,
	rd yuan, main_revenue yuan, electricity numeric);
INSERT INTO evaluation_hy VALUES
	-- 税30 增加值150 能耗增加值2.0 排放增加值3000 劳产率20 R&D 0.035 on 10亩
	('HY-WORKED', '规上', '10亩', '300万元', '1500万元', 750, 0.5, 75, '350万元', '10000万元', NULL),
	-- 亩均税收 12, 单位用电税收 0.2
	('HY-SMALL', '规下', '10亩', '120万元', NULL, NULL, NULL, NULL, NULL, NULL, 600);
SELECT credit_code, scope, status, total, rank, group_size, class, label,
	tax_per_mu_score, va_per_mu_score, va_per_energy_score, va_per_emission_score,
	labor_productivity_score, rd_intensity_score, tax_per_kwh_score
FROM evaluate('huangyan', 2022, 'SELECT * FROM evaluation_hy');
SELECT credit_code, indicator, indicator_name, unit, value, benchmark, weight, score, capped
FROM evaluation_explain('huangyan', 2022, 'SELECT * FROM evaluation_hy');
-- the same by the building blocks
SELECT round(indicator_score(30, 30, 'ratio', 24.097) + indicator_score(150, 20, 'ratio', 136.16)
	+ indicator_score(2.0, 20, 'ratio', 2.694) + indicator_score(3000, 10, 'ratio', 4929.81)
	+ indicator_score(20, 10, 'ratio', 18.14) + indicator_score(0.035, 10, 'ratio', 0.0302), 3)
	AS worked,
	round(indicator_score(12, 50, 'ratio', 11.5932) + indicator_score(0.2, 50, 'ratio', 0.2352), 3)
	AS small;

-- A firm exactly at every benchmark scores 100 (2021 and 2022).  Its inputs are built from
-- the benchmarks (value added 10^10 万元), large enough that inputs rounded to 6 decimals
-- give every benchmark to 8 decimals.
CREATE FUNCTION evaluation_at_benchmarks(y int) RETURNS TABLE (total numeric, scores numeric[])
LANGUAGE sql AS $$
	SELECT e.total, ARRAY[e.tax_per_mu_score, e.va_per_mu_score, e.va_per_energy_score,
		e.va_per_emission_score, e.labor_productivity_score, e.rd_intensity_score]
	FROM (SELECT
		max(benchmark) FILTER (WHERE indicator = 'tax_per_mu') AS tax,
		max(benchmark) FILTER (WHERE indicator = 'va_per_mu') AS va,
		max(benchmark) FILTER (WHERE indicator = 'va_per_energy') AS energy,
		max(benchmark) FILTER (WHERE indicator = 'va_per_emission') AS emission,
		max(benchmark) FILTER (WHERE indicator = 'labor_productivity') AS labour,
		max(benchmark) FILTER (WHERE indicator = 'rd_intensity') AS rd
		FROM evaluation_indicator WHERE code = 'huangyan' AND year = y AND scope = '规上') b,
	LATERAL evaluate('huangyan', y, format($q$
		SELECT 'AT-BENCH' AS credit_code, '规上' AS scope, %1$s::mu_area AS land,
			(round(%1$s * %2$s, 6) * 10000)::yuan AS tax, (%3$s * 10000)::yuan AS value_added,
			round(%3$s / %4$s, 6) AS energy_tce, round(%3$s / %5$s, 6) AS emission_t,
			round(%3$s / %6$s, 6) AS employees,
			(%7$s * 1000000 * 10000)::yuan AS rd, '1000000万元'::yuan AS main_revenue,
			NULL::numeric AS electricity$q$,
		round(10000000000 / b.va, 6), b.tax, 10000000000, b.energy, b.emission, b.labour, b.rd)) e
$$;
SELECT * FROM evaluation_at_benchmarks(2022);
SELECT * FROM evaluation_at_benchmarks(2021);
SELECT y, sum(indicator_score(benchmark, weight, 'ratio', benchmark)) AS at_benchmark
FROM evaluation_indicator, LATERAL (SELECT year AS y) s
WHERE code = 'huangyan' GROUP BY y, scope ORDER BY y, scope COLLATE "C";
DROP FUNCTION evaluation_at_benchmarks(int);

-- Lishui 2019 [S19]: regional 亩均 is a ratio of sums.  573564万元 and 2236605万元 over
-- 30341亩 → 18.90 and 73.72 万元/亩 rounded (the dashboard truncates to 73.71).
SELECT round(wan_yuan_per_mu('573564万元'::yuan / '30341亩'::mu_area), 2) AS tax_per_mu,
	round(wan_yuan_per_mu('2236605万元'::yuan / '30341亩'::mu_area), 2) AS va_per_mu,
	indicator_value(573564, 30341) AS tax_exact, indicator_value(2236605, 30341) AS va_exact,
	wan_yuan_per_mu('573564万元'::yuan / '30341亩'::mu_area) = indicator_value(573564, 30341)
		AS same;
-- Lishui's published classes 258/534/135/15 of 942 → 27.4/56.7/14.3/1.6 (sum 100.0)
SELECT largest_remainder('{258,534,135,15}') AS pct,
	(SELECT sum(x) FROM unnest(largest_remainder('{258,534,135,15}')) x) AS total;
SELECT largest_remainder('{1,1,1}') AS thirds, largest_remainder('{1,1,1}', 0) AS whole,
	largest_remainder('{2,1}', 2) AS two, largest_remainder('{0,0}') AS empty,
	largest_remainder('{}') AS none;

-- Quota classes, 20/60/15/5: cut-offs round(n × cumulative %) half away from zero.
SELECT n, string_agg(quota_class(p, n, '{20,60,15,5}'), '' ORDER BY p) AS classes
FROM (VALUES (1), (2), (3), (4), (10), (19), (20), (21)) AS v(n), generate_series(1, n) p
GROUP BY n ORDER BY n;
SELECT n, string_agg(quota_class(p, n, '{5,70,20,5}'), '' ORDER BY p) AS below,
	string_agg(quota_class(p, n, '{20,60,15,5}', '{A,B,C,D}', 'floor'), '' ORDER BY p) AS floor,
	string_agg(quota_class(p, n, '{20,60,15,5}', '{A,B,C,D}', 'ceil'), '' ORDER BY p) AS ceil
FROM (VALUES (3), (19), (21)) AS v(n), generate_series(1, n) p
GROUP BY n ORDER BY n;
SELECT threshold_class(85, '{85,70,60}') AS a, threshold_class(84.999, '{85,70,60}') AS b,
	threshold_class(-5, '{85,70,60}') AS d,
	threshold_class(70, '{80,70}', '{优,良,差}') AS custom;

-- A test rule set: one group per industry, tax per mu only (benchmark 10, weight 100, so
-- score = 10 × 亩均税收), quotas 20/60/15/5.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, group_by_industry)
VALUES ('evaltest', 2023, 'all', 'test', 'test', true);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest', 2023, 'all', 'tax_per_mu', 100, 10);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
VALUES ('evaltest', 2023, 'all', 1, 'A', '优先发展类', 20),
	('evaltest', 2023, 'all', 2, 'B', '鼓励提升类', 60),
	('evaltest', 2023, 'all', 3, 'C', '调控帮扶类', 15),
	('evaltest', 2023, 'all', 4, 'D', '倒逼整治类', 5);

-- 20 firms: positions 4 and 5 tie across the A/B cut-off (c_A = 4); 'g3' all equal;
-- 'g1' one firm, 'g2' two.
CREATE TABLE evaluation_q (credit_code text, industry_group text, land numeric, tax numeric);
INSERT INTO evaluation_q
SELECT 'Q' || lpad(i::text, 2, '0'), 'g20', 1, CASE WHEN i = 4 THEN 170000 ELSE (20 - i) * 10000 END
FROM generate_series(0, 19) i;
INSERT INTO evaluation_q VALUES ('E1', 'g3', 1, 50000), ('E2', 'g3', 1, 50000),
	('E3', 'g3', 1, 50000), ('S1', 'g1', 1, 10000), ('T1', 'g2', 2, 10000), ('T2', 'g2', 1, 10000);
SELECT industry_group, credit_code, total, rank, group_size, class
FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q');
-- ties share the worse class instead
UPDATE evaluation_scheme SET tie_rule = 'down' WHERE code = 'evaltest';
SELECT industry_group, string_agg(class, '' ORDER BY rank, credit_code) AS classes
FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q') GROUP BY industry_group;
UPDATE evaluation_scheme SET tie_rule = 'up' WHERE code = 'evaltest';
-- the distribution adds up to 100.0 per group
SELECT * FROM evaluation_distribution('evaltest', 2023,
	'SELECT credit_code, industry_group, tax, land::mu_area AS land FROM evaluation_q')
WHERE industry_group IN ('g20', 'g1');
-- an empty query: no rows
SELECT count(*) FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q WHERE false');
SELECT count(*) FROM evaluation_distribution('evaltest', 2023, 'SELECT * FROM evaluation_q WHERE false');

-- Gap to the next class: the score of the last firm inside the better class, and the tax
-- that closes it at the current land area (other indicators unchanged).
SELECT credit_code, class, total, next_class, score_needed, score_gap, tax_needed, explanation
FROM evaluation_gap('evaltest', 2023, 'SELECT * FROM evaluation_q')
WHERE credit_code IN ('Q00', 'Q06', 'Q17', 'Q19', 'T1', 'S1');

-- Threshold classes: A ≥ 150, B ≥ 100, C ≥ 50, D below.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, classification)
VALUES ('evaltest_t', 2023, 'all', 'test', 'test', 'threshold');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest_t', 2023, 'all', 'tax_per_mu', 100, 10);
INSERT INTO evaluation_class (code, year, scope, position, class, label, min_score)
VALUES ('evaltest_t', 2023, 'all', 1, 'A', 'A类', 150), ('evaltest_t', 2023, 'all', 2, 'B', 'B类', 100),
	('evaltest_t', 2023, 'all', 3, 'C', 'C类', 50), ('evaltest_t', 2023, 'all', 4, 'D', 'D类', NULL);
SELECT e.credit_code, e.total, e.class, g.next_class, g.score_needed, g.tax_needed, g.explanation
FROM evaluate('evaltest_t', 2023, 'SELECT * FROM evaluation_q WHERE industry_group = ''g20''') e
JOIN evaluation_gap('evaltest_t', 2023, 'SELECT * FROM evaluation_q WHERE industry_group = ''g20''') g
	USING (credit_code)
WHERE e.credit_code IN ('Q00', 'Q05', 'Q06', 'Q10', 'Q11', 'Q19');

-- Missing data, negative tax, floor and cap.  Rule set: tax_per_mu weight 50 (bench 10,
-- floor 0, cap 2) + va_per_mu weight 50 (bench 100) whose missing rule varies.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, classification)
VALUES ('evaltest_m', 2023, 'all', 'test', 'test', 'threshold');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark, cap, floor, missing)
VALUES ('evaltest_m', 2023, 'all', 'tax_per_mu', 50, 10, 2, 0, 'zero'),
	('evaltest_m', 2023, 'all', 'va_per_mu', 50, 100, NULL, NULL, 'zero');
INSERT INTO evaluation_class (code, year, scope, position, class, label, min_score)
VALUES ('evaltest_m', 2023, 'all', 1, 'A', 'A类', 100), ('evaltest_m', 2023, 'all', 2, 'B', 'B类', NULL);
CREATE TABLE evaluation_m (credit_code text, land mu_area, tax yuan, value_added yuan);
INSERT INTO evaluation_m VALUES
	('M1', '1亩', '10万元', '100万元'),	-- 50 + 50
	('M2', '1亩', '-5万元', '200万元'),	-- negative tax floored at 0; 0 + 100
	('M3', '1亩', '50万元', NULL),		-- tax capped at 2 × 50 = 100; va missing
	('M4', '2亩', '10万元', '100万元'),	-- 25 + 25
	('M5', '0亩', '10万元', '100万元');	-- no land: both missing
SELECT credit_code, total, tax_per_mu, tax_per_mu_score, va_per_mu, va_per_mu_score
FROM evaluate('evaltest_m', 2023, 'SELECT * FROM evaluation_m') ORDER BY credit_code;
SELECT credit_code, indicator, value, score, capped, floored, missing_rule
FROM evaluation_explain('evaltest_m', 2023, 'SELECT * FROM evaluation_m')
WHERE credit_code IN ('M2', 'M3') ORDER BY credit_code, indicator;
-- group average score of the firms with a value: (50 + 100 + 25) / 3 = 58.333333
UPDATE evaluation_indicator SET missing = 'group_average_score'
WHERE code = 'evaltest_m' AND indicator = 'va_per_mu';
SELECT credit_code, total, va_per_mu_score
FROM evaluate('evaltest_m', 2023, 'SELECT * FROM evaluation_m') ORDER BY credit_code;
-- renormalise: M3 = 100 × 100/50 = 200; M5 has neither value: 0
UPDATE evaluation_indicator SET missing = 'renormalise'
WHERE code = 'evaltest_m' AND indicator = 'va_per_mu';
SELECT credit_code, total, va_per_mu_score
FROM evaluate('evaltest_m', 2023, 'SELECT * FROM evaluation_m') ORDER BY credit_code;
-- error
UPDATE evaluation_indicator SET missing = 'error'
WHERE code = 'evaltest_m' AND indicator = 'va_per_mu';
SELECT credit_code FROM evaluate('evaltest_m', 2023, 'SELECT * FROM evaluation_m');
SELECT count(*) FROM evaluate('evaltest_m', 2023, 'SELECT * FROM evaluation_m WHERE value_added IS NOT NULL AND land > ''0''');
UPDATE evaluation_indicator SET missing = 'zero'
WHERE code = 'evaltest_m' AND indicator = 'va_per_mu';
-- bonus, penalty and correction: total = Σ items × correction + bonus − penalty
SELECT credit_code, total FROM evaluate('evaltest_m', 2023, $$
	SELECT *, 1.1 AS correction, 2.5 AS bonus, CASE credit_code WHEN 'M1' THEN 5 END AS penalty
	FROM evaluation_m WHERE credit_code IN ('M1', 'M4')$$);

-- The gap when more tax cannot reach the next class.  With A from 160 points, the capped
-- tax item tops out at 2 × 50 = 100, so M4 (25 + 25) can reach at most 125: no amount of
-- tax is named.  M1 (50 + 50) needs 60 more points but can only gain 50 from tax, likewise.
-- M3 (tax capped at 100, va missing) is the same; M2 is floored at 0 and needs 60 points:
-- its tax item can rise from 0 to 100 (reachable: 160 − 100 = 60 from tax).
UPDATE evaluation_class SET min_score = 160 WHERE code = 'evaltest_m' AND class = 'A';
SELECT credit_code, class, total, next_class, score_needed, score_gap, tax_needed
FROM evaluation_gap('evaltest_m', 2023, 'SELECT * FROM evaluation_m') ORDER BY credit_code;
UPDATE evaluation_class SET min_score = 100 WHERE code = 'evaltest_m' AND class = 'A';

-- Exemptions and veto together (rule set zhejiang 2024 规下: under 3亩 not graded; new
-- firms < 2 years, new land < 3 years, not producing exempt), ranked within groups.
CREATE TABLE evaluation_x (credit_code text, scope text, industry_group text, land mu_area,
	tax yuan, revenue yuan, registered_on date, land_supplied_on date, producing boolean,
	exempt_reason text, veto_reason text);
INSERT INTO evaluation_x VALUES
	('X1', '规下', '纺织', '5亩', '50万元', '1000万元', '2010-01-01', '2010-01-01', true, NULL, NULL),
	('X2', '规下', '纺织', '5亩', '40万元', '900万元', '2010-01-01', '2010-01-01', true, NULL, '重大安全事故'),
	('X3', '规下', '纺织', '5亩', '30万元', '800万元', '2023-06-01', '2010-01-01', true, NULL, NULL),
	('X4', '规下', '纺织', '5亩', '20万元', '700万元', '2010-01-01', '2022-01-01', true, NULL, NULL),
	('X5', '规下', '纺织', '5亩', '10万元', '600万元', '2010-01-01', '2010-01-01', false, NULL, NULL),
	('X6', '规下', '纺织', '2.5亩', '10万元', '600万元', '2010-01-01', '2010-01-01', true, NULL, NULL),
	('X7', '规下', '纺织', '5亩', '10万元', '600万元', '2023-01-01', '2023-01-01', true, '公用工程', NULL),
	('X8', '规下', '纺织', '5亩', '25万元', '750万元', '2022-12-31', '2021-12-31', NULL, NULL, NULL);
SELECT credit_code, status, total, rank, group_size, class, reason
FROM evaluate('zhejiang', 2024, 'SELECT * FROM evaluation_x');
-- veto as a one-class downgrade instead of a forced D
SELECT evaluation_copy_scheme('zhejiang', 2024, 'evaltest_z');
UPDATE evaluation_scheme SET veto_rule = 'downgrade' WHERE code = 'evaltest_z';
SELECT credit_code, status, class, reason FROM evaluate('evaltest_z', 2024,
	'SELECT * FROM evaluation_x') WHERE status <> 'exempt';
SELECT * FROM evaluation_distribution('evaltest_z', 2024, 'SELECT * FROM evaluation_x');
-- the year column filters rows
SELECT count(*) FROM evaluate('evaltest_z', 2024,
	'SELECT *, CASE WHEN credit_code = ''X1'' THEN 2023 ELSE 2024 END AS year FROM evaluation_x');

-- Errors.
-- unknown rule set (42704)
SELECT * FROM evaluate('nowhere', 2022, 'SELECT 1');
-- a column a rule needs (42703 naming the indicator); checked for the scopes present
SELECT count(*) FROM evaluate('huangyan', 2022, 'SELECT credit_code, scope, land, tax, electricity
	FROM evaluation_hy WHERE scope = ''规下''');
SELECT * FROM evaluate('huangyan', 2022, 'SELECT credit_code, scope, land, tax, value_added,
	emission_t, employees, rd, main_revenue, electricity FROM evaluation_hy');
SELECT * FROM evaluate('huangyan', 2022, 'SELECT credit_code, land FROM evaluation_hy');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT credit_code, land, tax FROM evaluation_q');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT industry_group, land, tax FROM evaluation_q');
SELECT * FROM evaluate('zhejiang', 2024, 'SELECT credit_code, scope, industry_group, land, tax,
	revenue, registered_on, land_supplied_on FROM evaluation_x');
-- wrong types (42804), a scope without rules, NULL keys, not one SELECT
SELECT * FROM evaluate('evaltest', 2023, 'SELECT credit_code, industry_group, land, tax::text AS tax FROM evaluation_q');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT credit_code, industry_group, tax::yuan AS land, tax FROM evaluation_q');
SELECT * FROM evaluate('huangyan', 2022, 'SELECT credit_code, ''服务业'' AS scope, land, tax, electricity FROM evaluation_hy');
-- 1.1: a NULL credit_code is that row's error (status error), not the call's
SELECT count(*), min(status), max(reason) FROM evaluate('evaltest', 2023, 'SELECT NULL::text AS credit_code, industry_group, land, tax FROM evaluation_q');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT *, 1 AS tax FROM evaluation_q');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q WHERE false; SELECT 2');
SELECT * FROM evaluate('evaltest', 2023, 'CREATE TEMP TABLE evaluation_nope ()');
SELECT * FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q WHERE x');
-- bad rule rows: unknown indicator (42704), negative weight, missing benchmark, …
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest', 2023, 'all', 'tax_per_m', 10, 10);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', -10, 10);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', 10);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark, benchmark_kind)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', 10, 10, 'median');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', 10, 0.000000001);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, method)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', 10, 'best');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark, cap, floor)
VALUES ('evaltest', 2023, 'all', 'va_per_mu', 10, 10, 1, 2);
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source)
VALUES ('evaltest', 2024, '规模以上', 'test', 'test');
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
VALUES ('evaltest', 2023, 'all', 5, 'E', 'E类', -1);
-- quotas not covering 100%
UPDATE evaluation_class SET quota = 10 WHERE code = 'evaltest' AND class = 'A';
SELECT evaluation_validate('evaltest', 2023);
SELECT * FROM evaluate('evaltest', 2023, 'SELECT * FROM evaluation_q');
UPDATE evaluation_class SET quota = 20 WHERE code = 'evaltest' AND class = 'A';
-- threshold rules out of order
UPDATE evaluation_class SET min_score = 200 WHERE code = 'evaltest_t' AND class = 'B';
SELECT evaluation_validate('evaltest_t', 2023);
UPDATE evaluation_class SET min_score = 100 WHERE code = 'evaltest_t' AND class = 'B';
-- built-in rows are read-only; copies are editable
UPDATE evaluation_indicator SET weight = 40 WHERE code = 'huangyan' AND year = 2022 AND indicator = 'tax_per_mu';
DELETE FROM evaluation_scheme WHERE code = 'huangyan';
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, builtin)
VALUES ('evaltest', 2025, 'all', 'test', 'test', true);
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('huangyan', 2022, '规上', 'revenue_per_mu', 10, 10);
SELECT evaluation_copy_scheme('huangyan', 2022, 'evaltest_hy', 2023);
UPDATE evaluation_indicator SET weight = 40 WHERE code = 'evaltest_hy' AND indicator = 'tax_per_mu';
SELECT scope, count(*), sum(weight), bool_or(builtin) FROM evaluation_indicator
WHERE code = 'evaltest_hy' AND year = 2023 GROUP BY scope ORDER BY scope COLLATE "C";
SELECT evaluation_copy_scheme('nowhere', 2022, 'evaltest_none');
SELECT evaluation_copy_scheme('zhejiang', 2024, 'zhejiang');
SELECT evaluation_copy_scheme('zhejiang', 2024, NULL);
-- the building blocks reject bad arguments
SELECT indicator_score(1, 10, 'ratio');
SELECT indicator_score(1, 10, 'ratio', 0);
SELECT indicator_score(1, 0, 'ratio', 1);
SELECT indicator_score(1, 10, 'minmax');
SELECT quota_class(3, 2, '{20,60,15,5}');
SELECT quota_class(1, 2, '{20,60,15}');
SELECT quota_class(1, 2, '{20,60,15,4}');
SELECT threshold_class(1, '{60,70,80}');
SELECT largest_remainder('{-1,2}');
SELECT indicator_value(1, 0) AS zero_den, indicator_value(1, -1) AS negative_den,
	indicator_value(-2, 3) AS negative, indicator_value(2, 3) AS two_thirds,
	indicator_value(0.000000005, 1) AS half_up, indicator_value(-0.000000005, 1) AS half_down;
SELECT indicator_score(15, 10, 'lower_better', 10) AS lb, indicator_score(25, 10, 'lower_better', 10) AS lb0,
	indicator_score(5, 10, 'minmax', NULL, 5, 15) AS mm_lo,
	indicator_score(15, 10, 'minmax', NULL, 5, 15) AS mm_hi,
	indicator_score(10, 10, 'minmax', NULL, 10, 10) AS mm_flat;

-- Clean up.
DELETE FROM evaluation_scheme WHERE code LIKE 'evaltest%';
SELECT count(*) AS user_rows FROM evaluation_indicator WHERE NOT builtin;
DROP TABLE evaluation_hy, evaluation_q, evaluation_m, evaluation_x;
