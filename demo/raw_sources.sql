-- demo/raw_sources.sql: the sample district as the raw sources a district really has,
-- generated from district.enterprise / district.annual (load demo/district.sql and run
-- district.generate() first), with seeded faults of every kind doc/intake.md lists.
--
--   \i demo/raw_sources.sql
--   SELECT * FROM district_raw.generate();        -- with seeded faults
--   SELECT * FROM district_raw.generate(false);   -- clean: the pipeline rebuilds the same input
--
-- Sources (years 2023 and 2024; the evaluation year is 2024):
--   district_raw.directory   名录: firms of the district per year, name and 规上/规下
--   district_raw.parcel      不动产登记: 宗地 with holder, area, shares of co-holders, floor area
--   district_raw.lease       租赁: parcel, lessee, floor area, period
--   district_raw.tax_csv     税务: the tax bureau's spreadsheet export, as COPY loads it (text,
--                            header line 1: 统一社会信用代码, 纳税人名称, 所属年度, 税种, 实缴税金(万元))
--   district_raw.stat        统计: indicators per firm, year and measure (long form)
--   district_raw.meter       电力: meter accounts and their owners; district_raw.reading: kWh
--   district_raw.prior_land  上年评价: the land of the 2023 evaluation list
--   district_raw.seeded_fault  what was seeded, for the test that every fault is found

CREATE SCHEMA district_raw;
COMMENT ON SCHEMA district_raw IS 'raw sources of the sample district (demo/raw_sources.sql) and their intake (demo/pipeline.sql)';

CREATE TABLE district_raw.directory (year int, credit_code text, name text, scope text);
CREATE TABLE district_raw.parcel (parcel_id text, holder text, area mu_area, share numeric,
								  floor_area numeric, supplied_on date);
CREATE TABLE district_raw.lease (parcel_id text, lessee text, land mu_area, floor_area numeric,
								 starts date, ends date);
CREATE TABLE district_raw.tax_csv (line bigint GENERATED ALWAYS AS IDENTITY,
								   c1 text, c2 text, c3 text, c4 text, c5 text);
CREATE TABLE district_raw.stat (line bigint, credit_code text, name text, year int,
								measure text, amount numeric);
CREATE TABLE district_raw.meter (account text, credit_code text);
CREATE TABLE district_raw.reading (line bigint, account text, year int, kwh_wan numeric);
CREATE TABLE district_raw.prior_land (line bigint, credit_code text, land mu_area);
CREATE TABLE district_raw.seeded_fault (kind text, credit_code text, source text, detail text);

-- generate(faults): empty the sources and fill them from the district; returns the rows
-- per source.
CREATE FUNCTION district_raw.generate(faults boolean DEFAULT true)
RETURNS TABLE (source text, rows bigint)
LANGUAGE plpgsql
AS $gen$
DECLARE
	f record;
BEGIN
	TRUNCATE district_raw.directory, district_raw.parcel, district_raw.lease, district_raw.stat,
			 district_raw.meter, district_raw.reading, district_raw.prior_land, district_raw.seeded_fault;
	TRUNCATE district_raw.tax_csv RESTART IDENTITY;

	INSERT INTO district_raw.directory
	SELECT a.year, a.credit_code::text, e.name, a.scope
	  FROM district.annual a JOIN district.enterprise e USING (credit_code)
	 WHERE a.year IN (2023, 2024);

	-- 宗地: one per owner; 5% of owners hold two parcels (60/40), and pairs of owners
	-- (1%) share one parcel with shares equal to their areas.  Floor area 0.8 of the land.
	CREATE TEMP TABLE raw_owner ON COMMIT DROP AS
	SELECT e.credit_code::text AS code, a.land, e.land_supplied_on,
		   row_number() OVER (ORDER BY e.credit_code) AS k,
		   district.u(e.credit_code::text || ':raw:split') < 0.05 AS split,
		   district.u(e.credit_code::text || ':raw:shared') < 0.01 AS shared
	  FROM district.enterprise e JOIN district.annual a ON a.credit_code = e.credit_code AND a.year = 2024
	 WHERE a.land IS NOT NULL;
	-- shared parcels pair consecutive sharing owners (an odd one out keeps its own)
	CREATE TEMP TABLE raw_pair ON COMMIT DROP AS
	SELECT x.code, x.land, x.land_supplied_on, x.pair
	  FROM (SELECT o.*, (row_number() OVER (ORDER BY o.k) + 1) / 2 AS pair,
				   count(*) OVER () AS n, row_number() OVER (ORDER BY o.k) AS r
			  FROM raw_owner o WHERE o.shared AND NOT o.split) x
	 WHERE x.r <= x.n - x.n % 2;
	INSERT INTO district_raw.parcel
	SELECT 'ZD' || lpad(o.k::text, 6, '0') || 'A', o.code,
		   CASE WHEN o.split THEN (round(o.land::numeric * 0.6, 6))::mu_area ELSE o.land END,
		   NULL::numeric, round((CASE WHEN o.split THEN round(o.land::numeric * 0.6, 6) ELSE o.land::numeric END) / 0.0015 * 0.8),
		   o.land_supplied_on
	  FROM raw_owner o WHERE o.code NOT IN (SELECT code FROM raw_pair)
	UNION ALL
	SELECT 'ZD' || lpad(o.k::text, 6, '0') || 'B', o.code,
		   o.land - (round(o.land::numeric * 0.6, 6))::mu_area, NULL,
		   round((o.land::numeric - round(o.land::numeric * 0.6, 6)) / 0.0015 * 0.8),
		   o.land_supplied_on
	  FROM raw_owner o WHERE o.split
	UNION ALL
	SELECT 'ZDG' || lpad(s.pair::text, 5, '0'), s.code,
		   sum(s.land) OVER (PARTITION BY s.pair), s.land::numeric,
		   round(sum(s.land::numeric) OVER (PARTITION BY s.pair) / 0.0015 * 0.8),
		   min(s.land_supplied_on) OVER (PARTITION BY s.pair)
	  FROM raw_pair s;

	-- 租赁: every tenant rents floor area in its landlord's first parcel, since its
	-- founding or 2020; one starts in the middle of the evaluation year
	INSERT INTO district_raw.lease
	SELECT p.parcel_id, e.credit_code::text, NULL,
		   round(p.floor_area * (0.05 + 0.1 * district.u(e.credit_code::text || ':raw:floor'))),
		   CASE WHEN row_number() OVER (ORDER BY e.credit_code) = 1 THEN DATE '2024-07-01'
				ELSE greatest(e.registered_on, DATE '2020-01-01') END,
		   NULL
	  FROM district.enterprise e
	  JOIN (SELECT DISTINCT ON (p.holder) p.holder, p.parcel_id, p.floor_area
			  FROM district_raw.parcel p ORDER BY p.holder, p.parcel_id) p ON p.holder = e.landlord::text
	 WHERE e.landlord IS NOT NULL;

	-- 税务: 增值税 60% and 企业所得税 the rest, to the 分; 2% of firms had a 留抵退税
	-- refund (a negative line) with the VAT it refunds.  Amounts in 万元, exact.
	CREATE TEMP TABLE raw_tax ON COMMIT DROP AS
	SELECT a.credit_code::text AS code, e.name, a.year, t.kind, t.amount
	  FROM district.annual a JOIN district.enterprise e USING (credit_code)
	 CROSS JOIN LATERAL (
		SELECT round(a.tax::numeric * 0.6, 2) AS vat,
			   CASE WHEN district.u(a.credit_code::text || ':raw:refund:' || a.year) < 0.02
					THEN round(abs(a.tax::numeric) * 0.2, 2) ELSE 0 END AS refund) x
	 CROSS JOIN LATERAL (VALUES ('增值税', x.vat + x.refund),
								('企业所得税', a.tax::numeric - x.vat),
								('留抵退税', -x.refund)) t(kind, amount)
	 WHERE a.year IN (2023, 2024) AND a.tax IS NOT NULL AND (t.kind <> '留抵退税' OR x.refund <> 0);
	INSERT INTO district_raw.tax_csv (c1, c2, c3, c4, c5)
	VALUES ('统一社会信用代码', '纳税人名称', '所属年度', '税种', '实缴税金(万元)');
	-- as spreadsheets write them: 1 line in 7 with full-width digits, 1 in 11 padded with
	-- no-break spaces, thousands separators on large amounts
	INSERT INTO district_raw.tax_csv (c1, c2, c3, c4, c5)
	SELECT t.code, t.name, t.year::text, t.kind,
		   CASE WHEN n % 7 = 0 THEN translate(w, '0123456789.-', '０１２３４５６７８９．－')
				WHEN n % 11 = 0 THEN chr(160) || w || chr(160)
				WHEN abs(t.amount) >= 10000000 THEN to_char(t.amount / 10000, 'FM999,999,990.999999')
				ELSE w END
	  FROM (SELECT t.*, row_number() OVER (ORDER BY t.code, t.year, t.kind) AS n,
				   trim_scale(t.amount / 10000)::text AS w
			  FROM raw_tax t) t
	 ORDER BY n;

	-- 统计: the indicators the statistics bureau reports (NULL: not reported)
	INSERT INTO district_raw.stat
	SELECT row_number() OVER (ORDER BY a.credit_code, a.year, m.measure) + 1, a.credit_code::text, e.name,
		   a.year, m.measure, m.amount
	  FROM district.annual a JOIN district.enterprise e USING (credit_code)
	 CROSS JOIN LATERAL (VALUES ('value_added', a.value_added::numeric), ('revenue', a.revenue::numeric),
								('main_revenue', a.main_revenue::numeric), ('rd', a.rd::numeric),
								('energy_tce', a.energy_tce), ('emission_t', a.emission_t),
								('employees', a.employees)) m(measure, amount)
	 WHERE a.year IN (2023, 2024) AND m.amount IS NOT NULL;

	-- 电力: one meter per firm with electricity data, a second one for 1 firm in 10
	-- (the year's kWh split 70/30)
	INSERT INTO district_raw.meter
	SELECT 'DB' || substr(md5(e.credit_code::text || k::text), 1, 10), e.credit_code::text
	  FROM district.enterprise e CROSS JOIN generate_series(1, 2) k
	 WHERE k = 1 OR district.u(e.credit_code::text || ':raw:meter2') < 0.1;
	INSERT INTO district_raw.reading
	SELECT row_number() OVER (ORDER BY m.account, a.year) + 1, m.account, a.year,
		   CASE WHEN m.meters = 1 THEN a.electricity
				WHEN m.account = m.first THEN round(a.electricity * 0.7, 4)
				ELSE a.electricity - round(a.electricity * 0.7, 4) END
	  FROM (SELECT m.*, count(*) OVER w AS meters, min(m.account) OVER w AS first
			  FROM district_raw.meter m WINDOW w AS (PARTITION BY m.credit_code)) m
	  JOIN district.annual a ON a.credit_code::text = m.credit_code
	 WHERE a.year IN (2023, 2024) AND a.electricity IS NOT NULL;

	-- 上年评价: the land on last year's list
	INSERT INTO district_raw.prior_land
	SELECT row_number() OVER (ORDER BY a.credit_code) + 1, a.credit_code::text, a.land
	  FROM district.annual a WHERE a.year = 2023 AND a.land IS NOT NULL;

	IF faults THEN
		-- one firm of each kind, chosen deterministically among ordinary 规上 owners
		FOR f IN
			SELECT row_number() OVER (ORDER BY md5(a.credit_code::text || ':fault')) AS n,
				   a.credit_code::text AS code, e.name
			  FROM district.annual a JOIN district.enterprise e USING (credit_code)
			 WHERE a.year = 2024 AND a.scope = '规上' AND a.land IS NOT NULL AND a.tax::numeric > 100000
			   AND e.landlord IS NULL AND e.credit_code::text NOT IN (SELECT holder FROM district_raw.parcel
																	   WHERE share IS NOT NULL)
			   AND NOT EXISTS (SELECT FROM district.enterprise t WHERE t.landlord = e.credit_code)
			 ORDER BY 1 LIMIT 12
		LOOP
			CASE f.n
			WHEN 1 THEN		-- 税务: 2024 VAT written in 元 in the 万元 column
				UPDATE district_raw.tax_csv SET c5 = trim_scale((parse_cell(c5, NULL::yuan, '万元')).value::numeric)::text
				 WHERE c1 = f.code AND c3 = '2024' AND c4 = '增值税';
				INSERT INTO district_raw.seeded_fault VALUES ('单位疑误', f.code, '税务', '2024年增值税按元填入万元列');
			WHEN 2 THEN		-- 税务: a stray dash in the amount column
				UPDATE district_raw.tax_csv SET c5 = '—' WHERE c1 = f.code AND c3 = '2024' AND c4 = '企业所得税';
				INSERT INTO district_raw.seeded_fault VALUES ('导入坏单元格', f.code, '税务', '实缴税金为“—”');
			WHEN 3 THEN		-- 税务: a typo in the code (position 5)
				UPDATE district_raw.tax_csv
				   SET c1 = overlay(c1 PLACING CASE WHEN substr(c1, 5, 1) = '7' THEN '8' ELSE '7' END FROM 5 FOR 1)
				 WHERE c1 = f.code AND c3 = '2024' AND c4 = '增值税';
				INSERT INTO district_raw.seeded_fault VALUES ('代码无效', f.code, '税务', '代码第5位录入错误');
			WHEN 4 THEN		-- 统计: the firm reported twice (refused: one line per firm)
				INSERT INTO district_raw.stat
				SELECT 900000000 + s.line, s.credit_code, s.name, s.year, s.measure, s.amount
				  FROM district_raw.stat s WHERE s.credit_code = f.code AND s.year = 2024 AND s.measure = 'revenue';
				INSERT INTO district_raw.seeded_fault VALUES ('重复拒收', f.code, '统计', '2024年营业收入报送两次');
			WHEN 5 THEN		-- 统计: another name
				UPDATE district_raw.stat SET name = name || '（集团）' WHERE credit_code = f.code;
				INSERT INTO district_raw.seeded_fault VALUES ('名称不一致', f.code, '统计', '统计名称加了“（集团）”');
			WHEN 6 THEN		-- 不动产登记: the firm's parcels are missing (tax without land)
				DELETE FROM district_raw.parcel WHERE holder = f.code;
				DELETE FROM district_raw.prior_land WHERE credit_code = f.code;
				INSERT INTO district_raw.seeded_fault VALUES ('缺少不动产登记', f.code, '不动产登记', '宗地未登记（有税无地）');
			WHEN 7 THEN		-- 税务: no tax lines (land without tax)
				DELETE FROM district_raw.tax_csv WHERE c1 = f.code;
				INSERT INTO district_raw.seeded_fault VALUES ('缺少税务', f.code, '税务', '无税务数据（有地无税）');
			WHEN 8 THEN		-- 税务: a negative tax beyond any refund
				UPDATE district_raw.tax_csv SET c5 = '-' || trim_cell(c5)
				 WHERE c1 = f.code AND c3 = '2024' AND c4 <> '留抵退税';
				INSERT INTO district_raw.seeded_fault VALUES ('负税超出退税', f.code, '税务', '2024年各税种均为负数');
			WHEN 9 THEN		-- 上年评价: land changed while the parcels did not
				UPDATE district_raw.prior_land SET land = (land::numeric * 1.25)::mu_area WHERE credit_code = f.code;
				INSERT INTO district_raw.seeded_fault VALUES ('用地变化无宗地变化', f.code, '上年评价', '上年用地多25%');
			WHEN 10 THEN	-- 统计: an indicator not reported
				DELETE FROM district_raw.stat WHERE credit_code = f.code AND year = 2024 AND measure = 'energy_tce';
				INSERT INTO district_raw.seeded_fault VALUES ('缺少指标', f.code, '统计', '2024年综合能耗未报');
			WHEN 11 THEN	-- 电力: a meter whose owner is not known
				UPDATE district_raw.meter SET credit_code = NULL WHERE credit_code = f.code;
				INSERT INTO district_raw.seeded_fault VALUES ('代码无效', f.code, '电力', '电表户号未关联企业');
			WHEN 12 THEN	-- 统计: a code typo (position 18)
				UPDATE district_raw.stat SET credit_code = overlay(credit_code PLACING
						CASE WHEN right(credit_code, 1) = '0' THEN '1' ELSE '0' END FROM 18 FOR 1)
				 WHERE credit_code = f.code AND year = 2024 AND measure = 'employees';
				INSERT INTO district_raw.seeded_fault VALUES ('代码无效', f.code, '统计', '代码校验位错误');
			END CASE;
		END LOOP;
		-- 税务: a firm outside the 名录 whose code is registered with a correct position 18
		-- and a wrong GB 11714 position 17 (such codes exist); it must load and be reported
		INSERT INTO district_raw.tax_csv (c1, c2, c3, c4, c5)
		VALUES ('91330110444444444L', '外区迁入企业', '2024', '增值税', '12.5');
		INSERT INTO district_raw.seeded_fault VALUES
			('名录外', '91330110444444444L', '税务', '名录中无此企业'),
			('组织机构代码校验位不符', '91330110444444444L', '税务', '第17位不符合GB 11714');
		-- 租赁: a lease of a parcel not in the registry
		INSERT INTO district_raw.lease
		SELECT 'ZD999999X', l.lessee, '1亩', NULL, DATE '2024-01-01', NULL
		  FROM district_raw.lease l ORDER BY l.lessee LIMIT 1;
		INSERT INTO district_raw.seeded_fault
		SELECT '租赁宗地不存在', l.lessee, '租赁', 'ZD999999X'
		  FROM district_raw.lease l WHERE l.parcel_id = 'ZD999999X';
	END IF;

	RETURN QUERY
	SELECT '名录', count(*) FROM district_raw.directory
	UNION ALL SELECT '宗地', count(*) FROM district_raw.parcel
	UNION ALL SELECT '租赁', count(*) FROM district_raw.lease
	UNION ALL SELECT '税务(CSV行)', count(*) FROM district_raw.tax_csv
	UNION ALL SELECT '统计', count(*) FROM district_raw.stat
	UNION ALL SELECT '电表读数', count(*) FROM district_raw.reading
	UNION ALL SELECT '上年用地', count(*) FROM district_raw.prior_land
	UNION ALL SELECT '预设错误', count(*) FROM district_raw.seeded_fault;
END;
$gen$;
