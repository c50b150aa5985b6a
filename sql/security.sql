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
RESET search_path;

\c :orig_db
DROP DATABASE industry_security;
DROP ROLE regress_industry_hostile;
