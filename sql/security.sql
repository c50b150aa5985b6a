-- The install script and the SQL-language functions resist a hostile search_path
-- (as contrib/seg's security test): objects planted in the target schema by an
-- untrusted role must not be picked up, during installation or afterwards.
SELECT current_database() AS orig_db \gset
CREATE DATABASE industry_security;
\c industry_security
CREATE ROLE regress_industry_hostile;
CREATE SCHEMA industry_sec;
GRANT USAGE, CREATE ON SCHEMA industry_sec TO regress_industry_hostile;
GRANT USAGE, CREATE ON SCHEMA public TO regress_industry_hostile;
SET ROLE regress_industry_hostile;
-- decoys for every format() arity the script uses, and for the unit helpers' callee
DO $$
BEGIN
	FOR n IN 1..16 LOOP
		EXECUTE pg_catalog.format('CREATE FUNCTION industry_sec.format(%s) RETURNS text LANGUAGE sql AS %L',
			pg_catalog.array_to_string(pg_catalog.array_fill('text'::text, ARRAY[n]), ', '),
			'SELECT ''SELECT 1/0''');
	END LOOP;
END
$$;
CREATE FUNCTION public.to_unit(anyelement, text) RETURNS numeric LANGUAGE sql AS 'SELECT -1::numeric';
RESET ROLE;

CREATE EXTENSION industry SCHEMA industry_sec;
-- the hostile role owns nothing of the extension, and everything works
SELECT count(*) AS hostile_members
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry') AND d.deptype = 'e'
  AND p.proowner = 'regress_industry_hostile'::regrole;
SET search_path = public, industry_sec;
SELECT industry_sec.wan_yuan('75.02亿元') AS wan, industry_sec.hectares('15亩') AS ha;
-- with pg_dump's empty search_path everything still resolves
SET search_path = '';
SELECT industry_sec.wan_yuan('375.29万元'::industry_sec.yuan) AS wan,
	'1元'::industry_sec.yuan OPERATOR(industry_sec.+) '2元'::industry_sec.yuan AS sum;
-- the engines' own SQL is schema-qualified too: they run with an empty search_path ...
SELECT total FROM industry_sec.evaluate('huangyan', 2022, $q$SELECT 'W' AS credit_code, '规上' AS scope,
	'10亩'::industry_sec.mu_area AS land, '300万元'::industry_sec.yuan AS tax,
	'1500万元'::industry_sec.yuan AS value_added, 750 AS energy_tce, 0.5 AS emission_t, 75 AS employees,
	'350万元'::industry_sec.yuan AS rd, '10000万元'::industry_sec.yuan AS main_revenue$q$);
SELECT tier, eligible, score FROM industry_sec.tier_check_record('{"employees": 100, "revenue": "2240万元",
	"main_revenue": "1456万元", "main_revenue_prev1": "1300万元", "rd": "89.6万元", "debt_ratio": 0.5,
	"sei_field": true, "ip_class1_high_value": 0, "ip_class1_own": 1}', '{chuangxin}');
-- ... and ignore look-alike tables and functions planted in a schema searched first
SET ROLE regress_industry_hostile;
CREATE TABLE public.evaluation_scheme (LIKE industry_sec.evaluation_scheme);
CREATE TABLE public.tier_definition (LIKE industry_sec.tier_definition);
CREATE FUNCTION public.per_mu(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'SELECT -1::numeric';
RESET ROLE;
SET search_path = public, industry_sec;
SELECT total FROM evaluate('huangyan', 2022, $q$SELECT 'S' AS credit_code, '规下' AS scope, '10亩'::mu_area AS land,
	'120万元'::yuan AS tax, 600 AS electricity$q$);
SELECT count(*) AS tiers FROM tier_check('SELECT 1 AS credit_code, 2500 * 10000 AS main_revenue', '{guishang}')
WHERE eligible;
RESET search_path;

-- the intake functions' SQL names every operator, function and collation by schema: with
-- look-alikes planted in a schema searched before pg_catalog they give the same results
CREATE TABLE public.i_src (source text, line bigint, credit_code text, name text, measure text, amount numeric);
INSERT INTO public.i_src VALUES ('名录', 2, '91330100799655058B', '甲', NULL, NULL),
	('税务', 2, '91330100799655058b', '甲', 'tax', 100.5), ('税务', 3, '91330100799655058B', '甲', 'tax', -20),
	('税务', 4, '913412214444444448', '乙', 'tax', 50), ('统计', 2, '91330100799655058B', '甲公司', 'revenue', 900),
	('统计', 3, '91330100799655058B', '甲公司', 'revenue', 1), ('统计', 4, 'bad', '丙', 'revenue', 2);
CREATE TABLE public.i_parcel AS SELECT * FROM (VALUES ('P1', '91330100799655058B', '10亩'::industry_sec.mu_area, NULL::numeric, 1000::numeric),
	('P2', '91330100799655058B', '3亩', 1, NULL), ('P2', '913412214444444448', '3亩', 2, NULL)) v(parcel_id, holder, area, share, floor_area);
CREATE TABLE public.i_lease AS SELECT * FROM (VALUES ('P1', '913412214444444448', NULL::industry_sec.mu_area, 250::numeric,
	'2024-07-01'::date, NULL::date)) v(parcel_id, lessee, land, floor_area, starts, ends);
CREATE TABLE public.i_fy (credit_code industry_sec.credit_code, year int, land industry_sec.mu_area, tax industry_sec.yuan);
INSERT INTO public.i_fy VALUES ('91330100799655058B', 2023, '20亩', '300万元'), ('91330100799655058B', 2024, '20亩', '3000000万元'),
	('913412214444444448', 2024, '10亩', '-1万元'), ('91350206MA31LUJ437', 2024, '10亩', '150万元');
CREATE TABLE public.i_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text);
INSERT INTO public.i_raw (c1, c2) VALUES ('credit_code', '实缴税金(万元)'), ('91330100799655058B', '12.5'), ('x', '1,0');
CREATE TABLE public.i_tax (credit_code text NOT NULL, "实缴税金" industry_sec.yuan);
CREATE VIEW public.i_all AS
SELECT 'merge' AS f, pg_catalog.row_to_json(m)::text AS r FROM industry_sec.merge_sources('SELECT * FROM public.i_src', '名录', '{统计}') m
UNION ALL SELECT 'reconcile', pg_catalog.row_to_json(m)::text FROM industry_sec.merge_reconcile('SELECT * FROM public.i_src', '名录', '{统计}') m
UNION ALL SELECT 'findings', pg_catalog.row_to_json(m)::text FROM industry_sec.merge_findings('SELECT * FROM public.i_src', '名录', '{统计}') m
UNION ALL SELECT 'land', pg_catalog.row_to_json(m)::text FROM industry_sec.land_allocation('SELECT * FROM public.i_parcel', 'SELECT * FROM public.i_lease', 2024) m
UNION ALL SELECT 'units', pg_catalog.row_to_json(m)::text FROM industry_sec.parcel_units(
	'SELECT * FROM industry_sec.land_allocation(''SELECT * FROM public.i_parcel'', ''SELECT * FROM public.i_lease'', 2024)',
	'SELECT credit_code, measure, amount FROM public.i_src WHERE measure IS NOT NULL AND credit_code OPERATOR(pg_catalog.<>) ''bad''') m
UNION ALL SELECT 'quality', pg_catalog.row_to_json(m)::text FROM industry_sec.quality_findings('public.i_fy', 2024) m;
CREATE TABLE public.i_expected AS SELECT * FROM public.i_all;
CREATE TABLE public.i_import_expected AS SELECT * FROM industry_sec.import_cells('public.i_raw', 'public.i_tax');
SELECT f, count(*) FROM public.i_expected GROUP BY f ORDER BY f;
SELECT * FROM public.i_import_expected;
SET ROLE regress_industry_hostile;
CREATE FUNCTION public.decoy_false(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE FUNCTION public.decoy_true(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION public.decoy_false(industry_sec.credit_code, industry_sec.credit_code) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE FUNCTION public.decoy_true(bigint, integer) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION public.decoy_true(numeric, numeric) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION public.decoy_num(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'SELECT -1::numeric';
CREATE FUNCTION public.decoy_int(integer, integer) RETURNS integer LANGUAGE sql AS 'SELECT 0';
CREATE FUNCTION public.decoy_cat(text, numeric) RETURNS text LANGUAGE sql AS 'SELECT ''decoy''';
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.decoy_false);
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.decoy_true);
CREATE OPERATOR public.= (LEFTARG = industry_sec.credit_code, RIGHTARG = industry_sec.credit_code, FUNCTION = public.decoy_false);
CREATE OPERATOR public.> (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = public.decoy_true);
CREATE OPERATOR public.< (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = public.decoy_true);
CREATE OPERATOR public.- (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.decoy_int);
CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = public.decoy_num);
CREATE OPERATOR public./ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = public.decoy_num);
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = numeric, FUNCTION = public.decoy_cat);
CREATE AGGREGATE public.sum(numeric) (SFUNC = public.decoy_num, STYPE = numeric);
CREATE AGGREGATE public.min(text) (SFUNC = pg_catalog.text_larger, STYPE = text);
RESET ROLE;
SET search_path = public, pg_catalog, industry_sec;
-- the look-alikes are live for the caller's own SQL ...
SELECT 'a'::text = 'a'::text AS decoy_eq, sum(x) AS decoy_sum FROM (VALUES (1.5), (2.5)) v(x);
-- ... but not inside the intake functions: no difference either way
SELECT (SELECT count(*) FROM (TABLE public.i_expected EXCEPT ALL TABLE public.i_all) d) AS missing,
	   (SELECT count(*) FROM (TABLE public.i_all EXCEPT ALL TABLE public.i_expected) d) AS extra;
CREATE TABLE public.i_tax2 (LIKE public.i_tax INCLUDING ALL);
SELECT count(*) AS import_diff FROM (TABLE public.i_import_expected EXCEPT ALL
	SELECT * FROM industry_sec.import_cells('public.i_raw', 'public.i_tax2')) d;
SELECT (SELECT count(*) FROM (TABLE public.i_tax EXCEPT ALL TABLE public.i_tax2) d) AS rows_diff,
	   (SELECT count(*) FROM public.i_tax2) AS rows_loaded;
RESET search_path;

\c :orig_db
DROP DATABASE industry_security;
DROP ROLE regress_industry_hostile;
