/*-------------------------------------------------------------------------
 *
 * decimal.c
 *	  Exact decimal helpers shared by the types and the engines: int128
 *	  decimal text, exact numeric of an int128, 四舍五入 division and
 *	  rounding of numeric, and numeric counts of stored units.
 *
 * Depends on industry.h and the server only; nothing here calls back into
 * the files that use it.
 *
 *-------------------------------------------------------------------------
 */
#include "decimal.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

/* Write v in decimal at buf (INT128_BUFSIZE bytes), NUL-terminated; return the end. */
char *
int128_to_chars(int128 v, char *buf)
{
	char		tmp[INT128_BUFSIZE];
	int			n = 0;
	uint128		mag = v < 0 ? -(uint128) v : (uint128) v;

	do
	{
		tmp[n++] = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag != 0);
	if (v < 0)
		*buf++ = '-';
	while (n > 0)
		*buf++ = tmp[--n];
	*buf = '\0';
	return buf;
}

/*
 * Parse an optionally signed decimal integer at *p into *result, advancing
 * *p.  Returns false on no digits or on a value outside [min, max].
 */
bool
int128_from_chars(const char **p, int128 min, int128 max, int128 *result)
{
	const char *s = *p;
	bool		neg = false;
	uint128		limit;
	uint128		mag = 0;

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (*s < '0' || *s > '9')
		return false;
	limit = neg ? -(uint128) min : (uint128) max;
	for (; *s >= '0' && *s <= '9'; s++)
	{
		unsigned	d = (unsigned) (*s - '0');

		if (mag > limit / 10 || (mag == limit / 10 && d > limit % 10))
			return false;
		mag = mag * 10 + d;
	}
	*result = neg ? (int128) (-mag) : (int128) mag;
	*p = s;
	return true;
}

/* Exact numeric of an int128 (via its decimal text beyond the int64 range). */
Numeric
int128_to_numeric(int128 v)
{
	char		buf[INT128_BUFSIZE];

	if (v >= PG_INT64_MIN && v <= PG_INT64_MAX)
		return int64_to_numeric((int64) v);
	int128_to_chars(v, buf);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/* 10^k for k >= 0, exact. */
static Numeric
numeric_pow10(int k)
{
	int64		p = 1;

	Assert(k >= 0);
	if (k > 18)
		return DatumGetNumeric(DirectFunctionCall2(numeric_mul,
												   NumericGetDatum(numeric_pow10(18)),
												   NumericGetDatum(numeric_pow10(k - 18))));
	while (k-- > 0)
		p *= 10;
	return int64_to_numeric(p);
}

/*
 * n / d rounded half away from zero (四舍五入) to exactly `scale` decimal
 * places; d != 0.  Exact: the quotient is truncated by integer division and
 * the remainder decides the last digit, so there is never double rounding
 * (numeric_div alone rounds at a data-dependent scale, which could decide a
 * half the wrong way).
 */
Numeric
numeric_div_round(Numeric n, Numeric d, int scale)
{
	Datum		ns = DirectFunctionCall2(numeric_mul, NumericGetDatum(n),
										 NumericGetDatum(numeric_pow10(scale)));
	Datum		q = DirectFunctionCall2(numeric_div_trunc, ns, NumericGetDatum(d));
	Datum		r = DirectFunctionCall1(numeric_abs,
										DirectFunctionCall2(numeric_sub, ns,
															DirectFunctionCall2(numeric_mul, q,
																				NumericGetDatum(d))));
	Datum		abs_d = DirectFunctionCall1(numeric_abs, NumericGetDatum(d));

	/* |r| >= |d| - |r| means the dropped fraction is at least one half */
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, r,
										  DirectFunctionCall2(numeric_sub, abs_d, r))) >= 0)
	{
		Datum		zero = NumericGetDatum(int64_to_numeric(0));
		bool		negative = DatumGetBool(DirectFunctionCall2(numeric_lt, NumericGetDatum(n), zero)) !=
			DatumGetBool(DirectFunctionCall2(numeric_lt, NumericGetDatum(d), zero));

		q = DirectFunctionCall2(numeric_add, q,
								NumericGetDatum(int64_to_numeric(negative ? -1 : 1)));
	}
	/* q * 10^-scale has exactly `scale` decimal places */
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, q,
											   NumericGetDatum(int64_div_fast_to_numeric(1, scale))));
}

/*
 * num rounded half away from zero (四舍五入) to an integer, into *result;
 * false for NaN, infinity or a value outside int64 (callers word the error).
 */
bool
numeric_round_to_int64(Numeric num, int64 *result)
{
	Datum		rounded;

	if (numeric_is_nan(num) || numeric_is_inf(num))
		return false;
	rounded = DirectFunctionCall2(numeric_round, NumericGetDatum(num), Int32GetDatum(0));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, rounded,
										  NumericGetDatum(int64_to_numeric(PG_INT64_MAX)))) > 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, rounded,
										  NumericGetDatum(int64_to_numeric(PG_INT64_MIN)))) < 0)
		return false;
	*result = DatumGetInt64(DirectFunctionCall1(numeric_int8, rounded));
	return true;
}

/* A numeric count of stored units, rounded 四舍五入, as a stored value. */
int64
quantity_from_numeric_units(QuantityKind kind, Datum num)
{
	Numeric		n = DatumGetNumeric(num);
	int64		result;

	if (numeric_is_nan(n))
		quantity_not_finite(kind, "NaN");
	if (numeric_is_inf(n))
		quantity_not_finite(kind, "infinity");
	if (!numeric_round_to_int64(n, &result))
		quantity_out_of_range(kind);
	return result;
}

