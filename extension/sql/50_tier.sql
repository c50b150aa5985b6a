-- 梯度培育 tier eligibility: rule tables, shipped tiers, and the evaluation functions
-- (extension/tier.c, extension/tier_rules.c).  See doc/tiers.md.

-- A tier definition: one row per (code, version).  Shipped rows have builtin = true;
-- rows you add keep the default false and are saved by pg_dump.
CREATE TABLE @extschema@.tier_definition (
	code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	version text NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	label text NOT NULL,
	source text NOT NULL,
	valid_from date NOT NULL,
	growth_average text NOT NULL DEFAULT 'arithmetic'
		CHECK (growth_average IN ('arithmetic', 'geometric')),
	note text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, version)
);
COMMENT ON TABLE @extschema@.tier_definition IS
	'梯度培育 tiers (code, version): label, source, valid_from; a code alone means its latest valid_from';

-- A criterion: the metric must lie in the range [low .. high] written with the words of
-- Chinese legal usage (以上/以下 include the number, 超过/不满 exclude it), or the
-- enterprise must satisfy another tier (required_tier).  Criteria with the same
-- requirement are alternatives grouped by route: a requirement holds when every
-- criterion of one of its routes holds; a tier holds when all its requirements hold.
-- An optional condition (when_metric in its range) limits where a criterion applies.
CREATE TABLE @extschema@.tier_criterion (
	tier_code text NOT NULL,
	tier_version text NOT NULL,
	criterion text NOT NULL CHECK (criterion ~ '^[a-z][a-z0-9_]*$'),
	label text NOT NULL,
	requirement text,
	route text,
	metric text,
	required_tier text,
	required_version text,
	low numeric,
	low_op text CHECK (low_op IN ('以上', '超过')),
	high numeric,
	high_op text CHECK (high_op IN ('以下', '不满')),
	when_metric text,
	when_low numeric,
	when_low_op text CHECK (when_low_op IN ('以上', '超过')),
	when_high numeric,
	when_high_op text CHECK (when_high_op IN ('以下', '不满')),
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tier_code, tier_version, criterion),
	FOREIGN KEY (tier_code, tier_version) REFERENCES @extschema@.tier_definition (code, version)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.tier_criterion IS
	'梯度培育 criteria: metric in [low low_op, high high_op], or required_tier; requirement/route group alternatives; when_* limits where it applies';

-- A score band: when metric lies in the range the item earns points (NULL points: the
-- value itself, for items such as 特色化 scored elsewhere).  An item earns the highest
-- points of its matching bands, so an item scored on an amount OR a ratio takes the
-- higher; bands of one item on one metric must not overlap.
CREATE TABLE @extschema@.tier_score_band (
	tier_code text NOT NULL,
	tier_version text NOT NULL,
	item text NOT NULL CHECK (item ~ '^[a-z][a-z0-9_]*$'),
	score_group text NOT NULL CHECK (score_group <> '' AND pg_catalog.strpos(score_group, '.') = 0),
	band integer NOT NULL,
	metric text NOT NULL,
	low numeric,
	low_op text CHECK (low_op IN ('以上', '超过')),
	high numeric,
	high_op text CHECK (high_op IN ('以下', '不满')),
	points numeric,
	label text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tier_code, tier_version, item, band),
	FOREIGN KEY (tier_code, tier_version) REFERENCES @extschema@.tier_definition (code, version)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.tier_score_band IS
	'梯度培育 score bands: points of an item when its metric lies in [low low_op, high high_op]';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_definition', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_criterion', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_score_band', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.tier_definition, @extschema@.tier_criterion,
	@extschema@.tier_score_band TO PUBLIC;

-- One failed threshold: what it needs, where the enterprise stands, and the shortfall in
-- the unit of the input that closes it (元, 人, 项, 年, 个百分点, 位, 分).
CREATE TYPE @extschema@.tier_gap AS (
	criterion text,
	metric text,
	required text,
	actual numeric,
	shortfall numeric,
	unit text,
	text text
);

CREATE FUNCTION @extschema@.tier_check(query text, tiers text[] DEFAULT NULL)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check'
LANGUAGE C VOLATILE PARALLEL UNSAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.tier_check(text, text[]) IS
	'every row of a query against 梯度培育 tiers: eligible true/false/NULL (unknown), score, points, failed and unknown criteria, missing inputs, gaps';

CREATE FUNCTION @extschema@.tier_check_record(record jsonb, tiers text[] DEFAULT NULL)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check_record'
LANGUAGE C STABLE PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.tier_check_record(jsonb, text[]) IS
	'one enterprise given as a jsonb object against 梯度培育 tiers';

CREATE FUNCTION @extschema@.tier_validate(tiers text[] DEFAULT NULL)
RETURNS integer
AS 'MODULE_PATHNAME', 'tier_validate'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tier_validate(text[]) IS
	'compile tiers (default: all) and their prerequisites, raising on bad rule data; returns the number of tiers compiled';

-- Copy a tier version to a new, user-owned version (valid from today, so a bare code
-- now means the copy); edit the copy's rows with UPDATE.
CREATE FUNCTION @extschema@.tier_copy(code text, version text, new_version text)
RETURNS void
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note)
	SELECT d.code, new_version, d.label, d.source, CURRENT_DATE, d.growth_average,
		pg_catalog.concat_ws('; ', d.note, 'copied from ' OPERATOR(pg_catalog.||) d.version)
	FROM @extschema@.tier_definition d
	WHERE d.code OPERATOR(pg_catalog.=) tier_copy.code AND d.version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
		metric, required_tier, required_version, low, low_op, high, high_op,
		when_metric, when_low, when_low_op, when_high, when_high_op)
	SELECT c.tier_code, new_version, c.criterion, c.label, c.requirement, c.route,
		c.metric, c.required_tier, c.required_version, c.low, c.low_op, c.high, c.high_op,
		c.when_metric, c.when_low, c.when_low_op, c.when_high, c.when_high_op
	FROM @extschema@.tier_criterion c
	WHERE c.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND c.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_score_band (tier_code, tier_version, item, score_group, band, metric,
		low, low_op, high, high_op, points, label)
	SELECT b.tier_code, new_version, b.item, b.score_group, b.band, b.metric,
		b.low, b.low_op, b.high, b.high_op, b.points, b.label
	FROM @extschema@.tier_score_band b
	WHERE b.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND b.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
END;
COMMENT ON FUNCTION @extschema@.tier_copy(text, text, text) IS
	'copy a tier version (criteria and bands) to a new user version valid from today';

-- ---------------------------------------------------------------------------------
-- Shipped tiers (builtin).  Money in 元, ratios as fractions (0.03 = 3%), flags as 1.
-- Sources: /work/shared/reference/domain-research.md §3, §4 (cited as DR) and the
-- documents named there.  valid_from is 1 January of the year of issue.
-- ---------------------------------------------------------------------------------
INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note, builtin) VALUES
('guishang', 'nbs-2011', '规模以上工业企业',
 '国家统计局 规模以上工业统计起点: 年主营业务收入2000万元及以上 (since 2011) - DR §4 [S30][S31]',
 '2011-01-01', 'arithmetic', NULL, true),
('xiaoshenggui', 'nbs-2011', '小升规（规下工业企业主营业务收入达到规上标准）',
 '小升规: a 规下 industrial firm whose 主营业务收入 reaches the 2000万元 threshold - DR §4 [S30][S33]',
 '2011-01-01', 'arithmetic', 'eligible = should enter 规上 now; false rows carry the gap to the line', true),
('sme', 'miit-2011', '中小微企业（工业）',
 '工信部联企业〔2011〕300号《中小企业划型标准规定》工业: 从业人员1000人以下或营业收入40000万元以下 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', 'upper bounds exclusive (不满), as the 300号 table contrasts them with 及以上', true),
('sme_large', 'miit-2011', '大型企业（工业）',
 '工信部联企业〔2011〕300号 工业: not 中小微 (从业人员1000人及以上且营业收入4亿元及以上) - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_medium', 'miit-2011', '中型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员300人及以上，且营业收入2000万元及以上 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_small', 'miit-2011', '小型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员20人及以上，且营业收入300万元及以上 (and not 中型) - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_micro', 'miit-2011', '微型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员20人以下或营业收入300万元以下 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('chuangxin', 'miit-2022', '创新型中小企业',
 '工信部企业〔2022〕63号《优质中小企业梯度培育管理暂行办法》创新型中小企业评价标准 - DR §3.1 [S20]',
 '2022-01-01', 'arithmetic', NULL, true),
('zjtx', 'miit-2022', '专精特新中小企业',
 '工信部企业〔2022〕63号 专精特新中小企业认定标准 - DR §3.2 [S22]; scoring table [S21][S26b]',
 '2022-01-01', 'arithmetic',
 '特色化 (15 points) is set by each province; Zhejiang''s items were not found: supply them as feature_points', true),
('xjr', 'miit-2022', '专精特新"小巨人"企业',
 '工信部企业〔2022〕63号 专精特新"小巨人"企业认定标准 - DR §3.3 [S23]',
 '2022-01-01', 'arithmetic', '近2年主营业务收入平均增长率: arithmetic mean of the two yearly rates (DR §8.7; set growth_average to geometric to change)', true),
('dxgj', 'miit-2016', '制造业单项冠军示范企业',
 '工信部产业〔2016〕105号《制造业单项冠军企业培育提升专项行动实施方案》 - DR §3.4 [S26]',
 '2016-01-01', 'arithmetic', 'profit margin above the industry and core own IP are inputs (flags)', true),
('dxgj', 'miit-2022', '制造业单项冠军示范企业',
 '工信厅联政法函〔2022〕47号; firms with sales < 4亿元 must be 小巨人 (practice since 2020) - DR §3.4 [S26]',
 '2022-01-01', 'arithmetic', NULL, true),
('dxgj_product', 'miit-2022', '制造业单项冠军产品',
 '工信厅联政法函〔2022〕47号 冠军产品 (the 70% condition does not apply); < 4亿元 requires 小巨人 - DR §3.4 [S26]',
 '2022-01-01', 'arithmetic', NULL, true),
('zj_yxgj', 'zj-2025', '浙江省隐形冠军',
 '浙经信企业〔2025〕233号 (basis 浙政办发〔2019〕28号 雏鹰行动) - DR §3.5 [S27]',
 '2025-01-01', 'arithmetic', 'registered in Zhejiang is assumed of the input; the quota is not modelled', true),
('zj_digital_workshop', 'zj-2025', '数字化车间',
 '浙经信产数〔2025〕174号 未来工厂梯度 - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', NULL, true),
('zj_smart_factory', 'zj-2025', '智能工厂',
 '浙经信产数〔2025〕174号 未来工厂梯度 - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', NULL, true),
('zj_future_factory', 'zj-2025', '未来工厂',
 '浙经信产数〔2025〕174号 未来工厂梯度 (ladder 数字化车间 → 智能工厂 → 未来工厂) - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', 'the ladder is read as 智能工厂 being required first', true);

-- threshold criteria
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
	metric, low, low_op, high, high_op, builtin)
SELECT c.*, true FROM (VALUES
	-- 规上 / 小升规
	('guishang', 'nbs-2011', 'main_revenue', '年主营业务收入2000万元及以上', NULL, NULL, 'main_revenue', 20000000, '以上', NULL, NULL),
	('xiaoshenggui', 'nbs-2011', 'below_scale', '目前为规下企业', NULL, NULL, 'below_scale', 1, '以上', NULL, NULL),
	('xiaoshenggui', 'nbs-2011', 'main_revenue', '年主营业务收入达到2000万元', NULL, NULL, 'main_revenue', 20000000, '以上', NULL, NULL),
	-- SME size (工业)
	('sme', 'miit-2011', 'employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme', 'miit-2011', 'revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_large', 'miit-2011', 'employees', '从业人员1000人及以上', NULL, NULL, 'employees', 1000, '以上', NULL, NULL),
	('sme_large', 'miit-2011', 'revenue', '营业收入4亿元及以上', NULL, NULL, 'revenue', 400000000, '以上', NULL, NULL),
	('sme_medium', 'miit-2011', 'sme_employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme_medium', 'miit-2011', 'sme_revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_medium', 'miit-2011', 'employees', '从业人员300人及以上', NULL, NULL, 'employees', 300, '以上', NULL, NULL),
	('sme_medium', 'miit-2011', 'revenue', '营业收入2000万元及以上', NULL, NULL, 'revenue', 20000000, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'sme_employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme_small', 'miit-2011', 'sme_revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_small', 'miit-2011', 'employees', '从业人员20人及以上', NULL, NULL, 'employees', 20, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'revenue', '营业收入300万元及以上', NULL, NULL, 'revenue', 3000000, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'not_medium_employees', '非中型: 从业人员不满300人', 'not_medium', 'employees', 'employees', NULL, NULL, 300, '不满'),
	('sme_small', 'miit-2011', 'not_medium_revenue', '非中型: 营业收入不满2000万元', 'not_medium', 'revenue', 'revenue', NULL, NULL, 20000000, '不满'),
	('sme_micro', 'miit-2011', 'employees', '从业人员不满20人', 'micro', 'employees', 'employees', NULL, NULL, 20, '不满'),
	('sme_micro', 'miit-2011', 'revenue', '营业收入不满300万元', 'micro', 'revenue', 'revenue', NULL, NULL, 3000000, '不满'),
	-- 创新型中小企业: score route or a direct pass
	('chuangxin', 'miit-2022', 'score_total', '评价得分60分以上', 'evaluation', 'score', 'score', 60, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_innovation', '创新能力得分20分以上', 'evaluation', 'score', 'score.创新能力', 20, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_growth', '成长性得分15分以上', 'evaluation', 'score', 'score.成长性', 15, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_specialization', '专业化得分15分以上', 'evaluation', 'score', 'score.专业化', 15, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_award', '近三年获得国家级、省级科技奖励', 'evaluation', 'award', 'sci_award_3y', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_high_tech', '获得高新技术企业资格', 'evaluation', 'high_tech', 'high_tech', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_innovation_demo', '国家级技术创新示范企业', 'evaluation', 'innovation_demo', 'innovation_demo', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_ip_advantage', '知识产权优势企业或示范企业', 'evaluation', 'ip_advantage', 'ip_advantage', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_rd_institution', '拥有经认定的省部级以上研发机构', 'evaluation', 'rd_institution', 'rd_institution', 3, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_equity', '近三年新增股权融资总额500万元以上', 'evaluation', 'equity', 'equity_financing_3y', 5000000, '以上', NULL, NULL),
	-- 专精特新中小企业
	('zjtx', 'miit-2022', 'niche_years', '从事特定细分市场时间达到2年以上', NULL, NULL, 'years_in_niche', 2, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'rd_amount', '上年度研发费用总额不低于100万元', NULL, NULL, 'rd', 1000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'rd_ratio', '上年度研发费用占营业收入总额比重不低于3%', NULL, NULL, 'rd_ratio', 0.03, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'revenue', '上年度营业收入总额1000万元以上', 'revenue', 'revenue', 'revenue', 10000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'revenue_equity', '或近2年新增股权融资总额2000万元以上', 'revenue', 'equity', 'equity_financing_2y', 20000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'score_total', '评价得分60分以上', 'evaluation', 'score', 'score', 60, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_award', '近三年获省级科技奖励排名前三或国家级排名前五', 'evaluation', 'award', 'sci_award_top', 1, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_rd_2y_avg', '近两年研发费用总额均值1000万元以上', 'evaluation', 'rd', 'rd_2y_avg', 10000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_equity', '近两年新增股权融资总额6000万元以上', 'evaluation', 'equity', 'equity_financing_2y', 60000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_maker_china', '近三年进入创客中国全国500强企业组', 'evaluation', 'maker', 'maker_china_top500', 1, '以上', NULL, NULL),
	-- 专精特新"小巨人": 专 精 特 新 链/品
	('xjr', 'miit-2022', 'zhuan_niche_years', '专: 从事特定细分市场3年以上', NULL, NULL, 'years_in_niche', 3, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'zhuan_main_share', '专: 主营业务收入占营业收入比重70%以上', NULL, NULL, 'main_share', 0.70, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'zhuan_main_growth', '专: 近2年主营业务收入平均增长率5%以上', NULL, NULL, 'main_growth_2y', 0.05, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_info_system', '精: 至少1项核心业务采用信息系统支撑', NULL, NULL, 'info_system', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_certification', '精: 取得管理体系认证或发达国家和地区产品认证', NULL, NULL, 'mgmt_cert', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_debt_ratio', '精: 资产负债率不高于70%', NULL, NULL, 'debt_ratio', NULL, NULL, 0.70, '以下'),
	('xjr', 'miit-2022', 'te_market_share', '特: 主导产品全国细分市场占有率10%以上', NULL, NULL, 'market_share_national', 0.10, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'te_own_brand', '特: 拥有自主品牌', NULL, NULL, 'own_brand', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_institution', '新: 自建或联合建立研发机构', 'xin', 'general', 'rd_institution', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_ip_class1', '新: 与主导产品相关的Ⅰ类知识产权2项以上', 'xin', 'general', 'ip_class1', 2, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_award', '新: 近三年获得国家级科技奖励并排名前三', 'xin', 'award', 'sci_award_national_top3', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_maker_china', '新: 近三年进入创客中国全国50强企业组', 'xin', 'maker', 'maker_china_top50', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'lian_chain', '链: 补短板、锻长板、填空白', 'lian_pin', 'chain', 'chain_field', 2, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'pin_key_field', '品: 主导产品属于重点领域', 'lian_pin', 'field', 'key_field', 1, '以上', NULL, NULL),
	-- 制造业单项冠军
	('dxgj', 'miit-2016', 'product_share', '单项产品销售收入占企业全部业务收入70%以上', NULL, NULL, 'product_share', 0.70, '以上', NULL, NULL),
	('dxgj', 'miit-2016', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	('dxgj', 'miit-2016', 'margin', '利润率高于同期同行业企业总体水平', NULL, NULL, 'margin_above_industry', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2016', 'core_ip', '拥有核心自主知识产权', NULL, NULL, 'core_ip', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'product_share', '单项产品销售收入占企业全部业务收入70%以上', NULL, NULL, 'product_share', 0.70, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	('dxgj_product', 'miit-2022', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	-- 浙江省隐形冠军
	('zj_yxgj', 'zj-2025', 'years_in_operation', '连续经营10年以上', NULL, NULL, 'years_in_operation', 10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'revenue', '上年度营业收入5000万元以上、原则上不超过20亿元', NULL, NULL, 'revenue', 50000000, '以上', 2000000000, '以下'),
	('zj_yxgj', 'zj-2025', 'revenue_growth', '上年度营业收入增长', NULL, NULL, 'revenue_growth', 0, '超过', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'revenue_growth_prev1', '前一年营业收入增长', NULL, NULL, 'revenue_growth_prev1', 0, '超过', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'net_profit_growth', '近2年净利润平均增长率10%以上', NULL, NULL, 'net_profit_growth_2y', 0.10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'debt_ratio', '资产负债率70%以下', NULL, NULL, 'debt_ratio', NULL, NULL, 0.70, '以下'),
	('zj_yxgj', 'zj-2025', 'bank_credit', '银行信用等级A级以上', NULL, NULL, 'bank_credit_a', 1, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'niche_years', '从事细分市场10年以上', NULL, NULL, 'years_in_niche', 10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'main_products', '主导产品不超过3个', NULL, NULL, 'main_products', NULL, NULL, 3, '以下'),
	('zj_yxgj', 'zj-2025', 'main_share', '主营业务收入占营业收入70%以上', NULL, NULL, 'main_share', 0.70, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'rank_global', '细分市场全球前10位', 'market_position', 'global', 'market_share_rank_global', NULL, NULL, 10, '以下'),
	('zj_yxgj', 'zj-2025', 'rank_national', '或细分市场全国前3位', 'market_position', 'national', 'market_share_rank_national', NULL, NULL, 3, '以下'),
	('zj_yxgj', 'zj-2025', 'rd_ratio', '上年度研发费用占营业收入4%以上', NULL, NULL, 'rd_ratio', 0.04, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'rd_ratio_prev1', '前一年研发费用占营业收入4%以上', NULL, NULL, 'rd_ratio_prev1', 0.04, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'invention_patents', '拥有有效发明专利', NULL, NULL, 'invention_patents', 1, '以上', NULL, NULL),
	-- 未来工厂 ladder
	('zj_digital_workshop', 'zj-2025', 'digital_level', '数字化水平2.0以上', NULL, NULL, 'digital_level', 2, '以上', NULL, NULL),
	('zj_digital_workshop', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'digital_level', '数字化水平2.0以上', NULL, NULL, 'digital_level', 2, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL),
	('zj_future_factory', 'zj-2025', 'digital_level', '数字化水平3.0以上', NULL, NULL, 'digital_level', 3, '以上', NULL, NULL),
	('zj_future_factory', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, requirement, route, metric, low, low_op, high, high_op);

-- conditional criteria: 小巨人's R&D rule by last year's revenue.  1亿元 is named by
-- "1亿元以上" and 5000万元 by "5000万元以下", so those bands take the edges and the
-- 5000万元-1亿元 band runs from 超过5000万元 to 不满1亿元.
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
	metric, low, low_op, when_metric, when_low, when_low_op, when_high, when_high_op, builtin)
SELECT c.*, true FROM (VALUES
	('xjr', 'miit-2022', 'xin_rd_ratio_1e8', '新: 营业收入1亿元以上: 上年度研发费用占比不低于3%', 'xin', 'general', 'rd_ratio', 0.03, '以上', 'revenue', 100000000, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_1e8', '新: 营业收入1亿元以上: 前一年研发费用占比不低于3%', 'xin', 'general', 'rd_ratio_prev1', 0.03, '以上', 'revenue', 100000000, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_ratio_5e7', '新: 营业收入5000万元-1亿元: 上年度研发费用占比不低于6%', 'xin', 'general', 'rd_ratio', 0.06, '以上', 'revenue', 50000000, '超过', 100000000, '不满'),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_5e7', '新: 营业收入5000万元-1亿元: 前一年研发费用占比不低于6%', 'xin', 'general', 'rd_ratio_prev1', 0.06, '以上', 'revenue', 50000000, '超过', 100000000, '不满'),
	('xjr', 'miit-2022', 'xin_small_equity', '新: 营业收入5000万元以下: 近2年新增股权融资8000万元以上', 'xin', 'general', 'equity_financing_2y', 80000000, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	('xjr', 'miit-2022', 'xin_small_rd', '新: 营业收入5000万元以下: 近2年研发费用总额3000万元以上', 'xin', 'general', 'rd_2y', 30000000, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	('xjr', 'miit-2022', 'xin_small_rd_staff', '新: 营业收入5000万元以下: 研发人员占职工总数50%以上', 'xin', 'general', 'rd_staff_ratio', 0.50, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	-- 单项冠军: 10 years in the field, 3 for a new product
	('dxgj', 'miit-2016', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj', 'miit-2016', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj', 'miit-2022', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	('dxgj_product', 'miit-2022', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj_product', 'miit-2022', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	-- 未来工厂 ladder: lower investment thresholds in 山区海岛县
	('zj_digital_workshop', 'zj-2025', 'investment', '建成前5年内软硬件投资2000万元以上', NULL, NULL, 'digital_investment_5y', 20000000, '以上', 'mountain_island', NULL, NULL, 1, '不满'),
	('zj_digital_workshop', 'zj-2025', 'investment_mountain_island', '山区海岛县: 软硬件投资1500万元以上', NULL, NULL, 'digital_investment_5y', 15000000, '以上', 'mountain_island', 1, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'investment', '建成前5年内软硬件投资4000万元以上', NULL, NULL, 'digital_investment_5y', 40000000, '以上', 'mountain_island', NULL, NULL, 1, '不满'),
	('zj_smart_factory', 'zj-2025', 'investment_mountain_island', '山区海岛县: 软硬件投资3000万元以上', NULL, NULL, 'digital_investment_5y', 30000000, '以上', 'mountain_island', 1, '以上', NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, requirement, route, metric, low, low_op,
	when_metric, when_low, when_low_op, when_high, when_high_op);

-- prerequisites (单项冠军: only below 4亿元 of revenue)
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label,
	required_tier, required_version, when_metric, when_high, when_high_op, builtin)
SELECT c.*, true FROM (VALUES
	('chuangxin', 'miit-2022', 'sme', '中小企业（工信部联企业〔2011〕300号）', 'sme', 'miit-2011', NULL, NULL, NULL),
	('zjtx', 'miit-2022', 'sme', '中小企业（工信部联企业〔2011〕300号）', 'sme', 'miit-2011', NULL, NULL, NULL),
	('xjr', 'miit-2022', 'zjtx', '已是专精特新中小企业', 'zjtx', 'miit-2022', NULL, NULL, NULL),
	('dxgj', 'miit-2022', 'xjr', '营业收入不满4亿元的须为专精特新"小巨人"企业', 'xjr', 'miit-2022', 'revenue', 400000000, '不满'),
	('dxgj_product', 'miit-2022', 'xjr', '营业收入不满4亿元的须为专精特新"小巨人"企业', 'xjr', 'miit-2022', 'revenue', 400000000, '不满'),
	('zj_future_factory', 'zj-2025', 'smart_factory', '已是智能工厂', 'zj_smart_factory', 'zj-2025', NULL, NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, required_tier, required_version, when_metric, when_high, when_high_op);

-- score bands
INSERT INTO @extschema@.tier_score_band (tier_code, tier_version, item, score_group, band, metric,
	low, low_op, high, high_op, points, label, builtin)
SELECT b.*, true FROM (VALUES
	-- 创新型中小企业 (100 points)
	('chuangxin', 'miit-2022', 'ip', '创新能力', 1, 'ip_class1_high_value', 1, '以上', NULL, NULL, 20, 'Ⅰ类高价值知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 2, 'ip_class1_own', 1, '以上', NULL, NULL, 15, '自主研发Ⅰ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 3, 'ip_class1', 1, '以上', NULL, NULL, 10, 'Ⅰ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 4, 'ip_class2', 1, '以上', NULL, NULL, 5, 'Ⅱ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 1, 'rd_ratio', 0.05, '以上', NULL, NULL, 20, '5%以上'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 2, 'rd_ratio', 0.03, '以上', 0.05, '不满', 15, '3%-5%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 3, 'rd_ratio', 0.02, '以上', 0.03, '不满', 10, '2%-3%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 4, 'rd_ratio', 0.01, '以上', 0.02, '不满', 5, '1%-2%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 5, 'rd_ratio', NULL, NULL, 0.01, '不满', 0, '1%以下'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 1, 'main_growth', 0.15, '以上', NULL, NULL, 20, '15%以上'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 2, 'main_growth', 0.10, '以上', 0.15, '不满', 15, '10%-15%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 3, 'main_growth', 0.05, '以上', 0.10, '不满', 10, '5%-10%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 4, 'main_growth', 0, '以上', 0.05, '不满', 5, '0%-5%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 5, 'main_growth', NULL, NULL, 0, '不满', 0, '0%以下'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 1, 'debt_ratio', NULL, NULL, 0.55, '以下', 10, '55%以下'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 2, 'debt_ratio', 0.55, '超过', 0.75, '不满', 5, '55%-75%'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 3, 'debt_ratio', 0.75, '以上', NULL, NULL, 0, '75%以上'),
	('chuangxin', 'miit-2022', 'sei_field', '专业化', 1, 'sei_field', 1, '以上', NULL, NULL, 10, '属于《战略性新兴产业分类》'),
	('chuangxin', 'miit-2022', 'sei_field', '专业化', 2, 'sei_field', NULL, NULL, 1, '不满', 5, '其他领域'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 1, 'main_share', 0.70, '以上', NULL, NULL, 20, '70%以上'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 2, 'main_share', 0.60, '以上', 0.70, '不满', 15, '60%-70%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 3, 'main_share', 0.55, '以上', 0.60, '不满', 10, '55%-60%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 4, 'main_share', 0.50, '以上', 0.55, '不满', 5, '50%-55%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 5, 'main_share', NULL, NULL, 0.50, '不满', 0, '50%以下'),
	-- 专精特新中小企业 (100 points)
	('zjtx', 'miit-2022', 'niche_years', '专业化', 1, 'years_in_niche', 2, '以上', 4, '不满', 1, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 2, 'years_in_niche', 4, '以上', 6, '不满', 2, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 3, 'years_in_niche', 6, '以上', 8, '不满', 3, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 4, 'years_in_niche', 8, '以上', 10, '不满', 4, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 5, 'years_in_niche', 10, '以上', NULL, NULL, 5, '最高5分'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 1, 'main_share', 0.80, '以上', NULL, NULL, 5, '80%以上'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 2, 'main_share', 0.70, '以上', 0.80, '不满', 3, '70%-80%'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 3, 'main_share', 0.60, '以上', 0.70, '不满', 1, '60%-70%'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 4, 'main_share', NULL, NULL, 0.60, '不满', 0, '60%以下'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 1, 'main_growth_2y', 0.10, '以上', NULL, NULL, 10, '10%以上'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 2, 'main_growth_2y', 0.08, '以上', 0.10, '不满', 8, '8%-10%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 3, 'main_growth_2y', 0.06, '以上', 0.08, '不满', 6, '6%-8%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 4, 'main_growth_2y', 0.04, '以上', 0.06, '不满', 4, '4%-6%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 5, 'main_growth_2y', 0, '以上', 0.04, '不满', 2, '0%-4%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 6, 'main_growth_2y', NULL, NULL, 0, '不满', 0, '0%以下'),
	('zjtx', 'miit-2022', 'field', '专业化', 1, 'chain_field', 2, '以上', NULL, NULL, 5, '补短板/锻长板/填空白'),
	('zjtx', 'miit-2022', 'field', '专业化', 2, 'chain_field', 1, '以上', 2, '不满', 3, '工业"六基"、中华老字号或链主配套'),
	('zjtx', 'miit-2022', 'field', '专业化', 3, 'chain_field', NULL, NULL, 1, '不满', 0, '其他'),
	('zjtx', 'miit-2022', 'digital', '精细化', 1, 'digital_level', 3, '以上', NULL, NULL, 5, '三级以上'),
	('zjtx', 'miit-2022', 'digital', '精细化', 2, 'digital_level', 2, '以上', 3, '不满', 3, '二级'),
	('zjtx', 'miit-2022', 'digital', '精细化', 3, 'digital_level', NULL, NULL, 2, '不满', 0, '一级'),
	('zjtx', 'miit-2022', 'quality', '精细化', 1, 'quality_items', 2, '以上', NULL, NULL, 5, '每项3分，最高5分'),
	('zjtx', 'miit-2022', 'quality', '精细化', 2, 'quality_items', 1, '以上', 2, '不满', 3, '每项3分'),
	('zjtx', 'miit-2022', 'quality', '精细化', 3, 'quality_items', NULL, NULL, 1, '不满', 0, '无'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 1, 'net_margin', 0.10, '以上', NULL, NULL, 10, '10%以上'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 2, 'net_margin', 0.08, '以上', 0.10, '不满', 8, '8%-10%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 3, 'net_margin', 0.06, '以上', 0.08, '不满', 6, '6%-8%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 4, 'net_margin', 0.04, '以上', 0.06, '不满', 4, '4%-6%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 5, 'net_margin', 0.02, '以上', 0.04, '不满', 2, '2%-4%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 6, 'net_margin', NULL, NULL, 0.02, '不满', 0, '2%以下'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 1, 'debt_ratio', NULL, NULL, 0.50, '以下', 5, '50%以下'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 2, 'debt_ratio', 0.50, '超过', 0.60, '以下', 3, '50%-60%'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 3, 'debt_ratio', 0.60, '超过', 0.70, '不满', 1, '60%-70%'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 4, 'debt_ratio', 0.70, '以上', NULL, NULL, 0, '70%以上'),
	('zjtx', 'miit-2022', 'feature', '特色化', 1, 'feature_points', 0, '以上', 15, '以下', NULL, '各省特色化指标得分（0-15分）'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 1, 'ip_class1_high_value', 1, '以上', NULL, NULL, 10, 'Ⅰ类高价值知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 2, 'ip_class1_own', 1, '以上', NULL, NULL, 8, '自主研发Ⅰ类知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 3, 'ip_class1', 1, '以上', NULL, NULL, 6, 'Ⅰ类知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 4, 'ip_class2', 1, '以上', NULL, NULL, 2, 'Ⅱ类知识产权'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 1, 'rd', 5000000, '以上', NULL, NULL, 10, '500万元以上'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 2, 'rd', 4000000, '以上', 5000000, '不满', 8, '400万元-500万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 3, 'rd', 3000000, '以上', 4000000, '不满', 6, '300万元-400万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 4, 'rd', 2000000, '以上', 3000000, '不满', 4, '200万元-300万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 5, 'rd', 1000000, '以上', 2000000, '不满', 2, '100万元-200万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 6, 'rd_ratio', 0.10, '以上', NULL, NULL, 10, '或10%以上'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 7, 'rd_ratio', 0.08, '以上', 0.10, '不满', 8, '或8%-10%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 8, 'rd_ratio', 0.06, '以上', 0.08, '不满', 6, '或6%-8%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 9, 'rd_ratio', 0.04, '以上', 0.06, '不满', 4, '或4%-6%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 10, 'rd_ratio', 0.03, '以上', 0.04, '不满', 2, '或3%-4%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 1, 'rd_staff_ratio', 0.20, '以上', NULL, NULL, 5, '20%以上'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 2, 'rd_staff_ratio', 0.10, '以上', 0.20, '不满', 3, '10%-20%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 3, 'rd_staff_ratio', 0.05, '以上', 0.10, '不满', 1, '5%-10%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 4, 'rd_staff_ratio', NULL, NULL, 0.05, '不满', 0, '5%以下'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 1, 'rd_institution', 4, '以上', NULL, NULL, 10, '国家级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 2, 'rd_institution', 3, '以上', 4, '不满', 8, '省级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 3, 'rd_institution', 2, '以上', 3, '不满', 4, '市级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 4, 'rd_institution', 1, '以上', 2, '不满', 2, '市级以下'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 5, 'rd_institution', NULL, NULL, 1, '不满', 0, '未建立研发机构')
) AS b(tier_code, tier_version, item, score_group, band, metric, low, low_op, high, high_op, points, label);
