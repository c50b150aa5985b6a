-- 20_growth.sql: growth statistics (同比/环比, 累计, 两年平均, 年均, 百分点,
-- 可比口径, 拉动/贡献率) and their bulletin phrases.  See doc/growth.md.
--
-- Every scalar function exists for numeric, float8, int8, mu_area, yuan and
-- yuan_per_mu.  The four int64 types share one C entry point per function:
-- all results are ratios of two values of one type, so the stored scale
-- cancels.  float8 values are taken as their shortest round-trip decimal.

-- ---- numeric ----

CREATE FUNCTION @extschema@.growth(current pg_catalog.numeric, base pg_catalog.numeric)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current pg_catalog.numeric, base pg_catalog.numeric)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current pg_catalog.numeric, base pg_catalog.numeric, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current pg_catalog.numeric, base_two_years_earlier pg_catalog.numeric)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first pg_catalog.numeric, last pg_catalog.numeric, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current pg_catalog.numeric, part_base pg_catalog.numeric, total_base pg_catalog.numeric)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current pg_catalog.numeric, part_base pg_catalog.numeric, total_current pg_catalog.numeric, total_base pg_catalog.numeric)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- float8 ----

CREATE FUNCTION @extschema@.growth(current pg_catalog.float8, base pg_catalog.float8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current pg_catalog.float8, base pg_catalog.float8)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current pg_catalog.float8, base pg_catalog.float8, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current pg_catalog.float8, base_two_years_earlier pg_catalog.float8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first pg_catalog.float8, last pg_catalog.float8, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current pg_catalog.float8, part_base pg_catalog.float8, total_base pg_catalog.float8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current pg_catalog.float8, part_base pg_catalog.float8, total_current pg_catalog.float8, total_base pg_catalog.float8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- int8 ----

CREATE FUNCTION @extschema@.growth(current pg_catalog.int8, base pg_catalog.int8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current pg_catalog.int8, base pg_catalog.int8)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current pg_catalog.int8, base pg_catalog.int8, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current pg_catalog.int8, base_two_years_earlier pg_catalog.int8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first pg_catalog.int8, last pg_catalog.int8, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current pg_catalog.int8, part_base pg_catalog.int8, total_base pg_catalog.int8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current pg_catalog.int8, part_base pg_catalog.int8, total_current pg_catalog.int8, total_base pg_catalog.int8)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- mu_area ----

CREATE FUNCTION @extschema@.growth(current @extschema@.mu_area, base @extschema@.mu_area)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current @extschema@.mu_area, base @extschema@.mu_area)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current @extschema@.mu_area, base @extschema@.mu_area, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current @extschema@.mu_area, base_two_years_earlier @extschema@.mu_area)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first @extschema@.mu_area, last @extschema@.mu_area, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current @extschema@.mu_area, part_base @extschema@.mu_area, total_base @extschema@.mu_area)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current @extschema@.mu_area, part_base @extschema@.mu_area, total_current @extschema@.mu_area, total_base @extschema@.mu_area)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- yuan ----

CREATE FUNCTION @extschema@.growth(current @extschema@.yuan, base @extschema@.yuan)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current @extschema@.yuan, base @extschema@.yuan)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current @extschema@.yuan, base @extschema@.yuan, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current @extschema@.yuan, base_two_years_earlier @extschema@.yuan)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first @extschema@.yuan, last @extschema@.yuan, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current @extschema@.yuan, part_base @extschema@.yuan, total_base @extschema@.yuan)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current @extschema@.yuan, part_base @extschema@.yuan, total_current @extschema@.yuan, total_base @extschema@.yuan)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- yuan_per_mu ----

CREATE FUNCTION @extschema@.growth(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_status(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_status_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_phrase(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'growth_phrase_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_2y_avg(current @extschema@.yuan_per_mu, base_two_years_earlier @extschema@.yuan_per_mu)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_2y_avg_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cagr(first @extschema@.yuan_per_mu, last @extschema@.yuan_per_mu, years pg_catalog.int4)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_cagr_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_pull(part_current @extschema@.yuan_per_mu, part_base @extschema@.yuan_per_mu, total_base @extschema@.yuan_per_mu)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_pull_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part_current @extschema@.yuan_per_mu, part_base @extschema@.yuan_per_mu, total_current @extschema@.yuan_per_mu, total_base @extschema@.yuan_per_mu)
RETURNS pg_catalog.numeric
AS 'MODULE_PATHNAME', 'growth_contribution_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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

CREATE FUNCTION @extschema@.growth_state_current_mu_area(@extschema@.growth_state)
RETURNS @extschema@.mu_area
AS 'MODULE_PATHNAME', 'growth_state_current_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_base_mu_area(@extschema@.growth_state)
RETURNS @extschema@.mu_area
AS 'MODULE_PATHNAME', 'growth_state_base_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_current_yuan(@extschema@.growth_state)
RETURNS @extschema@.yuan
AS 'MODULE_PATHNAME', 'growth_state_current_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_base_yuan(@extschema@.growth_state)
RETURNS @extschema@.yuan
AS 'MODULE_PATHNAME', 'growth_state_base_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_current_yuan_per_mu(@extschema@.growth_state)
RETURNS @extschema@.yuan_per_mu
AS 'MODULE_PATHNAME', 'growth_state_current_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_base_yuan_per_mu(@extschema@.growth_state)
RETURNS @extschema@.yuan_per_mu
AS 'MODULE_PATHNAME', 'growth_state_base_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, pg_catalog.numeric, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, pg_catalog.numeric, pg_catalog.numeric)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, pg_catalog.float8, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, pg_catalog.int8, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, @extschema@.mu_area, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, @extschema@.mu_area, @extschema@.mu_area)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, @extschema@.yuan, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, @extschema@.yuan, @extschema@.yuan)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ytd_accum(@extschema@.growth_state, @extschema@.yuan_per_mu, pg_catalog.date, pg_catalog.date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_ytd_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.comparable_accum(@extschema@.growth_state, @extschema@.yuan_per_mu, @extschema@.yuan_per_mu)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_comparable_accum_int64'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ---- aggregates ----
-- ytd_*: 累计, months January..month(as_of) of year(as_of) against the same
-- months of the year before.  comparable_*: 可比口径, rows where both current
-- and base are non-NULL.  The aggregates of one family share their
-- transition, so ytd_current, ytd_base and ytd_growth in one query scan once.

CREATE AGGREGATE @extschema@.ytd_growth(value pg_catalog.numeric, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value pg_catalog.numeric, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value pg_catalog.numeric, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current pg_catalog.numeric, base pg_catalog.numeric) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current pg_catalog.numeric, base pg_catalog.numeric) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current pg_catalog.numeric, base pg_catalog.numeric) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(numeric,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_growth(value pg_catalog.float8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value pg_catalog.float8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value pg_catalog.float8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current pg_catalog.float8, base pg_catalog.float8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current pg_catalog.float8, base pg_catalog.float8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current pg_catalog.float8, base pg_catalog.float8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(float8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_growth(value pg_catalog.int8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value pg_catalog.int8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value pg_catalog.int8, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current pg_catalog.int8, base pg_catalog.int8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current pg_catalog.int8, base pg_catalog.int8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current pg_catalog.int8, base pg_catalog.int8) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base,
	INITCOND = '(int8,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_growth(value @extschema@.mu_area, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value @extschema@.mu_area, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_mu_area,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value @extschema@.mu_area, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_mu_area,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current @extschema@.mu_area, base @extschema@.mu_area) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current @extschema@.mu_area, base @extschema@.mu_area) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_mu_area,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current @extschema@.mu_area, base @extschema@.mu_area) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_mu_area,
	INITCOND = '(mu_area,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_growth(value @extschema@.yuan, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value @extschema@.yuan, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_yuan,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value @extschema@.yuan, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_yuan,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current @extschema@.yuan, base @extschema@.yuan) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current @extschema@.yuan, base @extschema@.yuan) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_yuan,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current @extschema@.yuan, base @extschema@.yuan) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_yuan,
	INITCOND = '(yuan,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_growth(value @extschema@.yuan_per_mu, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_current(value @extschema@.yuan_per_mu, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_yuan_per_mu,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.ytd_base(value @extschema@.yuan_per_mu, period pg_catalog.date, as_of pg_catalog.date) (
	SFUNC = @extschema@.ytd_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_yuan_per_mu,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_growth(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_growth,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_current(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_current_yuan_per_mu,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.comparable_base(current @extschema@.yuan_per_mu, base @extschema@.yuan_per_mu) (
	SFUNC = @extschema@.comparable_accum,
	STYPE = @extschema@.growth_state,
	COMBINEFUNC = @extschema@.growth_state_combine,
	FINALFUNC = @extschema@.growth_state_base_yuan_per_mu,
	INITCOND = '(yuan_per_mu,,0,0,0,0)',
	PARALLEL = SAFE
);
