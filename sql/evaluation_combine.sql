-- Related firms as one unit (issue 10 item 5, doc/evaluation.md §2.7): the rule option
-- evaluation_scheme.combine with the input column unit_code, and the one rule for a NULL
-- or repeated credit_code (each such row is reported on its own, the rest graded).
SET client_min_messages = warning;
\set VERBOSITY terse

-- Test H of evaluation_rules.sql as rows: 遂昌 2022 [S11] "宗地上租用的工业企业数据合并计算
-- 并共享评价结果".  P1 owns a 10亩 parcel and rents to T1 (no land) and T2 (0亩); P2 and P3
-- are alone.  One indicator (亩均税收, benchmark 10万元/亩), quotas A 50%, B 50%.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source)
VALUES ('cmb_none', 2022, 'all', '遂昌县', '[S11]');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('cmb_none', 2022, 'all', 'tax_per_mu', 100, 10);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
VALUES ('cmb_none', 2022, 'all', 1, 'A', 'A类', 50), ('cmb_none', 2022, 'all', 2, 'B', 'B类', 50);
SELECT evaluation_copy_scheme('cmb_none', 2022, 'cmb_merged');
SELECT evaluation_copy_scheme('cmb_none', 2022, 'cmb_also');
UPDATE evaluation_scheme SET combine = 'merged' WHERE code = 'cmb_merged';
UPDATE evaluation_scheme SET combine = 'also' WHERE code = 'cmb_also';
-- the copy keeps the option
SELECT evaluation_copy_scheme('cmb_merged', 2022, 'cmb_merged2');
SELECT code, combine FROM evaluation_scheme WHERE code LIKE 'cmb%' ORDER BY code;

CREATE TABLE cmb_firms (credit_code text, unit_code text, land numeric, tax numeric);
INSERT INTO cmb_firms VALUES
	('P1', 'P1', 10, 500000), ('T1', 'P1', NULL, 400000), ('T2', 'P1', 0, 300000),
	('P2', NULL, 10, 1000000), ('P3', NULL, 20, 1000000);

-- 1. combine = 'none' (the default, every 1.0 rule set): unit_code is ignored; test H's
-- "alone" classes P1 A, P2 A, P3 A, T1 B, T2 B
SELECT credit_code, status, total, rank, group_size, class, reason
FROM evaluate('cmb_none', 2022, 'SELECT * FROM cmb_firms') ORDER BY credit_code;

-- 2. combine = 'merged' (遂昌): one call gives test H's merged classes: P1, T1, T2 share
-- their unit's 120万元 / 10亩 → 120.000, rank 1 of 3 units, A; P2 A; P3 B.  P2 and P3 have
-- a NULL unit_code: evaluated alone.
SELECT credit_code, status, total, rank, group_size, class, tax_per_mu, reason
FROM evaluate('cmb_merged', 2022, 'SELECT * FROM cmb_firms');

-- 3. one call = hand-composed (test H's route: GROUP BY the unit, join the members back):
-- the same totals, ranks, group sizes and classes, both ways (no rows)
CREATE TEMP VIEW cmb_hand AS
SELECT m.credit_code, u.total, u.rank, u.group_size, u.class
FROM evaluate('cmb_none', 2022, $$SELECT COALESCE(unit_code, credit_code) AS credit_code,
	sum(land) AS land, sum(tax) AS tax FROM cmb_firms
	GROUP BY COALESCE(unit_code, credit_code)$$) u
JOIN cmb_firms m ON COALESCE(m.unit_code, m.credit_code) = u.credit_code;
CREATE TEMP VIEW cmb_one AS
SELECT credit_code, total, rank, group_size, class
FROM evaluate('cmb_merged', 2022, 'SELECT * FROM cmb_firms');
SELECT 'hand only' AS side, * FROM (TABLE cmb_hand EXCEPT TABLE cmb_one) a
UNION ALL SELECT 'one call only', * FROM (TABLE cmb_one EXCEPT TABLE cmb_hand) b;
SELECT count(*) FROM cmb_one;

-- 4. combine = 'also' (黄岩): every firm's own row is exactly its row under 'none' (no
-- rows below), and the unit P1 gets one more row, status combined, scored on the summed
-- data (120.000) and classed where that total falls among the ranked firms (A), without a
-- place: group_size stays 5 and rank is NULL.
SELECT 'none only' AS side, * FROM (
	SELECT credit_code, status, total, rank, group_size, class, reason
	FROM evaluate('cmb_none', 2022, 'SELECT * FROM cmb_firms')
	EXCEPT SELECT credit_code, status, total, rank, group_size, class, reason
	FROM evaluate('cmb_also', 2022, 'SELECT * FROM cmb_firms') WHERE status <> 'combined') a;
SELECT credit_code, status, total, rank, group_size, class, tax_per_mu, reason
FROM evaluate('cmb_also', 2022, 'SELECT * FROM cmb_firms') WHERE status = 'combined';
SELECT count(*) FILTER (WHERE status = 'combined') AS units, count(*) AS rows,
	max(group_size) AS group_size
FROM evaluate('cmb_also', 2022, 'SELECT * FROM cmb_firms');

-- an empty unit_code (a blank spreadsheet cell) is no unit: the firm is evaluated alone
SELECT credit_code, status, total, class
FROM evaluate('cmb_also', 2022, $$SELECT credit_code, CASE WHEN unit_code IS NULL THEN '' ELSE unit_code END AS unit_code,
	land, tax FROM cmb_firms WHERE credit_code = 'P2' UNION ALL SELECT 'P3', '', 20, 1000000$$)
ORDER BY credit_code;

-- 5. a unit of one firm: merged, P2 alone in unit U2 has its own result (status combined)
SELECT credit_code, status, total, rank, group_size, class, reason
FROM evaluate('cmb_merged', 2022, $$SELECT credit_code, CASE credit_code WHEN 'P2' THEN 'U2'
	ELSE unit_code END AS unit_code, land, tax FROM cmb_firms$$)
WHERE credit_code IN ('P2', 'P3');

-- 6. a vetoed member vetoes its unit (the hand route's max(veto_reason)): the unit keeps
-- its place and goes to the last class (veto_rule last_class); each member is a veto row
-- naming the member; under 'also' the vetoed member alone is a veto row too
SELECT credit_code, status, total, rank, class, reason
FROM evaluate('cmb_merged', 2022, $$SELECT *, CASE credit_code WHEN 'T2' THEN '环保事故'
	END AS veto_reason FROM cmb_firms$$)
ORDER BY credit_code;
SELECT credit_code, status, total, rank, class, reason
FROM evaluate('cmb_also', 2022, $$SELECT *, CASE credit_code WHEN 'T2' THEN '环保事故'
	END AS veto_reason FROM cmb_firms$$)
WHERE credit_code IN ('P1', 'T2') ORDER BY credit_code, status;

-- 7. an exempt member exempts its unit (any member's exemption, reasons named by member)
SELECT credit_code, status, total, class, reason
FROM evaluate('cmb_merged', 2022, $$SELECT *, CASE credit_code WHEN 'T1' THEN '停产整治'
	END AS exempt_reason FROM cmb_firms$$)
ORDER BY credit_code;

-- under 'also' the exempt unit's row still says combined (every unit row does), with no
-- total or class; the members are evaluated alone (T1 exempt by its own reason)
SELECT credit_code, status, total, class, reason
FROM evaluate('cmb_also', 2022, $$SELECT *, CASE credit_code WHEN 'T1' THEN '停产整治'
	END AS exempt_reason FROM cmb_firms$$)
WHERE credit_code IN ('P1', 'T1') ORDER BY credit_code, status;

-- 8. a sum beyond the engine's range costs only that unit: its members are error rows, the
-- other firms graded (P2, P3: n = 2)
SELECT credit_code, status, total, rank, group_size, class, reason
FROM evaluate('cmb_merged', 2022, $$SELECT credit_code, unit_code, land,
	CASE WHEN unit_code = 'P1' THEN 50000000000000000 ELSE tax END AS tax FROM cmb_firms$$)
ORDER BY credit_code;

-- 9. members in different scopes (规上 and 规下): the unit cannot be formed, its members are
-- error rows naming the two members; firms outside it graded.  Members of one scope form a
-- unit of that scope, evaluated by its list's rules.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, combine)
VALUES ('cmb_two', 2022, '规上', '遂昌县', '[S11]', 'merged'),
	('cmb_two', 2022, '规下', '遂昌县', '[S11]', 'merged');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('cmb_two', 2022, '规上', 'tax_per_mu', 100, 10),
	('cmb_two', 2022, '规下', 'tax_per_mu', 100, 5);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
SELECT 'cmb_two', 2022, s, p, c, c || '类', 50
FROM (VALUES ('规上'), ('规下')) s(s), (VALUES (1, 'A'), (2, 'B')) c(p, c);
SELECT credit_code, scope, status, total, class, reason
FROM evaluate('cmb_two', 2022, $$SELECT *, CASE WHEN credit_code IN ('T1', 'P3')
	THEN '规下' ELSE '规上' END AS scope FROM cmb_firms$$)
ORDER BY credit_code;
SELECT credit_code, scope, status, total, class, reason
FROM evaluate('cmb_two', 2022, $$SELECT *, '规下' AS scope FROM cmb_firms$$)
ORDER BY credit_code;

-- members of different industry groups, where the list groups by industry: the unit
-- cannot be formed either
UPDATE evaluation_scheme SET group_by_industry = true WHERE code = 'cmb_merged2';
SELECT credit_code, industry_group, status, total, class, reason
FROM evaluate('cmb_merged2', 2022, $$SELECT *, CASE credit_code WHEN 'T2' THEN 'C14'
	ELSE 'C13' END AS industry_group FROM cmb_firms$$)
ORDER BY credit_code;

-- 10. explanation and gap of a merged unit: each member explains the unit's value (12
-- 万元/亩 over the benchmark 10) and score; P3 (B) needs the score and tax of the cut-off
-- unit P2; the members are in the top class already
SELECT credit_code, status, indicator, value, benchmark, score
FROM evaluation_explain('cmb_merged', 2022, 'SELECT * FROM cmb_firms') ORDER BY credit_code;
SELECT credit_code, status, class, total, next_class, score_needed, score_gap,
	tax_needed::numeric, explanation
FROM evaluation_gap('cmb_merged', 2022, 'SELECT * FROM cmb_firms') ORDER BY credit_code;
-- the gap of a unit below the cut-off: with P2 at 300 and P3 at 150 points the unit (120)
-- is third of three, B; each member shows the unit's gap to P3, the last A: 30 points,
-- about 30万元 more tax over the unit's 10亩
SELECT credit_code, status, class, next_class, score_gap, tax_needed::numeric
FROM evaluation_gap('cmb_merged', 2022, $$SELECT credit_code, unit_code, land,
	CASE WHEN credit_code IN ('P2', 'P3') THEN 3000000 ELSE tax END AS tax FROM cmb_firms$$)
ORDER BY credit_code;
-- under 'also' the unit's own gap row: with P4 (200 points) six firms are ranked alone, the
-- cut-off is the third (P3, 150); the unit (120, no place) falls fourth, B, 30 points short
SELECT credit_code, status, class, total, next_class, score_gap, tax_needed::numeric
FROM evaluation_gap('cmb_also', 2022, $$SELECT credit_code, unit_code, land,
	CASE WHEN credit_code IN ('P2', 'P3') THEN 3000000 ELSE tax END AS tax FROM cmb_firms
	UNION ALL SELECT 'P4', NULL, 10, 2000000$$)
WHERE status = 'combined' OR credit_code IN ('P1', 'P3') ORDER BY credit_code, status;

-- evaluation_distribution counts firms: merged, each member in its unit's class with its
-- own land (A: P1, T1, T2, P2 on 20亩); under 'also' the unit's row is left out, so the
-- distribution is that of 'none' (no rows below)
SELECT * FROM evaluation_distribution('cmb_merged', 2022, 'SELECT * FROM cmb_firms');
SELECT 'none only' AS side, * FROM (
	SELECT * FROM evaluation_distribution('cmb_none', 2022, 'SELECT * FROM cmb_firms')
	EXCEPT SELECT * FROM evaluation_distribution('cmb_also', 2022, 'SELECT * FROM cmb_firms')) a
UNION ALL SELECT 'also only', * FROM (
	SELECT * FROM evaluation_distribution('cmb_also', 2022, 'SELECT * FROM cmb_firms')
	EXCEPT SELECT * FROM evaluation_distribution('cmb_none', 2022, 'SELECT * FROM cmb_firms')) b;
-- the members' own land is returned (the unit's 10亩 is what is scored)
SELECT credit_code, land, tax_per_mu FROM evaluate('cmb_merged', 2022, 'SELECT * FROM cmb_firms')
WHERE status = 'combined' ORDER BY credit_code;

-- 11. the unit's amounts are summed in every indicator column and exactly (money in 分,
-- a NULL part counting 0) before the ratios: the unit of M1 and M2 has the values and
-- total of S1, a single firm given the members' sums
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, combine)
VALUES ('cmb_six', 2022, 'all', '测试', '[S11]', 'merged');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('cmb_six', 2022, 'all', 'va_per_mu', 50, 100),
	('cmb_six', 2022, 'all', 'va_per_energy', 30, 2),
	('cmb_six', 2022, 'all', 'labor_productivity', 20, 10);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
VALUES ('cmb_six', 2022, 'all', 1, 'A', 'A类', 50), ('cmb_six', 2022, 'all', 2, 'B', 'B类', 50);
SELECT credit_code, status, va_per_mu, va_per_energy, labor_productivity, total
FROM evaluate('cmb_six', 2022, $$SELECT * FROM (VALUES
	('M1', 'U', 3::numeric, 1000000.01::numeric, 400::numeric, 7::numeric),
	('M2', 'U', 4, 2000000.02, NULL, 3),
	('S1', NULL, 7, 3000000.03, 400, 10)) v(credit_code, unit_code, land, value_added,
	energy_tce, employees)$$)
ORDER BY credit_code;

-- one call = hand-composed on 300 firms under the shipped 黄岩 2022 rules (six indicators,
-- group-average emission rule, 规上/规下, fixed benchmarks): every third firm is in one of
-- 17 units; SQL sum() has the engine's NULL rule (NULL parts count 0, all NULL stays NULL)
SELECT evaluation_copy_scheme('huangyan', 2022, 'cmb_hy');
UPDATE evaluation_scheme SET combine = 'merged' WHERE code = 'cmb_hy';
CREATE TABLE cmb_many AS
SELECT 'F' || i AS credit_code, CASE WHEN i % 3 = 0 THEN 'U' || i % 17 END AS unit_code,
	CASE WHEN i % 17 % 2 = 0 THEN '规上' ELSE '规下' END AS scope,
	(i * 37 % 50 + 1)::numeric AS land, (i * 7919 % 900000 + 1000)::numeric AS tax,
	(i * 104729 % 9000000 + 5000)::numeric AS value_added,
	CASE WHEN i % 11 <> 0 THEN (i * 13 % 900 + 10)::numeric END AS energy_tce,
	CASE WHEN i % 5 <> 0 THEN (i * 7 % 30 + 1) / 10.0 END AS emission_t,
	(i * 29 % 200 + 5)::numeric AS employees, (i * 613 % 400000)::numeric AS rd,
	(i * 7907 % 90000000 + 100000)::numeric AS main_revenue,
	(i * 31 % 5000 + 100)::numeric AS electricity
FROM generate_series(1, 300) i;
CREATE TEMP VIEW cmb_many_hand AS
SELECT m.credit_code, u.total, u.rank, u.group_size, u.class
FROM evaluate('huangyan', 2022, $$SELECT COALESCE(unit_code, credit_code) AS credit_code,
	scope, sum(land) AS land, sum(tax) AS tax, sum(value_added) AS value_added,
	sum(energy_tce) AS energy_tce, sum(emission_t) AS emission_t, sum(employees) AS employees,
	sum(rd) AS rd, sum(main_revenue) AS main_revenue, sum(electricity) AS electricity
	FROM cmb_many GROUP BY COALESCE(unit_code, credit_code), scope$$) u
JOIN cmb_many m ON COALESCE(m.unit_code, m.credit_code) = u.credit_code;
CREATE TEMP VIEW cmb_many_one AS
SELECT credit_code, total, rank, group_size, class
FROM evaluate('cmb_hy', 2022, 'SELECT * FROM cmb_many');
SELECT 'hand only' AS side, * FROM (TABLE cmb_many_hand EXCEPT TABLE cmb_many_one) a
UNION ALL SELECT 'one call only', * FROM (TABLE cmb_many_one EXCEPT TABLE cmb_many_hand) b;
SELECT count(*) AS firms, count(DISTINCT total) AS totals,
	count(*) FILTER (WHERE status = 'combined') AS members, max(group_size) AS max_n
FROM evaluate('cmb_hy', 2022, 'SELECT * FROM cmb_many');

-- 12. NULL and repeated credit codes (1.1, every combine value): a NULL credit_code is an
-- error row of its own (no longer 22004 for the call, as tier_check reports it on its
-- row); a code given twice makes both rows errors (which is right is unknown) and they
-- take no place: the others are graded among themselves (n = 3)
SELECT credit_code, status, total, rank, group_size, class, reason
FROM evaluate('cmb_none', 2022, $$SELECT * FROM (VALUES ('P1', 10, 500000::numeric),
	('P1', 10, 900000), (NULL, 10, 800000), ('P2', 10, 1000000), ('P3', 20, 1000000),
	('P4', 10, 100000)) v(credit_code, land, tax)$$)
ORDER BY credit_code, total;
-- repeated rows leave every group statistic: with a data-derived benchmark (ratio of sums),
-- a median and min-max scoring, the other firms' results are those of the query without
-- the repeated codes (no rows below)
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source)
VALUES ('cmb_dup', 2022, 'all', '测试', '[S11]');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, method, benchmark_kind,
	benchmark)
VALUES ('cmb_dup', 2022, 'all', 'tax_per_mu', 40, 'ratio', 'ratio_of_sums', NULL),
	('cmb_dup', 2022, 'all', 'va_per_mu', 30, 'minmax', 'fixed', NULL),
	('cmb_dup', 2022, 'all', 'labor_productivity', 30, 'ratio', 'median', NULL);
INSERT INTO evaluation_class (code, year, scope, position, class, label, quota)
VALUES ('cmb_dup', 2022, 'all', 1, 'A', 'A类', 30), ('cmb_dup', 2022, 'all', 2, 'B', 'B类', 70);
SELECT 'with repeats' AS side, * FROM (
	SELECT credit_code, total, rank, group_size, class FROM evaluate('cmb_dup', 2022,
		$$SELECT credit_code, land, tax, value_added, employees FROM cmb_many UNION ALL
		SELECT credit_code, 1, 90000000, 900000000, 1 FROM cmb_many WHERE credit_code IN ('F1', 'F2')$$)
	WHERE status <> 'error'
	EXCEPT SELECT credit_code, total, rank, group_size, class FROM evaluate('cmb_dup', 2022,
		$$SELECT credit_code, land, tax, value_added, employees FROM cmb_many
		WHERE credit_code NOT IN ('F1', 'F2')$$)) a;
SELECT count(*) FILTER (WHERE status = 'error') AS errors, max(group_size) AS n
FROM evaluate('cmb_dup', 2022, $$SELECT credit_code, land, tax, value_added, employees
	FROM cmb_many UNION ALL SELECT credit_code, 1, 90000000, 900000000, 1 FROM cmb_many
	WHERE credit_code IN ('F1', 'F2')$$);

-- one code on 20000 rows: every row an error, counted (no quadratic work)
SELECT count(*), min(status), min(reason), max(reason)
FROM evaluate('cmb_none', 2022, 'SELECT ''X'' AS credit_code, 10 AS land, i AS tax FROM generate_series(1, 20000) i');
-- a repeated member makes its merged unit an error too; a NULL-coded row is never a member
SELECT credit_code, status, total, class, reason
FROM evaluate('cmb_merged', 2022, $$SELECT * FROM cmb_firms UNION ALL
	SELECT 'T1', NULL, 5, 100000 UNION ALL SELECT NULL, 'P1', 5, 100000$$)
ORDER BY credit_code, reason;

-- 13. classification by threshold (A from 80 points): an 'also' unit takes the class of its
-- total directly; merged members likewise share their unit's
SELECT evaluation_copy_scheme('cmb_also', 2022, 'cmb_thr');
UPDATE evaluation_scheme SET classification = 'threshold' WHERE code = 'cmb_thr';
UPDATE evaluation_class SET quota = NULL, min_score = CASE class WHEN 'A' THEN 80 END
WHERE code = 'cmb_thr';
SELECT credit_code, status, total, rank, class
FROM evaluate('cmb_thr', 2022, 'SELECT * FROM cmb_firms') ORDER BY credit_code, status;
UPDATE evaluation_scheme SET combine = 'merged' WHERE code = 'cmb_thr';
SELECT credit_code, status, total, rank, class
FROM evaluate('cmb_thr', 2022, 'SELECT * FROM cmb_firms') ORDER BY credit_code, status;

-- a tenant following its landlord (tenant_follows_landlord) finds a merged member by its
-- own credit code and takes the unit's class; a unit's code that is no firm's (U2, the
-- unit of P2 alone here) is not a landlord
SELECT evaluation_copy_scheme('cmb_merged', 2022, 'cmb_ll');
UPDATE evaluation_scheme SET tenant_follows_landlord = true WHERE code = 'cmb_ll';
SELECT credit_code, status, total, rank, class, reason
FROM evaluate('cmb_ll', 2022, $$SELECT credit_code, CASE credit_code WHEN 'P2' THEN 'U2'
	ELSE unit_code END AS unit_code, land, tax, NULL::text AS landlord_code FROM cmb_firms
	UNION ALL SELECT 'L1', NULL, 5, 100000, 'T1' UNION ALL SELECT 'L2', NULL, 5, 100000, 'U2'$$)
WHERE credit_code IN ('L1', 'L2', 'T1') ORDER BY credit_code;

-- 14. rule checks: combine must be one of none, merged, also, and the same on every list
UPDATE evaluation_scheme SET combine = 'both' WHERE code = 'cmb_merged';
UPDATE evaluation_scheme SET combine = 'none' WHERE code = 'cmb_two' AND scope = '规下';
SELECT evaluation_validate('cmb_two', 2022);
SELECT count(*) FROM evaluate('cmb_two', 2022, 'SELECT * FROM cmb_firms');

-- clean up
DELETE FROM evaluation_scheme WHERE code LIKE 'cmb%';
DROP VIEW cmb_hand, cmb_one, cmb_many_hand, cmb_many_one;
DROP TABLE cmb_firms, cmb_many;
