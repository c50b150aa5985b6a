-- demo/pipeline.sql: from the raw sources (demo/raw_sources.sql) to the engines' input,
-- with every line accounted for.  The steps are the ones doc/intake.md describes:
--
--   1. import the tax bureau's CSV (staged as text by COPY) with import_cells(): typed
--      lines, and every bad cell with its line, column, raw text and reason
--   2. land per firm from parcels and leases with land_allocation(): 'owner' (the district's
--      rule: a tenant is listed with its landlord, not graded) for the engines, and
--      'enterprise' (企业评价法) for comparison; Σ parcels = Σ allocated + Σ unallocated
--   3. every source in long form, merged by 统一社会信用代码 with merge_sources() against the
--      名录; duplicates summed for 税务 and 电力, refused for 统计
--   4. district.annual_intake: district.annual with the sourced columns rebuilt for 2023
--      and 2024, and district.firm_year_intake over it (the same shape as district.firm_year)
--   5. quality_findings() over the rebuilt input
--
--   \i demo/pipeline.sql
--   SELECT * FROM district_raw.run();

CREATE TABLE district_raw.tax_line (
	line bigint,
	credit_code text NOT NULL,		-- kept as text: invalid codes are the merge's to report
	name text,
	year int NOT NULL,
	tax_kind text NOT NULL,
	amount yuan NOT NULL
);
COMMENT ON COLUMN district_raw.tax_line.credit_code IS '统一社会信用代码';
COMMENT ON COLUMN district_raw.tax_line.name IS '纳税人名称';
COMMENT ON COLUMN district_raw.tax_line.year IS '所属年度';
COMMENT ON COLUMN district_raw.tax_line.tax_kind IS '税种';
COMMENT ON COLUMN district_raw.tax_line.amount IS '实缴税金';

CREATE TABLE district_raw.import_issue (source text, line bigint, col int, header text, raw text, reason text);
CREATE TABLE district_raw.allocation (method text, year int, parcel_id text, credit_code credit_code,
									  role text, land mu_area, reason text);
CREATE TABLE district_raw.merged (year int, source text, line bigint, raw_code text,
								  credit_code credit_code, name text, measure text, amount numeric,
								  status text, reason text);
CREATE TABLE district_raw.finding (year int, finding text, credit_code credit_code, raw_code text,
								   source text, line bigint, value text, detail text);
CREATE TABLE district.annual_intake (LIKE district.annual);

-- The sources of one year in long form (source, line, credit_code, name, measure, amount).
CREATE FUNCTION district_raw.long_form(y int) RETURNS TABLE (source text, line bigint,
	credit_code text, name text, measure text, amount numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT '名录', row_number() OVER (ORDER BY d.credit_code) + 1, d.credit_code, d.name, NULL, NULL
	  FROM district_raw.directory d WHERE d.year = y
	UNION ALL
	SELECT '税务', t.line, t.credit_code, t.name,
		   CASE WHEN t.tax_kind = '留抵退税' THEN 'refund' ELSE 'tax' END,
		   CASE WHEN t.tax_kind = '留抵退税' THEN -t.amount::numeric ELSE t.amount::numeric END
	  FROM district_raw.tax_line t WHERE t.year = y
	UNION ALL
	-- the refund lines count in the tax as well (实缴 is net of 留抵退税)
	SELECT '税务', t.line, t.credit_code, t.name, 'tax', t.amount::numeric
	  FROM district_raw.tax_line t WHERE t.year = y AND t.tax_kind = '留抵退税'
	UNION ALL
	SELECT '不动产登记', NULL, a.credit_code::text, NULL, 'land', sum(a.land)::numeric
	  FROM district_raw.allocation a
	 WHERE a.method = 'owner' AND a.year = y AND a.role = '自有'
	 GROUP BY a.credit_code
	UNION ALL
	SELECT '统计', s.line, s.credit_code, s.name, s.measure, s.amount
	  FROM district_raw.stat s WHERE s.year = y
	UNION ALL
	SELECT '电力', r.line, m.credit_code, NULL, 'electricity', r.kwh_wan
	  FROM district_raw.reading r LEFT JOIN district_raw.meter m USING (account) WHERE r.year = y;
END;

-- run(): the whole pipeline; returns what each step produced.
CREATE FUNCTION district_raw.run() RETURNS TABLE (step text, result text)
LANGUAGE plpgsql
AS $run$
DECLARE
	y int;
	n bigint;
BEGIN
	TRUNCATE district_raw.tax_line, district_raw.import_issue, district_raw.allocation,
			 district_raw.merged, district_raw.finding, district.annual_intake;

	-- 1. import
	INSERT INTO district_raw.import_issue
	SELECT '税务', i.* FROM import_cells('district_raw.tax_csv', 'district_raw.tax_line') i;
	step := '1 导入税务CSV';
	result := format('%s行数据：%s行入库，%s个坏单元格', (SELECT count(*) - 1 FROM district_raw.tax_csv),
					 (SELECT count(*) FROM district_raw.tax_line),
					 (SELECT count(*) FROM district_raw.import_issue));
	RETURN NEXT;

	FOREACH y IN ARRAY ARRAY[2023, 2024] LOOP
		-- 2. land
		INSERT INTO district_raw.allocation
		SELECT m, y, a.* FROM unnest(ARRAY['owner', 'enterprise']) m,
			 LATERAL land_allocation('SELECT parcel_id, holder, area, share, floor_area FROM district_raw.parcel',
									 'SELECT parcel_id, lessee, land, floor_area, starts, ends FROM district_raw.lease',
									 y, m) a;
		-- 3. merge
		INSERT INTO district_raw.merged
		SELECT y, m.* FROM merge_sources(format('SELECT * FROM district_raw.long_form(%s)', y), '名录', '{统计}') m;
		INSERT INTO district_raw.finding
		SELECT y, f.* FROM merge_findings(format('SELECT * FROM district_raw.long_form(%s)', y), '名录', '{统计}') f;
	END LOOP;
	-- what the allocation could not give (unallocated land, leases without land)
	INSERT INTO district_raw.finding
	SELECT a.year, CASE WHEN a.role = '未分配' THEN '用地未分配' ELSE '租赁未计用地' END, a.credit_code, NULL,
		   CASE WHEN a.role = '自有' OR a.role = '未分配' THEN '不动产登记' ELSE '租赁' END, NULL,
		   a.parcel_id || ' ' || a.land::numeric || '亩', a.reason
	  FROM district_raw.allocation a
	 WHERE a.method = 'owner' AND a.reason IS NOT NULL AND a.reason <> '按权利人口径，租赁不计用地';
	step := '2 宗地用地分配';
	result := (SELECT format('%s宗地 %s亩 = 分配%s亩 + 未分配%s亩', count(DISTINCT parcel_id) FILTER (WHERE role <> '承租'),
							 sum(land)::numeric, coalesce(sum(land) FILTER (WHERE role <> '未分配'), '0亩')::numeric,
							 coalesce(sum(land) FILTER (WHERE role = '未分配'), '0亩')::numeric)
				 FROM district_raw.allocation WHERE method = 'owner' AND year = 2024);
	RETURN NEXT;
	step := '3 按代码合并';
	result := (SELECT format('%s行：合并%s行，未合并%s行', count(*), count(*) FILTER (WHERE status = 'merged'),
							 count(*) FILTER (WHERE status <> 'merged'))
				 FROM district_raw.merged WHERE year = 2024);
	RETURN NEXT;

	-- 4. the engines' input: sourced columns rebuilt, the rest as the district has them
	INSERT INTO district.annual_intake
	SELECT * FROM district.annual WHERE year NOT IN (2023, 2024);
	INSERT INTO district.annual_intake
	SELECT a.credit_code, a.year, d.scope,
		   CASE WHEN a.year = 2024 THEN v.land::mu_area ELSE pl.land END,
		   v.tax::yuan, v.value_added::yuan, v.revenue::yuan, v.main_revenue::yuan, v.rd::yuan,
		   a.net_profit, v.energy_tce, v.emission_t, v.employees, v.electricity,
		   a.rd_staff, a.debt_ratio, a.years_in_niche, a.ip_class1_high_value, a.ip_class1_own,
		   a.ip_class1, a.ip_class2, a.invention_patents, a.equity_financing, a.market_share_national
	  FROM district.annual a
	  JOIN (SELECT DISTINCT m.year, m.credit_code, dd.scope
			  FROM district_raw.merged m
			  JOIN district_raw.directory dd ON dd.year = m.year AND dd.credit_code::credit_code = m.credit_code
			 WHERE m.source = '名录' AND m.status = 'merged') d
		ON d.credit_code = a.credit_code AND d.year = a.year
	  LEFT JOIN (SELECT m.year, m.credit_code,
						sum(m.amount) FILTER (WHERE m.measure = 'land') AS land,
						sum(m.amount) FILTER (WHERE m.measure = 'tax') AS tax,
						sum(m.amount) FILTER (WHERE m.measure = 'value_added') AS value_added,
						sum(m.amount) FILTER (WHERE m.measure = 'revenue') AS revenue,
						sum(m.amount) FILTER (WHERE m.measure = 'main_revenue') AS main_revenue,
						sum(m.amount) FILTER (WHERE m.measure = 'rd') AS rd,
						sum(m.amount) FILTER (WHERE m.measure = 'energy_tce') AS energy_tce,
						sum(m.amount) FILTER (WHERE m.measure = 'emission_t') AS emission_t,
						sum(m.amount) FILTER (WHERE m.measure = 'employees') AS employees,
						sum(m.amount) FILTER (WHERE m.measure = 'electricity') AS electricity
				   FROM district_raw.merged m WHERE m.status = 'merged' GROUP BY 1, 2) v
		ON v.credit_code = a.credit_code AND v.year = a.year
	  LEFT JOIN district_raw.prior_land pl ON a.year = 2023 AND pl.credit_code::credit_code = a.credit_code
	 WHERE a.year IN (2023, 2024);
	GET DIAGNOSTICS n = ROW_COUNT;
	-- statistics of the tables just filled, so that the checks below are planned for their
	-- size (without them the planner nests loops over the input view: quadratic in the
	-- firms, 47 s instead of 0.1 s at 10000 firms)
	ANALYZE district.annual_intake, district_raw.merged, district_raw.parcel;
	step := '4 重建评价输入';
	result := format('2023-2024年%s行（district.annual_intake）', n);
	RETURN NEXT;

	-- 5. quality
	INSERT INTO district_raw.finding
	SELECT 2024, q.finding, q.credit_code, NULL, q.source, NULL, q.value, q.detail
	  FROM quality_findings('district_raw.quality_input', 2024,
							'{"land": "不动产登记", "tax": "税务", "value_added": "统计", "revenue": "统计",
							  "main_revenue": "统计", "rd": "统计", "energy_tce": "统计", "emission_t": "统计",
							  "employees": "统计", "electricity": "电力"}') q;
	step := '5 数据质量检查';
	result := (SELECT format('%s条发现', count(*)) FROM district_raw.finding WHERE year = 2024);
	RETURN NEXT;
END;
$run$;

-- The quality checks' input: the rebuilt years with the refunds and the parcels.
CREATE VIEW district_raw.quality_input AS
SELECT a.credit_code, a.year, a.land, a.tax, a.value_added, a.revenue, a.main_revenue, a.rd,
	   a.energy_tce, a.emission_t, a.employees, a.electricity, r.refund::yuan AS refund, k.parcel_key
  FROM district.annual_intake a
  LEFT JOIN (SELECT m.year, m.credit_code, sum(m.amount) AS refund FROM district_raw.merged m
			  WHERE m.measure = 'refund' AND m.status = 'merged' GROUP BY 1, 2) r
	ON r.year = a.year AND r.credit_code = a.credit_code
  LEFT JOIN (SELECT p.holder, string_agg(p.parcel_id, ',' ORDER BY p.parcel_id) AS parcel_key
			   FROM district_raw.parcel p GROUP BY 1) k ON k.holder = a.credit_code::text
 WHERE a.year IN (2023, 2024);

-- The engines' input rebuilt from the sources: district.firm_year over annual_intake.
SELECT format('CREATE VIEW district.firm_year_intake AS %s',
			  replace(pg_get_viewdef('district.firm_year'::regclass), 'district.annual ', 'district.annual_intake ')) AS ddl \gset
:ddl
COMMENT ON VIEW district.firm_year_intake IS 'district.firm_year rebuilt from the raw sources (demo/pipeline.sql)';

-- install(): make the rebuilt input the district's (tools/demo.sh): the sourced years of
-- district.annual are replaced by district.annual_intake, the generated rows are kept in
-- district_raw.annual_generated.
CREATE TABLE district_raw.annual_generated (LIKE district.annual);
CREATE FUNCTION district_raw.install() RETURNS bigint
LANGUAGE plpgsql
AS $install$
DECLARE
	n bigint;
BEGIN
	TRUNCATE district_raw.annual_generated;
	INSERT INTO district_raw.annual_generated SELECT * FROM district.annual WHERE year IN (2023, 2024);
	DELETE FROM district.annual WHERE year IN (2023, 2024);
	INSERT INTO district.annual SELECT * FROM district.annual_intake WHERE year IN (2023, 2024);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END;
$install$;
