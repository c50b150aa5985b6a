-- The policy engine in an EUC_CN database: rule rows with Chinese labels and keys are
-- read through the encoding edge, and labels, reasons and explanations come out in the
-- database encoding (and back to the client).
SELECT current_database() AS orig_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS industry_policy_euc_cn;
RESET client_min_messages;
CREATE DATABASE industry_policy_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
\c industry_policy_euc_cn
\encoding UTF8
CREATE EXTENSION industry;

-- shipped sets: 差别化 prices by class, the loan subsidy, the tier ladder rewards
SELECT class, policy, label, amount::numeric, explanation
FROM policy_evaluate('cixi', 2024, $$SELECT * FROM (VALUES ('D', 120, 1000, 800, '20亩'::mu_area),
	('B', 0.5, 10, 10, '1亩')) v(class, electricity, water_t, sewage_t, land)$$, '{electricity,land_tax}')
ORDER BY ordinal, policy;
SELECT policy, eligible, amount::numeric, explanation
FROM policy_evaluate('hangzhou', 2025, $$SELECT '{zjtx}'::text[] AS tiers, '500万元'::yuan AS loan_amount,
	'2025-01-01'::date AS loan_start, '2025-07-20'::date AS loan_end, 0 AS listing_stage$$)
ORDER BY policy;
-- a user's set with a Chinese scope, class keys and labels
INSERT INTO policy_set (code, year, jurisdiction, title, source) VALUES ('enc', 2025, '某区', '编码测试', '测试');
INSERT INTO policy (code, year, policy, label, kind, source, scopes, amount)
VALUES ('enc', 2025, 'reward', '规上企业奖励', 'one_off', '测试', '{规上}', 12345.67);
INSERT INTO policy (code, year, policy, label, kind, source, base_column, base_label, base_unit)
VALUES ('enc', 2025, 'grade', '等级加价', 'per_unit', '测试', 'tonnes', '用水', '吨');
INSERT INTO policy_item (code, year, policy, item, key, value, label)
VALUES ('enc', 2025, 'grade', 1, '丁类', 2.5, '丁类加价');
SELECT credit_code, policy, eligible, amount::numeric, explanation, missing
FROM policy_evaluate('enc', 2025, $$SELECT * FROM (VALUES ('甲', '规上', '丁类', 100), ('乙', '规下', '丙类', 5),
	('丙', NULL, '丁类', NULL)) v(credit_code, scope, class, tonnes)$$)
ORDER BY ordinal, policy;

\c :orig_db
DROP DATABASE industry_policy_euc_cn;
