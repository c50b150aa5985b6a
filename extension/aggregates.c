/*-------------------------------------------------------------------------
 *
 * aggregates.c
 *	  sum, avg, min and max of mu_area, yuan and yuan_per_mu, and the
 *	  regional 亩均 aggregate per_mu(yuan, mu_area) = Σ元 / Σ亩.
 *
 * sum, avg and per_mu share one transition type, quantity_accum: a
 * fixed-length (40 byte) pass-by-reference value holding a row count and
 * two int128 sums in stored units.  It is a real SQL type, not internal,
 * so parallel aggregation needs no serial/deserial functions and Citus can
 * ship partial states between nodes through its text I/O, which
 * round-trips exactly.
 *
 * The transition functions update the state in place when called as an
 * aggregate (the state then lives in the aggregate's memory context), so
 * a row costs one function call and two int128 additions and no palloc.
 * All arithmetic is exact integer arithmetic: serial, parallel and
 * window (moving-aggregate) evaluation give identical results.
 *
 * min and max keep the smaller or larger stored value (quantity_smaller,
 * quantity_larger).  They are C functions rather than LANGUAGE internal
 * wrappers of int8smaller/int8larger (as in 1.0): an internal function is
 * found by a linear search of the built-in function table whenever it is
 * looked up, and Citus's worker_partial_agg looks the transition function
 * up once per row.
 *
 *-------------------------------------------------------------------------
 */
#include "decimal.h"

#include "libpq/pqformat.h"
#include "whitespace.h"

/*
 * The transition state.  The layout is the type's binary value (typlen 40,
 * double alignment); PostgreSQL's int128 is declared with 8-byte alignment,
 * so the struct has no padding.
 */
typedef struct QuantityAccum
{
	int64		count;			/* rows accumulated */
	int128		sum;			/* Σ first argument, in its stored unit */
	int128		sum2;			/* Σ second argument (per_mu: 亩), else 0 */
} QuantityAccum;

StaticAssertDecl(sizeof(QuantityAccum) == 40,
				 "quantity_accum must be 40 bytes (INTERNALLENGTH in industry--1.0.sql)");

#define DatumGetQuantityAccum(X)	((QuantityAccum *) DatumGetPointer(X))
#define PG_GETARG_QUANTITY_ACCUM(n) DatumGetQuantityAccum(PG_GETARG_DATUM(n))
#define PG_RETURN_QUANTITY_ACCUM(x) PG_RETURN_POINTER(x)

/*
 * per_mu: Σ分 * 10^8 / Σ(10^-6 亩) is in 10^-4 元/亩 (元 = 100 分,
 * 亩 = 10^6 stored units, 元/亩 = 10^4 stored units).
 */
#define PER_MU_FACTOR \
	(QUANTITY_PER_AREA_SCALE * QUANTITY_AREA_SCALE / QUANTITY_MONEY_SCALE)

StaticAssertDecl(PER_MU_FACTOR == INT64CONST(100000000),
				 "per_mu scales 分 per 10^-6 亩 by 10^8 into 10^-4 元/亩");

static void accum_out_of_range(void) pg_attribute_noreturn();
static void accum_syntax_error(const char *str, const char *detail) pg_attribute_noreturn();

/* Raise 22003 for a transition state that would leave the int128 range. */
static void
accum_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("quantity_accum out of range"),
			 errdetail("The running sum of the aggregate exceeds the 128-bit accumulator.")));
}

/* *acc += v, raising 22003 on int128 overflow. */
static inline void
accum_add_int128(int128 *acc, int128 v)
{
#if defined(HAVE__BUILTIN_OP_OVERFLOW)
	if (unlikely(__builtin_add_overflow(*acc, v, acc)))
		accum_out_of_range();
#else
	if (unlikely(v > 0 ? *acc > INDUSTRY_INT128_MAX - v : *acc < INDUSTRY_INT128_MIN - v))
		accum_out_of_range();
	*acc += v;
#endif
}

/* *acc -= v, raising 22003 on int128 overflow. */
static inline void
accum_sub_int128(int128 *acc, int128 v)
{
#if defined(HAVE__BUILTIN_OP_OVERFLOW)
	if (unlikely(__builtin_sub_overflow(*acc, v, acc)))
		accum_out_of_range();
#else
	if (unlikely(v > 0 ? *acc < INDUSTRY_INT128_MIN + v : *acc > INDUSTRY_INT128_MAX + v))
		accum_out_of_range();
	*acc -= v;
#endif
}

/*
 * The state to update: the argument itself when called as an aggregate
 * (the executor owns it and expects in-place updates), else a copy, so a
 * direct SQL call never changes its input.
 */
static inline QuantityAccum *
accum_for_update(FunctionCallInfo fcinfo)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);
	QuantityAccum *copy;

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	copy = (QuantityAccum *) palloc(sizeof(QuantityAccum));
	memcpy(copy, state, sizeof(QuantityAccum));
	return copy;
}

/*
 * The invariant of a state built from rows: count >= 0 and each sum within
 * [count * INT64_MIN, count * INT64_MAX], the sums count stored values can
 * have (so an empty state has zero sums and an average always fits).
 */
static bool
accum_is_valid(const QuantityAccum *s)
{
	int128		lo;
	int128		hi;

	if (s->count < 0)
		return false;
	lo = (int128) s->count * PG_INT64_MIN;
	hi = (int128) s->count * PG_INT64_MAX;
	return s->sum >= lo && s->sum <= hi && s->sum2 >= lo && s->sum2 <= hi;
}

/* Raise 22P02 for a quantity_accum text. */
static void
accum_syntax_error(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					"quantity_accum", str),
			 errdetail_internal("%s", detail)));
}

/* Bytes of white space (whitespace.h) at the start of p. */
static size_t
accum_spaces(const char *p)
{
	size_t		len = strlen(p);
	size_t		pos = 0;
	size_t		n;

	while ((n = industry_space_len((const unsigned char *) p, pos, len)) > 0)
		pos += n;
	return pos;
}

/*
 * Text input: "(count,sum,sum2)" in stored units, e.g. "(2,150,0)".  This is
 * how Citus ships partial states; any state the output function prints
 * reads back to the identical value.
 */
PG_FUNCTION_INFO_V1(quantity_accum_in);
Datum
quantity_accum_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	QuantityAccum *result = (QuantityAccum *) palloc0(sizeof(QuantityAccum));
	int128		count;

	p += accum_spaces(p);
	if (*p++ != '(' ||
		!int128_from_chars(&p, 0, PG_INT64_MAX, &count) ||
		*p++ != ',' ||
		!int128_from_chars(&p, INDUSTRY_INT128_MIN, INDUSTRY_INT128_MAX, &result->sum) ||
		*p++ != ',' ||
		!int128_from_chars(&p, INDUSTRY_INT128_MIN, INDUSTRY_INT128_MAX, &result->sum2) ||
		*p++ != ')')
		accum_syntax_error(str, "Expected \"(count,sum,sum2)\" with a non-negative 64-bit count and two 128-bit integer sums.");
	p += accum_spaces(p);
	if (*p != '\0')
		accum_syntax_error(str, "Unexpected text after the closing parenthesis.");
	result->count = (int64) count;
	if (!accum_is_valid(result))
		accum_syntax_error(str, "A sum exceeds what the row count allows (count * -2^63 <= sum <= count * (2^63 - 1)).");
	PG_RETURN_QUANTITY_ACCUM(result);
}

/* Text output: "(count,sum,sum2)", exact. */
PG_FUNCTION_INFO_V1(quantity_accum_out);
Datum
quantity_accum_out(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);
	char	   *buf = palloc(3 * INT128_BUFSIZE + 4);
	char	   *p = buf;

	*p++ = '(';
	p = int128_to_chars(state->count, p);
	*p++ = ',';
	p = int128_to_chars(state->sum, p);
	*p++ = ',';
	p = int128_to_chars(state->sum2, p);
	*p++ = ')';
	*p = '\0';
	PG_RETURN_CSTRING(buf);
}

/* Append an int128 to a binary message, big-endian (high half first). */
static void
pq_sendint128(StringInfo buf, int128 v)
{
	pq_sendint64(buf, (int64) (v >> 64));
	pq_sendint64(buf, (int64) (uint64) v);
}

/* Read an int128 written by pq_sendint128. */
static int128
pq_getmsgint128(StringInfo buf)
{
	int64		hi = pq_getmsgint64(buf);
	uint64		lo = (uint64) pq_getmsgint64(buf);

	return (int128) (((uint128) (uint64) hi << 64) | lo);
}

/* Binary output: count as int64, then both sums as big-endian int128. */
PG_FUNCTION_INFO_V1(quantity_accum_send);
Datum
quantity_accum_send(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->count);
	pq_sendint128(&buf, state->sum);
	pq_sendint128(&buf, state->sum2);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Binary input, re-validated like the text input. */
PG_FUNCTION_INFO_V1(quantity_accum_recv);
Datum
quantity_accum_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	QuantityAccum *result = (QuantityAccum *) palloc0(sizeof(QuantityAccum));

	binary_input_check_length(buf, 40, "quantity_accum");
	result->count = pq_getmsgint64(buf);
	result->sum = pq_getmsgint128(buf);
	result->sum2 = pq_getmsgint128(buf);
	if (!accum_is_valid(result))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", "quantity_accum"),
				 errdetail("The count is negative or a sum exceeds what the count allows.")));
	PG_RETURN_QUANTITY_ACCUM(result);
}

/* Transition of sum(T) and avg(T): one more row of value v (stored units). */
PG_FUNCTION_INFO_V1(quantity_accum_add);
Datum
quantity_accum_add(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = accum_for_update(fcinfo);

	accum_add_int128(&state->sum, PG_GETARG_INT64(1));
	if (unlikely(pg_add_s64_overflow(state->count, 1, &state->count)))
		accum_out_of_range();
	PG_RETURN_QUANTITY_ACCUM(state);
}

/* Transition of per_mu(yuan, mu_area): one more row of 元 and 亩. */
PG_FUNCTION_INFO_V1(quantity_accum_add2);
Datum
quantity_accum_add2(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = accum_for_update(fcinfo);

	accum_add_int128(&state->sum, PG_GETARG_INT64(1));
	accum_add_int128(&state->sum2, PG_GETARG_INT64(2));
	if (unlikely(pg_add_s64_overflow(state->count, 1, &state->count)))
		accum_out_of_range();
	PG_RETURN_QUANTITY_ACCUM(state);
}

/* Refuse to remove a row from an empty state (only a direct call can). */
static inline void
accum_check_nonempty(const QuantityAccum *state)
{
	if (unlikely(state->count <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a row from an empty quantity_accum")));
}

/* Inverse transition of sum(T) and avg(T), for moving window frames. */
PG_FUNCTION_INFO_V1(quantity_accum_remove);
Datum
quantity_accum_remove(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = accum_for_update(fcinfo);

	accum_check_nonempty(state);
	accum_sub_int128(&state->sum, PG_GETARG_INT64(1));
	state->count--;
	PG_RETURN_QUANTITY_ACCUM(state);
}

/* Inverse transition of per_mu(yuan, mu_area), for moving window frames. */
PG_FUNCTION_INFO_V1(quantity_accum_remove2);
Datum
quantity_accum_remove2(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = accum_for_update(fcinfo);

	accum_check_nonempty(state);
	accum_sub_int128(&state->sum, PG_GETARG_INT64(1));
	accum_sub_int128(&state->sum2, PG_GETARG_INT64(2));
	state->count--;
	PG_RETURN_QUANTITY_ACCUM(state);
}

/* Combine two partial states (parallel workers, Citus): state1 += state2. */
PG_FUNCTION_INFO_V1(quantity_accum_combine);
Datum
quantity_accum_combine(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = accum_for_update(fcinfo);
	QuantityAccum *other = PG_GETARG_QUANTITY_ACCUM(1);

	accum_add_int128(&state->sum, other->sum);
	accum_add_int128(&state->sum2, other->sum2);
	if (unlikely(pg_add_s64_overflow(state->count, other->count, &state->count)))
		accum_out_of_range();
	PG_RETURN_QUANTITY_ACCUM(state);
}

/* Final of sum(T): the sum, NULL for no rows, 22003 if it does not fit T. */
static inline Datum
accum_sum_final(FunctionCallInfo fcinfo, QuantityKind kind)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);

	if (state->count == 0)
		PG_RETURN_NULL();
	return Int64GetDatum(quantity_from_int128(kind, state->sum));
}

/* Final of avg(T): the mean rounded half away from zero, NULL for no rows. */
static inline Datum
accum_avg_final(FunctionCallInfo fcinfo, QuantityKind kind)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);

	if (state->count == 0)
		PG_RETURN_NULL();
	return Int64GetDatum(quantity_from_int128(kind,
											  int128_div_round(state->sum,
															   state->count)));
}

/* Final of sum(mu_area). */
PG_FUNCTION_INFO_V1(quantity_accum_sum_mu_area);
Datum
quantity_accum_sum_mu_area(PG_FUNCTION_ARGS)
{
	return accum_sum_final(fcinfo, QUANTITY_AREA);
}

/* Final of sum(yuan). */
PG_FUNCTION_INFO_V1(quantity_accum_sum_yuan);
Datum
quantity_accum_sum_yuan(PG_FUNCTION_ARGS)
{
	return accum_sum_final(fcinfo, QUANTITY_MONEY);
}

/* Final of sum(yuan_per_mu). */
PG_FUNCTION_INFO_V1(quantity_accum_sum_yuan_per_mu);
Datum
quantity_accum_sum_yuan_per_mu(PG_FUNCTION_ARGS)
{
	return accum_sum_final(fcinfo, QUANTITY_PER_AREA);
}

/* Final of avg(mu_area). */
PG_FUNCTION_INFO_V1(quantity_accum_avg_mu_area);
Datum
quantity_accum_avg_mu_area(PG_FUNCTION_ARGS)
{
	return accum_avg_final(fcinfo, QUANTITY_AREA);
}

/* Final of avg(yuan). */
PG_FUNCTION_INFO_V1(quantity_accum_avg_yuan);
Datum
quantity_accum_avg_yuan(PG_FUNCTION_ARGS)
{
	return accum_avg_final(fcinfo, QUANTITY_MONEY);
}

/* Final of avg(yuan_per_mu). */
PG_FUNCTION_INFO_V1(quantity_accum_avg_yuan_per_mu);
Datum
quantity_accum_avg_yuan_per_mu(PG_FUNCTION_ARGS)
{
	return accum_avg_final(fcinfo, QUANTITY_PER_AREA);
}

/*
 * round(a * 10^8 / d) half away from zero, d != 0, as yuan_per_mu; 22003 if
 * it does not fit.  Exact for every int128 a and d: when a * 10^8 would
 * overflow int128, long division over unsigned magnitudes produces the
 * quotient one decimal digit at a time.
 */
static int64
per_mu_quotient(int128 a, int128 d)
{
	uint128		ua;
	uint128		ud;
	uint128		q;
	uint128		r;
	uint128		limit;
	bool		neg;

	if (a <= INDUSTRY_INT128_MAX / PER_MU_FACTOR &&
		a >= INDUSTRY_INT128_MIN / PER_MU_FACTOR)
		return quantity_from_int128(QUANTITY_PER_AREA,
									int128_div_round(a * PER_MU_FACTOR, d));

	neg = (a < 0) != (d < 0);
	ua = a < 0 ? -(uint128) a : (uint128) a;
	ud = d < 0 ? -(uint128) d : (uint128) d;
	limit = neg ? (uint128) PG_INT64_MAX + 1 : (uint128) PG_INT64_MAX;
	q = ua / ud;
	r = ua % ud;
	for (int i = 0; i < 8; i++)
	{
		uint128		digit = 0;
		uint128		acc = 0;

		/* digit = floor(10 r / ud), acc = 10 r mod ud, without overflow */
		for (int k = 0; k < 10; k++)
		{
			if (acc >= ud - r)
			{
				acc -= ud - r;
				digit++;
			}
			else
				acc += r;
		}
		if (q > limit)
			quantity_out_of_range(QUANTITY_PER_AREA);
		q = q * 10 + digit;
		r = acc;
	}
	if (r >= ud - r)
		q++;
	if (q > limit)
		quantity_out_of_range(QUANTITY_PER_AREA);
	return neg ? (int64) (-(int128) q) : (int64) q;
}

/*
 * Final of per_mu(yuan, mu_area): Σ元 / Σ亩 as yuan_per_mu, rounded half
 * away from zero.  NULL for no rows and when Σ亩 = 0 (no land, no 亩均).
 */
PG_FUNCTION_INFO_V1(quantity_accum_per_mu);
Datum
quantity_accum_per_mu(PG_FUNCTION_ARGS)
{
	QuantityAccum *state = PG_GETARG_QUANTITY_ACCUM(0);

	if (state->count == 0 || state->sum2 == 0)
		PG_RETURN_NULL();
	PG_RETURN_YUAN_PER_MU(per_mu_quotient(state->sum, state->sum2));
}

/* Transition and combine of min(T): the smaller stored value. */
PG_FUNCTION_INFO_V1(quantity_smaller);
Datum
quantity_smaller(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_INT64(0);
	int64		b = PG_GETARG_INT64(1);

	PG_RETURN_INT64(a < b ? a : b);
}

/* Transition and combine of max(T): the larger stored value. */
PG_FUNCTION_INFO_V1(quantity_larger);
Datum
quantity_larger(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_INT64(0);
	int64		b = PG_GETARG_INT64(1);

	PG_RETURN_INT64(a > b ? a : b);
}
