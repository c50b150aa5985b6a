-- 70_min_max_c.sql: min(T) and max(T) with C transition functions.
--
-- In 1.0, <type>_smaller and <type>_larger were LANGUAGE internal wrappers of int8smaller
-- and int8larger.  Looking up an internal function searches the table of built-in
-- functions by name, and Citus's worker_partial_agg looks up the transition function of
-- the aggregate it wraps for every row, which made min/max 2-3 times slower than sum on
-- a distributed table.  The aggregates keep their transition functions (an aggregate's
-- SFUNC cannot be altered): the functions themselves are replaced, same name, signature
-- and labels, by C functions of the extension with the same result.  No other support
-- function of an aggregate, and no type's I/O function, is LANGUAGE internal
-- (sql/quantity_numbers.sql checks it).
DO $min_max$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE OR REPLACE FUNCTION @extschema@.%1$I(@extschema@.%3$I, @extschema@.%3$I) RETURNS @extschema@.%3$I
				AS 'MODULE_PATHNAME', 'quantity_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			CREATE OR REPLACE FUNCTION @extschema@.%2$I(@extschema@.%3$I, @extschema@.%3$I) RETURNS @extschema@.%3$I
				AS 'MODULE_PATHNAME', 'quantity_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t || '_smaller', t || '_larger', t);
	END LOOP;
END
$min_max$;
