-- Every function of the extension with its volatility, strictness, parallel safety and
-- security: the expected output pins them, so a mislabelled function fails here.
SELECT p.oid::regprocedure AS function,
	p.provolatile AS vol, p.proisstrict AS strict, p.proparallel AS par,
	p.prosecdef AS secdef, p.proleakproof AS leakproof, l.lanname AS lang
FROM pg_depend d
JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
JOIN pg_language l ON l.oid = p.prolang
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry')
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- summary: nothing is SECURITY DEFINER, nothing carries a SET clause
SELECT count(*) FILTER (WHERE p.prosecdef) AS security_definer,
	count(*) FILTER (WHERE p.proconfig IS NOT NULL) AS with_set_clause,
	count(*) AS functions
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry');
