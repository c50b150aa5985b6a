-- industry 1.0: 亩均效益综合评价 (evaluation engine).  Reference: doc/evaluation.md.
--
-- Rule sets are rows of three tables.  A rule set is (code, year); it has one
-- evaluation_scheme row per scope (规上, 规下, or all), and under each scope its
-- indicators and its classes.  Rows shipped with the extension have builtin = true and
-- are read-only; pg_dump keeps the user's rows (WHERE NOT builtin).  Row checks live in
-- the trigger evaluation_rule_check (C), so CHECK constraints never depend on other
-- tables (pg_upgrade restores configuration data after DDL).

CREATE TABLE @extschema@.evaluation_scheme (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	jurisdiction text NOT NULL,
	title text,
	source text NOT NULL,
	note text,
	group_by_industry boolean NOT NULL DEFAULT false,
	classification text NOT NULL DEFAULT 'quota',
	quota_rounding text NOT NULL DEFAULT 'round',
	tie_rule text NOT NULL DEFAULT 'up',
	score_digits integer NOT NULL DEFAULT 3,
	rd_denominator text NOT NULL DEFAULT 'main_revenue',
	min_land @extschema@.mu_area,
	exempt_registered_years integer,
	exempt_land_years integer,
	exempt_not_producing boolean NOT NULL DEFAULT false,
	veto_rule text NOT NULL DEFAULT 'last_class',
	veto_steps integer NOT NULL DEFAULT 1,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope),
	UNIQUE (code, year, scope, builtin)
);

CREATE TABLE @extschema@.evaluation_indicator (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	indicator text NOT NULL,
	weight numeric NOT NULL,
	benchmark_kind text NOT NULL DEFAULT 'fixed',
	benchmark numeric,
	multiplier numeric NOT NULL DEFAULT 1,
	method text NOT NULL DEFAULT 'ratio',
	cap numeric,
	floor numeric,
	missing text NOT NULL DEFAULT 'zero',
	source text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope, indicator),
	FOREIGN KEY (code, year, scope, builtin)
		REFERENCES @extschema@.evaluation_scheme (code, year, scope, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE @extschema@.evaluation_class (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	position integer NOT NULL,
	class text NOT NULL,
	label text NOT NULL,
	quota numeric,
	min_score numeric,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope, position),
	UNIQUE (code, year, scope, class),
	FOREIGN KEY (code, year, scope, builtin)
		REFERENCES @extschema@.evaluation_scheme (code, year, scope, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.evaluation_scheme IS
	'亩均评价 rule sets: one row per (code, year, scope); see doc/evaluation.md';
COMMENT ON TABLE @extschema@.evaluation_indicator IS
	'indicators of each rule set scope: weight, benchmark, scoring method, cap, floor, missing-data rule';
COMMENT ON TABLE @extschema@.evaluation_class IS
	'classes of each rule set scope, best first: code, label, quota (percent) or min_score';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_scheme', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_indicator', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_class', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.evaluation_scheme, @extschema@.evaluation_indicator,
	@extschema@.evaluation_class TO PUBLIC;

CREATE FUNCTION @extschema@.evaluation_rule_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'evaluation_rule_check' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_rule_check() IS
	'trigger: checks rule rows and keeps built-in rows read-only';

CREATE TRIGGER evaluation_scheme_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_scheme FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('scheme');
CREATE TRIGGER evaluation_indicator_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_indicator FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('indicator');
CREATE TRIGGER evaluation_class_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_class FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('class');

-- ---------------------------------------------------------------------------------
-- Shipped rule sets.  Every row says where its numbers come from; "assumed" marks a
-- choice the sources do not make.  Source keys [S#] are those of doc/evaluation.md.
-- ---------------------------------------------------------------------------------

-- 黄岩区 (台州) 2021 and 2022: published formula and benchmarks [S3][S4].  Huangyan
-- publishes no class quotas: we use those of 温岭 2022 [S7] (a county of the same city,
-- 台州), ranked within each scope (Huangyan publishes no industry groups).  No cap and no
-- floor (none published); missing emission data → the group's average emission score
-- [S3]; other missing data score 0 (assumed).
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, builtin)
SELECT 'huangyan', y, s, '浙江省台州市黄岩区',
	pg_catalog.format('黄岩区%s年度工业企业亩均效益综合评价（%s）', y, s),
	CASE y WHEN 2022 THEN '[S3] https://www.chacewang.com/newsdetail/news430850.html'
		ELSE '[S4] https://chacewang.com/newsdetail/news169062.html' END,
	'Sourced: indicators, weights, benchmarks, the missing-emission rule. Assumed: quotas (温岭 2022 [S7]), one group per scope, missing data other than emission scores 0.',
	false, 'quota', true
FROM (VALUES (2021), (2022)) AS y(y), (VALUES ('规上'), ('规下')) AS s(s);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, benchmark, method, missing, source, builtin)
SELECT 'huangyan', y, scope, indicator, weight, 'fixed', benchmark, 'ratio', missing,
	CASE y WHEN 2022 THEN '[S3]' ELSE '[S4]' END, true
FROM (VALUES
	(2022, '规上', 'tax_per_mu', 30, 24.097, 'zero'),
	(2022, '规上', 'va_per_mu', 20, 136.16, 'zero'),
	(2022, '规上', 'va_per_energy', 20, 2.694, 'zero'),
	(2022, '规上', 'va_per_emission', 10, 4929.81, 'group_average_score'),
	(2022, '规上', 'labor_productivity', 10, 18.14, 'zero'),
	(2022, '规上', 'rd_intensity', 10, 0.0302, 'zero'),
	(2022, '规下', 'tax_per_mu', 50, 11.5932, 'zero'),
	(2022, '规下', 'tax_per_kwh', 50, 0.2352, 'zero'),
	(2021, '规上', 'tax_per_mu', 30, 26.01, 'zero'),
	(2021, '规上', 'va_per_mu', 20, 132.27, 'zero'),
	(2021, '规上', 'va_per_energy', 20, 2.54, 'zero'),
	(2021, '规上', 'va_per_emission', 10, 4861.08, 'group_average_score'),
	(2021, '规上', 'labor_productivity', 10, 17.45, 'zero'),
	(2021, '规上', 'rd_intensity', 10, 0.0305, 'zero'),
	(2021, '规下', 'tax_per_mu', 50, 16.601058, 'zero'),
	(2021, '规下', 'tax_per_kwh', 50, 0.236565, 'zero')
) AS v(y, scope, indicator, weight, benchmark, missing);

-- 温岭 2022 (台州): quotas by rank within each of the industry groups [S7]: 规上 A top
-- 20%, B to 80%, C to 95%, D bottom 5%; 规下 5/70/20/5.  Indicators as listed by [S8]
-- (规上 the six, R&D over 营业收入; 规下 亩均税收, 亩均营业收入, 单位用电营业收入).  Weights
-- and benchmarks are not in the sources: assumed Huangyan's weights and, for 规下,
-- 50/25/25, with benchmarks = the group's ratio of sums.  The sublet penalty [S7] is a
-- `penalty` input column.
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, rd_denominator, builtin)
VALUES
	('wenling', 2022, '规上', '浙江省台州市温岭市', '温岭市2022年度亩均效益综合评价（规上，分行业组）',
	 '[S7] https://www.wl.gov.cn/art/2022/7/29/art_1229299726_3809240.html ; [S8] http://www.wl.gov.cn/art/2022/6/29/art_1391272_58998458.html',
	 'Sourced: quotas within industry groups, indicators, R&D over 营业收入. Assumed: weights (Huangyan''s), benchmarks (group ratio of sums).',
	 true, 'quota', 'revenue', true),
	('wenling', 2022, '规下', '浙江省台州市温岭市', '温岭市2022年度亩均效益综合评价（规下，分行业组）',
	 '[S7] https://www.wl.gov.cn/art/2022/7/29/art_1229299726_3809240.html ; [S8] http://www.wl.gov.cn/art/2022/6/29/art_1391272_58998458.html',
	 'Sourced: quotas within industry groups, indicators. Assumed: weights 50/25/25, benchmarks (group ratio of sums).',
	 true, 'quota', 'revenue', true);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, method, missing, source, builtin)
SELECT 'wenling', 2022, scope, indicator, weight, 'ratio_of_sums', 'ratio', 'zero',
	'[S8] indicator; weight assumed', true
FROM (VALUES
	('规上', 'tax_per_mu', 30), ('规上', 'va_per_mu', 20), ('规上', 'va_per_energy', 20),
	('规上', 'va_per_emission', 10), ('规上', 'labor_productivity', 10),
	('规上', 'rd_intensity', 10),
	('规下', 'tax_per_mu', 50), ('规下', 'revenue_per_mu', 25), ('规下', 'revenue_per_kwh', 25)
) AS v(scope, indicator, weight);

-- 浙江 generic (data-derived benchmarks), year 2024: benchmark = the group's ratio of sums
-- (the regional 亩均, the Huangyan benchmarks look like such averages [S3]); weights of the
-- six indicators as Huangyan [S3]; 规下 亩均税收 + 亩均营业收入 (Longyou, Jiangshan [S5][S6]),
-- weights assumed 60/40.  Cap 3 × weight and floor 0 per item (assumed: "said to" [§1.4]);
-- missing emission → group average score [S3].  Exemptions: registered < 2 years, land
-- supplied < 3 years (Jiangshan [S6]), not yet producing (Suichang [S11]); 规下 below
-- 3 亩 not graded [S9][S11][S12][S14].  Quotas 20/60/15/5 within industry groups ([S7];
-- 规下 5/70/20/5).  Copy it to your year with evaluation_copy_scheme().
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, min_land, exempt_registered_years, exempt_land_years,
	exempt_not_producing, builtin)
VALUES
	('zhejiang', 2024, '规上', '浙江省（通用）', '浙江通用亩均效益综合评价（规上，数据基准）',
	 '[S3] [S5] [S6] [S7] [S11] (composite)',
	 'A template: benchmarks derived from the data; cap, floor and weights assumed; exemptions from Jiangshan and Suichang.',
	 true, 'quota', NULL, 2, 3, true, true),
	('zhejiang', 2024, '规下', '浙江省（通用）', '浙江通用亩均效益综合评价（规下，数据基准）',
	 '[S5] [S6] [S7] [S9] [S11] [S12] [S14] (composite)',
	 'A template: benchmarks derived from the data; cap, floor and weights assumed; 规下 below 3亩 not graded.',
	 true, 'quota', '3'::@extschema@.mu_area, 2, 3, true, true);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, method, cap, floor, missing, source, builtin)
SELECT 'zhejiang', 2024, scope, indicator, weight, 'ratio_of_sums', 'ratio', 3, 0, missing,
	'weight ' || src || '; benchmark = group ratio of sums; cap 3 and floor 0 assumed', true
FROM (VALUES
	('规上', 'tax_per_mu', 30, 'zero', '[S3]'),
	('规上', 'va_per_mu', 20, 'zero', '[S3]'),
	('规上', 'va_per_energy', 20, 'zero', '[S3]'),
	('规上', 'va_per_emission', 10, 'group_average_score', '[S3]'),
	('规上', 'labor_productivity', 10, 'zero', '[S3]'),
	('规上', 'rd_intensity', 10, 'zero', '[S3]'),
	('规下', 'tax_per_mu', 60, 'zero', 'assumed'),
	('规下', 'revenue_per_mu', 40, 'zero', 'assumed')
) AS v(scope, indicator, weight, missing, src);

-- Classes: the labels of [S10][S15][S16] (A 优先发展类, B 鼓励提升类, C 调控帮扶类,
-- D 倒逼整治类); quotas 规上 20/60/15/5 and 规下 5/70/20/5 [S7].
INSERT INTO @extschema@.evaluation_class (code, year, scope, position, class, label, quota, builtin)
SELECT s.code, s.year, s.scope, c.position, c.class, c.label,
	CASE s.scope WHEN '规上' THEN c.quota_above ELSE c.quota_below END, true
FROM @extschema@.evaluation_scheme s,
	(VALUES (1, 'A', '优先发展类', 20, 5), (2, 'B', '鼓励提升类', 60, 70),
		(3, 'C', '调控帮扶类', 15, 20), (4, 'D', '倒逼整治类', 5, 5))
		AS c(position, class, label, quota_above, quota_below)
WHERE s.builtin;

-- ---------------------------------------------------------------------------------
-- The one-call engine.  It runs the caller's query with the caller's rights.
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.evaluate(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, name text, scope text, industry_group text, land @extschema@.mu_area,
	status text, total numeric, rank integer, group_size integer, class text, label text,
	reason text,
	tax_per_mu numeric, va_per_mu numeric, revenue_per_mu numeric, va_per_energy numeric,
	va_per_emission numeric, labor_productivity numeric, rd_intensity numeric,
	tax_per_kwh numeric, revenue_per_kwh numeric,
	tax_per_mu_score numeric, va_per_mu_score numeric, revenue_per_mu_score numeric,
	va_per_energy_score numeric, va_per_emission_score numeric,
	labor_productivity_score numeric, rd_intensity_score numeric,
	tax_per_kwh_score numeric, revenue_per_kwh_score numeric)
	AS 'MODULE_PATHNAME', 'evaluate' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluate(text, integer, text) IS
	'亩均效益综合评价 of the rows of a query under rule set (scheme, year): one row per enterprise';

CREATE FUNCTION @extschema@.evaluation_explain(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, scope text, industry_group text, status text, indicator text,
	indicator_name text, unit text, value numeric, benchmark numeric, group_min numeric,
	group_max numeric, weight numeric, score numeric, capped boolean, floored boolean,
	missing_rule text)
	AS 'MODULE_PATHNAME', 'evaluation_explain' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_explain(text, integer, text) IS
	'each enterprise''s indicators: value, benchmark, weight, score, capped or floored';

CREATE FUNCTION @extschema@.evaluation_gap(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, scope text, industry_group text, status text, class text,
	total numeric, next_class text, score_needed numeric, score_gap numeric,
	tax_needed @extschema@.yuan, explanation text)
	AS 'MODULE_PATHNAME', 'evaluation_gap' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_gap(text, integer, text) IS
	'each enterprise''s gap to the next class: score needed and the extra tax it means';

CREATE FUNCTION @extschema@.evaluation_validate(scheme text, year integer) RETURNS void
	AS 'MODULE_PATHNAME', 'evaluation_validate' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.evaluation_validate(text, integer) IS
	'checks a whole rule set (indicators, classes, quotas adding up to 100%) and raises the first problem';

-- ---------------------------------------------------------------------------------
-- Building blocks for a hand-written evaluation (identical arithmetic).
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.indicator_value(numerator numeric, denominator numeric)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_value(numeric, numeric) IS
	'numerator / denominator rounded half away from zero to 8 decimals; NULL when the denominator is not positive';

CREATE FUNCTION @extschema@.indicator_score(value numeric, weight numeric,
	method text DEFAULT 'ratio', benchmark numeric DEFAULT NULL,
	group_min numeric DEFAULT NULL, group_max numeric DEFAULT NULL,
	cap numeric DEFAULT NULL, floor numeric DEFAULT NULL)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_score(numeric, numeric, text, numeric, numeric, numeric, numeric, numeric) IS
	'item score of one indicator value (ratio, lower_better or minmax; cap and floor as multiples of the weight), 6 decimals';

CREATE FUNCTION @extschema@.quota_class(rank bigint, group_size bigint, quotas numeric[],
	classes text[] DEFAULT '{A,B,C,D}', rounding text DEFAULT 'round')
RETURNS text
	AS 'MODULE_PATHNAME', 'quota_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quota_class(bigint, bigint, numeric[], text[], text) IS
	'class of the firm at a rank position in a group, by quotas in percent (cumulative cut-offs rounded half away from zero)';

CREATE FUNCTION @extschema@.threshold_class(total numeric, min_scores numeric[],
	classes text[] DEFAULT '{A,B,C,D}')
RETURNS text
	AS 'MODULE_PATHNAME', 'threshold_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.threshold_class(numeric, numeric[], text[]) IS
	'class of a total by minimum scores of every class but the last';

CREATE FUNCTION @extschema@.largest_remainder(counts bigint[], digits integer DEFAULT 1)
RETURNS numeric[]
	AS 'MODULE_PATHNAME', 'largest_remainder' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.largest_remainder(bigint[], integer) IS
	'percentages of counts with the given decimals, adding up to exactly 100 (largest remainder method)';

-- ---------------------------------------------------------------------------------
-- Rule set administration and reports.
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.evaluation_copy_scheme(scheme text, year integer,
	new_scheme text, new_year integer DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT @extschema@.evaluation_validate(scheme, year);
	INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source,
		note, group_by_industry, classification, quota_rounding, tie_rule, score_digits,
		rd_denominator, min_land, exempt_registered_years, exempt_land_years,
		exempt_not_producing, veto_rule, veto_steps, builtin)
	SELECT new_scheme, COALESCE(new_year, s.year), s.scope, s.jurisdiction, s.title, s.source,
		pg_catalog.concat_ws(' ', s.note, pg_catalog.format('(copied from %s %s)', s.code, s.year)),
		s.group_by_industry, s.classification, s.quota_rounding, s.tie_rule, s.score_digits,
		s.rd_denominator, s.min_land, s.exempt_registered_years, s.exempt_land_years,
		s.exempt_not_producing, s.veto_rule, s.veto_steps, false
	FROM @extschema@.evaluation_scheme s
	WHERE s.code = evaluation_copy_scheme.scheme AND s.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
		benchmark_kind, benchmark, multiplier, method, cap, floor, missing, source, builtin)
	SELECT new_scheme, COALESCE(new_year, i.year), i.scope, i.indicator, i.weight,
		i.benchmark_kind, i.benchmark, i.multiplier, i.method, i.cap, i.floor, i.missing,
		i.source, false
	FROM @extschema@.evaluation_indicator i
	WHERE i.code = evaluation_copy_scheme.scheme AND i.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_class (code, year, scope, position, class, label, quota,
		min_score, builtin)
	SELECT new_scheme, COALESCE(new_year, c.year), c.scope, c.position, c.class, c.label,
		c.quota, c.min_score, false
	FROM @extschema@.evaluation_class c
	WHERE c.code = evaluation_copy_scheme.scheme AND c.year = evaluation_copy_scheme.year;
	SELECT pg_catalog.count(*)::integer FROM @extschema@.evaluation_scheme s
	WHERE s.code = new_scheme AND s.year = COALESCE(new_year, evaluation_copy_scheme.year);
END;
COMMENT ON FUNCTION @extschema@.evaluation_copy_scheme(text, integer, text, integer) IS
	'copies a rule set (all its scopes, indicators and classes) to a new code and/or year; returns the number of scopes';

CREATE FUNCTION @extschema@.evaluation_distribution(scheme text, year integer, query text)
RETURNS TABLE (scope text, industry_group text, class text, label text, firms bigint,
	percent numeric, land @extschema@.mu_area)
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
	WITH r AS (
		SELECT e.scope, e.industry_group, e.class, e.land
		FROM @extschema@.evaluate(evaluation_distribution.scheme, evaluation_distribution.year,
			evaluation_distribution.query) e
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
