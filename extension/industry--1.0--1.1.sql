-- industry 1.0 -> 1.1: everything new or changed since the released 1.0 script, one
-- section per topic.  The fresh 1.1 install script (industry--1.1.sql, built by the
-- Makefile) is the 1.0 script followed by this file, so every statement here runs both
-- when a 1.0 installation is updated and at the end of a fresh install and must be valid
-- in both; test/t/003_upgrade.pl compares the two, object by object.
\echo Use "ALTER EXTENSION industry UPDATE TO '1.1'" to load this file. \quit

-- ======================================================================================
-- output
-- ======================================================================================


-- 10_output.sql (issue 9): the types' text output is a plain decimal number in the base
-- unit (元, 亩, 元/亩), exactly what ::numeric prints; the output functions keep their
-- names, symbols and labels, so nothing here touches them.  Bulletin display with a unit
-- chosen by magnitude (what 1.0 printed) is format_auto(T); a fixed unit is format_unit.
DO $output$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE OR REPLACE FUNCTION @extschema@.format_auto(@extschema@.%1$I) RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			COMMENT ON FUNCTION @extschema@.format_auto(@extschema@.%1$I) IS
				'display text, exact, in the unit bulletins choose by magnitude (亿元 from 1亿, 万元 from 1万; 万元/亩 from 1万元/亩; 亩)';
			$f$, t, t || '_format_auto');
	END LOOP;
END
$output$;

-- 亩均 of one enterprise with a zero-land guard: NULL when land is 0 (or either is NULL).
-- tax / NULLIF(land, '0亩') does the same in a query, but a view or generated column
-- written that way does not restore from pg_dump: NULLIF is deparsed without its
-- operator, and the restore (search_path = '') finds no mu_area = mu_area.
CREATE OR REPLACE FUNCTION @extschema@.per_mu_or_null(tax @extschema@.yuan, land @extschema@.mu_area)
	RETURNS @extschema@.yuan_per_mu
	AS 'MODULE_PATHNAME', 'yuan_div_mu_area_or_null' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.per_mu_or_null(@extschema@.yuan, @extschema@.mu_area) IS
	'yuan / mu_area (亩均), NULL when the land is 0; restores from pg_dump, unlike NULLIF';

-- Phrase conventions of published bulletins as arguments whose defaults are the 1.0
-- wording: growth_phrase(current, base, digits, multiples, multiple_digits, turn_profit)
-- and pp_phrase(current_pct, base_pct, digits, verbs).  A second overload beside the 1.0
-- three-argument functions would make every call ambiguous, and dropping them would
-- break the views a district built on them under 1.0.  So the 1.0 functions are renamed
-- to growth_phrase_1_0 / pp_phrase_1_0 (a view keeps calling the same function, by OID,
-- and its dump names the kept function, which every 1.1 install has) and the new
-- functions take the name; the C entry points read the extra arguments only when given.
DO $phrases$
DECLARE
	t text;
	c text;
BEGIN
	FOR t, c IN VALUES
		('pg_catalog.numeric', 'numeric'), ('pg_catalog.float8', 'float8'), ('pg_catalog.int8', 'int64'),
		('@extschema@.mu_area', 'int64'), ('@extschema@.yuan', 'int64'), ('@extschema@.yuan_per_mu', 'int64')
	LOOP
		EXECUTE pg_catalog.format($f$
			ALTER FUNCTION @extschema@.growth_phrase(%1$s, %1$s, pg_catalog.int4) RENAME TO growth_phrase_1_0;
			COMMENT ON FUNCTION @extschema@.growth_phrase_1_0(%1$s, %1$s, pg_catalog.int4) IS
				'the 1.0 growth_phrase, kept so that views made under 1.0 keep working; call growth_phrase';
			CREATE FUNCTION @extschema@.growth_phrase(current %1$s, base %1$s,
					digits pg_catalog.int4 DEFAULT 1, multiples pg_catalog.bool DEFAULT true,
					multiple_digits pg_catalog.int4 DEFAULT 2, turn_profit pg_catalog.text DEFAULT '由亏转盈')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_phrase_' || c);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['numeric', 'float8']
	LOOP
		EXECUTE pg_catalog.format($f$
			ALTER FUNCTION @extschema@.pp_phrase(pg_catalog.%1$I, pg_catalog.%1$I, pg_catalog.int4) RENAME TO pp_phrase_1_0;
			COMMENT ON FUNCTION @extschema@.pp_phrase_1_0(pg_catalog.%1$I, pg_catalog.%1$I, pg_catalog.int4) IS
				'the 1.0 pp_phrase, kept so that views made under 1.0 keep working; call pp_phrase';
			CREATE FUNCTION @extschema@.pp_phrase(current_pct pg_catalog.%1$I, base_pct pg_catalog.%1$I,
					digits pg_catalog.int4 DEFAULT 1, verbs pg_catalog.text DEFAULT '提高/回落')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_pp_phrase_' || t);
	END LOOP;
END
$phrases$;

-- ======================================================================================
-- kit
-- ======================================================================================


-- Engine kit (doc/dev.md "Rule sets"): the generic guard of rule tables.  A BEFORE ROW
-- trigger keeping the rows shipped with the extension (builtin = true) read-only outside
-- the extension's own scripts; its optional argument names the copy function for the
-- hint.  Engines whose rows need checks of their own call the same C guard from their
-- own trigger (evaluation_rule_check does).
CREATE OR REPLACE FUNCTION @extschema@.rule_set_guard() RETURNS trigger
	AS 'MODULE_PATHNAME', 'rule_set_guard' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.rule_set_guard() IS
	'trigger: keeps the built-in rows of a rule table read-only (argument: the copy function, for the hint)';

-- The one check of every copy function (evaluation_copy_scheme, tier_copy, policy_copy):
-- the source exists (42704), the target does not yet (42710), no name is NULL (22004).
CREATE FUNCTION @extschema@.rule_copy_check(what text, source text, source_exists boolean,
	target text, target_exists boolean, table_name text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $fn$
BEGIN
	IF source IS NULL OR target IS NULL THEN
		RAISE EXCEPTION 'the names of the % to copy and of its copy must not be NULL', what
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT source_exists THEN
		RAISE EXCEPTION '% "%" does not exist', what, source
			USING ERRCODE = 'undefined_object',
				  HINT = pg_catalog.format('See the rows of %s.', table_name);
	END IF;
	IF target_exists THEN
		RAISE EXCEPTION '% "%" already exists', what, target
			USING ERRCODE = 'duplicate_object',
				  HINT = 'Copy to a new name, or delete the existing rule set first.';
	END IF;
END;
$fn$;
COMMENT ON FUNCTION @extschema@.rule_copy_check(text, text, boolean, text, boolean, text) IS
	'the check of every copy function: 22004 for a NULL name, 42704 when the source does not exist, 42710 when the target exists';

-- ======================================================================================
-- evaluation_rules
-- ======================================================================================

-- 亩均效益综合评价 rules (issue 10): one rounding and one direction per quota boundary.
-- Each class but the last sets the cut-off below it: cut_rounding (NULL: the scheme's
-- quota_rounding, so 1.0 rows keep their meaning) and cut_from ('top': the cumulative
-- quota of the classes above, the 1.0 rule; 'bottom': n minus the rounded quota of the
-- classes below, "后5%为D").  doc/evaluation.md §2.3.
ALTER TABLE @extschema@.evaluation_class
	ADD COLUMN cut_rounding text,
	ADD COLUMN cut_from text NOT NULL DEFAULT 'top';
COMMENT ON COLUMN @extschema@.evaluation_class.cut_rounding IS
	'rounding of the quota cut-off below this class (round, floor, ceil); NULL: the scheme''s quota_rounding';
COMMENT ON COLUMN @extschema@.evaluation_class.cut_from IS
	'top: the cut-off below this class is n × the quotas of this and the better classes; bottom: n minus n × the quotas of the worse classes';

-- 参与评价、不定等级、参照B类管理 [S16]: with exempt_class set, firms exempted by exempt_reason,
-- registration, land supply or not producing are scored and listed with that class, status
-- 'managed', and take no place in the quota ranking (min_land still only lists them).
-- NULL (the default, and every 1.0 row) keeps them unscored as before.
ALTER TABLE @extschema@.evaluation_scheme ADD COLUMN exempt_class text;

-- 承租企业跟随宗地主 (Jiangshan [S6]): in a list with tenant_follows_landlord, a firm that
-- would be graded and names a landlord (input landlord_code) outside a 小微园 (input
-- small_park) is scored, takes its landlord's class (status 'inherited') and no quota place.
ALTER TABLE @extschema@.evaluation_scheme
	ADD COLUMN tenant_follows_landlord boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.evaluation_scheme.tenant_follows_landlord IS
	'a tenant (input landlord_code, not in a 小微园 per input small_park) takes its landlord''s class without a quota place';
COMMENT ON COLUMN @extschema@.evaluation_scheme.exempt_class IS
	'class given to exempt firms (参照X类管理): scored and listed with this class, outside the quota ranking; NULL: not scored';

-- Related firms evaluated as one unit (遂昌 [S11], 黄岩 [S4]): firms with the same input
-- unit_code form a combined unit whose amounts are summed.  combine = 'none' (the default,
-- every 1.0 row): unit_code is ignored; 'merged': the unit is evaluated in its members'
-- stead, takes one place, and every member gets its result (status 'combined'); 'also':
-- each member is evaluated alone and the unit is scored too, without a place.  The same
-- value on every list of a rule set.  doc/evaluation.md §2.7.
ALTER TABLE @extschema@.evaluation_scheme
	ADD COLUMN combine text NOT NULL DEFAULT 'none';
COMMENT ON COLUMN @extschema@.evaluation_scheme.combine IS
	'related firms (input unit_code): none (each alone), merged (the unit evaluated in the members'' stead, one place), also (each alone and the unit too, without a place)';

-- Scoring methods rank (weight × (m - r + 1) / m by the value's rank r among the m firms of
-- the group with a value) and step (分档计分): steps are value thresholds, strictly
-- decreasing, step_points the points from each step up, plus one for below every step.
-- NULL for every other method (every 1.0 row).
ALTER TABLE @extschema@.evaluation_indicator
	ADD COLUMN steps numeric[],
	ADD COLUMN step_points numeric[];
COMMENT ON COLUMN @extschema@.evaluation_indicator.steps IS
	'method step (分档计分): value thresholds, strictly decreasing; NULL for other methods';
COMMENT ON COLUMN @extschema@.evaluation_indicator.step_points IS
	'method step: points from each step up, then the points below every step (one more element than steps)';

-- Missing-data rule score: a missing value scores missing_score points (negative for a
-- deduction: an older scheme's "能耗数据为零或缺失扣3分" is -3 [S18]).  NULL under every
-- other rule (every 1.0 row).
ALTER TABLE @extschema@.evaluation_indicator ADD COLUMN missing_score numeric;
COMMENT ON COLUMN @extschema@.evaluation_indicator.missing_score IS
	'missing = score: the item score of a missing value, in points (negative deducts); NULL under every other rule';

-- Evaluation lists (评价名单) as data: a scheme row is a list with a name (scope, now any
-- text) and a condition on the input: match_scope (the input's scope value), land_from
-- (land 以上, inclusive), land_below (land 不满, exclusive), tenant (the input's tenant
-- flag; NULL counts as not a tenant).  A row without any condition takes the firms whose
-- scope is its name ('all': every firm), which is exactly the 1.0 meaning of every existing
-- row.  Lists must not overlap (evaluation_validate, 22023); a firm in no list is reported
-- with status 'unlisted'.
ALTER TABLE @extschema@.evaluation_scheme
	ADD COLUMN match_scope text,
	ADD COLUMN land_from @extschema@.mu_area,
	ADD COLUMN land_below @extschema@.mu_area,
	ADD COLUMN tenant boolean;
COMMENT ON COLUMN @extschema@.evaluation_scheme.match_scope IS
	'list condition: the input scope value it takes (NULL: any); a row without any condition takes scope = its own name';
COMMENT ON COLUMN @extschema@.evaluation_scheme.land_from IS
	'list condition: land at least this (以上)';
COMMENT ON COLUMN @extschema@.evaluation_scheme.land_below IS
	'list condition: land below this (不满)';
COMMENT ON COLUMN @extschema@.evaluation_scheme.tenant IS
	'list condition: true takes only firms whose input tenant is true, false only the others (NULL tenant counts as false)';

-- Indicators as rows: value = Σ numerator columns / Σ denominator columns × scale, money in
-- 万元 and other quantities in their unit (so tax over land is 万元/亩 at scale 1).  The nine
-- built-in indicators of 1.0 are shipped rows of this table; evaluation_indicator.indicator
-- names a row of it (checked by the rule trigger, 42704).  Columns the engine does not know
-- are read from the evaluation query by name, as money (元) or a quantity per *_kind.
CREATE TABLE @extschema@.evaluation_indicator_def (
	indicator text PRIMARY KEY,
	name text NOT NULL,
	unit text NOT NULL,
	numerator text[] NOT NULL,
	denominator text[] NOT NULL,
	numerator_kind text NOT NULL DEFAULT 'quantity',
	denominator_kind text NOT NULL DEFAULT 'quantity',
	scale numeric NOT NULL DEFAULT 1,
	source text,
	builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.evaluation_indicator_def IS
	'亩均评价 indicators: value = sum of numerator columns / sum of denominator columns × scale (money in 万元); see doc/evaluation.md';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_indicator_def', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.evaluation_indicator_def TO PUBLIC;

CREATE FUNCTION @extschema@.evaluation_indicator_def_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'evaluation_indicator_def_check' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_indicator_def_check() IS
	'trigger: checks indicator definitions, keeps built-in ones read-only and used ones in place';
CREATE TRIGGER evaluation_indicator_def_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_indicator_def FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_indicator_def_check();

-- The nine indicators of SPEC §4.1 (rd_intensity divides by revenue instead when the
-- scheme's rd_denominator is 'revenue').
INSERT INTO @extschema@.evaluation_indicator_def (indicator, name, unit, numerator, denominator,
	source, builtin)
VALUES ('tax_per_mu', '亩均税收', '万元/亩', '{tax}', '{land}', '[S3] 亩均税收 = 评价税收 / 用地面积', true),
	('va_per_mu', '亩均增加值', '万元/亩', '{value_added}', '{land}', '[S3]', true),
	('revenue_per_mu', '亩均营业收入', '万元/亩', '{revenue}', '{land}', '[S8]', true),
	('va_per_energy', '单位能耗增加值', '万元/吨标煤', '{value_added}', '{energy_tce}', '[S3] 增加值 / 综合能耗（等价值）', true),
	('va_per_emission', '单位排放增加值', '万元/吨', '{value_added}', '{emission_t}', '[S3] emission_t = COD + SO2 + 氨氮 + NOx', true),
	('labor_productivity', '全员劳动生产率', '万元/人', '{value_added}', '{employees}', '[S3]', true),
	('rd_intensity', 'R&D经费支出占比', 'ratio', '{rd}', '{main_revenue}', '[S3]', true),
	('tax_per_kwh', '单位电耗税收', '万元/万千瓦时', '{tax}', '{electricity}', '[S3]', true),
	('revenue_per_kwh', '单位用电营业收入', '万元/万千瓦时', '{revenue}', '{electricity}', '[S8]', true);
-- Every rule row names a definition.  Besides the integrity, the foreign key makes pg_dump
-- restore the user's definitions before the rule rows that use them (config tables' data
-- follows their foreign keys); the rule trigger raises the friendlier 42704 first.
ALTER TABLE @extschema@.evaluation_indicator
	ADD CONSTRAINT evaluation_indicator_definition_fkey FOREIGN KEY (indicator)
	REFERENCES @extschema@.evaluation_indicator_def (indicator);

CREATE FUNCTION @extschema@.quota_class(rank bigint, group_size bigint, quotas numeric[],
	classes text[], cut_roundings text[], cut_from text[])
RETURNS text
	AS 'MODULE_PATHNAME', 'quota_class_by_boundary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quota_class(bigint, bigint, numeric[], text[], text[], text[]) IS
	'class of the firm at a rank position in a group, by quotas in percent, with one rounding and one direction (top or bottom) per class boundary';

CREATE OR REPLACE FUNCTION @extschema@.evaluation_copy_scheme(scheme text, year integer,
	new_scheme text, new_year integer DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT @extschema@.rule_copy_check('rule set',
		CASE WHEN evaluation_copy_scheme.scheme IS NOT NULL AND evaluation_copy_scheme.year IS NOT NULL THEN
			pg_catalog.format('%s %s', evaluation_copy_scheme.scheme, evaluation_copy_scheme.year) END,
		EXISTS (SELECT FROM @extschema@.evaluation_scheme s
				 WHERE s.code OPERATOR(pg_catalog.=) evaluation_copy_scheme.scheme
				   AND s.year OPERATOR(pg_catalog.=) evaluation_copy_scheme.year),
		CASE WHEN new_scheme IS NOT NULL THEN
			pg_catalog.format('%s %s', new_scheme, COALESCE(new_year, evaluation_copy_scheme.year)) END,
		EXISTS (SELECT FROM @extschema@.evaluation_scheme s
				 WHERE s.code OPERATOR(pg_catalog.=) new_scheme
				   AND s.year OPERATOR(pg_catalog.=) COALESCE(new_year, evaluation_copy_scheme.year)),
		'evaluation_scheme');
	SELECT @extschema@.evaluation_validate(scheme, year);
	INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source,
		note, group_by_industry, classification, quota_rounding, tie_rule, score_digits,
		rd_denominator, min_land, exempt_registered_years, exempt_land_years,
		exempt_not_producing, veto_rule, veto_steps, exempt_class, match_scope, land_from,
		land_below, tenant, tenant_follows_landlord, combine, builtin)
	SELECT new_scheme, COALESCE(new_year, s.year), s.scope, s.jurisdiction, s.title, s.source,
		pg_catalog.concat_ws(' ', s.note, pg_catalog.format('(copied from %s %s)', s.code, s.year)),
		s.group_by_industry, s.classification, s.quota_rounding, s.tie_rule, s.score_digits,
		s.rd_denominator, s.min_land, s.exempt_registered_years, s.exempt_land_years,
		s.exempt_not_producing, s.veto_rule, s.veto_steps, s.exempt_class, s.match_scope,
		s.land_from, s.land_below, s.tenant, s.tenant_follows_landlord, s.combine, false
	FROM @extschema@.evaluation_scheme s
	WHERE s.code = evaluation_copy_scheme.scheme AND s.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
		benchmark_kind, benchmark, multiplier, method, cap, floor, missing, source, steps,
		step_points, missing_score, builtin)
	SELECT new_scheme, COALESCE(new_year, i.year), i.scope, i.indicator, i.weight,
		i.benchmark_kind, i.benchmark, i.multiplier, i.method, i.cap, i.floor, i.missing,
		i.source, i.steps, i.step_points, i.missing_score, false
	FROM @extschema@.evaluation_indicator i
	WHERE i.code = evaluation_copy_scheme.scheme AND i.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_class (code, year, scope, position, class, label, quota,
		min_score, cut_rounding, cut_from, builtin)
	SELECT new_scheme, COALESCE(new_year, c.year), c.scope, c.position, c.class, c.label,
		c.quota, c.min_score, c.cut_rounding, c.cut_from, false
	FROM @extschema@.evaluation_class c
	WHERE c.code = evaluation_copy_scheme.scheme AND c.year = evaluation_copy_scheme.year;
	SELECT pg_catalog.count(*)::integer FROM @extschema@.evaluation_scheme s
	WHERE s.code = new_scheme AND s.year = COALESCE(new_year, evaluation_copy_scheme.year);
END;


CREATE FUNCTION @extschema@.rank_score(rank bigint, count bigint, weight numeric,
	cap numeric DEFAULT NULL, floor numeric DEFAULT NULL)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'rank_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rank_score(bigint, bigint, numeric, numeric, numeric) IS
	'item score of the rank method: weight × (count - rank + 1) / count, 6 decimals, then floor and cap (multiples of the weight)';

CREATE FUNCTION @extschema@.step_score(value numeric, weight numeric, steps numeric[],
	step_points numeric[], cap numeric DEFAULT NULL, floor numeric DEFAULT NULL)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'step_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.step_score(numeric, numeric, numeric[], numeric[], numeric, numeric) IS
	'item score of the step method (分档计分): the points of the first step the value reaches, else the last step_points; then floor and cap';


-- evaluation_distribution counts firms: the row of a unit under combine = 'also' (status
-- 'combined' without a rank) repeats its members, who are counted on their own rows.
CREATE OR REPLACE FUNCTION @extschema@.evaluation_distribution(scheme text, year integer, query text)
RETURNS TABLE (scope text, industry_group text, class text, label text, firms bigint,
	percent numeric, land @extschema@.mu_area)
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
	WITH r AS (
		SELECT e.scope, e.industry_group, e.class, e.land
		FROM @extschema@.evaluate(evaluation_distribution.scheme, evaluation_distribution.year,
			evaluation_distribution.query) e
		WHERE NOT (e.status OPERATOR(pg_catalog.=) 'combined' AND e.rank IS NULL)
	), g AS (
		SELECT DISTINCT r.scope, r.industry_group FROM r
	), cells AS (
		SELECT g.scope, g.industry_group, c.position, c.class, c.label,
			(SELECT pg_catalog.count(*) FROM r
			 WHERE r.scope = g.scope AND r.industry_group IS NOT DISTINCT FROM g.industry_group
			   AND r.class = c.class) AS firms,
			(SELECT pg_catalog.sum(r.land::pg_catalog.numeric) FROM r
			 WHERE r.scope = g.scope AND r.industry_group IS NOT DISTINCT FROM g.industry_group
			   AND r.class = c.class) AS land
		FROM g JOIN @extschema@.evaluation_class c
			ON c.code = evaluation_distribution.scheme AND c.year = evaluation_distribution.year
			AND c.scope = g.scope
	), pct AS (
		SELECT cells.*,
			(@extschema@.largest_remainder(
				pg_catalog.array_agg(cells.firms) OVER (PARTITION BY cells.scope, cells.industry_group
					ORDER BY cells.position ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
				1))[cells.position] AS percent
		FROM cells
	)
	SELECT x.scope, x.industry_group, x.class, x.label, x.firms, x.percent, x.land
	FROM (
		SELECT pct.scope, pct.industry_group, pct.position, pct.class, pct.label, pct.firms,
			pct.percent, COALESCE(pct.land, 0)::@extschema@.mu_area AS land
		FROM pct
		UNION ALL
		SELECT r.scope, r.industry_group, 2147483647, NULL, '不参评', pg_catalog.count(*), NULL,
			COALESCE(pg_catalog.sum(r.land::pg_catalog.numeric), 0)::@extschema@.mu_area
		FROM r WHERE r.class IS NULL
		GROUP BY r.scope, r.industry_group
	) x
	ORDER BY x.scope COLLATE "C", x.industry_group COLLATE "C" NULLS LAST, x.position;
END;
COMMENT ON FUNCTION @extschema@.evaluation_distribution(text, integer, text) IS
	'class distribution per group: firms, percent (adding up to 100.0), land; the last class''s land is the 腾笼换鸟 list';

-- ======================================================================================
-- tier_criteria
-- ======================================================================================


-- ---------------------------------------------------------------------------------
-- 40_tier_criteria: tier criteria as the legal texts write them (issue 14).
--   * every shipped criterion and score band carries the phrase of the text it
--     follows (source_phrase), and its operator is the one that phrase names:
--     以上/以下 (and 及以上, 不低于, 不高于, 不超过, 达到) include the number, 超过/不满
--     (低于) exclude it; the band edges written "X以下" now include X;
--   * SME size by 工信部联企业〔2011〕300号 as written (1000人以下 or 40000万元以下,
--     inclusive); the statistical 划分办法 (exclusive) is the separate rule sme_nbs;
--   * 小巨人 needs 链 and 品 both, and is for 中小企业;
--   * 单项冠军: 2016 "1-2个特定细分产品市场", 2022 核心自主知识产权 and 盈利能力.
-- Shipped rows are corrected here; the same statements run on an updated 1.0 and at the
-- end of a fresh install, so both hold the same rows.  doc/tiers.md has the audit.
-- ---------------------------------------------------------------------------------

ALTER TABLE @extschema@.tier_criterion ADD COLUMN source_phrase text;
ALTER TABLE @extschema@.tier_score_band ADD COLUMN source_phrase text;
COMMENT ON COLUMN @extschema@.tier_criterion.source_phrase IS
	'the words of the source text this criterion follows; its operators are the ones these words name';
COMMENT ON COLUMN @extschema@.tier_score_band.source_phrase IS
	'the words of the source table this band follows; its operators are the ones these words name';

-- tier_copy copies the phrases too.
CREATE OR REPLACE FUNCTION @extschema@.tier_copy(code text, version text, new_version text)
RETURNS void
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT @extschema@.rule_copy_check('tier',
		CASE WHEN tier_copy.code IS NOT NULL AND tier_copy.version IS NOT NULL THEN
			pg_catalog.concat(tier_copy.code, ':', tier_copy.version) END,
		EXISTS (SELECT FROM @extschema@.tier_definition d
				 WHERE d.code OPERATOR(pg_catalog.=) tier_copy.code
				   AND d.version OPERATOR(pg_catalog.=) tier_copy.version),
		CASE WHEN new_version IS NOT NULL THEN pg_catalog.concat(tier_copy.code, ':', new_version) END,
		EXISTS (SELECT FROM @extschema@.tier_definition d
				 WHERE d.code OPERATOR(pg_catalog.=) tier_copy.code
				   AND d.version OPERATOR(pg_catalog.=) new_version),
		'tier_definition');
	INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note)
	SELECT d.code, new_version, d.label, d.source, CURRENT_DATE, d.growth_average,
		pg_catalog.concat_ws('; ', d.note, 'copied from ' OPERATOR(pg_catalog.||) d.version)
	FROM @extschema@.tier_definition d
	WHERE d.code OPERATOR(pg_catalog.=) tier_copy.code AND d.version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
		metric, required_tier, required_version, low, low_op, high, high_op,
		when_metric, when_low, when_low_op, when_high, when_high_op, source_phrase)
	SELECT c.tier_code, new_version, c.criterion, c.label, c.requirement, c.route,
		c.metric, c.required_tier, c.required_version, c.low, c.low_op, c.high, c.high_op,
		c.when_metric, c.when_low, c.when_low_op, c.when_high, c.when_high_op, c.source_phrase
	FROM @extschema@.tier_criterion c
	WHERE c.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND c.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_score_band (tier_code, tier_version, item, score_group, band, metric,
		low, low_op, high, high_op, points, label, source_phrase)
	SELECT b.tier_code, new_version, b.item, b.score_group, b.band, b.metric,
		b.low, b.low_op, b.high, b.high_op, b.points, b.label, b.source_phrase
	FROM @extschema@.tier_score_band b
	WHERE b.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND b.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
END;

-- absent_means_no: a per-call way to say that an absent column (jsonb key) of a
-- "has it?" attribute (flags such as high_tech, counts of IP, equity financing, the R&D
-- institution level; doc/tiers.md lists them) means "no".  The two-argument forms keep
-- absent inputs unknown.
CREATE FUNCTION @extschema@.tier_check(query text, tiers text[], absent_means_no boolean)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check'
LANGUAGE C VOLATILE PARALLEL UNSAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.tier_check(text, text[], boolean) IS
	'tier_check(query, tiers) where, with absent_means_no, an absent status column (flag, count, amount of a title or award) means no';

CREATE FUNCTION @extschema@.tier_check_record(record jsonb, tiers text[], absent_means_no boolean)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check_record'
LANGUAGE C STABLE PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.tier_check_record(jsonb, text[], boolean) IS
	'tier_check_record(record, tiers) where, with absent_means_no, an absent status key means no';

-- ---- definitions --------------------------------------------------------------------
UPDATE @extschema@.tier_definition d SET source = x.source, note = x.note
FROM (VALUES
	('sme', 'miit-2011',
	 '工信部联企业〔2011〕300号《中小企业划型标准规定》第四条(二)工业: "从业人员1000人以下或营业收入40000万元以下的为中小微型企业" - DR §3.6 [S40]',
	 '300号 as written: 以下 includes the number, so 1000人 or 40000万元 exactly is 中小微 (1.0 stored 不满); the statistical 划分办法 is the separate tier sme_nbs'),
	('sme_large', 'miit-2011',
	 '工信部联企业〔2011〕300号 工业: not 中小微, i.e. 从业人员超过1000人且营业收入超过40000万元 (300号 defines 中小微 only) - DR §3.6 [S40]',
	 'the complement of sme, so that sme and sme_large partition every firm'),
	('sme_micro', 'miit-2011',
	 '工信部联企业〔2011〕300号 工业: "从业人员20人以下或营业收入300万元以下的为微型企业" - DR §3.6 [S40]',
	 '300号 names 20人 and 300万元 both in 小型 (及以上) and in 微型 (以下): a firm exactly there is both, as written'),
	('xjr', 'miit-2022',
	 '工信部企业〔2022〕63号 附件 专精特新"小巨人"企业认定标准 ("需同时满足专、精、特、新、链、品六个方面指标") - DR §3.3 [S23]',
	 '近2年主营业务收入平均增长率: arithmetic mean of the two yearly rates (doc/tiers.md "Readings"; set growth_average to geometric to change); 近2年研发费用总额3000万元 read as the two-year sum'),
	('dxgj', 'miit-2016',
	 '工信部产业〔2016〕105号《制造业单项冠军企业培育提升专项行动实施方案》 - DR §3.4 [S26]',
	 'profit margin above the industry (margin_above_industry) and core own IP (core_ip) are inputs (flags); 1-2个特定细分产品市场 is main_products; 全部业务收入 read as 营业收入'),
	('dxgj', 'miit-2022',
	 '工信厅联政法函〔2022〕47号 申报条件 (示范企业): 10年/新产品3年, 全球前3, 核心自主知识产权, 盈利能力超过行业企业的总体水平, 销售收入达到4亿元或4亿元以下的小巨人 - DR §3.4 [S26]',
	 'the 70% share is the 2016 示范企业 condition kept for 示范企业 (DR §3.4); 全部业务收入 read as 营业收入'),
	('dxgj_product', 'miit-2022',
	 '工信厅联政法函〔2022〕47号 申报条件 (冠军产品: the 70% condition does not apply) - DR §3.4 [S26]',
	 NULL)
) AS x(code, version, source, note)
WHERE d.code OPERATOR(pg_catalog.=) x.code AND d.version OPERATOR(pg_catalog.=) x.version AND d.builtin;

-- The statistical classification, as a rule of its own (not the default of any tier).
INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note, builtin) VALUES
('sme_nbs', 'nbs-2017', '中小微企业（工业，统计上划分）',
 '国家统计局《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号) 工业: 大型 Y≥1000 且 X≥40000 (Y 从业人员, X 营业收入 万元), so 中小微 is Y<1000 or X<40000',
 '2017-01-01', 'arithmetic', 'statistical variant of sme (1000人 and 40000万元 exactly are 大型 here); 1.0''s sme gave these verdicts', true);

-- ---- criteria: bounds as the words name them -------------------------------------------
UPDATE @extschema@.tier_criterion c
SET label = x.label, low = x.low, low_op = x.low_op, high = x.high, high_op = x.high_op
FROM (VALUES
	('sme', 'miit-2011', 'employees', '从业人员1000人以下', NULL::numeric, NULL, 1000::numeric, '以下'),
	('sme', 'miit-2011', 'revenue', '营业收入40000万元以下', NULL, NULL, 400000000, '以下'),
	('sme_large', 'miit-2011', 'employees', '从业人员超过1000人', 1000, '超过', NULL, NULL),
	('sme_large', 'miit-2011', 'revenue', '营业收入超过40000万元', 400000000, '超过', NULL, NULL),
	('sme_medium', 'miit-2011', 'sme_employees', '从业人员1000人以下', NULL, NULL, 1000, '以下'),
	('sme_medium', 'miit-2011', 'sme_revenue', '营业收入40000万元以下', NULL, NULL, 400000000, '以下'),
	('sme_small', 'miit-2011', 'sme_employees', '从业人员1000人以下', NULL, NULL, 1000, '以下'),
	('sme_small', 'miit-2011', 'sme_revenue', '营业收入40000万元以下', NULL, NULL, 400000000, '以下'),
	('sme_micro', 'miit-2011', 'employees', '从业人员20人以下', NULL, NULL, 20, '以下'),
	('sme_micro', 'miit-2011', 'revenue', '营业收入300万元以下', NULL, NULL, 3000000, '以下')
) AS x(tier_code, tier_version, criterion, label, low, low_op, high, high_op)
WHERE c.tier_code OPERATOR(pg_catalog.=) x.tier_code AND c.tier_version OPERATOR(pg_catalog.=) x.tier_version
	AND c.criterion OPERATOR(pg_catalog.=) x.criterion AND c.builtin;

-- 小巨人: 链 and 品 are two of the six aspects, each required (1.0 had them as alternatives).
UPDATE @extschema@.tier_criterion c
SET requirement = NULL, route = NULL,
	label = CASE c.criterion WHEN 'lian_chain' THEN '链: 发挥补短板、锻长板、填空白等重要作用'
		ELSE '品: 主导产品属于重点领域' END
WHERE c.tier_code OPERATOR(pg_catalog.=) 'xjr' AND c.tier_version OPERATOR(pg_catalog.=) 'miit-2022'
	AND c.criterion OPERATOR(pg_catalog.=) ANY (ARRAY['lian_chain', 'pin_key_field']) AND c.builtin;

-- New criteria.
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
	metric, low, low_op, high, high_op, builtin)
SELECT c.*, true FROM (VALUES
	('dxgj', 'miit-2016', 'niche_products', '主要从事制造业1-2个特定细分产品市场', NULL, NULL, 'main_products', 1::numeric, '以上', 2::numeric, '以下'),
	('dxgj', 'miit-2022', 'core_ip', '拥有核心自主知识产权', NULL, NULL, 'core_ip', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'margin', '盈利能力超过行业企业的总体水平', NULL, NULL, 'margin_above_industry', 1, '以上', NULL, NULL),
	('dxgj_product', 'miit-2022', 'core_ip', '拥有核心自主知识产权', NULL, NULL, 'core_ip', 1, '以上', NULL, NULL),
	('dxgj_product', 'miit-2022', 'margin', '盈利能力超过行业企业的总体水平', NULL, NULL, 'margin_above_industry', 1, '以上', NULL, NULL),
	('sme_nbs', 'nbs-2017', 'employees', '从业人员不满1000人 (Y<1000)', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme_nbs', 'nbs-2017', 'revenue', '营业收入不满40000万元 (X<40000)', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满')
) AS c(tier_code, tier_version, criterion, label, requirement, route, metric, low, low_op, high, high_op);

-- 小巨人 is for 中小企业 directly, not only through 专精特新 (which a firm may hold from
-- an earlier year, tiers_held, while it has since grown out of the SME size).
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, required_tier, required_version, builtin)
VALUES ('xjr', 'miit-2022', 'sme', '中小企业（工信部联企业〔2011〕300号）', 'sme', 'miit-2011', true);

-- ---- criteria: the phrase each one follows ---------------------------------------------
UPDATE @extschema@.tier_criterion c SET source_phrase = x.phrase
FROM (VALUES
	('guishang', 'nbs-2011', 'main_revenue', '年主营业务收入2000万元及以上的工业法人企业'),
	('xiaoshenggui', 'nbs-2011', 'below_scale', '规下工业企业（小升规：规下企业升为规上）'),
	('xiaoshenggui', 'nbs-2011', 'main_revenue', '主营业务收入达到2000万元（规上起点：2000万元及以上）'),
	('sme', 'miit-2011', 'employees', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme', 'miit-2011', 'revenue', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme_large', 'miit-2011', 'employees', '（300号不列大型企业）不属于"从业人员1000人以下或营业收入40000万元以下"'),
	('sme_large', 'miit-2011', 'revenue', '（300号不列大型企业）不属于"从业人员1000人以下或营业收入40000万元以下"'),
	('sme_medium', 'miit-2011', 'sme_employees', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme_medium', 'miit-2011', 'sme_revenue', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme_medium', 'miit-2011', 'employees', '其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业'),
	('sme_medium', 'miit-2011', 'revenue', '其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业'),
	('sme_small', 'miit-2011', 'sme_employees', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme_small', 'miit-2011', 'sme_revenue', '从业人员1000人以下或营业收入40000万元以下的为中小微型企业'),
	('sme_small', 'miit-2011', 'employees', '从业人员20人及以上，且营业收入300万元及以上的为小型企业'),
	('sme_small', 'miit-2011', 'revenue', '从业人员20人及以上，且营业收入300万元及以上的为小型企业'),
	('sme_small', 'miit-2011', 'not_medium_employees', '（非中型）中型为"从业人员300人及以上，且营业收入2000万元及以上"'),
	('sme_small', 'miit-2011', 'not_medium_revenue', '（非中型）中型为"从业人员300人及以上，且营业收入2000万元及以上"'),
	('sme_micro', 'miit-2011', 'employees', '从业人员20人以下或营业收入300万元以下的为微型企业'),
	('sme_micro', 'miit-2011', 'revenue', '从业人员20人以下或营业收入300万元以下的为微型企业'),
	('sme_nbs', 'nbs-2017', 'employees', '工业 大型：从业人员(Y) Y≥1000，营业收入(X) X≥40000'),
	('sme_nbs', 'nbs-2017', 'revenue', '工业 大型：从业人员(Y) Y≥1000，营业收入(X) X≥40000'),
	('chuangxin', 'miit-2022', 'sme', '符合《中小企业划型标准规定》的中小企业（优质中小企业由创新型中小企业、专精特新中小企业和专精特新"小巨人"企业三个层次组成）'),
	('chuangxin', 'miit-2022', 'score_total', '评价得分达到60分以上'),
	('chuangxin', 'miit-2022', 'score_innovation', '其中创新能力指标得分不低于20分'),
	('chuangxin', 'miit-2022', 'score_growth', '成长性指标及专业化指标得分均不低于15分'),
	('chuangxin', 'miit-2022', 'score_specialization', '成长性指标及专业化指标得分均不低于15分'),
	('chuangxin', 'miit-2022', 'direct_award', '（直通，满足之一）近三年内获得过国家级、省级科技奖励'),
	('chuangxin', 'miit-2022', 'direct_high_tech', '（直通）获得高新技术企业……等荣誉（均为有效期内）'),
	('chuangxin', 'miit-2022', 'direct_innovation_demo', '（直通）获得……国家级技术创新示范企业……等荣誉（均为有效期内）'),
	('chuangxin', 'miit-2022', 'direct_ip_advantage', '（直通）获得……知识产权优势企业和知识产权示范企业等荣誉（均为有效期内）'),
	('chuangxin', 'miit-2022', 'direct_rd_institution', '（直通）拥有经认定的省部级以上研发机构'),
	('chuangxin', 'miit-2022', 'direct_equity', '（直通）近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上'),
	('zjtx', 'miit-2022', 'sme', '符合《中小企业划型标准规定》的中小企业'),
	('zjtx', 'miit-2022', 'niche_years', '从事特定细分市场时间达到2年以上'),
	('zjtx', 'miit-2022', 'rd_amount', '上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%'),
	('zjtx', 'miit-2022', 'rd_ratio', '上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%'),
	('zjtx', 'miit-2022', 'revenue', '上年度营业收入总额在1000万元以上'),
	('zjtx', 'miit-2022', 'revenue_equity', '或上年度营业收入总额在1000万元以下，但近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上'),
	('zjtx', 'miit-2022', 'score_total', '评价得分达到60分以上或满足下列条件之一'),
	('zjtx', 'miit-2022', 'direct_award', '近三年获得过省级科技奖励，并在获奖单位中排名前三；或获得国家级科技奖励，并在获奖单位中排名前五'),
	('zjtx', 'miit-2022', 'direct_rd_2y_avg', '近两年研发费用总额均值在1000万元以上'),
	('zjtx', 'miit-2022', 'direct_equity', '近两年新增股权融资总额（合格机构投资者的实缴额）6000万元以上'),
	('zjtx', 'miit-2022', 'direct_maker_china', '近三年进入"创客中国"中小企业创新创业大赛全国500强企业组名单'),
	('xjr', 'miit-2022', 'sme', '优质中小企业……由创新型中小企业、专精特新中小企业和专精特新"小巨人"企业三个层次组成（均为中小企业）'),
	('xjr', 'miit-2022', 'zjtx', '专精特新"小巨人"企业从专精特新中小企业中认定（梯度培育）'),
	('xjr', 'miit-2022', 'zhuan_niche_years', '截至上年末，企业从事特定细分市场时间达到3年以上'),
	('xjr', 'miit-2022', 'zhuan_main_share', '主营业务收入总额占营业收入总额比重不低于70%'),
	('xjr', 'miit-2022', 'zhuan_main_growth', '近2年主营业务收入平均增长率不低于5%'),
	('xjr', 'miit-2022', 'jing_info_system', '至少1项核心业务采用信息系统支撑'),
	('xjr', 'miit-2022', 'jing_certification', '取得相关管理体系认证，或产品通过发达国家和地区产品认证（国际标准协会行业认证）'),
	('xjr', 'miit-2022', 'jing_debt_ratio', '企业资产负债率不高于70%'),
	('xjr', 'miit-2022', 'te_market_share', '主导产品在全国细分市场占有率达到10%以上'),
	('xjr', 'miit-2022', 'te_own_brand', '拥有直接面向市场并具有竞争优势的自主品牌'),
	('xjr', 'miit-2022', 'xin_rd_ratio_1e8', '上年度营业收入总额在1亿元以上的企业，近2年研发费用总额占营业收入总额比重均不低于3%'),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_1e8', '上年度营业收入总额在1亿元以上的企业，近2年研发费用总额占营业收入总额比重均不低于3%'),
	('xjr', 'miit-2022', 'xin_rd_ratio_5e7', '上年度营业收入总额在5000万元-1亿元的企业，近2年研发费用总额占营业收入总额比重均不低于6%'),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_5e7', '上年度营业收入总额在5000万元-1亿元的企业，近2年研发费用总额占营业收入总额比重均不低于6%'),
	('xjr', 'miit-2022', 'xin_small_equity', '上年度营业收入总额在5000万元以下的企业，同时满足近2年新增股权融资总额（合格机构投资者的实缴额）8000万元以上'),
	('xjr', 'miit-2022', 'xin_small_rd', '……且研发费用总额3000万元以上'),
	('xjr', 'miit-2022', 'xin_small_rd_staff', '……研发人员占企业职工总数比重50%以上'),
	('xjr', 'miit-2022', 'xin_rd_institution', '自建或与高等院校、科研机构联合建立研发机构，设立研发中心等'),
	('xjr', 'miit-2022', 'xin_ip_class1', '拥有2项以上与主导产品相关的Ⅰ类知识产权，且实际应用并已产生经济效益'),
	('xjr', 'miit-2022', 'xin_award', '（创新直通条件，满足一项即可）近三年获得国家级科技奖励，并在获奖单位中排名前三'),
	('xjr', 'miit-2022', 'xin_maker_china', '（创新直通条件）近三年进入"创客中国"中小企业创新创业大赛全国50强企业组名单'),
	('xjr', 'miit-2022', 'lian_chain', '位于产业链关键环节，围绕重点产业链实现关键基础技术和产品的产业化应用，发挥"补短板""锻长板""填空白"等重要作用'),
	('xjr', 'miit-2022', 'pin_key_field', '主导产品原则上属于以下重点领域：核心基础零部件、元器件、关键软件、先进基础工艺、关键基础材料和产业技术基础；或制造强国战略十大重点产业领域；或网络强国建设领域'),
	('dxgj', 'miit-2016', 'niche_products', '聚焦有限的目标市场，主要从事制造业1-2个特定细分产品市场'),
	('dxgj', 'miit-2016', 'product_share', '特定细分产品销售收入占企业全部业务收入的比重在70%以上'),
	('dxgj', 'miit-2016', 'rank_global', '单项产品市场占有率位居全球前3位'),
	('dxgj', 'miit-2016', 'margin', '企业经营业绩优秀，利润率超过同期同行业企业的总体水平'),
	('dxgj', 'miit-2016', 'core_ip', '企业持续创新能力强，拥有核心自主知识产权'),
	('dxgj', 'miit-2016', 'years', '从事相关业务领域的时间达到10年或以上'),
	('dxgj', 'miit-2016', 'years_new_product', '或从事新产品生产经营的时间达到3年或以上'),
	('dxgj', 'miit-2022', 'product_share', '（示范企业，2016年方案）特定细分产品销售收入占企业全部业务收入的比重在70%以上'),
	('dxgj', 'miit-2022', 'rank_global', '企业申请产品的市场占有率位居全球前3'),
	('dxgj', 'miit-2022', 'core_ip', '生产技术、工艺国际领先，重视研发投入，拥有核心自主知识产权'),
	('dxgj', 'miit-2022', 'margin', '经营业绩优秀，盈利能力超过行业企业的总体水平'),
	('dxgj', 'miit-2022', 'years', '从事相关领域达10年及以上'),
	('dxgj', 'miit-2022', 'years_new_product', '属于新产品的应达到3年及以上'),
	('dxgj', 'miit-2022', 'xjr', '申报企业需销售收入达到4亿元或年销售收入4亿元以下的专精特新"小巨人"企业'),
	('dxgj_product', 'miit-2022', 'rank_global', '企业申请产品的市场占有率位居全球前3'),
	('dxgj_product', 'miit-2022', 'core_ip', '生产技术、工艺国际领先，重视研发投入，拥有核心自主知识产权'),
	('dxgj_product', 'miit-2022', 'margin', '经营业绩优秀，盈利能力超过行业企业的总体水平'),
	('dxgj_product', 'miit-2022', 'years', '从事相关领域达10年及以上'),
	('dxgj_product', 'miit-2022', 'years_new_product', '属于新产品的应达到3年及以上'),
	('dxgj_product', 'miit-2022', 'xjr', '申报企业需销售收入达到4亿元或年销售收入4亿元以下的专精特新"小巨人"企业'),
	('zj_yxgj', 'zj-2025', 'years_in_operation', '连续经营10年以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'revenue', '上年度营业收入5000万元以上，原则上不超过20亿元（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'revenue_growth', '近2年营业收入保持增长（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'revenue_growth_prev1', '近2年营业收入保持增长（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'net_profit_growth', '近2年净利润平均增长率10%以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'debt_ratio', '资产负债率70%以下（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'bank_credit', '银行信用等级A级以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'niche_years', '从事细分市场10年以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'main_products', '主导产品不超过3个（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'main_share', '主营业务收入占营业收入70%以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'rank_global', '细分市场占有率全球前10位或全国前3位（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'rank_national', '细分市场占有率全球前10位或全国前3位（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'rd_ratio', '近2年研发费用占营业收入比重均在4%以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'rd_ratio_prev1', '近2年研发费用占营业收入比重均在4%以上（repost [S27]）'),
	('zj_yxgj', 'zj-2025', 'invention_patents', '拥有有效发明专利（repost [S27]）'),
	('zj_digital_workshop', 'zj-2025', 'digital_level', '数字化水平达到2.0以上（repost [S29]）'),
	('zj_digital_workshop', 'zj-2025', 'investment', '项目建成前5年内软硬件投资2000万元以上（repost [S29]）'),
	('zj_digital_workshop', 'zj-2025', 'investment_mountain_island', '山区海岛县1500万元以上（repost [S29]）'),
	('zj_digital_workshop', 'zj-2025', 'credit', '企业信用良好（repost [S29]）'),
	('zj_smart_factory', 'zj-2025', 'digital_level', '数字化水平达到2.0以上（repost [S29]）'),
	('zj_smart_factory', 'zj-2025', 'investment', '项目建成前5年内软硬件投资4000万元以上（repost [S29]）'),
	('zj_smart_factory', 'zj-2025', 'investment_mountain_island', '山区海岛县3000万元以上（repost [S29]）'),
	('zj_smart_factory', 'zj-2025', 'credit', '企业信用良好（repost [S29]）'),
	('zj_future_factory', 'zj-2025', 'digital_level', '未来工厂试点数字化水平达到3.0以上（repost [S29]）'),
	('zj_future_factory', 'zj-2025', 'credit', '企业信用良好（repost [S29]）'),
	('zj_future_factory', 'zj-2025', 'smart_factory', '数字化车间→智能工厂→未来工厂梯度培育（read as: 智能工厂 first）')
) AS x(tier_code, tier_version, criterion, phrase)
WHERE c.tier_code OPERATOR(pg_catalog.=) x.tier_code AND c.tier_version OPERATOR(pg_catalog.=) x.tier_version
	AND c.criterion OPERATOR(pg_catalog.=) x.criterion AND c.builtin;

-- ---- score bands: "X以下" includes X ----------------------------------------------------
-- The lowest band of each table below is written "X以下" (0分); X now belongs to it, and
-- the band above starts 超过X (1.0 had 不满X / X以上, giving X the higher band).
UPDATE @extschema@.tier_score_band b
SET low = x.low, low_op = x.low_op, high = x.high, high_op = x.high_op
FROM (VALUES
	('chuangxin', 'miit-2022', 'rd_ratio', 4, 0.01::numeric, '超过', 0.02::numeric, '不满'),
	('chuangxin', 'miit-2022', 'rd_ratio', 5, NULL, NULL, 0.01, '以下'),
	('chuangxin', 'miit-2022', 'main_growth', 4, 0, '超过', 0.05, '不满'),
	('chuangxin', 'miit-2022', 'main_growth', 5, NULL, NULL, 0, '以下'),
	('chuangxin', 'miit-2022', 'main_share', 4, 0.50, '超过', 0.55, '不满'),
	('chuangxin', 'miit-2022', 'main_share', 5, NULL, NULL, 0.50, '以下'),
	('zjtx', 'miit-2022', 'main_share', 3, 0.60, '超过', 0.70, '不满'),
	('zjtx', 'miit-2022', 'main_share', 4, NULL, NULL, 0.60, '以下'),
	('zjtx', 'miit-2022', 'main_growth_2y', 5, 0, '超过', 0.04, '不满'),
	('zjtx', 'miit-2022', 'main_growth_2y', 6, NULL, NULL, 0, '以下'),
	('zjtx', 'miit-2022', 'net_margin', 5, 0.02, '超过', 0.04, '不满'),
	('zjtx', 'miit-2022', 'net_margin', 6, NULL, NULL, 0.02, '以下'),
	('zjtx', 'miit-2022', 'rd_staff', 3, 0.05, '超过', 0.10, '不满'),
	('zjtx', 'miit-2022', 'rd_staff', 4, NULL, NULL, 0.05, '以下')
) AS x(tier_code, tier_version, item, band, low, low_op, high, high_op)
WHERE b.tier_code OPERATOR(pg_catalog.=) x.tier_code AND b.tier_version OPERATOR(pg_catalog.=) x.tier_version
	AND b.item OPERATOR(pg_catalog.=) x.item AND b.band OPERATOR(pg_catalog.=) x.band AND b.builtin;

-- ---- score bands: the phrase each one follows (63号 附件 评分表) -----------------------
UPDATE @extschema@.tier_score_band b SET source_phrase = x.phrase
FROM (VALUES
	('chuangxin', 'miit-2022', 'ip', 1, 'A.Ⅰ类高价值知识产权1项以上（20分）'),
	('chuangxin', 'miit-2022', 'ip', 2, 'B.自主研发Ⅰ类知识产权1项以上（15分）'),
	('chuangxin', 'miit-2022', 'ip', 3, 'C.Ⅰ类知识产权1项以上（10分）'),
	('chuangxin', 'miit-2022', 'ip', 4, 'D.Ⅱ类知识产权1项以上（5分）'),
	('chuangxin', 'miit-2022', 'rd_ratio', 1, 'A.5%以上（20分）'),
	('chuangxin', 'miit-2022', 'rd_ratio', 2, 'B.3%-5%（15分）'),
	('chuangxin', 'miit-2022', 'rd_ratio', 3, 'C.2%-3%（10分）'),
	('chuangxin', 'miit-2022', 'rd_ratio', 4, 'D.1%-2%（5分）'),
	('chuangxin', 'miit-2022', 'rd_ratio', 5, 'E.1%以下（0分）'),
	('chuangxin', 'miit-2022', 'main_growth', 1, 'A.15%以上（20分）'),
	('chuangxin', 'miit-2022', 'main_growth', 2, 'B.10%-15%（15分）'),
	('chuangxin', 'miit-2022', 'main_growth', 3, 'C.5%-10%（10分）'),
	('chuangxin', 'miit-2022', 'main_growth', 4, 'D.0%-5%（5分）'),
	('chuangxin', 'miit-2022', 'main_growth', 5, 'E.0%以下（0分）'),
	('chuangxin', 'miit-2022', 'debt_ratio', 1, 'A.55%以下（10分）'),
	('chuangxin', 'miit-2022', 'debt_ratio', 2, 'B.55%-75%（5分）'),
	('chuangxin', 'miit-2022', 'debt_ratio', 3, 'C.75%以上（0分）'),
	('chuangxin', 'miit-2022', 'sei_field', 1, 'A.属于《战略性新兴产业分类》（10分）'),
	('chuangxin', 'miit-2022', 'sei_field', 2, 'B.属于其他领域（5分）'),
	('chuangxin', 'miit-2022', 'main_share', 1, 'A.70%以上（20分）'),
	('chuangxin', 'miit-2022', 'main_share', 2, 'B.60%-70%（15分）'),
	('chuangxin', 'miit-2022', 'main_share', 3, 'C.55%-60%（10分）'),
	('chuangxin', 'miit-2022', 'main_share', 4, 'D.50%-55%（5分）'),
	('chuangxin', 'miit-2022', 'main_share', 5, 'E.50%以下（0分）'),
	('zjtx', 'miit-2022', 'niche_years', 1, '每满2年得1分，最高不超过5分'),
	('zjtx', 'miit-2022', 'niche_years', 2, '每满2年得1分，最高不超过5分'),
	('zjtx', 'miit-2022', 'niche_years', 3, '每满2年得1分，最高不超过5分'),
	('zjtx', 'miit-2022', 'niche_years', 4, '每满2年得1分，最高不超过5分'),
	('zjtx', 'miit-2022', 'niche_years', 5, '每满2年得1分，最高不超过5分'),
	('zjtx', 'miit-2022', 'main_share', 1, 'A.80%以上（5分）'),
	('zjtx', 'miit-2022', 'main_share', 2, 'B.70%-80%（3分）'),
	('zjtx', 'miit-2022', 'main_share', 3, 'C.60%-70%（1分）'),
	('zjtx', 'miit-2022', 'main_share', 4, 'D.60%以下（0分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 1, 'A.10%以上（10分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 2, 'B.8%-10%（8分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 3, 'C.6%-8%（6分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 4, 'D.4%-6%（4分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 5, 'E.0%-4%（2分）'),
	('zjtx', 'miit-2022', 'main_growth_2y', 6, 'F.0%以下（0分）'),
	('zjtx', 'miit-2022', 'field', 1, 'A.在产业链供应链关键环节及关键领域"补短板""锻长板""填空白"取得实际成效（5分）'),
	('zjtx', 'miit-2022', 'field', 2, 'B.属于工业"六基"领域、中华老字号名录或企业主导产品服务关键产业链重点龙头企业（3分）'),
	('zjtx', 'miit-2022', 'field', 3, 'C.不属于以上情况（0分）'),
	('zjtx', 'miit-2022', 'digital', 1, 'A.三级以上（5分）'),
	('zjtx', 'miit-2022', 'digital', 2, 'B.二级（3分）'),
	('zjtx', 'miit-2022', 'digital', 3, 'C.一级（0分）'),
	('zjtx', 'miit-2022', 'quality', 1, '每满足一项加3分，最高不超过5分'),
	('zjtx', 'miit-2022', 'quality', 2, '每满足一项加3分，最高不超过5分'),
	('zjtx', 'miit-2022', 'quality', 3, '每满足一项加3分，最高不超过5分'),
	('zjtx', 'miit-2022', 'net_margin', 1, 'A.10%以上（10分）'),
	('zjtx', 'miit-2022', 'net_margin', 2, 'B.8%-10%（8分）'),
	('zjtx', 'miit-2022', 'net_margin', 3, 'C.6%-8%（6分）'),
	('zjtx', 'miit-2022', 'net_margin', 4, 'D.4%-6%（4分）'),
	('zjtx', 'miit-2022', 'net_margin', 5, 'E.2%-4%（2分）'),
	('zjtx', 'miit-2022', 'net_margin', 6, 'F.2%以下（0分）'),
	('zjtx', 'miit-2022', 'debt_ratio', 1, 'A.50%以下（5分）'),
	('zjtx', 'miit-2022', 'debt_ratio', 2, 'B.50%-60%（3分）'),
	('zjtx', 'miit-2022', 'debt_ratio', 3, 'C.60%-70%（1分）'),
	('zjtx', 'miit-2022', 'debt_ratio', 4, 'D.70%以上（0分）'),
	('zjtx', 'miit-2022', 'feature', 1, '特色化指标（15分）：由各省级中小企业主管部门自主设定'),
	('zjtx', 'miit-2022', 'ip', 1, 'A.Ⅰ类高价值知识产权1项以上（10分）'),
	('zjtx', 'miit-2022', 'ip', 2, 'B.自主研发Ⅰ类知识产权1项以上（8分）'),
	('zjtx', 'miit-2022', 'ip', 3, 'C.Ⅰ类知识产权1项以上（6分）'),
	('zjtx', 'miit-2022', 'ip', 4, 'D.Ⅱ类知识产权1项以上（2分）'),
	('zjtx', 'miit-2022', 'rd', 1, 'A.研发费用总额500万元以上或研发费用总额占营业收入总额比重在10%以上（10分）'),
	('zjtx', 'miit-2022', 'rd', 2, 'B.研发费用总额400万-500万元或研发费用总额占营业收入总额比重在8%-10%（8分）'),
	('zjtx', 'miit-2022', 'rd', 3, 'C.研发费用总额300万-400万元或研发费用总额占营业收入总额比重在6%-8%（6分）'),
	('zjtx', 'miit-2022', 'rd', 4, 'D.研发费用总额200万-300万元或研发费用总额占营业收入总额比重在4%-6%（4分）'),
	('zjtx', 'miit-2022', 'rd', 5, 'E.研发费用总额100万-200万元或研发费用总额占营业收入总额比重在3%-4%（2分）'),
	('zjtx', 'miit-2022', 'rd', 6, 'A.研发费用总额500万元以上或研发费用总额占营业收入总额比重在10%以上（10分）'),
	('zjtx', 'miit-2022', 'rd', 7, 'B.研发费用总额400万-500万元或研发费用总额占营业收入总额比重在8%-10%（8分）'),
	('zjtx', 'miit-2022', 'rd', 8, 'C.研发费用总额300万-400万元或研发费用总额占营业收入总额比重在6%-8%（6分）'),
	('zjtx', 'miit-2022', 'rd', 9, 'D.研发费用总额200万-300万元或研发费用总额占营业收入总额比重在4%-6%（4分）'),
	('zjtx', 'miit-2022', 'rd', 10, 'E.研发费用总额100万-200万元或研发费用总额占营业收入总额比重在3%-4%（2分）'),
	('zjtx', 'miit-2022', 'rd_staff', 1, 'A.20%以上（5分）'),
	('zjtx', 'miit-2022', 'rd_staff', 2, 'B.10%-20%（3分）'),
	('zjtx', 'miit-2022', 'rd_staff', 3, 'C.5%-10%（1分）'),
	('zjtx', 'miit-2022', 'rd_staff', 4, 'D.5%以下（0分）'),
	('zjtx', 'miit-2022', 'rd_institution', 1, 'A.国家级（10分）'),
	('zjtx', 'miit-2022', 'rd_institution', 2, 'B.省级（8分）'),
	('zjtx', 'miit-2022', 'rd_institution', 3, 'C.市级（4分）'),
	('zjtx', 'miit-2022', 'rd_institution', 4, 'D.市级以下（2分）'),
	('zjtx', 'miit-2022', 'rd_institution', 5, 'E.未建立研发机构（0分）')
) AS x(tier_code, tier_version, item, band, phrase)
WHERE b.tier_code OPERATOR(pg_catalog.=) x.tier_code AND b.tier_version OPERATOR(pg_catalog.=) x.tier_version
	AND b.item OPERATOR(pg_catalog.=) x.item AND b.band OPERATOR(pg_catalog.=) x.band AND b.builtin;

-- ---- the shipped rows are read-only (the rule-set pattern, doc/dev.md "Rule sets") --------
-- 1.0 let a shipped tier row be updated although a dump does not keep the change; from 1.1
-- the kit's guard (20_kit.sql) refuses it outside the extension's own scripts (which is how
-- the statements above can correct them: the guard lets CREATE/ALTER EXTENSION through).
-- Edit a copy made with tier_copy().
CREATE TRIGGER tier_definition_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.tier_definition
	FOR EACH ROW EXECUTE FUNCTION @extschema@.rule_set_guard('tier_copy');
CREATE TRIGGER tier_criterion_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.tier_criterion
	FOR EACH ROW EXECUTE FUNCTION @extschema@.rule_set_guard('tier_copy');
CREATE TRIGGER tier_score_band_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.tier_score_band
	FOR EACH ROW EXECUTE FUNCTION @extschema@.rule_set_guard('tier_copy');

-- ======================================================================================
-- intake
-- ======================================================================================


-- ---------------------------------------------------------------- 50 intake
-- Real data in (doc/intake.md): spreadsheet cells parsed without raising, CSV imports
-- that report every bad cell, land from parcels and leases, sources merged by
-- 统一社会信用代码 with their reconciliation, data-quality findings.

-- credit_code: position 17 (GB 11714) is no longer part of validity (NEWS 1.1); the
-- strict check stays available.
CREATE FUNCTION @extschema@.credit_code_strict_check(text) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_strict_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_strict_check(text) IS
	'why the text fails validity or the GB 11714 check of position 17, or NULL if it passes both';
CREATE FUNCTION @extschema@.credit_code_org_check_ok(@extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_org_check_ok' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_org_check_ok(@extschema@.credit_code) IS
	'true if position 17 satisfies GB 11714 (some registered codes do not)';
COMMENT ON FUNCTION @extschema@.credit_code_is_valid(text) IS
	'true if the text is a valid 统一社会信用代码 after normalisation (GB 32100 check of position 18)';

CREATE FUNCTION @extschema@.credit_code_or_null(text) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_or_null' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_or_null(text) IS
	'the text as a credit_code, or NULL when it is not a valid code (never raises)';

-- One spreadsheet cell to a typed value, or NULL and the reason (never raises for bad text).
CREATE FUNCTION @extschema@.parse_cell(raw text, kind anyelement, unit text DEFAULT NULL,
		OUT value anyelement, OUT reason text)
	AS 'MODULE_PATHNAME', 'parse_cell' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_cell(text, anyelement, text) IS
	'a spreadsheet cell as the type of kind (NULL::yuan), with the column unit for bare numbers; (NULL, reason) when it is not one, (NULL, NULL) when empty';

-- A cell without surrounding spaces of any kind (no-break, ideographic, zero-width).
CREATE FUNCTION @extschema@.trim_cell(text) RETURNS text
	AS 'MODULE_PATHNAME', 'trim_cell' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_cell(text) IS
	'the text without surrounding white space, no-break (U+00A0), ideographic (U+3000) and zero-width spaces included';

-- A column header split into its name and the unit in brackets: 实缴税金(万元) -> 实缴税金 | 万元.
CREATE FUNCTION @extschema@.header_unit(header text, OUT name text, OUT unit text)
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN (SELECT ROW(@extschema@.trim_cell(coalesce(r.m[1], r.h)), @extschema@.trim_cell(r.m[2]))
			  FROM (SELECT x.h, pg_catalog.regexp_match(x.h, '^(.*?)[(（]([^()（）]*)[)）]$') AS m
					  FROM (SELECT @extschema@.trim_cell(header) AS h) x) r);
COMMENT ON FUNCTION @extschema@.header_unit(text) IS
	'a column header split into name and unit: 实缴税金(万元) -> (实缴税金, 万元); unit NULL without brackets';

-- import_cells(staging, target): parse a CSV loaded as text (first line = header) into
-- target's typed columns; good lines are inserted, every bad cell is returned.
CREATE FUNCTION @extschema@.import_cells(staging regclass, target regclass)
	RETURNS TABLE (line bigint, col integer, header text, raw text, reason text)
	LANGUAGE plpgsql VOLATILE STRICT
AS $import$
DECLARE
	header_line bigint;
	cols text[];				-- staging's text columns (quoted), in order
	hdr text[];					-- the header line's cells
	hn record;
	tcol record;
	has_line boolean;
	i int;
	n int;
	typ text;					-- the type parse_cell reads a column as
	chk text;					-- a further check of the parsed value (length, range), or NULL
	sel text := '';				-- raw cells, parsed values and reasons of p
	lat text := '';				-- one lateral parse_cell per mapped column
	ins_cols text := '';
	ins_vals text := '';
	ok text := 'true';
	used text[] := '{}';		-- target columns already given a CSV column
	issues text := 'SELECT NULL::bigint, NULL::int, NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.text WHERE false';
	headers text;
	st text;
	msg text;
	det text;
	hnt text;
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
					WHERE a.attrelid OPERATOR(pg_catalog.=) staging
					  AND a.attname OPERATOR(pg_catalog.=) 'line' AND NOT a.attisdropped) THEN
		RAISE EXCEPTION 'staging table % has no column "line"', staging
			USING ERRCODE = '42703',
				  HINT = 'Create it as (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, ...) and load the file with COPY ... (FORMAT csv) without HEADER, so that the header is line 1.';
	END IF;
	SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname::pg_catalog.text) ORDER BY a.attnum)
	  INTO cols
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) staging AND a.attnum OPERATOR(pg_catalog.>) 0
	   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line';
	EXECUTE pg_catalog.format('SELECT pg_catalog.min(line) FROM %s', staging) INTO header_line;
	IF header_line IS NULL THEN
		RETURN;
	END IF;
	EXECUTE pg_catalog.format('SELECT ARRAY[%s]::pg_catalog.text[] FROM %s WHERE line OPERATOR(pg_catalog.=) $1',
							  pg_catalog.array_to_string(cols, ', '), staging)
		INTO hdr USING header_line;
	headers := coalesce((SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', h), ', ' ORDER BY u.n)
						   FROM pg_catalog.unnest(hdr) WITH ORDINALITY u(h, n) WHERE h IS NOT NULL), 'none');
	SELECT a.attgenerated OPERATOR(pg_catalog.<>) '' OR a.attidentity OPERATOR(pg_catalog.=) 'a' AS generated
	  INTO tcol
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attname OPERATOR(pg_catalog.=) 'line' AND NOT a.attisdropped;
	has_line := FOUND;
	IF has_line AND tcol.generated THEN
		RAISE EXCEPTION 'column "line" of % is a generated column', target
			USING ERRCODE = '428C9',
				  DETAIL = 'import_cells writes each row''s line number into the target column "line".',
				  HINT = 'Make "line" a plain bigint column of the target, or rename it.';
	END IF;
	IF has_line THEN
		ins_cols := 'line';
		ins_vals := 'line';
	END IF;
	FOR i IN 1 .. pg_catalog.array_length(cols, 1) LOOP
		sel := sel OPERATOR(pg_catalog.||) pg_catalog.format(', s.%s AS raw%s', cols[i], i);
		IF hdr[i] IS NULL OR @extschema@.trim_cell(hdr[i]) OPERATOR(pg_catalog.=) '' THEN
			-- a column without a header is reported when it holds data (not spreadsheet padding)
			EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s s WHERE s.line OPERATOR(pg_catalog.>) $1'
									  ' AND @extschema@.trim_cell(s.%s) OPERATOR(pg_catalog.<>) ''''', staging, cols[i])
				INTO n USING header_line;
			IF n OPERATOR(pg_catalog.>) 0 THEN
				issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
					' UNION ALL SELECT %s::bigint, %s, NULL, %L, %L', header_line, i, hdr[i],
					pg_catalog.format('The header of this column is empty: the column is not loaded (lines with a value in it: %s).', n));
			END IF;
			CONTINUE;
		END IF;
		SELECT h.name, h.unit INTO hn FROM @extschema@.header_unit(hdr[i]) h;
		-- the target column named like the header, else the one whose comment is the header's
		-- name; two columns with that comment are ambiguous
		SELECT pg_catalog.count(*) INTO n
		  FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0
		   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line'
		   AND a.attname::pg_catalog.text OPERATOR(pg_catalog.<>) hn.name
		   AND pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.=) hn.name;
		SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull AS required,
			   a.attgenerated OPERATOR(pg_catalog.<>) '' OR a.attidentity OPERATOR(pg_catalog.=) 'a' AS generated,
			   t.typtype, t.typbasetype
		  INTO tcol
		  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) a.atttypid
		 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0
		   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line'
		   AND (a.attname::pg_catalog.text OPERATOR(pg_catalog.=) hn.name
				OR pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.=) hn.name)
		 ORDER BY a.attname::pg_catalog.text OPERATOR(pg_catalog.=) hn.name DESC
		 LIMIT 1;
		IF NOT FOUND THEN
			issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
				' UNION ALL SELECT %s::bigint, %s, %L, %L, %L', header_line, i, hdr[i], hdr[i],
				'No column of the target table has this name or this comment: the column is not loaded.');
			CONTINUE;
		END IF;
		IF tcol.attname::pg_catalog.text OPERATOR(pg_catalog.<>) hn.name AND n OPERATOR(pg_catalog.>) 1 THEN
			RAISE EXCEPTION 'header "%" is ambiguous: % columns of % have the comment "%"', hdr[i], n, target, hn.name
				USING ERRCODE = '42702',
					  DETAIL = pg_catalog.format('Columns: %s.',
						  (SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', a.attname), ', ' ORDER BY a.attnum)
							 FROM pg_catalog.pg_attribute a
							WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
							  AND pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.=) hn.name)),
					  HINT = 'Give each target column its own comment (COMMENT ON COLUMN), or name one of them like the header.';
		END IF;
		IF tcol.attname::pg_catalog.text OPERATOR(pg_catalog.=) ANY (used) THEN
			issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
				' UNION ALL SELECT %s::bigint, %s, %L, %L, %L', header_line, i, hdr[i], hdr[i],
				'An earlier column of the file already loads into the same target column: this column is not loaded.');
			CONTINUE;
		END IF;
		-- the target column's shape, checked before anything runs
		IF tcol.generated THEN
			RAISE EXCEPTION 'column "%" of % is a generated column', tcol.attname, target
				USING ERRCODE = '428C9',
					  DETAIL = pg_catalog.format('Header "%s" (line %s, column %s) loads into it.', hdr[i], header_line, i),
					  HINT = 'Rename the header (or the column) so that it loads into a column that can be written.';
		END IF;
		IF tcol.typtype OPERATOR(pg_catalog.=) 'd' THEN
			RAISE EXCEPTION 'column "%" of % has the domain type %, which import_cells cannot load', tcol.attname, target, tcol.atttypid::pg_catalog.regtype
				USING ERRCODE = '0A000',
					  HINT = pg_catalog.format('Load into a column of the domain''s base type (%s) and check the domain''s constraints afterwards.',
											   tcol.typbasetype::pg_catalog.regtype);
		END IF;
		chk := NULL;
		typ := CASE
			WHEN tcol.atttypid OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.text', 'pg_catalog.varchar', 'pg_catalog.bpchar']::pg_catalog.regtype[]::pg_catalog.oid[])
				THEN 'pg_catalog.text'
			WHEN tcol.atttypid OPERATOR(pg_catalog.=) 'pg_catalog.int2'::pg_catalog.regtype::pg_catalog.oid THEN 'pg_catalog.int4'
			WHEN tcol.atttypid OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.numeric', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.date',
					'@extschema@.mu_area', '@extschema@.yuan', '@extschema@.yuan_per_mu', '@extschema@.credit_code']::pg_catalog.regtype[]::pg_catalog.oid[])
				THEN tcol.atttypid::pg_catalog.regtype::pg_catalog.text END;
		IF typ IS NULL THEN
			RAISE EXCEPTION 'column "%" of % has type %, which import_cells cannot load', tcol.attname, target, tcol.atttypid::pg_catalog.regtype
				USING ERRCODE = '0A000',
					  DETAIL = pg_catalog.format('Header "%s" (line %s, column %s) loads into it.', hdr[i], header_line, i),
					  HINT = 'Target columns are of type mu_area, yuan, yuan_per_mu, credit_code, numeric, integer, bigint, smallint, date, text, varchar or character.';
		END IF;
		IF typ OPERATOR(pg_catalog.=) 'pg_catalog.text' AND tcol.atttypmod OPERATOR(pg_catalog.>=) 4 THEN
			chk := pg_catalog.format('CASE WHEN pg_catalog.char_length(p%1$s.value) OPERATOR(pg_catalog.>) %2$s THEN pg_catalog.format(%3$L, pg_catalog.char_length(p%1$s.value)) END',
									 i, tcol.atttypmod OPERATOR(pg_catalog.-) 4,
									 pg_catalog.format('The text has %%s characters; the column holds at most %s.', tcol.atttypmod OPERATOR(pg_catalog.-) 4));
		ELSIF tcol.atttypid OPERATOR(pg_catalog.=) 'pg_catalog.int2'::pg_catalog.regtype::pg_catalog.oid THEN
			chk := pg_catalog.format('CASE WHEN p%1$s.value OPERATOR(pg_catalog.<) -32768 OR p%1$s.value OPERATOR(pg_catalog.>) 32767 THEN %2$L END',
									 i, 'The value is out of range for its type.');
		ELSIF typ OPERATOR(pg_catalog.=) 'numeric' AND tcol.atttypmod OPERATOR(pg_catalog.>=) 4 THEN
			-- numeric(p, s): the value rounded to s digits must have at most p - s before the point
			chk := pg_catalog.format('CASE WHEN pg_catalog.abs(pg_catalog.round(p%1$s.value, %2$s)) OPERATOR(pg_catalog.>=) (10::numeric OPERATOR(pg_catalog.^) %3$s) THEN %4$L END',
									 i, (tcol.atttypmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.&) 2047,
									 ((tcol.atttypmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.>>) 16) OPERATOR(pg_catalog.-) ((tcol.atttypmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.&) 2047),
									 pg_catalog.format('The value does not fit the column''s type %s.', pg_catalog.format_type(tcol.atttypid, tcol.atttypmod)));
		END IF;
		used := used OPERATOR(pg_catalog.||) tcol.attname::pg_catalog.text;
		lat := lat OPERATOR(pg_catalog.||) pg_catalog.format(
			' CROSS JOIN LATERAL @extschema@.parse_cell(s.%s, NULL::%s, %L) p%s',
			cols[i], typ, hn.unit, i);
		sel := sel OPERATOR(pg_catalog.||) pg_catalog.format(
			', p%s.value AS v%s, CASE WHEN p%s.reason IS NULL AND p%s.value IS NULL AND %L'
			' THEN %L ELSE coalesce(p%s.reason, %s) END AS r%s',
			i, i, i, i, tcol.required, 'A value is required in this column.', i, coalesce(chk, 'NULL'), i);
		ins_cols := ins_cols OPERATOR(pg_catalog.||) CASE WHEN ins_cols OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			OPERATOR(pg_catalog.||) pg_catalog.quote_ident(tcol.attname::pg_catalog.text);
		ins_vals := ins_vals OPERATOR(pg_catalog.||) CASE WHEN ins_vals OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			OPERATOR(pg_catalog.||) 'v' OPERATOR(pg_catalog.||) i;
		ok := ok OPERATOR(pg_catalog.||) pg_catalog.format(' AND r%s IS NULL', i);
		issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
			' UNION ALL SELECT line, %s, %L, raw%s, r%s FROM p WHERE r%s IS NOT NULL',
			i, hdr[i], i, i, i);
	END LOOP;
	IF pg_catalog.cardinality(used) OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'no header of % matches a column of %', staging, target
			USING ERRCODE = '42703',
				  DETAIL = pg_catalog.format('Headers (line %s): %s. Columns of %s: %s.', header_line, headers,
					  target,
					  coalesce((SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', a.attname) OPERATOR(pg_catalog.||)
								  coalesce(' (' OPERATOR(pg_catalog.||) pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.||) ')', ''),
								  ', ' ORDER BY a.attnum)
								  FROM pg_catalog.pg_attribute a
								 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0
								   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line'), 'none')),
				  HINT = 'A CSV column loads into the target column named like its header without the unit in brackets, or into the column whose comment is that name (COMMENT ON COLUMN).';
	END IF;
	-- a required column that no column of the file loads and that has no default would fail
	-- every insert: refused before anything runs
	SELECT a.attname INTO tcol
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
	   AND a.attnotnull AND NOT a.atthasdef AND a.attidentity OPERATOR(pg_catalog.=) '' AND a.attgenerated OPERATOR(pg_catalog.=) ''
	   AND NOT (a.attname::pg_catalog.text OPERATOR(pg_catalog.=) ANY (used))
	   AND NOT (a.attname OPERATOR(pg_catalog.=) 'line' AND has_line)
	 ORDER BY a.attnum LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'column "%" of % is NOT NULL and no column of % loads into it', tcol.attname, target, staging
			USING ERRCODE = '23502',
				  DETAIL = pg_catalog.format('Headers (line %s): %s.', header_line, headers),
				  HINT = 'Add the column to the file, give the target column a default, or load into a target without NOT NULL on it.';
	END IF;
	-- Lines whose cells are all empty (spreadsheet padding) are skipped; a staging row
	-- without a line number is reported (it cannot be named).  Errors of the insert (a
	-- constraint of the target) are raised again without the statement built here.
	issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
		' UNION ALL SELECT NULL::bigint, NULL::int, NULL, pg_catalog.concat_ws('','', %s), %L FROM %s s WHERE s.line IS NULL',
		pg_catalog.array_to_string(ARRAY(SELECT 's.' OPERATOR(pg_catalog.||) c FROM pg_catalog.unnest(cols) c), ', '),
		'A staging row without a line number is not loaded: number the rows (line bigint GENERATED ALWAYS AS IDENTITY).', staging);
	BEGIN
		RETURN QUERY EXECUTE pg_catalog.format(
			'WITH p AS MATERIALIZED (SELECT s.line%s FROM %s s%s'
			' WHERE s.line OPERATOR(pg_catalog.>) $1 AND @extschema@.trim_cell(pg_catalog.concat(%s)) OPERATOR(pg_catalog.<>) ''''),'
			' ins AS (INSERT INTO %s (%s) SELECT %s FROM p WHERE %s RETURNING 1)'
			' SELECT * FROM (%s) x ORDER BY 1, 2',
			sel, staging, lat,
			pg_catalog.array_to_string(ARRAY(SELECT 's.' OPERATOR(pg_catalog.||) c FROM pg_catalog.unnest(cols) c), ', '),
			target, ins_cols, ins_vals, ok, issues)
			USING header_line;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
		IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
			det := pg_catalog.format('Raised while import_cells inserted the lines of %s into %s.', staging, target);
		END IF;
		IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
			hnt := 'Constraints of the target other than NOT NULL are not checked cell by cell: load into a target without them and check afterwards.';
		END IF;
		RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
	END;
END;
$import$;
COMMENT ON FUNCTION @extschema@.import_cells(regclass, regclass) IS
	'parse a CSV staged as text (line 1 = header) into target''s typed columns by header name or column comment; inserts good lines, returns every bad cell (line, column, header, raw text, reason)';

-- land_parcel_refused(parcel_id): raises land_allocation's error for a parcel whose rows
-- do not carry one non-negative area, or carry a negative share; called by
-- land_allocation's statement for such a parcel only (so the check costs no pass of its own).
CREATE FUNCTION @extschema@.land_parcel_refused(parcel_id text) RETURNS boolean
	LANGUAGE plpgsql VOLATILE
AS $refused$
BEGIN
	RAISE EXCEPTION 'parcel "%" has no single non-negative area, or a negative share', parcel_id
		USING ERRCODE = '22023',
			  DETAIL = 'Every row of a parcel (one per holder) must carry the same area of the whole parcel, and a share that is not negative.';
END;
$refused$;
COMMENT ON FUNCTION @extschema@.land_parcel_refused(text) IS
	'internal to land_allocation: raises its error (22023) for a parcel without one non-negative area or with a negative share; never returns';

-- land_allocation(parcels, leases, year, method): every parcel's land to the firms that
-- use it in the evaluation year, exactly (Σ land of the rows = Σ parcel areas).
CREATE FUNCTION @extschema@.land_allocation(parcels text, leases text, year integer,
		method text DEFAULT 'enterprise')
	RETURNS TABLE (parcel_id text, credit_code @extschema@.credit_code, role text,
				   land @extschema@.mu_area, reason text)
	LANGUAGE plpgsql VOLATILE STRICT
AS $alloc$
DECLARE
	c record;
	t regtype;
	has_value boolean;
	st text;
	msg text;
	det text;
	hnt text;
BEGIN
	IF method IS NULL OR NOT method OPERATOR(pg_catalog.=) ANY ('{enterprise,owner}'::pg_catalog.text[]) THEN
		RAISE EXCEPTION 'unknown land allocation method: "%"', method
			USING ERRCODE = '22023',
				  HINT = 'Use ''enterprise'' (企业评价法: own parcels minus what is leased out plus what is leased in) or ''owner'' (the registered holders only).';
	END IF;
	IF year IS NULL THEN
		RAISE EXCEPTION 'evaluation year must not be null' USING ERRCODE = '22004';
	END IF;
	IF year OPERATOR(pg_catalog.<) 1 OR year OPERATOR(pg_catalog.>) 9999 THEN
		RAISE EXCEPTION 'evaluation year % is out of range', year
			USING ERRCODE = '22023', DETAIL = 'The year is a calendar year from 1 to 9999.';
	END IF;
	-- The queries' columns and types, checked here so that a mistake is reported against
	-- the caller's query (column, type, what is read) and not against the statement built
	-- below.  The queries themselves are planned first, so that their own errors come as
	-- they are.
	FOR c IN SELECT * FROM (VALUES ('parcels', parcels), ('leases', leases)) v(noun, q) LOOP
		BEGIN
			EXECUTE pg_catalog.format('SELECT FROM (%s) x LIMIT 0', c.q);
		EXCEPTION WHEN others THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
				det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
			IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
				det := pg_catalog.format('Raised while land_allocation planned the %s query.', c.noun);
			END IF;
			IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
				RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det;
			END IF;
			RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
		END;
	END LOOP;
	FOR c IN
		SELECT * FROM (VALUES
			('parcels', 'parcel_id', NULL, 'any type (read as text)'),
			('parcels', 'holder', NULL, 'any type (read as text)'),
			('parcels', 'area', 'area', 'mu_area, a number of 亩 or text with an area unit'),
			('parcels', 'share', 'number', 'a number'),
			('parcels', 'floor_area', 'number', 'a number of 平方米'),
			('leases', 'parcel_id', NULL, 'any type (read as text)'),
			('leases', 'lessee', NULL, 'any type (read as text)'),
			('leases', 'land', 'area', 'mu_area, a number of 亩 or text with an area unit'),
			('leases', 'floor_area', 'number', 'a number of 平方米'),
			('leases', 'starts', 'date', 'a date'),
			('leases', 'ends', 'date', 'a date')) v(query, col, kind, reads)
	LOOP
		BEGIN
			EXECUTE pg_catalog.format(
				'SELECT pg_catalog.pg_typeof(q.%I) FROM (SELECT) d LEFT JOIN (SELECT * FROM (%s) x LIMIT 0) q ON true',
				c.col, CASE WHEN c.query OPERATOR(pg_catalog.=) 'parcels' THEN parcels ELSE leases END)
				INTO t;
		EXCEPTION WHEN undefined_column THEN
			RAISE EXCEPTION 'column "%" does not exist in the % query', c.col, c.query
				USING ERRCODE = '42703',
					  HINT = CASE WHEN c.query OPERATOR(pg_catalog.=) 'parcels'
								  THEN 'The parcels query has the columns parcel_id, holder, area, share and floor_area (NULL AS share when there is none).'
								  ELSE 'The leases query has the columns parcel_id, lessee, land, floor_area, starts and ends (NULL::date AS ends when there is none).' END;
		END;
		-- text is read as an area with its unit; for numbers and dates only a text column
		-- without values is accepted (NULL AS share is of type text)
		IF c.kind IS NOT NULL AND c.kind OPERATOR(pg_catalog.<>) 'area' AND t OPERATOR(pg_catalog.=) ANY (
				ARRAY['pg_catalog.text', 'pg_catalog.varchar', 'pg_catalog.unknown']::pg_catalog.regtype[]) THEN
			BEGIN
				EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM (%s) x WHERE x.%I IS NOT NULL)',
										  CASE WHEN c.query OPERATOR(pg_catalog.=) 'parcels' THEN parcels ELSE leases END, c.col)
					INTO has_value;
			EXCEPTION WHEN others THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
					det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
				RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg,
					DETAIL = coalesce(pg_catalog.nullif(det, ''), pg_catalog.format('Raised while land_allocation read the %s query.', c.query)),
					HINT = coalesce(hnt, '');
			END;
			IF has_value THEN
				RAISE EXCEPTION 'column "%" of the % query has type %', c.col, c.query, t
					USING ERRCODE = '42804',
						  DETAIL = pg_catalog.format('land_allocation reads %s as %s; a text column is accepted only when all its values are NULL.', c.col, c.reads),
						  HINT = pg_catalog.format('Cast it in the query (%s::%s).', c.col, CASE c.kind WHEN 'date' THEN 'date' ELSE 'numeric' END);
			END IF;
			CONTINUE;
		END IF;
		IF c.kind IS NOT NULL AND NOT (t OPERATOR(pg_catalog.=) ANY (
				ARRAY['pg_catalog.text', 'pg_catalog.varchar', 'pg_catalog.unknown']::pg_catalog.regtype[]
				OPERATOR(pg_catalog.||) CASE
					WHEN c.kind OPERATOR(pg_catalog.=) 'area' THEN ARRAY['@extschema@.mu_area', 'pg_catalog.numeric', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.float8']::pg_catalog.regtype[]
					WHEN c.kind OPERATOR(pg_catalog.=) 'number' THEN ARRAY['pg_catalog.numeric', 'pg_catalog.int2', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.float4', 'pg_catalog.float8']::pg_catalog.regtype[]
					ELSE ARRAY['pg_catalog.date', 'pg_catalog.timestamp', 'pg_catalog.timestamptz']::pg_catalog.regtype[] END)) THEN
			RAISE EXCEPTION 'column "%" of the % query has type %', c.col, c.query, t
				USING ERRCODE = '42804',
					  DETAIL = pg_catalog.format('land_allocation reads %s as %s.', c.col, c.reads);
		END IF;
	END LOOP;
	-- Errors raised while the statement below runs (a cell the caller's query gives that
	-- is not an area or a date, a parcel without one area) are raised again from here
	-- with their SQLSTATE, message, detail and hint, without the generated statement as
	-- their context.
	BEGIN
		RETURN QUERY EXECUTE pg_catalog.format($q$
	-- the caller's queries are read by the first two CTEs, which no other name can shadow
	-- (a CTE sees only those before it): a table of the caller's named p or l is the table
	WITH "land_allocation parcels" AS (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.holder::pg_catalog.text AS holder,
			   q.area::@extschema@.mu_area AS area,
			   q.share::numeric AS share, q.floor_area::numeric AS floor_area
		  FROM (%1$s) q
	), "land_allocation leases" AS NOT MATERIALIZED (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.lessee::pg_catalog.text AS lessee,
			   q.starts::pg_catalog.date AS starts, q.ends::pg_catalog.date AS ends,
			   q.land::@extschema@.mu_area AS land, q.floor_area::numeric AS floor_area
		  FROM (%2$s) q
	), p AS (
		SELECT * FROM "land_allocation parcels"
	), pa AS (
		-- one area per parcel: a parcel is one registered 宗地 whatever its rows
		-- (area in mu_area, compared by its own operators; in 10^-6 亩 as numeric once per parcel)
		SELECT p.parcel_id, @extschema@.max(p.area) AS area,
			   pg_catalog.round(@extschema@.max(p.area)::numeric OPERATOR(pg_catalog.*) 1000000) AS area_u,
			   pg_catalog.max(p.floor_area) AS floor_area,
			   pg_catalog.count(*) AS holders, pg_catalog.min(p.holder COLLATE pg_catalog."C") AS holder
		  FROM p GROUP BY p.parcel_id
		HAVING CASE WHEN @extschema@.min(p.area) OPERATOR(@extschema@.<>) @extschema@.max(p.area)
						 OR pg_catalog.count(p.area) OPERATOR(pg_catalog.<) pg_catalog.count(*)
						 OR @extschema@.min(p.area) OPERATOR(@extschema@.<) '0'::@extschema@.mu_area
						 OR pg_catalog.bool_or(p.share OPERATOR(pg_catalog.<) 0)
					THEN @extschema@.land_parcel_refused(p.parcel_id) ELSE true END
	), yr AS (
		SELECT pg_catalog.make_date($1, 1, 1) AS y0, pg_catalog.make_date($1, 12, 31) AS y1,
			   (pg_catalog.make_date($1 OPERATOR(pg_catalog.+) 1, 1, 1) OPERATOR(pg_catalog.-) pg_catalog.make_date($1, 1, 1))::numeric AS ydays
	), l AS (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.lessee::pg_catalog.text AS lessee,
			   q.starts::pg_catalog.date AS starts, q.ends::pg_catalog.date AS ends,
			   q.land::@extschema@.mu_area AS lland, q.floor_area::numeric AS lfloor,
			   pa.area_u, pa.floor_area AS pfloor,
			   greatest(0, least(coalesce(q.ends::pg_catalog.date, yr.y1), yr.y1)
						   OPERATOR(pg_catalog.-) greatest(coalesce(q.starts::pg_catalog.date, yr.y0), yr.y0) OPERATOR(pg_catalog.+) 1)::numeric AS days,
			   yr.ydays
		  FROM "land_allocation leases" q CROSS JOIN yr LEFT JOIN pa ON pa.parcel_id OPERATOR(pg_catalog.=) q.parcel_id
		 WHERE $2 OPERATOR(pg_catalog.=) 'enterprise'
	), lw AS (
		-- land of a lease: its land, else the parcel pro rata by floor area; then pro
		-- rata by the days of the evaluation year it covers (四舍五入 to 10^-6 亩)
		-- (a negative lease area, or a floor area that is not a finite number of the right
		-- sign, gives no land and its reason)
		SELECT l.*,
			   CASE WHEN l.area_u IS NULL OR l.bad IS NOT NULL THEN NULL
					WHEN l.lland IS NOT NULL
						THEN pg_catalog.round(pg_catalog.round(l.lland::numeric OPERATOR(pg_catalog.*) 1000000) OPERATOR(pg_catalog.*) l.days OPERATOR(pg_catalog./) l.ydays)
					WHEN l.lfloor IS NOT NULL AND l.pfloor OPERATOR(pg_catalog.>) 0
						THEN pg_catalog.round(l.area_u OPERATOR(pg_catalog.*) l.lfloor OPERATOR(pg_catalog.*) l.days OPERATOR(pg_catalog./) (l.pfloor OPERATOR(pg_catalog.*) l.ydays))
			   END AS want_u
		  FROM (SELECT l.*,
					   CASE WHEN l.lland IS NOT NULL AND l.lland OPERATOR(@extschema@.<) '0'::@extschema@.mu_area
							THEN '租赁面积为负，不计用地'
							WHEN l.lland IS NULL AND l.lfloor IS NOT NULL
								 AND (l.lfloor OPERATOR(pg_catalog.<) 0 OR l.lfloor OPERATOR(pg_catalog.=) ANY ('{NaN,Infinity}'::numeric[]))
							THEN '租赁建筑面积不是有限的非负数，不计用地'
							WHEN l.lland IS NULL AND l.lfloor IS NOT NULL AND l.pfloor OPERATOR(pg_catalog.=) ANY ('{NaN,Infinity,-Infinity}'::numeric[])
							THEN '宗地建筑面积不是有限数，无法按建筑面积折算，不计用地' END AS bad
				  FROM l) l
	), lc AS (
		-- leases take land in order of start; what exceeds the parcel is not given
		SELECT lw.*,
			   CASE WHEN lw.want_u IS NOT NULL THEN
					greatest(0, least(lw.want_u, lw.area_u OPERATOR(pg_catalog.-) coalesce(pg_catalog.sum(lw.want_u) OVER w OPERATOR(pg_catalog.-) lw.want_u, 0)))
			   END AS got_u
		  FROM lw
		WINDOW w AS (PARTITION BY lw.parcel_id COLLATE pg_catalog."C" ORDER BY lw.starts NULLS FIRST, lw.lessee COLLATE pg_catalog."C", lw.ends
					 ROWS UNBOUNDED PRECEDING)
	), leased AS (
		SELECT lc.parcel_id, pg_catalog.sum(lc.got_u) AS got_u FROM lc WHERE lc.got_u IS NOT NULL GROUP BY 1
	), rest AS (
		-- parcels shared by several holders or leased (few): their rest for the windows below
		SELECT pa.parcel_id, pa.area_u OPERATOR(pg_catalog.-) coalesce(le.got_u, 0) AS rest_u
		  FROM pa LEFT JOIN leased le ON le.parcel_id OPERATOR(pg_catalog.=) pa.parcel_id
		 WHERE pa.holders OPERATOR(pg_catalog.>) 1 OR le.parcel_id IS NOT NULL
	), ow AS (
		-- the holders share the rest by their shares (equal when not given), largest
		-- remainder so that the pieces add up to the rest exactly
		SELECT p.parcel_id, p.holder, @extschema@.credit_code_or_null(p.holder) AS code,
			   CASE WHEN pg_catalog.sum(coalesce(p.share, 1)) OVER w OPERATOR(pg_catalog.=) 0 THEN r.rest_u OPERATOR(pg_catalog./) pg_catalog.count(*) OVER w
					ELSE r.rest_u OPERATOR(pg_catalog.*) coalesce(p.share, 1) OPERATOR(pg_catalog./) pg_catalog.sum(coalesce(p.share, 1)) OVER w END AS exact_u,
			   pg_catalog.sum(coalesce(p.share, 1)) OVER w OPERATOR(pg_catalog.=) 0 AS zero_shares,
			   r.rest_u
		  FROM p JOIN rest r ON r.parcel_id OPERATOR(pg_catalog.=) p.parcel_id
		WINDOW w AS (PARTITION BY p.parcel_id COLLATE pg_catalog."C")
	), orank AS (
		SELECT ow.*, pg_catalog.floor(ow.exact_u) AS base_u,
			   pg_catalog.row_number() OVER (PARTITION BY ow.parcel_id COLLATE pg_catalog."C"
								  ORDER BY ow.exact_u OPERATOR(pg_catalog.-) pg_catalog.floor(ow.exact_u) DESC, ow.holder COLLATE pg_catalog."C") AS rk,
			   ow.rest_u OPERATOR(pg_catalog.-) pg_catalog.sum(pg_catalog.floor(ow.exact_u)) OVER (PARTITION BY ow.parcel_id COLLATE pg_catalog."C") AS left_u
		  FROM ow
	), pieces AS (
		SELECT o.parcel_id, o.holder AS who, o.code,
			   o.base_u OPERATOR(pg_catalog.+) CASE WHEN o.rk OPERATOR(pg_catalog.<=) o.left_u THEN 1 ELSE 0 END AS u,
			   NULL::@extschema@.mu_area AS land, '自有' AS role,
			   CASE WHEN o.zero_shares THEN '宗地各权利人份额均为0，按等份分配' END AS why
		  FROM orank o
		UNION ALL
		-- a parcel of one holder, not leased (most): all of it to the holder
		SELECT pa.parcel_id, pa.holder, @extschema@.credit_code_or_null(pa.holder), NULL, pa.area, '自有', NULL
		  FROM pa
		 WHERE pa.holders OPERATOR(pg_catalog.=) 1
		   AND NOT EXISTS (SELECT FROM leased le WHERE le.parcel_id OPERATOR(pg_catalog.=) pa.parcel_id)
		UNION ALL
		SELECT lc.parcel_id, lc.lessee, @extschema@.credit_code_or_null(lc.lessee),
			   coalesce(lc.got_u, 0), NULL, '承租',
			   CASE WHEN lc.area_u IS NULL THEN '租赁的宗地不在宗地表中'
					WHEN lc.ends OPERATOR(pg_catalog.<) lc.starts THEN '租赁结束日期早于开始日期，不计用地'
					WHEN lc.days OPERATOR(pg_catalog.=) 0 THEN '租赁期不在评价年度内，不计用地'
					WHEN lc.bad IS NOT NULL THEN lc.bad
					WHEN lc.want_u IS NULL THEN '租赁既无租赁面积也无可按建筑面积折算的依据'
					WHEN lc.got_u OPERATOR(pg_catalog.<) lc.want_u THEN '租赁面积超出宗地剩余面积，超出部分未计'
			   END
		  FROM lc
		UNION ALL
		SELECT l.parcel_id, l.lessee, @extschema@.credit_code_or_null(l.lessee), 0, NULL, '承租',
			   CASE WHEN NOT EXISTS (SELECT FROM pa WHERE pa.parcel_id OPERATOR(pg_catalog.=) l.parcel_id)
					THEN '租赁的宗地不在宗地表中'
					WHEN l.ends OPERATOR(pg_catalog.<) l.starts THEN '租赁结束日期早于开始日期，不计用地'
					ELSE '按权利人口径，租赁不计用地' END
		  FROM "land_allocation leases" l
		 WHERE $2 OPERATOR(pg_catalog.=) 'owner'
	)
	SELECT y.parcel_id, y.code, y.role, y.land, y.reason
	  FROM (SELECT x.parcel_id, x.who,
				   x.code,
				   CASE WHEN x.code IS NULL THEN '未分配' ELSE x.role END AS role,
				   coalesce(x.land, (x.u OPERATOR(pg_catalog.*) 0.000001)::@extschema@.mu_area) AS land,
				   CASE WHEN x.who IS NULL THEN pg_catalog.concat_ws('；', x.role OPERATOR(pg_catalog.||) '方缺少统一社会信用代码', x.why)
						WHEN x.code IS NULL
							THEN pg_catalog.concat_ws('；', x.role OPERATOR(pg_catalog.||) '方代码无效：' OPERATOR(pg_catalog.||) @extschema@.credit_code_check(x.who), x.why)
						ELSE x.why END AS reason
			  FROM pieces x) y
	 ORDER BY y.parcel_id COLLATE pg_catalog."C", y.role COLLATE pg_catalog."C", y.who COLLATE pg_catalog."C"$q$, parcels, leases)
		USING year, method;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
		IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
			det := 'Raised while land_allocation read the parcels and leases queries.';
		END IF;
		IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
			RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det;
		END IF;
		RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
	END;
END;
$alloc$;
COMMENT ON FUNCTION @extschema@.land_allocation(text, text, integer, text) IS
	'parcels (parcel_id, holder, area, share, floor_area) and leases (parcel_id, lessee, land, floor_area, starts, ends) to land per firm and parcel for the year: 企业评价法 (enterprise) or holders only (owner); Σ land = Σ parcel areas exactly, unallocated land listed with the reason';

-- merge_sources(query, master, refuse_duplicates): every line of every source, in long
-- form (source, line, credit_code, name, measure, amount), with what the merge did with
-- it.  Every input line comes out exactly once, so Σ input = Σ merged + Σ unmatched.
-- One pass in C (intake_merge.c): a hash table by code instead of sorts and windows.
CREATE FUNCTION @extschema@.merge_sources(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (source text, line bigint, raw_code text, credit_code @extschema@.credit_code,
				   name text, measure text, amount numeric, status text, reason text)
	AS 'MODULE_PATHNAME', 'merge_sources' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.merge_sources(text, text, text[]) IS
	'source lines (source, line, credit_code, name, measure, amount) merged by 统一社会信用代码: status merged / invalid_code / invalid_amount / duplicate_refused / not_in_master with the reason, every line exactly once';

-- merge_reconcile: per source and measure, Σ input = Σ merged + Σ unmatched, checked.
CREATE FUNCTION @extschema@.merge_reconcile(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (source text, measure text, lines bigint, amount numeric,
				   merged_lines bigint, merged numeric, unmatched_lines bigint, unmatched numeric,
				   balanced boolean)
	LANGUAGE plpgsql VOLATILE
AS $rec$
DECLARE
	st text;
	msg text;
	det text;
	hnt text;
BEGIN
	IF query IS NULL THEN
		RAISE EXCEPTION 'query must not be null' USING ERRCODE = '22004';
	END IF;
	-- merge_sources' own checks of the query's columns and types first, on no line (so
	-- that a text amount is its 42804, not a cast failing in the sums below); errors of
	-- either statement are raised again without the statements built here
	BEGIN
	PERFORM FROM @extschema@.merge_sources(pg_catalog.format('SELECT * FROM (%s) x LIMIT 0', query));
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH i AS (
		SELECT q.source::pg_catalog.text AS source, q.measure::pg_catalog.text AS measure,
			   pg_catalog.count(*) AS lines, coalesce(pg_catalog.sum(q.amount::numeric), 0) AS amount
		  FROM (%s) q GROUP BY 1, 2
	), o AS (
		SELECT m.source, m.measure,
			   pg_catalog.count(*) FILTER (WHERE m.status OPERATOR(pg_catalog.=) 'merged') AS merged_lines,
			   coalesce(pg_catalog.sum(m.amount) FILTER (WHERE m.status OPERATOR(pg_catalog.=) 'merged'), 0) AS merged,
			   pg_catalog.count(*) FILTER (WHERE m.status OPERATOR(pg_catalog.<>) 'merged') AS unmatched_lines,
			   coalesce(pg_catalog.sum(m.amount) FILTER (WHERE m.status OPERATOR(pg_catalog.<>) 'merged'), 0) AS unmatched
		  FROM @extschema@.merge_sources($1, $2, $3) m GROUP BY 1, 2
	)
	SELECT i.source, i.measure, i.lines, i.amount, o.merged_lines, o.merged,
		   o.unmatched_lines, o.unmatched,
		   i.lines OPERATOR(pg_catalog.=) (o.merged_lines OPERATOR(pg_catalog.+) o.unmatched_lines)
		   AND i.amount OPERATOR(pg_catalog.=) (o.merged OPERATOR(pg_catalog.+) o.unmatched)
	  FROM i LEFT JOIN o ON o.source OPERATOR(pg_catalog.=) i.source AND (o.measure OPERATOR(pg_catalog.=) i.measure OR (o.measure IS NULL AND i.measure IS NULL))
	 ORDER BY 1, 2$q$, query)
	USING query, master, refuse_duplicates;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
		IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
			det := 'Raised while merge_reconcile read the query.';
		END IF;
		IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
			RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det;
		END IF;
		RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
	END;
END;
$rec$;
COMMENT ON FUNCTION @extschema@.merge_reconcile(text, text, text[]) IS
	'per source and measure: lines and Σ amount in, merged and unmatched, and whether they balance exactly';

-- merge_findings: what an analyst must look at before evaluating.
CREATE FUNCTION @extschema@.merge_findings(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (finding text, credit_code @extschema@.credit_code, raw_code text,
				   source text, line bigint, value text, detail text)
	LANGUAGE plpgsql VOLATILE
AS $find$
DECLARE
	st text;
	msg text;
	det text;
	hnt text;
BEGIN
	IF query IS NULL THEN
		RAISE EXCEPTION 'query must not be null' USING ERRCODE = '22004';
	END IF;
	-- errors of the merge are raised again without the statement built here
	BEGIN
	RETURN QUERY EXECUTE $q$
	WITH m AS MATERIALIZED (SELECT * FROM @extschema@.merge_sources($1, $2, $3)),
	ok AS (SELECT DISTINCT m.source, m.credit_code FROM m WHERE m.status OPERATOR(pg_catalog.=) 'merged'),
	names AS (
		SELECT m.credit_code, m.source, pg_catalog.min(m.name) AS name
		  FROM m WHERE m.credit_code IS NOT NULL AND m.name IS NOT NULL
		 GROUP BY 1, 2
	), srcs AS (SELECT DISTINCT m.source FROM m)
	SELECT '代码无效', NULL::@extschema@.credit_code, m.raw_code, m.source, m.line,
		   m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'invalid_code'
	UNION ALL
	SELECT '金额无效', m.credit_code, m.raw_code, m.source, m.line, m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'invalid_amount'
	UNION ALL
	SELECT '重复拒收', m.credit_code, m.raw_code, m.source, m.line, m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'duplicate_refused'
	UNION ALL
	SELECT DISTINCT '指标名不规范', NULL::@extschema@.credit_code, NULL, m.source, NULL::bigint, m.measure,
		   '指标名“' OPERATOR(pg_catalog.||) m.measure OPERATOR(pg_catalog.||) '”含空格或大写，按“' OPERATOR(pg_catalog.||)
		   pg_catalog.translate(@extschema@.trim_cell(m.measure), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') OPERATOR(pg_catalog.||) '”校验量纲，但合并与透视按原样区分'
	  FROM m WHERE m.measure OPERATOR(pg_catalog.<>) pg_catalog.translate(@extschema@.trim_cell(m.measure), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
	UNION ALL
	SELECT '名录外', m.credit_code, m.raw_code, m.source, m.line, m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'not_in_master'
	UNION ALL
	SELECT DISTINCT '组织机构代码校验位不符', m.credit_code, m.raw_code, m.source, NULL::bigint, NULL,
		   @extschema@.credit_code_strict_check(m.raw_code)
	  FROM m WHERE m.credit_code IS NOT NULL AND NOT @extschema@.credit_code_org_check_ok(m.credit_code)
	UNION ALL
	SELECT '名称不一致', n.credit_code, NULL, n.source, NULL, n.name, '各来源名称：' OPERATOR(pg_catalog.||) a.names
	  FROM names n
	  JOIN (SELECT names.credit_code,
				   pg_catalog.string_agg(names.source OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) names.name, '；' ORDER BY names.source) AS names
			  FROM names GROUP BY 1 HAVING pg_catalog.count(DISTINCT names.name) OPERATOR(pg_catalog.>) 1) a
		ON a.credit_code OPERATOR(@extschema@.=) n.credit_code
	UNION ALL
	SELECT '缺少' OPERATOR(pg_catalog.||) s.source, c.credit_code, NULL, s.source, NULL, NULL, '见于：' OPERATOR(pg_catalog.||) c.seen
	  FROM (SELECT ok.credit_code, pg_catalog.string_agg(ok.source, '、' ORDER BY ok.source) AS seen
			  FROM ok GROUP BY 1) c
	 CROSS JOIN srcs s
	 WHERE NOT EXISTS (SELECT FROM ok o WHERE o.credit_code OPERATOR(@extschema@.=) c.credit_code AND o.source OPERATOR(pg_catalog.=) s.source)
	 ORDER BY 1, 2, 4, 5$q$
	USING query, master, refuse_duplicates;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
		IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
			det := 'Raised while merge_findings read the query.';
		END IF;
		IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
			RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det;
		END IF;
		RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
	END;
END;
$find$;
COMMENT ON FUNCTION @extschema@.merge_findings(text, text, text[]) IS
	'findings of a merge: invalid codes, invalid amounts (NaN, infinity), refused duplicates, codes outside the master list, GB 11714 failures, names that differ between sources, firms missing from a source (有税无地, 有地无税)';

-- quality_findings(input, year): checks of the merged engine input before evaluation.
-- input is a table or view with credit_code, year, land, tax and optionally refund
-- (留抵退税, positive), parcel_key (the firm's parcels, e.g. sorted ids) and the other
-- shared attribute names; sources maps a column to the source it came from.
-- quality_per_mu_text(元/亩): 亩均 for a finding's detail, as format_auto writes it (unit by
-- magnitude); a value below 0.0001 元/亩 (the type's step) or beyond its range as a number.
CREATE FUNCTION @extschema@.quality_per_mu_text(per_mu numeric) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE WHEN pg_catalog.abs(per_mu) OPERATOR(pg_catalog.>=) 0.0001
					 AND pg_catalog.abs(per_mu) OPERATOR(pg_catalog.<) 900000000000000
				THEN @extschema@.format_auto(pg_catalog.round(per_mu, 4)::@extschema@.yuan_per_mu)
				ELSE pg_catalog.trim_scale(per_mu)::pg_catalog.text OPERATOR(pg_catalog.||) '元/亩' END;
COMMENT ON FUNCTION @extschema@.quality_per_mu_text(numeric) IS
	'internal to quality_findings: 亩均 in 元/亩 as display text (format_auto; never 0 for a value that is not 0)';

CREATE FUNCTION @extschema@.quality_findings(input regclass, year integer,
		sources jsonb DEFAULT '{}', outlier_factor numeric DEFAULT 10)
	RETURNS TABLE (finding text, credit_code @extschema@.credit_code, source text,
				   col text, value text, detail text)
	LANGUAGE plpgsql VOLATILE STRICT
AS $qual$
DECLARE
	c text;
	has_col jsonb;				-- column name -> type oid
	typ oid;
	src text;
	rel text;					-- input with its code read as credit_code (code_), valid codes only
	bad record;
	n bigint;
	st text;
	msg text;
	det text;
	hnt text;
BEGIN
	IF outlier_factor OPERATOR(pg_catalog.=) 'NaN'::numeric OR outlier_factor OPERATOR(pg_catalog.=) 'Infinity'::numeric
	   OR outlier_factor OPERATOR(pg_catalog.<=) 1 THEN
		RAISE EXCEPTION 'outlier_factor must be a finite number greater than 1, not %', outlier_factor
			USING ERRCODE = '22023';
	END IF;
	SELECT pg_catalog.jsonb_object_agg(a.attname, a.atttypid::pg_catalog.oid)
	  INTO has_col
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) input AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	FOREACH c IN ARRAY ARRAY['credit_code', 'year', 'land', 'tax'] LOOP
		IF NOT has_col OPERATOR(pg_catalog.?) c THEN
			RAISE EXCEPTION 'input % has no column "%"', input, c USING ERRCODE = '42703';
		END IF;
	END LOOP;
	-- the types, checked before anything runs: money as yuan or a number of 元, land as
	-- mu_area or a number of 亩 (a dimension mix is 42804, as in the engines), year a number
	FOREACH c IN ARRAY ARRAY['year', 'land', 'tax', 'refund', 'value_added', 'revenue', 'main_revenue', 'rd'] LOOP
		CONTINUE WHEN NOT has_col OPERATOR(pg_catalog.?) c;
		typ := (has_col OPERATOR(pg_catalog.->>) c)::pg_catalog.oid;
		CONTINUE WHEN typ OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.int2', 'pg_catalog.int4', 'pg_catalog.int8',
				'pg_catalog.numeric']::pg_catalog.regtype[]::pg_catalog.oid[])
			OR (c OPERATOR(pg_catalog.<>) 'year' AND typ OPERATOR(pg_catalog.=) ANY (
				ARRAY['pg_catalog.float4', 'pg_catalog.float8']::pg_catalog.regtype[]::pg_catalog.oid[]))
			OR (c OPERATOR(pg_catalog.=) 'land' AND typ OPERATOR(pg_catalog.=) '@extschema@.mu_area'::pg_catalog.regtype::pg_catalog.oid)
			OR (c OPERATOR(pg_catalog.<>) 'land' AND c OPERATOR(pg_catalog.<>) 'year'
				AND typ OPERATOR(pg_catalog.=) '@extschema@.yuan'::pg_catalog.regtype::pg_catalog.oid);
		RAISE EXCEPTION 'column "%" of input % has type %', c, input, typ::pg_catalog.regtype
			USING ERRCODE = '42804',
				  DETAIL = pg_catalog.format('quality_findings reads %s as %s.', c,
					  CASE c WHEN 'year' THEN 'a whole number'
							 WHEN 'land' THEN 'mu_area or a number of 亩'
							 ELSE 'yuan or a number of 元' END);
	END LOOP;
	IF has_col OPERATOR(pg_catalog.?) 'refund' THEN
		EXECUTE pg_catalog.format(
			'SELECT t.credit_code::pg_catalog.text AS code, t.refund::numeric AS refund FROM %s t'
			' WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.refund::numeric OPERATOR(pg_catalog.<) 0 LIMIT 1', input)
			INTO bad USING year;
		GET DIAGNOSTICS n = ROW_COUNT;
		IF n OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION 'refund must not be negative'
				USING ERRCODE = '22023',
					  DETAIL = pg_catalog.format('Firm %s has refund %s in %s.', coalesce(bad.code, '(null)'), bad.refund, year),
					  HINT = 'refund is the 留抵退税 a firm received, a positive amount of 元; a negative tax is the tax column.';
		END IF;
	END IF;
	rel := pg_catalog.format('(SELECT @extschema@.credit_code_or_null(x.credit_code::pg_catalog.text) AS code_, x.* FROM %s x)', input);

	-- Errors met while the input is read are raised again from here with their SQLSTATE,
	-- message, detail and hint, without the statements built below as their context.
	BEGIN
	-- a row without a valid code: only reported (fix it first), no other check can name it
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT '代码无效', NULL::@extschema@.credit_code, $2, 'credit_code', t.credit_code::pg_catalog.text,
			   CASE WHEN t.credit_code IS NULL THEN '缺少统一社会信用代码'
					ELSE @extschema@.credit_code_check(t.credit_code::pg_catalog.text) END
		  FROM %1$s t WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NULL
		 ORDER BY 5$q$, rel)
		USING year, sources OPERATOR(pg_catalog.->>) 'credit_code';

	-- a firm on several rows of the year: the engines need one
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT '重复记录', t.code_, $2, 'credit_code', pg_catalog.count(*)::pg_catalog.text,
			   pg_catalog.format('同一企业%%s年有%%s行，评价前须合并为一行', $1, pg_catalog.count(*))
		  FROM %1$s t WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NOT NULL
		 GROUP BY t.code_ HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1
		 ORDER BY 2$q$, rel)
		USING year, sources OPERATOR(pg_catalog.->>) 'credit_code';

	-- a value in the wrong unit: 10000 times (元 for 万元) or a 10000th of the year before;
	-- flagged from a factor of 1000
	FOREACH c IN ARRAY ARRAY['tax', 'value_added', 'revenue', 'main_revenue', 'rd'] LOOP
		CONTINUE WHEN NOT has_col OPERATOR(pg_catalog.?) c;
		src := coalesce(sources OPERATOR(pg_catalog.->>) c, c);
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '单位疑误', t.code_, $2, $3, t.%1$I::numeric::pg_catalog.text,
				   '上年为' OPERATOR(pg_catalog.||) p.%1$I::numeric OPERATOR(pg_catalog.||)
				   CASE WHEN pg_catalog.abs(t.%1$I::numeric) OPERATOR(pg_catalog.>) pg_catalog.abs(p.%1$I::numeric)
						THEN '，本年为上年的' OPERATOR(pg_catalog.||) pg_catalog.trim_scale(pg_catalog.round(pg_catalog.abs(t.%1$I::numeric OPERATOR(pg_catalog./) p.%1$I::numeric), 1)) OPERATOR(pg_catalog.||) '倍'
						ELSE '，本年仅为上年的1/' OPERATOR(pg_catalog.||) pg_catalog.trim_scale(pg_catalog.round(pg_catalog.abs(p.%1$I::numeric OPERATOR(pg_catalog./) t.%1$I::numeric), 1)) END
				   OPERATOR(pg_catalog.||) '，疑为元与万元混用'
			  FROM %2$s t JOIN %2$s p ON p.code_ OPERATOR(@extschema@.=) t.code_ AND p.year OPERATOR(pg_catalog.=) (t.year OPERATOR(pg_catalog.-) 1)
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.%1$I::numeric OPERATOR(pg_catalog.<>) 0 AND p.%1$I::numeric OPERATOR(pg_catalog.<>) 0
			   AND (pg_catalog.abs(t.%1$I::numeric) OPERATOR(pg_catalog.>=) (1000 OPERATOR(pg_catalog.*) pg_catalog.abs(p.%1$I::numeric))
					OR 1000 OPERATOR(pg_catalog.*) pg_catalog.abs(t.%1$I::numeric) OPERATOR(pg_catalog.<=) pg_catalog.abs(p.%1$I::numeric))
			 ORDER BY 2$q$, c, rel)
			USING year, src, c;
	END LOOP;

	-- missing indicators, per column and source
	FOREACH c IN ARRAY ARRAY['land', 'tax', 'value_added', 'revenue', 'main_revenue', 'rd',
							 'energy_tce', 'emission_t', 'employees', 'electricity'] LOOP
		CONTINUE WHEN NOT has_col OPERATOR(pg_catalog.?) c;
		src := coalesce(sources OPERATOR(pg_catalog.->>) c, c);
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '缺少指标', t.code_, $2, $3, NULL::pg_catalog.text,
				   '无' OPERATOR(pg_catalog.||) $3 OPERATOR(pg_catalog.||) '数据' OPERATOR(pg_catalog.||) coalesce('（来源：' OPERATOR(pg_catalog.||) $4 OPERATOR(pg_catalog.||) '）', '')
			  FROM %2$s t WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NOT NULL AND t.%1$I IS NULL ORDER BY 2$q$, c, rel)
			USING year, src, c, sources OPERATOR(pg_catalog.->>) c;
	END LOOP;

	-- land of 0 亩 or less: no 亩均 can be computed
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT '用地为零或负', t.code_, $2, 'land', t.land::numeric::pg_catalog.text,
			   '用地为' OPERATOR(pg_catalog.||) t.land::numeric OPERATOR(pg_catalog.||) '亩，无法计算亩均指标'
		  FROM %1$s t WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NOT NULL AND t.land::numeric OPERATOR(pg_catalog.<=) 0
		 ORDER BY 2$q$, rel)
		USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'land', 'land');

	-- 亩均税收 far from the year's median (outlier_factor times above or below); shown
	-- with format_auto (a unit by magnitude, never 0 for a value that is not 0)
	RETURN QUERY EXECUTE pg_catalog.format($q$
		WITH r AS (
			SELECT t.code_, t.tax::numeric OPERATOR(pg_catalog./) t.land::numeric AS per_mu
			  FROM %1$s t
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NOT NULL
			   AND t.land::numeric OPERATOR(pg_catalog.>) 0 AND t.tax::numeric OPERATOR(pg_catalog.>) 0
		), med AS (SELECT pg_catalog.percentile_disc(0.5) WITHIN GROUP (ORDER BY r.per_mu) AS m FROM r)
		SELECT '亩均异常', r.code_, $2, 'tax/land',
			   pg_catalog.trim_scale(pg_catalog.round(r.per_mu, 4))::pg_catalog.text,
			   '亩均税收' OPERATOR(pg_catalog.||) @extschema@.quality_per_mu_text(r.per_mu) OPERATOR(pg_catalog.||) '，全区中位数'
				 OPERATOR(pg_catalog.||) @extschema@.quality_per_mu_text(med.m)
		  FROM r, med
		 WHERE r.per_mu OPERATOR(pg_catalog.>) (med.m OPERATOR(pg_catalog.*) $3) OR r.per_mu OPERATOR(pg_catalog.*) $3 OPERATOR(pg_catalog.<) med.m
		 ORDER BY 2$q$, rel)
		USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'tax', 'tax') OPERATOR(pg_catalog.||) '/' OPERATOR(pg_catalog.||) coalesce(sources OPERATOR(pg_catalog.->>) 'land', 'land'),
			  outlier_factor;

	-- land that changed while the parcels did not
	IF has_col OPERATOR(pg_catalog.?) 'parcel_key' THEN
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '用地变化无宗地变化', t.code_, $2, 'land',
				   t.land::numeric::pg_catalog.text, '上年' OPERATOR(pg_catalog.||) p.land::numeric OPERATOR(pg_catalog.||) '亩，宗地未变（' OPERATOR(pg_catalog.||) t.parcel_key::pg_catalog.text OPERATOR(pg_catalog.||) '）'
			  FROM %1$s t JOIN %1$s p ON p.code_ OPERATOR(@extschema@.=) t.code_ AND p.year OPERATOR(pg_catalog.=) (t.year OPERATOR(pg_catalog.-) 1)
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.parcel_key::pg_catalog.text OPERATOR(pg_catalog.=) p.parcel_key::pg_catalog.text
			   AND t.land::numeric OPERATOR(pg_catalog.<>) p.land::numeric
			 ORDER BY 2$q$, rel)
			USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'land', 'land');
	END IF;

	-- negative tax beyond the refunds (留抵退税)
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT '负税超出退税', t.code_, $2, 'tax', t.tax::numeric::pg_catalog.text,
			   CASE WHEN %2$s IS NULL THEN '税收为负且无留抵退税记录'
					ELSE '税收为负，超出留抵退税' OPERATOR(pg_catalog.||) %2$s OPERATOR(pg_catalog.||) '元' END
		  FROM %1$s t
		 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.code_ IS NOT NULL AND t.tax::numeric OPERATOR(pg_catalog.<) 0
		   AND t.tax::numeric OPERATOR(pg_catalog.+) coalesce(%2$s, 0) OPERATOR(pg_catalog.<) 0
		 ORDER BY 2$q$, rel,
		CASE WHEN has_col OPERATOR(pg_catalog.?) 'refund' THEN 't.refund::numeric' ELSE 'NULL::numeric' END)
		USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'tax', 'tax');
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
		IF det IS NULL OR det OPERATOR(pg_catalog.=) '' THEN
			det := 'Raised while quality_findings read the input.';
		END IF;
		IF hnt IS NULL OR hnt OPERATOR(pg_catalog.=) '' THEN
			RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det;
		END IF;
		RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg, DETAIL = det, HINT = hnt;
	END;
END;
$qual$;
COMMENT ON FUNCTION @extschema@.quality_findings(regclass, integer, jsonb, numeric) IS
	'data-quality findings of the engine input for a year: 单位疑误 (x1000 or more against the year before), 缺少指标, 亩均异常, 用地变化无宗地变化, 负税超出退税; each names firm, source, column and value';

-- parcel_units(allocation, amounts, digits): 地块评价法, one evaluation unit per parcel.
-- Each firm's amounts are split over its parcels pro rata to its land on each (largest
-- remainder at 10^-digits, so Σ over units = Σ over firms exactly); the unit's land is the
-- parcel's whole area.  Amounts of firms without land go to the unit with parcel_id NULL.
CREATE FUNCTION @extschema@.parcel_units(allocation text, amounts text, digits integer DEFAULT 2)
	RETURNS TABLE (parcel_id text, measure text, amount numeric, users bigint)
	LANGUAGE plpgsql VOLATILE STRICT
AS $units$
BEGIN
	IF digits IS NULL OR digits OPERATOR(pg_catalog.<) 0 OR digits OPERATOR(pg_catalog.>) 10 THEN
		RAISE EXCEPTION 'digits must be between 0 and 10' USING ERRCODE = '22023';
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH a AS MATERIALIZED (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.credit_code::@extschema@.credit_code AS code,
			   q.land::@extschema@.mu_area::numeric AS land
		  FROM (%1$s) q
	), fa AS (
		SELECT a.parcel_id, a.code, pg_catalog.sum(a.land) AS land FROM a
		 WHERE a.code IS NOT NULL AND a.land OPERATOR(pg_catalog.>) 0 GROUP BY 1, 2
	), tot AS (SELECT fa.code, pg_catalog.sum(fa.land) AS t FROM fa GROUP BY 1),
	v AS (
		SELECT q.credit_code::@extschema@.credit_code AS code, q.measure::pg_catalog.text AS measure,
			   pg_catalog.round(pg_catalog.sum(q.amount::numeric) OPERATOR(pg_catalog.*) (10::numeric OPERATOR(pg_catalog.^) $1)) AS total
		  FROM (%2$s) q GROUP BY 1, 2
	), s AS (
		SELECT fa.parcel_id, v.code, v.measure, v.total,
			   v.total OPERATOR(pg_catalog.*) fa.land OPERATOR(pg_catalog./) tot.t AS exact
		  FROM v JOIN fa ON fa.code OPERATOR(@extschema@.=) v.code JOIN tot ON tot.code OPERATOR(@extschema@.=) v.code
	), r AS (
		SELECT s.*, pg_catalog.floor(s.exact) AS base,
			   pg_catalog.row_number() OVER (PARTITION BY s.code, s.measure
								  ORDER BY s.exact OPERATOR(pg_catalog.-) pg_catalog.floor(s.exact) DESC, s.parcel_id) AS rk,
			   s.total OPERATOR(pg_catalog.-) pg_catalog.sum(pg_catalog.floor(s.exact)) OVER (PARTITION BY s.code, s.measure) AS left_n
		  FROM s
	), pieces AS (
		SELECT r.parcel_id, r.measure, r.code, r.base OPERATOR(pg_catalog.+) CASE WHEN r.rk OPERATOR(pg_catalog.<=) r.left_n THEN 1 ELSE 0 END AS n
		  FROM r
		UNION ALL
		SELECT NULL, v.measure, v.code, v.total
		  FROM v WHERE NOT EXISTS (SELECT FROM tot WHERE tot.code OPERATOR(@extschema@.=) v.code)
	)
	SELECT p.parcel_id, p.measure, pg_catalog.trim_scale(pg_catalog.sum(p.n) OPERATOR(pg_catalog./) (10::numeric OPERATOR(pg_catalog.^) $1)), pg_catalog.count(DISTINCT p.code)
	  FROM pieces p GROUP BY 1, 2
	UNION ALL
	SELECT a.parcel_id, 'land', pg_catalog.trim_scale(pg_catalog.sum(a.land)), pg_catalog.count(DISTINCT a.code) FILTER (WHERE a.land OPERATOR(pg_catalog.>) 0)
	  FROM a GROUP BY 1
	 ORDER BY 1, 2$q$, allocation, amounts)
	USING digits;
END;
$units$;
COMMENT ON FUNCTION @extschema@.parcel_units(text, text, integer) IS
	'地块评价法: per parcel, its whole land and its users'' amounts (long form credit_code, measure, amount) split pro rata to their land on it, exactly (largest remainder at 10^-digits)';

-- ======================================================================================
-- policy
-- ======================================================================================


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
	SELECT @extschema@.rule_copy_check('policy set',
		CASE WHEN policy_copy.code IS NOT NULL AND policy_copy.year IS NOT NULL THEN
			pg_catalog.format('%s %s', policy_copy.code, policy_copy.year) END,
		EXISTS (SELECT FROM @extschema@.policy_set s
				 WHERE s.code OPERATOR(pg_catalog.=) policy_copy.code
				   AND s.year OPERATOR(pg_catalog.=) policy_copy.year),
		CASE WHEN new_code IS NOT NULL THEN pg_catalog.format('%s %s', new_code, COALESCE(new_year, policy_copy.year)) END,
		EXISTS (SELECT FROM @extschema@.policy_set s
				 WHERE s.code OPERATOR(pg_catalog.=) new_code
				   AND s.year OPERATOR(pg_catalog.=) COALESCE(new_year, policy_copy.year)),
		'policy_set');
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

-- ======================================================================================
-- bi_parameters
-- ======================================================================================

-- 70_bi_parameters.sql: the parameters BI tools bind, against the quantity types.
--
-- JDBC binds setBigDecimal as numeric, setLong as int8, setInt as int4, setDouble as
-- float8 and setString as varchar; psqlODBC and stringtype=unspecified send untyped
-- text.  In 1.0 only the untyped text worked: WHERE tax > ? failed with 42883 and an
-- INSERT of a float8 or varchar with 42804.  A plain number or string carries no
-- dimension, so all of this leaves dimension safety as it was: there is still no
-- operator or implicit cast between mu_area, yuan and yuan_per_mu, and yuan = mu_area,
-- yuan < mu_area, yuan + mu_area fail when the query is parsed (sql/quantity_numbers.sql).
--
--   T <op> n, n <op> T for <op> in = <> < <= > >= and n of int4, int8, numeric: exact,
--     n in the base unit (亩, 元, 元/亩); C functions <type>_<op>_<n> and <n>_<op>_<type>
--     (extension/quantity_numbers.c).
--   T <op> float8: compared as float8, the way PostgreSQL compares numeric with float8
--     (the value converted by the existing cast T -> float8, correctly rounded).
--   T <op> text: the text is read as a literal of T (units allowed, '5万元'), so it
--     compares exactly as WHERE tax > '5万元' does; a unit of another dimension raises
--     22P02.  varchar and other string types reach it through their implicit cast to text.
--   The float8 and text operators are SQL functions that the planner inlines, so the
--     text and float8 forms can use an index on the column.
--   Assignment casts float8 -> T (through numeric: 15 significant digits, then 四舍五入),
--     text -> T and varchar -> T (the type's input), for INSERT and UPDATE.  None of them
--     is implicit, so none takes part in operator or function resolution.
DO $bi_parameters$
DECLARE
	t text;
	n text;
	op record;
	fn text;
	rfn text;
	body text;
	rbody text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		FOREACH n IN ARRAY ARRAY['int4', 'int8', 'numeric', 'float8', 'text']
		LOOP
			FOR op IN SELECT * FROM (VALUES
					('eq', '=', '=', '<>', 'eqsel', 'eqjoinsel'),
					('ne', '<>', '<>', '=', 'neqsel', 'neqjoinsel'),
					('lt', '<', '>', '>=', 'scalarltsel', 'scalarltjoinsel'),
					('le', '<=', '>=', '>', 'scalarlesel', 'scalarlejoinsel'),
					('gt', '>', '<', '<=', 'scalargtsel', 'scalargtjoinsel'),
					('ge', '>=', '<=', '<', 'scalargesel', 'scalargejoinsel'))
					AS v(name, sym, commutator, negator, rsel, jsel)
			LOOP
				fn := t || '_' || op.name || '_' || n;
				rfn := n || '_' || op.name || '_' || t;
				IF n IN ('int4', 'int8', 'numeric') THEN
					EXECUTE pg_catalog.format($f$
						CREATE FUNCTION @extschema@.%1$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS boolean
							AS 'MODULE_PATHNAME', %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
						CREATE FUNCTION @extschema@.%2$I(pg_catalog.%4$I, @extschema@.%3$I) RETURNS boolean
							AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
						$f$, fn, rfn, t, n);
				ELSE
					IF n = 'float8' THEN
						body := pg_catalog.format('SELECT CAST($1 AS pg_catalog.float8) OPERATOR(pg_catalog.%1$s) $2', op.sym);
						rbody := pg_catalog.format('SELECT $1 OPERATOR(pg_catalog.%1$s) CAST($2 AS pg_catalog.float8)', op.sym);
					ELSE
						body := pg_catalog.format('SELECT $1 OPERATOR(@extschema@.%1$s) CAST($2 AS @extschema@.%2$I)', op.sym, t);
						rbody := pg_catalog.format('SELECT CAST($1 AS @extschema@.%2$I) OPERATOR(@extschema@.%1$s) $2', op.sym, t);
					END IF;
					EXECUTE pg_catalog.format($f$
						CREATE FUNCTION @extschema@.%1$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS boolean
							LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %5$L;
						CREATE FUNCTION @extschema@.%2$I(pg_catalog.%4$I, @extschema@.%3$I) RETURNS boolean
							LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %6$L;
						$f$, fn, rfn, t, n, body, rbody);
				END IF;
				EXECUTE pg_catalog.format($f$
					CREATE OPERATOR @extschema@.%1$s (LEFTARG = @extschema@.%4$I, RIGHTARG = pg_catalog.%5$I,
						FUNCTION = @extschema@.%6$I, COMMUTATOR = OPERATOR(@extschema@.%2$s),
						NEGATOR = OPERATOR(@extschema@.%3$s), RESTRICT = pg_catalog.%8$I,
						JOIN = pg_catalog.%9$I);
					CREATE OPERATOR @extschema@.%1$s (LEFTARG = pg_catalog.%5$I, RIGHTARG = @extschema@.%4$I,
						FUNCTION = @extschema@.%7$I, COMMUTATOR = OPERATOR(@extschema@.%2$s),
						NEGATOR = OPERATOR(@extschema@.%3$s), RESTRICT = pg_catalog.%8$I,
						JOIN = pg_catalog.%9$I);
					$f$, op.sym, op.commutator, op.negator, t, n, fn, rfn, op.rsel, op.jsel);
			END LOOP;
		END LOOP;

		-- assignment casts for INSERT/UPDATE of bound float8 and string values
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.%1$I(pg_catalog.float8) RETURNS @extschema@.%1$I
				LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
				AS 'SELECT CAST(CAST($1 AS pg_catalog.numeric) AS @extschema@.%1$I)';
			CREATE CAST (pg_catalog.float8 AS @extschema@.%1$I)
				WITH FUNCTION @extschema@.%1$I(pg_catalog.float8) AS ASSIGNMENT;
			CREATE CAST (pg_catalog.text AS @extschema@.%1$I) WITH INOUT AS ASSIGNMENT;
			CREATE CAST (pg_catalog.varchar AS @extschema@.%1$I) WITH INOUT AS ASSIGNMENT;
			$f$, t);
	END LOOP;
END
$bi_parameters$;

-- ======================================================================================
-- min_max_c
-- ======================================================================================

-- 70_min_max_c.sql: min(T) and max(T) with C transition functions.
--
-- In 1.0, <type>_smaller and <type>_larger were LANGUAGE internal wrappers of int8smaller
-- and int8larger.  Looking up an internal function searches the table of built-in
-- functions by name, and Citus's worker_partial_agg looks up the transition function of
-- the aggregate it wraps for every row, which made min/max 2-3 times slower than sum on
-- a distributed table.  The aggregates keep their transition functions (an aggregate's
-- SFUNC cannot be altered): the functions themselves are replaced, same name, signature
-- and labels, by C functions of the extension with the same result.  No other support
-- function of an aggregate, and no type's I/O function, is LANGUAGE internal
-- (sql/quantity_numbers.sql checks it).
DO $min_max$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE OR REPLACE FUNCTION @extschema@.%1$I(@extschema@.%3$I, @extschema@.%3$I) RETURNS @extschema@.%3$I
				AS 'MODULE_PATHNAME', 'quantity_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE OR REPLACE FUNCTION @extschema@.%2$I(@extschema@.%3$I, @extschema@.%3$I) RETURNS @extschema@.%3$I
				AS 'MODULE_PATHNAME', 'quantity_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t || '_smaller', t || '_larger', t);
	END LOOP;
END
$min_max$;
