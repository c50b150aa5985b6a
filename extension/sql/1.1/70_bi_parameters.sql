-- 70_bi_parameters.sql: the parameters BI tools bind, against the quantity types.
--
-- JDBC binds setBigDecimal as numeric, setLong as int8, setInt as int4, setDouble as
-- float8 and setString as varchar; psqlODBC and stringtype=unspecified send untyped
-- text.  In 1.0 only the untyped text worked: WHERE tax > ? failed with 42883 and an
-- INSERT of a float8 or varchar with 42804.  A plain number or string carries no
-- dimension, so all of this leaves dimension safety as it was: there is still no
-- operator or implicit cast between mu_area, yuan and yuan_per_mu, and yuan = mu_area,
-- yuan < mu_area, yuan + mu_area fail when the query is parsed (sql/quantity_numbers.sql).
--
--   T <op> n, n <op> T for <op> in = <> < <= > >= and n of int4, int8, numeric: exact,
--     n in the base unit (亩, 元, 元/亩); C functions <type>_<op>_<n> and <n>_<op>_<type>
--     (extension/quantity_numbers.c).
--   T <op> float8: compared as float8, the way PostgreSQL compares numeric with float8
--     (the value converted by the existing cast T -> float8, correctly rounded).
--   T <op> text: the text is read as a literal of T (units allowed, '5万元'), so it
--     compares exactly as WHERE tax > '5万元' does; a unit of another dimension raises
--     22P02.  varchar and other string types reach it through their implicit cast to text.
--   The float8 and text operators are SQL functions that the planner inlines, so the
--     text and float8 forms can use an index on the column.
--   Assignment casts float8 -> T (through numeric: 15 significant digits, then 四舍五入),
--     text -> T and varchar -> T (the type's input), for INSERT and UPDATE.  None of them
--     is implicit, so none takes part in operator or function resolution.
DO $bi_parameters$
DECLARE
	t text;
	n text;
	op record;
	fn text;
	rfn text;
	body text;
	rbody text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		FOREACH n IN ARRAY ARRAY['int4', 'int8', 'numeric', 'float8', 'text']
		LOOP
			FOR op IN SELECT * FROM (VALUES
					('eq', '=', '=', '<>', 'eqsel', 'eqjoinsel'),
					('ne', '<>', '<>', '=', 'neqsel', 'neqjoinsel'),
					('lt', '<', '>', '>=', 'scalarltsel', 'scalarltjoinsel'),
					('le', '<=', '>=', '>', 'scalarlesel', 'scalarlejoinsel'),
					('gt', '>', '<', '<=', 'scalargtsel', 'scalargtjoinsel'),
					('ge', '>=', '<=', '<', 'scalargesel', 'scalargejoinsel'))
					AS v(name, sym, commutator, negator, rsel, jsel)
			LOOP
				fn := t || '_' || op.name || '_' || n;
				rfn := n || '_' || op.name || '_' || t;
				IF n IN ('int4', 'int8', 'numeric') THEN
					EXECUTE pg_catalog.format($f$
						CREATE FUNCTION @extschema@.%1$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS boolean
							AS 'MODULE_PATHNAME', %1$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
						CREATE FUNCTION @extschema@.%2$I(pg_catalog.%4$I, @extschema@.%3$I) RETURNS boolean
							AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
						$f$, fn, rfn, t, n);
				ELSE
					IF n = 'float8' THEN
						body := pg_catalog.format('SELECT CAST($1 AS pg_catalog.float8) OPERATOR(pg_catalog.%1$s) $2', op.sym);
						rbody := pg_catalog.format('SELECT $1 OPERATOR(pg_catalog.%1$s) CAST($2 AS pg_catalog.float8)', op.sym);
					ELSE
						body := pg_catalog.format('SELECT $1 OPERATOR(@extschema@.%1$s) CAST($2 AS @extschema@.%2$I)', op.sym, t);
						rbody := pg_catalog.format('SELECT CAST($1 AS @extschema@.%2$I) OPERATOR(@extschema@.%1$s) $2', op.sym, t);
					END IF;
					EXECUTE pg_catalog.format($f$
						CREATE FUNCTION @extschema@.%1$I(@extschema@.%3$I, pg_catalog.%4$I) RETURNS boolean
							LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %5$L;
						CREATE FUNCTION @extschema@.%2$I(pg_catalog.%4$I, @extschema@.%3$I) RETURNS boolean
							LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %6$L;
						$f$, fn, rfn, t, n, body, rbody);
				END IF;
				EXECUTE pg_catalog.format($f$
					CREATE OPERATOR @extschema@.%1$s (LEFTARG = @extschema@.%4$I, RIGHTARG = pg_catalog.%5$I,
						FUNCTION = @extschema@.%6$I, COMMUTATOR = OPERATOR(@extschema@.%2$s),
						NEGATOR = OPERATOR(@extschema@.%3$s), RESTRICT = pg_catalog.%8$I,
						JOIN = pg_catalog.%9$I);
					CREATE OPERATOR @extschema@.%1$s (LEFTARG = pg_catalog.%5$I, RIGHTARG = @extschema@.%4$I,
						FUNCTION = @extschema@.%7$I, COMMUTATOR = OPERATOR(@extschema@.%2$s),
						NEGATOR = OPERATOR(@extschema@.%3$s), RESTRICT = pg_catalog.%8$I,
						JOIN = pg_catalog.%9$I);
					$f$, op.sym, op.commutator, op.negator, t, n, fn, rfn, op.rsel, op.jsel);
			END LOOP;
		END LOOP;

		-- assignment casts for INSERT/UPDATE of bound float8 and string values
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION @extschema@.%1$I(pg_catalog.float8) RETURNS @extschema@.%1$I
				LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
				AS 'SELECT CAST(CAST($1 AS pg_catalog.numeric) AS @extschema@.%1$I)';
			CREATE CAST (pg_catalog.float8 AS @extschema@.%1$I)
				WITH FUNCTION @extschema@.%1$I(pg_catalog.float8) AS ASSIGNMENT;
			CREATE CAST (pg_catalog.text AS @extschema@.%1$I) WITH INOUT AS ASSIGNMENT;
			CREATE CAST (pg_catalog.varchar AS @extschema@.%1$I) WITH INOUT AS ASSIGNMENT;
			$f$, t);
	END LOOP;
END
$bi_parameters$;
