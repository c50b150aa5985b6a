-- 梯度培育 rule data: a user-added tier, copies and versions, pg_dump marking,
-- and the errors raised for bad rule data and bad input.
SET extra_float_digits = 0;

-- rows you add are dumped by pg_dump; shipped rows (builtin) are not
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
JOIN pg_class c ON c.oid = x.cfg
WHERE e.extname = 'industry' AND c.relname LIKE 'tier%' ORDER BY c.relname;

-- ---------------------------------------------------------------------------
-- a district's own tier with plain INSERTs: 雏鹰企业 of a district, 2025.
-- It needs the shipped SME tier, R&D 3%, revenue 2000万元 to 不满4亿元, one
-- patent per 100 staff (a metric the district computes in its own query), and
-- 10 points from two items: export share bands and the committee's points.
-- ---------------------------------------------------------------------------
INSERT INTO tier_definition (code, version, label, source, valid_from)
VALUES ('tier_test_chuying', 'district-2025', '某区雏鹰企业', '某区经信局 2025年雏鹰企业培育办法 (test data)', '2025-03-01');
INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, required_tier, required_version)
VALUES ('tier_test_chuying', 'district-2025', 'sme', '中小企业', 'sme', NULL);
INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, metric, low, low_op, high, high_op) VALUES
	('tier_test_chuying', 'district-2025', 'revenue', '营业收入2000万元以上、不满4亿元', 'revenue', 20000000, '以上', 400000000, '不满'),
	('tier_test_chuying', 'district-2025', 'rd_ratio', '研发费用占比3%以上', 'rd_ratio', 0.03, '以上', NULL, NULL),
	('tier_test_chuying', 'district-2025', 'patents', '每百名职工有效专利1件以上', 'patents_per_100_staff', 1, '以上', NULL, NULL),
	('tier_test_chuying', 'district-2025', 'score', '评分10分以上', 'score', 10, '以上', NULL, NULL);
INSERT INTO tier_score_band (tier_code, tier_version, item, score_group, band, metric, low, low_op, high, high_op, points, label) VALUES
	('tier_test_chuying', 'district-2025', 'export', '外向度', 1, 'export_share', 0.3, '超过', NULL, NULL, 8, '出口占比超过30%'),
	('tier_test_chuying', 'district-2025', 'export', '外向度', 2, 'export_share', 0.1, '超过', 0.3, '以下', 4, '出口占比超过10%、30%以下'),
	('tier_test_chuying', 'district-2025', 'committee', '评审', 1, 'committee_points', 0, '以上', 5, '以下', NULL, '评审委员会打分 0-5');
SELECT tier_validate('{tier_test_chuying}');

CREATE TABLE tier_test_firms (credit_code text, name text, employees int, revenue numeric, rd numeric,
	patents int, export_share numeric, committee_points numeric);
INSERT INTO tier_test_firms VALUES
	('c1', '出口30%', 120, 30000000, 1000000, 2, 0.30, 2),
	('c2', '出口30.01%', 120, 30000000, 1000000, 2, 0.3001, 2),
	('c3', '专利不足', 200, 30000000, 900000, 1, 0.5, 5),
	('c4', '评审分未定', 120, 30000000, 1000000, 2, 0.2, NULL),
	('c5', '营收4亿', 120, 400000000, 20000000, 2, 0.5, 5);
SELECT credit_code, name, eligible, score, points, failed, unknown,
	ARRAY(SELECT g.text FROM unnest(gaps) g) AS gaps
FROM tier_check($$SELECT *, patents * 100.0 / employees AS patents_per_100_staff FROM tier_test_firms$$,
	'{tier_test_chuying}')
ORDER BY ordinal;
-- the same firm looked up interactively
SELECT tier, eligible, score, points
FROM tier_check_record('{"employees": 120, "revenue": "3000万元", "rd": "100万元",
	"patents_per_100_staff": 1.5, "export_share": 0.4, "committee_points": 2.5}', '{tier_test_chuying}');

-- ---------------------------------------------------------------------------
-- copies and versions: a bare code means its latest valid_from
-- ---------------------------------------------------------------------------
SELECT tier_copy('chuangxin', 'miit-2022', 'tier-test-copy');
SELECT code, version, valid_from = CURRENT_DATE AS today, builtin, note FROM tier_definition
WHERE code = 'chuangxin' ORDER BY version;
SELECT count(*) AS copied_criteria FROM tier_criterion WHERE tier_version = 'tier-test-copy' AND NOT builtin;
UPDATE tier_criterion SET low = 50 WHERE tier_version = 'tier-test-copy' AND criterion = 'score_total';
-- 创新能力 20 (Ⅰ类 10 + R&D 2% 10), 成长性 15 (1.85% 5 + 50% 10), 专业化 15 (5 + 55% 10) = 50
SELECT tier, version, eligible, score, failed FROM tier_check_record('{"employees": 10, "ip_class1_high_value": 0,
	"ip_class1_own": 0, "ip_class1": 1, "rd": 2, "revenue": 100, "main_revenue": 55, "main_revenue_prev1": 54,
	"debt_ratio": 0.5, "sei_field": false,
	"sci_award_3y": false, "high_tech": false, "innovation_demo": false, "ip_advantage": false,
	"rd_institution": 0, "equity_financing_3y": 0}', '{chuangxin, chuangxin:miit-2022}');
DELETE FROM tier_definition WHERE version = 'tier-test-copy';
SELECT count(*) AS left_over FROM tier_criterion WHERE tier_version = 'tier-test-copy';

-- ---------------------------------------------------------------------------
-- errors: bad rule data (22023, 42704), bad requests and bad input
-- ---------------------------------------------------------------------------
CREATE FUNCTION tier_test_error(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- shipped rows are read-only outside the extension's scripts (55000); copies are not
SELECT t.what, tier_test_error(t.q) AS error
FROM (VALUES
	('update', $$UPDATE tier_definition SET growth_average = 'geometric' WHERE code = 'zjtx'$$),
	('update band', $$UPDATE tier_score_band SET points = 25 WHERE tier_code = 'chuangxin' AND item = 'rd_ratio' AND band = 1$$),
	('delete', $$DELETE FROM tier_criterion WHERE tier_code = 'xjr' AND criterion = 'sme'$$),
	('insert builtin', $$INSERT INTO tier_definition (code, version, label, source, valid_from, builtin)
		VALUES ('fake', 'v1', 'x', 'x', '2025-01-01', true)$$)
) AS t(what, q);

INSERT INTO tier_definition (code, version, label, source, valid_from)
VALUES ('tier_test_bad', 'v1', '坏规则', 'test', '2025-01-01'),
       ('tier_test_loop', 'v1', '循环', 'test', '2025-01-01');
-- a tier without criteria
SELECT tier_validate('{tier_test_bad}');
-- touching bands that both include the edge
INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, metric, low, low_op)
VALUES ('tier_test_bad', 'v1', 'score', '评分', 'score', 1, '以上');
INSERT INTO tier_score_band (tier_code, tier_version, item, score_group, band, metric, low, low_op, high, high_op, points, label) VALUES
	('tier_test_bad', 'v1', 'rd', 'g', 1, 'rd_ratio', 0.05, '以上', NULL, NULL, 20, '5%以上'),
	('tier_test_bad', 'v1', 'rd', 'g', 2, 'rd_ratio', 0.03, '以上', 0.05, '以下', 15, '3%-5%');
SELECT tier_validate('{tier_test_bad}');
UPDATE tier_score_band SET high_op = '不满' WHERE tier_code = 'tier_test_bad' AND band = 2;
SELECT tier_validate('{tier_test_bad}');
-- one row at a time, each broken and put back
SELECT t.what, tier_test_error(t.breakage || '; SELECT tier_validate(''{tier_test_bad}'')') AS error
FROM (VALUES
	('low above high', $$UPDATE tier_score_band SET low = 0.06 WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('empty point range', $$UPDATE tier_score_band SET low = 0.05, low_op = '以上', high = 0.05, high_op = '不满' WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('no bounds', $$UPDATE tier_score_band SET low = NULL, low_op = NULL, high = NULL, high_op = NULL WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('bound without word', $$UPDATE tier_score_band SET low_op = NULL WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('negative points', $$UPDATE tier_score_band SET points = -1 WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('value points without cap', $$UPDATE tier_score_band SET points = NULL WHERE tier_code = 'tier_test_bad' AND band = 1$$),
	('item in two groups', $$UPDATE tier_score_band SET score_group = 'h' WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('bad metric name', $$UPDATE tier_score_band SET metric = 'rd-ratio' WHERE tier_code = 'tier_test_bad' AND band = 2$$),
	('unknown score group', $$UPDATE tier_criterion SET metric = 'score.nope' WHERE tier_code = 'tier_test_bad'$$),
	('metric and tier', $$UPDATE tier_criterion SET required_tier = 'sme' WHERE tier_code = 'tier_test_bad'$$),
	('prerequisite with bounds', $$UPDATE tier_criterion SET metric = NULL, required_tier = 'sme' WHERE tier_code = 'tier_test_bad'$$),
	('unknown prerequisite', $$UPDATE tier_criterion SET metric = NULL, low = NULL, low_op = NULL, required_tier = 'nope' WHERE tier_code = 'tier_test_bad'$$),
	('unknown prerequisite version', $$UPDATE tier_criterion SET metric = NULL, low = NULL, low_op = NULL, required_tier = 'sme', required_version = 'v9' WHERE tier_code = 'tier_test_bad'$$),
	('prerequisite on itself', $$UPDATE tier_criterion SET metric = NULL, low = NULL, low_op = NULL, required_tier = 'tier_test_bad' WHERE tier_code = 'tier_test_bad'$$),
	('condition without when_metric', $$UPDATE tier_criterion SET when_low = 1, when_low_op = '以上' WHERE tier_code = 'tier_test_bad'$$),
	('condition without bounds', $$UPDATE tier_criterion SET when_metric = 'revenue' WHERE tier_code = 'tier_test_bad'$$),
	('bad operator word', $$UPDATE tier_criterion SET low_op = '不低于' WHERE tier_code = 'tier_test_bad'$$)
) AS t(what, breakage);
-- a prerequisite cycle through two tiers
INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, required_tier) VALUES
	('tier_test_loop', 'v1', 'needs_bad', '需坏规则', 'tier_test_bad');
INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, required_tier) VALUES
	('tier_test_bad', 'v1', 'needs_loop', '需循环', 'tier_test_loop');
SELECT tier_validate('{tier_test_loop}');
DELETE FROM tier_criterion WHERE criterion = 'needs_loop';
SELECT tier_validate('{tier_test_loop}');
-- a score criterion in a tier without bands
SELECT tier_test_error($$INSERT INTO tier_criterion (tier_code, tier_version, criterion, label, metric, low, low_op)
	VALUES ('tier_test_loop', 'v1', 'score', '评分', 'score', 60, '以上'); SELECT tier_validate('{tier_test_loop}')$$);

-- bad requests
SELECT * FROM tier_check('SELECT 1 AS revenue', '{nope}');
SELECT * FROM tier_check('SELECT 1 AS revenue', '{sme:v9}');
SELECT * FROM tier_check('SELECT 1 AS revenue', '{sme,NULL}');
SELECT * FROM tier_check(NULL, '{sme}');
SELECT * FROM tier_check('CREATE TABLE tier_test_never ()', '{sme}');
SELECT * FROM tier_check('SELEC 1', '{sme}');
SELECT count(*) FROM tier_check_record(NULL, '{sme}');

-- bad input
SELECT * FROM tier_check($$SELECT '1亿元'::text AS revenue$$, '{sme}');
SELECT * FROM tier_check($$SELECT true AS revenue$$, '{sme}');
SELECT * FROM tier_check($$SELECT 1 AS scope$$, '{xiaoshenggui}');
SELECT * FROM tier_check($$SELECT 'x' AS scope$$, '{xiaoshenggui}');
SELECT * FROM tier_check($$SELECT 'NaN'::numeric AS revenue$$, '{sme}');
SELECT * FROM tier_check($$SELECT 'Infinity'::float8 AS employees$$, '{sme}');
SELECT * FROM tier_check($$SELECT 1e40 AS revenue$$, '{sme}');
SELECT * FROM tier_check_record('[1]', '{sme}');
SELECT * FROM tier_check_record('{"revenue": "1.2亿x"}', '{sme}');
SELECT * FROM tier_check_record('{"employees": "many"}', '{sme}');
SELECT * FROM tier_check_record('{"employees": {"n": 1}}', '{sme}');
SELECT * FROM tier_check_record('{"tiers_held": "xjr"}', '{dxgj}');
-- a boolean only for yes/no attributes; people and counts are whole numbers >= 0,
-- years and ratios >= 0; an amount beyond yuan's range is out of range (22003)
SELECT * FROM tier_check_record('{"employees": true}', '{sme}');
SELECT * FROM tier_check($$SELECT true AS employees$$, '{sme}');
SELECT tier, eligible FROM tier_check_record('{"high_tech": true, "employees": 10}', '{sme}');
SELECT * FROM tier_check_record('{"employees": -5}', '{sme}');
SELECT * FROM tier_check_record('{"employees": 10.5}', '{sme}');
SELECT * FROM tier_check($$SELECT -1 AS ip_class1$$, '{chuangxin}');
SELECT * FROM tier_check_record('{"debt_ratio": -0.1}', '{zjtx}');
SELECT * FROM tier_check_record('{"market_share_rank_global": 0}', '{dxgj}');
SELECT * FROM tier_check_record('{"revenue": "1e30元"}', '{sme}');
-- float, int and yuan inputs are all exact
SELECT tier, eligible FROM tier_check($$SELECT 999::int2 AS employees, 0.5::float4 AS x$$, '{sme}');
SELECT tier, eligible FROM tier_check($$SELECT '3.99999999亿元'::yuan AS revenue$$, '{sme}');
SELECT tier, eligible FROM tier_check($$SELECT 399999999.99::float8 AS revenue$$, '{sme}');

DROP FUNCTION tier_test_error(text);
DROP TABLE tier_test_firms;
DELETE FROM tier_definition WHERE code LIKE 'tier_test%';
SELECT count(*) AS user_rows FROM tier_criterion WHERE NOT builtin;
-- copies: the source must exist (42704), the copy must not (42710), names not NULL (22004)
SELECT tier_copy('nope', 'x', 'y');
SELECT tier_copy('sme', 'miit-2011', 'miit-2011');
SELECT tier_copy('sme', 'miit-2011', NULL);
-- yes/no flags are 0 or 1; tiers_held holds strings
SELECT * FROM tier_check_record('{"sei_field": 2}', '{chuangxin}');
SELECT * FROM tier_check_record('{"high_tech": -1}', '{chuangxin}');
SELECT tier, eligible FROM tier_check_record('{"high_tech": 1, "employees": 10}', '{sme}');
SELECT * FROM tier_check_record('{"tiers_held": ["zjtx", 1]}', '{xjr}');
-- a gap past a 超过/不满 bound is one step (1人, 1项, 1分钱), never 0
SELECT tier, eligible, g.metric, g.shortfall, g.unit, g.text
  FROM tier_check_record('{"employees": 1000, "revenue": 400000000}', '{sme_nbs}') c, unnest(c.gaps) g;
