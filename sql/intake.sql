-- Real data in: cells, CSV imports, land from parcels and leases, merges, quality checks.
-- Quantities are printed as ::numeric (base units 亩 and 元).
CREATE SCHEMA intake_t;
SET search_path = intake_t, public;
-- an error as (SQLSTATE, message, detail, hint)
CREATE FUNCTION pg_temp.err(q text, OUT state text, OUT message text, OUT detail text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	state := 'no error';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
END;
$$;

-- ---------------------------------------------------------------- parse_cell
-- Spreadsheet cells: full-width digits, no-break and ideographic spaces, thousands
-- commas, the column's unit for bare numbers, a cell's own unit, empty cells, placeholders.
SELECT raw, unit, (parse_cell(raw, NULL::yuan, unit)).value::numeric AS yuan,
	   (parse_cell(raw, NULL::yuan, unit)).reason
  FROM (VALUES ('１２３．４', '万元'), (E'\u00a0 1,234.5 ', '万元'), (E'\u30001.5\u3000', NULL),
			   ('300元', '万元'), ('0.3亿元', '万元'), ('－２', '万元'), ('', '万元'), (E'\u00a0', '万元'),
			   (NULL, '万元'), ('—', '万元'), ('--', '万元'), ('/', '万元'), ('#DIV/0!', '万元'),
			   ('12abc', '万元'), ('5', '美元'), ('1e30', '万元')) v(raw, unit);
SELECT raw, unit, (parse_cell(raw, NULL::mu_area, unit)).value::numeric AS mu,
	   (parse_cell(raw, NULL::mu_area, unit)).reason
  FROM (VALUES ('15000', '平方米'), ('1.5', '公顷'), ('20亩', '平方米'), ('1 500', '平方米')) v(raw, unit);
SELECT raw, unit, (parse_cell(raw, NULL::numeric, unit)).*
  FROM (VALUES ('55%', NULL), ('55', '%'), ('５５．５％', NULL), ('1,200.50', '吨标准煤'),
			   ('1.5E+07', NULL), ('1e9999', NULL), ('—', NULL), ('3吨', NULL), ('1,2,3', NULL),
			   ('12,345,678.5', NULL), ('1234,567', NULL), ('1,234.5,6', NULL)) v(raw, unit);
SELECT raw, (parse_cell(raw, NULL::integer)).*, (parse_cell(raw, NULL::bigint)).value AS as_bigint
  FROM (VALUES ('１,２００'), ('-7'), ('2147483648'), ('3.5'), ('9223372036854775808'), ('12,00')) v(raw);
SELECT raw, (parse_cell(raw, NULL::date)).*
  FROM (VALUES ('2024-03-15'), ('2024/3/5'), ('2024年3月5日'), ('２０２４－０３－１５'), ('20240315'),
			   ('45292'), ('2024'), ('2024-02-30'), ('明年'), ('2024-03-15 10:00')) v(raw);
SELECT raw, (parse_cell(raw, NULL::credit_code)).*
  FROM (VALUES (' ９１３３０１００７９９６５５０５８ｂ '), ('913412214444444448'),
			   ('91330100799655058C'), ('—')) v(raw);
-- text is trimmed, not folded: names keep their full-width brackets
SELECT (parse_cell(E'  杭州（临平）机械有限公司\t', NULL::text)).value;
-- only the supported types
SELECT parse_cell('1', NULL::real);

-- Never raises for any text: 20000 deterministic strings of digits, signs, points, commas,
-- units, full-width and space characters, parsed as every kind; each cell is either a
-- value, a reason or empty (exactly one of the three).
WITH alphabet AS (
	SELECT ARRAY['0', '1', '5', '9', '.', ',', '-', '+', 'e', '%', ' ', '万', '元', '亩', '平方米', '公顷',
				 '亿', '/', '年', '月', '日', '—', '１', '．', '－', E'\u00a0', E'\u3000', 'x', '9', '3'] AS a
), s AS (
	SELECT i, (SELECT string_agg(a[1 + get_byte(decode(md5(i || ':' || k), 'hex'), 0) % 30], '')
				 FROM generate_series(1, 1 + i % 9) k) AS raw
	  FROM alphabet, generate_series(1, 20000) i
)
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE (y.value IS NOT NULL)::int + (y.reason IS NOT NULL)::int + (y.value IS NULL AND y.reason IS NULL)::int = 1
						  AND (m.value IS NOT NULL)::int + (m.reason IS NOT NULL)::int + (m.value IS NULL AND m.reason IS NULL)::int = 1
						  AND (n.value IS NOT NULL)::int + (n.reason IS NOT NULL)::int + (n.value IS NULL AND n.reason IS NULL)::int = 1
						  AND (d.value IS NOT NULL)::int + (d.reason IS NOT NULL)::int + (d.value IS NULL AND d.reason IS NULL)::int = 1
						  AND (c.value IS NOT NULL)::int + (c.reason IS NOT NULL)::int + (c.value IS NULL AND c.reason IS NULL)::int = 1)
		 AS exactly_one,
	   count(y.value) > 0 AND count(y.reason) > 0 AND count(d.value) > 0 AND count(n.value) > 0 AS both_seen
  FROM s, alphabet,
	   parse_cell(s.raw, NULL::yuan, '万元') y, parse_cell(s.raw, NULL::mu_area, '平方米') m,
	   parse_cell(s.raw, NULL::numeric) n, parse_cell(s.raw, NULL::date) d,
	   parse_cell(s.raw, NULL::credit_code) c;

-- ---------------------------------------------------------------- header_unit
SELECT h, (header_unit(h)).*
  FROM (VALUES ('实缴税金(万元)'), ('用地面积（平方米）'), (E'用地面积\u00a0( 亩 )'), ('企业名称'),
			   ('统一社会信用代码'), ('资产负债率(%)')) v(h);

-- ---------------------------------------------------------------- credit_code validity
-- Position 18 (GB 32100) decides validity; position 17 (GB 11714) is a separate check:
-- 913412214444444448 is a placeholder of the kind found in registries.
SELECT '913412214444444448'::credit_code, credit_code_is_valid('913412214444444448'),
	   credit_code_check('913412214444444448'), credit_code_strict_check('913412214444444448'),
	   credit_code_org_check_ok('913412214444444448');
SELECT credit_code_strict_check('91330100799655058B'), credit_code_org_check_ok('91330100799655058B'),
	   credit_code_strict_check('91330100799655068B'), credit_code_strict_check('x');
-- the code or NULL, never an error
SELECT credit_code_or_null(' ９１３３０１００７９９６５５０５８ｂ'), credit_code_or_null('91330100799655058C') IS NULL,
	   credit_code_or_null(''), credit_code_or_null(NULL);
-- every single-character substitution of a valid code is still refused
SELECT count(*) AS substitutions, count(*) FILTER (WHERE credit_code_is_valid(s)) AS accepted
  FROM (SELECT overlay('913412214444444448' PLACING c FROM p FOR 1) AS s
		  FROM generate_series(1, 18) p,
			   regexp_split_to_table('0123456789ABCDEFGHJKLMNPQRTUWXY', '') c
		 WHERE substr('913412214444444448', p, 1) <> c) x;

-- ---------------------------------------------------------------- import_cells
-- A spreadsheet export: header with units (line 1), good lines, and bad cells of every kind.
CREATE TABLE tax_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, c3 text, c4 text, c5 text);
COPY tax_raw (c1, c2, c3, c4, c5) FROM STDIN WITH (FORMAT csv);
统一社会信用代码,企业名称,实缴税金(万元),用地面积(平方米),备注
91330100799655058B,甲机械有限公司,１２３．４, 15000 ,
913412214444444448,乙电子有限公司,"1,234.5",—,
91330100799655058C,丙公司,7,600,
,丁公司,—,abc,
,,,,
914403001922038216,戊公司,,2000,
91350203MA31XXW31H,己公司,300元,1.5公顷,
\.
CREATE TABLE tax_in (
	line bigint,
	credit_code credit_code NOT NULL,
	name text,
	tax yuan,
	land mu_area,
	batch text DEFAULT '2024税务'
);
COMMENT ON COLUMN tax_in.credit_code IS '统一社会信用代码';
COMMENT ON COLUMN tax_in.name IS '企业名称';
COMMENT ON COLUMN tax_in.tax IS '实缴税金';
COMMENT ON COLUMN tax_in.land IS '用地面积';
SELECT * FROM import_cells('tax_raw', 'tax_in');
SELECT line, credit_code, name, tax::numeric, land::numeric, batch FROM tax_in ORDER BY line;
-- every non-empty data line is either loaded or reported
SELECT (SELECT count(*) FROM tax_raw WHERE line > 1 AND concat(c1, c2, c3, c4, c5) <> '') AS lines,
	   (SELECT count(*) FROM tax_in) AS loaded,
	   (SELECT count(DISTINCT line) FROM import_cells('tax_raw', 'tax_in') WHERE line > 1) AS bad;
-- (the second call loaded the good lines again: imports append)
SELECT count(*) FROM tax_in;
-- two columns of the file for one target column: the second is reported, not loaded
CREATE TABLE dup_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, c3 text);
INSERT INTO dup_raw (c1, c2, c3) VALUES ('统一社会信用代码', '实缴税金(万元)', 'tax'),
	('91330100799655058B', '1', '2');
SELECT * FROM import_cells('dup_raw', 'tax_in');
SELECT count(*) FROM tax_in WHERE line = 2 AND tax = '1万元';
-- a staging table without line numbers
CREATE TABLE bad_raw (c1 text);
SELECT * FROM import_cells('bad_raw', 'tax_in');
-- an empty staging table loads nothing
CREATE TABLE empty_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text);
SELECT count(*) FROM import_cells('empty_raw', 'tax_in');
-- no header matches a target column: a clear error, not a statement with no columns
CREATE TABLE nomatch_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, c3 text);
INSERT INTO nomatch_raw (c1, c2, c3) VALUES ('纳税人识别号', '税额(万元)', NULL), ('91330100799655058B', '1', NULL);
CREATE TABLE nomatch_t (line bigint, credit_code text, tax yuan);
COMMENT ON COLUMN nomatch_t.tax IS '实缴税金';
SELECT * FROM pg_temp.err($$SELECT * FROM import_cells('nomatch_raw', 'nomatch_t')$$);
SELECT count(*) FROM nomatch_t;

-- ---------------------------------------------------------------- land_allocation
-- P1: one owner, a lease starting mid-year (2024 has 366 days: 1 July - 31 December is 184
-- days) and a lease by floor area only (3000 of 12000 m²); P2: two owners with shares 1:2
-- (largest remainder); P3: owner code invalid; P4: lease larger than the parcel; P5: a
-- lease that ended before the year; P9: a lease of an unknown parcel.
CREATE TABLE parcel (parcel_id text, holder text, area mu_area, share numeric, floor_area numeric);
CREATE TABLE lease (parcel_id text, lessee text, land mu_area, floor_area numeric, starts date, ends date);
INSERT INTO parcel VALUES
	('P1', '91330100799655058B', '30亩', NULL, 12000),
	('P2', '913412214444444448', '10亩', 1, NULL), ('P2', '91330110000000000Q', '10亩', 2, NULL),
	('P3', '91330100799655058C', '5亩', NULL, NULL),
	('P4', '91330110000000000Q', '1亩', NULL, NULL),
	('P5', NULL, '2亩', NULL, NULL),
	('P6', '91330110000000000Q', '4亩', NULL, 800);
INSERT INTO lease VALUES
	('P1', '914403001922038216', '6亩', NULL, '2024-07-01', '2026-06-30'),
	('P1', '91350203MA31XXW31H', NULL, 3000, NULL, NULL),
	('P4', '91350206MA31LUJ437', '2亩', NULL, '2020-01-01', NULL),
	('P6', '91350206MA31LUJ437', '1亩', NULL, '2020-01-01', '2023-12-31'),
	('P6', '91350203MA31XXW31H', NULL, NULL, '2024-01-01', NULL),
	('P9', '91350206MA31LUJ437', '1亩', NULL, NULL, NULL);
SELECT parcel_id, credit_code, role, land::numeric, reason
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024);
-- exact: Σ parcels = Σ allocated + Σ unallocated
SELECT (SELECT sum(area) FROM (SELECT DISTINCT parcel_id, area FROM parcel) p)::numeric AS parcels,
	   sum(land) FILTER (WHERE role <> '未分配')::numeric AS allocated,
	   sum(land) FILTER (WHERE role = '未分配')::numeric AS unallocated
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024);
-- per firm (企业评价法): own - leased out + leased in; a tenant with no registered land
-- (914403001922038216, 91350203MA31XXW31H) gets its leased land
SELECT credit_code, sum(land)::numeric AS land
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024)
 WHERE credit_code IS NOT NULL GROUP BY 1 ORDER BY 1;
-- the same parcels for 2025 (the P1 lease covers the whole year) and by holders only
SELECT parcel_id, credit_code, role, land::numeric
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2025) WHERE parcel_id = 'P1';
SELECT parcel_id, credit_code, role, land::numeric, reason
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'owner') WHERE parcel_id IN ('P1', 'P4');
-- errors
SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'parcel');
SELECT * FROM land_allocation($$SELECT 'X' AS parcel_id, 'a' AS holder, '1亩'::mu_area AS area, NULL AS share, NULL AS floor_area
								 UNION ALL SELECT 'X', 'b', '2亩', NULL, NULL$$, 'SELECT * FROM lease', 2024);
SELECT count(*) FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', NULL);
SELECT * FROM land_allocation($$SELECT 'X' AS parcel_id, '91330100799655058B' AS holder, '1亩'::mu_area AS area, -1 AS share, NULL AS floor_area$$,
							  'SELECT * FROM lease', 2024);
-- a lease that ends before it starts, and one outside the year: 0 亩 with the reason,
-- the land stays with the holder, Σ parcels = Σ allocated + Σ unallocated still holds
CREATE TABLE lease_bad AS SELECT * FROM lease WHERE false;
INSERT INTO lease_bad VALUES ('P1', '914403001922038216', '6亩', NULL, '2024-09-01', '2024-03-31'),
	('P1', '91350203MA31XXW31H', '2亩', NULL, '2025-01-01', NULL);
SELECT parcel_id, credit_code, role, land::numeric, reason
  FROM land_allocation('SELECT * FROM parcel WHERE parcel_id = ''P1''', 'SELECT * FROM lease_bad', 2024);
SELECT parcel_id, credit_code, role, land::numeric, reason
  FROM land_allocation('SELECT * FROM parcel WHERE parcel_id = ''P1''', 'SELECT * FROM lease_bad', 2024, 'owner');
SELECT (SELECT sum(area) FROM (SELECT DISTINCT parcel_id, area FROM parcel) p)::numeric AS parcels,
	   sum(land) FILTER (WHERE role <> '未分配')::numeric AS allocated,
	   sum(land) FILTER (WHERE role = '未分配')::numeric AS unallocated
  FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease UNION ALL SELECT * FROM lease_bad', 2024);
-- mistakes in the queries' columns name the column and the query, not the generated SQL
-- (as psql shows it: no QUERY: line with the statement built inside)
SELECT * FROM land_allocation('SELECT parcel_id, holder, true AS area, share, floor_area FROM parcel', 'SELECT * FROM lease', 2024);
-- a cell that is not an area: the type's error, without the statement built inside
SELECT * FROM land_allocation($$SELECT 'X' AS parcel_id, '91330100799655058B' AS holder, '12 abc' AS area, NULL AS share, NULL AS floor_area$$, 'SELECT * FROM lease', 2024);
SELECT * FROM pg_temp.err($$SELECT * FROM land_allocation('SELECT parcel_id, holder, area, share FROM parcel', 'SELECT * FROM lease', 2024)$$);
SELECT * FROM pg_temp.err($$SELECT * FROM land_allocation('SELECT parcel_id, holder, true AS area, share, floor_area FROM parcel', 'SELECT * FROM lease', 2024)$$);
SELECT * FROM pg_temp.err($$SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT parcel_id, lessee, land, floor_area, 20240101 AS starts, ends FROM lease', 2024)$$);
SELECT * FROM pg_temp.err($$SELECT * FROM land_allocation('SELECT parcel_id, holder, ''100万元''::yuan AS area, share, floor_area FROM parcel', 'SELECT * FROM lease', 2024)$$);
-- the caller's own mistake comes as it is
SELECT state, message FROM pg_temp.err($$SELECT * FROM land_allocation('SELECT * FROM parcels', 'SELECT * FROM lease', 2024)$$);
-- co-holders whose shares are all 0 share equally (and are told so); 1亩 in three is
-- 0.333334 + 0.333333 + 0.333333 (largest remainder, ties by code)
SELECT parcel_id, credit_code, role, land::numeric, reason
  FROM land_allocation($$SELECT 'Z' AS parcel_id, h AS holder, '1亩'::mu_area AS area, 0 AS share, NULL AS floor_area
						   FROM unnest(ARRAY['91330100799655058B', '913412214444444448', '91330110000000000Q']) h$$,
					   'SELECT * FROM lease WHERE false', 2024);

-- ---------------------------------------------------------------- parcel_units (地块评价法)
CREATE TABLE alloc AS SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024);
CREATE TABLE amounts (credit_code text, measure text, amount numeric);
INSERT INTO amounts VALUES
	('91330110000000000Q', 'tax', 100.01), ('91330100799655058B', 'tax', -50),
	('914403001922038216', 'tax', 10), ('91350203MA31XXW31H', 'tax', 20),
	('91350206MA31LUJ437', 'tax', 7), ('91330110000000000Q', 'value_added', 1000);
SELECT * FROM parcel_units('SELECT * FROM alloc', 'SELECT * FROM amounts');
-- exact: Σ units = Σ firms per measure
SELECT u.measure, u.total, a.total
  FROM (SELECT measure, sum(amount) AS total FROM parcel_units('SELECT * FROM alloc', 'SELECT * FROM amounts')
		 WHERE measure <> 'land' GROUP BY 1) u
  JOIN (SELECT measure, sum(amount) AS total FROM amounts GROUP BY 1) a USING (measure) ORDER BY 1;

-- ---------------------------------------------------------------- merge
-- 名录 (the master list), 税务 (several lines per firm: summed), 统计 (one line per firm:
-- duplicates refused), 用电 (meter readings).
CREATE TABLE src (source text, line bigint, credit_code text, name text, measure text, amount numeric);
INSERT INTO src VALUES
	('名录', 2, '91330100799655058B', '甲机械有限公司', NULL, NULL),
	('名录', 3, '913412214444444448', '乙电子有限公司', NULL, NULL),
	('名录', 4, '91330110000000000Q', '庚材料有限公司', NULL, NULL),
	('税务', 2, '91330100799655058b', '甲机械有限公司', 'tax', 100.5),
	('税务', 3, '91330100799655058B', '甲机械有限公司', 'tax', -20),
	('税务', 4, '91330100799655058C', '甲机械有限公司', 'tax', 7),
	('税务', 5, '914403001922038216', '戊公司', 'tax', 3),
	('税务', 6, '913412214444444448', '乙电子有限公司', 'tax', 50),
	('统计', 2, '913412214444444448', '乙电子科技有限公司', 'revenue', 500),
	('统计', 3, '913412214444444448', '乙电子科技有限公司', 'revenue', 600),
	('统计', 4, NULL, '丁公司', 'revenue', 1),
	('统计', 5, '91330100799655058B', '甲机械有限公司', 'revenue', 900),
	('用电', 2, ' ９１３３０１１００００００００００Ｑ', NULL, 'electricity', 12.5);
SELECT * FROM merge_sources('SELECT * FROM src', '名录', '{统计}') ORDER BY source, line;
SELECT * FROM merge_reconcile('SELECT * FROM src', '名录', '{统计}');
SELECT * FROM merge_findings('SELECT * FROM src', '名录', '{统计}');
-- without a master list every valid code is merged; summing duplicates everywhere
SELECT status, count(*), sum(amount) FROM merge_sources('SELECT * FROM src') GROUP BY 1 ORDER BY 1;
SELECT * FROM merge_sources(NULL);
-- a line without a source is refused (22004): it would be merged or dropped silently
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT NULL AS source, 1 AS line,
	''91330100799655058B'' AS credit_code, NULL AS name, ''tax'' AS measure, 1 AS amount
	UNION ALL SELECT ''税务'', 2, ''91330100799655058B'', NULL, ''tax'', 2')$$);
-- a master or refusing source that names no source of the query (a typo) is refused
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT * FROM src', '名单', '{统计}')$$);
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT * FROM src', '名录', '{统计, 税收}')$$);
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT * FROM src', '名录', '{NULL}')$$);
-- an empty query has nothing to check against: no rows
SELECT count(*) FROM merge_sources('SELECT * FROM src WHERE false', '名单', '{统计}');
-- a missing column
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT source, line, credit_code, measure, amount FROM src')$$);
-- NaN and infinite amounts: reported lines (invalid_amount), never summed; the accounting
-- still balances (NaN = NaN for numeric)
CREATE TABLE src_nan AS SELECT * FROM src;
INSERT INTO src_nan VALUES ('税务', 7, '91330100799655058B', '甲机械有限公司', 'tax', 'NaN'),
	('税务', 8, '913412214444444448', '乙电子有限公司', 'tax', 'Infinity'),
	('税务', 9, 'bad', '丙', 'tax', 'NaN');
SELECT source, line, credit_code, amount, status, reason FROM merge_sources('SELECT * FROM src_nan', '名录', '{统计}')
 WHERE source = '税务' ORDER BY line;
SELECT source, measure, lines, amount, merged, unmatched, balanced FROM merge_reconcile('SELECT * FROM src_nan', '名录', '{统计}') WHERE source = '税务';
SELECT finding, credit_code, line, value, detail FROM merge_findings('SELECT * FROM src_nan', '名录', '{统计}') WHERE finding = '金额无效';
-- the dimension of a typed amount must match the measure (42804, as in the engines):
-- mu_area given for tax, yuan given for land or for a metered quantity
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT ''名录'' AS source, 1 AS line, ''91330100799655058B'' AS credit_code, NULL AS name, ''tax'' AS measure, ''3亩''::mu_area AS amount')$$);
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT ''不动产登记'' AS source, 1 AS line, ''91330100799655058B'' AS credit_code, NULL AS name, ''land'' AS measure, ''3元''::yuan AS amount')$$);
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT ''用电'' AS source, 1 AS line, ''91330100799655058B'' AS credit_code, NULL AS name, ''electricity'' AS measure, ''3元''::yuan AS amount')$$);
SELECT * FROM pg_temp.err($$SELECT * FROM merge_sources('SELECT ''税务'' AS source, 1 AS line, ''91330100799655058B'' AS credit_code, NULL AS name, ''tax'' AS measure, ''3元/亩''::yuan_per_mu AS amount')$$);
-- typed amounts of the right dimension are read in base units; measures of the user's own
-- take any number
SELECT source, measure, amount, status FROM merge_sources($$SELECT '税务' AS source, 1 AS line, '91330100799655058B' AS credit_code, NULL AS name, 'tax' AS measure, '3万元'::yuan AS amount
	UNION ALL SELECT '税务', 2, '91330100799655058B', NULL, 'tax_vat', '0.5元'$$) ORDER BY line;
SELECT source, measure, amount, status FROM merge_sources($$SELECT '不动产登记' AS source, 1 AS line, '91330100799655058B' AS credit_code, NULL AS name, 'land' AS measure, '3亩'::mu_area AS amount$$);
-- columns of other types are read as ::text reads them (character(n) without its padding),
-- the line number and the amount as ::bigint and ::numeric do
SELECT '[' || source || ']' AS source, line, '[' || raw_code || ']' AS raw_code, '[' || name || ']' AS name, measure, amount, status, reason
  FROM merge_sources($$SELECT '税务'::char(6) AS source, '7'::text AS line, '91330100799655058B'::char(20) AS credit_code,
							 'x'::char(3) AS name, 'tax'::char(5) AS measure, 5.5::float8 AS amount
					   UNION ALL SELECT '税务', '8', '91330100799655058B', 'x', 'tax', 1$$) ORDER BY line;

-- ---------------------------------------------------------------- quality_findings
CREATE TABLE fy (credit_code credit_code, year int, land mu_area, tax yuan, refund yuan,
				 parcel_key text, value_added yuan, energy_tce numeric);
INSERT INTO fy VALUES
	-- tax entered in 元 where 万元 was meant: ×10000 against 2023
	('91330100799655058B', 2023, '20亩', '300万元', NULL, 'P1', '1000万元', 50),
	('91330100799655058B', 2024, '20亩', '3000000万元', NULL, 'P1', '1100万元', 52),
	-- land changed, parcels did not; energy missing
	('913412214444444448', 2023, '10亩', '100万元', NULL, 'P2', '500万元', 20),
	('913412214444444448', 2024, '12亩', '110万元', NULL, 'P2', '520万元', NULL),
	-- negative tax within the refund (fine) and beyond it
	('91330110000000000Q', 2024, '10亩', '-5万元', '8万元', 'P4', '300万元', 10),
	('91350203MA31XXW31H', 2024, '10亩', '-5万元', '2万元', 'P6', '300万元', 10),
	('914403001922038216', 2024, '10亩', '-1万元', NULL, 'P7', '300万元', 10),
	-- ordinary firms for the median
	('91350206MA31LUJ437', 2024, '10亩', '150万元', NULL, 'P8', '600万元', 10),
	('91350213678251743X', 2024, '10亩', '120万元', NULL, 'P9', '600万元', 10);
SELECT * FROM quality_findings('fy', 2024, '{"tax": "税务", "land": "不动产登记", "energy_tce": "统计"}');
SELECT * FROM quality_findings('fy', 2024, '{}', 1);
CREATE TABLE fy_bad (credit_code text, year int);
SELECT * FROM quality_findings('fy_bad', 2024);

RESET search_path;
DROP SCHEMA intake_t CASCADE;
