-- demo/policy.sql: 政策兑现 over the sample district (psql script; tools/demo.sh runs it
-- after demo/views.sql).  Reads report.evaluation (the class) and tier_check() (tiers
-- held this year, and reached this year but not the year before), adds the inputs the
-- sample district does not carry (专精特新贷 loans, water and sewage tonnes, listing
-- stages: generated deterministically from the credit code, marked as sample data), and
-- pays the shipped policy sets:
--   hangzhou 2025   专精特新贷贴息, 上市奖励分段兑现 (copied as yuhang_demo with a budget
--                   of 300万元 for the loan subsidy, so that the report shows a budget
--                   shared pro rata)
--   cixi 2024       差别化电价, 水价, 污水处理费 (C/D), 城镇土地使用税减免 (A/B)
--   shengzhou 2023  未来工厂/智能工厂/数字化车间奖励 (tiers newly reached)
-- One row per firm and policy lands in report.policy_payment (plain numeric columns).

\set ON_ERROR_STOP 1
SELECT to_regprocedure('policy_evaluate(text,integer,text,text[])') IS NOT NULL
   AND to_regclass('report.evaluation') IS NOT NULL
   AND to_regprocedure('tier_check(text,text[])') IS NOT NULL AS have_policy \gset
\if :have_policy

-- The district's copy of the Hangzhou set with its own budget for the loan subsidy.
SELECT policy_copy('hangzhou', 2025, 'yuhang_demo') AS copied_policies;
UPDATE policy SET budget = 3000000
 WHERE code = 'yuhang_demo' AND year = 2025 AND policy = 'zjtx_loan';

-- Sample inputs the district tables do not have (deterministic from the credit code):
-- about half of the firms took a 专精特新贷 in the evaluation year, 100万 to 3000万元,
-- some repaid early (0: no loan); water 20 to 60 吨 per 万千瓦时, sewage 80% of water; one firm in
-- 150 is listed and due a stage (0: none due).  Firms listed but not graded get the
-- class 不参评 (no 差别化 price applies to them).
CREATE TABLE district.policy_sample AS
SELECT e.credit_code::text AS credit_code,
	   (CASE WHEN h % 2 = 0 THEN (1 + h / 7 % 59) * 500000 ELSE 0 END)::numeric::yuan AS loan_amount,
	   CASE WHEN h % 2 = 0 THEN make_date(p.year, 1 + h / 11 % 12, 1 + h / 13 % 28) END AS loan_start,
	   CASE WHEN h % 2 = 0 THEN make_date(p.year, 1 + h / 11 % 12, 1 + h / 13 % 28)
			+ CASE WHEN h / 17 % 4 = 0 THEN 90 + h / 19 % 250 ELSE 365 END END AS loan_end,
	   20 + h / 23 % 41 AS water_per_wan_kwh,
	   CASE WHEN h % 150 = 1 THEN 1 + h / 29 % 4 ELSE 0 END AS listing_stage
  FROM district.enterprise e,
	   (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year') p,
	   LATERAL (SELECT abs(hashtext(e.credit_code::text)) AS h) x;
COMMENT ON TABLE district.policy_sample IS 'sample data (deterministic): loans, water use, listing stages for 政策兑现';

-- The policy input: one row per firm of the evaluation year with the shared attribute
-- names, the class, the tiers held (tiers) and newly reached (new_tiers), the tiers whose
-- verdict the data leave open (tiers_unknown, new_tiers_unknown), and history
-- (rewarded: none in the sample).
CREATE VIEW district.policy_input AS
WITH p AS (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year'),
tiers AS (
	SELECT t.credit_code, array_agg(t.tier ORDER BY t.tier) FILTER (WHERE t.eligible) AS tiers,
		   array_agg(t.tier ORDER BY t.tier) FILTER (WHERE t.eligible IS NULL) AS unknown
	  FROM p, LATERAL tier_check(format('SELECT * FROM district.firm_year WHERE year = %s', p.year),
			ARRAY['guishang', 'chuangxin', 'zjtx', 'xjr', 'zj_future_factory', 'zj_smart_factory',
				  'zj_digital_workshop']) t
	 GROUP BY t.credit_code
), before AS (
	SELECT t.credit_code, array_agg(t.tier) FILTER (WHERE t.eligible) AS tiers,
		   array_agg(t.tier) FILTER (WHERE t.eligible IS NULL) AS unknown
	  FROM p, LATERAL tier_check(format('SELECT * FROM district.firm_year WHERE year = %s', p.year - 1),
			ARRAY['guishang', 'chuangxin', 'zjtx', 'xjr', 'zj_future_factory', 'zj_smart_factory',
				  'zj_digital_workshop']) t
	 GROUP BY t.credit_code
)
SELECT f.credit_code::text AS credit_code, f.name, f.scope, f.industry_group, f.year,
	   CASE WHEN e.status = 'exempt' THEN '不参评' ELSE e.class END AS class, f.land, f.revenue, f.revenue_prev1, f.electricity,
	   round(f.electricity * s.water_per_wan_kwh) AS water_t,
	   round(f.electricity * s.water_per_wan_kwh * 0.8) AS sewage_t,
	   coalesce(t.tiers, '{}') AS tiers,
	   coalesce(t.unknown, '{}') AS tiers_unknown,
	   -- new: held this year and surely not the year before; open: unknown this year (and
	   -- not held before), or held this year and unknown the year before
	   ARRAY(SELECT unnest(coalesce(t.tiers, '{}'))
			 EXCEPT SELECT unnest(coalesce(b.tiers, '{}') || coalesce(b.unknown, '{}'))) AS new_tiers,
	   ARRAY(SELECT unnest(coalesce(t.unknown, '{}')) EXCEPT SELECT unnest(coalesce(b.tiers, '{}'))
			 UNION
			 SELECT unnest(coalesce(t.tiers, '{}')) INTERSECT SELECT unnest(coalesce(b.unknown, '{}'))) AS new_tiers_unknown,
	   '{}'::text[] AS rewarded,
	   s.loan_amount, s.loan_start, s.loan_end, s.listing_stage
  FROM district.firm_year f
  JOIN p ON f.year = p.year
  LEFT JOIN report.evaluation e ON e.credit_code = f.credit_code::text AND e.year = f.year
  LEFT JOIN tiers t ON t.credit_code = f.credit_code::text
  LEFT JOIN before b ON b.credit_code = f.credit_code::text
  LEFT JOIN district.policy_sample s ON s.credit_code = f.credit_code::text;
COMMENT ON VIEW district.policy_input IS '政策兑现 input: firm data, class, tiers held and newly reached, sample loans and water';

-- One row per firm and policy of the three sets.
CREATE MATERIALIZED VIEW report.policy_payment AS
SELECT s.code AS policy_set, s.set_year, p.year, r.credit_code, r.name, r.policy, r.label, r.direction,
	   r.class, r.eligible,
	   CASE r.eligible WHEN true THEN '符合' WHEN false THEN '不符合' ELSE '待补数据' END AS status,
	   r.amount::numeric AS amount_yuan, r.computed::numeric AS computed_yuan, r.applied,
	   r.explanation, array_to_string(r.missing, ',') AS missing
  FROM (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year') p
 CROSS JOIN (VALUES ('yuhang_demo', 2025, NULL::text[]), ('cixi', 2024, NULL),
				   ('shengzhou', 2023, '{smart_factory}')) AS s(code, set_year, policies)
 CROSS JOIN LATERAL policy_evaluate(s.code, s.set_year, 'SELECT * FROM district.policy_input',
									s.policies) r;
CREATE UNIQUE INDEX ON report.policy_payment (credit_code, policy_set, policy);
COMMENT ON MATERIALIZED VIEW report.policy_payment IS '政策兑现: one row per firm and policy — eligible, amount (元), cap or budget applied, explanation';

-- Per policy: firms, amount, budget used (the sums of report.policy_payment).
CREATE MATERIALIZED VIEW report.policy_summary AS
SELECT r.policy_set, r.set_year, r.policy, r.label, r.direction,
	   count(*) FILTER (WHERE r.eligible) AS firms,
	   count(*) FILTER (WHERE r.eligible IS NULL) AS unknown,
	   coalesce(sum(r.amount_yuan), 0) AS amount_yuan,
	   round(coalesce(sum(r.amount_yuan), 0) / 10000, 2) AS amount_wan,
	   round(p.budget::numeric / 10000, 2) AS budget_wan,
	   round(100 * coalesce(sum(r.amount_yuan), 0) / nullif(p.budget::numeric, 0), 1) AS budget_used_pct
  FROM report.policy_payment r
  JOIN policy p ON p.code = r.policy_set AND p.year = r.set_year AND p.policy = r.policy
 GROUP BY r.policy_set, r.set_year, r.policy, r.label, r.direction, p.budget;
CREATE UNIQUE INDEX ON report.policy_summary (policy_set, policy);
COMMENT ON MATERIALIZED VIEW report.policy_summary IS '政策兑现 per policy: firms, amount (元, 万元), budget and share used';

\else
\echo 'report.policy_payment skipped: the installed industry has no policy_evaluate(), or no evaluation or tiers'
\endif
