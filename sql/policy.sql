-- 政策兑现 (policy engine): building blocks with hand-computed amounts, the one call
-- over a query for every formula kind, caps, pro rata by days (leap year, a loan
-- spanning two years), budgets adding up to the budget exactly, unknown inputs giving
-- unknown (never 0元), totals = the sum of the rows, one call = the blocks by hand.
-- Money is printed ::numeric (元).

-- rows you add are dumped by pg_dump; shipped rows (builtin) are not
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
JOIN pg_class c ON c.oid = x.cfg
WHERE e.extname = 'industry' AND c.relname LIKE 'policy%' ORDER BY c.relname;

-- ---------------------------------------------------------------------------
-- building blocks
-- ---------------------------------------------------------------------------
-- 500万元 × 1% × 200/365 = 27397.260… → 27397.26 (2025-01-01 + 200 days = 2025-07-20)
SELECT policy_rate_amount(5000000::numeric::yuan, 0.01, '2025-01-01', '2025-07-20')::numeric AS d200;
-- leap year: the loan year from 2024-01-01 has 366 days: 50000 × 200/366 = 27322.404… → 27322.40
SELECT policy_rate_amount(5000000::numeric::yuan, 0.01, '2024-01-01', '2024-07-19')::numeric AS leap_d200;
-- a one-year loan spanning two years (2023-06-01 to 2024-06-01, 366 days with 29 February):
-- loan_year gives exactly 1%; calendar gives 50000 × (214/365 + 152/366) = 50080.0958… → 50080.10
SELECT policy_rate_amount(5000000::numeric::yuan, 0.01, '2023-06-01', '2024-06-01')::numeric AS loan_year,
	policy_rate_amount(5000000::numeric::yuan, 0.01, '2023-06-01', '2024-06-01', 'calendar')::numeric AS calendar;
-- at most one year: 400 days count as 365
SELECT policy_rate_amount(5000000::numeric::yuan, 0.01, '2025-01-01', '2026-02-05')::numeric AS capped_days;
-- no days: 333.33 × 0.5% = 1.66665 → 1.67 (half away from zero)
SELECT policy_rate_amount(333.33::numeric::yuan, 0.005)::numeric AS plain;
-- 120万千瓦时 × 0.10元 = 120000; 33.333 吨 × 1.5元 = 49.9995 → 50.00
SELECT policy_unit_amount(1200000, 0.10)::numeric AS kwh, policy_unit_amount(33.333, 1.5)::numeric AS tonnes;
-- 城镇土地使用税: 30亩 = 20000平方米 × 6元 × 50% = 60000; 1亩 = 666.67平方米 × 8元 = 5333.33
SELECT policy_land_tax_amount('30亩', 6, 0.5)::numeric AS mu30, policy_land_tax_amount('1亩', 8, 1)::numeric AS mu1;
-- stages of 33.33元 at 30/30/40%: 10.00 (9.999), 20.00 (19.998) - 10.00, 33.33 - 20.00 = 13.33
SELECT s, policy_stage_amount(33.33::numeric::yuan, '{0.3,0.3,0.4}', s)::numeric AS amount
FROM generate_series(1, 3) s;
-- pro rata: 1.00, 2.00, 3.00 on a budget of 1.00: 16.67 → 16 分 (remainder 400/600),
-- 33.33 → 33 分 (200/600), 50 分 (0); the 1 分 left goes to the largest remainder
SELECT a::numeric[] AS shares,
	(SELECT sum(x::numeric) FROM unnest(a) x) AS total
FROM (SELECT policy_allocate('{1,2,3}'::numeric[]::yuan[], 1::numeric::yuan) AS a) s;
-- ties go to the earlier element; NULL stays NULL; an amply budget changes nothing
SELECT policy_allocate('{1,1,1}'::numeric[]::yuan[], 0.02::numeric::yuan)::numeric[] AS ties,
	policy_allocate('{1,NULL,2}'::numeric[]::yuan[], 1::numeric::yuan)::numeric[] AS nulls,
	policy_allocate('{1,2}'::numeric[]::yuan[], 5::numeric::yuan)::numeric[] AS ample,
	policy_allocate('{}'::yuan[], 5::numeric::yuan)::numeric[] AS empty;
-- errors
SELECT policy_rate_amount(1::numeric::yuan, 0.01, '2025-02-01', '2025-01-01');
SELECT policy_rate_amount(1::numeric::yuan, 0.01, '2025-01-01', '2025-02-01', 'act/360');
SELECT policy_stage_amount(1::numeric::yuan, '{0.5,0.5}', 3);
SELECT policy_allocate('{-1}'::numeric[]::yuan[], 1::numeric::yuan);

-- ---------------------------------------------------------------------------
-- a district's own policy set, one policy of each kind
-- ---------------------------------------------------------------------------
INSERT INTO policy_set (code, year, jurisdiction, title, source)
VALUES ('policy_test', 2025, '某区', '某区2025年惠企政策（测试）', 'test data');
INSERT INTO policy (code, year, policy, label, kind, source, tiers, base_column, base_label,
	amount_label, rate, start_column, end_column, cap)
VALUES ('policy_test', 2025, 'loan', '专精特新贷贴息', 'rate', 'test', '{zjtx}', 'loan_amount',
	'贷款金额', '贴息', 0.01, 'loan_start', 'loan_end', 100000);
INSERT INTO policy (code, year, policy, label, kind, source, scopes, base_column, base_label)
VALUES ('policy_test', 2025, 'scale', '规模奖励', 'step', 'test', '{规上}', 'revenue', '营业收入');
INSERT INTO policy (code, year, policy, label, kind, source, once, base_column, base_label, step_rule)
VALUES ('policy_test', 2025, 'breakthrough', '首次突破奖励', 'new_step', 'test', true, 'revenue', '营业收入', 'highest');
INSERT INTO policy (code, year, policy, label, kind, source, new_tiers, once)
VALUES ('policy_test', 2025, 'tier_reward', '梯度培育奖励', 'one_off', 'test', '{xiaoshenggui,zjtx,xjr}', true);
INSERT INTO policy (code, year, policy, label, kind, source, classes, prev_classes, once, amount)
VALUES ('policy_test', 2025, 'upgrade', 'D类升C类奖励', 'one_off', 'test', '{C}', '{D}', true, 50000);
INSERT INTO policy (code, year, policy, label, kind, source, base_column, amount)
VALUES ('policy_test', 2025, 'listing', '上市奖励', 'staged', 'test', 'listing_stage', 1000000);
INSERT INTO policy (code, year, policy, label, kind, direction, source, base_column, base_label, base_unit, unit_scale)
VALUES ('policy_test', 2025, 'power', '差别化电价', 'per_unit', 'charge', 'test', 'electricity', '用电', '万千瓦时', 10000);
INSERT INTO policy (code, year, policy, label, kind, direction, source, base_column, base_label, rate)
VALUES ('policy_test', 2025, 'land', '城镇土地使用税减免', 'land_tax', 'reduce', 'test', 'land', '用地', 6);
INSERT INTO policy_item (code, year, policy, item, key, low, low_op, value, label) VALUES
	('policy_test', 2025, 'scale', 1, NULL, 20000000, '以上', 100000, '2000万元'),
	('policy_test', 2025, 'scale', 2, NULL, 100000000, '超过', 300000, '1亿元'),
	('policy_test', 2025, 'breakthrough', 1, NULL, 10000000, '以上', 100000, '1000万元'),
	('policy_test', 2025, 'breakthrough', 2, NULL, 20000000, '以上', 200000, '2000万元'),
	('policy_test', 2025, 'breakthrough', 3, NULL, 50000000, '以上', 500000, '5000万元'),
	('policy_test', 2025, 'tier_reward', 1, 'xiaoshenggui', NULL, NULL, 100000, '小升规'),
	('policy_test', 2025, 'tier_reward', 2, 'zjtx', NULL, NULL, 200000, '专精特新'),
	('policy_test', 2025, 'tier_reward', 3, 'xjr', NULL, NULL, 500000, '小巨人'),
	('policy_test', 2025, 'listing', 1, NULL, NULL, NULL, 0.4, '第一期'),
	('policy_test', 2025, 'listing', 2, NULL, NULL, NULL, 0.3, '第二期'),
	('policy_test', 2025, 'listing', 3, NULL, NULL, NULL, 0.3, '第三期'),
	('policy_test', 2025, 'power', 1, 'C', NULL, NULL, 0.05, 'C'),
	('policy_test', 2025, 'power', 2, 'D', NULL, NULL, 0.10, 'D'),
	('policy_test', 2025, 'land', 1, 'A', NULL, NULL, 1, 'A'),
	('policy_test', 2025, 'land', 2, 'B', NULL, NULL, 0.5, 'B');
SELECT policy_validate('policy_test', 2025);

CREATE TABLE policy_test_firms (credit_code text, name text, scope text, class text,
	class_prev text, tiers text[], new_tiers text[], rewarded text[], loan_amount yuan,
	loan_start date, loan_end date, revenue yuan, revenue_prev1 yuan, listing_stage int,
	electricity numeric, land mu_area);
INSERT INTO policy_test_firms VALUES
	-- 500万元 for 200 days; revenue 2000万元 exactly (以上 includes it), first reached 1000万/2000万
	('f1', '甲', '规上', 'A', 'A', '{zjtx}', '{zjtx}', '{}', '500万元', '2025-01-01', '2025-07-20',
	 '2000万元', '900万元', 1, 10, '30亩'),
	-- 2000万元 for a full year: 20万元 capped at 10万元; revenue 1亿元 (超过 excludes it); D→C
	('f2', '乙', '规上', 'C', 'D', '{zjtx,xjr}', '{xjr}', '{tier_reward:xjr}', '2000万元', '2024-03-01', '2025-03-01',
	 '1亿元', '6000万元', 4, 120, '15亩'),
	-- unknown: no loan amount, no class, no stage, no electricity, no land; not 专精特新 is a definite no
	('f3', '丙', '规下', NULL, NULL, '{}', '{xiaoshenggui}', '{breakthrough:1}', NULL, NULL, NULL,
	 '1500万元', '800万元', NULL, NULL, NULL),
	-- 专精特新 but the loan amount unknown; D class: 120万千瓦时 × 0.10元
	('f4', '丁', '规上', 'D', 'D', '{zjtx}', '{}', NULL, NULL, '2025-01-01', '2025-07-20',
	 '1亿元', NULL, 2, 120, '10亩');
SELECT ordinal, credit_code, policy, eligible, amount::numeric, computed::numeric, applied, explanation, missing
FROM policy_evaluate('policy_test', 2025, 'SELECT * FROM policy_test_firms')
ORDER BY ordinal, policy COLLATE "C";

-- unknown is never 0元: every unknown row has a NULL amount, every 0 is a definite no
SELECT count(*) FILTER (WHERE eligible IS NULL) AS unknown,
	count(*) FILTER (WHERE eligible IS NULL AND amount IS NOT NULL) AS unknown_with_amount,
	count(*) FILTER (WHERE eligible IS FALSE AND amount::numeric <> 0) AS not_eligible_paid
FROM policy_evaluate('policy_test', 2025, 'SELECT * FROM policy_test_firms');

-- one call = the amounts composed by hand with the building blocks
WITH one AS (
	SELECT credit_code, policy, amount::numeric FROM policy_evaluate('policy_test', 2025,
		'SELECT * FROM policy_test_firms', '{loan,power,land,listing}')
	WHERE eligible
), hand AS (
	SELECT credit_code, 'loan' AS policy, least(policy_rate_amount(loan_amount, 0.01, loan_start, loan_end)::numeric, 100000) AS amount
	FROM policy_test_firms WHERE 'zjtx' = ANY (tiers) AND loan_amount IS NOT NULL
	UNION ALL
	SELECT credit_code, 'power', policy_unit_amount(electricity * 10000, CASE class WHEN 'C' THEN 0.05 WHEN 'D' THEN 0.10 END)::numeric
	FROM policy_test_firms WHERE class IN ('C', 'D') AND electricity IS NOT NULL
	UNION ALL
	SELECT credit_code, 'land', policy_land_tax_amount(land, 6, CASE class WHEN 'A' THEN 1 WHEN 'B' THEN 0.5 END)::numeric
	FROM policy_test_firms WHERE class IN ('A', 'B') AND land IS NOT NULL
	UNION ALL
	SELECT credit_code, 'listing', policy_stage_amount(1000000::numeric::yuan, '{0.4,0.3,0.3}', listing_stage)::numeric
	FROM policy_test_firms WHERE listing_stage BETWEEN 1 AND 3
)
SELECT (SELECT count(*) FROM one) AS rows_one, (SELECT count(*) FROM hand) AS rows_hand,
	(SELECT count(*) FROM (SELECT * FROM one EXCEPT SELECT * FROM hand) d) AS only_one,
	(SELECT count(*) FROM (SELECT * FROM hand EXCEPT SELECT * FROM one) d) AS only_hand;

-- totals per policy and class equal the sum of the rows to the 分
SELECT policy, level, class, firms, not_eligible, unknown, amount::numeric
FROM policy_totals('policy_test', 2025, 'SELECT * FROM policy_test_firms', '{power,land,loan}');
SELECT (SELECT sum(amount::numeric) FROM policy_totals('policy_test', 2025, 'SELECT * FROM policy_test_firms') WHERE level = 'policy')
	= (SELECT sum(amount::numeric) FROM policy_evaluate('policy_test', 2025, 'SELECT * FROM policy_test_firms')) AS totals_equal_rows;

-- ---------------------------------------------------------------------------
-- budgets: pro rata in 分 with the largest remainder, or by rank
-- ---------------------------------------------------------------------------
INSERT INTO policy (code, year, policy, label, kind, source, amount, budget)
VALUES ('policy_test', 2025, 'flat', '普惠奖励', 'one_off', 'test', 100, 200);
CREATE TABLE policy_test_many AS
SELECT 'm' || i AS credit_code, i AS rank_no FROM generate_series(1, 3) i;
-- 3 × 100元 asked on 200元: 66.666… each → 66.67, 66.67, 66.66 (ties: input order)
SELECT credit_code, eligible, amount::numeric, applied, explanation
FROM policy_evaluate('policy_test', 2025, 'SELECT * FROM policy_test_many', '{flat}') ORDER BY ordinal;
SELECT sum(amount::numeric) AS paid FROM policy_evaluate('policy_test', 2025,
	'SELECT * FROM generate_series(1, 7) AS credit_code', '{flat}');
-- by rank on 250元: rank 1 and 2 paid in full, rank 3 gets the 50元 left
UPDATE policy SET allocation = 'rank', rank_column = 'rank_no', budget = 250
WHERE code = 'policy_test' AND policy = 'flat';
SELECT credit_code, amount::numeric, explanation
FROM policy_evaluate('policy_test', 2025, 'SELECT credit_code, 4 - rank_no AS rank_no FROM policy_test_many', '{flat}')
ORDER BY ordinal;
-- a period cap with what was paid already
UPDATE policy SET allocation = 'pro_rata', rank_column = NULL, budget = NULL, amount = 1000,
	period_cap = 1500, paid_column = 'paid'
WHERE code = 'policy_test' AND policy = 'flat';
SELECT credit_code, eligible, amount::numeric, applied, missing
FROM policy_evaluate('policy_test', 2025, $$SELECT * FROM (VALUES ('p1', 0::numeric), ('p2', 800), ('p3', 2000), ('p4', NULL)) v(credit_code, paid)$$, '{flat}')
ORDER BY ordinal;

-- ---------------------------------------------------------------------------
-- rule data errors, and the shipped rows are read-only
-- ---------------------------------------------------------------------------
INSERT INTO policy (code, year, policy, label, kind, source) VALUES ('policy_test', 2025, 'bad', 'x', 'lottery', 'test');
INSERT INTO policy (code, year, policy, label, kind, source) VALUES ('policy_test', 2025, 'bad', 'x', 'rate', 'test');
INSERT INTO policy (code, year, policy, label, kind, source, base_column, rate, metric, low)
VALUES ('policy_test', 2025, 'bad', 'x', 'rate', 'test', 'b', 0.01, 'm', 1);
INSERT INTO policy (code, year, policy, label, kind, source, base_column, rate, allocation)
VALUES ('policy_test', 2025, 'bad', 'x', 'rate', 'test', 'b', 0.01, 'rank');
INSERT INTO policy_item (code, year, policy, item, value, low, low_op) VALUES ('policy_test', 2025, 'scale', 3, 1, 5, '以下');
UPDATE policy_item SET value = 0.5 WHERE code = 'policy_test' AND policy = 'listing' AND item = 3;
SELECT policy_validate('policy_test', 2025);
UPDATE policy_item SET value = 0.3 WHERE code = 'policy_test' AND policy = 'listing' AND item = 3;
-- an amount beyond the yuan range makes its row unknown, not the call an error
SELECT credit_code, eligible, amount::numeric, explanation, missing
FROM policy_evaluate('policy_test', 2025, $$SELECT * FROM (VALUES ('big', 'D', 1e15), ('ok', 'D', 120)) v(credit_code, class, electricity)$$, '{power}')
ORDER BY ordinal;
SELECT * FROM policy_evaluate('nowhere', 2025, 'SELECT 1');
SELECT * FROM policy_evaluate('policy_test', 2025, 'SELECT 1', '{nothing}');
SELECT * FROM policy_evaluate('policy_test', 2025, 'SELECT 1 AS loan_amount', '{loan}');
SELECT * FROM policy_evaluate('policy_test', 2025, $$SELECT 'x'::text AS loan_amount$$, '{loan}');
UPDATE policy SET rate = 0.02 WHERE code = 'cixi';
DELETE FROM policy_item WHERE code = 'cixi';
INSERT INTO policy_set (code, year, jurisdiction, title, source, builtin) VALUES ('policy_test', 2026, 'x', 'x', 'x', true);

-- ---------------------------------------------------------------------------
-- the shipped sets: validated, and their phrases
-- ---------------------------------------------------------------------------
SELECT code, year, policy_validate(code, year) AS policies, builtin FROM policy_set WHERE builtin ORDER BY code;
SELECT policy, kind, direction, label FROM policy WHERE builtin ORDER BY code, policy;
SELECT class, policy, amount::numeric, explanation
FROM policy_evaluate('cixi', 2024, $$SELECT * FROM (VALUES ('A', 120, 200, 100, '30亩'::mu_area),
	('D', 120, 1000, 800, '20亩'), ('B', 0.5, 10, 10, '1亩')) v(class, electricity, water_t, sewage_t, land)$$)
ORDER BY ordinal, policy COLLATE "C";
SELECT policy, eligible, amount::numeric, explanation
FROM policy_evaluate('hangzhou', 2025, $$SELECT '{zjtx}'::text[] AS tiers, '500万元'::yuan AS loan_amount,
	'2025-01-01'::date AS loan_start, '2025-07-20'::date AS loan_end, 2 AS listing_stage$$);
SELECT policy, eligible, amount::numeric, explanation
FROM policy_evaluate('shengzhou', 2023, $$SELECT '{zj_smart_factory,zj_digital_workshop}'::text[] AS new_tiers,
	'{}'::text[] AS rewarded, '2500万元'::yuan AS revenue, '1800万元'::yuan AS revenue_prev1$$);

-- copies are the user's, editable, and dumped
SELECT policy_copy('cixi', 2024, 'policy_test_cixi', 2025);
UPDATE policy_item SET value = 0.12 WHERE code = 'policy_test_cixi' AND policy = 'electricity' AND key = 'D';
SELECT amount::numeric, explanation FROM policy_evaluate('policy_test_cixi', 2025,
	$$SELECT 'D' AS class, 100 AS electricity$$, '{electricity}');
DELETE FROM policy_set WHERE code = 'policy_test_cixi';

DROP TABLE policy_test_firms, policy_test_many;
DELETE FROM policy_set WHERE code = 'policy_test';
SELECT count(*) AS left_over FROM policy WHERE code LIKE 'policy_test%';
-- dimensions: money is never read as land or a metered quantity, land never as money (42804)
SELECT eligible, amount::numeric FROM policy_evaluate('cixi', 2024, $$SELECT 'A' AS class, '30万元'::yuan AS land$$, '{land_tax}');
SELECT eligible, amount::numeric FROM policy_evaluate('cixi', 2024, $$SELECT 'D' AS class, '120万元'::yuan AS electricity$$, '{electricity}');
SELECT eligible, amount::numeric FROM policy_evaluate('hangzhou', 2025, $$SELECT '{zjtx}'::text[] AS tiers, '500亩'::mu_area AS loan_amount, date '2025-01-01' AS loan_start, date '2025-07-20' AS loan_end$$, '{zjtx_loan}');
-- the right dimensions are read
SELECT eligible, amount::numeric FROM policy_evaluate('cixi', 2024, $$SELECT 'A' AS class, '30亩'::mu_area AS land$$, '{land_tax}');
SELECT eligible, amount::numeric FROM policy_evaluate('hangzhou', 2025, $$SELECT '{zjtx}'::text[] AS tiers, '500万元'::yuan AS loan_amount, date '2025-01-01' AS loan_start, date '2025-07-20' AS loan_end$$, '{zjtx_loan}');
-- tiers whose verdict is unknown (tier_check eligible IS NULL) leave a tier condition open:
-- tiers_unknown for holding, new_tiers_unknown for new reaching
SELECT eligible, amount::numeric, missing, explanation FROM policy_evaluate('hangzhou', 2025,
	$$SELECT '{}'::text[] AS tiers, '{zjtx}'::text[] AS tiers_unknown, '500万元'::yuan AS loan_amount,
	  date '2025-01-01' AS loan_start, date '2025-07-20' AS loan_end$$, '{zjtx_loan}');
SELECT eligible, amount::numeric, missing FROM policy_evaluate('hangzhou', 2025,
	$$SELECT '{}'::text[] AS tiers, '{xjr}'::text[] AS tiers_unknown, '500万元'::yuan AS loan_amount,
	  date '2025-01-01' AS loan_start, date '2025-07-20' AS loan_end$$, '{zjtx_loan}');
-- 嵊州 smart_factory: 数字化车间 reached, 智能工厂 (higher) open → amount unknown
SELECT eligible, amount::numeric, missing FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '{zj_digital_workshop}'::text[] AS new_tiers, '{zj_smart_factory}'::text[] AS new_tiers_unknown,
	  '{}'::text[] AS rewarded$$, '{smart_factory}');
-- … a lower one open does not matter: 30万元 for 智能工厂
SELECT eligible, amount::numeric, missing FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '{zj_smart_factory}'::text[] AS new_tiers, '{zj_digital_workshop}'::text[] AS new_tiers_unknown,
	  '{}'::text[] AS rewarded$$, '{smart_factory}');
-- … nothing reached, one open → unknown; nothing reached, nothing open → not eligible
SELECT eligible, amount::numeric, missing FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '{}'::text[] AS new_tiers, '{zj_future_factory}'::text[] AS new_tiers_unknown,
	  '{}'::text[] AS rewarded$$, '{smart_factory}');
SELECT eligible, amount::numeric, missing FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '{}'::text[] AS new_tiers, '{}'::text[] AS new_tiers_unknown,
	  '{}'::text[] AS rewarded$$, '{smart_factory}');
-- … a higher reward open but already paid → the known one is paid
SELECT eligible, amount::numeric, missing FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '{zj_digital_workshop}'::text[] AS new_tiers, '{zj_smart_factory}'::text[] AS new_tiers_unknown,
	  '{smart_factory:zj_smart_factory}'::text[] AS rewarded$$, '{smart_factory}');
SELECT * FROM policy_evaluate('shengzhou', 2023, $$SELECT 1 AS tiers_unknown$$, '{smart_factory}');
-- copies: the source must exist (42704), the copy must not (42710), names not NULL (22004)
SELECT policy_copy('nowhere', 2024, 'x');
SELECT policy_copy('cixi', 2024, 'cixi');
SELECT policy_copy('cixi', 2024, NULL);
-- explanations never round the compared data across a band, and say 降至 for a decrease
SELECT eligible, amount::numeric, explanation FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '9999999.99元'::yuan AS revenue, '0元'::yuan AS revenue_prev1, '{}'::text[] AS rewarded$$, '{software_revenue}');
SELECT eligible, amount::numeric, explanation FROM policy_evaluate('shengzhou', 2023,
	$$SELECT '5000万元'::yuan AS revenue, '6000万元'::yuan AS revenue_prev1, '{}'::text[] AS rewarded$$, '{software_revenue}');
SELECT eligible, amount::numeric, explanation FROM policy_evaluate('cixi', 2024,
	$$SELECT 'D' AS class, 0.00001 AS electricity$$, '{electricity}');
