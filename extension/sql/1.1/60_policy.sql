
-- ---------------------------------------------------------------------------------
-- 政策兑现 (policy engine): policies as versioned rows evaluated over firms.
-- Reference: doc/policy.md.  C: extension/policy.c (entry points), policy_*.c (engine).
--
-- A policy set is (code, year): one policy_set row, its policies, and their items (step
-- bands, prices or reductions by class, tier rewards, stages).  Shipped rows have
-- builtin = true and are read-only; pg_dump keeps the user's rows (WHERE NOT builtin).
-- Row checks live in the trigger policy_rule_check (C), so CHECK constraints never
-- depend on other tables.
-- ---------------------------------------------------------------------------------

CREATE TABLE @extschema@.policy_set (
	code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	year integer NOT NULL CHECK (year BETWEEN 1949 AND 9999),
	jurisdiction text NOT NULL,
	title text NOT NULL,
	source text NOT NULL,
	note text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year),
	UNIQUE (code, year, builtin)
);
COMMENT ON TABLE @extschema@.policy_set IS
	'政策兑现 policy sets: one row per (code, year) with jurisdiction, title and source; see doc/policy.md';

-- One policy: who is eligible (scope, class, score, tiers held or newly reached, one
-- metric in a range written with 以上/超过/以下/不满, paid once), how the amount is
-- computed (kind and its parameters), the caps, and the budget with its allocation rule.
CREATE TABLE @extschema@.policy (
	code text NOT NULL,
	year integer NOT NULL,
	policy text NOT NULL CHECK (policy ~ '^[a-z][a-z0-9_]*$'),
	label text NOT NULL,
	kind text NOT NULL,
	direction text NOT NULL DEFAULT 'pay',
	source text NOT NULL,
	note text,
	-- eligibility
	scopes text[],
	classes text[],
	prev_classes text[],
	min_score numeric,
	tiers text[],
	new_tiers text[],
	metric text,
	low numeric,
	low_op text,
	high numeric,
	high_op text,
	once boolean NOT NULL DEFAULT false,
	-- amount formula
	base_column text,
	base_label text,
	base_unit text,
	amount_label text,
	unit_scale numeric NOT NULL DEFAULT 1,
	rate numeric,
	amount @extschema@.yuan,
	start_column text,
	end_column text,
	day_count text NOT NULL DEFAULT 'loan_year',
	step_rule text NOT NULL DEFAULT 'highest',
	-- caps and budget
	cap @extschema@.yuan,
	period_cap @extschema@.yuan,
	paid_column text,
	budget @extschema@.yuan,
	allocation text NOT NULL DEFAULT 'pro_rata',
	rank_column text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, policy),
	UNIQUE (code, year, policy, builtin),
	FOREIGN KEY (code, year, builtin)
		REFERENCES @extschema@.policy_set (code, year, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.policy IS
	'政策兑现 policies: eligibility (scopes, classes, prev_classes, min_score, tiers, new_tiers, metric range, once), amount formula (kind and parameters), cap, period_cap, budget and allocation';

-- Items of a policy, by kind: step bands (low, low_op, value = 元), prices or reduction
-- shares by class (key = class, value = 元 per unit or fraction), tier or class rewards
-- (key = tier code or class, value = 元), stages (item = stage number, value = share).
CREATE TABLE @extschema@.policy_item (
	code text NOT NULL,
	year integer NOT NULL,
	policy text NOT NULL,
	item integer NOT NULL,
	key text,
	low numeric,
	low_op text,
	value numeric NOT NULL,
	label text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, policy, item),
	FOREIGN KEY (code, year, policy, builtin)
		REFERENCES @extschema@.policy (code, year, policy, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.policy_item IS
	'政策兑现 items: step bands (low, low_op, value 元), prices or shares by class (key), tier or class rewards (key), stages (item, value share)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.policy_set', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.policy', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.policy_item', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.policy_set, @extschema@.policy, @extschema@.policy_item TO PUBLIC;

CREATE FUNCTION @extschema@.policy_rule_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'policy_rule_check' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.policy_rule_check() IS
	'trigger: checks policy rule rows and keeps built-in rows read-only';

CREATE TRIGGER policy_set_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.policy_set FOR EACH ROW
	EXECUTE FUNCTION @extschema@.policy_rule_check('set');
CREATE TRIGGER policy_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.policy FOR EACH ROW
	EXECUTE FUNCTION @extschema@.policy_rule_check('policy');
CREATE TRIGGER policy_item_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.policy_item FOR EACH ROW
	EXECUTE FUNCTION @extschema@.policy_rule_check('item');

-- ---------------------------------------------------------------------------------
-- The one call, its validation and its building blocks.
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.policy_evaluate(code text, year integer, query text,
	policies text[] DEFAULT NULL)
RETURNS TABLE (ordinal bigint, credit_code text, name text, policy text, label text,
	direction text, class text, eligible boolean, amount @extschema@.yuan,
	computed @extschema@.yuan, applied text, explanation text, missing text[])
	AS 'MODULE_PATHNAME', 'policy_evaluate' LANGUAGE C VOLATILE PARALLEL UNSAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.policy_evaluate(text, integer, text, text[]) IS
	'政策兑现: every row of a query against the policies of set (code, year): eligible true/false/NULL (unknown), amount after cap and budget, explanation';

CREATE FUNCTION @extschema@.policy_validate(code text, year integer) RETURNS integer
	AS 'MODULE_PATHNAME', 'policy_validate' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_validate(text, integer) IS
	'compile a policy set, raising on bad rule data; returns the number of policies';

CREATE FUNCTION @extschema@.policy_rate_amount(base @extschema@.yuan, rate numeric)
RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME', 'policy_rate_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_rate_amount(@extschema@.yuan, numeric) IS
	'base × rate, rounded half away from zero to the 分';

CREATE FUNCTION @extschema@.policy_rate_amount(base @extschema@.yuan, rate numeric,
	start_date date, end_date date, day_count text DEFAULT 'loan_year')
RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME', 'policy_rate_amount_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_rate_amount(@extschema@.yuan, numeric, date, date, text) IS
	'base × rate × actual days / days of the year (loan_year: the year from start_date; calendar: split by calendar year), to the 分';

CREATE FUNCTION @extschema@.policy_unit_amount(quantity numeric, price numeric)
RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME', 'policy_unit_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_unit_amount(numeric, numeric) IS
	'quantity × price in 元 per unit, rounded half away from zero to the 分';

CREATE FUNCTION @extschema@.policy_land_tax_amount(land @extschema@.mu_area,
	tax_per_m2 numeric, share numeric)
RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME', 'policy_land_tax_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_land_tax_amount(@extschema@.mu_area, numeric, numeric) IS
	'城镇土地使用税 share: land in 平方米 (1亩 = 10000/15 平方米) × 元/平方米 × share, to the 分';

CREATE FUNCTION @extschema@.policy_stage_amount(total @extschema@.yuan, shares numeric[],
	stage integer)
RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME', 'policy_stage_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_stage_amount(@extschema@.yuan, numeric[], integer) IS
	'stage n of a total paid in stages: round(total × shares 1..n) - round(total × shares 1..n-1), so the stages add up to the total';

CREATE FUNCTION @extschema@.policy_allocate(amounts @extschema@.yuan[], budget @extschema@.yuan)
RETURNS @extschema@.yuan[]
	AS 'MODULE_PATHNAME', 'policy_allocate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.policy_allocate(@extschema@.yuan[], @extschema@.yuan) IS
	'amounts scaled pro rata to a short budget in 分, remainder by the largest remainder (ties: earlier element), adding up to the budget exactly';

-- Totals per policy (level 'policy') and per policy and class (level 'class'; class NULL
-- for firms without one): sums of the rows of policy_evaluate, so they equal the rows to
-- the 分.  budget_used is the policy's amount over its budget.
CREATE FUNCTION @extschema@.policy_totals(code text, year integer, query text,
	policies text[] DEFAULT NULL)
RETURNS TABLE (policy text, label text, direction text, level text, class text,
	firms bigint, not_eligible bigint, unknown bigint, amount @extschema@.yuan,
	budget @extschema@.yuan, budget_used numeric)
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT r.policy, r.label, r.direction,
		CASE WHEN GROUPING(r.class) OPERATOR(pg_catalog.=) 1 THEN 'policy' ELSE 'class' END,
		r.class,
		pg_catalog.count(*) FILTER (WHERE r.eligible),
		pg_catalog.count(*) FILTER (WHERE NOT r.eligible),
		pg_catalog.count(*) FILTER (WHERE r.eligible IS NULL),
		COALESCE(@extschema@.sum(r.amount), 0::pg_catalog.int8::@extschema@.yuan),
		p.budget,
		CASE WHEN p.budget::pg_catalog.numeric OPERATOR(pg_catalog.>) 0 THEN
			pg_catalog.round(COALESCE(pg_catalog.sum(r.amount::pg_catalog.numeric), 0)
				OPERATOR(pg_catalog./) p.budget::pg_catalog.numeric, 4) END
	FROM @extschema@.policy_evaluate(policy_totals.code, policy_totals.year,
		policy_totals.query, policy_totals.policies) r
	JOIN @extschema@.policy p
		ON p.code OPERATOR(pg_catalog.=) policy_totals.code
		AND p.year OPERATOR(pg_catalog.=) policy_totals.year
		AND p.policy OPERATOR(pg_catalog.=) r.policy
	GROUP BY GROUPING SETS ((r.policy, r.label, r.direction, p.budget, r.class),
		(r.policy, r.label, r.direction, p.budget))
	ORDER BY r.policy COLLATE "C", GROUPING(r.class) DESC, r.class COLLATE "C" NULLS LAST;
END;
COMMENT ON FUNCTION @extschema@.policy_totals(text, integer, text, text[]) IS
	'政策兑现 totals per policy and per policy and class: firms eligible, not eligible, unknown, amount (the sum of the rows), budget used';

-- Copy a policy set to a new code and/or year (user rows, editable).
CREATE FUNCTION @extschema@.policy_copy(code text, year integer, new_code text,
	new_year integer DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT @extschema@.policy_validate(policy_copy.code, policy_copy.year);
	INSERT INTO @extschema@.policy_set (code, year, jurisdiction, title, source, note)
	SELECT new_code, COALESCE(new_year, s.year), s.jurisdiction, s.title, s.source,
		pg_catalog.concat_ws(' ', s.note, pg_catalog.format('(copied from %s %s)', s.code, s.year))
	FROM @extschema@.policy_set s
	WHERE s.code OPERATOR(pg_catalog.=) policy_copy.code
		AND s.year OPERATOR(pg_catalog.=) policy_copy.year;
	INSERT INTO @extschema@.policy (code, year, policy, label, kind, direction, source, note,
		scopes, classes, prev_classes, min_score, tiers, new_tiers, metric, low, low_op,
		high, high_op, once, base_column, base_label, base_unit, amount_label, unit_scale, rate, amount,
		start_column, end_column, day_count, step_rule, cap, period_cap, paid_column,
		budget, allocation, rank_column)
	SELECT new_code, COALESCE(new_year, p.year), p.policy, p.label, p.kind, p.direction,
		p.source, p.note, p.scopes, p.classes, p.prev_classes, p.min_score, p.tiers,
		p.new_tiers, p.metric, p.low, p.low_op, p.high, p.high_op, p.once, p.base_column,
		p.base_label, p.base_unit, p.amount_label, p.unit_scale, p.rate, p.amount, p.start_column,
		p.end_column, p.day_count, p.step_rule, p.cap, p.period_cap, p.paid_column,
		p.budget, p.allocation, p.rank_column
	FROM @extschema@.policy p
	WHERE p.code OPERATOR(pg_catalog.=) policy_copy.code
		AND p.year OPERATOR(pg_catalog.=) policy_copy.year;
	INSERT INTO @extschema@.policy_item (code, year, policy, item, key, low, low_op, value, label)
	SELECT new_code, COALESCE(new_year, i.year), i.policy, i.item, i.key, i.low, i.low_op,
		i.value, i.label
	FROM @extschema@.policy_item i
	WHERE i.code OPERATOR(pg_catalog.=) policy_copy.code
		AND i.year OPERATOR(pg_catalog.=) policy_copy.year;
	SELECT pg_catalog.count(*)::integer FROM @extschema@.policy p
	WHERE p.code OPERATOR(pg_catalog.=) new_code
		AND p.year OPERATOR(pg_catalog.=) COALESCE(new_year, policy_copy.year);
END;
COMMENT ON FUNCTION @extschema@.policy_copy(text, integer, text, integer) IS
	'copies a policy set (policies and items) to a new code and/or year as user rows; returns the number of policies';

-- ---------------------------------------------------------------------------------
-- Shipped policy sets.  Every row says where its numbers come from; "assumed" marks a
-- value the sources do not give.  DR = /work/shared/reference/domain-research.md as
-- cited in doc/policy.md.
-- ---------------------------------------------------------------------------------

-- 杭州 专精特新贷 (DR §7a [R1]): "on the actual amount of a one-year 专精特新 bank-guarantee
-- loan, a subsidy of not more than 1%; one application per firm per year; at most 10万元
-- per firm; a loan repaid early (term under one year) is subsidised for the actual term",
-- per 《关于打造全国专精特新名城的实施意见》 and 《杭州市专精特新贷操作细则(试行)》.
-- 余杭 listing rewards paid in four stages, quarterly ("季度兑现", DR §7a [R5]): the
-- number of stages is sourced; the total and the equal shares are assumed.
INSERT INTO @extschema@.policy_set (code, year, jurisdiction, title, source, note, builtin) VALUES
('hangzhou', 2025, '浙江省杭州市（余杭区兑现）', '杭州市专精特新贷贴息；余杭区上市奖励分段兑现',
 '《关于打造全国专精特新名城的实施意见》；《杭州市专精特新贷操作细则(试行)》 - DR §7a [R1]; 余杭 "季度兑现" - DR §7a [R5]',
 'Sourced: the 1% ceiling, 10万元 per firm, one-year loans, actual term when repaid early, four quarterly stages. Assumed: the rate paid is the 1% ceiling; the listing reward total (200万元) and equal stages.',
 true);

INSERT INTO @extschema@.policy (code, year, policy, label, kind, direction, source, note,
	tiers, metric, low, low_op, once, base_column, base_label, amount_label, rate,
	start_column, end_column, day_count, cap, period_cap, paid_column, builtin)
VALUES ('hangzhou', 2025, 'zjtx_loan', '专精特新贷贴息', 'rate', 'pay',
	'DR §7a [R1]: 不超过1%, 每家企业最高10万元, 提前还款按实际期限',
	'Firms holding 专精特新 (tier zjtx) with a loan (loan_amount 超过 0; 0 = no loan, NULL = unknown). Dates loan_start and loan_end (repaid or due); days over the days of the loan year (365 or 366).',
	'{zjtx}', 'loan_amount', 0, '超过', false, 'loan_amount', '贷款金额', '贴息', 0.01, 'loan_start', 'loan_end', 'loan_year',
	'100000'::numeric::@extschema@.yuan, NULL, NULL, true);

INSERT INTO @extschema@.policy (code, year, policy, label, kind, direction, source, note,
	base_column, amount, builtin)
VALUES ('hangzhou', 2025, 'listing_stages', '上市奖励（分段兑现）', 'staged', 'pay',
	'DR §7a [R5]: four stages, paid quarterly; total and shares assumed',
	'Column listing_stage: the stage due this quarter (1 to 4).',
	'listing_stage', '2000000'::numeric::@extschema@.yuan, true);

INSERT INTO @extschema@.policy_item (code, year, policy, item, value, label, builtin)
SELECT 'hangzhou', 2025, 'listing_stages', s, 0.25, pg_catalog.format('第%s期', s), true
FROM pg_catalog.generate_series(1, 4) AS s;

-- 慈溪 (宁波) 2024: the 差别化 prices by class.  Sourced: Cixi links a 差别化电价 surcharge
-- and its refund to the 亩均 result (慈亩均办〔2024〕40号, DR §1.7 [S12]); Zhejiang prices
-- land, electricity, water and gas by class (DR §1.7 [S2]).  Every number is assumed
-- (DR §1.7 gives the commonly reported D +0.10 元/千瓦时 and C +0.05 元/千瓦时, unsourced;
-- the water, sewage and land-tax figures are ours): copy the set and enter the county's own.
INSERT INTO @extschema@.policy_set (code, year, jurisdiction, title, source, note, builtin) VALUES
('cixi', 2024, '浙江省宁波市慈溪市', '慈溪市亩均效益评价结果差别化政策（电、水、污水、城镇土地使用税）',
 '慈亩均办〔2024〕40号 (差别化电价 linked to the class) - DR §1.7 [S12]; 浙政发〔2018〕5号 prices by class - DR §1.7 [S2]',
 'Sourced: which prices depend on the class. Assumed: every number (DR §1.7: "treat these as configuration").',
 true);

INSERT INTO @extschema@.policy (code, year, policy, label, kind, direction, source, note,
	base_column, base_label, base_unit, unit_scale, rate, builtin)
VALUES
('cixi', 2024, 'electricity', '差别化电价', 'per_unit', 'charge',
 'DR §1.7 [S12]; prices assumed (DR §1.7, unsourced: D +0.10, C +0.05 元/千瓦时)',
 'Column electricity in 万千瓦时 (the shared attribute), priced per 千瓦时.',
 'electricity', '用电', '万千瓦时', 10000, NULL, true),
('cixi', 2024, 'water', '差别化水价', 'per_unit', 'charge',
 'DR §1.7 [S2]; prices assumed', 'Column water_t: 用水量 in 吨.',
 'water_t', '用水', '吨', 1, NULL, true),
('cixi', 2024, 'sewage', '差别化污水处理费', 'per_unit', 'charge',
 'DR §1.7 [S2]; prices assumed', 'Column sewage_t: 污水排放量 in 吨.',
 'sewage_t', '污水', '吨', 1, NULL, true),
('cixi', 2024, 'land_tax', '城镇土地使用税减免', 'land_tax', 'reduce',
 'DR §1.7 (A/B reductions, unsourced); 元/平方米 and shares assumed',
 'Column land (亩) in 平方米 × 6元/平方米 (assumed) × the class''s share.',
 'land', '用地', NULL, 1, 6, true);

INSERT INTO @extschema@.policy_item (code, year, policy, item, key, value, label, builtin) VALUES
('cixi', 2024, 'electricity', 1, 'C', 0.05, 'C类加价（assumed）', true),
('cixi', 2024, 'electricity', 2, 'D', 0.10, 'D类加价（assumed）', true),
('cixi', 2024, 'water', 1, 'C', 0.50, 'C类加价（assumed）', true),
('cixi', 2024, 'water', 2, 'D', 1.00, 'D类加价（assumed）', true),
('cixi', 2024, 'sewage', 1, 'C', 0.50, 'C类加价（assumed）', true),
('cixi', 2024, 'sewage', 2, 'D', 1.00, 'D类加价（assumed）', true),
('cixi', 2024, 'land_tax', 1, 'A', 1.00, 'A类全额减免（assumed）', true),
('cixi', 2024, 'land_tax', 2, 'B', 0.50, 'B类减半（assumed）', true);

-- 嵊州 (绍兴) 《加快推进工业经济高质量发展若干政策》 (2022-12, republished 2023-06-09,
-- http://www.szzj.gov.cn/art/2023/6/9/art_1529980_59046754.html):
--   (一) "对当年评为省级未来工厂、省级智能工厂、绍兴市级智能工厂、省级数字化车间、绍兴市级
--        数字化车间的，分别给予100万元、30万元、20万元、15万元、10万元奖励" - the three
--        provincial titles are the tiers zj_future_factory, zj_smart_factory and
--        zj_digital_workshop; a firm named to several in one year is paid the highest
--        (assumed: the text does not say);
--   (二) software firms: "年销售收入首次突破1000万元、2000万元、5000万元、1亿元的，分别给予
--        一次性奖励10万元、20万元、50万元、100万元" - the band newly reached, once per band;
--        a firm crossing two bands in one year is paid the higher (assumed).
INSERT INTO @extschema@.policy_set (code, year, jurisdiction, title, source, note, builtin) VALUES
('shengzhou', 2023, '浙江省绍兴市嵊州市', '嵊州市加快推进工业经济高质量发展若干政策（节选）',
 '嵊州市《加快推进工业经济高质量发展若干政策》 http://www.szzj.gov.cn/art/2023/6/9/art_1529980_59046754.html',
 'Sourced: the reward amounts and bands. Assumed: the highest reward when several titles or bands are reached in one year; 年销售收入 read as revenue (营业收入).',
 true);

INSERT INTO @extschema@.policy (code, year, policy, label, kind, direction, source, note,
	new_tiers, once, base_column, base_label, step_rule, builtin)
VALUES
('shengzhou', 2023, 'smart_factory', '未来工厂、智能工厂、数字化车间奖励', 'one_off', 'pay',
 '嵊州 若干政策 一(一): 省级未来工厂100万元、省级智能工厂30万元、省级数字化车间15万元',
 'Column new_tiers: the tiers reached this year (from tier_check of this year, not held last year).',
 '{zj_future_factory,zj_smart_factory,zj_digital_workshop}', true, NULL, NULL, 'highest', true),
('shengzhou', 2023, 'software_revenue', '软件企业销售收入首次突破奖励', 'new_step', 'pay',
 '嵊州 若干政策 一(二): 首次突破1000万元、2000万元、5000万元、1亿元 奖励10、20、50、100万元',
 'Columns revenue and revenue_prev1; rewarded lists the bands already paid (software_revenue:1 to :4). Only for software firms: the caller''s query selects them.',
 NULL, true, 'revenue', '年销售收入', 'highest', true);

INSERT INTO @extschema@.policy_item (code, year, policy, item, key, low, low_op, value, label, builtin) VALUES
('shengzhou', 2023, 'smart_factory', 1, 'zj_future_factory', NULL, NULL, 1000000, '省级未来工厂', true),
('shengzhou', 2023, 'smart_factory', 2, 'zj_smart_factory', NULL, NULL, 300000, '省级智能工厂', true),
('shengzhou', 2023, 'smart_factory', 3, 'zj_digital_workshop', NULL, NULL, 150000, '省级数字化车间', true),
('shengzhou', 2023, 'software_revenue', 1, NULL, 10000000, '以上', 100000, '1000万元', true),
('shengzhou', 2023, 'software_revenue', 2, NULL, 20000000, '以上', 200000, '2000万元', true),
('shengzhou', 2023, 'software_revenue', 3, NULL, 50000000, '以上', 500000, '5000万元', true),
('shengzhou', 2023, 'software_revenue', 4, NULL, 100000000, '以上', 1000000, '1亿元', true);
