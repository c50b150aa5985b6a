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
