-- demo/views.sql: BI-ready report views over the sample district (psql script).
--
--   psql -d district -f demo/views.sql          (after demo/district.sql and generate())
--
-- Every object in schema report is a materialized view whose columns are plain
-- numeric, int, date or text in report units (万元, 亿元, 万元/亩, percent), keyed by
-- the credit code as text plus the period, with a unique btree index on that key, so
-- that REFRESH MATERIALIZED VIEW CONCURRENTLY works and BI tools (Metabase,
-- Superset, Grafana, Excel/Power BI via Npgsql) see ordinary measures: doc/bi.md.
-- report.refresh() refreshes them all concurrently; doc/report.md shows the pg_cron
-- schedule.  To use them on your own tables, replace district.firm_year and
-- district.monthly by your own view with the same column names.
--
-- Sections that need an engine the installed extension does not have (growth,
-- evaluation, tiers) are skipped with a notice, never filled with stand-in numbers.

\set ON_ERROR_STOP 1
CREATE SCHEMA report;
COMMENT ON SCHEMA report IS 'BI-ready report views of the sample district (plain numeric/text columns)';

-- Report parameters: the evaluation year and the month of the latest monthly data.
CREATE TABLE report.parameter (
	name		text PRIMARY KEY,
	value		text NOT NULL
);
INSERT INTO report.parameter VALUES
	('evaluation_year', '2024'),	-- 评价年度 (and the year of the tier checks)
	('scheme', 'zhejiang'),			-- evaluation rule set (code) of that year
	('as_of', '2025-05-01');		-- latest month of the monthly data

-- ---------------------------------------------------------------- per firm and year
-- 亩均 indicators per firm and year, in 万元, 万元/亩, percent.  cohort is the
-- published list a firm appears on (Cixi publishes these four separately).
CREATE MATERIALIZED VIEW report.firm_year AS
SELECT f.credit_code::text AS credit_code,
	   f.year,
	   f.name,
	   f.industry_group,
	   f.town,
	   f.scope,
	   CASE WHEN f.land IS NULL THEN '租赁企业'
			WHEN f.scope = '规上' THEN '规上'
			WHEN f.land >= '3亩' THEN '规下(≥3亩)'
			ELSE '规下(<3亩)' END AS cohort,
	   f.land::numeric AS land_mu,
	   wan_yuan(f.tax) AS tax_wan,
	   wan_yuan(f.value_added) AS value_added_wan,
	   wan_yuan(f.revenue) AS revenue_wan,
	   wan_yuan(f.main_revenue) AS main_revenue_wan,
	   wan_yuan(f.rd) AS rd_wan,
	   f.energy_tce,
	   f.emission_t,
	   f.employees::int AS employees,
	   f.electricity AS electricity_wan_kwh,
	   round(wan_yuan_per_mu(f.tax / f.land), 2) AS tax_per_mu,
	   round(wan_yuan_per_mu(f.value_added / f.land), 2) AS va_per_mu,
	   round(wan_yuan_per_mu(f.revenue / f.land), 2) AS revenue_per_mu,
	   round(wan_yuan(f.value_added) / nullif(f.energy_tce, 0), 2) AS va_per_energy,
	   round(wan_yuan(f.value_added) / nullif(f.emission_t, 0), 2) AS va_per_emission,
	   round(wan_yuan(f.value_added) / nullif(f.employees, 0), 2) AS labor_productivity,
	   round(100 * wan_yuan(f.rd) / nullif(wan_yuan(f.main_revenue), 0), 2) AS rd_intensity_pct,
	   round(wan_yuan(f.tax) / nullif(f.electricity, 0), 4) AS tax_per_kwh
  FROM district.firm_year f;
CREATE UNIQUE INDEX ON report.firm_year (credit_code, year);
COMMENT ON MATERIALIZED VIEW report.firm_year IS '亩均 indicators per firm and year (万元, 万元/亩, %)';

-- ---------------------------------------------------------------- per group and year
-- Regional 亩均 as ratio of sums (Σ tax / Σ land, never the mean of ratios), per
-- year, cohort and industry group, with '全部' rows for the totals.  Only firms
-- with own land count towards the per-mu figures.
CREATE MATERIALIZED VIEW report.group_year AS
SELECT year,
	   coalesce(cohort, '全部') AS cohort,
	   coalesce(industry_group, '全部') AS industry_group,
	   count(*)::int AS firms,
	   sum(land_mu) AS land_mu,
	   sum(tax_wan) AS tax_wan,
	   sum(revenue_wan) AS revenue_wan,
	   round(sum(tax_wan) FILTER (WHERE land_mu > 0) / nullif(sum(land_mu), 0), 2) AS tax_per_mu,
	   round(sum(value_added_wan) FILTER (WHERE land_mu > 0 AND value_added_wan IS NOT NULL)
			 / nullif(sum(land_mu) FILTER (WHERE value_added_wan IS NOT NULL), 0), 2) AS va_per_mu,
	   round(sum(revenue_wan) FILTER (WHERE land_mu > 0) / nullif(sum(land_mu), 0), 2) AS revenue_per_mu
  FROM report.firm_year
 GROUP BY year, ROLLUP (cohort, industry_group)
HAVING NOT (cohort IS NULL AND industry_group IS NOT NULL);
CREATE UNIQUE INDEX ON report.group_year (year, cohort, industry_group);
COMMENT ON MATERIALIZED VIEW report.group_year IS 'totals and regional 亩均 (ratio of sums) per year, cohort and group';

-- ---------------------------------------------------------------- per firm and month
-- 工业总产值 per firm and month with the same month of the year before and the
-- year-to-date sums (万元).  NULL where a month was not reported.
CREATE MATERIALIZED VIEW report.firm_month AS
SELECT m.credit_code::text AS credit_code,
	   m.month,
	   e.industry_group,
	   wan_yuan(m.output) AS output_wan,
	   wan_yuan(p.output) AS output_prev_year_wan,
	   sum(wan_yuan(m.output)) OVER w AS ytd_output_wan
  FROM district.monthly m
  JOIN district.enterprise e USING (credit_code)
  LEFT JOIN district.monthly p
	ON p.credit_code = m.credit_code AND p.month = (m.month - interval '1 year')::date
WINDOW w AS (PARTITION BY m.credit_code, date_trunc('year', m.month) ORDER BY m.month);
CREATE UNIQUE INDEX ON report.firm_month (credit_code, month);
COMMENT ON MATERIALIZED VIEW report.firm_month IS '工业总产值 per firm and month, same month last year, year to date (万元)';

-- ---------------------------------------------------------------- district per month
-- Bulletin figures per month of the 规上 directory: the month's 工业总产值 and the
-- year to date (累计), in 亿元, with 同比 on the 可比口径 (only firms reporting in
-- both periods count towards the growth; the level counts every firm), and the
-- headline as a bulletin prints it: '1至5月，规上工业产值347.76亿元，同比增长8.9%'.
SELECT to_regprocedure('ytd_current(numeric,date,date)') IS NOT NULL AS have_growth \gset
\if :have_growth
CREATE MATERIALIZED VIEW report.district_month AS
WITH months AS (
	-- months that have a whole year of history before them
	SELECT DISTINCT month AS as_of FROM district.monthly
	 WHERE month >= (SELECT min(month) FROM district.monthly) + interval '1 year'
), firm AS (
	-- per firm, in 元 (exact numeric)
	SELECT a.as_of, m.credit_code,
		   ytd_current(m.output::numeric, m.month, a.as_of) AS ytd_cur,
		   ytd_base(m.output::numeric, m.month, a.as_of) AS ytd_base,
		   sum(m.output::numeric) FILTER (WHERE m.month = a.as_of) AS month_cur,
		   sum(m.output::numeric) FILTER (WHERE m.month = (a.as_of - interval '1 year')::date) AS month_base,
		   sum(m.output::numeric) FILTER (WHERE m.month = (a.as_of - interval '1 month')::date) AS prev_month
	  FROM months a
	  JOIN district.monthly m
		ON m.month >= (date_trunc('year', a.as_of) - interval '1 year')::date AND m.month <= a.as_of
	 GROUP BY a.as_of, m.credit_code
), district AS (
	SELECT as_of,
		   count(month_cur)::int AS firms,
		   sum(ytd_cur) AS ytd_cur,
		   comparable_current(ytd_cur, ytd_base) AS ytd_cur_c,
		   comparable_base(ytd_cur, ytd_base) AS ytd_base_c,
		   sum(month_cur) AS month_cur,
		   comparable_current(month_cur, month_base) AS month_cur_c,
		   comparable_base(month_cur, month_base) AS month_base_c,
		   comparable_current(month_cur, prev_month) AS mom_cur_c,
		   comparable_base(month_cur, prev_month) AS mom_base_c
	  FROM firm
	 GROUP BY as_of
)
SELECT as_of AS month,
	   firms,
	   round((month_cur / 100000000), 2) AS output_yi,
	   round(growth(month_cur_c, month_base_c), 1) AS yoy_pct,
	   round(growth(mom_cur_c, mom_base_c), 1) AS mom_pct,
	   extract(month FROM as_of)::int || '月份，规上工业产值' || round((month_cur / 100000000), 2) || '亿元，同比'
		 || growth_phrase(month_cur_c, month_base_c) || '，环比' || growth_phrase(mom_cur_c, mom_base_c)
		 AS month_headline,
	   -- 累计 needs January..month of the year before: NULL where the data start later
	   CASE WHEN ytd_complete THEN ytd_label(as_of) END AS period,
	   CASE WHEN ytd_complete THEN round((ytd_cur / 100000000), 2) END AS ytd_output_yi,
	   CASE WHEN ytd_complete THEN round(growth(ytd_cur_c, ytd_base_c), 1) END AS ytd_yoy_pct,
	   CASE WHEN ytd_complete THEN
			ytd_label(as_of) || '，规上工业产值' || round((ytd_cur / 100000000), 2) || '亿元，同比'
			|| growth_phrase(ytd_cur_c, ytd_base_c) END AS headline
  FROM (SELECT d.*,
			   (date_trunc('year', as_of) - interval '1 year')::date
				 >= (SELECT min(month) FROM district.monthly) AS ytd_complete
		  FROM district d) d;
CREATE UNIQUE INDEX ON report.district_month (month);
COMMENT ON MATERIALIZED VIEW report.district_month IS '规上工业产值 per month and year to date (亿元), 同比 on 可比口径 (%), bulletin headlines';
\else
\echo 'report.district_month skipped: the installed industry has no growth aggregates'
\endif

-- ---------------------------------------------------------------- evaluation
-- 亩均效益综合评价 of the evaluation year under the rule set of report.parameter (the
-- shipped 浙江 generic set, data-derived benchmarks), one row per firm.
SELECT to_regprocedure('evaluate(text,integer,text)') IS NOT NULL AS have_evaluation \gset
\if :have_evaluation
CREATE MATERIALIZED VIEW report.evaluation AS
SELECT e.credit_code,
	   p.year,
	   e.name,
	   e.scope,
	   e.industry_group,
	   f.town,
	   f.cohort,
	   e.land::numeric AS land_mu,
	   e.status,
	   e.total,
	   e.rank,
	   e.group_size,
	   e.class,
	   e.label,
	   e.reason,
	   round(e.tax_per_mu, 2) AS tax_per_mu,
	   round(e.va_per_mu, 2) AS va_per_mu,
	   round(e.revenue_per_mu, 2) AS revenue_per_mu,
	   round(e.va_per_energy, 2) AS va_per_energy,
	   round(e.va_per_emission, 2) AS va_per_emission,
	   round(e.labor_productivity, 2) AS labor_productivity,
	   round(100 * e.rd_intensity, 2) AS rd_intensity_pct,
	   e.tax_per_mu_score, e.va_per_mu_score, e.revenue_per_mu_score, e.va_per_energy_score,
	   e.va_per_emission_score, e.labor_productivity_score, e.rd_intensity_score
  FROM (SELECT value AS scheme FROM report.parameter WHERE name = 'scheme') s
 CROSS JOIN (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year') p
 CROSS JOIN LATERAL evaluate(s.scheme, p.year, 'SELECT * FROM district.firm_year') e
  LEFT JOIN report.firm_year f ON f.credit_code = e.credit_code AND f.year = p.year;
CREATE UNIQUE INDEX ON report.evaluation (credit_code, year);
COMMENT ON MATERIALIZED VIEW report.evaluation IS '亩均效益综合评价: score, rank, class, status and reason per firm';

-- Class distribution per scope and industry group ('全部' = the whole scope), counting
-- graded and vetoed firms; percent by the largest remainder method, so every group's
-- percentages add up to exactly 100.0.  land_mu is the land those firms hold.
CREATE MATERIALIZED VIEW report.class_distribution AS
WITH classes AS (
	SELECT c.scope, c.position, c.class, c.label
	  FROM evaluation_class c, report.parameter s, report.parameter y
	 WHERE s.name = 'scheme' AND y.name = 'evaluation_year'
	   AND c.code = s.value AND c.year = y.value::int
), groups AS (
	SELECT DISTINCT year, scope, industry_group FROM report.evaluation WHERE class IS NOT NULL
	UNION
	SELECT DISTINCT year, scope, '全部' FROM report.evaluation WHERE class IS NOT NULL
), cells AS (
	SELECT g.year, g.scope, g.industry_group, c.position, c.class, c.label,
		   count(e.credit_code) AS firms, coalesce(sum(e.land_mu), 0) AS land_mu
	  FROM groups g
	  JOIN classes c ON c.scope = g.scope
	  LEFT JOIN report.evaluation e
		ON e.year = g.year AND e.scope = g.scope AND e.class = c.class
	   AND (g.industry_group = '全部' OR e.industry_group = g.industry_group)
	 GROUP BY g.year, g.scope, g.industry_group, c.position, c.class, c.label
)
SELECT year, scope, industry_group, class, label, firms::int,
	   (largest_remainder(array_agg(firms) OVER w, 1))[row_number() OVER w] AS percent,
	   land_mu
  FROM cells
WINDOW w AS (PARTITION BY year, scope, industry_group ORDER BY position
			 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);
CREATE UNIQUE INDEX ON report.class_distribution (year, scope, industry_group, class);
COMMENT ON MATERIALIZED VIEW report.class_distribution IS 'firms and land per class, scope and group; percent adds up to 100.0 per group';

-- 腾笼换鸟: the D-class firms (graded or vetoed) and the land they hold.
CREATE MATERIALIZED VIEW report.d_class_land AS
SELECT credit_code, year, name, scope, industry_group, town, land_mu, status, total,
	   rank, group_size, reason
  FROM report.evaluation
 WHERE class = 'D';
CREATE UNIQUE INDEX ON report.d_class_land (credit_code, year);
COMMENT ON MATERIALIZED VIEW report.d_class_land IS '腾笼换鸟: D-class firms and their land (亩)';

-- Gap to the next class: the score needed and what it means in tax at the same land.
-- (Built only when evaluation_gap() runs on these data; the notice says why not.)
CREATE FUNCTION pg_temp.class_gap_works() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM count(*) FROM evaluation_gap((SELECT value FROM report.parameter WHERE name = 'scheme'),
										 (SELECT value::int FROM report.parameter WHERE name = 'evaluation_year'),
										 'SELECT * FROM district.firm_year');
	RETURN true;
EXCEPTION WHEN OTHERS THEN
	RAISE NOTICE 'report.class_gap skipped: evaluation_gap() failed on these data: %', SQLERRM;
	RETURN false;
END;
$$;
SELECT pg_temp.class_gap_works() AS have_class_gap \gset
\if :have_class_gap
CREATE MATERIALIZED VIEW report.class_gap AS
SELECT g.credit_code, p.year, g.scope, g.industry_group, g.class, g.total, g.next_class,
	   g.score_needed, g.score_gap, wan_yuan(g.tax_needed) AS tax_needed_wan, g.explanation
  FROM (SELECT value AS scheme FROM report.parameter WHERE name = 'scheme') s
 CROSS JOIN (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year') p
 CROSS JOIN LATERAL evaluation_gap(s.scheme, p.year, 'SELECT * FROM district.firm_year') g;
CREATE UNIQUE INDEX ON report.class_gap (credit_code, year);
COMMENT ON MATERIALIZED VIEW report.class_gap IS 'gap to the next class: score and extra tax (万元) needed';
\endif
\else
\echo 'report.evaluation and its views skipped: the installed industry has no evaluate()'
\endif

-- ---------------------------------------------------------------- tiers
-- 梯度培育 for the evaluation year: the ladder 规上 → 创新型 → 专精特新 → 小巨人.
SELECT to_regprocedure('tier_check(text,text[],boolean)') IS NOT NULL AS have_tiers \gset
\if :have_tiers
-- to_fix is the least number of criteria the firm still has to meet: a requirement with
-- alternative routes (requirement/route of tier_criterion) counts its cheapest route.
-- gaps lists the shortfalls of those criteria, relative_gap the largest of them relative
-- to its threshold (0.1 = 10% short; 1 for a yes/no criterion).
CREATE MATERIALIZED VIEW report.tier_status AS
SELECT t.credit_code, p.year, t.tier,
	   array_position(ARRAY['guishang', 'chuangxin', 'zjtx', 'xjr'], t.tier) AS step,
	   t.label, t.version, t.eligible,
	   CASE t.eligible WHEN true THEN '符合' WHEN false THEN '不符合' ELSE '待补数据' END AS status,
	   t.score,
	   CASE WHEN t.eligible IS NOT NULL THEN need.to_fix END AS to_fix,
	   array_to_string(t.failed, ',') AS failed,
	   array_to_string(t.unknown, ',') AS unknown,
	   array_to_string(t.missing, ',') AS missing,
	   (SELECT string_agg(g.text, '；' ORDER BY g.ordinality)
		  FROM unnest(t.gaps) WITH ORDINALITY AS g
		 WHERE g.criterion = ANY (need.needed)) AS gaps,
	   need.relative_gap
  FROM (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year') p
 -- absent_means_no: a status the district does not record (a title, an award, a flag
 -- without a column in firm_year) counts as not held; NULL values stay 待补数据
 CROSS JOIN LATERAL tier_check(format('SELECT * FROM district.firm_year WHERE year = %s', p.year),
							   ARRAY['guishang', 'chuangxin', 'zjtx', 'xjr'], absent_means_no => true) t
 CROSS JOIN LATERAL (
	WITH g AS (
		-- each gap's shortfall relative to its threshold; 1 for a yes/no criterion
		SELECT g.criterion,
			   coalesce(abs(g.shortfall) / nullif(greatest(abs(g.actual), abs(g.actual + g.shortfall)), 0), 1)
				 AS rel
		  FROM unnest(t.gaps) AS g
	), r AS (
		-- per requirement (a lone criterion is its own requirement) the route with the
		-- fewest failed criteria, then the smallest shortfall
		SELECT DISTINCT ON (req) req, n, rel, fcs
		  FROM (SELECT coalesce(c.requirement, '#' || c.criterion) AS req, c.route,
					   count(*) FILTER (WHERE c.criterion = ANY (t.failed)) AS n,
					   coalesce(max(g.rel) FILTER (WHERE c.criterion = ANY (t.failed)), 0) AS rel,
					   array_agg(c.criterion) FILTER (WHERE c.criterion = ANY (t.failed)) AS fcs
				  FROM tier_criterion c
				  LEFT JOIN g ON g.criterion = c.criterion
				 WHERE c.tier_code = t.tier AND c.tier_version = t.version
				 GROUP BY 1, 2) x
		 ORDER BY req, n, rel, route
	)
	SELECT (SELECT coalesce(sum(n), 0)::int FROM r) AS to_fix,
		   (SELECT coalesce(array_agg(f), '{}') FROM r, unnest(r.fcs) AS f) AS needed,
		   (SELECT round(max(rel) FILTER (WHERE n > 0), 4) FROM r) AS relative_gap
 ) need;
CREATE UNIQUE INDEX ON report.tier_status (credit_code, year, tier);
COMMENT ON MATERIALIZED VIEW report.tier_status IS '梯度培育: eligibility, score, failed criteria and gaps per firm and tier';

-- The funnel: per step, the firms on the ladder up to it (meeting this tier and every
-- step below it from 规上 on), the firms meeting this tier's criteria at all (创新型 does
-- not require 规上), and those whose inputs are incomplete (待补数据, never counted as
-- failing).
CREATE MATERIALIZED VIEW report.tier_funnel AS
WITH firm AS (
	SELECT credit_code, year,
		   coalesce(min(step) FILTER (WHERE eligible IS NOT TRUE), 5) - 1 AS ladder
	  FROM report.tier_status GROUP BY credit_code, year
)
SELECT year, 0 AS step, 'guixia' AS tier, '规下工业企业' AS label,
	   count(*) FILTER (WHERE ladder = 0)::int AS ladder_firms,
	   count(*) FILTER (WHERE ladder = 0)::int AS firms, 0 AS unknown
  FROM firm GROUP BY year
UNION ALL
SELECT s.year, s.step, s.tier, min(s.label),
	   count(*) FILTER (WHERE f.ladder >= s.step)::int,
	   count(*) FILTER (WHERE s.eligible)::int,
	   count(*) FILTER (WHERE s.eligible IS NULL)::int
  FROM report.tier_status s
  JOIN firm f USING (credit_code, year)
 GROUP BY s.year, s.step, s.tier;
CREATE UNIQUE INDEX ON report.tier_funnel (year, step);
COMMENT ON MATERIALIZED VIEW report.tier_funnel IS '梯度培育 funnel 规下 → 规上 → 创新型 → 专精特新 → 小巨人: firms on the ladder, meeting the tier, with incomplete data';

-- 政策找人: each firm's next step on the ladder (the first tier it does not meet yet,
-- eligible false, or NULL when inputs are missing) with what it still lacks.
CREATE MATERIALIZED VIEW report.tier_nearest AS
SELECT DISTINCT ON (s.credit_code, s.year)
	   s.credit_code, s.year, f.name, f.scope, f.industry_group, s.tier AS next_tier,
	   s.label AS next_label, s.eligible, s.to_fix, s.relative_gap, s.gaps
  FROM report.tier_status s
  JOIN report.firm_year f USING (credit_code, year)
 WHERE s.eligible IS NOT TRUE
 ORDER BY s.credit_code, s.year, s.step;
CREATE UNIQUE INDEX ON report.tier_nearest (credit_code, year);
COMMENT ON MATERIALIZED VIEW report.tier_nearest IS 'each firm''s next tier and what it lacks (政策找人)';
\else
\echo 'report.tier_status and its views skipped: the installed industry has no tier_check()'
\endif

-- ---------------------------------------------------------------- refresh
-- refresh(): REFRESH MATERIALIZED VIEW CONCURRENTLY every view of schema report, in
-- creation order (later views read earlier ones); returns how many it refreshed.
-- Readers are never blocked.  This is what the pg_cron job runs (doc/report.md):
--   SELECT cron.schedule('industry-report', '15 18 * * *', 'SELECT report.refresh()');
CREATE FUNCTION report.refresh() RETURNS int
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
DECLARE
	v regclass;
	n int := 0;
BEGIN
	FOR v IN SELECT c.oid::regclass FROM pg_catalog.pg_class c
			  WHERE c.relkind = 'm' AND c.relnamespace = 'report'::regnamespace
			  ORDER BY c.oid
	LOOP
		EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', v);
		n := n + 1;
	END LOOP;
	RETURN n;
END;
$$;
COMMENT ON FUNCTION report.refresh() IS 'refresh every report view concurrently, in dependency order';
