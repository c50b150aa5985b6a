-- demo/report_data.sql: the figures of the charts of report.html as one JSON document
-- (psql script; tools/demo.sh runs it, tools/report/build.js draws it).
--
--   psql -At -d district -f demo/report_data.sql > report.json
--
-- Reads only the report views of demo/views.sql (schema report), for the evaluation
-- year of report.parameter; every number is the view's value as it is (plain numeric),
-- in the view's order.  A section whose view does not exist is null.  Keys:
--   meta                 title, year, as_of, firms, the bulletin headlines
--   class_distribution   categories (scope and group: 规上 first, '全部' last) and per
--                        class its label and per category firms and percent (adds up to
--                        100.0 per category)
--   tax_per_mu           per group (by 规上 figure, highest first): 亩均税收 (万元/亩) of the
--                        规上 and the 规下(≥3亩) lists, and the district figures of both
--                        (industry_group '全部') as district_guishang / district_guixia
--   district_month       per month: 规上工业产值 (亿元), 同比 and 环比 (%), 累计
--   tier_funnel          per step 规下 → 小巨人: firms on the ladder, meeting the tier alone,
--                        incomplete data
--   d_class_land         groups (most D-class land first) and per scope and group the
--                        D-class firms, of them vetoed, and their land (亩, 1 decimal)

\set QUIET 1
\set ON_ERROR_STOP 1
SELECT value::int AS evaluation_year FROM report.parameter WHERE name = 'evaluation_year' \gset
SELECT value::date AS as_of FROM report.parameter WHERE name = 'as_of' \gset
SELECT to_regclass('report.district_month') IS NOT NULL AS have_growth,
	   to_regclass('report.evaluation') IS NOT NULL AS have_evaluation,
	   to_regclass('report.tier_funnel') IS NOT NULL AS have_tiers \gset

CREATE TEMP TABLE report_part (key text PRIMARY KEY, value json);

INSERT INTO report_part
SELECT 'meta', json_build_object(
	'title', format('样例区（行政区划 330110）%s年度亩均效益与工业运行报告', :evaluation_year),
	'year', :evaluation_year,
	'as_of', :'as_of',
	'firms', (SELECT firms FROM report.group_year
			   WHERE year = :evaluation_year AND cohort = '全部' AND industry_group = '全部'));

INSERT INTO report_part
SELECT 'tax_per_mu', json_build_object(
	'groups', json_agg(g.industry_group ORDER BY g.guishang DESC NULLS LAST, g.industry_group),
	'guishang', json_agg(g.guishang ORDER BY g.guishang DESC NULLS LAST, g.industry_group),
	'guixia', json_agg(g.guixia ORDER BY g.guishang DESC NULLS LAST, g.industry_group),
	'district_guishang', (SELECT tax_per_mu FROM report.group_year
						   WHERE year = :evaluation_year AND cohort = '规上' AND industry_group = '全部'),
	'district_guixia', (SELECT tax_per_mu FROM report.group_year
						 WHERE year = :evaluation_year AND cohort = '规下(≥3亩)' AND industry_group = '全部'))
  FROM (SELECT industry_group,
			   max(tax_per_mu) FILTER (WHERE cohort = '规上') AS guishang,
			   max(tax_per_mu) FILTER (WHERE cohort = '规下(≥3亩)') AS guixia
		  FROM report.group_year
		 WHERE year = :evaluation_year AND industry_group <> '全部'
		 GROUP BY industry_group) g;

\if :have_growth
INSERT INTO report_part
SELECT 'district_month', json_build_object(
	'headline', (SELECT headline FROM report.district_month WHERE month = :'as_of'),
	'month_headline', (SELECT month_headline FROM report.district_month WHERE month = :'as_of'),
	'months', json_agg(to_char(month, 'YYYY-MM') ORDER BY month),
	'output_yi', json_agg(output_yi ORDER BY month),
	'yoy_pct', json_agg(yoy_pct ORDER BY month),
	'mom_pct', json_agg(mom_pct ORDER BY month),
	'ytd_output_yi', json_agg(ytd_output_yi ORDER BY month),
	'ytd_yoy_pct', json_agg(ytd_yoy_pct ORDER BY month))
  FROM report.district_month;
\endif

\if :have_evaluation
INSERT INTO report_part
WITH c AS (
	SELECT scope, industry_group, class, label, firms, percent
	  FROM report.class_distribution
	 WHERE year = :evaluation_year
), cat AS (
	-- 规上 first, each scope's groups by name, '全部' last
	SELECT scope, industry_group,
		   row_number() OVER (ORDER BY scope <> '规上', scope, industry_group = '全部', industry_group) AS pos
	  FROM (SELECT DISTINCT scope, industry_group FROM c) x
), k AS (
	SELECT class, min(label) AS label FROM c GROUP BY class
)
SELECT 'class_distribution', json_build_object(
	'categories', (SELECT json_agg(json_build_object('scope', scope, 'industry_group', industry_group) ORDER BY pos)
					 FROM cat),
	'classes', (SELECT json_agg(json_build_object(
						'class', k.class, 'label', k.label,
						'percent', (SELECT json_agg(c.percent ORDER BY cat.pos) FROM cat LEFT JOIN c
									 ON c.scope = cat.scope AND c.industry_group = cat.industry_group AND c.class = k.class),
						'firms', (SELECT json_agg(c.firms ORDER BY cat.pos) FROM cat LEFT JOIN c
								   ON c.scope = cat.scope AND c.industry_group = cat.industry_group AND c.class = k.class))
					ORDER BY k.class)
				  FROM k));

INSERT INTO report_part
WITH d AS (
	SELECT scope, industry_group, count(*)::int AS firms,
		   count(*) FILTER (WHERE status = 'veto')::int AS veto,
		   round(sum(land_mu), 1) AS land_mu
	  FROM report.d_class_land
	 WHERE year = :evaluation_year
	 GROUP BY scope, industry_group
), g AS (
	-- groups by their D-class land, most first
	SELECT industry_group, row_number() OVER (ORDER BY sum(land_mu) DESC, industry_group) AS pos
	  FROM d GROUP BY industry_group
)
SELECT 'd_class_land', json_build_object(
	'groups', (SELECT json_agg(industry_group ORDER BY pos) FROM g),
	'scopes', (SELECT json_agg(json_build_object(
						'scope', s.scope,
						'land_mu', (SELECT json_agg(d.land_mu ORDER BY g.pos) FROM g LEFT JOIN d
									 ON d.industry_group = g.industry_group AND d.scope = s.scope),
						'firms', (SELECT json_agg(coalesce(d.firms, 0) ORDER BY g.pos) FROM g LEFT JOIN d
								   ON d.industry_group = g.industry_group AND d.scope = s.scope),
						'veto', (SELECT json_agg(coalesce(d.veto, 0) ORDER BY g.pos) FROM g LEFT JOIN d
								  ON d.industry_group = g.industry_group AND d.scope = s.scope))
					ORDER BY s.scope <> '规上', s.scope)
				 FROM (SELECT DISTINCT scope FROM d) s));
\endif

\if :have_tiers
INSERT INTO report_part
SELECT 'tier_funnel', json_agg(t ORDER BY t.step)
  FROM (SELECT step, tier, label, ladder_firms, firms, unknown
		  FROM report.tier_funnel
		 WHERE year = :evaluation_year) t;
\endif

\pset format unaligned
\pset tuples_only on
SELECT json_object_agg(key, value ORDER BY key) FROM report_part;
DROP TABLE report_part;
