/*
 * roundtrip.c
 *	  Property tests of quantity.c.
 *
 *	  1. For each kind, N int64 values (uniform over the whole range, small
 *		 and typical magnitudes, and the range ends with their neighbours)
 *		 are formatted in both modes and re-parsed: the value must come back
 *		 identical.
 *	  2. Random decimal literals with more digits than the scale, in many
 *		 units and spellings, are parsed and compared with an independent
 *		 reference: plain base-10 digit arrays, full multiplication by the
 *		 unit factor and long division, rounding half away from zero.
 *
 * Usage: roundtrip [N [seed]]  (N defaults to 1000000).  Prints one line
 * per failure (at most 50) and a final line "N passed, N failed".
 */
#include "quantity.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;
static long passed;
static long failed;

/* splitmix64 */
static uint64_t
rnd(void)
{
	uint64_t	z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned
rnd_below(unsigned n)
{
	return (unsigned) (rnd() % n);
}

/* Record a check; print the first failures. */
static void
record(bool ok, const char *fmt, const char *a, const char *b)
{
	if (ok)
	{
		passed++;
		return;
	}
	failed++;
	if (failed <= 50)
	{
		printf(fmt, a, b);
		putchar('\n');
	}
}

static const char *const kind_names[] = {"mu_area", "yuan", "yuan_per_mu"};

/* Format v in both modes and re-parse. */
static void
roundtrip_one(QuantityKind kind, int64_t v)
{
	int			ascii;

	for (ascii = 0; ascii < 2; ascii++)
	{
		char		buf[QUANTITY_FORMAT_BUFSIZE];
		char		msg[160];
		size_t		n = quantity_format(kind, v, ascii, buf);
		int64_t		back = 0;
		QuantityError err;
		bool		ok = quantity_parse(kind, buf, n, &back, &err) && back == v;

		if (!ok)
			snprintf(msg, sizeof(msg), "%s %" PRId64 " -> %" PRId64, kind_names[kind],
					 v, back);
		record(ok, "FAIL roundtrip %s: \"%s\"", ok ? "" : msg, buf);
	}
	/* the canonical text output (a plain decimal in the base unit) */
	{
		char		buf[QUANTITY_FORMAT_BUFSIZE];
		char		msg[160];
		size_t		n = quantity_format_plain(kind, v, buf);
		int64_t		back = 0;
		QuantityError err;
		bool		ok = quantity_parse(kind, buf, n, &back, &err) && back == v;

		if (!ok)
			snprintf(msg, sizeof(msg), "%s %" PRId64 " -> %" PRId64, kind_names[kind],
					 v, back);
		record(ok, "FAIL plain roundtrip %s: \"%s\"", ok ? "" : msg, buf);
	}
}

/* Property 1: format and re-parse. */
static void
test_roundtrip(long n)
{
	static const int64_t special[] = {
		0, 1, -1, 2, -2, 9, 10, 99, 100, 101, -100, 9999, 10000, 999999, 1000000,
		-999999, -1000000, 99999999, 100000000, 9999999999, 10000000000,
		-10000000000, INT64_MAX, INT64_MAX - 1, INT64_MAX - 2, INT64_MIN,
		INT64_MIN + 1, INT64_MIN + 2, INT64_MAX / 10, INT64_MIN / 10
	};
	int			kind;
	long		i;
	size_t		k;

	for (kind = 0; kind < QUANTITY_NKINDS; kind++)
	{
		for (k = 0; k < sizeof(special) / sizeof(special[0]); k++)
			roundtrip_one((QuantityKind) kind, special[k]);
		for (i = 0; i < n; i++)
		{
			uint64_t	r = rnd();
			int64_t		v;

			switch (i % 3)
			{
				case 0:			/* uniform over the whole range */
					v = (int64_t) r;
					break;
				case 1:			/* up to 10^k, both signs */
					{
						static const int64_t p10[] = {
							10, 100, 1000, 10000, 100000, 1000000, 10000000,
							100000000, 1000000000, INT64_C(10000000000),
							INT64_C(100000000000), INT64_C(1000000000000),
							INT64_C(10000000000000), INT64_C(100000000000000)
						};

						v = (int64_t) (r % (uint64_t) p10[rnd_below(14)]);
						if (rnd() & 1)
							v = -v;
					}
					break;
				default:		/* round typical figures: x * 10^k */
					{
						int64_t		m = (int64_t) (r % 100000);
						int			e = (int) rnd_below(12);

						while (e-- > 0)
							m *= 10;
						v = (rnd() & 1) ? -m : m;
					}
					break;
			}
			roundtrip_one((QuantityKind) kind, v);
		}
	}
}

/* ---- independent reference: little-endian base-10 digit arrays ---- */

#define BIG 256

typedef struct Big
{
	int			n;				/* number of digits; 0 means zero */
	unsigned char d[BIG];		/* d[0] is the least significant digit */
} Big;

/* Drop leading zeros. */
static void
big_norm(Big *a)
{
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
}

/* a = decimal string */
static void
big_from_str(Big *a, const char *s)
{
	int			len = (int) strlen(s);
	int			i;

	a->n = len;
	for (i = 0; i < len; i++)
		a->d[i] = (unsigned char) (s[len - 1 - i] - '0');
	big_norm(a);
}

/* r = a * b (schoolbook) */
static void
big_mul(Big *r, const Big *a, const Big *b)
{
	int			acc[2 * BIG] = {0};
	int			i,
				j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			acc[i + j] += a->d[i] * b->d[j];
	r->n = a->n + b->n;
	for (i = 0; i < r->n; i++)
	{
		if (i + 1 < 2 * BIG)
			acc[i + 1] += acc[i] / 10;
		r->d[i] = (unsigned char) (acc[i] % 10);
	}
	big_norm(r);
}

/* a = a * 10^k */
static void
big_shift_up(Big *a, int k)
{
	int			i;

	if (a->n == 0)
		return;
	for (i = a->n - 1; i >= 0; i--)
		a->d[i + k] = a->d[i];
	for (i = 0; i < k; i++)
		a->d[i] = 0;
	a->n += k;
}

/* a = floor(a / 10^k) */
static void
big_shift_down(Big *a, int k)
{
	int			i;

	if (k >= a->n)
	{
		a->n = 0;
		return;
	}
	for (i = 0; i + k < a->n; i++)
		a->d[i] = a->d[i + k];
	a->n -= k;
}

/* a = a + b */
static void
big_add(Big *a, const Big *b)
{
	int			i,
				carry = 0;
	int			n = a->n > b->n ? a->n : b->n;

	for (i = 0; i < n || carry; i++)
	{
		int			s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);

		a->d[i] = (unsigned char) (s % 10);
		carry = s / 10;
	}
	a->n = i;
	big_norm(a);
}

/* a = floor(a / small) */
static void
big_div_small(Big *a, int small)
{
	int			i,
				rem = 0;

	for (i = a->n - 1; i >= 0; i--)
	{
		int			cur = rem * 10 + a->d[i];

		a->d[i] = (unsigned char) (cur / small);
		rem = cur % small;
	}
	big_norm(a);
}

/* compare a with b: -1, 0, 1 */
static int
big_cmp(const Big *a, const Big *b)
{
	int			i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* value of a (assumed < 2^64) */
static uint64_t
big_to_u64(const Big *a)
{
	uint64_t	v = 0;
	int			i;

	for (i = a->n - 1; i >= 0; i--)
		v = v * 10 + a->d[i];
	return v;
}

/* A unit spelling with its factor in stored units, derived by hand. */
typedef struct RefUnit
{
	QuantityKind kind;
	const char *text;
	const char *num;			/* decimal */
	int			den;
} RefUnit;

static const RefUnit ref_units[] = {
	{QUANTITY_AREA, "", "1000000", 1},
	{QUANTITY_AREA, "亩", "1000000", 1},
	{QUANTITY_AREA, "市亩", "1000000", 1},
	{QUANTITY_AREA, "Mu", "1000000", 1},
	{QUANTITY_AREA, "万亩", "10000000000", 1},
	{QUANTITY_AREA, "公顷", "15000000", 1},
	{QUANTITY_AREA, "ha", "15000000", 1},
	{QUANTITY_AREA, "hm²", "15000000", 1},
	{QUANTITY_AREA, "平方米", "1500", 1},
	{QUANTITY_AREA, "m²", "1500", 1},
	{QUANTITY_AREA, "㎡", "1500", 1},
	{QUANTITY_AREA, "sqm", "1500", 1},
	{QUANTITY_AREA, "万平方米", "15000000", 1},
	{QUANTITY_AREA, "平方公里", "1500000000", 1},
	{QUANTITY_AREA, "KM2", "1500000000", 1},
	{QUANTITY_AREA, "千公顷", "15000000000", 1},
	{QUANTITY_AREA, "万公顷", "150000000000", 1},
	{QUANTITY_AREA, "百万平方米", "1500000000", 1},
	{QUANTITY_AREA, "千亩", "1000000000", 1},
	{QUANTITY_MONEY, "", "100", 1},
	{QUANTITY_MONEY, "元", "100", 1},
	{QUANTITY_MONEY, "yuan", "100", 1},
	{QUANTITY_MONEY, "RMB", "100", 1},
	{QUANTITY_MONEY, "千元", "100000", 1},
	{QUANTITY_MONEY, "万元", "1000000", 1},
	{QUANTITY_MONEY, "万", "1000000", 1},
	{QUANTITY_MONEY, "百万元", "100000000", 1},
	{QUANTITY_MONEY, "千万元", "1000000000", 1},
	{QUANTITY_MONEY, "千", "100000", 1},
	{QUANTITY_MONEY, "百万", "100000000", 1},
	{QUANTITY_MONEY, "千万", "1000000000", 1},
	{QUANTITY_MONEY, "万亿", "100000000000000", 1},
	{QUANTITY_MONEY, "亿元", "10000000000", 1},
	{QUANTITY_MONEY, "亿", "10000000000", 1},
	{QUANTITY_MONEY, "万亿元", "100000000000000", 1},
	{QUANTITY_PER_AREA, "", "10000", 1},
	{QUANTITY_PER_AREA, "元/亩", "10000", 1},
	{QUANTITY_PER_AREA, "yuan/mu", "10000", 1},
	{QUANTITY_PER_AREA, "万元/亩", "100000000", 1},
	{QUANTITY_PER_AREA, "万 / 亩", "100000000", 1},
	{QUANTITY_PER_AREA, "元/万亩", "1", 1},
	{QUANTITY_PER_AREA, "元/平方米", "20000000", 3},
	{QUANTITY_PER_AREA, "元每公顷", "2000", 3},
	{QUANTITY_PER_AREA, "元/万平方米", "2000", 3},
	{QUANTITY_PER_AREA, "CNY/km2", "20", 3},
	{QUANTITY_PER_AREA, "千元/平方公里", "20000", 3},
	{QUANTITY_PER_AREA, "千/亩", "10000000", 1},
	{QUANTITY_PER_AREA, "百万/公顷", "2000000000", 3},
	{QUANTITY_PER_AREA, "亿元/平方公里", "2000000000", 3},
	{QUANTITY_PER_AREA, "万亿元/平方米", "20000000000000000000", 3},
};

/* Append the rendering of one ASCII digit: ASCII or full-width. */
static char *
put_digit(char *p, int d, bool wide)
{
	if (wide)
	{
		*p++ = (char) 0xEF;
		*p++ = (char) 0xBC;
		*p++ = (char) (0x90 + d);
	}
	else
		*p++ = (char) ('0' + d);
	return p;
}

/* Append one white space character: mostly ASCII, sometimes a spreadsheet space. */
static char *
put_space(char *p)
{
	static const char *const spaces[] = {
		" ", " ", " ", "\t", "\xc2\xa0", "\xe2\x80\xaf", "\xe2\x80\x89", "\xe3\x80\x80"
	};
	const char *sp = spaces[rnd_below(sizeof(spaces) / sizeof(spaces[0]))];

	memcpy(p, sp, strlen(sp));
	return p + strlen(sp);
}

/* Random digit string of length n, biased towards rounding boundaries. */
static void
random_digits(char *dst, int n)
{
	int			i;
	int			style = (int) rnd_below(4);
	char		rep = "0345699"[rnd_below(7)];

	for (i = 0; i < n; i++)
	{
		if (style == 0 || i < 2 || i == n - 1)
			dst[i] = (char) ('0' + rnd_below(10));
		else
			dst[i] = rep;		/* long runs of 0, 3, 4, 5, 6, 9 */
	}
	dst[n] = '\0';
}

/*
 * Property 2: a random literal against the digit-array reference.
 */
static void
reference_one(void)
{
	const RefUnit *u = &ref_units[rnd_below(sizeof(ref_units) / sizeof(ref_units[0]))];
	char		intd[40],
				fracd[64],
				text[512],
				all[128],
				msg[200];
	int			nint = (int) rnd_below(21);
	int			nfrac = (int) rnd_below(40);
	int			exp10 = rnd_below(3) == 0 ? (int) rnd_below(41) - 20 : 0;
	bool		neg = rnd() & 1;
	bool		wide = rnd_below(5) == 0;
	bool		seps = rnd_below(4) == 0;
	char	   *p = text;
	int			i;
	Big			mant,
				factor,
				prod,
				half,
				limit;
	int			scale;			/* value = mant * 10^-scale */
	bool		expect_ok;
	uint64_t	expect = 0;
	int64_t		got = 0;
	QuantityError err;
	bool		ok;

	if (nint == 0 && nfrac == 0)
		nint = 1;
	random_digits(intd, nint);
	random_digits(fracd, nfrac);

	/* render (spaces drawn from the one white space set, whitespace.h) */
	if (rnd_below(4) == 0)
		p = put_space(p);
	if (neg)
	{
		static const char *const minus[] = {"-", "−", "－"};
		const char *m = minus[rnd_below(3)];

		memcpy(p, m, strlen(m));
		p += strlen(m);
	}
	else if (rnd_below(4) == 0)
		*p++ = '+';
	for (i = 0; i < nint; i++)
	{
		if (seps && i > 0 && (nint - i) % 3 == 0 && intd[0] != '0')
			*p++ = ',';
		p = put_digit(p, intd[i] - '0', wide && (i & 1));
	}
	if (nfrac > 0 || rnd_below(8) == 0)
	{
		if (wide)
		{
			memcpy(p, "．", 3);
			p += 3;
		}
		else
			*p++ = '.';
	}
	for (i = 0; i < nfrac; i++)
		p = put_digit(p, fracd[i] - '0', wide && (i & 1));
	if (exp10 != 0)
		p += sprintf(p, "e%s%d", exp10 > 0 && (rnd() & 1) ? "+" : "", exp10);
	if (rnd() & 1)
		p = put_space(p);
	memcpy(p, u->text, strlen(u->text));
	p += strlen(u->text);
	*p = '\0';

	/* reference: |value| = mant * 10^(exp10 - nfrac) */
	snprintf(all, sizeof(all), "%s%s", intd, fracd);
	big_from_str(&mant, all);
	big_from_str(&factor, u->num);
	big_mul(&prod, &mant, &factor);
	scale = nfrac - exp10;
	if (scale < 0)
	{
		big_shift_up(&prod, -scale);
		scale = 0;
	}
	/* round(prod / (den * 10^scale)) = floor((2 prod + den 10^scale) / (2 den 10^scale)) */
	big_add(&prod, &prod);
	big_from_str(&half, "1");
	big_shift_up(&half, scale);
	for (i = 1; i < u->den; i++)
	{
		Big			one;

		big_from_str(&one, "1");
		big_shift_up(&one, scale);
		big_add(&half, &one);
	}
	big_add(&prod, &half);
	big_shift_down(&prod, scale);
	big_div_small(&prod, 2 * u->den);
	big_from_str(&limit, neg ? "9223372036854775808" : "9223372036854775807");
	expect_ok = big_cmp(&prod, &limit) <= 0;
	if (expect_ok)
		expect = big_to_u64(&prod);

	ok = quantity_parse(u->kind, text, strlen(text), &got, &err);
	if (expect_ok)
	{
		int64_t		want = !neg ? (int64_t) expect :
			expect == UINT64_C(9223372036854775808) ? INT64_MIN : -(int64_t) expect;
		bool		good = ok && got == want;

		if (!good)
			snprintf(msg, sizeof(msg), "%s: expected %" PRId64 ", got %s %" PRId64 " (%s)",
					 kind_names[u->kind], want, ok ? "value" : "error", got,
					 ok ? "" : err.detail);
		record(good, "FAIL reference \"%s\": %s", text, good ? "" : msg);
	}
	else
	{
		bool		good = !ok && err.status == QUANTITY_OUT_OF_RANGE;

		snprintf(msg, sizeof(msg), "%s: expected out of range, got %" PRId64 " (%s)",
				 kind_names[u->kind], got, ok ? "ok" : err.detail);
		record(good, "FAIL reference \"%s\": %s", text, good ? "" : msg);
	}
}

/* Run both properties. */
int
main(int argc, char **argv)
{
	long		n = argc > 1 ? atol(argv[1]) : 1000000;
	long		i;

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : UINT64_C(20240607);
	if (n <= 0)
		n = 1000000;
	test_roundtrip(n);
	for (i = 0; i < n; i++)
		reference_one();
	printf("%ld passed, %ld failed\n", passed, failed);
	return failed != 0;
}
