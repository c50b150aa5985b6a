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

\c :orig_db
DROP DATABASE industry_security;
DROP ROLE regress_industry_hostile;
