-- 梯度培育 tier eligibility: shipped tiers, boundaries, unknowns, prerequisites, gaps.
-- Rule data and user tiers are in tier_rules.sql.
SET extra_float_digits = 0;

-- the shipped tiers, their versions and sources
SELECT code, version, label, valid_from, growth_average, builtin
FROM tier_definition ORDER BY code, version;
SELECT count(*) AS criteria, count(*) FILTER (WHERE builtin) AS builtin_criteria FROM tier_criterion;
SELECT tier_code, score_group, sum(max_points) AS group_max
FROM (SELECT tier_code, score_group, item, max(coalesce(points, high)) AS max_points
      FROM tier_score_band GROUP BY 1, 2, 3) s
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT tier_validate();
SELECT tier_validate('{xjr}');   -- xjr, its prerequisite zjtx and zjtx's prerequisite sme

-- ---------------------------------------------------------------------------
-- O7 (domain-research.md §7): 创新型中小企业.  IP 自主研发Ⅰ类 15 + R&D 4% 15 +
-- growth 12% 15 + 资产负债率 50% 10 + SEI field 10 + 主营 share 65% 15 = 80.
-- ---------------------------------------------------------------------------
CREATE TABLE tier_o7 (
	credit_code text, name text, employees int, revenue yuan, main_revenue yuan,
	main_revenue_prev1 yuan, rd yuan, debt_ratio numeric, sei_field boolean,
	ip_class1_high_value int, ip_class1_own int, ip_class1 int, ip_class2 int,
	-- none of the direct passes
	sci_award_3y boolean DEFAULT false, high_tech boolean DEFAULT false,
	innovation_demo boolean DEFAULT false, ip_advantage boolean DEFAULT false,
	rd_institution int DEFAULT 0, equity_financing_3y yuan DEFAULT '0');
INSERT INTO tier_o7 VALUES
 ('A', 'O7 80分', 100, '2240万元', '1456万元', '1300万元', '89.6万元', 0.50, true, 0, 1, 1, 0),
 ('B', 'O7 增长-1% 负债80%', 100, '1980万元', '1287万元', '1300万元', '79.2万元', 0.80, true, 0, 1, 1, 0),
 ('C', '总分70 成长性0', 100, '1800万元', '1287万元', '1300万元', '90万元', 0.80, true, 1, 1, 1, 0);
SELECT credit_code, name, eligible, score, points, failed, unknown
FROM tier_check('SELECT * FROM tier_o7', '{chuangxin}') ORDER BY ordinal;
-- the failed group minimum with its gap
SELECT t.credit_code, g.* FROM tier_check('SELECT * FROM tier_o7', '{chuangxin}') t, unnest(t.gaps) g
WHERE t.credit_code = 'C';
-- a direct pass (高新技术企业) overrides the score and the group minimums
BEGIN;
UPDATE tier_o7 SET high_tech = true;
SELECT credit_code, eligible, score, failed
FROM tier_check('SELECT * FROM tier_o7', '{chuangxin}') ORDER BY ordinal;
ROLLBACK;
-- a column given twice is ambiguous
SELECT * FROM tier_check('SELECT *, true AS high_tech FROM tier_o7', '{chuangxin}');
-- direct pass unknown: B and C would pass if high_tech held
SELECT credit_code, eligible, unknown, missing
FROM tier_check('SELECT credit_code, employees, revenue, main_revenue, main_revenue_prev1, rd, debt_ratio,
	sei_field, ip_class1_high_value, ip_class1_own, ip_class1, ip_class2, sci_award_3y, innovation_demo,
	ip_advantage, rd_institution, equity_financing_3y, NULL::boolean AS high_tech FROM tier_o7', '{chuangxin}')
ORDER BY ordinal;

-- ---------------------------------------------------------------------------
-- band edges: 以上/以下 include the number, 超过/不满 exclude it; where two bands
-- touch the band whose text names the number takes it (5% -> "5%以上",
-- 75% -> "75%以上", 55% -> "55%以下", 1% -> "E.1%以下（0分）", 0% -> "E.0%以下（0分）").
-- ---------------------------------------------------------------------------
SELECT r.revenue, r.rd, c.points->'rd_ratio' AS rd_ratio_points
FROM (VALUES ('1亿元', '500万元'), ('1亿元', '499.99万元'), ('1亿元', '300万元'),
             ('1亿元', '299.99万元'), ('1亿元', '100万元'), ('1亿元', '99.99万元'),
             ('1亿元', '0元')) AS r(revenue, rd),
     tier_check_record(jsonb_build_object('revenue', r.revenue, 'rd', r.rd), '{chuangxin}') c;
SELECT r.debt_ratio, c.points->'debt_ratio' AS debt_ratio_points
FROM unnest('{0, 0.55, 0.5500001, 0.7499999, 0.75, 0.9}'::numeric[]) AS r(debt_ratio),
     tier_check_record(jsonb_build_object('debt_ratio', r.debt_ratio), '{chuangxin}') c;
SELECT r.g, c.points->'main_growth' AS growth_points
FROM unnest('{-0.01, 0, 0.0499, 0.05, 0.15, 0.1499}'::numeric[]) AS r(g),
     tier_check_record(jsonb_build_object('main_revenue', 100 * (1 + r.g), 'main_revenue_prev1', 100),
                       '{chuangxin}') c;
-- 专精特新: 资产负债率 50% -> 5, 60% -> 3 (超过50%、60%以下), 70% -> 0 (70%以上)
SELECT r.debt_ratio, c.points->'debt_ratio' AS debt_ratio_points
FROM unnest('{0.5, 0.5000001, 0.6, 0.6000001, 0.6999999, 0.7}'::numeric[]) AS r(debt_ratio),
     tier_check_record(jsonb_build_object('debt_ratio', r.debt_ratio), '{zjtx}') c;
-- the R&D item is an amount band OR a ratio band: the higher counts
SELECT r.rd, r.revenue, c.points->'rd' AS rd_points
FROM (VALUES (500, 10000), (350, 10000), (350, 4000), (100, 1000), (99, 900), (450, 9000)) AS r(rd, revenue),
     tier_check_record(jsonb_build_object('rd', r.rd * 10000, 'revenue', r.revenue * 10000), '{zjtx}') c;
-- years in the niche: one point per full two years, at most 5
SELECT y, c.points->'niche_years' AS points
FROM unnest('{1, 2, 3.9, 4, 9.99, 10, 30}'::numeric[]) AS y,
     tier_check_record(jsonb_build_object('years_in_niche', y), '{zjtx}') c;

-- ---------------------------------------------------------------------------
-- 小巨人 新: the R&D rule by last year's revenue.  1亿元以上: 3% in each of the
-- last two years; 5000万元-1亿元: 6%; 5000万元以下: equity 8000万元, R&D 3000万元
-- over two years and R&D staff 50%.  Everything else is met (zjtx held).
-- ---------------------------------------------------------------------------
CREATE TABLE tier_xjr_base AS SELECT '{"tiers_held": ["zjtx"], "years_in_niche": 5, "main_share": 0.8,
	"main_growth_2y": 0.06, "info_system": true, "mgmt_cert": true, "debt_ratio": 0.5,
	"market_share_national": 0.12, "own_brand": true, "rd_institution": 2, "ip_class1": 3,
	"chain_field": 2, "key_field": true, "employees": 500,
	"sci_award_national_top3": false, "maker_china_top50": false}'::jsonb AS base;
SELECT r.case_name, c.eligible, c.failed, c.unknown,
	ARRAY(SELECT g.text FROM unnest(c.gaps) g) AS gaps
FROM tier_xjr_base,
     (VALUES
	('1亿 3%/3%', '{"revenue": "1亿元", "rd": "300万元", "revenue_prev1": "9000万元", "rd_prev1": "270万元"}'),
	('1亿 2.99%', '{"revenue": "1亿元", "rd": "299万元", "revenue_prev1": "9000万元", "rd_prev1": "270万元"}'),
	('1亿-1分 3%', '{"revenue": "99999999.99", "rd": "300万元", "revenue_prev1": "9000万元", "rd_prev1": "270万元"}'),
	('1亿-1分 6%/6%', '{"revenue": "99999999.99", "rd": "600万元", "revenue_prev1": "9000万元", "rd_prev1": "540万元"}'),
	('5000万+1分 4%', '{"revenue": "50000000.01", "rd": "200万元", "revenue_prev1": "4000万元", "rd_prev1": "200万元",
	  "equity_financing_2y": "9000万元", "rd_staff": 30, "employees": 50}'),
	('5000万 small', '{"revenue": "5000万元", "rd": "200万元", "revenue_prev1": "4000万元", "rd_prev1": "200万元",
	  "equity_financing_2y": "9000万元", "rd_staff": 30, "employees": 50}'),
	('5000万 small ok', '{"revenue": "5000万元", "rd": "1600万元", "rd_prev1": "1500万元",
	  "equity_financing_2y": "9000万元", "rd_staff": 25, "employees": 50}'),
	('4999万 small', '{"revenue": "4999万元", "rd": "1600万元", "rd_prev1": "1400万元",
	  "equity_financing_2y": "7999.99万元", "rd_staff": 24, "employees": 50}'),
	('revenue unknown', '{"rd": "300万元", "revenue_prev1": "9000万元", "rd_prev1": "270万元"}'),
	('revenue unknown, award', '{"rd": "300万元", "revenue_prev1": "9000万元", "rd_prev1": "270万元",
	  "sci_award_national_top3": true}')
     ) AS r(case_name, attrs),
     tier_check_record(base || r.attrs::jsonb, '{xjr}') c;

-- ---------------------------------------------------------------------------
-- gaps in the input's own unit
-- ---------------------------------------------------------------------------
SELECT c.failed, g.*
FROM tier_check_record('{"revenue": "1亿元", "rd": "262万元", "employees": 80, "years_in_niche": 3,
	"tiers_held": ["sme"]}', '{zjtx}') c, unnest(c.gaps) g;
SELECT ARRAY(SELECT g.text FROM unnest(c.gaps) g) AS gaps
FROM tier_check_record('{"main_revenue": "1234.5678万元", "scope": "规下"}', '{guishang,xiaoshenggui}') c;
SELECT c.tier, c.eligible, ARRAY(SELECT g.text FROM unnest(c.gaps) g) AS gaps
FROM tier_check_record('{"revenue": "2.1亿元", "revenue_prev1": "2亿元", "revenue_prev2": "2.2亿元",
	"net_profit": "1100万元", "net_profit_prev1": "1000万元", "net_profit_prev2": "900万元",
	"debt_ratio": 0.72, "years_in_operation": 12, "years_in_niche": 8, "main_products": 4,
	"main_share": 0.75, "market_share_rank_global": 14, "market_share_rank_national": 5,
	"rd": "800万元", "rd_prev1": "900万元", "invention_patents": 0, "bank_credit_a": true}', '{zj_yxgj}') c;

-- ---------------------------------------------------------------------------
-- the 2-year average growth: arithmetic (shipped) or geometric (a rule-set choice)
-- 100 -> 100 -> 121: yearly 0% and 21%, arithmetic mean 10.5%, geometric 10%.
-- ---------------------------------------------------------------------------
SELECT c.points->'main_growth_2y' AS arithmetic_points,
	cardinality(c.gaps) AS gaps
FROM tier_check_record('{"main_revenue": 121, "main_revenue_prev1": 100, "main_revenue_prev2": 100}', '{zjtx}') c;
BEGIN;
-- (shipped rows are read-only: the choice is made on a copy, which a bare code then means)
SELECT tier_copy('zjtx', 'miit-2022', 'tier-test-geometric');
UPDATE tier_definition SET growth_average = 'geometric' WHERE code = 'zjtx' AND version = 'tier-test-geometric';
SELECT c.points->'main_growth_2y' AS geometric_points
FROM tier_check_record('{"main_revenue": 121, "main_revenue_prev1": 100, "main_revenue_prev2": 100}', '{zjtx}') c;
SELECT c.points->'main_growth_2y' AS geometric_points_just_below
FROM tier_check_record('{"main_revenue": 120.99, "main_revenue_prev1": 100, "main_revenue_prev2": 100}', '{zjtx}') c;
ROLLBACK;

-- ---------------------------------------------------------------------------
-- unknowns: NULL or absent inputs give NULL (unknown), never a silent false,
-- unless the known inputs already decide
-- ---------------------------------------------------------------------------
SELECT r.case_name, c.eligible, c.score, c.unknown, c.missing
FROM (VALUES
	('nothing known', '{}'),
	('revenue NULL', '{"revenue": null, "employees": 10}'),
	('employees decide', '{"employees": 10}'),
	('revenue decides', '{"revenue": "3亿元"}'),
	-- 300号: "从业人员1000人以下或营业收入40000万元以下的为中小微型企业"
	('1000人, 5亿元', '{"revenue": "5亿元", "employees": 1000}'),
	('1500人, 4亿元', '{"revenue": "4亿元", "employees": 1500}'),
	('large', '{"revenue": "40000.0001万元", "employees": 1001}')
     ) AS r(case_name, attrs),
     tier_check_record(r.attrs::jsonb, '{sme}') c;
-- 创新型: 40 points known, 60 unknown -> unknown; 100 possible never reached -> false
SELECT r.case_name, c.eligible, c.score, c.points, c.unknown
FROM (VALUES
	('40 known', '{"employees": 10, "ip_class1_high_value": 1, "rd": 5, "revenue": 100}'),
	('cannot reach 60', '{"employees": 10, "ip_class1_high_value": 0, "ip_class1_own": 0, "ip_class1": 0,
	  "ip_class2": 0, "rd": 0, "revenue": 100, "main_revenue": 10, "main_revenue_prev1": 20}'),
	('passes whatever sei_field is', '{"employees": 10, "ip_class1_high_value": 1, "rd": 5, "revenue": 100,
	  "main_revenue": 90, "main_revenue_prev1": 50, "debt_ratio": 0.2}')
     ) AS r(case_name, attrs),
     tier_check_record(r.attrs::jsonb, '{chuangxin}') c;
-- a zero denominator leaves the ratio unknown (no missing input to name)
SELECT points->'rd_ratio' AS rd_ratio, 'rd_ratio' = ANY (unknown) AS rd_ratio_unknown,
	missing && '{rd,revenue}' AS rd_or_revenue_missing
FROM tier_check_record('{"rd": 1, "revenue": 0}', '{chuangxin}');

-- ---------------------------------------------------------------------------
-- prerequisites: held (tiers_held) or met by the tier's own criteria
-- ---------------------------------------------------------------------------
CREATE TABLE tier_prereq (credit_code text, employees int, revenue yuan, rd yuan, rd_prev1 yuan,
	years_in_niche int, tiers_held text[]);
INSERT INTO tier_prereq VALUES
	('zjtx by criteria', 300, '1亿元', '1000万元', '1000万元', 3, NULL),
	('zjtx fails, held', 300, '1亿元', '100万元', '1000万元', 3, '{zjtx}'),
	('zjtx fails', 300, '1亿元', '100万元', '1000万元', 3, '{}'),
	('zjtx unknown', 300, '1亿元', '1000万元', '1000万元', NULL, NULL);
SELECT credit_code, tier, eligible,
	CASE WHEN tier = 'zjtx' THEN failed::text
	     WHEN 'zjtx' = ANY (failed) THEN 'failed' WHEN 'zjtx' = ANY (unknown) THEN 'unknown'
	     ELSE 'met' END AS zjtx
FROM tier_check('SELECT * FROM tier_prereq', '{zjtx,xjr}')
ORDER BY ordinal, tier;
-- 单项冠军 (2022): revenue below 4亿元 needs 小巨人
SELECT r.case_name, c.eligible, c.failed, ARRAY(SELECT g.text FROM unnest(c.gaps) g) AS gaps
FROM (VALUES
	('3.9亿, not xjr', '{"revenue": "3.9亿元", "tiers_held": [], "debt_ratio": 0.9}'),
	('3.9亿, xjr unknown', '{"revenue": "3.9亿元"}'),
	('3.9亿, xjr', '{"revenue": "3.9亿元", "tiers_held": ["xjr"]}'),
	('4亿', '{"revenue": "4亿元"}')
     ) AS r(case_name, attrs),
     tier_check_record(r.attrs::jsonb || '{"years_in_niche": 12, "market_share_rank_global": 2,
	"product_revenue": "3.5亿元", "core_ip": true, "margin_above_industry": true}', '{dxgj_product:miit-2022}') c;
-- 未来工厂 ladder, 山区海岛县 thresholds
SELECT r.case_name, c.tier, c.eligible, ARRAY(SELECT g.text FROM unnest(c.gaps) g) AS gaps
FROM (VALUES
	('3000万 plain', '{"digital_investment_5y": "3000万元", "mountain_island": false}'),
	('3000万 mountain', '{"digital_investment_5y": "3000万元", "mountain_island": true}')
     ) AS r(case_name, attrs),
     tier_check_record(r.attrs::jsonb || '{"digital_level": 3.0, "credit_good": true}',
	'{zj_digital_workshop,zj_smart_factory,zj_future_factory}') c;

-- ---------------------------------------------------------------------------
-- the query form: documented names, yuan or numeric money, ordering, pass-through
-- ---------------------------------------------------------------------------
SELECT ordinal, credit_code, name, tier, eligible, failed
FROM tier_check($$SELECT 'k' || g AS credit_code, '企业' || g AS name,
	(g * 1000)::numeric * 10000 AS main_revenue, CASE WHEN g % 2 = 0 THEN '规下' ELSE '规上' END AS scope
	FROM generate_series(1, 4) g$$, '{guishang,xiaoshenggui}')
ORDER BY ordinal, tier;
-- an empty query, and no tiers asked for
SELECT count(*) FROM tier_check('SELECT 1 AS revenue WHERE false');
SELECT count(*) FROM tier_check('SELECT 1 AS revenue', '{}');
-- every tier by default (latest version of each code)
SELECT tier, version FROM tier_check('SELECT 1 AS revenue') ORDER BY tier;
SELECT tier, version FROM tier_check('SELECT 1 AS revenue', '{dxgj:miit-2016,dxgj}');
-- a column named like a derived metric replaces it
SELECT points->'main_share' AS given, (SELECT points->'main_share' FROM tier_check_record(
	'{"main_revenue": 50, "revenue": 100}', '{chuangxin}')) AS derived
FROM tier_check_record('{"main_share": 0.7, "main_revenue": 50, "revenue": 100}', '{chuangxin}');
-- the caller's rights apply to the query
CREATE ROLE tier_reader;
CREATE TABLE tier_secret (revenue yuan);
SET ROLE tier_reader;
SELECT count(*) FROM tier_check('SELECT * FROM tier_secret', '{sme}');
RESET ROLE;
GRANT SELECT ON tier_secret TO tier_reader;
SET ROLE tier_reader;
SELECT count(*) FROM tier_check('SELECT * FROM tier_secret', '{sme}');
RESET ROLE;
DROP TABLE tier_secret;
DROP ROLE tier_reader;
-- same answers in a parallel plan (tier_check_record is parallel safe)
CREATE TABLE tier_many AS SELECT g AS employees, (g * 37 % 1000) * 1000000::numeric AS revenue
	FROM generate_series(1, 1000) g;
ANALYZE tier_many;
SELECT count(*), count(*) FILTER (WHERE c.eligible) AS eligible,
	count(*) FILTER (WHERE c.eligible IS NULL) AS unknown
FROM tier_many t, tier_check_record(to_jsonb(t), '{sme_medium}') c;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*), count(*) FILTER (WHERE c.eligible) AS eligible,
	count(*) FILTER (WHERE c.eligible IS NULL) AS unknown
FROM tier_many t, tier_check_record(to_jsonb(t), '{sme_medium}') c;
SELECT count(*) FILTER (WHERE (employees < 1000 OR revenue < 400000000) AND employees >= 300
	AND revenue >= 20000000) AS plain_sql
FROM tier_many;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT count(*) FILTER (WHERE eligible) AS eligible FROM tier_check('SELECT * FROM tier_many', '{sme_medium}');

DROP TABLE tier_o7, tier_xjr_base, tier_prereq, tier_many;
