-- Tier criteria as the legal texts write them (issue 14): for every shipped tier, a firm
-- exactly at each threshold and one unit either side (1分 of money, 1 person, 1 year, 1
-- rank, 0.01 个百分点 of a given share, 1分 of the numerator of a derived ratio), with the
-- phrase that decides the edge; then the cases where missing inputs do (or do not) decide
-- the verdict, and absent_means_no.
-- Each line of output: the three firms (-1, =, +1) as t / f / ? (unknown), or points.

-- three firms around a threshold: base, with key set to at - step, at, at + step
CREATE FUNCTION tier_edge(tier text, base jsonb, key text, at numeric, step numeric, item text DEFAULT NULL)
RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(s.side || ':' || CASE WHEN item IS NOT NULL THEN coalesce(c.points->>item, 'null')
		ELSE coalesce(c.eligible::text, '?') END, ' ' ORDER BY s.n)
	FROM (VALUES (1, '-1', at - step), (2, '=', at), (3, '+1', at + step)) AS s(n, side, v),
	     tier_check_record(base || jsonb_build_object(key, s.v), ARRAY[tier]) c
$$;

-- every shipped criterion and band carries its phrase
SELECT (SELECT count(*) FROM tier_criterion WHERE builtin AND source_phrase IS NULL) AS criteria_without_phrase,
       (SELECT count(*) FROM tier_score_band WHERE builtin AND source_phrase IS NULL) AS bands_without_phrase;
-- and every "X以下" band of a score table includes X (its high_op is 以下)
SELECT tier_code, item, band, source_phrase, high_op FROM tier_score_band
WHERE builtin AND source_phrase ~ '[0-9]%以下' ORDER BY 1, 2, 3;

-- ---------------------------------------------------------------------------
-- 规上 / 小升规: "年主营业务收入2000万元及以上"
-- ---------------------------------------------------------------------------
SELECT tier_edge('guishang', '{}', 'main_revenue', 20000000, 0.01) AS guishang_2000wan,
       tier_edge('xiaoshenggui', '{"scope": "规下"}', 'main_revenue', 20000000, 0.01) AS xiaoshenggui_2000wan;

-- ---------------------------------------------------------------------------
-- SME size, 300号 as written
-- ---------------------------------------------------------------------------
SELECT t.what, tier_edge(t.tier, t.base::jsonb, t.key, t.at, t.step) AS around
FROM (VALUES
	-- "从业人员1000人以下或营业收入40000万元以下的为中小微型企业"
	('sme 1000人 (5亿元)', 'sme', '{"revenue": 500000000}', 'employees', 1000, 1),
	('sme 40000万元 (1500人)', 'sme', '{"employees": 1500}', 'revenue', 400000000, 0.01),
	-- 大型 = not 中小微
	('sme_large 1000人 (5亿元)', 'sme_large', '{"revenue": 500000000}', 'employees', 1000, 1),
	('sme_large 40000万元 (1500人)', 'sme_large', '{"employees": 1500}', 'revenue', 400000000, 0.01),
	-- "从业人员300人及以上，且营业收入2000万元及以上的为中型企业"
	('sme_medium 300人', 'sme_medium', '{"revenue": 100000000}', 'employees', 300, 1),
	('sme_medium 2000万元', 'sme_medium', '{"employees": 500}', 'revenue', 20000000, 0.01),
	('sme_medium 1000人 (5亿元)', 'sme_medium', '{"revenue": 500000000}', 'employees', 1000, 1),
	('sme_medium 40000万元 (1500人)', 'sme_medium', '{"employees": 1500}', 'revenue', 400000000, 0.01),
	-- "从业人员20人及以上，且营业收入300万元及以上的为小型企业" (and not 中型)
	('sme_small 20人', 'sme_small', '{"revenue": 10000000}', 'employees', 20, 1),
	('sme_small 300万元', 'sme_small', '{"employees": 100}', 'revenue', 3000000, 0.01),
	('sme_small 300人 (3000万元)', 'sme_small', '{"revenue": 30000000}', 'employees', 300, 1),
	('sme_small 2000万元 (500人)', 'sme_small', '{"employees": 500}', 'revenue', 20000000, 0.01),
	-- "从业人员20人以下或营业收入300万元以下的为微型企业"
	('sme_micro 20人', 'sme_micro', '{"revenue": 10000000}', 'employees', 20, 1),
	('sme_micro 300万元', 'sme_micro', '{"employees": 100}', 'revenue', 3000000, 0.01),
	-- the statistical 划分办法 (a separate rule): 大型 Y≥1000 且 X≥40000
	('sme_nbs 1000人 (5亿元)', 'sme_nbs', '{"revenue": 500000000}', 'employees', 1000, 1),
	('sme_nbs 40000万元 (1500人)', 'sme_nbs', '{"employees": 1500}', 'revenue', 400000000, 0.01)
) AS t(what, tier, base, key, at, step);
-- 300号 names 20人 in both 小型 ("20人及以上") and 微型 ("20人以下"): both hold, as written
SELECT tier, eligible FROM tier_check_record('{"employees": 20, "revenue": 10000000}', '{sme_small,sme_micro}') ORDER BY tier;

-- ---------------------------------------------------------------------------
-- 创新型中小企业 (63号 附件 创新型中小企业评价标准)
-- base: 80 points (ip 15, R&D 4% 15, growth 12% 15, 资产负债率 50% 10, 战略性新兴 10,
-- 主营占比 67.2% 15), no direct-route data
-- ---------------------------------------------------------------------------
CREATE TABLE tier_cx AS SELECT '{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	"ip_class1_own": 1, "rd": 4000000, "main_revenue": 67200000, "main_revenue_prev1": 60000000,
	"debt_ratio": 0.5, "sei_field": true}'::jsonb AS base,
	-- 60 points exactly: 创新能力 20 (Ⅰ类 10 + R&D 2% 10), 成长性 15 (0.5% 5 + 10), 专业化 25 (10 + 65% 15)
	'{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0, "ip_class1_own": 0, "ip_class1": 1,
	"rd": 2000000, "main_revenue": 65000000, "main_revenue_prev1": 64676616, "debt_ratio": 0.5,
	"sei_field": true, "sci_award_3y": false, "high_tech": false, "innovation_demo": false,
	"ip_advantage": false, "rd_institution": 0, "equity_financing_3y": 0}'::jsonb AS sixty;
SELECT c.eligible, c.score, c.points FROM tier_cx, tier_check_record(base, '{chuangxin}') c;
SELECT t.what, tier_edge('chuangxin', CASE t.b WHEN 'base' THEN base WHEN 'sixty' THEN sixty
	WHEN 'spec' THEN sixty || '{"ip_class1_high_value": 1, "sei_field": false, "main_revenue_prev1": 54726369}'
	ELSE sixty || '{"rd": 1999999.99}' END, t.key, t.at, t.step, t.item) AS around
FROM tier_cx, (VALUES
	-- "评价得分达到60分以上（其中创新能力指标得分不低于20分…）": R&D 2% is 10分, below it 5分
	('score 60 / 创新能力 20', 'sixty', 'rd', 2000000, 0.01, NULL),
	-- "成长性指标及专业化指标得分均不低于15分": 资产负债率 55% is 10分, above it 5分
	('成长性 15', 'sixty', 'debt_ratio', 0.55, 0.0001, NULL),
	-- (创新能力 30, 成长性 15, 专业化 5 + 55% 10 = 15, total 60) 主营占比 55% is 10分, below 5分
	('专业化 15', 'spec', 'main_revenue', 55000000, 0.01, NULL),
	-- (scoring 55:) "拥有经认定的省部级以上研发机构" (level 3 = 省级)
	('direct 省部级研发机构', 'fail', 'rd_institution', 3, 1, NULL),
	-- (scoring 55:) "近三年新增股权融资总额…500万元以上"
	('direct 股权融资500万元', 'fail', 'equity_financing_3y', 5000000, 0.01, NULL),
	-- R&D 占比: "A.5%以上（20分）B.3%-5%（15分）C.2%-3%（10分）D.1%-2%（5分）E.1%以下（0分）"
	('rd_ratio 5%', 'base', 'rd', 5000000, 0.01, 'rd_ratio'),
	('rd_ratio 3%', 'base', 'rd', 3000000, 0.01, 'rd_ratio'),
	('rd_ratio 2%', 'base', 'rd', 2000000, 0.01, 'rd_ratio'),
	('rd_ratio 1% (E.1%以下)', 'base', 'rd', 1000000, 0.01, 'rd_ratio'),
	-- 增长率: "A.15%以上 B.10%-15% C.5%-10% D.0%-5% E.0%以下（0分）" (prev1 6000万元)
	('growth 15%', 'base', 'main_revenue', 69000000, 0.01, 'main_growth'),
	('growth 10%', 'base', 'main_revenue', 66000000, 0.01, 'main_growth'),
	('growth 5%', 'base', 'main_revenue', 63000000, 0.01, 'main_growth'),
	('growth 0% (E.0%以下)', 'base', 'main_revenue', 60000000, 0.01, 'main_growth'),
	-- 资产负债率: "A.55%以下（10分）B.55%-75%（5分）C.75%以上（0分）"
	('debt 55%', 'base', 'debt_ratio', 0.55, 0.0001, 'debt_ratio'),
	('debt 75%', 'base', 'debt_ratio', 0.75, 0.0001, 'debt_ratio'),
	-- 主营占比: "A.70%以上 B.60%-70% C.55%-60% D.50%-55% E.50%以下（0分）" (营业收入 1亿元)
	('share 70%', 'base', 'main_revenue', 70000000, 0.01, 'main_share'),
	('share 60%', 'base', 'main_revenue', 60000000, 0.01, 'main_share'),
	('share 55%', 'base', 'main_revenue', 55000000, 0.01, 'main_share'),
	('share 50% (E.50%以下)', 'base', 'main_revenue', 50000000, 0.01, 'main_share')
) AS t(what, b, key, at, step, item);
-- the issue's example: R&D exactly 1% of 营业收入 earns 0 ("E.1%以下（0分）"; 1.0 gave 5)
SELECT points->'rd_ratio' AS rd_points_at_1pct FROM tier_check_record('{"revenue": 200000000, "rd": 2000000}', '{chuangxin}');

-- ---------------------------------------------------------------------------
-- 专精特新中小企业 (63号 附件 专精特新中小企业认定标准 and 评分表)
-- base: passes directly ("近三年获得过省级科技奖励，并在获奖单位中排名前三"); low: scores
-- 30 with every direct route false; sixty: scores exactly 60
-- ---------------------------------------------------------------------------
CREATE TABLE tier_zj AS SELECT
	'{"employees": 100, "revenue": 100000000, "rd": 5000000, "years_in_niche": 10, "equity_financing_2y": 0,
	"sci_award_top": true}'::jsonb AS base,
	'{"employees": 100, "revenue": 100000000, "rd": 5000000, "rd_prev1": 0, "years_in_niche": 10,
	"main_revenue": 50000000, "main_revenue_prev1": 50000000, "main_revenue_prev2": 50000000,
	"chain_field": 0, "digital_level": 1, "quality_items": 0, "net_profit": 0, "debt_ratio": 0.8,
	"feature_points": 15, "ip_class1_high_value": 0, "ip_class1_own": 0, "ip_class1": 0, "ip_class2": 0,
	"rd_staff": 0, "rd_institution": 0, "equity_financing_2y": 0, "sci_award_top": false,
	"maker_china_top500": false}'::jsonb AS low;
SELECT c.eligible, c.score FROM tier_zj, tier_check_record(low, '{zjtx}') c;
SELECT t.what, tier_edge('zjtx', CASE t.b WHEN 'base' THEN base WHEN 'low' THEN low
	-- 60 = 30 + 主营 80% 5 + 增长 10% 10 + 领域 5 + 数字化 5 + 质量 5
	WHEN 'sixty' THEN low || '{"main_revenue": 80000000, "main_growth_2y": 0.10, "chain_field": 2,
	"digital_level": 3, "quality_items": 2}'
	WHEN 'small' THEN base || '{"revenue": 20000000}' ELSE base || '{"revenue": 9000000, "rd": 1000000}' END,
	t.key, t.at, t.step, t.item) AS around
FROM tier_zj, (VALUES
	-- "从事特定细分市场时间达到2年以上"
	('niche 2年', 'base', 'years_in_niche', 2, 1, NULL),
	-- "上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%"
	('rd 100万元 (营业收入2000万元)', 'small', 'rd', 1000000, 0.01, NULL),
	('rd 3% (营业收入1亿元)', 'base', 'rd', 3000000, 0.01, NULL),
	-- "上年度营业收入总额在1000万元以上" (R&D 100万元)
	('revenue 1000万元', 'equity', 'revenue', 10000000, 0.01, NULL),
	-- "或…近2年新增股权融资总额…达到2000万元以上" (营业收入 900万元)
	('equity 2000万元', 'equity', 'equity_financing_2y', 20000000, 0.01, NULL),
	-- "评价得分达到60分以上": 特色化 is at most 15分 (15.01 is outside its 0-15 band)
	('score 60', 'sixty', 'feature_points', 15, 0.01, NULL),
	-- "近两年研发费用总额均值在1000万元以上" (上年度 500万元)
	('direct rd_2y_avg 1000万元', 'low', 'rd_prev1', 15000000, 0.01, NULL),
	-- "近两年新增股权融资总额…6000万元以上"
	('direct equity 6000万元', 'low', 'equity_financing_2y', 60000000, 0.01, NULL),
	-- 主营占比: "A.80%以上（5分）B.70%-80%（3分）C.60%-70%（1分）D.60%以下（0分）"
	('share 80%', 'low', 'main_revenue', 80000000, 0.01, 'main_share'),
	('share 70%', 'low', 'main_revenue', 70000000, 0.01, 'main_share'),
	('share 60% (D.60%以下)', 'low', 'main_revenue', 60000000, 0.01, 'main_share'),
	-- 净利润率: "…E.2%-4%（2分）F.2%以下（0分）"
	('net_margin 2% (F.2%以下)', 'low', 'net_profit', 2000000, 0.01, 'net_margin'),
	('net_margin 10%', 'low', 'net_profit', 10000000, 0.01, 'net_margin'),
	-- 研发人员占比: "…C.5%-10%（1分）D.5%以下（0分）" (职工 100人)
	('rd_staff 5% (D.5%以下)', 'low', 'rd_staff', 5, 1, 'rd_staff'),
	('rd_staff 20%', 'low', 'rd_staff', 20, 1, 'rd_staff')
) AS t(what, b, key, at, step, item);
-- 近2年主营业务收入平均增长率: "…E.0%-4%（2分）F.0%以下（0分）" (5000万 -> 5000万 -> x)
SELECT tier_edge('zjtx', low, 'main_revenue', 50000000, 0.01, 'main_growth_2y') AS growth_2y_0pct
FROM tier_zj;

-- ---------------------------------------------------------------------------
-- 专精特新"小巨人" (63号 附件 "需同时满足专、精、特、新、链、品六个方面指标")
-- ---------------------------------------------------------------------------
CREATE TABLE tier_xg AS SELECT '{"tiers_held": ["zjtx"], "employees": 500, "revenue": 100000000,
	"rd": 3000000, "revenue_prev1": 90000000, "rd_prev1": 2700000, "years_in_niche": 5, "main_share": 0.8,
	"main_growth_2y": 0.06, "info_system": true, "mgmt_cert": true, "debt_ratio": 0.5,
	"market_share_national": 0.12, "own_brand": true, "rd_institution": 2, "ip_class1": 3,
	"chain_field": 2, "key_field": true, "sci_award_national_top3": false, "maker_china_top50": false}'::jsonb AS base;
SELECT c.eligible FROM tier_xg, tier_check_record(base, '{xjr}') c;
SELECT t.what, tier_edge('xjr', base, t.key, t.at, t.step) AS around
FROM tier_xg, (VALUES
	-- "截至上年末，企业从事特定细分市场时间达到3年以上"
	('专 niche 3年', 'years_in_niche', 3, 1),
	-- "主营业务收入总额占营业收入总额比重不低于70%"
	('专 share 70%', 'main_share', 0.70, 0.0001),
	-- "近2年主营业务收入平均增长率不低于5%"
	('专 growth 5%', 'main_growth_2y', 0.05, 0.0001),
	-- "企业资产负债率不高于70%"
	('精 debt 70%', 'debt_ratio', 0.70, 0.0001),
	-- "主导产品在全国细分市场占有率达到10%以上"
	('特 market share 10%', 'market_share_national', 0.10, 0.0001),
	-- "拥有2项以上与主导产品相关的Ⅰ类知识产权"
	('新 Ⅰ类知识产权2项', 'ip_class1', 2, 1),
	-- "自建或与高等院校、科研机构联合建立研发机构" (level 1 = 市级以下 or own)
	('新 研发机构', 'rd_institution', 1, 1),
	-- "上年度营业收入总额在1亿元以上的企业，近2年研发费用总额占营业收入总额比重均不低于3%"
	('新 3% of 1亿元', 'rd', 3000000, 0.01),
	('新 3% 前一年', 'rd_prev1', 2700000, 0.01),
	-- 链: "补短板、锻长板、填空白" is chain_field 2
	('链 chain_field 2', 'chain_field', 2, 1)
) AS t(what, key, at, step);
-- 新, 营业收入5000万元以下 (4000万元): "同时满足近2年新增股权融资总额…8000万元以上，且研发费用
-- 总额3000万元以上、研发人员占企业职工总数比重50%以上" (R&D read as the two years' sum)
SELECT t.what, tier_edge('xjr', base || '{"revenue": 40000000, "revenue_prev1": 35000000, "rd": 15000000,
	"rd_prev1": 15000000, "equity_financing_2y": 80000000, "rd_staff": 50, "employees": 100}', t.key, t.at, t.step) AS around
FROM tier_xg, (VALUES
	('新 small 股权融资8000万元', 'equity_financing_2y', 80000000, 0.01),
	('新 small 研发费用3000万元 (two years)', 'rd_prev1', 15000000, 0.01),
	('新 small 研发人员50%', 'rd_staff', 50, 1)
) AS t(what, key, at, step);
-- 链 and 品 are both required; 小巨人 is for 中小企业 even when 专精特新 is held
SELECT r.case_name, c.eligible, c.failed
FROM tier_xg, (VALUES
	('链 without 品', '{"key_field": false}'),
	('品 without 链', '{"chain_field": 1}'),
	-- 1500人 and 5亿元 (R&D 3% kept): not 中小企业, so not 小巨人
	('1500人, 5亿元', '{"employees": 1500, "revenue": 500000000, "rd": 15000000}'),
	('1000人, 5亿元', '{"employees": 1000, "revenue": 500000000, "rd": 15000000}')
     ) AS r(case_name, attrs),
     tier_check_record(base || r.attrs::jsonb, '{xjr}') c;

-- ---------------------------------------------------------------------------
-- 制造业单项冠军 2016 (工信部产业〔2016〕105号)
-- ---------------------------------------------------------------------------
CREATE TABLE tier_dx AS SELECT '{"revenue": 1000000000, "product_revenue": 800000000,
	"market_share_rank_global": 2, "years_in_niche": 12, "new_product": false, "main_products": 1,
	"margin_above_industry": true, "core_ip": true}'::jsonb AS base;
SELECT c.tier, c.version, c.eligible FROM tier_dx, tier_check_record(base, '{dxgj:miit-2016,dxgj:miit-2022,dxgj_product}') c;
SELECT v.tier, t.what, tier_edge(v.tier, base || t.extra::jsonb, t.key, t.at, t.step) AS around
FROM tier_dx, (VALUES ('dxgj:miit-2016'), ('dxgj:miit-2022'), ('dxgj_product')) AS v(tier), (VALUES
	-- "特定细分产品销售收入占企业全部业务收入的比重在70%以上"
	('70% of 10亿元', '{}', 'product_revenue', 700000000, 0.01),
	-- "单项产品市场占有率位居全球前3位"
	('全球前3位', '{}', 'market_share_rank_global', 3, 1),
	-- "从事相关业务领域的时间达到10年或以上"
	('10年', '{}', 'years_in_niche', 10, 1),
	-- "或从事新产品生产经营的时间达到3年或以上"
	('新产品 3年', '{"new_product": true}', 'years_in_niche', 3, 1),
	-- "主要从事制造业1-2个特定细分产品市场"
	('1-2个 细分产品市场 (upper)', '{}', 'main_products', 2, 1),
	('1-2个 细分产品市场 (lower)', '{}', 'main_products', 1, 1)
) AS t(what, extra, key, at, step)
ORDER BY v.tier, t.what;
-- 2016 and 2022: "拥有核心自主知识产权", "利润率超过同期同行业企业的总体水平" (2016) /
-- "盈利能力超过行业企业的总体水平" (2022)
SELECT c.tier, c.version, c.eligible, c.failed
FROM tier_dx, tier_check_record(base || '{"core_ip": false, "margin_above_industry": false}', '{dxgj:miit-2016,dxgj:miit-2022,dxgj_product}') c;
-- 2022: "申报企业需销售收入达到4亿元或年销售收入4亿元以下的专精特新"小巨人"企业"
-- (not 小巨人: 资产负债率 90%)
SELECT tier_edge('dxgj:miit-2022', base || '{"product_revenue": 350000000, "debt_ratio": 0.9, "tiers_held": []}',
	'revenue', 400000000, 0.01) AS dxgj_2022_4yi,
       tier_edge('dxgj_product', base || '{"product_revenue": 10000000, "debt_ratio": 0.9, "tiers_held": []}',
	'revenue', 400000000, 0.01) AS dxgj_product_4yi
FROM tier_dx;

-- ---------------------------------------------------------------------------
-- 浙江省隐形冠军 (浙经信企业〔2025〕233号, as reposted)
-- ---------------------------------------------------------------------------
CREATE TABLE tier_yx AS SELECT '{"years_in_operation": 12, "revenue": 210000000, "revenue_prev1": 200000000,
	"revenue_prev2": 190000000, "net_profit": 12100000, "net_profit_prev1": 11000000, "net_profit_prev2": 10000000,
	"debt_ratio": 0.5, "bank_credit_a": true, "years_in_niche": 12, "main_products": 2, "main_share": 0.8,
	"market_share_rank_global": 5, "market_share_rank_national": 2, "rd": 8400000, "rd_prev1": 8000000,
	"invention_patents": 1}'::jsonb AS base;
SELECT c.eligible FROM tier_yx, tier_check_record(base, '{zj_yxgj}') c;
SELECT t.what, tier_edge('zj_yxgj', base || t.extra::jsonb, t.key, t.at, t.step) AS around
FROM tier_yx, (VALUES
	-- "连续经营10年以上"
	('经营10年', '{}', 'years_in_operation', 10, 1),
	-- "上年度营业收入5000万元以上，原则上不超过20亿元" (R&D share given)
	('营业收入5000万元', '{"rd_ratio": 0.05, "revenue_prev1": 40000000, "revenue_prev2": 30000000}', 'revenue', 50000000, 0.01),
	('营业收入20亿元', '{"rd_ratio": 0.05, "revenue_prev1": 40000000, "revenue_prev2": 30000000}', 'revenue', 2000000000, 0.01),
	-- "近2年营业收入保持增长" (超过0: equal is no growth)
	('营业收入增长', '{"rd_ratio": 0.05}', 'revenue', 200000000, 0.01),
	-- "近2年净利润平均增长率10%以上"
	('净利润平均增长10%', '{}', 'net_profit', 12100000, 0.01),
	-- "资产负债率70%以下"
	('资产负债率70%', '{}', 'debt_ratio', 0.70, 0.0001),
	-- "从事细分市场10年以上"
	('细分市场10年', '{}', 'years_in_niche', 10, 1),
	-- "主导产品不超过3个"
	('主导产品3个', '{}', 'main_products', 3, 1),
	-- "主营业务收入占营业收入70%以上"
	('主营占比70%', '{}', 'main_share', 0.70, 0.0001),
	-- "细分市场占有率全球前10位或全国前3位"
	('全球前10位 (全国第5)', '{"market_share_rank_national": 5}', 'market_share_rank_global', 10, 1),
	('全国前3位 (全球第20)', '{"market_share_rank_global": 20}', 'market_share_rank_national', 3, 1),
	-- "近2年研发费用占营业收入比重均在4%以上"
	('研发4% (上年度)', '{}', 'rd', 8400000, 0.01),
	('研发4% (前一年)', '{}', 'rd_prev1', 8000000, 0.01),
	-- "拥有有效发明专利"
	('有效发明专利', '{}', 'invention_patents', 1, 1)
) AS t(what, extra, key, at, step);

-- ---------------------------------------------------------------------------
-- 未来工厂 ladder (浙经信产数〔2025〕174号, as reposted)
-- ---------------------------------------------------------------------------
SELECT t.what, tier_edge(t.tier, t.base::jsonb, t.key, t.at, t.step) AS around
FROM (VALUES
	-- "数字化水平达到2.0以上"
	('车间 2.0', 'zj_digital_workshop', '{"digital_investment_5y": 30000000, "mountain_island": false, "credit_good": true}', 'digital_level', 2, 0.1),
	-- "软硬件投资2000万元以上"; "山区海岛县1500万元以上"
	('车间 2000万元', 'zj_digital_workshop', '{"digital_level": 2, "mountain_island": false, "credit_good": true}', 'digital_investment_5y', 20000000, 0.01),
	('车间 山区海岛县 1500万元', 'zj_digital_workshop', '{"digital_level": 2, "mountain_island": true, "credit_good": true}', 'digital_investment_5y', 15000000, 0.01),
	-- "4000万元以上"; "山区海岛县3000万元以上"
	('工厂 4000万元', 'zj_smart_factory', '{"digital_level": 2, "mountain_island": false, "credit_good": true}', 'digital_investment_5y', 40000000, 0.01),
	('工厂 山区海岛县 3000万元', 'zj_smart_factory', '{"digital_level": 2, "mountain_island": true, "credit_good": true}', 'digital_investment_5y', 30000000, 0.01),
	-- "未来工厂试点数字化水平达到3.0以上"
	('未来工厂 3.0', 'zj_future_factory', '{"tiers_held": ["zj_smart_factory"], "credit_good": true}', 'digital_level', 3, 0.1)
) AS t(what, tier, base, key, at, step);

-- ---------------------------------------------------------------------------
-- Definite answers whenever the known data decide (issue 14, item 6)
-- ---------------------------------------------------------------------------
-- 数字化车间 with 1000万元 and mountain_island absent: below "2000万元以上" and below
-- "山区海岛县1500万元以上", so it fails whichever applies
SELECT eligible, failed, unknown, missing, ARRAY(SELECT g.text FROM unnest(gaps) g) AS gaps
FROM tier_check_record('{"digital_level": 2, "credit_good": true, "digital_investment_5y": 10000000}', '{zj_digital_workshop}');
-- 1800万元: enough in a 山区海岛县 only, so it depends on mountain_island
SELECT eligible, failed, unknown, missing
FROM tier_check_record('{"digital_level": 2, "credit_good": true, "digital_investment_5y": 18000000}', '{zj_digital_workshop}');
-- 2500万元: enough either way ("2000万元以上" and "1500万元以上")
SELECT eligible, failed, unknown, missing
FROM tier_check_record('{"digital_level": 2, "credit_good": true, "digital_investment_5y": 25000000}', '{zj_digital_workshop}');
-- 单项冠军 2016, 2 years and new_product absent: below "10年或以上" and below "新产品…3年或以上"
SELECT c.eligible, c.failed, c.unknown, c.missing
FROM tier_dx, tier_check_record((base - 'new_product') || '{"years_in_niche": 2}', '{dxgj:miit-2016}') c;
-- 5 years: enough for a new product only: unknown
SELECT c.eligible, c.failed, c.unknown, c.missing
FROM tier_dx, tier_check_record((base - 'new_product') || '{"years_in_niche": 5}', '{dxgj:miit-2016}') c;
-- 创新型, other items 55 points, 战略性新兴产业 flag absent: the item is worth at least 5
-- ("B.属于其他领域（5分）"), so 60 at least: eligible, score unknown (60 or 65)
SELECT r.case_name, c.eligible, c.score, c.points, c.unknown, c.missing
FROM (VALUES
	-- 创新能力 30 (15 + 4% 15), 成长性 15 (0.5% 5 + 50% 10), 专业化 10 (55%) + sei_field
	('55 + sei_field absent', '{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	  "ip_class1_own": 1, "rd": 4000000, "main_revenue": 55000000, "main_revenue_prev1": 54726369,
	  "debt_ratio": 0.5}'),
	-- the same at 50 (主营 50%: 0): 55 or 60, and 专业化 5 or 10 < 15: fails either way
	('50 + sei_field absent', '{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	  "ip_class1_own": 1, "rd": 4000000, "main_revenue": 50000000, "main_revenue_prev1": 49751244,
	  "debt_ratio": 0.5}'),
	-- 50 with 主营 60% (15): 专业化 20 or 25, total 55 or 60: could go either way
	('55/60 + sei_field absent', '{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	  "ip_class1_own": 0, "ip_class1": 0, "ip_class2": 1, "rd": 4000000, "main_revenue": 60000000, "main_revenue_prev1": 59701493,
	  "debt_ratio": 0.5}')
     ) AS r(case_name, attrs),
     -- no direct route
     tier_check_record(r.attrs::jsonb || '{"sci_award_3y": false, "high_tech": false, "innovation_demo": false,
	"ip_advantage": false, "rd_institution": 0, "equity_financing_3y": 0}', '{chuangxin}') c;
-- an item whose bands leave a gap floors at 0: 专精特新's R&D item earns nothing below
-- 100万元 and 3%, so an unknown R&D counts 0 to 10
SELECT points->'rd' AS rd_points, 'rd' = ANY (unknown) AS rd_unknown
FROM tier_check_record('{"employees": 100, "revenue": 100000000, "years_in_niche": 10}', '{zjtx}');

-- ---------------------------------------------------------------------------
-- absent_means_no (issue 14, item 7): absent status columns mean "no"
-- ---------------------------------------------------------------------------
-- a 创新型 firm that fails on score (55) without any direct-route column: unknown by
-- default (it might be a 高新技术企业), false when absent means no
SELECT c.eligible, c.unknown, c.missing
FROM tier_check_record('{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	"ip_class1_own": 1, "rd": 4000000, "main_revenue": 50000000, "main_revenue_prev1": 49751244,
	"debt_ratio": 0.5, "sei_field": true}', '{chuangxin}') c;
SELECT c.eligible, c.failed, c.unknown, c.missing
FROM tier_check_record('{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	"ip_class1_own": 1, "rd": 4000000, "main_revenue": 50000000, "main_revenue_prev1": 49751244,
	"debt_ratio": 0.5, "sei_field": true}', '{chuangxin}', absent_means_no => true) c;
-- a key that is present but null stays unknown; measures (营业收入) never mean "no"
SELECT c.eligible, c.unknown, c.missing
FROM tier_check_record('{"employees": 100, "revenue": 100000000, "ip_class1_high_value": 0,
	"ip_class1_own": 1, "rd": 4000000, "main_revenue": 50000000, "main_revenue_prev1": 49751244,
	"debt_ratio": 0.5, "sei_field": true, "high_tech": null}', '{chuangxin}', true) c;
SELECT c.tier, c.eligible, c.missing
FROM tier_check_record('{"digital_level": 2, "credit_good": true, "digital_investment_5y": 18000000}',
	'{zj_digital_workshop,guishang}', true) c ORDER BY c.tier;
-- the same over a query: a NULL column stays unknown, an absent one means no
CREATE TABLE tier_absent (credit_code text, employees int, revenue numeric, rd numeric, ip_class1_own int,
	main_revenue numeric, main_revenue_prev1 numeric, debt_ratio numeric, sei_field boolean, high_tech boolean);
INSERT INTO tier_absent VALUES
	('no flag', 100, 100000000, 4000000, 1, 50000000, 49751244, 0.5, true, false),
	('NULL flag', 100, 100000000, 4000000, 1, 50000000, 49751244, 0.5, true, NULL),
	('high tech', 100, 100000000, 4000000, 1, 50000000, 49751244, 0.5, true, true);
SELECT credit_code, eligible, missing FROM tier_check('SELECT * FROM tier_absent', '{chuangxin}', true) ORDER BY ordinal;
SELECT credit_code, eligible, missing FROM tier_check('SELECT * FROM tier_absent', '{chuangxin}') ORDER BY ordinal;
SELECT count(*) FROM tier_check('SELECT * FROM tier_absent', '{chuangxin}', NULL);
SELECT count(*) FROM tier_check_record('{}', '{chuangxin}', NULL);

DROP TABLE tier_cx, tier_zj, tier_xg, tier_dx, tier_yx, tier_absent;
DROP FUNCTION tier_edge;
