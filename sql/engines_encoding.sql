-- The evaluation and tier engines in an EUC_CN database: their Chinese labels, reasons,
-- explanations and gap phrases come out in the database encoding (and back to the client).
SELECT current_database() AS orig_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS industry_engines_euc_cn;
RESET client_min_messages;
CREATE DATABASE industry_engines_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
\c industry_engines_euc_cn
\encoding UTF8
CREATE EXTENSION industry;

CREATE TABLE enc_firms (credit_code text, name text, scope text, land mu_area, tax yuan, value_added yuan,
	energy_tce numeric, emission_t numeric, employees numeric, rd yuan, main_revenue yuan, electricity numeric,
	veto_reason text);
INSERT INTO enc_firms VALUES
	('W', '黄岩甲厂', '规上', '10亩', '300万元', '1500万元', 750, 0.5, 75, '350万元', '10000万元', NULL, NULL),
	('X', '黄岩乙厂', '规上', '20亩', '200万元', '1000万元', 900, 1.0, 80, '100万元', '8000万元', NULL, '发生较大及以上安全生产事故'),
	('S', '黄岩丙厂', '规下', '10亩', '120万元', NULL, NULL, NULL, NULL, NULL, NULL, 600, NULL);
-- Huangyan 2022: the worked 规上 example (102.930) and 规下 example (94.271); a vetoed firm
SELECT credit_code, name, status, total, class, label, reason
FROM evaluate('huangyan', 2022, 'SELECT * FROM enc_firms') ORDER BY credit_code;
SELECT credit_code, indicator, indicator_name, unit, score
FROM evaluation_explain('huangyan', 2022, 'SELECT * FROM enc_firms WHERE credit_code = ''S''') ORDER BY indicator;
SELECT credit_code, next_class, explanation
FROM evaluation_gap('huangyan', 2022, 'SELECT * FROM enc_firms') ORDER BY credit_code;

-- tiers: labels and gap phrases
SELECT tier, label, eligible, score FROM tier_check_record('{"employees": 100, "revenue": "2240万元",
	"main_revenue": "1456万元", "main_revenue_prev1": "1300万元", "rd": "89.6万元", "debt_ratio": 0.5,
	"sei_field": true, "ip_class1_high_value": 0, "ip_class1_own": 1}', '{chuangxin}');
SELECT c.failed, g.text FROM tier_check_record('{"revenue": "1亿元", "rd": "262万元", "employees": 80,
	"years_in_niche": 3, "tiers_held": ["sme"]}', '{zjtx}') c, unnest(c.gaps) g;
SELECT credit_code, name, tier, eligible, array_to_string(failed, ',') AS failed
FROM tier_check('SELECT credit_code, name, scope, main_revenue FROM enc_firms', '{guishang,xiaoshenggui}')
ORDER BY credit_code, tier;
-- growth phrases
SELECT growth_phrase('11140.1亿元'::yuan, '3992.9亿元'::yuan), pp_phrase(18.2, 21.8), ytd_label('2024-05-31');

\c :orig_db
DROP DATABASE industry_engines_euc_cn;
