-- The hand-written plain-SQL equivalent of
--   tier_check('SELECT * FROM bench_firms', '{chuangxin,zjtx,xjr}')
-- for data without NULLs: one row per enterprise and tier with eligible, score,
-- points per item (jsonb) and the failed criteria (text[]); no gaps or unknowns.
SELECT count(*) FILTER (WHERE eligible) AS eligible, sum(score) AS score,
	count(points) AS with_points, sum(cardinality(failed)) AS failed
FROM (
SELECT v.*
FROM (
	SELECT p.*,
		cx_ip + cx_rd AS cx_g1, cx_growth + cx_debt AS cx_g2, cx_sei + cx_share AS cx_g3,
		cx_ip + cx_rd + cx_growth + cx_debt + cx_sei + cx_share AS cx_total,
		zt_years + zt_share + zt_growth + zt_field + zt_digital + zt_quality + zt_margin + zt_debt
			+ feature_points + zt_ip + zt_rd + zt_staff + zt_inst AS zt_total
	FROM (
		SELECT m.*,
			CASE WHEN ip_class1_high_value >= 1 THEN 20 WHEN ip_class1_own >= 1 THEN 15
			     WHEN ip_class1 >= 1 THEN 10 WHEN ip_class2 >= 1 THEN 5 ELSE 0 END AS cx_ip,
			CASE WHEN rd_ratio >= 0.05 THEN 20 WHEN rd_ratio >= 0.03 THEN 15 WHEN rd_ratio >= 0.02 THEN 10
			     WHEN rd_ratio > 0.01 THEN 5 ELSE 0 END AS cx_rd,
			CASE WHEN growth >= 0.15 THEN 20 WHEN growth >= 0.10 THEN 15 WHEN growth >= 0.05 THEN 10
			     WHEN growth > 0 THEN 5 ELSE 0 END AS cx_growth,
			CASE WHEN debt_ratio <= 0.55 THEN 10 WHEN debt_ratio < 0.75 THEN 5 ELSE 0 END AS cx_debt,
			CASE WHEN sei_field THEN 10 ELSE 5 END AS cx_sei,
			CASE WHEN main_share >= 0.70 THEN 20 WHEN main_share >= 0.60 THEN 15 WHEN main_share >= 0.55 THEN 10
			     WHEN main_share > 0.50 THEN 5 ELSE 0 END AS cx_share,
			LEAST(GREATEST(floor(years_in_niche / 2), 0), 5) AS zt_years,
			CASE WHEN main_share >= 0.80 THEN 5 WHEN main_share >= 0.70 THEN 3 WHEN main_share > 0.60 THEN 1 ELSE 0 END AS zt_share,
			CASE WHEN growth2 >= 0.10 THEN 10 WHEN growth2 >= 0.08 THEN 8 WHEN growth2 >= 0.06 THEN 6
			     WHEN growth2 >= 0.04 THEN 4 WHEN growth2 > 0 THEN 2 ELSE 0 END AS zt_growth,
			CASE WHEN chain_field >= 2 THEN 5 WHEN chain_field >= 1 THEN 3 ELSE 0 END AS zt_field,
			CASE WHEN digital_level >= 3 THEN 5 WHEN digital_level >= 2 THEN 3 ELSE 0 END AS zt_digital,
			CASE WHEN quality_items >= 2 THEN 5 WHEN quality_items >= 1 THEN 3 ELSE 0 END AS zt_quality,
			CASE WHEN margin >= 0.10 THEN 10 WHEN margin >= 0.08 THEN 8 WHEN margin >= 0.06 THEN 6
			     WHEN margin >= 0.04 THEN 4 WHEN margin > 0.02 THEN 2 ELSE 0 END AS zt_margin,
			CASE WHEN debt_ratio <= 0.50 THEN 5 WHEN debt_ratio <= 0.60 THEN 3 WHEN debt_ratio < 0.70 THEN 1 ELSE 0 END AS zt_debt,
			CASE WHEN ip_class1_high_value >= 1 THEN 10 WHEN ip_class1_own >= 1 THEN 8
			     WHEN ip_class1 >= 1 THEN 6 WHEN ip_class2 >= 1 THEN 2 ELSE 0 END AS zt_ip,
			GREATEST(CASE WHEN rd_n >= 5000000 THEN 10 WHEN rd_n >= 4000000 THEN 8 WHEN rd_n >= 3000000 THEN 6
			              WHEN rd_n >= 2000000 THEN 4 WHEN rd_n >= 1000000 THEN 2 ELSE 0 END,
			         CASE WHEN rd_ratio >= 0.10 THEN 10 WHEN rd_ratio >= 0.08 THEN 8 WHEN rd_ratio >= 0.06 THEN 6
			              WHEN rd_ratio >= 0.04 THEN 4 WHEN rd_ratio >= 0.03 THEN 2 ELSE 0 END) AS zt_rd,
			CASE WHEN staff_ratio >= 0.20 THEN 5 WHEN staff_ratio >= 0.10 THEN 3 WHEN staff_ratio > 0.05 THEN 1 ELSE 0 END AS zt_staff,
			CASE WHEN rd_institution >= 4 THEN 10 WHEN rd_institution >= 3 THEN 8 WHEN rd_institution >= 2 THEN 4
			     WHEN rd_institution >= 1 THEN 2 ELSE 0 END AS zt_inst
		FROM (
			SELECT f.*,
				revenue::numeric AS rev_n, rd::numeric AS rd_n,
				rd::numeric / revenue::numeric AS rd_ratio,
				rd_prev1::numeric / revenue_prev1::numeric AS rd_ratio_prev1,
				main_revenue::numeric / main_revenue_prev1::numeric - 1 AS growth,
				((main_revenue::numeric / main_revenue_prev1::numeric - 1)
				 + (main_revenue_prev1::numeric / main_revenue_prev2::numeric - 1)) / 2 AS growth2,
				main_revenue::numeric / revenue::numeric AS main_share,
				rd_staff / employees AS staff_ratio,
				net_profit::numeric / revenue::numeric AS margin,
				(employees <= 1000 OR revenue::numeric <= 400000000) AS sme
			FROM bench_firms f
			OFFSET 0	-- keep each derived value computed once per row
		) m
		OFFSET 0
	) p
	OFFSET 0
) q,
LATERAL (
	SELECT q.*,
		q.sme AND q.years_in_niche >= 2 AND q.rd_n >= 1000000 AND q.rd_ratio >= 0.03
		AND (q.rev_n >= 10000000 OR q.equity_financing_2y::numeric >= 20000000)
		AND (q.zt_total >= 60 OR q.sci_award_top OR (q.rd_n + q.rd_prev1::numeric) / 2 >= 10000000
		     OR q.equity_financing_2y::numeric >= 60000000 OR q.maker_china_top500) AS zjtx_ok
	OFFSET 0
) z,
LATERAL (VALUES
	('chuangxin', z.sme AND ((z.cx_total >= 60 AND z.cx_g1 >= 20 AND z.cx_g2 >= 15 AND z.cx_g3 >= 15)
		OR z.sci_award_3y OR z.high_tech OR z.innovation_demo OR z.ip_advantage OR z.rd_institution >= 3
		OR z.equity_financing_3y::numeric >= 5000000),
	 z.cx_total::numeric,
	 jsonb_build_object('ip', z.cx_ip, 'rd_ratio', z.cx_rd, 'main_growth', z.cx_growth, 'debt_ratio', z.cx_debt,
		'sei_field', z.cx_sei, 'main_share', z.cx_share),
	 array_remove(ARRAY[CASE WHEN NOT z.sme THEN 'sme' END,
		CASE WHEN z.cx_total < 60 THEN 'score_total' END, CASE WHEN z.cx_g1 < 20 THEN 'score_innovation' END,
		CASE WHEN z.cx_g2 < 15 THEN 'score_growth' END, CASE WHEN z.cx_g3 < 15 THEN 'score_specialization' END], NULL)),
	('zjtx', z.zjtx_ok, z.zt_total::numeric,
	 jsonb_build_object('niche_years', z.zt_years, 'main_share', z.zt_share, 'main_growth_2y', z.zt_growth,
		'field', z.zt_field, 'digital', z.zt_digital, 'quality', z.zt_quality, 'net_margin', z.zt_margin,
		'debt_ratio', z.zt_debt, 'feature', z.feature_points, 'ip', z.zt_ip, 'rd', z.zt_rd,
		'rd_staff', z.zt_staff, 'rd_institution', z.zt_inst),
	 array_remove(ARRAY[CASE WHEN NOT z.sme THEN 'sme' END, CASE WHEN z.years_in_niche < 2 THEN 'niche_years' END,
		CASE WHEN z.rd_n < 1000000 THEN 'rd_amount' END, CASE WHEN z.rd_ratio < 0.03 THEN 'rd_ratio' END,
		CASE WHEN z.rev_n < 10000000 AND z.equity_financing_2y::numeric < 20000000 THEN 'revenue' END,
		CASE WHEN z.zt_total < 60 THEN 'score_total' END], NULL)),
	('xjr', z.sme AND z.zjtx_ok AND z.years_in_niche >= 3 AND z.main_share >= 0.70 AND z.growth2 >= 0.05
		AND z.info_system AND z.mgmt_cert AND z.debt_ratio <= 0.70 AND z.market_share_national >= 0.10 AND z.own_brand
		AND ((CASE WHEN z.rev_n >= 100000000 THEN z.rd_ratio >= 0.03 AND z.rd_ratio_prev1 >= 0.03
		           WHEN z.rev_n > 50000000 THEN z.rd_ratio >= 0.06 AND z.rd_ratio_prev1 >= 0.06
		           ELSE z.equity_financing_2y::numeric >= 80000000 AND z.rd_n + z.rd_prev1::numeric >= 30000000
		                AND z.staff_ratio >= 0.50 END
		      AND z.rd_institution >= 1 AND z.ip_class1 >= 2)
		     OR z.sci_award_national_top3 OR z.maker_china_top50)
		AND z.chain_field >= 2 AND z.key_field,
	 NULL::numeric, NULL::jsonb,
	 array_remove(ARRAY[CASE WHEN NOT z.sme THEN 'sme' END, CASE WHEN NOT z.zjtx_ok THEN 'zjtx' END, CASE WHEN z.years_in_niche < 3 THEN 'zhuan_niche_years' END,
		CASE WHEN z.main_share < 0.70 THEN 'zhuan_main_share' END, CASE WHEN z.growth2 < 0.05 THEN 'zhuan_main_growth' END,
		CASE WHEN NOT z.info_system THEN 'jing_info_system' END, CASE WHEN NOT z.mgmt_cert THEN 'jing_certification' END,
		CASE WHEN z.debt_ratio > 0.70 THEN 'jing_debt_ratio' END, CASE WHEN z.market_share_national < 0.10 THEN 'te_market_share' END,
		CASE WHEN NOT z.own_brand THEN 'te_own_brand' END], NULL))
) v(tier, eligible, score, points, failed)
) t;
