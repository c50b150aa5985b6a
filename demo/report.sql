-- demo/report.sql: the district report (psql script; tools/demo.sh runs it).
--
--   psql -d district -f demo/report.sql                    aligned tables for a terminal
--   psql -d district -H -f demo/report.sql > report.html   the same as HTML tables
--
-- Reads the report views of demo/views.sql.  A section whose engine is not in the
-- installed extension says so and prints nothing else.

\set QUIET 1
\set ON_ERROR_STOP 1
\pset footer off
\pset null '—'
SELECT value::int AS evaluation_year FROM report.parameter WHERE name = 'evaluation_year' \gset
SELECT value::date AS as_of FROM report.parameter WHERE name = 'as_of' \gset
SELECT to_regclass('report.district_month') IS NOT NULL AS have_growth,
	   to_regclass('report.evaluation') IS NOT NULL AS have_evaluation,
	   to_regclass('report.tier_status') IS NOT NULL AS have_tiers,
	   to_regprocedure('per_mu(yuan,mu_area)') IS NOT NULL AND to_regprocedure('growth(yuan_per_mu,yuan_per_mu)') IS NOT NULL AS have_per_mu \gset

\echo
\echo '================================================================'
SELECT format('  样例区（行政区划 330110）%s年度亩均效益与工业运行报告', :evaluation_year) AS title \gset
\echo :title
\echo '  数据为 district.generate() 生成的模拟数据，不代表任何真实企业'
\echo '================================================================'

\echo
\echo '一、评价对象概况（按名单口径）'
SELECT cohort AS "名单", firms AS "企业数", round(land_mu, 1) AS "用地(亩)", round(tax_wan / 10000, 2) AS "税收(亿元)",
	   round(revenue_wan / 10000, 2) AS "营业收入(亿元)", tax_per_mu AS "亩均税收(万元/亩)",
	   va_per_mu AS "亩均增加值(万元/亩)"
  FROM report.group_year
 WHERE year = :evaluation_year AND industry_group = '全部'
 ORDER BY array_position(ARRAY['规上', '规下(≥3亩)', '规下(<3亩)', '租赁企业', '全部'], cohort);

\echo
\echo '二、规上工业亩均效益（分行业组，比值为合计之比）'
\if :have_per_mu
-- computed here with the extension's types: Σ税收/Σ用地 as yuan_per_mu (exact), land as mu_area
SELECT coalesce(e.industry_group, '合计') AS "行业组", count(*) AS "企业数", sum(a.land) AS "用地",
	   per_mu(a.tax, a.land) AS "亩均税收", per_mu(a.value_added, a.land) AS "亩均增加值",
	   round(growth(per_mu(a.tax, a.land), per_mu(p.tax, p.land)), 1) AS "亩均税收同比(%)"
  FROM district.annual a
  JOIN district.enterprise e USING (credit_code)
  LEFT JOIN district.annual p ON p.credit_code = a.credit_code AND p.year = a.year - 1
 WHERE a.year = :evaluation_year AND a.scope = '规上' AND a.land IS NOT NULL
 GROUP BY ROLLUP (e.industry_group)
 ORDER BY e.industry_group IS NULL, per_mu(a.tax, a.land) DESC;
\else
SELECT industry_group AS "行业组", firms AS "企业数", round(land_mu, 1) AS "用地(亩)",
	   tax_per_mu AS "亩均税收(万元/亩)", va_per_mu AS "亩均增加值(万元/亩)",
	   revenue_per_mu AS "亩均营业收入(万元/亩)"
  FROM report.group_year
 WHERE year = :evaluation_year AND cohort = '规上'
 ORDER BY industry_group = '全部', tax_per_mu DESC;
\endif

\echo
\echo '三、工业运行（规上工业产值，同比按可比口径）'
\if :have_growth
\pset tuples_only on
SELECT '  ' || headline FROM report.district_month WHERE month = :'as_of';
SELECT '  ' || month_headline FROM report.district_month WHERE month = :'as_of';
\pset tuples_only off
SELECT to_char(month, 'YYYY-MM') AS "月份", firms AS "直报企业", output_yi AS "当月产值(亿元)",
	   yoy_pct AS "当月同比(%)", mom_pct AS "环比(%)", period AS "累计期",
	   ytd_output_yi AS "累计产值(亿元)", ytd_yoy_pct AS "累计同比(%)"
  FROM report.district_month
 ORDER BY month;
\else
\echo '  （本节需要增长统计引擎：当前安装的 industry 尚无 ytd_current() 等聚合，从略）'
\endif
