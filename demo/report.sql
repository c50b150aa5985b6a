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
	   to_regclass('report.class_gap') IS NOT NULL AS have_class_gap,
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
-- computed here with the extension's types: Σ税收/Σ用地 as yuan_per_mu (exact), land as mu_area;
-- the types print plain numbers in 元/亩 and 亩, so the bulletin wording is formatted explicitly.
-- The 合计 row is a second plain GROUP BY, not ROLLUP: Citus refuses grouping sets over
-- distributed tables, and this way the report runs unchanged there (doc/scale.md).
SELECT coalesce(industry_group, '合计') AS "行业组", firms AS "企业数", format_unit(land, '亩', 1) AS "用地",
	   format_unit(tax_per_mu, '万元/亩', 2) AS "亩均税收", format_unit(va_per_mu, '万元/亩', 2) AS "亩均增加值",
	   round(growth(tax_per_mu, prev_tax_per_mu), 1) AS "亩均税收同比(%)"
  FROM (SELECT e.industry_group, count(*) AS firms, sum(a.land) AS land,
			   per_mu(a.tax, a.land) AS tax_per_mu, per_mu(a.value_added, a.land) AS va_per_mu,
			   per_mu(p.tax, p.land) AS prev_tax_per_mu
		  FROM district.annual a
		  JOIN district.enterprise e USING (credit_code)
		  LEFT JOIN district.annual p ON p.credit_code = a.credit_code AND p.year = a.year - 1
		 WHERE a.year = :evaluation_year AND a.scope = '规上' AND a.land IS NOT NULL
		 GROUP BY e.industry_group
		UNION ALL
		SELECT NULL, count(*), sum(a.land), per_mu(a.tax, a.land), per_mu(a.value_added, a.land),
			   per_mu(p.tax, p.land)
		  FROM district.annual a
		  JOIN district.enterprise e USING (credit_code)
		  LEFT JOIN district.annual p ON p.credit_code = a.credit_code AND p.year = a.year - 1
		 WHERE a.year = :evaluation_year AND a.scope = '规上' AND a.land IS NOT NULL) g
 ORDER BY industry_group IS NULL, tax_per_mu DESC, industry_group;
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

\echo
\if :have_evaluation
SELECT format('四、亩均效益综合评价（规则集 %s %s，行业组内按名额分类）', value, :evaluation_year) AS title
  FROM report.parameter WHERE name = 'scheme' \gset
\echo :title
\echo
\echo '  1. 规上企业综合评价前十名'
SELECT name AS "企业名称", industry_group AS "行业组", rank || '/' || group_size AS "组内名次",
	   round(land_mu, 1) AS "用地(亩)", tax_per_mu AS "亩均税收(万元/亩)", va_per_mu AS "亩均增加值(万元/亩)",
	   total AS "综合得分", class AS "类别"
  FROM report.evaluation
 WHERE year = :evaluation_year AND scope = '规上' AND status = 'graded'
 ORDER BY total DESC, credit_code
 LIMIT 10;
\echo '  2. 规上企业综合评价后十名（含一票否决）'
SELECT name AS "企业名称", industry_group AS "行业组", rank || '/' || group_size AS "组内名次",
	   round(land_mu, 1) AS "用地(亩)", tax_per_mu AS "亩均税收(万元/亩)", total AS "综合得分", class AS "类别",
	   CASE status WHEN 'veto' THEN reason ELSE '' END AS "说明"
  FROM report.evaluation
 WHERE year = :evaluation_year AND scope = '规上' AND status IN ('graded', 'veto')
 ORDER BY status <> 'veto', total, credit_code
 LIMIT 10;
\echo '  3. 分类结果分布（企业数与占比，各组占比合计100.0%）'
SELECT scope AS "范围", industry_group AS "行业组",
	   max(firms) FILTER (WHERE class = 'A') || ' (' || max(percent) FILTER (WHERE class = 'A') || '%)' AS "A 优先发展类",
	   max(firms) FILTER (WHERE class = 'B') || ' (' || max(percent) FILTER (WHERE class = 'B') || '%)' AS "B 鼓励提升类",
	   max(firms) FILTER (WHERE class = 'C') || ' (' || max(percent) FILTER (WHERE class = 'C') || '%)' AS "C 调控帮扶类",
	   max(firms) FILTER (WHERE class = 'D') || ' (' || max(percent) FILTER (WHERE class = 'D') || '%)' AS "D 倒逼整治类",
	   sum(firms) AS "参评企业", sum(percent) AS "合计(%)"
  FROM report.class_distribution
 WHERE year = :evaluation_year
 GROUP BY scope, industry_group
 ORDER BY scope DESC, industry_group = '全部', industry_group;
\echo '  4. 腾笼换鸟：D类企业及其用地'
SELECT scope AS "范围", coalesce(industry_group, '合计') AS "行业组", firms AS "D类企业",
	   vetoed AS "其中一票否决", round(land_mu, 1) AS "用地(亩)",
	   round(100 * land_mu / (SELECT sum(land_mu) FROM report.evaluation e
							  WHERE e.year = :evaluation_year AND e.scope = d.scope
								AND e.status IN ('graded', 'veto')), 1) AS "占参评用地(%)"
  FROM (SELECT scope, industry_group, count(*) AS firms, count(*) FILTER (WHERE status = 'veto') AS vetoed,
			   sum(land_mu) AS land_mu
		  FROM report.d_class_land WHERE year = :evaluation_year GROUP BY scope, industry_group
		UNION ALL
		SELECT scope, NULL, count(*), count(*) FILTER (WHERE status = 'veto'), sum(land_mu)
		  FROM report.d_class_land WHERE year = :evaluation_year GROUP BY scope) d
 ORDER BY scope DESC, industry_group IS NULL, land_mu DESC, industry_group;
SELECT name AS "用地最多的D类企业", scope AS "范围", industry_group AS "行业组", town AS "镇街",
	   round(land_mu, 1) AS "用地(亩)", total AS "综合得分", coalesce(reason, '') AS "说明"
  FROM report.d_class_land
 WHERE year = :evaluation_year
 ORDER BY land_mu DESC, credit_code
 LIMIT 10;
\echo '  5. 列入名单但不参与分类的企业'
SELECT reason AS "原因", count(*) AS "企业数"
  FROM report.evaluation
 WHERE year = :evaluation_year AND status = 'exempt'
 GROUP BY reason
 ORDER BY count(*) DESC, reason
 LIMIT 8;
\if :have_class_gap
\echo '  6. 最接近上一类别的十家企业'
SELECT e.name AS "企业名称", g.scope AS "范围", g.industry_group AS "行业组", g.class || '→' || g.next_class AS "类别",
	   g.total AS "得分", g.score_gap AS "差分", (ceil(g.tax_needed_wan * 100) / 100)::numeric(20, 2) AS "另需税收(万元)", g.explanation AS "说明"
  FROM report.class_gap g
  JOIN report.evaluation e USING (credit_code, year)
 WHERE g.year = :evaluation_year AND g.score_gap > 0
 ORDER BY g.score_gap, g.credit_code
 LIMIT 10;
\endif
\else
\echo '四、亩均效益综合评价'
\echo '  （本节需要评价引擎：当前安装的 industry 尚无 evaluate()，从略）'
\endif

\echo
\if :have_tiers
\echo '五、梯度培育（规下 → 规上 → 创新型 → 专精特新 → 小巨人）'
\echo
\echo '  1. 培育梯队（按认定条件测算；逐级符合 = 同时满足本级及以下各级，自规上起）'
SELECT repeat('  ', step) || label AS "梯队", ladder_firms AS "逐级符合企业", firms AS "本级单独符合",
	   unknown AS "待补数据"
  FROM report.tier_funnel
 WHERE year = :evaluation_year
 ORDER BY step;
\echo '  2. 小升规后备：最接近规上标准的五家企业'
SELECT name AS "企业名称", industry_group AS "行业组", gaps AS "差距"
  FROM report.tier_nearest
 WHERE year = :evaluation_year AND next_tier = 'guishang' AND eligible IS FALSE
 ORDER BY to_fix, relative_gap, credit_code
 LIMIT 5;
\echo '  3. 政策找人：最接近下一梯队的十家企业（创新型、专精特新、小巨人）'
SELECT name AS "企业名称", scope AS "范围", next_label AS "下一梯队", to_fix AS "未达条件数", gaps AS "差距"
  FROM report.tier_nearest
 WHERE year = :evaluation_year AND next_tier <> 'guishang' AND eligible IS FALSE
 ORDER BY to_fix, relative_gap, credit_code
 LIMIT 10;
\else
\echo '五、梯度培育'
\echo '  （本节需要梯度培育引擎：当前安装的 industry 尚无 tier_check()，从略）'
\endif
