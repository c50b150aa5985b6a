/*-------------------------------------------------------------------------
 *
 * policy_amount.c
 *	  政策兑现 engine: exact amount arithmetic in 分 (rate × base × days of
 *	  the year, stages, pro rata budgets with the largest remainder, land in
 *	  平方米) and the numbers of the Chinese explanations.
 *
 *	  Every amount is an exact rational until the one rounding to the 分
 *	  (half away from zero, 四舍五入); overflow raises 22003.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "decimal.h"
#include "industry.h"
#include "lib/stringinfo.h"
#include "policy.h"
#include "utils/datetime.h"

/* Raise 22003 for an amount that does not fit in yuan. */
pg_attribute_noreturn()
static void
amount_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("yuan out of range"),
			 errdetail("A policy amount does not fit in the yuan type.")));
}

/* A rational amount in 元 rounded half away from zero to the 分. */
int64
policy_rat_to_fen(Rat yuan)
{
	int128		n;

	if (__builtin_mul_overflow(yuan.n, (int128) 100, &n))
	{
		yuan = rat_reduce(yuan);
		if (__builtin_mul_overflow(yuan.n, (int128) 100, &n))
			amount_out_of_range();
	}
	n = int128_div_round(n, yuan.d);
	if (n > PG_INT64_MAX || n < PG_INT64_MIN)
		amount_out_of_range();
	return (int64) n;
}

/* As policy_rat_to_fen, but false instead of an error when it does not fit yuan. */
bool
policy_rat_fits_fen(Rat yuan, int64 *fen)
{
	int128		n;

	if (__builtin_mul_overflow(yuan.n, (int128) 100, &n))
	{
		yuan = rat_reduce(yuan);
		if (__builtin_mul_overflow(yuan.n, (int128) 100, &n))
			return false;
	}
	n = int128_div_round(n, yuan.d);
	if (n > PG_INT64_MAX || n < PG_INT64_MIN)
		return false;
	*fen = (int64) n;
	return true;
}

/* Julian day of a DateADT. */
static int
date_julian(DateADT d)
{
	return (int) d + POSTGRES_EPOCH_JDATE;
}

/* Days of the calendar year y (365 or 366). */
static int32
calendar_year_days(int y)
{
	return date2j(y + 1, 1, 1) - date2j(y, 1, 1);
}

/*
 * Days of the year that begins on start: to the same day a year later, or
 * to 28 February after a 29 February start (as date + interval '1 year').
 */
int32
policy_year_days(DateADT start)
{
	int			y,
				m,
				d;
	int			j = date_julian(start);

	j2date(j, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return date2j(y + 1, m, d) - j;
}

/*
 * The fraction of a year in [start, end): loan_year counts days over the
 * days of the year from start (at most one year); calendar adds, for every
 * calendar year touched, its days over that year's days.  *days is the
 * number of days counted; detail (may be NULL) gets the calendar split.
 */
Rat
policy_year_fraction(DateADT start, DateADT end, PolicyDayCount dc, int32 *days,
					 StringInfo detail)
{
	int32		total = (int32) (end - start);

	if (dc == POLICY_LOAN_YEAR)
	{
		int32		yd = policy_year_days(start);

		if (total > yd)
			total = yd;
		*days = total;
		return rat_make(total, yd);
	}
	else
	{
		Rat			f = rat_make(0, 1);
		int			j = date_julian(start);
		int			jend = date_julian(end);
		bool		first = true;

		*days = total;
		while (j < jend)
		{
			int			y,
						m,
						d;
			int			next;
			int32		n;

			j2date(j, &y, &m, &d);
			next = Min(date2j(y + 1, 1, 1), jend);
			n = next - j;
			f = rat_add(f, rat_make(n, calendar_year_days(y)));
			if (detail)
				appendStringInfo(detail, "%s%d年%d天÷%d", first ? "" : "、", y, n,
								 calendar_year_days(y));
			first = false;
			j = next;
		}
		return f;
	}
}

/* base (分) × rate × fraction, rounded to the 分. */
int64
policy_rate_fen(int64 base_fen, Rat rate, Rat fraction)
{
	Rat			base = rat_make(base_fen, 100);

	return policy_rat_to_fen(rat_mul(rat_mul(base, rate), fraction));
}

/*
 * Stage n (1-based) of a total paid in stages: the rounded cumulative
 * amount after stage n less the one after stage n - 1, so the stages add
 * up to the rounded total of all shares.
 */
int64
policy_stage_fen(int64 total_fen, const Rat *shares, int nshares, int stage)
{
	Rat			total = rat_make(total_fen, 100);
	Rat			cum = rat_make(0, 1);
	int64		before = 0;
	int64		after = 0;
	int			i;

	if (stage < 1 || stage > nshares)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stage %d is not between 1 and %d", stage, nshares)));
	for (i = 0; i < stage; i++)
	{
		before = after;
		cum = rat_add(cum, shares[i]);
		after = policy_rat_to_fen(rat_mul(total, cum));
	}
	return after - before;
}

/* one amount's remainder in a pro rata share-out */
typedef struct Remainder
{
	int128		rem;
	int			index;
} Remainder;

/* Larger remainder first, then the lower index. */
static int
remainder_cmp(const void *a, const void *b)
{
	const Remainder *x = a;
	const Remainder *y = b;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/*
 * Share a budget over non-negative amounts (分): if they add up to more
 * than the budget, each gets floor(amount × budget / total) and the 分 left
 * over go one each to the largest remainders (ties: the lower index), so
 * the shares add up to the budget exactly.  Otherwise out = amounts.
 */
void
policy_allocate_pro_rata(const int64 *amounts, int n, int64 budget, int64 *out)
{
	int128		total = 0;
	int128		given = 0;
	Remainder  *rems;
	int			i;
	int64		left;

	for (i = 0; i < n; i++)
		total += amounts[i];
	if (total <= budget)
	{
		memcpy(out, amounts, sizeof(int64) * n);
		return;
	}
	rems = palloc(sizeof(Remainder) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		int128		p = (int128) amounts[i] * budget;

		out[i] = (int64) (p / total);
		rems[i].rem = p % total;
		rems[i].index = i;
		given += out[i];
	}
	left = (int64) (budget - given);
	Assert(left >= 0 && left <= n);
	qsort(rems, n, sizeof(Remainder), remainder_cmp);
	for (i = 0; i < left; i++)
		out[rems[i].index] += 1;
	pfree(rems);
}

/* Land in 10^-6 亩 as 平方米: 1亩 = 10000/15 平方米. */
Rat
policy_mu_to_m2(int64 micro_mu)
{
	return rat_make((int128) micro_mu * 10000, (int128) 15 * 1000000);
}

/* Append |v| / 10^digits with trailing zeros stripped, sign first. */
static void
append_scaled(StringInfo s, int128 v, int digits)
{
	char		buf[INT128_BUFSIZE];
	int128		scale = 1;
	int128		ip,
				fp;
	int			i;

	for (i = 0; i < digits; i++)
		scale *= 10;
	if (v < 0)
	{
		appendStringInfoChar(s, '-');
		v = -v;
	}
	ip = v / scale;
	fp = v % scale;
	*int128_to_chars(ip, buf) = '\0';
	appendStringInfoString(s, buf);
	if (fp != 0)
	{
		char		frac[48];
		int			len = digits;

		for (i = digits - 1; i >= 0; i--)
		{
			frac[i] = '0' + (int) (fp % 10);
			fp /= 10;
		}
		while (len > 0 && frac[len - 1] == '0')
			len--;
		frac[len] = '\0';
		appendStringInfo(s, ".%s", frac);
	}
}

/*
 * Money as explanations write it: 万元 with at most two decimals from 1万元
 * up ("2.74万元", "12万元"), else 元 with at most two decimals ("150元").
 * With exact, 万元 only when two decimals of 万元 hold the amount, else 元
 * ("9999999.99元"): for the data a threshold is compared with, so that a
 * rounded figure never seems to reach a band it misses.
 */
void
policy_append_money(StringInfo s, int64 fen, bool exact)
{
	int64		a = fen < 0 ? -fen : fen;

	if (a >= 1000000 && (!exact || fen % 10000 == 0))
	{
		append_scaled(s, int128_div_round(fen, 10000), 2);
		appendStringInfoString(s, "万元");
	}
	else
	{
		append_scaled(s, fen, 2);
		appendStringInfoString(s, "元");
	}
}

/* A rational as a decimal with at most max_digits decimals (四舍五入). */
void
policy_append_rat(StringInfo s, Rat r, int max_digits)
{
	int128		scale = 1;
	int128		n;
	int			i;

	for (i = 0; i < max_digits; i++)
		scale *= 10;
	if (__builtin_mul_overflow(r.n, scale, &n))
	{
		r = rat_reduce(r);
		if (__builtin_mul_overflow(r.n, scale, &n))
			rat_overflow();
	}
	append_scaled(s, int128_div_round(n, r.d), max_digits);
}

/* A fraction as a percentage: 0.01 -> "1%", 0.005 -> "0.5%". */
void
policy_append_percent(StringInfo s, Rat fraction)
{
	policy_append_rat(s, rat_mul(fraction, rat_make(100, 1)), 4);
	appendStringInfoChar(s, '%');
}
