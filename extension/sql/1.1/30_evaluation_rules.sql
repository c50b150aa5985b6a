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
	SELECT @extschema@.evaluation_validate(scheme, year);
	INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source,
		note, group_by_industry, classification, quota_rounding, tie_rule, score_digits,
		rd_denominator, min_land, exempt_registered_years, exempt_land_years,
		exempt_not_producing, veto_rule, veto_steps, exempt_class, match_scope, land_from,
		land_below, tenant, tenant_follows_landlord, builtin)
	SELECT new_scheme, COALESCE(new_year, s.year), s.scope, s.jurisdiction, s.title, s.source,
		pg_catalog.concat_ws(' ', s.note, pg_catalog.format('(copied from %s %s)', s.code, s.year)),
		s.group_by_industry, s.classification, s.quota_rounding, s.tie_rule, s.score_digits,
		s.rd_denominator, s.min_land, s.exempt_registered_years, s.exempt_land_years,
		s.exempt_not_producing, s.veto_rule, s.veto_steps, s.exempt_class, s.match_scope,
		s.land_from, s.land_below, s.tenant, s.tenant_follows_landlord, false
	FROM @extschema@.evaluation_scheme s
	WHERE s.code = evaluation_copy_scheme.scheme AND s.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
		benchmark_kind, benchmark, multiplier, method, cap, floor, missing, source, steps,
		step_points, builtin)
	SELECT new_scheme, COALESCE(new_year, i.year), i.scope, i.indicator, i.weight,
		i.benchmark_kind, i.benchmark, i.multiplier, i.method, i.cap, i.floor, i.missing,
		i.source, i.steps, i.step_points, false
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
