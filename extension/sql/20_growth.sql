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
