-- industry 1.0: the fixed-point quantity types mu_area (亩), yuan (元), yuan_per_mu (元/亩).
\echo Use "CREATE EXTENSION industry" to load this file. \quit

-- All three types are int64 fixed point, 8 bytes, passed by value, aligned as double
-- (fixed forever: pg_upgrade copies data files).  Stored units: mu_area 10^-6 亩,
-- yuan 分 (10^-2 元), yuan_per_mu 10^-4 元/亩.  Their definitions are identical but for
-- the name, so one loop defines each type's I/O, comparison, hashing, arithmetic,
-- casts and unit functions; the C entry points are <type>_<op> (quantity_io.c,
-- quantity_ops.c).  Comparison, hashing and sorting reuse the int8 internals, as
-- contrib/isn does, which keeps hashing consistent with equality for free.
DO $types$
DECLARE
	t text;
	descr text;
	mod constant text := 'MODULE_PATHNAME';
BEGIN
	FOR t, descr IN VALUES
		('mu_area', 'land area in 亩 (exact to 10^-6 亩; input also in 平方米, 公顷, 平方公里)'),
		('yuan', 'amount of money in 元 (exact to 0.01 元; input also in 万元, 亿元)'),
		('yuan_per_mu', 'money per area in 元/亩 (exact to 0.0001 元/亩; input also in 万元/亩)')
	LOOP
		-- I/O
		EXECUTE pg_catalog.format('CREATE TYPE @extschema@.%1$I', t);
		EXECUTE pg_catalog.format($f$CREATE FUNCTION @extschema@.%1$I(pg_catalog.cstring) RETURNS @extschema@.%2$I
			AS %3$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$, t || '_in', t, mod);
		EXECUTE pg_catalog.format($f$CREATE FUNCTION @extschema@.%1$I(@extschema@.%2$I) RETURNS pg_catalog.cstring
			AS %3$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$, t || '_out', t, mod);
		EXECUTE pg_catalog.format($f$CREATE FUNCTION @extschema@.%1$I(pg_catalog.internal) RETURNS @extschema@.%2$I
			AS %3$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$, t || '_recv', t, mod);
		EXECUTE pg_catalog.format($f$CREATE FUNCTION @extschema@.%1$I(@extschema@.%2$I) RETURNS pg_catalog.bytea
			AS %3$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$, t || '_send', t, mod);
		EXECUTE pg_catalog.format($f$CREATE TYPE @extschema@.%1$I (
			INPUT = @extschema@.%2$I, OUTPUT = @extschema@.%3$I,
			RECEIVE = @extschema@.%4$I, SEND = @extschema@.%5$I,
			INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double, STORAGE = plain)$f$,
			t, t || '_in', t || '_out', t || '_recv', t || '_send');
		EXECUTE pg_catalog.format('COMMENT ON TYPE @extschema@.%I IS %L', t, descr);

		-- validity check that never raises for bad input: is_yuan('12x万元') = false
		EXECUTE pg_catalog.format($f$CREATE FUNCTION @extschema@.%1$I(pg_catalog.text) RETURNS boolean
			AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$, 'is_' || t, mod, t || '_is_valid');
		EXECUTE pg_catalog.format('COMMENT ON FUNCTION @extschema@.%I(pg_catalog.text) IS %L',
			'is_' || t, 'does the text parse as a ' || t || ' value? (never raises for bad input)');

		-- comparison, hashing, sorting: the int8 internals (LEAKPROOF as theirs are)
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.%1$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8eq';
			CREATE FUNCTION @extschema@.%3$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ne';
			CREATE FUNCTION @extschema@.%4$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8lt';
			CREATE FUNCTION @extschema@.%5$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8le';
			CREATE FUNCTION @extschema@.%6$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8gt';
			CREATE FUNCTION @extschema@.%7$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS boolean
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ge';
			CREATE FUNCTION @extschema@.%8$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS integer
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'btint8cmp';
			CREATE FUNCTION @extschema@.%9$I(pg_catalog.internal) RETURNS void
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint8sortsupport';
			CREATE FUNCTION @extschema@.%10$I(@extschema@.%2$I, @extschema@.%2$I, @extschema@.%2$I, boolean, boolean)
				RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'in_range_int8_int8';
			CREATE FUNCTION @extschema@.%11$I(@extschema@.%2$I) RETURNS integer
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8';
			CREATE FUNCTION @extschema@.%12$I(@extschema@.%2$I, bigint) RETURNS bigint
				LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8extended';

			CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%1$I, COMMUTATOR = OPERATOR(@extschema@.=),
				NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = pg_catalog.eqsel,
				JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
			CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%3$I, COMMUTATOR = OPERATOR(@extschema@.<>),
				NEGATOR = OPERATOR(@extschema@.=), RESTRICT = pg_catalog.neqsel,
				JOIN = pg_catalog.neqjoinsel);
			CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%4$I, COMMUTATOR = OPERATOR(@extschema@.>),
				NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = pg_catalog.scalarltsel,
				JOIN = pg_catalog.scalarltjoinsel);
			CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%5$I, COMMUTATOR = OPERATOR(@extschema@.>=),
				NEGATOR = OPERATOR(@extschema@.>), RESTRICT = pg_catalog.scalarlesel,
				JOIN = pg_catalog.scalarlejoinsel);
			CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%6$I, COMMUTATOR = OPERATOR(@extschema@.<),
				NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = pg_catalog.scalargtsel,
				JOIN = pg_catalog.scalargtjoinsel);
			CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%7$I, COMMUTATOR = OPERATOR(@extschema@.<=),
				NEGATOR = OPERATOR(@extschema@.<), RESTRICT = pg_catalog.scalargesel,
				JOIN = pg_catalog.scalargejoinsel);

			CREATE OPERATOR CLASS @extschema@.%13$I DEFAULT FOR TYPE @extschema@.%2$I USING btree AS
				OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
				OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
				FUNCTION 1 @extschema@.%8$I(@extschema@.%2$I, @extschema@.%2$I),
				FUNCTION 2 @extschema@.%9$I(pg_catalog.internal),
				FUNCTION 3 @extschema@.%10$I(@extschema@.%2$I, @extschema@.%2$I, @extschema@.%2$I, boolean, boolean);
			CREATE OPERATOR CLASS @extschema@.%13$I DEFAULT FOR TYPE @extschema@.%2$I USING hash AS
				OPERATOR 1 @extschema@.=,
				FUNCTION 1 @extschema@.%11$I(@extschema@.%2$I),
				FUNCTION 2 @extschema@.%12$I(@extschema@.%2$I, bigint);
			$f$, t || '_eq', t, t || '_ne', t || '_lt', t || '_le', t || '_gt', t || '_ge',
			t || '_cmp', t || '_sortsupport', t || '_in_range', t || '_hash', t || '_hash_extended',
			t || '_ops');

		-- arithmetic: T ± T, -T, abs(T)
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.%1$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS @extschema@.%2$I
				AS %5$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%3$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS @extschema@.%2$I
				AS %5$L, %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%4$I(@extschema@.%2$I) RETURNS @extschema@.%2$I
				AS %5$L, %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.abs(@extschema@.%2$I) RETURNS @extschema@.%2$I
				AS %5$L, %6$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE OPERATOR @extschema@.+ (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%1$I, COMMUTATOR = OPERATOR(@extschema@.+));
			CREATE OPERATOR @extschema@.- (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%3$I);
			CREATE OPERATOR @extschema@.- (RIGHTARG = @extschema@.%2$I, FUNCTION = @extschema@.%4$I);
			$f$, t || '_pl', t, t || '_mi', t || '_um', mod, t || '_abs');

		-- arithmetic: T × n and n × T, T ÷ n, for n of int4, int8, numeric, float8
		DECLARE
			n text;
		BEGIN
			FOREACH n IN ARRAY ARRAY['int4', 'int8', 'numeric', 'float8']
			LOOP
				EXECUTE pg_catalog.format($f$
					CREATE FUNCTION @extschema@.%1$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS @extschema@.%3$I
						AS %6$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
					CREATE FUNCTION @extschema@.%2$I(pg_catalog.%4$I, @extschema@.%3$I) RETURNS @extschema@.%3$I
						AS %6$L, %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
					CREATE FUNCTION @extschema@.%5$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS @extschema@.%3$I
						AS %6$L, %5$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
					CREATE OPERATOR @extschema@.* (LEFTARG = @extschema@.%3$I, RIGHTARG = pg_catalog.%4$I,
						FUNCTION = @extschema@.%1$I, COMMUTATOR = OPERATOR(@extschema@.*));
					CREATE OPERATOR @extschema@.* (LEFTARG = pg_catalog.%4$I, RIGHTARG = @extschema@.%3$I,
						FUNCTION = @extschema@.%2$I, COMMUTATOR = OPERATOR(@extschema@.*));
					CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.%3$I, RIGHTARG = pg_catalog.%4$I,
						FUNCTION = @extschema@.%5$I);
					$f$, t || '_mul_' || n, n || '_mul_' || t, t, n, t || '_div_' || n, mod);
			END LOOP;
		END;

		-- T ÷ T → numeric (dimensionless)
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.%1$I(@extschema@.%2$I, @extschema@.%2$I) RETURNS pg_catalog.numeric
				AS %3$L, %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.%2$I, RIGHTARG = @extschema@.%2$I,
				FUNCTION = @extschema@.%1$I);
			$f$, t || '_div', t, mod);

		-- casts: to numeric/float8 in base units; from numeric, bigint, integer (四舍五入)
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.numeric(@extschema@.%1$I) RETURNS pg_catalog.numeric
				AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.float8(@extschema@.%1$I) RETURNS pg_catalog.float8
				AS %2$L, %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%1$I(pg_catalog.numeric) RETURNS @extschema@.%1$I
				AS %2$L, %5$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%1$I(bigint) RETURNS @extschema@.%1$I
				AS %2$L, %6$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%1$I(integer) RETURNS @extschema@.%1$I
				AS %2$L, %7$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE CAST (@extschema@.%1$I AS pg_catalog.numeric)
				WITH FUNCTION @extschema@.numeric(@extschema@.%1$I) AS ASSIGNMENT;
			CREATE CAST (@extschema@.%1$I AS pg_catalog.float8)
				WITH FUNCTION @extschema@.float8(@extschema@.%1$I);
			CREATE CAST (pg_catalog.numeric AS @extschema@.%1$I)
				WITH FUNCTION @extschema@.%1$I(pg_catalog.numeric) AS ASSIGNMENT;
			CREATE CAST (bigint AS @extschema@.%1$I)
				WITH FUNCTION @extschema@.%1$I(bigint) AS ASSIGNMENT;
			CREATE CAST (integer AS @extschema@.%1$I)
				WITH FUNCTION @extschema@.%1$I(integer) AS ASSIGNMENT;
			$f$, t, mod, t || '_to_numeric', t || '_to_float8', t || '_from_numeric',
			t || '_from_int8', t || '_from_int4');

		-- units: to_unit(x, '万元') → numeric, T(12.5, '万元') → T, format_unit(x, '万元', 2) → text
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.to_unit(@extschema@.%1$I, pg_catalog.text) RETURNS pg_catalog.numeric
				AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%1$I(pg_catalog.numeric, pg_catalog.text) RETURNS @extschema@.%1$I
				AS %2$L, %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.format_unit(@extschema@.%1$I, pg_catalog.text, integer DEFAULT 2)
				RETURNS pg_catalog.text
				AS %2$L, %5$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, mod, t || '_to_unit', t || '_from_unit', t || '_format_unit');
	END LOOP;
END
$types$;

-- Cross-type arithmetic: the dimensions of 亩均 (yuan ÷ mu_area → yuan_per_mu and back).
-- There is deliberately no yuan + mu_area: unit mistakes fail when the query is parsed.
CREATE FUNCTION @extschema@.yuan_div_mu_area(@extschema@.yuan, @extschema@.mu_area)
	RETURNS @extschema@.yuan_per_mu
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.yuan, RIGHTARG = @extschema@.mu_area,
	FUNCTION = @extschema@.yuan_div_mu_area);

CREATE FUNCTION @extschema@.yuan_div_yuan_per_mu(@extschema@.yuan, @extschema@.yuan_per_mu)
	RETURNS @extschema@.mu_area
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.yuan, RIGHTARG = @extschema@.yuan_per_mu,
	FUNCTION = @extschema@.yuan_div_yuan_per_mu);

CREATE FUNCTION @extschema@.yuan_per_mu_mul_mu_area(@extschema@.yuan_per_mu, @extschema@.mu_area)
	RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mu_area_mul_yuan_per_mu(@extschema@.mu_area, @extschema@.yuan_per_mu)
	RETURNS @extschema@.yuan
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@.* (LEFTARG = @extschema@.yuan_per_mu, RIGHTARG = @extschema@.mu_area,
	FUNCTION = @extschema@.yuan_per_mu_mul_mu_area, COMMUTATOR = OPERATOR(@extschema@.*));
CREATE OPERATOR @extschema@.* (LEFTARG = @extschema@.mu_area, RIGHTARG = @extschema@.yuan_per_mu,
	FUNCTION = @extschema@.mu_area_mul_yuan_per_mu, COMMUTATOR = OPERATOR(@extschema@.*));

-- Numbers in the units reports use (exact numeric; SQL-standard bodies are bound at
-- creation, so no search_path can redirect them).
CREATE FUNCTION @extschema@.wan_yuan(@extschema@.yuan) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.to_unit($1, '万元');
CREATE FUNCTION @extschema@.yi_yuan(@extschema@.yuan) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.to_unit($1, '亿元');
CREATE FUNCTION @extschema@.wan_yuan_per_mu(@extschema@.yuan_per_mu) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.to_unit($1, '万元/亩');
CREATE FUNCTION @extschema@.square_metres(@extschema@.mu_area) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.to_unit($1, '平方米');
CREATE FUNCTION @extschema@.hectares(@extschema@.mu_area) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.to_unit($1, '公顷');
COMMENT ON FUNCTION @extschema@.wan_yuan(@extschema@.yuan) IS 'amount in 万元 (exact numeric)';
COMMENT ON FUNCTION @extschema@.yi_yuan(@extschema@.yuan) IS 'amount in 亿元 (exact numeric)';
COMMENT ON FUNCTION @extschema@.wan_yuan_per_mu(@extschema@.yuan_per_mu) IS 'value in 万元/亩 (exact numeric)';
COMMENT ON FUNCTION @extschema@.square_metres(@extschema@.mu_area) IS 'area in 平方米 (1 亩 = 10000/15 m2)';
COMMENT ON FUNCTION @extschema@.hectares(@extschema@.mu_area) IS 'area in 公顷 (1 公顷 = 15 亩)';
-- 10_aggregates.sql: sum, avg, min and max of mu_area, yuan and yuan_per_mu,
-- and per_mu(yuan, mu_area), the regional 亩均 Σ元 / Σ亩 (doc/aggregates.md).

-- The transition state of sum, avg and per_mu: a row count and two 128-bit sums
-- in stored units, 40 bytes, passed by reference.  A real type (not internal),
-- so parallel query and Citus combine partial states without serial functions;
-- its text form "(count,sum,sum2)" round-trips exactly.
CREATE TYPE @extschema@.quantity_accum;

CREATE FUNCTION @extschema@.quantity_accum_in(pg_catalog.cstring)
	RETURNS @extschema@.quantity_accum
	AS 'MODULE_PATHNAME', 'quantity_accum_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_out(@extschema@.quantity_accum)
	RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'quantity_accum_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_recv(pg_catalog.internal)
	RETURNS @extschema@.quantity_accum
	AS 'MODULE_PATHNAME', 'quantity_accum_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_send(@extschema@.quantity_accum)
	RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'quantity_accum_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.quantity_accum (
	INTERNALLENGTH = 40,
	INPUT = @extschema@.quantity_accum_in,
	OUTPUT = @extschema@.quantity_accum_out,
	RECEIVE = @extschema@.quantity_accum_recv,
	SEND = @extschema@.quantity_accum_send,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.quantity_accum IS
	'transition state of sum, avg and per_mu: (row count, Σ, Σ second argument) in stored units';

CREATE FUNCTION @extschema@.quantity_accum_add(@extschema@.quantity_accum, @extschema@.yuan, @extschema@.mu_area)
	RETURNS @extschema@.quantity_accum
	AS 'MODULE_PATHNAME', 'quantity_accum_add2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_remove(@extschema@.quantity_accum, @extschema@.yuan, @extschema@.mu_area)
	RETURNS @extschema@.quantity_accum
	AS 'MODULE_PATHNAME', 'quantity_accum_remove2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_combine(@extschema@.quantity_accum, @extschema@.quantity_accum)
	RETURNS @extschema@.quantity_accum
	AS 'MODULE_PATHNAME', 'quantity_accum_combine'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.quantity_accum_per_mu(@extschema@.quantity_accum)
	RETURNS @extschema@.yuan_per_mu
	AS 'MODULE_PATHNAME', 'quantity_accum_per_mu'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- per_mu(yuan, mu_area) -> yuan_per_mu: Σ元 / Σ亩 over the rows where both are
-- non-NULL, rounded half away from zero to 0.0001 元/亩.  NULL for no such rows
-- and when Σ亩 = 0.
CREATE AGGREGATE @extschema@.per_mu(@extschema@.yuan, @extschema@.mu_area) (
	SFUNC = @extschema@.quantity_accum_add,
	STYPE = @extschema@.quantity_accum,
	FINALFUNC = @extschema@.quantity_accum_per_mu,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.quantity_accum_combine,
	INITCOND = '(0,0,0)',
	MSFUNC = @extschema@.quantity_accum_add,
	MINVFUNC = @extschema@.quantity_accum_remove,
	MSTYPE = @extschema@.quantity_accum,
	MFINALFUNC = @extschema@.quantity_accum_per_mu,
	MFINALFUNC_MODIFY = READ_ONLY,
	MINITCOND = '(0,0,0)',
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.per_mu(@extschema@.yuan, @extschema@.mu_area) IS
	'regional 亩均: Σ元 / Σ亩 over rows where both are non-NULL (NULL when Σ亩 = 0)';

-- sum, avg, min and max of each type, identical but for the type, so one loop
-- defines them.
--   sum(T) -> T: exact; NULL for no rows; 22003 if the total does not fit T.
--   avg(T) -> T: Σ / n rounded half away from zero (四舍五入) to the stored unit;
--     NULL for no rows.  avg(yuan_per_mu) is a mean of ratios: for a regional
--     亩均 use per_mu.
--   min(T), max(T): int8smaller / int8larger on the stored value (the order of
--     the btree opclass); SORTOP lets the planner answer them from an index.
-- The transition functions update the state in place when called by an
-- aggregate (no allocation per row); the final functions are read-only, so sum
-- and avg of the same column share one state.
DO $aggregates$
DECLARE
	t text;
	agg text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.quantity_accum_add(@extschema@.quantity_accum, @extschema@.%1$I)
				RETURNS @extschema@.quantity_accum
				AS 'MODULE_PATHNAME', 'quantity_accum_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.quantity_accum_remove(@extschema@.quantity_accum, @extschema@.%1$I)
				RETURNS @extschema@.quantity_accum
				AS 'MODULE_PATHNAME', 'quantity_accum_remove' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%2$I(@extschema@.quantity_accum) RETURNS @extschema@.%1$I
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%3$I(@extschema@.quantity_accum) RETURNS @extschema@.%1$I
				AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%4$I(@extschema@.%1$I, @extschema@.%1$I) RETURNS @extschema@.%1$I
				AS 'int8smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.%5$I(@extschema@.%1$I, @extschema@.%1$I) RETURNS @extschema@.%1$I
				AS 'int8larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'quantity_accum_sum_' || t, 'quantity_accum_avg_' || t, t || '_smaller', t || '_larger');
		FOREACH agg IN ARRAY ARRAY['sum', 'avg']
		LOOP
			EXECUTE pg_catalog.format($f$
				CREATE AGGREGATE @extschema@.%2$s(@extschema@.%1$I) (
					SFUNC = @extschema@.quantity_accum_add, STYPE = @extschema@.quantity_accum,
					FINALFUNC = @extschema@.%3$I, FINALFUNC_MODIFY = READ_ONLY,
					COMBINEFUNC = @extschema@.quantity_accum_combine, INITCOND = '(0,0,0)',
					MSFUNC = @extschema@.quantity_accum_add, MINVFUNC = @extschema@.quantity_accum_remove,
					MSTYPE = @extschema@.quantity_accum, MFINALFUNC = @extschema@.%3$I,
					MFINALFUNC_MODIFY = READ_ONLY, MINITCOND = '(0,0,0)', PARALLEL = SAFE);
				$f$, t, agg, 'quantity_accum_' || agg || '_' || t);
		END LOOP;
		EXECUTE pg_catalog.format($f$
			CREATE AGGREGATE @extschema@.min(@extschema@.%1$I) (
				SFUNC = @extschema@.%2$I, STYPE = @extschema@.%1$I, COMBINEFUNC = @extschema@.%2$I,
				SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.max(@extschema@.%1$I) (
				SFUNC = @extschema@.%3$I, STYPE = @extschema@.%1$I, COMBINEFUNC = @extschema@.%3$I,
				SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
			$f$, t, t || '_smaller', t || '_larger');
	END LOOP;
END
$aggregates$;

COMMENT ON AGGREGATE @extschema@.sum(@extschema@.mu_area) IS 'total area, exact; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.yuan) IS 'total amount, exact; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.yuan_per_mu) IS 'sum of per-mu values, exact; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.mu_area) IS 'mean area, rounded half away from zero to 0.000001 亩';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.yuan) IS 'mean amount, rounded half away from zero to 0.01 元';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.yuan_per_mu) IS 'mean of per-mu values (for a regional 亩均 use per_mu), rounded to 0.0001 元/亩';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.mu_area) IS 'smallest area';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.yuan) IS 'smallest amount';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.yuan_per_mu) IS 'smallest per-mu value';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.mu_area) IS 'largest area';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.yuan) IS 'largest amount';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.yuan_per_mu) IS 'largest per-mu value';
-- 20_growth.sql: growth statistics (同比/环比, 累计, 两年平均, 年均, 百分点,
-- 可比口径, 拉动/贡献率) and their bulletin phrases.  See doc/growth.md.
--
-- Every scalar function exists for numeric, float8, int8, mu_area, yuan and
-- yuan_per_mu.  The four int64 types share one C entry point per function:
-- all results are ratios of two values of one type, so the stored scale
-- cancels.  float8 values are taken as their shortest round-trip decimal.

-- The scalar functions, once per argument type.  The C entry point is
-- <function>_<numeric|float8|int64>: the four int64 types share theirs.
DO $growth$
DECLARE
	t text;
	c text;
BEGIN
	FOR t, c IN VALUES
		('pg_catalog.numeric', 'numeric'), ('pg_catalog.float8', 'float8'), ('pg_catalog.int8', 'int64'),
		('@extschema@.mu_area', 'int64'), ('@extschema@.yuan', 'int64'), ('@extschema@.yuan_per_mu', 'int64')
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.growth(current %1$s, base %1$s)
				RETURNS pg_catalog.numeric
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.growth_status(current %1$s, base %1$s)
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.growth_phrase(current %1$s, base %1$s, digits pg_catalog.int4 DEFAULT 1)
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.growth_2y_avg(current %1$s, base_two_years_earlier %1$s)
				RETURNS pg_catalog.numeric
				AS 'MODULE_PATHNAME', %5$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.cagr(first %1$s, last %1$s, years pg_catalog.int4)
				RETURNS pg_catalog.numeric
				AS 'MODULE_PATHNAME', %6$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.growth_pull(part_current %1$s, part_base %1$s, total_base %1$s)
				RETURNS pg_catalog.numeric
				AS 'MODULE_PATHNAME', %7$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.growth_contribution(part_current %1$s, part_base %1$s,
					total_current %1$s, total_base %1$s)
				RETURNS pg_catalog.numeric
				AS 'MODULE_PATHNAME', %8$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_' || c, 'growth_status_' || c, 'growth_phrase_' || c,
			'growth_2y_avg_' || c, 'growth_cagr_' || c, 'growth_pull_' || c,
			'growth_contribution_' || c);
	END LOOP;
END
$growth$;

-- ---- 百分点: percentages are numeric or float8 ----

CREATE FUNCTION @extschema@.pp(current_pct pg_catalog.numeric, base_pct pg_catalog.numeric)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pp_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.pp_phrase(current_pct pg_catalog.numeric, base_pct pg_catalog.numeric, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_pp_phrase_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.pp(current_pct pg_catalog.float8, base_pct pg_catalog.float8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pp_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.pp_phrase(current_pct pg_catalog.float8, base_pct pg_catalog.float8, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_pp_phrase_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- 累计 period label: 1月, 1至5月 ----

CREATE FUNCTION @extschema@.ytd_label(as_of pg_catalog.date, sep pg_catalog.text DEFAULT '至')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_ytd_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- aggregate state ----
-- Text form: (kind,as_of,n_current,sum_current,n_base,sum_base), sums in
-- stored units for the int64 kinds, exact decimals for numeric and float8.

CREATE TYPE @extschema@.growth_state;

CREATE FUNCTION @extschema@.growth_state_in(pg_catalog.cstring)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_out(@extschema@.growth_state)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'growth_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_recv(pg_catalog.internal)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_send(@extschema@.growth_state)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'growth_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.growth_state (
	INPUT = @extschema@.growth_state_in,
	OUTPUT = @extschema@.growth_state_out,
	RECEIVE = @extschema@.growth_state_recv,
	SEND = @extschema@.growth_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.growth_state IS 'state of the 累计 and 可比口径 growth aggregates';

CREATE FUNCTION @extschema@.growth_state_combine(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_growth(@extschema@.growth_state)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_state_growth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_current(@extschema@.growth_state)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_state_current'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_base(@extschema@.growth_state)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_state_base'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- aggregates ----
-- ytd_*: 累计, months January..month(as_of) of year(as_of) against the same
-- months of the year before.  comparable_*: 可比口径, rows where both current
-- and base are non-NULL.  The aggregates of one family share their
-- transition, so ytd_current, ytd_base and ytd_growth in one query scan once.
-- The sums come back in the argument's own type for the quantity types
-- (growth_state_current_<type>), as numeric otherwise.
DO $growth$
DECLARE
	t text;
	c text;
	tname text;
	final_current text;
	final_base text;
BEGIN
	FOR t, c, tname IN VALUES
		('pg_catalog.numeric', 'numeric', 'numeric'), ('pg_catalog.float8', 'float8', 'float8'),
		('pg_catalog.int8', 'int64', 'int8'), ('@extschema@.mu_area', 'int64', 'mu_area'),
		('@extschema@.yuan', 'int64', 'yuan'), ('@extschema@.yuan_per_mu', 'int64', 'yuan_per_mu')
	LOOP
		final_current := '@extschema@.growth_state_current';
		final_base := '@extschema@.growth_state_base';
		IF t LIKE '@extschema@.%' THEN
			final_current := final_current || '_' || tname;
			final_base := final_base || '_' || tname;
			EXECUTE pg_catalog.format($f$
				CREATE FUNCTION %2$s(@extschema@.growth_state) RETURNS %1$s
					AS 'MODULE_PATHNAME', 'growth_state_current_int64' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
				CREATE FUNCTION %3$s(@extschema@.growth_state) RETURNS %1$s
					AS 'MODULE_PATHNAME', 'growth_state_base_int64' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
				$f$, t, final_current, final_base);
		END IF;
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, %1$s, pg_catalog.date, pg_catalog.date)
				RETURNS @extschema@.growth_state
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, %1$s, %1$s)
				RETURNS @extschema@.growth_state
				AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_ytd_accum_' || c, 'growth_comparable_accum_' || c);
		EXECUTE pg_catalog.format($f$
			CREATE AGGREGATE @extschema@.ytd_growth(value %1$s, period pg_catalog.date, as_of pg_catalog.date) (
				SFUNC = @extschema@.ytd_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = @extschema@.growth_state_growth,
				INITCOND = %2$L, PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.ytd_current(value %1$s, period pg_catalog.date, as_of pg_catalog.date) (
				SFUNC = @extschema@.ytd_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = %3$s,
				INITCOND = %2$L, PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.ytd_base(value %1$s, period pg_catalog.date, as_of pg_catalog.date) (
				SFUNC = @extschema@.ytd_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = %4$s,
				INITCOND = %2$L, PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.comparable_growth(current %1$s, base %1$s) (
				SFUNC = @extschema@.comparable_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = @extschema@.growth_state_growth,
				INITCOND = %2$L, PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.comparable_current(current %1$s, base %1$s) (
				SFUNC = @extschema@.comparable_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = %3$s,
				INITCOND = %2$L, PARALLEL = SAFE);
			CREATE AGGREGATE @extschema@.comparable_base(current %1$s, base %1$s) (
				SFUNC = @extschema@.comparable_accum, STYPE = @extschema@.growth_state,
				COMBINEFUNC = @extschema@.growth_state_combine, FINALFUNC = %4$s,
				INITCOND = %2$L, PARALLEL = SAFE);
			$f$, t, '(' || tname || ',,0,0,0,0)', final_current, final_base);
	END LOOP;
END
$growth$;
-- credit_code: 统一社会信用代码 (GB 32100-2015) as an enterprise key.
-- See doc/credit_code.md.  Stored packed in 11 bytes (fixed forever at 1.0:
-- the hash functions below hash those bytes, so hash partitions depend on it).

CREATE TYPE @extschema@.credit_code;

CREATE FUNCTION @extschema@.credit_code_in(cstring) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_out(@extschema@.credit_code) RETURNS cstring
	AS 'MODULE_PATHNAME', 'credit_code_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_recv(internal) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_send(@extschema@.credit_code) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_code_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.credit_code (
	INPUT = @extschema@.credit_code_in,
	OUTPUT = @extschema@.credit_code_out,
	RECEIVE = @extschema@.credit_code_recv,
	SEND = @extschema@.credit_code_send,
	INTERNALLENGTH = 11,
	ALIGNMENT = char,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.credit_code IS
	'统一社会信用代码 (unified social credit code, GB 32100-2015), validated and normalised';

-- Explicit casts from and to text, through the type's I/O (text → credit_code validates).
CREATE CAST (text AS @extschema@.credit_code) WITH INOUT;
CREATE CAST (@extschema@.credit_code AS text) WITH INOUT;

-- Checks on text that never raise for bad input.
CREATE FUNCTION @extschema@.credit_code_is_valid(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_is_valid(text) IS
	'true if the text is a valid 统一社会信用代码 after normalisation';
CREATE FUNCTION @extschema@.credit_code_check(text) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_check(text) IS
	'why the text is not a valid 统一社会信用代码, or NULL if it is';

-- Parts.
CREATE FUNCTION @extschema@.credit_code_authority(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_authority' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_authority(@extschema@.credit_code) IS
	'登记管理部门代码 (position 1)';
CREATE FUNCTION @extschema@.credit_code_authority_label(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_authority_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_authority_label(@extschema@.credit_code) IS
	'登记管理部门 name, e.g. 工商';
CREATE FUNCTION @extschema@.credit_code_category(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_category(@extschema@.credit_code) IS
	'登记管理部门代码 and 机构类别代码 (positions 1-2), e.g. 91';
CREATE FUNCTION @extschema@.credit_code_category_label(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_category_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_category_label(@extschema@.credit_code) IS
	'机构类别 name, e.g. 企业';
CREATE FUNCTION @extschema@.credit_code_division(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_division' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_division(@extschema@.credit_code) IS
	'登记管理机关行政区划码 (positions 3-8), e.g. 330110';
CREATE FUNCTION @extschema@.credit_code_province(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_province' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_province(@extschema@.credit_code) IS
	'province part of the division code (positions 3-4), e.g. 33';
CREATE FUNCTION @extschema@.credit_code_city(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_city' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_city(@extschema@.credit_code) IS
	'prefecture part of the division code (positions 3-6), e.g. 3301';
CREATE FUNCTION @extschema@.credit_code_org_code(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_org_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_org_code(@extschema@.credit_code) IS
	'组织机构代码 (positions 9-17) written as GB 11714 does, e.g. 79965505-8';

-- Test data.
CREATE FUNCTION @extschema@.credit_code_make(admin_division text, seq bigint,
		authority text DEFAULT '9', category text DEFAULT '1')
	RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_make(text, bigint, text, text) IS
	'a valid 统一社会信用代码 built from a division code and a sequence number, for test data';

-- Comparison.
CREATE FUNCTION @extschema@.credit_code_eq(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_ne(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_lt(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_le(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_gt(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_ge(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_cmp(@extschema@.credit_code, @extschema@.credit_code) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_code_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'credit_code_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_hash(@extschema@.credit_code) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_code_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_hash_extended(@extschema@.credit_code, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'credit_code_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.credit_code_ops
	DEFAULT FOR TYPE @extschema@.credit_code USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.credit_code_cmp(@extschema@.credit_code, @extschema@.credit_code),
		FUNCTION 2 @extschema@.credit_code_sortsupport(internal),
		FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.credit_code_ops
	DEFAULT FOR TYPE @extschema@.credit_code USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.credit_code_hash(@extschema@.credit_code),
		FUNCTION 2 @extschema@.credit_code_hash_extended(@extschema@.credit_code, bigint);
-- industry 1.0: 亩均效益综合评价 (evaluation engine).  Reference: doc/evaluation.md.
--
-- Rule sets are rows of three tables.  A rule set is (code, year); it has one
-- evaluation_scheme row per scope (规上, 规下, or all), and under each scope its
-- indicators and its classes.  Rows shipped with the extension have builtin = true and
-- are read-only; pg_dump keeps the user's rows (WHERE NOT builtin).  Row checks live in
-- the trigger evaluation_rule_check (C), so CHECK constraints never depend on other
-- tables (pg_upgrade restores configuration data after DDL).

CREATE TABLE @extschema@.evaluation_scheme (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	jurisdiction text NOT NULL,
	title text,
	source text NOT NULL,
	note text,
	group_by_industry boolean NOT NULL DEFAULT false,
	classification text NOT NULL DEFAULT 'quota',
	quota_rounding text NOT NULL DEFAULT 'round',
	tie_rule text NOT NULL DEFAULT 'up',
	score_digits integer NOT NULL DEFAULT 3,
	rd_denominator text NOT NULL DEFAULT 'main_revenue',
	min_land @extschema@.mu_area,
	exempt_registered_years integer,
	exempt_land_years integer,
	exempt_not_producing boolean NOT NULL DEFAULT false,
	veto_rule text NOT NULL DEFAULT 'last_class',
	veto_steps integer NOT NULL DEFAULT 1,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope),
	UNIQUE (code, year, scope, builtin)
);

CREATE TABLE @extschema@.evaluation_indicator (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	indicator text NOT NULL,
	weight numeric NOT NULL,
	benchmark_kind text NOT NULL DEFAULT 'fixed',
	benchmark numeric,
	multiplier numeric NOT NULL DEFAULT 1,
	method text NOT NULL DEFAULT 'ratio',
	cap numeric,
	floor numeric,
	missing text NOT NULL DEFAULT 'zero',
	source text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope, indicator),
	FOREIGN KEY (code, year, scope, builtin)
		REFERENCES @extschema@.evaluation_scheme (code, year, scope, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE @extschema@.evaluation_class (
	code text NOT NULL,
	year integer NOT NULL,
	scope text NOT NULL,
	position integer NOT NULL,
	class text NOT NULL,
	label text NOT NULL,
	quota numeric,
	min_score numeric,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, year, scope, position),
	UNIQUE (code, year, scope, class),
	FOREIGN KEY (code, year, scope, builtin)
		REFERENCES @extschema@.evaluation_scheme (code, year, scope, builtin)
		ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.evaluation_scheme IS
	'亩均评价 rule sets: one row per (code, year, scope); see doc/evaluation.md';
COMMENT ON TABLE @extschema@.evaluation_indicator IS
	'indicators of each rule set scope: weight, benchmark, scoring method, cap, floor, missing-data rule';
COMMENT ON TABLE @extschema@.evaluation_class IS
	'classes of each rule set scope, best first: code, label, quota (percent) or min_score';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_scheme', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_indicator', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evaluation_class', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.evaluation_scheme, @extschema@.evaluation_indicator,
	@extschema@.evaluation_class TO PUBLIC;

CREATE FUNCTION @extschema@.evaluation_rule_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'evaluation_rule_check' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_rule_check() IS
	'trigger: checks rule rows and keeps built-in rows read-only';

CREATE TRIGGER evaluation_scheme_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_scheme FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('scheme');
CREATE TRIGGER evaluation_indicator_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_indicator FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('indicator');
CREATE TRIGGER evaluation_class_check BEFORE INSERT OR UPDATE OR DELETE
	ON @extschema@.evaluation_class FOR EACH ROW
	EXECUTE FUNCTION @extschema@.evaluation_rule_check('class');

-- ---------------------------------------------------------------------------------
-- Shipped rule sets.  Every row says where its numbers come from; "assumed" marks a
-- choice the sources do not make.  Source keys [S#] are those of doc/evaluation.md.
-- ---------------------------------------------------------------------------------

-- 黄岩区 (台州) 2021 and 2022: published formula and benchmarks [S3][S4].  Huangyan
-- publishes no class quotas: we use those of 温岭 2022 [S7] (a county of the same city,
-- 台州), ranked within each scope (Huangyan publishes no industry groups).  No cap and no
-- floor (none published); missing emission data → the group's average emission score
-- [S3]; other missing data score 0 (assumed).
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, builtin)
SELECT 'huangyan', y, s, '浙江省台州市黄岩区',
	pg_catalog.format('黄岩区%s年度工业企业亩均效益综合评价（%s）', y, s),
	CASE y WHEN 2022 THEN '[S3] https://www.chacewang.com/newsdetail/news430850.html'
		ELSE '[S4] https://chacewang.com/newsdetail/news169062.html' END,
	'Sourced: indicators, weights, benchmarks, the missing-emission rule. Assumed: quotas (温岭 2022 [S7]), one group per scope, missing data other than emission scores 0.',
	false, 'quota', true
FROM (VALUES (2021), (2022)) AS y(y), (VALUES ('规上'), ('规下')) AS s(s);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, benchmark, method, missing, source, builtin)
SELECT 'huangyan', y, scope, indicator, weight, 'fixed', benchmark, 'ratio', missing,
	CASE y WHEN 2022 THEN '[S3]' ELSE '[S4]' END, true
FROM (VALUES
	(2022, '规上', 'tax_per_mu', 30, 24.097, 'zero'),
	(2022, '规上', 'va_per_mu', 20, 136.16, 'zero'),
	(2022, '规上', 'va_per_energy', 20, 2.694, 'zero'),
	(2022, '规上', 'va_per_emission', 10, 4929.81, 'group_average_score'),
	(2022, '规上', 'labor_productivity', 10, 18.14, 'zero'),
	(2022, '规上', 'rd_intensity', 10, 0.0302, 'zero'),
	(2022, '规下', 'tax_per_mu', 50, 11.5932, 'zero'),
	(2022, '规下', 'tax_per_kwh', 50, 0.2352, 'zero'),
	(2021, '规上', 'tax_per_mu', 30, 26.01, 'zero'),
	(2021, '规上', 'va_per_mu', 20, 132.27, 'zero'),
	(2021, '规上', 'va_per_energy', 20, 2.54, 'zero'),
	(2021, '规上', 'va_per_emission', 10, 4861.08, 'group_average_score'),
	(2021, '规上', 'labor_productivity', 10, 17.45, 'zero'),
	(2021, '规上', 'rd_intensity', 10, 0.0305, 'zero'),
	(2021, '规下', 'tax_per_mu', 50, 16.601058, 'zero'),
	(2021, '规下', 'tax_per_kwh', 50, 0.236565, 'zero')
) AS v(y, scope, indicator, weight, benchmark, missing);

-- 温岭 2022 (台州): quotas by rank within each of the industry groups [S7]: 规上 A top
-- 20%, B to 80%, C to 95%, D bottom 5%; 规下 5/70/20/5.  Indicators as listed by [S8]
-- (规上 the six, R&D over 营业收入; 规下 亩均税收, 亩均营业收入, 单位用电营业收入).  Weights
-- and benchmarks are not in the sources: assumed Huangyan's weights and, for 规下,
-- 50/25/25, with benchmarks = the group's ratio of sums.  The sublet penalty [S7] is a
-- `penalty` input column.
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, rd_denominator, builtin)
VALUES
	('wenling', 2022, '规上', '浙江省台州市温岭市', '温岭市2022年度亩均效益综合评价（规上，分行业组）',
	 '[S7] https://www.wl.gov.cn/art/2022/7/29/art_1229299726_3809240.html ; [S8] http://www.wl.gov.cn/art/2022/6/29/art_1391272_58998458.html',
	 'Sourced: quotas within industry groups, indicators, R&D over 营业收入. Assumed: weights (Huangyan''s), benchmarks (group ratio of sums).',
	 true, 'quota', 'revenue', true),
	('wenling', 2022, '规下', '浙江省台州市温岭市', '温岭市2022年度亩均效益综合评价（规下，分行业组）',
	 '[S7] https://www.wl.gov.cn/art/2022/7/29/art_1229299726_3809240.html ; [S8] http://www.wl.gov.cn/art/2022/6/29/art_1391272_58998458.html',
	 'Sourced: quotas within industry groups, indicators. Assumed: weights 50/25/25, benchmarks (group ratio of sums).',
	 true, 'quota', 'revenue', true);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, method, missing, source, builtin)
SELECT 'wenling', 2022, scope, indicator, weight, 'ratio_of_sums', 'ratio', 'zero',
	'[S8] indicator; weight assumed', true
FROM (VALUES
	('规上', 'tax_per_mu', 30), ('规上', 'va_per_mu', 20), ('规上', 'va_per_energy', 20),
	('规上', 'va_per_emission', 10), ('规上', 'labor_productivity', 10),
	('规上', 'rd_intensity', 10),
	('规下', 'tax_per_mu', 50), ('规下', 'revenue_per_mu', 25), ('规下', 'revenue_per_kwh', 25)
) AS v(scope, indicator, weight);

-- 浙江 generic (data-derived benchmarks), year 2024: benchmark = the group's ratio of sums
-- (the regional 亩均, the Huangyan benchmarks look like such averages [S3]); weights of the
-- six indicators as Huangyan [S3]; 规下 亩均税收 + 亩均营业收入 (Longyou, Jiangshan [S5][S6]),
-- weights assumed 60/40.  Cap 3 × weight and floor 0 per item (assumed: "said to" [§1.4]);
-- missing emission → group average score [S3].  Exemptions: registered < 2 years, land
-- supplied < 3 years (Jiangshan [S6]), not yet producing (Suichang [S11]); 规下 below
-- 3 亩 not graded [S9][S11][S12][S14].  Quotas 20/60/15/5 within industry groups ([S7];
-- 规下 5/70/20/5).  Copy it to your year with evaluation_copy_scheme().
INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source, note,
	group_by_industry, classification, min_land, exempt_registered_years, exempt_land_years,
	exempt_not_producing, builtin)
VALUES
	('zhejiang', 2024, '规上', '浙江省（通用）', '浙江通用亩均效益综合评价（规上，数据基准）',
	 '[S3] [S5] [S6] [S7] [S11] (composite)',
	 'A template: benchmarks derived from the data; cap, floor and weights assumed; exemptions from Jiangshan and Suichang.',
	 true, 'quota', NULL, 2, 3, true, true),
	('zhejiang', 2024, '规下', '浙江省（通用）', '浙江通用亩均效益综合评价（规下，数据基准）',
	 '[S5] [S6] [S7] [S9] [S11] [S12] [S14] (composite)',
	 'A template: benchmarks derived from the data; cap, floor and weights assumed; 规下 below 3亩 not graded.',
	 true, 'quota', '3'::@extschema@.mu_area, 2, 3, true, true);

INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
	benchmark_kind, method, cap, floor, missing, source, builtin)
SELECT 'zhejiang', 2024, scope, indicator, weight, 'ratio_of_sums', 'ratio', 3, 0, missing,
	'weight ' || src || '; benchmark = group ratio of sums; cap 3 and floor 0 assumed', true
FROM (VALUES
	('规上', 'tax_per_mu', 30, 'zero', '[S3]'),
	('规上', 'va_per_mu', 20, 'zero', '[S3]'),
	('规上', 'va_per_energy', 20, 'zero', '[S3]'),
	('规上', 'va_per_emission', 10, 'group_average_score', '[S3]'),
	('规上', 'labor_productivity', 10, 'zero', '[S3]'),
	('规上', 'rd_intensity', 10, 'zero', '[S3]'),
	('规下', 'tax_per_mu', 60, 'zero', 'assumed'),
	('规下', 'revenue_per_mu', 40, 'zero', 'assumed')
) AS v(scope, indicator, weight, missing, src);

-- Classes: the labels of [S10][S15][S16] (A 优先发展类, B 鼓励提升类, C 调控帮扶类,
-- D 倒逼整治类); quotas 规上 20/60/15/5 and 规下 5/70/20/5 [S7].
INSERT INTO @extschema@.evaluation_class (code, year, scope, position, class, label, quota, builtin)
SELECT s.code, s.year, s.scope, c.position, c.class, c.label,
	CASE s.scope WHEN '规上' THEN c.quota_above ELSE c.quota_below END, true
FROM @extschema@.evaluation_scheme s,
	(VALUES (1, 'A', '优先发展类', 20, 5), (2, 'B', '鼓励提升类', 60, 70),
		(3, 'C', '调控帮扶类', 15, 20), (4, 'D', '倒逼整治类', 5, 5))
		AS c(position, class, label, quota_above, quota_below)
WHERE s.builtin;

-- ---------------------------------------------------------------------------------
-- The one-call engine.  It runs the caller's query with the caller's rights.
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.evaluate(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, name text, scope text, industry_group text, land @extschema@.mu_area,
	status text, total numeric, rank integer, group_size integer, class text, label text,
	reason text,
	tax_per_mu numeric, va_per_mu numeric, revenue_per_mu numeric, va_per_energy numeric,
	va_per_emission numeric, labor_productivity numeric, rd_intensity numeric,
	tax_per_kwh numeric, revenue_per_kwh numeric,
	tax_per_mu_score numeric, va_per_mu_score numeric, revenue_per_mu_score numeric,
	va_per_energy_score numeric, va_per_emission_score numeric,
	labor_productivity_score numeric, rd_intensity_score numeric,
	tax_per_kwh_score numeric, revenue_per_kwh_score numeric)
	AS 'MODULE_PATHNAME', 'evaluate' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluate(text, integer, text) IS
	'亩均效益综合评价 of the rows of a query under rule set (scheme, year): one row per enterprise';

CREATE FUNCTION @extschema@.evaluation_explain(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, scope text, industry_group text, status text, indicator text,
	indicator_name text, unit text, value numeric, benchmark numeric, group_min numeric,
	group_max numeric, weight numeric, score numeric, capped boolean, floored boolean,
	missing_rule text)
	AS 'MODULE_PATHNAME', 'evaluation_explain' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_explain(text, integer, text) IS
	'each enterprise''s indicators: value, benchmark, weight, score, capped or floored';

CREATE FUNCTION @extschema@.evaluation_gap(scheme text, year integer, query text)
RETURNS TABLE (
	credit_code text, scope text, industry_group text, status text, class text,
	total numeric, next_class text, score_needed numeric, score_gap numeric,
	tax_needed @extschema@.yuan, explanation text)
	AS 'MODULE_PATHNAME', 'evaluation_gap' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.evaluation_gap(text, integer, text) IS
	'each enterprise''s gap to the next class: score needed and the extra tax it means';

CREATE FUNCTION @extschema@.evaluation_validate(scheme text, year integer) RETURNS void
	AS 'MODULE_PATHNAME', 'evaluation_validate' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.evaluation_validate(text, integer) IS
	'checks a whole rule set (indicators, classes, quotas adding up to 100%) and raises the first problem';

-- ---------------------------------------------------------------------------------
-- Building blocks for a hand-written evaluation (identical arithmetic).
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.indicator_value(numerator numeric, denominator numeric)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_value(numeric, numeric) IS
	'numerator / denominator rounded half away from zero to 8 decimals; NULL when the denominator is not positive';

CREATE FUNCTION @extschema@.indicator_score(value numeric, weight numeric,
	method text DEFAULT 'ratio', benchmark numeric DEFAULT NULL,
	group_min numeric DEFAULT NULL, group_max numeric DEFAULT NULL,
	cap numeric DEFAULT NULL, floor numeric DEFAULT NULL)
RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_score(numeric, numeric, text, numeric, numeric, numeric, numeric, numeric) IS
	'item score of one indicator value (ratio, lower_better or minmax; cap and floor as multiples of the weight), 6 decimals';

CREATE FUNCTION @extschema@.quota_class(rank bigint, group_size bigint, quotas numeric[],
	classes text[] DEFAULT '{A,B,C,D}', rounding text DEFAULT 'round')
RETURNS text
	AS 'MODULE_PATHNAME', 'quota_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quota_class(bigint, bigint, numeric[], text[], text) IS
	'class of the firm at a rank position in a group, by quotas in percent (cumulative cut-offs rounded half away from zero)';

CREATE FUNCTION @extschema@.threshold_class(total numeric, min_scores numeric[],
	classes text[] DEFAULT '{A,B,C,D}')
RETURNS text
	AS 'MODULE_PATHNAME', 'threshold_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.threshold_class(numeric, numeric[], text[]) IS
	'class of a total by minimum scores of every class but the last';

CREATE FUNCTION @extschema@.largest_remainder(counts bigint[], digits integer DEFAULT 1)
RETURNS numeric[]
	AS 'MODULE_PATHNAME', 'largest_remainder' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.largest_remainder(bigint[], integer) IS
	'percentages of counts with the given decimals, adding up to exactly 100 (largest remainder method)';

-- ---------------------------------------------------------------------------------
-- Rule set administration and reports.
-- ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.evaluation_copy_scheme(scheme text, year integer,
	new_scheme text, new_year integer DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT @extschema@.evaluation_validate(scheme, year);
	INSERT INTO @extschema@.evaluation_scheme (code, year, scope, jurisdiction, title, source,
		note, group_by_industry, classification, quota_rounding, tie_rule, score_digits,
		rd_denominator, min_land, exempt_registered_years, exempt_land_years,
		exempt_not_producing, veto_rule, veto_steps, builtin)
	SELECT new_scheme, COALESCE(new_year, s.year), s.scope, s.jurisdiction, s.title, s.source,
		pg_catalog.concat_ws(' ', s.note, pg_catalog.format('(copied from %s %s)', s.code, s.year)),
		s.group_by_industry, s.classification, s.quota_rounding, s.tie_rule, s.score_digits,
		s.rd_denominator, s.min_land, s.exempt_registered_years, s.exempt_land_years,
		s.exempt_not_producing, s.veto_rule, s.veto_steps, false
	FROM @extschema@.evaluation_scheme s
	WHERE s.code = evaluation_copy_scheme.scheme AND s.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_indicator (code, year, scope, indicator, weight,
		benchmark_kind, benchmark, multiplier, method, cap, floor, missing, source, builtin)
	SELECT new_scheme, COALESCE(new_year, i.year), i.scope, i.indicator, i.weight,
		i.benchmark_kind, i.benchmark, i.multiplier, i.method, i.cap, i.floor, i.missing,
		i.source, false
	FROM @extschema@.evaluation_indicator i
	WHERE i.code = evaluation_copy_scheme.scheme AND i.year = evaluation_copy_scheme.year;
	INSERT INTO @extschema@.evaluation_class (code, year, scope, position, class, label, quota,
		min_score, builtin)
	SELECT new_scheme, COALESCE(new_year, c.year), c.scope, c.position, c.class, c.label,
		c.quota, c.min_score, false
	FROM @extschema@.evaluation_class c
	WHERE c.code = evaluation_copy_scheme.scheme AND c.year = evaluation_copy_scheme.year;
	SELECT pg_catalog.count(*)::integer FROM @extschema@.evaluation_scheme s
	WHERE s.code = new_scheme AND s.year = COALESCE(new_year, evaluation_copy_scheme.year);
END;
COMMENT ON FUNCTION @extschema@.evaluation_copy_scheme(text, integer, text, integer) IS
	'copies a rule set (all its scopes, indicators and classes) to a new code and/or year; returns the number of scopes';

CREATE FUNCTION @extschema@.evaluation_distribution(scheme text, year integer, query text)
RETURNS TABLE (scope text, industry_group text, class text, label text, firms bigint,
	percent numeric, land @extschema@.mu_area)
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
	WITH r AS (
		SELECT e.scope, e.industry_group, e.class, e.land
		FROM @extschema@.evaluate(evaluation_distribution.scheme, evaluation_distribution.year,
			evaluation_distribution.query) e
	), g AS (
		SELECT DISTINCT r.scope, r.industry_group FROM r
	), cells AS (
		SELECT g.scope, g.industry_group, c.position, c.class, c.label,
			(SELECT pg_catalog.count(*) FROM r
			 WHERE r.scope = g.scope AND r.industry_group IS NOT DISTINCT FROM g.industry_group
			   AND r.class = c.class) AS firms,
			(SELECT pg_catalog.sum(r.land::pg_catalog.numeric) FROM r
			 WHERE r.scope = g.scope AND r.industry_group IS NOT DISTINCT FROM g.industry_group
			   AND r.class = c.class) AS land
		FROM g JOIN @extschema@.evaluation_class c
			ON c.code = evaluation_distribution.scheme AND c.year = evaluation_distribution.year
			AND c.scope = g.scope
	), pct AS (
		SELECT cells.*,
			(@extschema@.largest_remainder(
				pg_catalog.array_agg(cells.firms) OVER (PARTITION BY cells.scope, cells.industry_group
					ORDER BY cells.position ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
				1))[cells.position] AS percent
		FROM cells
	)
	SELECT x.scope, x.industry_group, x.class, x.label, x.firms, x.percent, x.land
	FROM (
		SELECT pct.scope, pct.industry_group, pct.position, pct.class, pct.label, pct.firms,
			pct.percent, COALESCE(pct.land, 0)::@extschema@.mu_area AS land
		FROM pct
		UNION ALL
		SELECT r.scope, r.industry_group, 2147483647, NULL, '不参评', pg_catalog.count(*), NULL,
			COALESCE(pg_catalog.sum(r.land::pg_catalog.numeric), 0)::@extschema@.mu_area
		FROM r WHERE r.class IS NULL
		GROUP BY r.scope, r.industry_group
	) x
	ORDER BY x.scope COLLATE "C", x.industry_group COLLATE "C" NULLS LAST, x.position;
END;
COMMENT ON FUNCTION @extschema@.evaluation_distribution(text, integer, text) IS
	'class distribution per group: firms, percent (adding up to 100.0), land; the last class''s land is the 腾笼换鸟 list';
-- 梯度培育 tier eligibility: rule tables, shipped tiers, and the evaluation functions
-- (extension/tier.c, extension/tier_rules.c).  See doc/tiers.md.

-- A tier definition: one row per (code, version).  Shipped rows have builtin = true;
-- rows you add keep the default false and are saved by pg_dump.
CREATE TABLE @extschema@.tier_definition (
	code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	version text NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	label text NOT NULL,
	source text NOT NULL,
	valid_from date NOT NULL,
	growth_average text NOT NULL DEFAULT 'arithmetic'
		CHECK (growth_average IN ('arithmetic', 'geometric')),
	note text,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, version)
);
COMMENT ON TABLE @extschema@.tier_definition IS
	'梯度培育 tiers (code, version): label, source, valid_from; a code alone means its latest valid_from';

-- A criterion: the metric must lie in the range [low .. high] written with the words of
-- Chinese legal usage (以上/以下 include the number, 超过/不满 exclude it), or the
-- enterprise must satisfy another tier (required_tier).  Criteria with the same
-- requirement are alternatives grouped by route: a requirement holds when every
-- criterion of one of its routes holds; a tier holds when all its requirements hold.
-- An optional condition (when_metric in its range) limits where a criterion applies.
CREATE TABLE @extschema@.tier_criterion (
	tier_code text NOT NULL,
	tier_version text NOT NULL,
	criterion text NOT NULL CHECK (criterion ~ '^[a-z][a-z0-9_]*$'),
	label text NOT NULL,
	requirement text,
	route text,
	metric text,
	required_tier text,
	required_version text,
	low numeric,
	low_op text CHECK (low_op IN ('以上', '超过')),
	high numeric,
	high_op text CHECK (high_op IN ('以下', '不满')),
	when_metric text,
	when_low numeric,
	when_low_op text CHECK (when_low_op IN ('以上', '超过')),
	when_high numeric,
	when_high_op text CHECK (when_high_op IN ('以下', '不满')),
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tier_code, tier_version, criterion),
	FOREIGN KEY (tier_code, tier_version) REFERENCES @extschema@.tier_definition (code, version)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.tier_criterion IS
	'梯度培育 criteria: metric in [low low_op, high high_op], or required_tier; requirement/route group alternatives; when_* limits where it applies';

-- A score band: when metric lies in the range the item earns points (NULL points: the
-- value itself, for items such as 特色化 scored elsewhere).  An item earns the highest
-- points of its matching bands, so an item scored on an amount OR a ratio takes the
-- higher; bands of one item on one metric must not overlap.
CREATE TABLE @extschema@.tier_score_band (
	tier_code text NOT NULL,
	tier_version text NOT NULL,
	item text NOT NULL CHECK (item ~ '^[a-z][a-z0-9_]*$'),
	score_group text NOT NULL CHECK (score_group <> '' AND pg_catalog.strpos(score_group, '.') = 0),
	band integer NOT NULL,
	metric text NOT NULL,
	low numeric,
	low_op text CHECK (low_op IN ('以上', '超过')),
	high numeric,
	high_op text CHECK (high_op IN ('以下', '不满')),
	points numeric,
	label text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tier_code, tier_version, item, band),
	FOREIGN KEY (tier_code, tier_version) REFERENCES @extschema@.tier_definition (code, version)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.tier_score_band IS
	'梯度培育 score bands: points of an item when its metric lies in [low low_op, high high_op]';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_definition', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_criterion', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tier_score_band', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.tier_definition, @extschema@.tier_criterion,
	@extschema@.tier_score_band TO PUBLIC;

-- One failed threshold: what it needs, where the enterprise stands, and the shortfall in
-- the unit of the input that closes it (元, 人, 项, 年, 个百分点, 位, 分).
CREATE TYPE @extschema@.tier_gap AS (
	criterion text,
	metric text,
	required text,
	actual numeric,
	shortfall numeric,
	unit text,
	text text
);

CREATE FUNCTION @extschema@.tier_check(query text, tiers text[] DEFAULT NULL)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check'
LANGUAGE C VOLATILE PARALLEL UNSAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.tier_check(text, text[]) IS
	'every row of a query against 梯度培育 tiers: eligible true/false/NULL (unknown), score, points, failed and unknown criteria, missing inputs, gaps';

CREATE FUNCTION @extschema@.tier_check_record(record jsonb, tiers text[] DEFAULT NULL)
RETURNS TABLE (ordinal bigint, credit_code text, name text, tier text, version text,
	label text, eligible boolean, score numeric, points jsonb, failed text[],
	unknown text[], missing text[], gaps @extschema@.tier_gap[])
AS 'MODULE_PATHNAME', 'tier_check_record'
LANGUAGE C STABLE PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.tier_check_record(jsonb, text[]) IS
	'one enterprise given as a jsonb object against 梯度培育 tiers';

CREATE FUNCTION @extschema@.tier_validate(tiers text[] DEFAULT NULL)
RETURNS integer
AS 'MODULE_PATHNAME', 'tier_validate'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tier_validate(text[]) IS
	'compile tiers (default: all) and their prerequisites, raising on bad rule data; returns the number of tiers compiled';

-- Copy a tier version to a new, user-owned version (valid from today, so a bare code
-- now means the copy); edit the copy's rows with UPDATE.
CREATE FUNCTION @extschema@.tier_copy(code text, version text, new_version text)
RETURNS void
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note)
	SELECT d.code, new_version, d.label, d.source, CURRENT_DATE, d.growth_average,
		pg_catalog.concat_ws('; ', d.note, 'copied from ' OPERATOR(pg_catalog.||) d.version)
	FROM @extschema@.tier_definition d
	WHERE d.code OPERATOR(pg_catalog.=) tier_copy.code AND d.version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
		metric, required_tier, required_version, low, low_op, high, high_op,
		when_metric, when_low, when_low_op, when_high, when_high_op)
	SELECT c.tier_code, new_version, c.criterion, c.label, c.requirement, c.route,
		c.metric, c.required_tier, c.required_version, c.low, c.low_op, c.high, c.high_op,
		c.when_metric, c.when_low, c.when_low_op, c.when_high, c.when_high_op
	FROM @extschema@.tier_criterion c
	WHERE c.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND c.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
	INSERT INTO @extschema@.tier_score_band (tier_code, tier_version, item, score_group, band, metric,
		low, low_op, high, high_op, points, label)
	SELECT b.tier_code, new_version, b.item, b.score_group, b.band, b.metric,
		b.low, b.low_op, b.high, b.high_op, b.points, b.label
	FROM @extschema@.tier_score_band b
	WHERE b.tier_code OPERATOR(pg_catalog.=) tier_copy.code AND b.tier_version OPERATOR(pg_catalog.=) tier_copy.version;
END;
COMMENT ON FUNCTION @extschema@.tier_copy(text, text, text) IS
	'copy a tier version (criteria and bands) to a new user version valid from today';

-- ---------------------------------------------------------------------------------
-- Shipped tiers (builtin).  Money in 元, ratios as fractions (0.03 = 3%), flags as 1.
-- Sources: /work/shared/reference/domain-research.md §3, §4 (cited as DR) and the
-- documents named there.  valid_from is 1 January of the year of issue.
-- ---------------------------------------------------------------------------------
INSERT INTO @extschema@.tier_definition (code, version, label, source, valid_from, growth_average, note, builtin) VALUES
('guishang', 'nbs-2011', '规模以上工业企业',
 '国家统计局 规模以上工业统计起点: 年主营业务收入2000万元及以上 (since 2011) - DR §4 [S30][S31]',
 '2011-01-01', 'arithmetic', NULL, true),
('xiaoshenggui', 'nbs-2011', '小升规（规下工业企业主营业务收入达到规上标准）',
 '小升规: a 规下 industrial firm whose 主营业务收入 reaches the 2000万元 threshold - DR §4 [S30][S33]',
 '2011-01-01', 'arithmetic', 'eligible = should enter 规上 now; false rows carry the gap to the line', true),
('sme', 'miit-2011', '中小微企业（工业）',
 '工信部联企业〔2011〕300号《中小企业划型标准规定》工业: 从业人员1000人以下或营业收入40000万元以下 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', 'upper bounds exclusive (不满), as the 300号 table contrasts them with 及以上', true),
('sme_large', 'miit-2011', '大型企业（工业）',
 '工信部联企业〔2011〕300号 工业: not 中小微 (从业人员1000人及以上且营业收入4亿元及以上) - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_medium', 'miit-2011', '中型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员300人及以上，且营业收入2000万元及以上 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_small', 'miit-2011', '小型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员20人及以上，且营业收入300万元及以上 (and not 中型) - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('sme_micro', 'miit-2011', '微型企业（工业）',
 '工信部联企业〔2011〕300号 工业: 从业人员20人以下或营业收入300万元以下 - DR §3.6 [S40]',
 '2011-01-01', 'arithmetic', NULL, true),
('chuangxin', 'miit-2022', '创新型中小企业',
 '工信部企业〔2022〕63号《优质中小企业梯度培育管理暂行办法》创新型中小企业评价标准 - DR §3.1 [S20]',
 '2022-01-01', 'arithmetic', NULL, true),
('zjtx', 'miit-2022', '专精特新中小企业',
 '工信部企业〔2022〕63号 专精特新中小企业认定标准 - DR §3.2 [S22]; scoring table [S21][S26b]',
 '2022-01-01', 'arithmetic',
 '特色化 (15 points) is set by each province; Zhejiang''s items were not found: supply them as feature_points', true),
('xjr', 'miit-2022', '专精特新"小巨人"企业',
 '工信部企业〔2022〕63号 专精特新"小巨人"企业认定标准 - DR §3.3 [S23]',
 '2022-01-01', 'arithmetic', '近2年主营业务收入平均增长率: arithmetic mean of the two yearly rates (DR §8.7; set growth_average to geometric to change)', true),
('dxgj', 'miit-2016', '制造业单项冠军示范企业',
 '工信部产业〔2016〕105号《制造业单项冠军企业培育提升专项行动实施方案》 - DR §3.4 [S26]',
 '2016-01-01', 'arithmetic', 'profit margin above the industry and core own IP are inputs (flags)', true),
('dxgj', 'miit-2022', '制造业单项冠军示范企业',
 '工信厅联政法函〔2022〕47号; firms with sales < 4亿元 must be 小巨人 (practice since 2020) - DR §3.4 [S26]',
 '2022-01-01', 'arithmetic', NULL, true),
('dxgj_product', 'miit-2022', '制造业单项冠军产品',
 '工信厅联政法函〔2022〕47号 冠军产品 (the 70% condition does not apply); < 4亿元 requires 小巨人 - DR §3.4 [S26]',
 '2022-01-01', 'arithmetic', NULL, true),
('zj_yxgj', 'zj-2025', '浙江省隐形冠军',
 '浙经信企业〔2025〕233号 (basis 浙政办发〔2019〕28号 雏鹰行动) - DR §3.5 [S27]',
 '2025-01-01', 'arithmetic', 'registered in Zhejiang is assumed of the input; the quota is not modelled', true),
('zj_digital_workshop', 'zj-2025', '数字化车间',
 '浙经信产数〔2025〕174号 未来工厂梯度 - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', NULL, true),
('zj_smart_factory', 'zj-2025', '智能工厂',
 '浙经信产数〔2025〕174号 未来工厂梯度 - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', NULL, true),
('zj_future_factory', 'zj-2025', '未来工厂',
 '浙经信产数〔2025〕174号 未来工厂梯度 (ladder 数字化车间 → 智能工厂 → 未来工厂) - DR §3.5 [S29]',
 '2025-01-01', 'arithmetic', 'the ladder is read as 智能工厂 being required first', true);

-- threshold criteria
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
	metric, low, low_op, high, high_op, builtin)
SELECT c.*, true FROM (VALUES
	-- 规上 / 小升规
	('guishang', 'nbs-2011', 'main_revenue', '年主营业务收入2000万元及以上', NULL, NULL, 'main_revenue', 20000000, '以上', NULL, NULL),
	('xiaoshenggui', 'nbs-2011', 'below_scale', '目前为规下企业', NULL, NULL, 'below_scale', 1, '以上', NULL, NULL),
	('xiaoshenggui', 'nbs-2011', 'main_revenue', '年主营业务收入达到2000万元', NULL, NULL, 'main_revenue', 20000000, '以上', NULL, NULL),
	-- SME size (工业)
	('sme', 'miit-2011', 'employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme', 'miit-2011', 'revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_large', 'miit-2011', 'employees', '从业人员1000人及以上', NULL, NULL, 'employees', 1000, '以上', NULL, NULL),
	('sme_large', 'miit-2011', 'revenue', '营业收入4亿元及以上', NULL, NULL, 'revenue', 400000000, '以上', NULL, NULL),
	('sme_medium', 'miit-2011', 'sme_employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme_medium', 'miit-2011', 'sme_revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_medium', 'miit-2011', 'employees', '从业人员300人及以上', NULL, NULL, 'employees', 300, '以上', NULL, NULL),
	('sme_medium', 'miit-2011', 'revenue', '营业收入2000万元及以上', NULL, NULL, 'revenue', 20000000, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'sme_employees', '从业人员不满1000人', 'sme', 'employees', 'employees', NULL, NULL, 1000, '不满'),
	('sme_small', 'miit-2011', 'sme_revenue', '营业收入不满4亿元', 'sme', 'revenue', 'revenue', NULL, NULL, 400000000, '不满'),
	('sme_small', 'miit-2011', 'employees', '从业人员20人及以上', NULL, NULL, 'employees', 20, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'revenue', '营业收入300万元及以上', NULL, NULL, 'revenue', 3000000, '以上', NULL, NULL),
	('sme_small', 'miit-2011', 'not_medium_employees', '非中型: 从业人员不满300人', 'not_medium', 'employees', 'employees', NULL, NULL, 300, '不满'),
	('sme_small', 'miit-2011', 'not_medium_revenue', '非中型: 营业收入不满2000万元', 'not_medium', 'revenue', 'revenue', NULL, NULL, 20000000, '不满'),
	('sme_micro', 'miit-2011', 'employees', '从业人员不满20人', 'micro', 'employees', 'employees', NULL, NULL, 20, '不满'),
	('sme_micro', 'miit-2011', 'revenue', '营业收入不满300万元', 'micro', 'revenue', 'revenue', NULL, NULL, 3000000, '不满'),
	-- 创新型中小企业: score route or a direct pass
	('chuangxin', 'miit-2022', 'score_total', '评价得分60分以上', 'evaluation', 'score', 'score', 60, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_innovation', '创新能力得分20分以上', 'evaluation', 'score', 'score.创新能力', 20, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_growth', '成长性得分15分以上', 'evaluation', 'score', 'score.成长性', 15, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'score_specialization', '专业化得分15分以上', 'evaluation', 'score', 'score.专业化', 15, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_award', '近三年获得国家级、省级科技奖励', 'evaluation', 'award', 'sci_award_3y', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_high_tech', '获得高新技术企业资格', 'evaluation', 'high_tech', 'high_tech', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_innovation_demo', '国家级技术创新示范企业', 'evaluation', 'innovation_demo', 'innovation_demo', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_ip_advantage', '知识产权优势企业或示范企业', 'evaluation', 'ip_advantage', 'ip_advantage', 1, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_rd_institution', '拥有经认定的省部级以上研发机构', 'evaluation', 'rd_institution', 'rd_institution', 3, '以上', NULL, NULL),
	('chuangxin', 'miit-2022', 'direct_equity', '近三年新增股权融资总额500万元以上', 'evaluation', 'equity', 'equity_financing_3y', 5000000, '以上', NULL, NULL),
	-- 专精特新中小企业
	('zjtx', 'miit-2022', 'niche_years', '从事特定细分市场时间达到2年以上', NULL, NULL, 'years_in_niche', 2, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'rd_amount', '上年度研发费用总额不低于100万元', NULL, NULL, 'rd', 1000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'rd_ratio', '上年度研发费用占营业收入总额比重不低于3%', NULL, NULL, 'rd_ratio', 0.03, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'revenue', '上年度营业收入总额1000万元以上', 'revenue', 'revenue', 'revenue', 10000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'revenue_equity', '或近2年新增股权融资总额2000万元以上', 'revenue', 'equity', 'equity_financing_2y', 20000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'score_total', '评价得分60分以上', 'evaluation', 'score', 'score', 60, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_award', '近三年获省级科技奖励排名前三或国家级排名前五', 'evaluation', 'award', 'sci_award_top', 1, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_rd_2y_avg', '近两年研发费用总额均值1000万元以上', 'evaluation', 'rd', 'rd_2y_avg', 10000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_equity', '近两年新增股权融资总额6000万元以上', 'evaluation', 'equity', 'equity_financing_2y', 60000000, '以上', NULL, NULL),
	('zjtx', 'miit-2022', 'direct_maker_china', '近三年进入创客中国全国500强企业组', 'evaluation', 'maker', 'maker_china_top500', 1, '以上', NULL, NULL),
	-- 专精特新"小巨人": 专 精 特 新 链/品
	('xjr', 'miit-2022', 'zhuan_niche_years', '专: 从事特定细分市场3年以上', NULL, NULL, 'years_in_niche', 3, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'zhuan_main_share', '专: 主营业务收入占营业收入比重70%以上', NULL, NULL, 'main_share', 0.70, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'zhuan_main_growth', '专: 近2年主营业务收入平均增长率5%以上', NULL, NULL, 'main_growth_2y', 0.05, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_info_system', '精: 至少1项核心业务采用信息系统支撑', NULL, NULL, 'info_system', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_certification', '精: 取得管理体系认证或发达国家和地区产品认证', NULL, NULL, 'mgmt_cert', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'jing_debt_ratio', '精: 资产负债率不高于70%', NULL, NULL, 'debt_ratio', NULL, NULL, 0.70, '以下'),
	('xjr', 'miit-2022', 'te_market_share', '特: 主导产品全国细分市场占有率10%以上', NULL, NULL, 'market_share_national', 0.10, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'te_own_brand', '特: 拥有自主品牌', NULL, NULL, 'own_brand', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_institution', '新: 自建或联合建立研发机构', 'xin', 'general', 'rd_institution', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_ip_class1', '新: 与主导产品相关的Ⅰ类知识产权2项以上', 'xin', 'general', 'ip_class1', 2, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_award', '新: 近三年获得国家级科技奖励并排名前三', 'xin', 'award', 'sci_award_national_top3', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_maker_china', '新: 近三年进入创客中国全国50强企业组', 'xin', 'maker', 'maker_china_top50', 1, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'lian_chain', '链: 补短板、锻长板、填空白', 'lian_pin', 'chain', 'chain_field', 2, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'pin_key_field', '品: 主导产品属于重点领域', 'lian_pin', 'field', 'key_field', 1, '以上', NULL, NULL),
	-- 制造业单项冠军
	('dxgj', 'miit-2016', 'product_share', '单项产品销售收入占企业全部业务收入70%以上', NULL, NULL, 'product_share', 0.70, '以上', NULL, NULL),
	('dxgj', 'miit-2016', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	('dxgj', 'miit-2016', 'margin', '利润率高于同期同行业企业总体水平', NULL, NULL, 'margin_above_industry', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2016', 'core_ip', '拥有核心自主知识产权', NULL, NULL, 'core_ip', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'product_share', '单项产品销售收入占企业全部业务收入70%以上', NULL, NULL, 'product_share', 0.70, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	('dxgj_product', 'miit-2022', 'rank_global', '单项产品市场占有率全球前3位', NULL, NULL, 'market_share_rank_global', NULL, NULL, 3, '以下'),
	-- 浙江省隐形冠军
	('zj_yxgj', 'zj-2025', 'years_in_operation', '连续经营10年以上', NULL, NULL, 'years_in_operation', 10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'revenue', '上年度营业收入5000万元以上、原则上不超过20亿元', NULL, NULL, 'revenue', 50000000, '以上', 2000000000, '以下'),
	('zj_yxgj', 'zj-2025', 'revenue_growth', '上年度营业收入增长', NULL, NULL, 'revenue_growth', 0, '超过', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'revenue_growth_prev1', '前一年营业收入增长', NULL, NULL, 'revenue_growth_prev1', 0, '超过', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'net_profit_growth', '近2年净利润平均增长率10%以上', NULL, NULL, 'net_profit_growth_2y', 0.10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'debt_ratio', '资产负债率70%以下', NULL, NULL, 'debt_ratio', NULL, NULL, 0.70, '以下'),
	('zj_yxgj', 'zj-2025', 'bank_credit', '银行信用等级A级以上', NULL, NULL, 'bank_credit_a', 1, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'niche_years', '从事细分市场10年以上', NULL, NULL, 'years_in_niche', 10, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'main_products', '主导产品不超过3个', NULL, NULL, 'main_products', NULL, NULL, 3, '以下'),
	('zj_yxgj', 'zj-2025', 'main_share', '主营业务收入占营业收入70%以上', NULL, NULL, 'main_share', 0.70, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'rank_global', '细分市场全球前10位', 'market_position', 'global', 'market_share_rank_global', NULL, NULL, 10, '以下'),
	('zj_yxgj', 'zj-2025', 'rank_national', '或细分市场全国前3位', 'market_position', 'national', 'market_share_rank_national', NULL, NULL, 3, '以下'),
	('zj_yxgj', 'zj-2025', 'rd_ratio', '上年度研发费用占营业收入4%以上', NULL, NULL, 'rd_ratio', 0.04, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'rd_ratio_prev1', '前一年研发费用占营业收入4%以上', NULL, NULL, 'rd_ratio_prev1', 0.04, '以上', NULL, NULL),
	('zj_yxgj', 'zj-2025', 'invention_patents', '拥有有效发明专利', NULL, NULL, 'invention_patents', 1, '以上', NULL, NULL),
	-- 未来工厂 ladder
	('zj_digital_workshop', 'zj-2025', 'digital_level', '数字化水平2.0以上', NULL, NULL, 'digital_level', 2, '以上', NULL, NULL),
	('zj_digital_workshop', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'digital_level', '数字化水平2.0以上', NULL, NULL, 'digital_level', 2, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL),
	('zj_future_factory', 'zj-2025', 'digital_level', '数字化水平3.0以上', NULL, NULL, 'digital_level', 3, '以上', NULL, NULL),
	('zj_future_factory', 'zj-2025', 'credit', '企业信用良好', NULL, NULL, 'credit_good', 1, '以上', NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, requirement, route, metric, low, low_op, high, high_op);

-- conditional criteria: 小巨人's R&D rule by last year's revenue.  1亿元 is named by
-- "1亿元以上" and 5000万元 by "5000万元以下", so those bands take the edges and the
-- 5000万元-1亿元 band runs from 超过5000万元 to 不满1亿元.
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label, requirement, route,
	metric, low, low_op, when_metric, when_low, when_low_op, when_high, when_high_op, builtin)
SELECT c.*, true FROM (VALUES
	('xjr', 'miit-2022', 'xin_rd_ratio_1e8', '新: 营业收入1亿元以上: 上年度研发费用占比不低于3%', 'xin', 'general', 'rd_ratio', 0.03, '以上', 'revenue', 100000000, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_1e8', '新: 营业收入1亿元以上: 前一年研发费用占比不低于3%', 'xin', 'general', 'rd_ratio_prev1', 0.03, '以上', 'revenue', 100000000, '以上', NULL, NULL),
	('xjr', 'miit-2022', 'xin_rd_ratio_5e7', '新: 营业收入5000万元-1亿元: 上年度研发费用占比不低于6%', 'xin', 'general', 'rd_ratio', 0.06, '以上', 'revenue', 50000000, '超过', 100000000, '不满'),
	('xjr', 'miit-2022', 'xin_rd_ratio_prev1_5e7', '新: 营业收入5000万元-1亿元: 前一年研发费用占比不低于6%', 'xin', 'general', 'rd_ratio_prev1', 0.06, '以上', 'revenue', 50000000, '超过', 100000000, '不满'),
	('xjr', 'miit-2022', 'xin_small_equity', '新: 营业收入5000万元以下: 近2年新增股权融资8000万元以上', 'xin', 'general', 'equity_financing_2y', 80000000, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	('xjr', 'miit-2022', 'xin_small_rd', '新: 营业收入5000万元以下: 近2年研发费用总额3000万元以上', 'xin', 'general', 'rd_2y', 30000000, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	('xjr', 'miit-2022', 'xin_small_rd_staff', '新: 营业收入5000万元以下: 研发人员占职工总数50%以上', 'xin', 'general', 'rd_staff_ratio', 0.50, '以上', 'revenue', NULL, NULL, 50000000, '以下'),
	-- 单项冠军: 10 years in the field, 3 for a new product
	('dxgj', 'miit-2016', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj', 'miit-2016', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	('dxgj', 'miit-2022', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj', 'miit-2022', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	('dxgj_product', 'miit-2022', 'years', '从事相关领域10年以上', NULL, NULL, 'years_in_niche', 10, '以上', 'new_product', NULL, NULL, 1, '不满'),
	('dxgj_product', 'miit-2022', 'years_new_product', '新产品: 从事相关领域3年以上', NULL, NULL, 'years_in_niche', 3, '以上', 'new_product', 1, '以上', NULL, NULL),
	-- 未来工厂 ladder: lower investment thresholds in 山区海岛县
	('zj_digital_workshop', 'zj-2025', 'investment', '建成前5年内软硬件投资2000万元以上', NULL, NULL, 'digital_investment_5y', 20000000, '以上', 'mountain_island', NULL, NULL, 1, '不满'),
	('zj_digital_workshop', 'zj-2025', 'investment_mountain_island', '山区海岛县: 软硬件投资1500万元以上', NULL, NULL, 'digital_investment_5y', 15000000, '以上', 'mountain_island', 1, '以上', NULL, NULL),
	('zj_smart_factory', 'zj-2025', 'investment', '建成前5年内软硬件投资4000万元以上', NULL, NULL, 'digital_investment_5y', 40000000, '以上', 'mountain_island', NULL, NULL, 1, '不满'),
	('zj_smart_factory', 'zj-2025', 'investment_mountain_island', '山区海岛县: 软硬件投资3000万元以上', NULL, NULL, 'digital_investment_5y', 30000000, '以上', 'mountain_island', 1, '以上', NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, requirement, route, metric, low, low_op,
	when_metric, when_low, when_low_op, when_high, when_high_op);

-- prerequisites (单项冠军: only below 4亿元 of revenue)
INSERT INTO @extschema@.tier_criterion (tier_code, tier_version, criterion, label,
	required_tier, required_version, when_metric, when_high, when_high_op, builtin)
SELECT c.*, true FROM (VALUES
	('chuangxin', 'miit-2022', 'sme', '中小企业（工信部联企业〔2011〕300号）', 'sme', 'miit-2011', NULL, NULL, NULL),
	('zjtx', 'miit-2022', 'sme', '中小企业（工信部联企业〔2011〕300号）', 'sme', 'miit-2011', NULL, NULL, NULL),
	('xjr', 'miit-2022', 'zjtx', '已是专精特新中小企业', 'zjtx', 'miit-2022', NULL, NULL, NULL),
	('dxgj', 'miit-2022', 'xjr', '营业收入不满4亿元的须为专精特新"小巨人"企业', 'xjr', 'miit-2022', 'revenue', 400000000, '不满'),
	('dxgj_product', 'miit-2022', 'xjr', '营业收入不满4亿元的须为专精特新"小巨人"企业', 'xjr', 'miit-2022', 'revenue', 400000000, '不满'),
	('zj_future_factory', 'zj-2025', 'smart_factory', '已是智能工厂', 'zj_smart_factory', 'zj-2025', NULL, NULL, NULL)
) AS c(tier_code, tier_version, criterion, label, required_tier, required_version, when_metric, when_high, when_high_op);

-- score bands
INSERT INTO @extschema@.tier_score_band (tier_code, tier_version, item, score_group, band, metric,
	low, low_op, high, high_op, points, label, builtin)
SELECT b.*, true FROM (VALUES
	-- 创新型中小企业 (100 points)
	('chuangxin', 'miit-2022', 'ip', '创新能力', 1, 'ip_class1_high_value', 1, '以上', NULL, NULL, 20, 'Ⅰ类高价值知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 2, 'ip_class1_own', 1, '以上', NULL, NULL, 15, '自主研发Ⅰ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 3, 'ip_class1', 1, '以上', NULL, NULL, 10, 'Ⅰ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'ip', '创新能力', 4, 'ip_class2', 1, '以上', NULL, NULL, 5, 'Ⅱ类知识产权1项以上'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 1, 'rd_ratio', 0.05, '以上', NULL, NULL, 20, '5%以上'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 2, 'rd_ratio', 0.03, '以上', 0.05, '不满', 15, '3%-5%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 3, 'rd_ratio', 0.02, '以上', 0.03, '不满', 10, '2%-3%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 4, 'rd_ratio', 0.01, '以上', 0.02, '不满', 5, '1%-2%'),
	('chuangxin', 'miit-2022', 'rd_ratio', '创新能力', 5, 'rd_ratio', NULL, NULL, 0.01, '不满', 0, '1%以下'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 1, 'main_growth', 0.15, '以上', NULL, NULL, 20, '15%以上'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 2, 'main_growth', 0.10, '以上', 0.15, '不满', 15, '10%-15%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 3, 'main_growth', 0.05, '以上', 0.10, '不满', 10, '5%-10%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 4, 'main_growth', 0, '以上', 0.05, '不满', 5, '0%-5%'),
	('chuangxin', 'miit-2022', 'main_growth', '成长性', 5, 'main_growth', NULL, NULL, 0, '不满', 0, '0%以下'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 1, 'debt_ratio', NULL, NULL, 0.55, '以下', 10, '55%以下'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 2, 'debt_ratio', 0.55, '超过', 0.75, '不满', 5, '55%-75%'),
	('chuangxin', 'miit-2022', 'debt_ratio', '成长性', 3, 'debt_ratio', 0.75, '以上', NULL, NULL, 0, '75%以上'),
	('chuangxin', 'miit-2022', 'sei_field', '专业化', 1, 'sei_field', 1, '以上', NULL, NULL, 10, '属于《战略性新兴产业分类》'),
	('chuangxin', 'miit-2022', 'sei_field', '专业化', 2, 'sei_field', NULL, NULL, 1, '不满', 5, '其他领域'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 1, 'main_share', 0.70, '以上', NULL, NULL, 20, '70%以上'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 2, 'main_share', 0.60, '以上', 0.70, '不满', 15, '60%-70%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 3, 'main_share', 0.55, '以上', 0.60, '不满', 10, '55%-60%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 4, 'main_share', 0.50, '以上', 0.55, '不满', 5, '50%-55%'),
	('chuangxin', 'miit-2022', 'main_share', '专业化', 5, 'main_share', NULL, NULL, 0.50, '不满', 0, '50%以下'),
	-- 专精特新中小企业 (100 points)
	('zjtx', 'miit-2022', 'niche_years', '专业化', 1, 'years_in_niche', 2, '以上', 4, '不满', 1, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 2, 'years_in_niche', 4, '以上', 6, '不满', 2, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 3, 'years_in_niche', 6, '以上', 8, '不满', 3, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 4, 'years_in_niche', 8, '以上', 10, '不满', 4, '每满2年得1分'),
	('zjtx', 'miit-2022', 'niche_years', '专业化', 5, 'years_in_niche', 10, '以上', NULL, NULL, 5, '最高5分'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 1, 'main_share', 0.80, '以上', NULL, NULL, 5, '80%以上'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 2, 'main_share', 0.70, '以上', 0.80, '不满', 3, '70%-80%'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 3, 'main_share', 0.60, '以上', 0.70, '不满', 1, '60%-70%'),
	('zjtx', 'miit-2022', 'main_share', '专业化', 4, 'main_share', NULL, NULL, 0.60, '不满', 0, '60%以下'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 1, 'main_growth_2y', 0.10, '以上', NULL, NULL, 10, '10%以上'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 2, 'main_growth_2y', 0.08, '以上', 0.10, '不满', 8, '8%-10%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 3, 'main_growth_2y', 0.06, '以上', 0.08, '不满', 6, '6%-8%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 4, 'main_growth_2y', 0.04, '以上', 0.06, '不满', 4, '4%-6%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 5, 'main_growth_2y', 0, '以上', 0.04, '不满', 2, '0%-4%'),
	('zjtx', 'miit-2022', 'main_growth_2y', '专业化', 6, 'main_growth_2y', NULL, NULL, 0, '不满', 0, '0%以下'),
	('zjtx', 'miit-2022', 'field', '专业化', 1, 'chain_field', 2, '以上', NULL, NULL, 5, '补短板/锻长板/填空白'),
	('zjtx', 'miit-2022', 'field', '专业化', 2, 'chain_field', 1, '以上', 2, '不满', 3, '工业"六基"、中华老字号或链主配套'),
	('zjtx', 'miit-2022', 'field', '专业化', 3, 'chain_field', NULL, NULL, 1, '不满', 0, '其他'),
	('zjtx', 'miit-2022', 'digital', '精细化', 1, 'digital_level', 3, '以上', NULL, NULL, 5, '三级以上'),
	('zjtx', 'miit-2022', 'digital', '精细化', 2, 'digital_level', 2, '以上', 3, '不满', 3, '二级'),
	('zjtx', 'miit-2022', 'digital', '精细化', 3, 'digital_level', NULL, NULL, 2, '不满', 0, '一级'),
	('zjtx', 'miit-2022', 'quality', '精细化', 1, 'quality_items', 2, '以上', NULL, NULL, 5, '每项3分，最高5分'),
	('zjtx', 'miit-2022', 'quality', '精细化', 2, 'quality_items', 1, '以上', 2, '不满', 3, '每项3分'),
	('zjtx', 'miit-2022', 'quality', '精细化', 3, 'quality_items', NULL, NULL, 1, '不满', 0, '无'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 1, 'net_margin', 0.10, '以上', NULL, NULL, 10, '10%以上'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 2, 'net_margin', 0.08, '以上', 0.10, '不满', 8, '8%-10%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 3, 'net_margin', 0.06, '以上', 0.08, '不满', 6, '6%-8%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 4, 'net_margin', 0.04, '以上', 0.06, '不满', 4, '4%-6%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 5, 'net_margin', 0.02, '以上', 0.04, '不满', 2, '2%-4%'),
	('zjtx', 'miit-2022', 'net_margin', '精细化', 6, 'net_margin', NULL, NULL, 0.02, '不满', 0, '2%以下'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 1, 'debt_ratio', NULL, NULL, 0.50, '以下', 5, '50%以下'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 2, 'debt_ratio', 0.50, '超过', 0.60, '以下', 3, '50%-60%'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 3, 'debt_ratio', 0.60, '超过', 0.70, '不满', 1, '60%-70%'),
	('zjtx', 'miit-2022', 'debt_ratio', '精细化', 4, 'debt_ratio', 0.70, '以上', NULL, NULL, 0, '70%以上'),
	('zjtx', 'miit-2022', 'feature', '特色化', 1, 'feature_points', 0, '以上', 15, '以下', NULL, '各省特色化指标得分（0-15分）'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 1, 'ip_class1_high_value', 1, '以上', NULL, NULL, 10, 'Ⅰ类高价值知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 2, 'ip_class1_own', 1, '以上', NULL, NULL, 8, '自主研发Ⅰ类知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 3, 'ip_class1', 1, '以上', NULL, NULL, 6, 'Ⅰ类知识产权'),
	('zjtx', 'miit-2022', 'ip', '创新能力', 4, 'ip_class2', 1, '以上', NULL, NULL, 2, 'Ⅱ类知识产权'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 1, 'rd', 5000000, '以上', NULL, NULL, 10, '500万元以上'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 2, 'rd', 4000000, '以上', 5000000, '不满', 8, '400万元-500万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 3, 'rd', 3000000, '以上', 4000000, '不满', 6, '300万元-400万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 4, 'rd', 2000000, '以上', 3000000, '不满', 4, '200万元-300万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 5, 'rd', 1000000, '以上', 2000000, '不满', 2, '100万元-200万元'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 6, 'rd_ratio', 0.10, '以上', NULL, NULL, 10, '或10%以上'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 7, 'rd_ratio', 0.08, '以上', 0.10, '不满', 8, '或8%-10%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 8, 'rd_ratio', 0.06, '以上', 0.08, '不满', 6, '或6%-8%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 9, 'rd_ratio', 0.04, '以上', 0.06, '不满', 4, '或4%-6%'),
	('zjtx', 'miit-2022', 'rd', '创新能力', 10, 'rd_ratio', 0.03, '以上', 0.04, '不满', 2, '或3%-4%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 1, 'rd_staff_ratio', 0.20, '以上', NULL, NULL, 5, '20%以上'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 2, 'rd_staff_ratio', 0.10, '以上', 0.20, '不满', 3, '10%-20%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 3, 'rd_staff_ratio', 0.05, '以上', 0.10, '不满', 1, '5%-10%'),
	('zjtx', 'miit-2022', 'rd_staff', '创新能力', 4, 'rd_staff_ratio', NULL, NULL, 0.05, '不满', 0, '5%以下'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 1, 'rd_institution', 4, '以上', NULL, NULL, 10, '国家级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 2, 'rd_institution', 3, '以上', 4, '不满', 8, '省级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 3, 'rd_institution', 2, '以上', 3, '不满', 4, '市级'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 4, 'rd_institution', 1, '以上', 2, '不满', 2, '市级以下'),
	('zjtx', 'miit-2022', 'rd_institution', '创新能力', 5, 'rd_institution', NULL, NULL, 1, '不满', 0, '未建立研发机构')
) AS b(tier_code, tier_version, item, score_group, band, metric, low, low_op, high, high_op, points, label);
