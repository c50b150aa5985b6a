/*-------------------------------------------------------------------------
 *
 * quantity.c
 *	  Locale-independent parser and canonical formatter for mu_area (亩),
 *	  yuan (元) and yuan_per_mu (元/亩).
 *
 * Only the C standard library is used: this file is compiled into the
 * backend and, unchanged, into the unit, property and fuzz tests.
 *
 * Input grammar (doc/literals.md has the full reference):
 *
 *	 [space] [¥] [sign] [¥] number [space] [unit] [space]
 *
 * A number is a digit string with optional thousands separators, one
 * optional decimal point and an optional exponent.  Its exact value times
 * the unit's exact rational factor is rounded once, half away from zero
 * (四舍五入), to the stored unit.  Digits are never accumulated beyond what
 * the result needs: the integer part of the scaled value is bounded by the
 * int64 range, and the fraction is consumed by a carry automaton that stops
 * as soon as no further digit can change the rounded result (see
 * exact_round), so any number of digits costs O(n) time and O(1) space.
 *
 *-------------------------------------------------------------------------
 */
#include "quantity.h"

#include <string.h>

#include "whitespace.h"

typedef unsigned __int128 uint128;

/* Tokens of a mantissa, besides the digit values 0..9. */
#define TOK_OTHER	(-1)
#define TOK_SEP		(-2)
#define TOK_POINT	(-3)

/* Largest saturated exponent magnitude; far beyond anything that matters. */
#define EXP_SATURATE	INT64_C(1000000000000)

/* A scanned number: where its digits are and what they are worth. */
typedef struct NumScan
{
	size_t		start;			/* first byte of the mantissa */
	size_t		mant_end;		/* byte after the mantissa */
	size_t		end;			/* byte after the number (and exponent) */
	size_t		ndig;			/* digits in the mantissa */
	size_t		nint;			/* of which before the decimal point */
	size_t		first_nz;		/* index of the first nonzero digit, or ndig */
	uint64_t	mant;			/* value of all digits when ndig <= 19 */
	int64_t		exp;			/* decimal exponent, saturated */
} NumScan;

/*
 * An exact unit factor: one unit is m * 10^a / den stored units.
 * m * 10^a and den are coprime.
 */
typedef struct Factor
{
	uint64_t	m;
	int			a;
	uint32_t	den;
	const char *label;
	const char *ascii_base;		/* ASCII base unit: "yuan", "mu", "yuan/ha", ... */
	int			ascii_exp;		/* one unit = 10^ascii_exp ascii_base */
} Factor;

/* A unit word that may follow a number. */
typedef struct UnitWord
{
	const char *text;
	unsigned char len;
	unsigned char id;			/* money: multiplier index; area: area id */
	bool		currency;		/* names the currency (not allowed after ¥) */
} UnitWord;

/* Money multipliers (index → power of ten and label). */
static const int money_exp10[] = {0, 3, 4, 6, 7, 8, 12};
static const char *const money_labels[] = {
	"元", "千元", "万元", "百万元", "千万元", "亿元", "万亿元"
};

#define MONEY_UNIT 0
#define MONEY_THOUSAND 1
#define MONEY_WAN 2
#define MONEY_MILLION 3
#define MONEY_TEN_MILLION 4
#define MONEY_YI 5
#define MONEY_WAN_YI 6

/*
 * Money words.  A word that is a prefix of another comes after it (longest
 * match); 元 first because it is the most common.
 */
static const UnitWord money_words[] = {
	{"元", 3, MONEY_UNIT, true},
	{"万元", 6, MONEY_WAN, true},
	{"万亿元", 9, MONEY_WAN_YI, true},
	{"万亿", 6, MONEY_WAN_YI, false},
	{"万", 3, MONEY_WAN, false},
	{"亿元", 6, MONEY_YI, true},
	{"亿", 3, MONEY_YI, false},
	{"千万元", 9, MONEY_TEN_MILLION, true},
	{"千万", 6, MONEY_TEN_MILLION, false},
	{"千元", 6, MONEY_THOUSAND, true},
	{"千", 3, MONEY_THOUSAND, false},
	{"百万元", 9, MONEY_MILLION, true},
	{"百万", 6, MONEY_MILLION, false},
	{"yuan", 4, MONEY_UNIT, true},
	{"cny", 3, MONEY_UNIT, true},
	{"rmb", 3, MONEY_UNIT, true},
};

#define AREA_MU 0
#define AREA_WAN_MU 1
#define AREA_HECTARE 2
#define AREA_M2 3
#define AREA_WAN_M2 4
#define AREA_KM2 5
#define AREA_NUNITS 6

/* Area words; a word that is a prefix of another comes after it. */
static const UnitWord area_words[] = {
	{"亩", 3, AREA_MU, false},
	{"市亩", 6, AREA_MU, false},
	{"万平方米", 12, AREA_WAN_M2, false},
	{"万亩", 6, AREA_WAN_MU, false},
	{"公顷", 6, AREA_HECTARE, false},
	{"平方米", 9, AREA_M2, false},
	{"平方公里", 12, AREA_KM2, false},
	{"平方千米", 12, AREA_KM2, false},
	{"\xe3\x8e\xa1", 3, AREA_M2, false},	/* ㎡ */
	{"mu", 2, AREA_MU, false},
	{"ha", 2, AREA_HECTARE, false},
	{"hm\xc2\xb2", 4, AREA_HECTARE, false}, /* hm² */
	{"hm2", 3, AREA_HECTARE, false},
	{"m\xc2\xb2", 3, AREA_M2, false},	/* m² */
	{"m2", 2, AREA_M2, false},
	{"sqm", 3, AREA_M2, false},
	{"km\xc2\xb2", 4, AREA_KM2, false}, /* km² */
	{"km2", 3, AREA_KM2, false},
};

static const char *const area_labels[AREA_NUNITS] = {
	"亩", "万亩", "公顷", "平方米", "万平方米", "平方公里"
};

/* ASCII base unit and power of ten of each area word (万亩 = 10^4 mu). */
static const char *const area_ascii[AREA_NUNITS] = {
	"mu", "mu", "ha", "m2", "m2", "km2"
};
static const int area_ascii_exp[AREA_NUNITS] = {0, 4, 0, 0, 4, 0};
static const char *const per_area_ascii[AREA_NUNITS] = {
	"yuan/mu", "yuan/mu", "yuan/ha", "yuan/m2", "yuan/m2", "yuan/km2"
};

/*
 * An area with a multiplier word (千, 万, 百万, 千万, 亿, 万亿) before one of
 * the four base words (千公顷 and 万公顷 of statistical yearbooks): labels
 * by money multiplier index and base word.
 */
#define AREA_MULT_BASES 4
static const int area_mult_base[AREA_MULT_BASES] = {AREA_MU, AREA_HECTARE, AREA_M2, AREA_KM2};

#define AREA_MULT_ROW(mult) \
	{ mult "亩", mult "公顷", mult "平方米", mult "平方公里" }

static const char *const area_mult_labels[][AREA_MULT_BASES] = {
	AREA_MULT_ROW(""), AREA_MULT_ROW("千"), AREA_MULT_ROW("万"),
	AREA_MULT_ROW("百万"), AREA_MULT_ROW("千万"), AREA_MULT_ROW("亿"),
	AREA_MULT_ROW("万亿")
};

/* One area unit in 10^-6 亩: m * 10^a (1 亩 = 2000/3 m²). */
static const struct
{
	uint64_t	m;
	int			a;
}			area_factor[AREA_NUNITS] = {
	{1, 6}, {1, 10}, {15, 6}, {15, 2}, {15, 6}, {15, 8}
};

/* 1 元 per area unit in 10^-4 元/亩: m * 10^a / den. */
static const struct
{
	uint64_t	m;
	int			a;
	uint32_t	den;
}			per_area_factor[AREA_NUNITS] = {
	{1, 4, 1}, {1, 0, 1}, {2, 3, 3}, {2, 7, 3}, {2, 3, 3}, {2, 1, 3}
};

#define PER_AREA_ROW(money) \
	{ money "/亩", money "/万亩", money "/公顷", money "/平方米", \
	  money "/万平方米", money "/平方公里" }

static const char *const per_area_labels[][AREA_NUNITS] = {
	PER_AREA_ROW("元"), PER_AREA_ROW("千元"), PER_AREA_ROW("万元"),
	PER_AREA_ROW("百万元"), PER_AREA_ROW("千万元"), PER_AREA_ROW("亿元"),
	PER_AREA_ROW("万亿元")
};

static const uint64_t pow10_u64[20] = {
	UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000),
	UINT64_C(10000), UINT64_C(100000), UINT64_C(1000000),
	UINT64_C(10000000), UINT64_C(100000000), UINT64_C(1000000000),
	UINT64_C(10000000000), UINT64_C(100000000000),
	UINT64_C(1000000000000), UINT64_C(10000000000000),
	UINT64_C(100000000000000), UINT64_C(1000000000000000),
	UINT64_C(10000000000000000), UINT64_C(100000000000000000),
	UINT64_C(1000000000000000000), UINT64_C(10000000000000000000)
};

/* Range details per kind (ASCII only: they may reach any client encoding). */
static const char *const range_details[QUANTITY_NKINDS] = {
	"The value must lie between -9223372036854.775808 and 9223372036854.775807 mu.",
	"The value must lie between -92233720368547758.08 and 92233720368547758.07 yuan.",
	"The value must lie between -922337203685477.5808 and 922337203685477.5807 yuan/mu."
};

/* Fill *err and return false. */
static bool
fail(QuantityError *err, QuantityStatus status, size_t pos, const char *detail)
{
	err->status = status;
	err->position = pos > (size_t) INT32_MAX ? INT32_MAX : (int) pos;
	err->detail = detail;
	return false;
}

/* Does s[pos..len) start with the n bytes of lit? */
static inline bool
has(const unsigned char *s, size_t pos, size_t len, const char *lit, size_t n)
{
	return pos <= len && len - pos >= n && memcmp(s + pos, lit, n) == 0;
}

/* Byte length of a space (the project's one set, whitespace.h) at pos, or 0. */
static inline size_t
space_len(const unsigned char *s, size_t pos, size_t len)
{
	return industry_space_len(s, pos, len);
}

/* Position of the first non-space at or after pos. */
static inline size_t
skip_spaces(const unsigned char *s, size_t pos, size_t len)
{
	size_t		n;

	while ((n = space_len(s, pos, len)) > 0)
		pos += n;
	return pos;
}

/* Byte length of a sign (+ - − ＋ －) at pos, or 0; sets *neg for minus. */
static size_t
sign_len(const unsigned char *s, size_t pos, size_t len, bool *neg)
{
	if (pos >= len)
		return 0;
	if (s[pos] == '+' || s[pos] == '-')
	{
		*neg = (s[pos] == '-');
		return 1;
	}
	if (has(s, pos, len, "\xe2\x88\x92", 3) ||	/* − U+2212 */
		has(s, pos, len, "\xef\xbc\x8d", 3))	/* － U+FF0D */
	{
		*neg = true;
		return 3;
	}
	if (has(s, pos, len, "\xef\xbc\x8b", 3))	/* ＋ U+FF0B */
	{
		*neg = false;
		return 3;
	}
	return 0;
}

/* Byte length of a currency sign (¥ or ￥) at pos, or 0. */
static size_t
yen_len(const unsigned char *s, size_t pos, size_t len)
{
	if (has(s, pos, len, "\xc2\xa5", 2))	/* ¥ U+00A5 */
		return 2;
	if (has(s, pos, len, "\xef\xbf\xa5", 3))	/* ￥ U+FFE5 */
		return 3;
	return 0;
}

/* Byte length of a per-area separator (/ ／ 每) at pos, or 0. */
static size_t
per_len(const unsigned char *s, size_t pos, size_t len)
{
	if (pos < len && s[pos] == '/')
		return 1;
	if (has(s, pos, len, "\xef\xbc\x8f", 3) ||	/* ／ U+FF0F */
		has(s, pos, len, "每", 3))
		return 3;
	return 0;
}

/*
 * Classify the mantissa character at pos (< len): a digit value 0..9,
 * TOK_SEP, TOK_POINT or TOK_OTHER; *n gets its byte length.
 */
static inline int
mant_token(const unsigned char *s, size_t pos, size_t len, size_t *n)
{
	unsigned char c = s[pos];

	*n = 1;
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c == '.')
		return TOK_POINT;
	if (c == ',')
		return TOK_SEP;
	if (c == 0xEF && len - pos >= 3 && s[pos + 1] == 0xBC)
	{
		unsigned char d = s[pos + 2];

		*n = 3;
		if (d >= 0x90 && d <= 0x99) /* ０-９ U+FF10..U+FF19 */
			return d - 0x90;
		if (d == 0x8C)			/* ， U+FF0C */
			return TOK_SEP;
		if (d == 0x8E)			/* ． U+FF0E */
			return TOK_POINT;
	}
	return TOK_OTHER;
}

/*
 * Scan a number at pos: mantissa with optional thousands separators and
 * decimal point, then an optional exponent.
 */
static bool
scan_number(const unsigned char *s, size_t pos, size_t len, NumScan *ns,
			QuantityError *err)
{
	size_t		n;
	size_t		group = 0;		/* digits since the last separator */
	size_t		last_sep = 0;
	bool		seen_sep = false;
	bool		in_frac = false;
	bool		lead_zero = false;

	ns->start = pos;
	ns->ndig = 0;
	ns->nint = 0;
	ns->first_nz = SIZE_MAX;
	ns->mant = 0;
	ns->exp = 0;

	while (pos < len)
	{
		int			t = mant_token(s, pos, len, &n);

		if (t >= 0)
		{
			if (ns->ndig < 19)
				ns->mant = ns->mant * 10 + (uint64_t) t;
			if (t != 0 && ns->first_nz == SIZE_MAX)
				ns->first_nz = ns->ndig;
			if (!in_frac)
			{
				if (ns->nint == 0 && t == 0)
					lead_zero = true;
				ns->nint++;
				group++;
			}
			ns->ndig++;
		}
		else if (t == TOK_SEP)
		{
			if (in_frac)
				return fail(err, QUANTITY_SYNTAX_ERROR, pos,
							"Thousands separators are not allowed after the decimal point.");
			if (ns->nint == 0 || lead_zero ||
				(seen_sep ? group != 3 : group > 3))
				return fail(err, QUANTITY_SYNTAX_ERROR, pos,
							"Thousands separators must separate groups of three digits.");
			seen_sep = true;
			last_sep = pos;
			group = 0;
		}
		else if (t == TOK_POINT)
		{
			if (in_frac)
				return fail(err, QUANTITY_SYNTAX_ERROR, pos,
							"A number can have only one decimal point.");
			if (seen_sep && group != 3)
				return fail(err, QUANTITY_SYNTAX_ERROR, last_sep,
							"Thousands separators must separate groups of three digits.");
			in_frac = true;
		}
		else
			break;
		pos += n;
	}
	if (!in_frac && seen_sep && group != 3)
		return fail(err, QUANTITY_SYNTAX_ERROR, last_sep,
					"Thousands separators must separate groups of three digits.");
	if (ns->ndig == 0)
		return fail(err, QUANTITY_SYNTAX_ERROR, ns->start,
					ns->start < len && pos > ns->start ?
					"Expected a digit." : "Expected a number.");
	if (ns->first_nz == SIZE_MAX)
		ns->first_nz = ns->ndig;
	ns->mant_end = pos;

	/* exponent: e or E, optional sign, digits */
	if (pos < len && (s[pos] == 'e' || s[pos] == 'E'))
	{
		bool		eneg = false;
		size_t		ndigits = 0;
		int64_t		e = 0;

		pos++;
		pos += sign_len(s, pos, len, &eneg);
		while (pos < len)
		{
			int			t = mant_token(s, pos, len, &n);

			if (t < 0)
				break;
			if (e < EXP_SATURATE)
				e = e * 10 + t;
			ndigits++;
			pos += n;
		}
		if (ndigits == 0)
			return fail(err, QUANTITY_SYNTAX_ERROR, pos,
						"Expected a digit in the exponent.");
		ns->exp = eneg ? -e : e;
	}
	ns->end = pos;
	return true;
}

/* Iterate the digits of a scanned mantissa: next digit value, or -1. */
static inline int
next_digit(const unsigned char *s, size_t *pos, size_t end)
{
	while (*pos < end)
	{
		size_t		n;
		int			t = mant_token(s, *pos, end, &n);

		*pos += n;
		if (t >= 0)
			return t;
	}
	return -1;
}

/*
 * State of floor(frac(z) * M) after t fraction digits F_t of z:
 * F_t * M = carry * 10^t + 10^t - d, 0 < d <= 10^t (see exact_round).
 */
typedef struct FracState
{
	__int128	mult;			/* M */
	__int128	big;			/* 10 * M: 10^t is not tracked beyond this */
	__int128	d;
	__int128	pw;				/* 10^t, saturated at big */
	uint128		carry;
} FracState;

/* Feed the next fraction digit; return true once the carry is final. */
static inline bool
fraction_step(FracState *st, int dig)
{
	__int128	dn = st->d * 10 - (__int128) dig * st->mult;
	__int128	pw_next = st->pw < st->big ? st->pw * 10 : st->big;

	if (dn > 0)
		st->d = dn;
	else if (pw_next >= st->big)
	{
		/* 10^(t+1) >= 10 * M > -dn: exactly one carry, then d >= M */
		st->carry += 1;
		st->d = pw_next + dn;
	}
	else
	{
		__int128	phi = pw_next - dn;

		st->carry += (uint128) (phi / pw_next);
		st->d = pw_next - phi % pw_next;
	}
	st->pw = pw_next;
	return st->d >= st->mult;
}

/*
 * Exact rounding of the scanned number times the factor m * 10^a / den,
 * half away from zero, into *mag (the magnitude).  Returns false if the
 * magnitude exceeds limit.
 *
 * With z = |x| * 10^a and M = 2m, the result is
 *	 floor(|x| * f + 1/2) = (floor(floor(z * M) / den) + 1) / 2	(integer /),
 * so only floor(z * M) is needed: the integer part of z (bounded, since
 * the result is) times M, plus floor(frac(z) * M).  The latter is computed
 * digit by digit: after t fraction digits F_t, write F_t * M = c * 10^t +
 * 10^t - D with 0 < D <= 10^t.  The remaining digits add less than M (in
 * units of 10^-t), so once D >= M the carry c is final.  While D < M the
 * state is small; 10^t itself is only needed until it exceeds 10 * M,
 * after which a carry (D <= 0) happens at most once and ends the scan.
 */
static bool
exact_round(const unsigned char *s, const NumScan *ns, const Factor *f,
			uint64_t limit, uint64_t *mag)
{
	int64_t		point;			/* digits of the mantissa before the point of z */
	int64_t		sig_int;		/* significant integer digits of z */
	uint128		mult = (uint128) f->m * 2;
	uint128		zint = 0;
	uint128		total;
	uint128		bound;
	uint128		q;
	FracState	st;
	bool		done = false;
	size_t		pos = ns->start;
	int64_t		i;
	int			dig;

	if (ns->first_nz == ns->ndig)
	{
		*mag = 0;
		return true;
	}
	st.mult = (__int128) mult;
	st.big = (__int128) mult * 10;
	st.d = 1;
	st.pw = 1;
	st.carry = 0;
	point = (int64_t) ns->nint + ns->exp + f->a;
	sig_int = point - (int64_t) ns->first_nz;
	if (sig_int > 38)
		return false;			/* z * m / den >= 10^37 * 2 / 3: beyond int64 */
	if (sig_int < -40)
	{
		*mag = 0;				/* z * m / den < 10^-40 * 15: rounds to 0 */
		return true;
	}

	/* virtual leading zeros of the fraction (point < 0, at most 40) */
	for (i = point; i < 0 && !done; i++)
		done = fraction_step(&st, 0);

	for (i = 0; !done && (dig = next_digit(s, &pos, ns->mant_end)) >= 0; i++)
	{
		if (i < point)
		{
			if (i >= (int64_t) ns->first_nz)
				zint = zint * 10 + (unsigned) dig;
		}
		else
			done = fraction_step(&st, dig);
	}
	/* trailing virtual zeros of the integer part */
	for (i = (int64_t) ns->ndig; i < point; i++)
		zint *= 10;

	/* result = (floor((zint * M + carry) / den) + 1) / 2 <= limit */
	bound = (uint128) f->den * ((uint128) limit * 2 + 1);
	if (zint > bound / mult)
		return false;
	total = zint * mult + st.carry;
	q = (total / f->den + 1) / 2;
	if (q > limit)
		return false;
	*mag = (uint64_t) q;
	return true;
}

/*
 * Multiply the scanned value by the factor and round, into *result.
 */
static bool
scale_number(QuantityKind kind, const unsigned char *s, const NumScan *ns,
			 bool neg, const Factor *f, size_t errpos, int64_t *result,
			 QuantityError *err)
{
	uint64_t	limit = neg ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
	uint64_t	mag;

	/* fast path: few digits, no rounding needed */
	if (ns->ndig <= 19 && f->den == 1 &&
		(int64_t) ns->nint + ns->exp + f->a >= (int64_t) ns->ndig)
	{
		int64_t		shift = (int64_t) ns->nint + ns->exp + f->a - (int64_t) ns->ndig;
		uint128		fac;
		uint128		prod;

		if (ns->mant == 0)
			mag = 0;
		else
		{
			if (shift > 19)
				return fail(err, QUANTITY_OUT_OF_RANGE, errpos, range_details[kind]);
			fac = (uint128) f->m * pow10_u64[shift];
			if (fac > (uint128) limit)
				return fail(err, QUANTITY_OUT_OF_RANGE, errpos, range_details[kind]);
			prod = fac * ns->mant;
			if (prod > (uint128) limit)
				return fail(err, QUANTITY_OUT_OF_RANGE, errpos, range_details[kind]);
			mag = (uint64_t) prod;
		}
	}
	else if (!exact_round(s, ns, f, limit, &mag))
		return fail(err, QUANTITY_OUT_OF_RANGE, errpos, range_details[kind]);

	if (!neg)
		*result = (int64_t) mag;
	else if (mag == (uint64_t) INT64_MAX + 1)
		*result = INT64_MIN;
	else
		*result = -(int64_t) mag;
	return true;
}

/* Is c an ASCII letter or digit? */
static inline bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

/*
 * Match one of words at pos (ASCII letters case-insensitively; an ASCII
 * word must not run on into further letters or digits).  Returns the
 * matched word or NULL.
 */
static const UnitWord *
match_word(const UnitWord *words, size_t nwords, const unsigned char *s,
		   size_t pos, size_t len)
{
	size_t		w;

	for (w = 0; w < nwords; w++)
	{
		const UnitWord *u = &words[w];
		size_t		k;

		if (len - pos < u->len)
			continue;
		for (k = 0; k < u->len; k++)
		{
			unsigned char c = s[pos + k];

			if (c >= 'A' && c <= 'Z')
				c = (unsigned char) (c - 'A' + 'a');
			if (c != (unsigned char) u->text[k])
				break;
		}
		if (k < u->len)
			continue;
		if (ascii_alnum((unsigned char) u->text[u->len - 1]) &&
			pos + u->len < len && ascii_alnum(s[pos + u->len]))
			continue;
		return u;
	}
	return NULL;
}

#define lengthof(a) (sizeof(a) / sizeof((a)[0]))

/* Match a money word at pos. */
static inline const UnitWord *
match_money(const unsigned char *s, size_t pos, size_t len)
{
	if (pos >= len)
		return NULL;
	return match_word(money_words, lengthof(money_words), s, pos, len);
}

/* Match an area word at pos. */
static inline const UnitWord *
match_area(const unsigned char *s, size_t pos, size_t len)
{
	if (pos >= len)
		return NULL;
	return match_word(area_words, lengthof(area_words), s, pos, len);
}

/* The base unit of a kind. */
static void
base_factor(QuantityKind kind, Factor *f)
{
	f->den = 1;
	switch (kind)
	{
		case QUANTITY_AREA:
			f->m = 1;
			f->a = 6;
			f->label = area_labels[AREA_MU];
			f->ascii_base = "mu";
			break;
		case QUANTITY_MONEY:
			f->m = 1;
			f->a = 2;
			f->label = money_labels[MONEY_UNIT];
			f->ascii_base = "yuan";
			break;
		default:
			f->m = 1;
			f->a = 4;
			f->label = per_area_labels[MONEY_UNIT][AREA_MU];
			f->ascii_base = "yuan/mu";
			break;
	}
	f->ascii_exp = 0;
}

/*
 * Parse the unit at *pos (after the number and its spaces) for kind.
 * Empty means the base unit.  yen says a currency sign was given: then a
 * money part naming the currency is refused and may be left out.  On
 * success *pos is the byte after the unit.
 */
static bool
parse_unit(QuantityKind kind, const unsigned char *s, size_t *pos, size_t len,
		   bool yen, Factor *f, QuantityError *err)
{
	size_t		p = *pos;
	const UnitWord *money = NULL;
	const UnitWord *area = NULL;
	int			money_id = MONEY_UNIT;

	if (p >= len)
	{
		base_factor(kind, f);
		return true;
	}

	if (kind == QUANTITY_AREA)
	{
		area = match_area(s, p, len);
		if (area != NULL)
		{
			f->m = area_factor[area->id].m;
			f->a = area_factor[area->id].a;
			f->den = 1;
			f->label = area_labels[area->id];
			f->ascii_base = area_ascii[area->id];
			f->ascii_exp = area_ascii_exp[area->id];
			*pos = p + area->len;
			return true;
		}
		money = match_money(s, p, len);
		if (money == NULL)
			return fail(err, QUANTITY_SYNTAX_ERROR, p, "Unknown unit.");
		if (money->currency)
			return fail(err, QUANTITY_SYNTAX_ERROR, p,
						"A money unit is not valid for an area.");
		/* a multiplier word, then a base area word: 千公顷, 万平方公里 */
		area = match_area(s, p + money->len, len);
		if (area != NULL)
		{
			int			b;

			for (b = 0; b < AREA_MULT_BASES; b++)
				if (area_mult_base[b] == area->id)
				{
					f->m = area_factor[area->id].m;
					f->a = area_factor[area->id].a + money_exp10[money->id];
					f->den = 1;
					f->label = area_mult_labels[money->id][b];
					f->ascii_base = area_ascii[area->id];
					f->ascii_exp = money_exp10[money->id];
					*pos = p + money->len + area->len;
					return true;
				}
		}
		return fail(err, QUANTITY_SYNTAX_ERROR, p + money->len,
					"Expected an area unit (mu, hectare, square metre or square kilometre) after the multiplier.");
	}

	money = match_money(s, p, len);
	if (money != NULL)
	{
		if (yen && money->currency)
			return fail(err, QUANTITY_SYNTAX_ERROR, p,
						"A currency sign cannot be combined with a unit that names the currency.");
		money_id = money->id;
		p += money->len;
	}
	else if (!yen || kind == QUANTITY_MONEY || per_len(s, p, len) == 0)
	{
		if (match_area(s, p, len) != NULL)
			return fail(err, QUANTITY_SYNTAX_ERROR, p,
						kind == QUANTITY_MONEY ?
						"An area unit is not valid for an amount of money." :
						"Expected a money unit before the area unit.");
		return fail(err, QUANTITY_SYNTAX_ERROR, p, "Unknown unit.");
	}

	if (kind == QUANTITY_MONEY)
	{
		size_t		q = skip_spaces(s, p, len);

		if (per_len(s, q, len) > 0)
			return fail(err, QUANTITY_SYNTAX_ERROR, q,
						"A unit per area is not valid for an amount of money.");
		f->m = 1;
		f->a = 2 + money_exp10[money_id];
		f->den = 1;
		f->label = money_labels[money_id];
		f->ascii_base = "yuan";
		f->ascii_exp = money_exp10[money_id];
		*pos = p;
		return true;
	}

	/* per area: money, optional spaces, / or 每, optional spaces, area */
	{
		size_t		q = skip_spaces(s, p, len);
		size_t		n = per_len(s, q, len);

		if (n == 0)
			return fail(err, QUANTITY_SYNTAX_ERROR, q,
						"Expected \"/\" and an area unit after the money unit.");
		q = skip_spaces(s, q + n, len);
		area = match_area(s, q, len);
		if (area == NULL)
			return fail(err, QUANTITY_SYNTAX_ERROR, q,
						"Expected an area unit after \"/\".");
		f->m = per_area_factor[area->id].m;
		f->a = per_area_factor[area->id].a + money_exp10[money_id];
		f->den = per_area_factor[area->id].den;
		f->label = per_area_labels[money_id][area->id];
		f->ascii_base = per_area_ascii[area->id];
		f->ascii_exp = money_exp10[money_id] - area_ascii_exp[area->id];
		*pos = q + area->len;
		return true;
	}
}

/*
 * Scan the shape of nearly every bulk-loaded value, [-]digits[.digits] in
 * ASCII with at most 19 digits, at the start of s, in one tight loop.
 * Returns false, without a verdict, when the text might be anything else
 * (leading space, sign or currency sign, separator, exponent, full-width
 * character, second point); the general scanner then starts over.  When it
 * returns true, *ns is what scan_number would have produced.
 */
static inline bool
scan_plain(const unsigned char *s, size_t len, NumScan *ns, bool *neg)
{
	size_t		pos = 0;
	size_t		ndig = 0;
	size_t		nint = 0;
	size_t		first_nz = SIZE_MAX;
	uint64_t	m = 0;
	bool		point = false;

	*neg = false;
	if (len > 0 && s[0] == '-')
	{
		*neg = true;
		pos = 1;
	}
	ns->start = pos;
	for (; pos < len; pos++)
	{
		unsigned	c = (unsigned) s[pos] - '0';

		if (c < 10)
		{
			if (c != 0 && first_nz == SIZE_MAX)
				first_nz = ndig;
			m = m * 10 + c;
			ndig++;
			if (!point)
				nint++;
		}
		else if (s[pos] == '.' && !point)
			point = true;
		else
			break;
	}
	if (ndig == 0 || ndig > 19)
		return false;
	if (pos < len && (s[pos] == '.' || s[pos] == ',' || s[pos] == 'e' ||
					  s[pos] == 'E' || s[pos] == 0xEF))
		return false;
	ns->mant_end = pos;
	ns->end = pos;
	ns->ndig = ndig;
	ns->nint = nint;
	ns->first_nz = first_nz == SIZE_MAX ? ndig : first_nz;
	ns->mant = m;
	ns->exp = 0;
	return true;
}

/*
 * Parse str[0..len) as a value of kind (see quantity.h).
 */
bool
quantity_parse(QuantityKind kind, const char *str, size_t len,
			   int64_t *result, QuantityError *err)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		pos;
	size_t		n;
	size_t		value_pos = 0;
	size_t		yen_pos = 0;
	bool		neg = false;
	bool		yen = false;
	NumScan		ns;
	Factor		f;

	err->status = QUANTITY_OK;
	err->position = 0;
	err->detail = NULL;

	if (!scan_plain(s, len, &ns, &neg))
	{
		neg = false;
		pos = skip_spaces(s, 0, len);
		value_pos = pos;
		if ((n = yen_len(s, pos, len)) > 0)
		{
			yen = true;
			yen_pos = pos;
			pos = skip_spaces(s, pos + n, len);
		}
		pos += sign_len(s, pos, len, &neg);
		if (!yen && (n = yen_len(s, pos, len)) > 0)
		{
			yen = true;
			yen_pos = pos;
			pos = skip_spaces(s, pos + n, len);
		}
		if (yen && kind == QUANTITY_AREA)
			return fail(err, QUANTITY_SYNTAX_ERROR, yen_pos,
						"A currency sign is not valid for an area.");
		if (!scan_number(s, pos, len, &ns, err))
			return false;
	}

	pos = skip_spaces(s, ns.end, len);
	if (!parse_unit(kind, s, &pos, len, yen, &f, err))
		return false;
	pos = skip_spaces(s, pos, len);
	if (pos < len)
		return fail(err, QUANTITY_SYNTAX_ERROR, pos,
					"Unexpected text after the unit.");

	return scale_number(kind, s, &ns, neg, &f, value_pos, result, err);
}

/*
 * Parse a unit name alone for kind (see quantity.h).
 */
bool
quantity_unit_parse(QuantityKind kind, const char *str, size_t len,
					QuantityUnit *unit)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		pos = skip_spaces(s, 0, len);
	QuantityError err;
	Factor		f;
	__int128	num;
	int			k;

	if (!parse_unit(kind, s, &pos, len, false, &f, &err))
		return false;
	pos = skip_spaces(s, pos, len);
	if (pos < len)
		return false;
	num = (__int128) f.m;
	for (k = 0; k < f.a; k++)
		num *= 10;
	unit->num = num;
	unit->den = f.den;
	unit->label = f.label;
	unit->ascii_base = f.ascii_base;
	unit->ascii_exp = f.ascii_exp;
	return true;
}

/*
 * The money word at the start of str[0..len) (see quantity.h).
 */
size_t
quantity_money_word(const char *str, size_t len, int *exp10, bool *currency)
{
	const UnitWord *w = match_money((const unsigned char *) str, 0, len);

	if (w == NULL)
		return 0;
	*exp10 = money_exp10[w->id];
	*currency = w->currency;
	return w->len;
}

/*
 * Write mag / 10^scale as a decimal (trailing fractional zeros trimmed)
 * at p, with a leading minus if neg; return the end.
 */
static char *
write_decimal(char *p, uint64_t mag, bool neg, int scale)
{
	char		tmp[24];
	int			n = 0;
	uint64_t	ip = mag / pow10_u64[scale];
	uint64_t	fp = mag % pow10_u64[scale];

	if (neg)
		*p++ = '-';
	do
	{
		tmp[n++] = (char) ('0' + ip % 10);
		ip /= 10;
	} while (ip != 0);
	while (n > 0)
		*p++ = tmp[--n];
	if (fp != 0)
	{
		int			k;

		while (fp % 10 == 0)
		{
			fp /= 10;
			scale--;
		}
		*p++ = '.';
		for (k = scale - 1; k >= 0; k--)
		{
			p[k] = (char) ('0' + fp % 10);
			fp /= 10;
		}
		p += scale;
	}
	return p;
}

/*
 * Write the canonical text of value: a plain decimal in the base unit
 * (see quantity.h).
 */
size_t
quantity_format_plain(QuantityKind kind, int64_t value, char *buf)
{
	static const int scales[QUANTITY_NKINDS] = {6, 2, 4};
	bool		neg = value < 0;
	uint64_t	mag = neg ? (uint64_t) 0 - (uint64_t) value : (uint64_t) value;
	char	   *p = write_decimal(buf, mag, neg, scales[kind]);

	*p = '\0';
	return (size_t) (p - buf);
}

/*
 * Write the display text of value with a unit chosen by magnitude (see
 * quantity.h).
 */
size_t
quantity_format(QuantityKind kind, int64_t value, bool ascii, char *buf)
{
	bool		neg = value < 0;
	uint64_t	mag = neg ? (uint64_t) 0 - (uint64_t) value : (uint64_t) value;
	int			scale;
	const char *unit;
	size_t		ulen;
	char	   *p;

	switch (kind)
	{
		case QUANTITY_AREA:
			scale = 6;
			unit = ascii ? " mu" : "亩";
			break;
		case QUANTITY_MONEY:
			if (ascii)
			{
				scale = 2;
				unit = " yuan";
			}
			else if (mag >= UINT64_C(10000000000))
			{
				scale = 10;
				unit = "亿元";
			}
			else if (mag >= UINT64_C(1000000))
			{
				scale = 6;
				unit = "万元";
			}
			else
			{
				scale = 2;
				unit = "元";
			}
			break;
		default:
			if (ascii)
			{
				scale = 4;
				unit = " yuan/mu";
			}
			else if (mag >= UINT64_C(100000000))
			{
				scale = 8;
				unit = "万元/亩";
			}
			else
			{
				scale = 4;
				unit = "元/亩";
			}
			break;
	}
	p = write_decimal(buf, mag, neg, scale);
	ulen = strlen(unit);
	memcpy(p, unit, ulen);
	p += ulen;
	*p = '\0';
	return (size_t) (p - buf);
}
