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
