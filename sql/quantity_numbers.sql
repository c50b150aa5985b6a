-- A quantity compared with a plain number in its base unit (亩, 元, 元/亩), the parameter
-- types BI drivers bind (int4, int8, numeric, float8, text/varchar), the assignment casts
-- for INSERT, and the dimension safety that all of this must leave intact.
-- Values are printed as ::numeric so the test reads the same whatever the text output.

CREATE TABLE numbers_t (id int, tax yuan, land mu_area, per_mu yuan_per_mu);
INSERT INTO numbers_t VALUES
	(1, '0.01元', '0.000001亩', '0.0001元/亩'),
	(2, '100元', '1亩', '100元/亩'),
	(3, '5万元', '10.5亩', '3.25万元/亩'),
	(4, '-7元', '0亩', '-1元/亩'),
	(5, NULL, NULL, NULL);

-- int4, int8, numeric: exact, in the base unit, both orders, all six operators
SELECT id, tax > 100 AS gt, tax >= 100 AS ge, tax = 100 AS eq, tax <> 100 AS ne,
	tax < 100 AS lt, tax <= 100 AS le, 100 < tax AS r_lt, 100 = tax AS r_eq
FROM numbers_t ORDER BY id;
SELECT id, tax > 100::int8 AS gt, 100::int8 >= tax AS r_ge, tax = 100.00 AS eq_num,
	tax > 0.005 AS gt_half_fen, tax = 0.01 AS eq_fen, tax < 0.0100001 AS lt_above,
	0.009999 < tax AS r_lt_below
FROM numbers_t ORDER BY id;
SELECT id, land > 0.0000005 AS gt_half, land = 0.000001 AS eq_unit, land >= 10.5 AS ge_105,
	land < 1 AS lt_1, 0 = land AS r_eq_0,
	per_mu = 32500 AS eq_wan, per_mu > 0.00005 AS gt_half, per_mu < 0 AS neg
FROM numbers_t ORDER BY id;

-- exact at the ends of the ranges: no rounding, no overflow
SELECT '92233720368547758.07'::yuan > 92233720368547758::int8 AS int8_exact,
	'92233720368547758.07'::yuan < 9223372036854775807::int8 AS int8_max,
	'-92233720368547758.08'::yuan > (-9223372036854775807 - 1)::int8 AS int8_min,
	'92233720368547758.07'::yuan = 92233720368547758.07 AS numeric_max,
	'92233720368547758.07'::yuan < 92233720368547758.070000000001 AS numeric_above,
	'2147483647亩'::mu_area = 2147483647 AS int4_max,
	'1元'::yuan < 1e30 AS huge, '1元'::yuan > -1e30 AS huge_negative;
-- numeric NaN sorts above every number, as numeric's own order has it; infinities compare
SELECT '1元'::yuan < 'NaN'::numeric AS lt_nan, '1元'::yuan = 'NaN'::numeric AS eq_nan,
	'NaN'::numeric > '1元'::yuan AS r_gt_nan,
	'1元'::yuan < 'Infinity'::numeric AS lt_inf, '1元'::yuan > '-Infinity'::numeric AS gt_neg_inf;

-- float8: compared as float8, as PostgreSQL compares numeric with float8
SELECT id, tax = 0.01::float8 AS eq, tax > 99.99::float8 AS gt, tax >= 1e2::float8 AS ge,
	0.1::float8 > land AS r_gt, per_mu = 0.0001::float8 AS eq_pm
FROM numbers_t ORDER BY id;
SELECT '1元'::yuan < 'NaN'::float8 AS lt_nan, '1元'::yuan < 'Infinity'::float8 AS lt_inf,
	'0.3元'::yuan = (0.1::float8 + 0.2::float8) AS eq_inexact_float_sum;
-- smallint and real resolve to an exact or float8 comparison (no ambiguity)
SELECT id, tax > 100::int2 AS int2, tax > 100.5::real AS real FROM numbers_t ORDER BY id;

-- text and varchar: read as a literal of the type (units allowed), as tax > '5万元' is
SELECT id, tax >= '5万元'::varchar AS ge_wan, tax = '100'::text AS eq_text,
	'1亩'::varchar = land AS r_eq, per_mu > '3万元/亩'::text AS gt_per_mu,
	tax > '0.005'::varchar AS literal_rounds
FROM numbers_t ORDER BY id;
SELECT tax > '5亩'::varchar FROM numbers_t;
SELECT land < 'abc'::text FROM numbers_t;

-- NULL of every parameter type gives NULL
SELECT tax > NULL::numeric AS num, tax > NULL::int8 AS int8, tax > NULL::float8 AS float8,
	tax > NULL::varchar AS varchar, NULL::int4 = tax AS r_int4
FROM numbers_t WHERE id = 2;

-- IN lists and ANY of numbers
SELECT id FROM numbers_t WHERE tax IN (100, 50000.00) ORDER BY id;
SELECT id FROM numbers_t WHERE land = ANY (ARRAY[1, 10.5]) ORDER BY id;

-- a prepared statement with typed parameters, as JDBC sends them
PREPARE numbers_filter(numeric, int8, float8, varchar) AS
	SELECT array_agg(id ORDER BY id) FROM numbers_t
	WHERE tax > $1 AND tax >= $2 AND tax < $3 AND tax <> $4;
EXECUTE numbers_filter(0.01, 0, 1e5, '100元');
DEALLOCATE numbers_filter;

-- assignment casts: INSERT and UPDATE of bound float8 and string values
CREATE TABLE numbers_ins (tax yuan, land mu_area, per_mu yuan_per_mu);
INSERT INTO numbers_ins VALUES (1.005::float8, 2.5::float8, 0.00005::float8);
INSERT INTO numbers_ins VALUES ('3万元'::varchar, '1公顷'::varchar, '1.5万元/亩'::text);
INSERT INTO numbers_ins VALUES (12::int8, 7::int4, 0.00015);
INSERT INTO numbers_ins VALUES (NULL::float8, NULL::varchar, NULL::text);
PREPARE numbers_insert(float8, varchar, numeric) AS INSERT INTO numbers_ins VALUES ($1, $2, $3);
EXECUTE numbers_insert(0.1, '0.5亩', 1e4);
DEALLOCATE numbers_insert;
UPDATE numbers_ins SET tax = tax::numeric::float8 + 0.001::float8 WHERE tax = 12;
SELECT tax::numeric, land::numeric, per_mu::numeric FROM numbers_ins ORDER BY tax::numeric NULLS LAST;
INSERT INTO numbers_ins (tax) VALUES ('NaN'::float8);
INSERT INTO numbers_ins (tax) VALUES ('Infinity'::float8);
INSERT INTO numbers_ins (tax) VALUES (1e300::float8);
INSERT INTO numbers_ins (tax) VALUES ('5亩'::varchar);
DROP TABLE numbers_ins;

-- dimension safety is unchanged: none of these resolve when the query is parsed
SELECT tax + land FROM numbers_t;
SELECT tax = land FROM numbers_t;
SELECT tax < land FROM numbers_t;
SELECT tax > per_mu FROM numbers_t;
SELECT land <> per_mu FROM numbers_t;
SELECT land - tax FROM numbers_t;
SELECT tax FROM numbers_t UNION ALL SELECT land FROM numbers_t;
SELECT tax FROM numbers_t UNION ALL SELECT 1.5;
SELECT COALESCE(tax, land) FROM numbers_t;
CREATE TABLE numbers_dim (tax yuan);
INSERT INTO numbers_dim SELECT land FROM numbers_t;
INSERT INTO numbers_dim SELECT per_mu FROM numbers_t;
DROP TABLE numbers_dim;
-- a number or a string converts to a quantity only where the column says which one
SELECT count(*) FROM numbers_t WHERE tax > land::numeric;  -- explicit: the user's choice

-- no implicit cast to or from the three types exists (only assignment and explicit)
SELECT c.castsource::regtype AS source, c.casttarget::regtype AS target, c.castcontext AS context,
	c.castmethod AS method
FROM pg_cast c
WHERE c.castcontext = 'i'
  AND (c.castsource IN ('yuan'::regtype, 'mu_area'::regtype, 'yuan_per_mu'::regtype)
    OR c.casttarget IN ('yuan'::regtype, 'mu_area'::regtype, 'yuan_per_mu'::regtype));

-- the operators between a quantity and a number, per type: 6 operators x 5 kinds x 2 orders
SELECT t.typname AS type, count(*) AS operators,
	string_agg(DISTINCT other.typname, ' ' ORDER BY other.typname) AS numbers
FROM pg_operator o
JOIN pg_type t ON t.oid IN (o.oprleft, o.oprright) AND t.typname IN ('mu_area', 'yuan', 'yuan_per_mu')
JOIN pg_type other ON other.oid IN (o.oprleft, o.oprright) AND other.oid <> t.oid
WHERE o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
GROUP BY t.typname ORDER BY 1;

-- the text comparison is inlined into T = CAST(text AS T), so an index on the column
-- serves it (the float8 one compares float8(T), a filter)
CREATE INDEX numbers_t_tax ON numbers_t (tax);
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
PREPARE numbers_by_text(varchar) AS SELECT id FROM numbers_t WHERE tax = $1;
EXPLAIN (COSTS OFF) EXECUTE numbers_by_text('100');
EXECUTE numbers_by_text('100');
DEALLOCATE numbers_by_text;
RESET plan_cache_mode;
RESET enable_seqscan;
DROP TABLE numbers_t;

-- min and max run C transition functions (1.0: LANGUAGE internal int8smaller/int8larger)
SELECT p.oid::regprocedure AS function, l.lanname AS language, p.prosrc AS symbol
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.proname ~ '^(mu_area|yuan|yuan_per_mu)_(smaller|larger)$'
ORDER BY 1::text;
SELECT min(x)::numeric AS min, max(x)::numeric AS max, min(x) IS NULL AS min_null
FROM (VALUES ('3元'::yuan), ('-92233720368547758.08元'), (NULL), ('92233720368547758.07元')) v(x);
SELECT min(x) IS NULL AS empty_min, max(x) IS NULL AS empty_max FROM (SELECT '1亩'::mu_area WHERE false) v(x);

-- no support function of the extension's aggregates, and no I/O function of its types,
-- is LANGUAGE internal: Citus and other callers that look a function up per row pay a
-- search of the built-in table for those
SELECT a.aggfnoid::regprocedure AS aggregate, f.role, f.fn::regprocedure AS function
FROM pg_aggregate a
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry')
CROSS JOIN LATERAL (VALUES ('sfunc', a.aggtransfn), ('combine', a.aggcombinefn),
	('final', a.aggfinalfn), ('serial', a.aggserialfn), ('deserial', a.aggdeserialfn),
	('msfunc', a.aggmtransfn), ('minv', a.aggminvtransfn), ('mfinal', a.aggmfinalfn)) f(role, fn)
JOIN pg_proc p ON p.oid = f.fn
WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'internal');
SELECT t.typname, p.oid::regprocedure AS function
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry')
JOIN pg_proc p ON p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend)
WHERE t.typtype = 'b' AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'internal');
