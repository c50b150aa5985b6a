/*-------------------------------------------------------------------------
 *
 * rational.h
 *	  Engine kit: exact rationals n / d (128-bit, d > 0), every operation
 *	  overflow-checked (22003).  Inline; depends only on PostgreSQL.
 *
 * Values are kept unreduced while the arithmetic fits (gcd is slow) and
 * reduced to lowest terms only when a result would overflow; comparison
 * never overflows.  Used by every engine that needs exact ratios (tiers,
 * policies) and by kit_input.c to read typed values exactly.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_RATIONAL_H
#define INDUSTRY_RATIONAL_H

#include "postgres.h"

#define RAT_INT128_MAX	((int128) (((uint128) 1 << 127) - 1))
#define RAT_INT128_MIN	(-RAT_INT128_MAX - 1)

typedef struct Rat
{
	int128		n;
	int128		d;
} Rat;

/* Raise 22003 for a rational result that does not fit in 128 bits. */
pg_attribute_noreturn()
static inline void
rat_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value out of range in exact rational arithmetic"),
			 errdetail("An intermediate result does not fit in 128 bits.")));
}

/* Greatest common divisor of |a| and |b| (gcd(0, 0) = 1). */
static inline int128
rat_gcd128(int128 a, int128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0)
	{
		int128		t = a % b;

		a = b;
		b = t;
	}
	return a == 0 ? 1 : a;
}

/* Build n / d with a positive denominator; d must not be zero. */
static inline Rat
rat_make(int128 n, int128 d)
{
	Rat			r;

	Assert(d != 0);
	if (d < 0)
	{
		if (n == RAT_INT128_MIN || d == RAT_INT128_MIN)
			rat_overflow();
		n = -n;
		d = -d;
	}
	r.n = n;
	r.d = d;
	return r;
}

/* Reduce to lowest terms. */
static inline Rat
rat_reduce(Rat a)
{
	int128		g = rat_gcd128(a.n, a.d);

	a.n /= g;
	a.d /= g;
	return a;
}

/* floor(a / b) for b > 0 */
static inline int128
rat_floordiv128(int128 a, int128 b)
{
	int128		q = a / b;

	if ((a % b) != 0 && a < 0)
		q -= 1;
	return q;
}

/*
 * Compare two rationals exactly: cross-multiplication when it fits, else
 * a continued-fraction walk that never overflows.
 */
static inline int
rat_cmp(Rat a, Rat b)
{
	int128		x,
				y;

	if (a.d == b.d)
		return (a.n > b.n) - (a.n < b.n);
	if (!__builtin_mul_overflow(a.n, b.d, &x) &&
		!__builtin_mul_overflow(b.n, a.d, &y))
		return (x > y) - (x < y);

	for (;;)
	{
		int128		qa = rat_floordiv128(a.n, a.d);
		int128		qb = rat_floordiv128(b.n, b.d);
		int128		ra,
					rb;
		Rat			t;

		if (qa != qb)
			return (qa > qb) ? 1 : -1;
		ra = a.n - qa * a.d;
		rb = b.n - qb * b.d;
		if (ra == 0 || rb == 0)
		{
			if (ra == rb)
				return 0;
			return ra == 0 ? -1 : 1;
		}
		/* compare ra/a.d with rb/b.d: reciprocals compare the other way */
		t = rat_make(a.d, ra);
		a = rat_make(b.d, rb);
		b = t;
	}
}

/* a + b, exact. */
static inline Rat
rat_add(Rat a, Rat b)
{
	int128		n1,
				n2,
				n,
				d;

	if (a.d == b.d)
	{
		if (!__builtin_add_overflow(a.n, b.n, &n))
			return rat_make(n, a.d);
	}
	else if (!__builtin_mul_overflow(a.n, b.d, &n1) &&
			 !__builtin_mul_overflow(b.n, a.d, &n2) &&
			 !__builtin_add_overflow(n1, n2, &n) &&
			 !__builtin_mul_overflow(a.d, b.d, &d))
		return rat_make(n, d);

	/* slow path: lowest terms and the least common denominator */
	{
		int128		g,
					m1,
					m2;

		a = rat_reduce(a);
		b = rat_reduce(b);
		g = rat_gcd128(a.d, b.d);
		if (__builtin_mul_overflow(a.n, b.d / g, &m1) ||
			__builtin_mul_overflow(b.n, a.d / g, &m2) ||
			__builtin_add_overflow(m1, m2, &n) ||
			__builtin_mul_overflow(a.d / g, b.d, &d))
			rat_overflow();
		return rat_reduce(rat_make(n, d));
	}
}

/* a - b, exact. */
static inline Rat
rat_sub(Rat a, Rat b)
{
	if (__builtin_sub_overflow((int128) 0, b.n, &b.n))
		rat_overflow();
	return rat_add(a, b);
}

/* a * b, exact. */
static inline Rat
rat_mul(Rat a, Rat b)
{
	int128		n,
				d;

	if (!__builtin_mul_overflow(a.n, b.n, &n) &&
		!__builtin_mul_overflow(a.d, b.d, &d))
		return rat_make(n, d);
	a = rat_reduce(a);
	b = rat_reduce(b);
	{
		int128		g1 = rat_gcd128(a.n, b.d);
		int128		g2 = rat_gcd128(b.n, a.d);

		if (__builtin_mul_overflow(a.n / g1, b.n / g2, &n) ||
			__builtin_mul_overflow(a.d / g2, b.d / g1, &d))
			rat_overflow();
	}
	return rat_make(n, d);
}

/* a / b, exact; b must not be zero. */
static inline Rat
rat_div(Rat a, Rat b)
{
	Rat			inv;

	Assert(b.n != 0);
	if (a.d == b.d)
		return rat_make(a.n, b.n);
	inv = rat_make(b.d, b.n);
	return rat_mul(a, inv);
}

/* Smallest integer >= a. */
static inline int128
rat_ceil(Rat a)
{
	return -rat_floordiv128(-a.n, a.d);
}

/*
 * Parse a plain decimal ("-12.5", "3", "0.035", "1.5e+07") into an exact
 * rational.  Returns false for NaN, infinities, and anything longer than
 * 38 significant digits.
 */
static inline bool
rat_parse(const char *s, Rat *r)
{
	int128		n = 0;
	int128		d = 1;
	bool		neg = false;
	bool		digits = false;
	bool		frac = false;
	int			exp = 0;

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	for (; *s; s++)
	{
		if (*s >= '0' && *s <= '9')
		{
			digits = true;
			if (__builtin_mul_overflow(n, 10, &n) ||
				__builtin_add_overflow(n, *s - '0', &n))
				return false;
			if (frac && __builtin_mul_overflow(d, 10, &d))
				return false;
		}
		else if (*s == '.' && !frac)
			frac = true;
		else if (*s == 'e' || *s == 'E')
		{
			char	   *end;
			long		e = strtol(s + 1, &end, 10);

			if (*end != '\0' || e > 38 || e < -38)
				return false;
			exp = (int) e;
			break;
		}
		else
			return false;
	}
	if (!digits)
		return false;
	for (; exp > 0; exp--)
		if (__builtin_mul_overflow(n, 10, &n))
			return false;
	for (; exp < 0; exp++)
		if (__builtin_mul_overflow(d, 10, &d))
			return false;
	*r = rat_make(neg ? -n : n, d);
	return true;
}

/*
 * Decimal text of a rational, rounded half away from zero to at most
 * digits (<= 30) fractional digits, trailing zeros trimmed.
 */
static inline char *
rat_to_cstring(Rat a, int digits)
{
	char		fr[32];
	char		ip[48];
	char	   *p = ip + sizeof(ip) - 1;
	int128		an,
				q,
				rem;
	bool		neg;
	int			i,
				n;

	Assert(digits >= 0 && digits <= 30);
	/* lowest terms only when the digit loop would overflow (gcd is slow) */
	if (a.d > RAT_INT128_MAX / 10 || a.n == RAT_INT128_MIN)
		a = rat_reduce(a);
	if (a.d > RAT_INT128_MAX / 10 || a.n == RAT_INT128_MIN)
		rat_overflow();
	neg = a.n < 0;
	an = neg ? -a.n : a.n;
	q = an / a.d;
	rem = an % a.d;
	for (i = 0; i < digits; i++)
	{
		rem *= 10;
		fr[i] = (char) ('0' + (int) (rem / a.d));
		rem %= a.d;
	}
	if (rem != 0 && rem >= a.d - rem)
	{
		for (i = digits - 1; i >= 0; i--)
		{
			if (fr[i] == '9')
				fr[i] = '0';
			else
			{
				fr[i]++;
				break;
			}
		}
		if (i < 0)
			q++;
	}
	n = digits;
	while (n > 0 && fr[n - 1] == '0')
		n--;
	*p = '\0';
	do
	{
		*--p = (char) ('0' + (int) (q % 10));
		q /= 10;
	} while (q != 0);
	return psprintf("%s%s%s%.*s", (neg && (p[0] != '0' || p[1] != '\0' || n > 0)) ? "-" : "",
					p, n > 0 ? "." : "", n, fr);
}

/* The integer v as a rational. */
static inline Rat
rat_int(int64 v)
{
	Rat			r;

	r.n = v;
	r.d = 1;
	return r;
}

#endif							/* INDUSTRY_RATIONAL_H */
