/*-------------------------------------------------------------------------
 *
 * growth.c
 *	  Growth statistics as official bulletins state them: 同比/环比 growth,
 *	  its status for zero and negative bases, report phrases (增长8.0%,
 *	  增长1.79倍, 由亏转盈, 回落3.6个百分点), 两年平均 and 年均 (CAGR) rates,
 *	  拉动 and 贡献率, and the parallel-safe aggregates 累计 (year to date)
 *	  and 可比口径 (comparable caliber).
 *
 * Every input is first turned into an exact numeric: numeric as is, int8
 * and the int64 fixed-point types (mu_area, yuan, yuan_per_mu) as their
 * stored integers (every result here is a ratio of two values of one type,
 * so the scale cancels), and float8 as its shortest round-trip decimal (the
 * digits float8out prints).  All rounding is then exact decimal rounding
 * half away from zero (四舍五入), done by numeric_div_round() and nowhere else.
 *
 * The aggregates keep a growth_state: a fixed header with the 累计 date
 * window, row counts and int128 sums for the int64 kinds, followed by two
 * numeric sums for the numeric and float8 kinds.  Sums are exact, so serial
 * and parallel plans give identical results; the text form round-trips.
 *
 *-------------------------------------------------------------------------
 */
#include "decimal.h"
#include "kit.h"
#include "whitespace.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

/* Decimal places of every percent result (growth, rates, 拉动, 贡献率). */
#define GROWTH_SCALE		16
/* Working decimal places of the ratio under a root (两年平均, CAGR). */
#define GROWTH_ROOT_SCALE	40
/* Largest digits argument of the phrase functions. */
#define GROWTH_MAX_DIGITS	16

/* How a function's arguments are turned into exact numerics. */
typedef enum GrowthArg
{
	GROWTH_ARG_NUMERIC,
	GROWTH_ARG_FLOAT8,
	GROWTH_ARG_INT64			/* int8, mu_area, yuan, yuan_per_mu */
} GrowthArg;

/* Status of a (current, base) pair; index into the name and phrase tables. */
typedef enum GrowthStatus
{
	GROWTH_NORMAL,				/* base > 0, current >= 0 */
	GROWTH_TURN_LOSS,			/* base > 0, current < 0: 由盈转亏 */
	GROWTH_BASE_ZERO,			/* base = 0 */
	GROWTH_TURN_PROFIT,			/* base < 0, current >= 0: 由亏转盈 */
	GROWTH_LOSS_WIDENED,		/* current < base < 0: 亏损扩大 */
	GROWTH_LOSS_NARROWED,		/* base < current < 0: 亏损收窄 */
	GROWTH_LOSS_UNCHANGED		/* current = base < 0: 亏损持平 */
} GrowthStatus;

static const char *const growth_status_names[] = {
	"normal", "turn_loss", "base_zero", "turn_profit",
	"loss_widened", "loss_narrowed", "loss_unchanged"
};

/* Fixed phrases (UTF-8) of the statuses that have no percentage. */
static const char *const growth_status_phrases[] = {
	NULL, "由盈转亏", NULL, "由亏转盈", "亏损扩大", "亏损收窄", "亏损持平"
};

/*
 * What an aggregate state sums.  The int64 kinds keep int128 sums of stored
 * units; numeric and float8 keep exact numeric sums.  Values are part of the
 * text form of growth_state, so never renumber them.
 */
typedef enum GrowthKind
{
	GROWTH_KIND_NUMERIC = 0,
	GROWTH_KIND_FLOAT8 = 1,
	GROWTH_KIND_INT8 = 2,
	GROWTH_KIND_MU_AREA = 3,
	GROWTH_KIND_YUAN = 4,
	GROWTH_KIND_YUAN_PER_MU = 5
} GrowthKind;

#define GROWTH_NKINDS 6
#define GROWTH_KIND_IS_INT64(k) ((k) >= GROWTH_KIND_INT8)

static const char *const growth_kind_names[GROWTH_NKINDS] = {
	"numeric", "float8", "int8", "mu_area", "yuan", "yuan_per_mu"
};

/*
 * The aggregate state (SQL type growth_state, varlena, STORAGE plain,
 * ALIGNMENT double).  For the numeric kinds two Numerics follow the header,
 * each at a MAXALIGNed offset.  Built with palloc0 so that padding is zero
 * and equal states are equal byte for byte.
 */
typedef struct GrowthState
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		kind;			/* GrowthKind */
	bool		has_as_of;		/* as_of and the windows below are set */
	uint16		unused;			/* zero */
	DateADT		as_of;			/* 累计: the date the group reports up to */
	DateADT		current_lo;		/* 累计 windows derived from as_of: */
	DateADT		current_hi;		/* [current_lo, current_hi) this year, */
	DateADT		base_lo;		/* [base_lo, base_hi) the same months */
	DateADT		base_hi;		/* of the previous year */
	int64		n_current;		/* rows summed into the current sum */
	int64		n_base;			/* rows summed into the base sum */
	int128		sum_current;	/* int64 kinds: sums in stored units */
	int128		sum_base;
} GrowthState;

#define GROWTH_STATE_HDRSZ	MAXALIGN(sizeof(GrowthState))

#define DatumGetGrowthState(X)		((GrowthState *) PG_DETOAST_DATUM(X))
#define PG_GETARG_GROWTH_STATE(n)	DatumGetGrowthState(PG_GETARG_DATUM(n))

/* ---------------------------------------------------------------------
 * Exact numeric helpers
 * ---------------------------------------------------------------------
 */

/* a + b */
static inline Numeric
num_add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

/* a - b */
static inline Numeric
num_sub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

/* a * b, exact (the scale of the product is the sum of the scales) */
static inline Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

/* |a| */
static inline Numeric
num_abs(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_abs,
											   NumericGetDatum(a)));
}

/* Three-way comparison of a and b. */
static inline int
num_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum(a),
											 NumericGetDatum(b)));
}

/* Sign of a: -1, 0 or 1. */
static inline int
num_sign(Numeric a)
{
	return num_cmp(a, int64_to_numeric(0));
}

/* Parse a plain decimal C string (ASCII digits) as numeric. */
static inline Numeric
num_from_cstring(const char *s)
{
	return DatumGetNumeric(DirectFunctionCall3(numeric_in,
											   CStringGetDatum(s),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/* ---------------------------------------------------------------------
 * Arguments
 * ---------------------------------------------------------------------
 */

/* Raise 22023 for a NaN or infinite numeric; return it otherwise. */
static Numeric
growth_check_numeric(Numeric v)
{
	if (unlikely(numeric_is_nan(v) || numeric_is_inf(v)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("input value \"%s\" is not finite",
						DatumGetCString(DirectFunctionCall1(numeric_out,
															NumericGetDatum(v)))),
				 errdetail("Growth statistics are defined for finite values only.")));
	return v;
}

/*
 * The exact value of a finite float8: its shortest decimal that reads back
 * as the same double (what float8out prints), so 0.05::float8 is 0.05.
 */
static Numeric
growth_float8_numeric(float8 v)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (unlikely(isnan(v) || isinf(v)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("input value \"%s\" is not finite",
						isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity")),
				 errdetail("Growth statistics are defined for finite values only.")));
	double_to_shortest_decimal_buf(v, buf);
	return num_from_cstring(buf);
}

/* Argument argno as an exact numeric. */
static Numeric
growth_arg(FunctionCallInfo fcinfo, int argno, GrowthArg how)
{
	switch (how)
	{
		case GROWTH_ARG_NUMERIC:
			return growth_check_numeric(PG_GETARG_NUMERIC(argno));
		case GROWTH_ARG_FLOAT8:
			return growth_float8_numeric(PG_GETARG_FLOAT8(argno));
		case GROWTH_ARG_INT64:
			return int64_to_numeric(PG_GETARG_INT64(argno));
	}
	pg_unreachable();
}

/* Check the digits argument of a phrase function. */
static int
growth_check_digits(int32 digits)
{
	if (digits < 0 || digits > GROWTH_MAX_DIGITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of decimal digits %d is out of range", digits),
				 errdetail("Phrases are written with 0 to %d decimal digits.",
						   GROWTH_MAX_DIGITS)));
	return digits;
}

/* ---------------------------------------------------------------------
 * The arithmetic
 * ---------------------------------------------------------------------
 */

/* Status of current against base. */
static GrowthStatus
growth_status_of(Numeric current, Numeric base)
{
	int			bs = num_sign(base);
	int			c;

	if (bs == 0)
		return GROWTH_BASE_ZERO;
	if (bs > 0)
		return num_sign(current) >= 0 ? GROWTH_NORMAL : GROWTH_TURN_LOSS;
	if (num_sign(current) >= 0)
		return GROWTH_TURN_PROFIT;
	c = num_cmp(current, base);
	if (c < 0)
		return GROWTH_LOSS_WIDENED;
	if (c > 0)
		return GROWTH_LOSS_NARROWED;
	return GROWTH_LOSS_UNCHANGED;
}

/* 100 * part / whole to GROWTH_SCALE decimals; whole != 0. */
static Numeric
growth_percent_of(Numeric part, Numeric whole)
{
	return numeric_div_round(num_mul(part, int64_to_numeric(100)), whole,
						 GROWTH_SCALE);
}

/* (current - base) / base * 100, or NULL (false) when base <= 0. */
static bool
growth_value(Numeric current, Numeric base, Numeric *result)
{
	if (num_sign(base) <= 0)
		return false;
	*result = growth_percent_of(num_sub(current, base), base);
	return true;
}

/*
 * Decimal exponent of a nonzero numeric: e with 10^e <= |v| < 10^(e+1)
 * (from its scientific text, so any magnitude works).
 */
static int
num_exponent10(Numeric v)
{
	char	   *sci = numeric_out_sci(v, 0);
	char	   *e = strchr(sci, 'e');

	return e != NULL ? atoi(e + 1) : 0;
}

/*
 * Geometric mean rate: ((last / first)^(1/years) - 1) * 100, or NULL
 * (false) when first <= 0 or last < 0; the result rounded to GROWTH_SCALE
 * decimals.  Precision is relative, not absolute: the ratio is taken to
 * GROWTH_ROOT_SCALE significant digits (so 1e-50 is not rounded to 0) and
 * the exponent 1/years to GROWTH_ROOT_SCALE digits beyond the ratio's
 * magnitude, so the root is right to about GROWTH_ROOT_SCALE - 2 digits
 * after its decimal point at any magnitude.  Years of 1 and 2 need no
 * exponent (the ratio, numeric_sqrt).
 */
static bool
growth_rate(Numeric first, Numeric last, int32 years, Numeric *result)
{
	Numeric		ratio;
	Numeric		root;
	int			e;

	if (years <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of years %d is out of range", years),
				 errdetail("An average growth rate needs a period of at least one year.")));
	if (num_sign(first) <= 0 || num_sign(last) < 0)
		return false;
	if (num_sign(last) == 0)
	{
		*result = numeric_div_round(int64_to_numeric(-100), int64_to_numeric(1), GROWTH_SCALE);
		return true;
	}

	/* ratio with GROWTH_ROOT_SCALE significant digits however small it is */
	e = num_exponent10(last) - num_exponent10(first);
	ratio = numeric_div_round(last, first, GROWTH_ROOT_SCALE + Max(0, 1 - e));
	if (years == 1)
		root = ratio;
	else if (years == 2)
		root = DatumGetNumeric(DirectFunctionCall1(numeric_sqrt,
												   NumericGetDatum(ratio)));
	else
		root = DatumGetNumeric(DirectFunctionCall2(numeric_power,
												   NumericGetDatum(ratio),
												   NumericGetDatum(numeric_div_round(int64_to_numeric(1),
																					 int64_to_numeric(years),
																					 GROWTH_ROOT_SCALE + Max(0, e + 1)))));
	*result = numeric_div_round(num_mul(num_sub(root, int64_to_numeric(1)),
										int64_to_numeric(100)),
								int64_to_numeric(1), GROWTH_SCALE);
	return true;
}

/* "<prefix><digits of |v|><suffix>" in the database encoding. */
static text *
growth_phrase_number(const char *prefix, Numeric v, const char *suffix)
{
	char	   *digits = DatumGetCString(DirectFunctionCall1(numeric_out,
															 NumericGetDatum(num_abs(v))));

	return kit_text(psprintf("%s%s%s", prefix, digits, suffix));
}

/* 增长/下降/持平 for a signed amount already rounded, with a unit. */
static text *
growth_phrase_signed(Numeric rounded, const char *up, const char *down,
					 const char *suffix)
{
	int			s = num_sign(rounded);

	if (s == 0)
		return kit_text("持平");
	return growth_phrase_number(s > 0 ? up : down, rounded, suffix);
}

/* How growth_phrase writes what today's bulletins write in more than one way. */
typedef struct GrowthPhraseStyle
{
	int			digits;			/* decimals of a percentage */
	bool		multiples;		/* growth >= 100% as a multiple (增长1.79倍) */
	int			multiple_digits;	/* decimals of a multiple */
	const char *turn_profit;	/* 由亏转盈 or 扭亏为盈 (UTF-8) */
} GrowthPhraseStyle;

/* The bulletin phrase of current against base, or NULL for a zero base. */
static text *
growth_phrase_of(Numeric current, Numeric base, const GrowthPhraseStyle *style)
{
	GrowthStatus status = growth_status_of(current, base);
	Numeric		delta;

	if (status == GROWTH_BASE_ZERO)
		return NULL;
	if (status == GROWTH_TURN_PROFIT)
		return kit_text(style->turn_profit);
	if (status != GROWTH_NORMAL)
		return kit_text(growth_status_phrases[status]);

	delta = num_sub(current, base);
	/* growth >= 100%: a multiple, 增长1.79倍 (unless a percentage is asked for) */
	if (style->multiples && num_cmp(delta, base) >= 0)
		return growth_phrase_number("增长", numeric_div_round(delta, base, style->multiple_digits), "倍");
	return growth_phrase_signed(numeric_div_round(num_mul(delta, int64_to_numeric(100)),
												  base, style->digits),
								"增长", "下降", "%");
}

/*
 * Read the phrase arguments after current and base: digits, and in 1.1
 * multiples, multiple_digits and turn_profit (1.0 calls pass three
 * arguments and get the defaults).
 */
static void
growth_phrase_style(FunctionCallInfo fcinfo, GrowthPhraseStyle *style)
{
	style->digits = growth_check_digits(PG_GETARG_INT32(2));
	style->multiples = true;
	style->multiple_digits = 2;
	style->turn_profit = "由亏转盈";
	if (PG_NARGS() >= 6)
	{
		const char *word;

		style->multiples = PG_GETARG_BOOL(3);
		style->multiple_digits = growth_check_digits(PG_GETARG_INT32(4));
		word = kit_utf8(text_to_cstring(PG_GETARG_TEXT_PP(5)));
		if (strcmp(word, "由亏转盈") == 0)
			style->turn_profit = "由亏转盈";
		else if (strcmp(word, "扭亏为盈") == 0)
			style->turn_profit = "扭亏为盈";
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for parameter \"%s\": \"%s\"", "turn_profit",
							text_to_cstring(PG_GETARG_TEXT_PP(5))),
					 errhint("%s", kit_local("Use 由亏转盈 or 扭亏为盈."))));
	}
}

/* ---------------------------------------------------------------------
 * Scalar functions: one implementation each, entry points per argument
 * representation below.
 * ---------------------------------------------------------------------
 */

/* growth(current, base) */
static Datum
growth_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	Numeric		result;

	if (!growth_value(growth_arg(fcinfo, 0, how), growth_arg(fcinfo, 1, how),
					  &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* growth_status(current, base) */
static Datum
growth_status_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	GrowthStatus status = growth_status_of(growth_arg(fcinfo, 0, how),
										   growth_arg(fcinfo, 1, how));

	PG_RETURN_TEXT_P(cstring_to_text(growth_status_names[status]));
}

/* growth_phrase(current, base, digits) */
static Datum
growth_phrase_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	GrowthPhraseStyle style;
	text	   *result;

	growth_phrase_style(fcinfo, &style);
	result = growth_phrase_of(growth_arg(fcinfo, 0, how),
							  growth_arg(fcinfo, 1, how), &style);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(result);
}

/* growth_2y_avg(current, base_two_years_earlier) */
static Datum
growth_2y_avg_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	Numeric		result;

	if (!growth_rate(growth_arg(fcinfo, 1, how), growth_arg(fcinfo, 0, how), 2,
					 &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* cagr(first, last, years) */
static Datum
growth_cagr_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	Numeric		result;

	if (!growth_rate(growth_arg(fcinfo, 0, how), growth_arg(fcinfo, 1, how),
					 PG_GETARG_INT32(2), &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* growth_pull(part_current, part_base, total_base): 拉动, in 百分点 */
static Datum
growth_pull_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	Numeric		total_base = growth_arg(fcinfo, 2, how);
	Numeric		delta = num_sub(growth_arg(fcinfo, 0, how),
								growth_arg(fcinfo, 1, how));

	if (num_sign(total_base) <= 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(growth_percent_of(delta, total_base));
}

/* growth_contribution(part_current, part_base, total_current, total_base): 贡献率 */
static Datum
growth_contribution_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	Numeric		delta = num_sub(growth_arg(fcinfo, 0, how),
								growth_arg(fcinfo, 1, how));
	Numeric		total_delta = num_sub(growth_arg(fcinfo, 2, how),
									  growth_arg(fcinfo, 3, how));

	if (num_sign(total_delta) == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(growth_percent_of(delta, total_delta));
}

/* pp(current_pct, base_pct): the difference in 百分点 */
static Datum
growth_pp_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	PG_RETURN_NUMERIC(num_sub(growth_arg(fcinfo, 0, how),
							  growth_arg(fcinfo, 1, how)));
}

/* pp_phrase(current_pct, base_pct, digits) */
static Datum
growth_pp_phrase_impl(FunctionCallInfo fcinfo, GrowthArg how)
{
	int			digits = growth_check_digits(PG_GETARG_INT32(2));
	Numeric		diff = num_sub(growth_arg(fcinfo, 0, how),
							   growth_arg(fcinfo, 1, how));
	const char *up = "提高";
	const char *down = "回落";

	/* 1.1: verbs, 提高/回落 (the default) or 上升/下降 */
	if (PG_NARGS() >= 4)
	{
		text	   *verbs = PG_GETARG_TEXT_PP(3);
		const char *word = kit_utf8(text_to_cstring(verbs));

		if (strcmp(word, "上升/下降") == 0)
		{
			up = "上升";
			down = "下降";
		}
		else if (strcmp(word, "提高/回落") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for parameter \"%s\": \"%s\"", "verbs",
							text_to_cstring(verbs)),
					 errhint("%s", kit_local("Use 提高/回落 or 上升/下降."))));
	}
	PG_RETURN_TEXT_P(growth_phrase_signed(numeric_div_round(diff, int64_to_numeric(1),
															digits),
										  up, down, "个百分点"));
}

/* growth(numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_numeric);
Datum
growth_numeric(PG_FUNCTION_ARGS)
{
	return growth_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth(float8, float8) */
PG_FUNCTION_INFO_V1(growth_float8);
Datum
growth_float8(PG_FUNCTION_ARGS)
{
	return growth_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth(T, T) for int8, mu_area, yuan, yuan_per_mu */
PG_FUNCTION_INFO_V1(growth_int64);
Datum
growth_int64(PG_FUNCTION_ARGS)
{
	return growth_impl(fcinfo, GROWTH_ARG_INT64);
}

/* growth_status(numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_status_numeric);
Datum
growth_status_numeric(PG_FUNCTION_ARGS)
{
	return growth_status_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth_status(float8, float8) */
PG_FUNCTION_INFO_V1(growth_status_float8);
Datum
growth_status_float8(PG_FUNCTION_ARGS)
{
	return growth_status_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth_status(T, T) for the int64 types */
PG_FUNCTION_INFO_V1(growth_status_int64);
Datum
growth_status_int64(PG_FUNCTION_ARGS)
{
	return growth_status_impl(fcinfo, GROWTH_ARG_INT64);
}

/* growth_phrase(numeric, numeric, int) */
PG_FUNCTION_INFO_V1(growth_phrase_numeric);
Datum
growth_phrase_numeric(PG_FUNCTION_ARGS)
{
	return growth_phrase_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth_phrase(float8, float8, int) */
PG_FUNCTION_INFO_V1(growth_phrase_float8);
Datum
growth_phrase_float8(PG_FUNCTION_ARGS)
{
	return growth_phrase_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth_phrase(T, T, int) for the int64 types */
PG_FUNCTION_INFO_V1(growth_phrase_int64);
Datum
growth_phrase_int64(PG_FUNCTION_ARGS)
{
	return growth_phrase_impl(fcinfo, GROWTH_ARG_INT64);
}

/* growth_2y_avg(numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_2y_avg_numeric);
Datum
growth_2y_avg_numeric(PG_FUNCTION_ARGS)
{
	return growth_2y_avg_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth_2y_avg(float8, float8) */
PG_FUNCTION_INFO_V1(growth_2y_avg_float8);
Datum
growth_2y_avg_float8(PG_FUNCTION_ARGS)
{
	return growth_2y_avg_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth_2y_avg(T, T) for the int64 types */
PG_FUNCTION_INFO_V1(growth_2y_avg_int64);
Datum
growth_2y_avg_int64(PG_FUNCTION_ARGS)
{
	return growth_2y_avg_impl(fcinfo, GROWTH_ARG_INT64);
}

/* cagr(numeric, numeric, int) */
PG_FUNCTION_INFO_V1(growth_cagr_numeric);
Datum
growth_cagr_numeric(PG_FUNCTION_ARGS)
{
	return growth_cagr_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* cagr(float8, float8, int) */
PG_FUNCTION_INFO_V1(growth_cagr_float8);
Datum
growth_cagr_float8(PG_FUNCTION_ARGS)
{
	return growth_cagr_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* cagr(T, T, int) for the int64 types */
PG_FUNCTION_INFO_V1(growth_cagr_int64);
Datum
growth_cagr_int64(PG_FUNCTION_ARGS)
{
	return growth_cagr_impl(fcinfo, GROWTH_ARG_INT64);
}

/* growth_pull(numeric, numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_pull_numeric);
Datum
growth_pull_numeric(PG_FUNCTION_ARGS)
{
	return growth_pull_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth_pull(float8, float8, float8) */
PG_FUNCTION_INFO_V1(growth_pull_float8);
Datum
growth_pull_float8(PG_FUNCTION_ARGS)
{
	return growth_pull_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth_pull(T, T, T) for the int64 types */
PG_FUNCTION_INFO_V1(growth_pull_int64);
Datum
growth_pull_int64(PG_FUNCTION_ARGS)
{
	return growth_pull_impl(fcinfo, GROWTH_ARG_INT64);
}

/* growth_contribution(numeric x4) */
PG_FUNCTION_INFO_V1(growth_contribution_numeric);
Datum
growth_contribution_numeric(PG_FUNCTION_ARGS)
{
	return growth_contribution_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* growth_contribution(float8 x4) */
PG_FUNCTION_INFO_V1(growth_contribution_float8);
Datum
growth_contribution_float8(PG_FUNCTION_ARGS)
{
	return growth_contribution_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* growth_contribution(T x4) for the int64 types */
PG_FUNCTION_INFO_V1(growth_contribution_int64);
Datum
growth_contribution_int64(PG_FUNCTION_ARGS)
{
	return growth_contribution_impl(fcinfo, GROWTH_ARG_INT64);
}

/* pp(numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_pp_numeric);
Datum
growth_pp_numeric(PG_FUNCTION_ARGS)
{
	return growth_pp_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* pp(float8, float8) */
PG_FUNCTION_INFO_V1(growth_pp_float8);
Datum
growth_pp_float8(PG_FUNCTION_ARGS)
{
	return growth_pp_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* pp_phrase(numeric, numeric, int) */
PG_FUNCTION_INFO_V1(growth_pp_phrase_numeric);
Datum
growth_pp_phrase_numeric(PG_FUNCTION_ARGS)
{
	return growth_pp_phrase_impl(fcinfo, GROWTH_ARG_NUMERIC);
}

/* pp_phrase(float8, float8, int) */
PG_FUNCTION_INFO_V1(growth_pp_phrase_float8);
Datum
growth_pp_phrase_float8(PG_FUNCTION_ARGS)
{
	return growth_pp_phrase_impl(fcinfo, GROWTH_ARG_FLOAT8);
}

/* ---------------------------------------------------------------------
 * 累计 windows and labels
 * ---------------------------------------------------------------------
 */

/* Raise 22023 unless as_of is a finite date. */
static void
growth_check_as_of(DateADT as_of)
{
	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date must be finite"),
				 errdetail("A year-to-date total runs from January to the month of a real date.")));
}

/* Year and month of a finite date. */
static void
growth_year_month(DateADT d, int *year, int *month)
{
	int			day;

	j2date(d + POSTGRES_EPOCH_JDATE, year, month, &day);
}

/* First day of month m (1..13, 13 = January of the next year) of year y. */
static DateADT
growth_month_start(int y, int m)
{
	if (m > 12)
	{
		y++;
		m = 1;
	}
	return date2j(y, m, 1) - POSTGRES_EPOCH_JDATE;
}

/* Is the UTF-8 character at s (of n bytes) a digit, ASCII or full-width? */
static bool
growth_is_digit(const char *s, int n)
{
	const unsigned char *u = (const unsigned char *) s;

	return (n == 1 && u[0] >= '0' && u[0] <= '9') ||
		(n == 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99);
}

/*
 * Raise 22023 unless sep can stand between two month numbers: not empty
 * (1 and 2 would read as 12月) and not starting or ending with a digit.
 */
static void
growth_check_ytd_sep(text *sep_text)
{
	const char *utf8 = kit_utf8(text_to_cstring(sep_text));
	int			ulen = strlen(utf8);
	int			first = ulen > 0 ? pg_utf_mblen((const unsigned char *) utf8) : 0;
	int			last = 0;
	int			i;

	for (i = 0; i < ulen; i += pg_utf_mblen((const unsigned char *) utf8 + i))
		last = i;
	if (ulen == 0 || growth_is_digit(utf8, first) ||
		growth_is_digit(utf8 + last, ulen - last))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid year-to-date separator \"%s\"", text_to_cstring(sep_text)),
				 errdetail("The separator stands between two month numbers, so it must be non-empty and must not start or end with a digit.")));
}

/* ytd_label(as_of, sep): 1月, 1至5月 */
PG_FUNCTION_INFO_V1(growth_ytd_label);
Datum
growth_ytd_label(PG_FUNCTION_ARGS)
{
	DateADT		as_of = PG_GETARG_DATEADT(0);
	char	   *sep = text_to_cstring(PG_GETARG_TEXT_PP(1));
	const char *month = kit_local("月");
	int			y;
	int			m;

	growth_check_ytd_sep(PG_GETARG_TEXT_PP(1));
	growth_check_as_of(as_of);
	growth_year_month(as_of, &y, &m);
	if (m == 1)
		PG_RETURN_TEXT_P(cstring_to_text(psprintf("1%s", month)));
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("1%s%d%s", sep, m, month)));
}

/* ---------------------------------------------------------------------
 * growth_state
 * ---------------------------------------------------------------------
 */

/* The numeric sums of a numeric-kind state (which = 0 current, 1 base). */
static Numeric
growth_state_numeric(GrowthState *state, int which)
{
	char	   *p = (char *) state + GROWTH_STATE_HDRSZ;

	Assert(!GROWTH_KIND_IS_INT64(state->kind));
	if (which == 1)
		p += MAXALIGN(VARSIZE(p));
	return (Numeric) p;
}

/*
 * A new state with the header of hdr; for numeric kinds, with the sums
 * current and base (copied).
 */
static GrowthState *
growth_state_make(const GrowthState *hdr, Numeric current, Numeric base)
{
	Size		size = GROWTH_STATE_HDRSZ;
	GrowthState *state;

	if (!GROWTH_KIND_IS_INT64(hdr->kind))
		size += MAXALIGN(VARSIZE(current)) + MAXALIGN(VARSIZE(base));
	state = palloc0(size);
	memcpy(state, hdr, sizeof(GrowthState));
	SET_VARSIZE(state, size);
	if (!GROWTH_KIND_IS_INT64(hdr->kind))
	{
		char	   *p = (char *) state + GROWTH_STATE_HDRSZ;

		state->sum_current = 0;
		state->sum_base = 0;
		memcpy(p, current, VARSIZE(current));
		memcpy(p + MAXALIGN(VARSIZE(current)), base, VARSIZE(base));
	}
	return state;
}

/*
 * The state argument of a transition or combine function, to be updated.
 * In an aggregate it lives in the aggregate's memory and is updated in
 * place; called as a plain function, it is copied first.
 */
static GrowthState *
growth_state_for_update(FunctionCallInfo fcinfo)
{
	GrowthState *state = PG_GETARG_GROWTH_STATE(0);

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	return (GrowthState *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
}

/* Raise 22023 unless state holds kind. */
static void
growth_state_check_kind(GrowthState *state, GrowthKind kind)
{
	if (state->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("growth_state of kind %s cannot accumulate %s values",
						growth_kind_names[state->kind], growth_kind_names[kind])));
}

/* Raise 22003 for a sum beyond int128. */
pg_attribute_noreturn()
static void
growth_state_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("growth_state sum out of range"),
			 errdetail("A sum or a row count of the aggregate exceeds its range.")));
}

/* Format a date as ISO year-month-day (astronomical year), independent of DateStyle. */
static char *
growth_date_cstring(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

/* Fix the 累计 window of state to as_of, or check that it already is. */
static void
growth_state_set_as_of(GrowthState *state, DateADT as_of)
{
	int			y;
	int			m;

	if (likely(state->has_as_of))
	{
		if (unlikely(state->as_of != as_of))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("as_of differs within one year-to-date group: %s and %s",
							growth_date_cstring(state->as_of),
							growth_date_cstring(as_of)),
					 errhint("Pass the same as_of date to every row of a group, e.g. a constant or a parameter.")));
		return;
	}
	growth_check_as_of(as_of);
	growth_year_month(as_of, &y, &m);
	state->has_as_of = true;
	state->as_of = as_of;
	state->current_lo = growth_month_start(y, 1);
	state->current_hi = growth_month_start(y, m + 1);
	state->base_lo = growth_month_start(y - 1, 1);
	state->base_hi = growth_month_start(y - 1, m + 1);
}

/* Add v to the int64-kind sum *sum and count it. */
static inline void
growth_state_add_int64(int128 *sum, int64 *n, int128 v)
{
	if (unlikely(__builtin_add_overflow(*sum, v, sum)) ||
		unlikely(pg_add_s64_overflow(*n, 1, n)))
		growth_state_overflow();
}

/* ytd_accum(state, value, period, as_of) for the int64 types */
PG_FUNCTION_INFO_V1(growth_ytd_accum_int64);
Datum
growth_ytd_accum_int64(PG_FUNCTION_ARGS)
{
	GrowthState *state = growth_state_for_update(fcinfo);
	int64		value = PG_GETARG_INT64(1);
	DateADT		period = PG_GETARG_DATEADT(2);

	if (unlikely(!GROWTH_KIND_IS_INT64(state->kind)))
		growth_state_check_kind(state, GROWTH_KIND_INT8);
	growth_state_set_as_of(state, PG_GETARG_DATEADT(3));
	if (period >= state->current_lo && period < state->current_hi)
		growth_state_add_int64(&state->sum_current, &state->n_current, value);
	else if (period >= state->base_lo && period < state->base_hi)
		growth_state_add_int64(&state->sum_base, &state->n_base, value);
	PG_RETURN_POINTER(state);
}

/* Add the exact values current and/or base (NULL: none) to a numeric-kind state. */
static GrowthState *
growth_state_add_numeric(GrowthState *state, Numeric current, Numeric base)
{
	Numeric		sc = growth_state_numeric(state, 0);
	Numeric		sb = growth_state_numeric(state, 1);

	if (current != NULL)
	{
		sc = num_add(sc, current);
		if (unlikely(pg_add_s64_overflow(state->n_current, 1, &state->n_current)))
			growth_state_overflow();
	}
	if (base != NULL)
	{
		sb = num_add(sb, base);
		if (unlikely(pg_add_s64_overflow(state->n_base, 1, &state->n_base)))
			growth_state_overflow();
	}
	return growth_state_make(state, sc, sb);
}

/* Shared body of ytd_accum for numeric and float8 values. */
static Datum
growth_ytd_accum_exact(FunctionCallInfo fcinfo, GrowthKind kind)
{
	GrowthState *state = growth_state_for_update(fcinfo);
	DateADT		period = PG_GETARG_DATEADT(2);
	Numeric		value;

	growth_state_check_kind(state, kind);
	growth_state_set_as_of(state, PG_GETARG_DATEADT(3));
	if (period >= state->current_lo && period < state->current_hi)
	{
		value = growth_arg(fcinfo, 1, kind == GROWTH_KIND_FLOAT8 ?
						   GROWTH_ARG_FLOAT8 : GROWTH_ARG_NUMERIC);
		state = growth_state_add_numeric(state, value, NULL);
	}
	else if (period >= state->base_lo && period < state->base_hi)
	{
		value = growth_arg(fcinfo, 1, kind == GROWTH_KIND_FLOAT8 ?
						   GROWTH_ARG_FLOAT8 : GROWTH_ARG_NUMERIC);
		state = growth_state_add_numeric(state, NULL, value);
	}
	PG_RETURN_POINTER(state);
}

/* ytd_accum(state, numeric, period, as_of) */
PG_FUNCTION_INFO_V1(growth_ytd_accum_numeric);
Datum
growth_ytd_accum_numeric(PG_FUNCTION_ARGS)
{
	return growth_ytd_accum_exact(fcinfo, GROWTH_KIND_NUMERIC);
}

/* ytd_accum(state, float8, period, as_of) */
PG_FUNCTION_INFO_V1(growth_ytd_accum_float8);
Datum
growth_ytd_accum_float8(PG_FUNCTION_ARGS)
{
	return growth_ytd_accum_exact(fcinfo, GROWTH_KIND_FLOAT8);
}

/* comparable_accum(state, current, base) for the int64 types */
PG_FUNCTION_INFO_V1(growth_comparable_accum_int64);
Datum
growth_comparable_accum_int64(PG_FUNCTION_ARGS)
{
	GrowthState *state = growth_state_for_update(fcinfo);

	if (unlikely(!GROWTH_KIND_IS_INT64(state->kind)))
		growth_state_check_kind(state, GROWTH_KIND_INT8);
	growth_state_add_int64(&state->sum_current, &state->n_current,
						   PG_GETARG_INT64(1));
	growth_state_add_int64(&state->sum_base, &state->n_base,
						   PG_GETARG_INT64(2));
	PG_RETURN_POINTER(state);
}

/* Shared body of comparable_accum for numeric and float8 values. */
static Datum
growth_comparable_accum_exact(FunctionCallInfo fcinfo, GrowthKind kind)
{
	GrowthState *state = growth_state_for_update(fcinfo);
	GrowthArg	how = kind == GROWTH_KIND_FLOAT8 ?
		GROWTH_ARG_FLOAT8 : GROWTH_ARG_NUMERIC;

	growth_state_check_kind(state, kind);
	PG_RETURN_POINTER(growth_state_add_numeric(state,
											   growth_arg(fcinfo, 1, how),
											   growth_arg(fcinfo, 2, how)));
}

/* comparable_accum(state, numeric, numeric) */
PG_FUNCTION_INFO_V1(growth_comparable_accum_numeric);
Datum
growth_comparable_accum_numeric(PG_FUNCTION_ARGS)
{
	return growth_comparable_accum_exact(fcinfo, GROWTH_KIND_NUMERIC);
}

/* comparable_accum(state, float8, float8) */
PG_FUNCTION_INFO_V1(growth_comparable_accum_float8);
Datum
growth_comparable_accum_float8(PG_FUNCTION_ARGS)
{
	return growth_comparable_accum_exact(fcinfo, GROWTH_KIND_FLOAT8);
}

/* Combine two partial states of one aggregate (parallel query). */
PG_FUNCTION_INFO_V1(growth_state_combine);
Datum
growth_state_combine(PG_FUNCTION_ARGS)
{
	GrowthState *state = growth_state_for_update(fcinfo);
	GrowthState *other = PG_GETARG_GROWTH_STATE(1);

	growth_state_check_kind(state, other->kind);
	if (other->has_as_of)
		growth_state_set_as_of(state, other->as_of);
	if (GROWTH_KIND_IS_INT64(state->kind))
	{
		if (__builtin_add_overflow(state->sum_current, other->sum_current,
								   &state->sum_current) ||
			__builtin_add_overflow(state->sum_base, other->sum_base,
								   &state->sum_base))
			growth_state_overflow();
	}
	if (pg_add_s64_overflow(state->n_current, other->n_current, &state->n_current) ||
		pg_add_s64_overflow(state->n_base, other->n_base, &state->n_base))
		growth_state_overflow();
	if (GROWTH_KIND_IS_INT64(state->kind))
		PG_RETURN_POINTER(state);
	PG_RETURN_POINTER(growth_state_make(state,
										num_add(growth_state_numeric(state, 0),
												growth_state_numeric(other, 0)),
										num_add(growth_state_numeric(state, 1),
												growth_state_numeric(other, 1))));
}

/* A sum of a state (which = 0 current, 1 base) as a numeric in stored units. */
static Numeric
growth_state_sum_raw(GrowthState *state, int which)
{
	if (GROWTH_KIND_IS_INT64(state->kind))
		return int128_to_numeric(which == 0 ? state->sum_current : state->sum_base);
	return growth_state_numeric(state, which);
}

/* The growth of the current sum over the base sum; NULL if either is empty. */
PG_FUNCTION_INFO_V1(growth_state_growth);
Datum
growth_state_growth(PG_FUNCTION_ARGS)
{
	GrowthState *state = PG_GETARG_GROWTH_STATE(0);
	Numeric		result;

	if (state->n_current == 0 || state->n_base == 0 ||
		!growth_value(growth_state_sum_raw(state, 0),
					  growth_state_sum_raw(state, 1), &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* The quantity type of a fixed-point kind (mu_area, yuan, yuan_per_mu). */
static QuantityKind
growth_kind_quantity(GrowthKind kind)
{
	switch (kind)
	{
		case GROWTH_KIND_MU_AREA:
			return QUANTITY_AREA;
		case GROWTH_KIND_YUAN:
			return QUANTITY_MONEY;
		case GROWTH_KIND_YUAN_PER_MU:
			return QUANTITY_PER_AREA;
		default:
			break;
	}
	pg_unreachable();
}

/* Decimal digits of the stored unit of a kind: 2 for yuan (分), 0 for plain numbers. */
static int
growth_kind_log10_scale(GrowthKind kind)
{
	int64		scale;
	int			digits = 0;

	if (kind < GROWTH_KIND_MU_AREA)
		return 0;
	for (scale = quantity_scale(growth_kind_quantity(kind)); scale > 1; scale /= 10)
		digits++;
	return digits;
}

/* Shared body of the numeric sum accessors. */
static Datum
growth_state_sum_numeric(FunctionCallInfo fcinfo, int which)
{
	GrowthState *state = PG_GETARG_GROWTH_STATE(0);
	Numeric		sum;
	int			k;

	if ((which == 0 ? state->n_current : state->n_base) == 0)
		PG_RETURN_NULL();
	sum = growth_state_sum_raw(state, which);
	k = growth_kind_log10_scale(state->kind);
	if (k > 0)
		sum = num_mul(sum, int64_div_fast_to_numeric(1, k));
	PG_RETURN_NUMERIC(sum);
}

/* The current sum as numeric in base units (元, 亩, 元/亩); NULL if no rows. */
PG_FUNCTION_INFO_V1(growth_state_current);
Datum
growth_state_current(PG_FUNCTION_ARGS)
{
	return growth_state_sum_numeric(fcinfo, 0);
}

/* The base sum as numeric in base units; NULL if no rows. */
PG_FUNCTION_INFO_V1(growth_state_base);
Datum
growth_state_base(PG_FUNCTION_ARGS)
{
	return growth_state_sum_numeric(fcinfo, 1);
}

/* Shared body of the stored-unit sum accessors (mu_area, yuan, yuan_per_mu). */
static Datum
growth_state_sum_int64(FunctionCallInfo fcinfo, int which)
{
	GrowthState *state = PG_GETARG_GROWTH_STATE(0);

	if (state->kind < GROWTH_KIND_MU_AREA)
		growth_state_check_kind(state, GROWTH_KIND_YUAN);
	if ((which == 0 ? state->n_current : state->n_base) == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(quantity_from_int128(growth_kind_quantity(state->kind),
										 which == 0 ? state->sum_current
										 : state->sum_base));
}

/* The current sum as the summed type (mu_area, yuan, yuan_per_mu). */
PG_FUNCTION_INFO_V1(growth_state_current_int64);
Datum
growth_state_current_int64(PG_FUNCTION_ARGS)
{
	return growth_state_sum_int64(fcinfo, 0);
}

/* The base sum as the summed type (mu_area, yuan, yuan_per_mu). */
PG_FUNCTION_INFO_V1(growth_state_base_int64);
Datum
growth_state_base_int64(PG_FUNCTION_ARGS)
{
	return growth_state_sum_int64(fcinfo, 1);
}

/* ---- text form: (kind,as_of,n_current,sum_current,n_base,sum_base) ---- */

/* A growth_state text being read, and whether it came in binary (recv). */
typedef struct GrowthStateText
{
	const char *str;
	bool		binary;
} GrowthStateText;

/* Raise the standard 22P02 for growth_state text, 22P03 for its binary form. */
pg_attribute_noreturn()
static void
growth_state_syntax_error(const GrowthStateText *in, const char *detail)
{
	if (in->binary)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", "growth_state"),
				 errdetail("%s", detail)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "growth_state", in->str),
			 errdetail("%s", detail)));
}

/* Cut the next comma- or ')'-terminated field of *p; NUL-terminates it in place. */
static char *
growth_state_field(char **p, char end, const GrowthStateText *in)
{
	char	   *start = *p;
	char	   *q = strchr(start, end);

	if (q == NULL)
		growth_state_syntax_error(in, "A growth_state has six fields in parentheses.");
	*q = '\0';
	*p = q + 1;
	return start;
}

/* Parse a count field. */
static int64
growth_state_parse_count(const char *s, const GrowthStateText *in)
{
	int128		v = 0;
	const char *p = s;

	if (*p == '\0')
		growth_state_syntax_error(in, "A row count is empty.");
	for (; *p; p++)
	{
		if (*p < '0' || *p > '9')
			growth_state_syntax_error(in, "A row count must be a non-negative integer.");
		v = v * 10 + (*p - '0');
		if (v > PG_INT64_MAX)
			growth_state_syntax_error(in, "A row count is out of range.");
	}
	return (int64) v;
}

/* Parse an int128 sum field (optional '-', digits). */
static int128
growth_state_parse_int128(const char *s, const GrowthStateText *in)
{
	const char *p = s;
	const char *digits = (*s == '-' || *s == '+') ? s + 1 : s;
	int128		v;

	if (*digits == '\0')
		growth_state_syntax_error(in, "A sum is empty.");
	if (!int128_from_chars(&p, INDUSTRY_INT128_MIN, INDUSTRY_INT128_MAX, &v) && *digits >= '0' && *digits <= '9')
		growth_state_syntax_error(in, "A sum is out of range.");
	if (p == s || *p != '\0')
		growth_state_syntax_error(in, "A sum of an integer kind must be an integer in stored units.");
	return v;
}

/* Parse a numeric sum field: a finite plain decimal. */
static Numeric
growth_state_parse_numeric(const char *s, const GrowthStateText *in)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '\0')
		growth_state_syntax_error(in, "A sum is empty.");
	for (; *p; p++)
		if ((*p < '0' || *p > '9') && *p != '.')
			growth_state_syntax_error(in, "A sum must be a plain decimal number.");
	return num_from_cstring(s);
}

/* Parse as_of: empty, or year-month-day with an astronomical year. */
static bool
growth_state_parse_date(const char *s, DateADT *result, const GrowthStateText *in)
{
	int			y,
				m,
				d,
				n = 0,
				ry,
				rm,
				rd;
	int			jd;

	if (*s == '\0')
		return false;
	if (sscanf(s, "%d-%d-%d%n", &y, &m, &d, &n) != 3 || s[n] != '\0' ||
		m < 1 || m > 12 || d < 1 || d > 31 ||
		y < JULIAN_MINYEAR || y > JULIAN_MAXYEAR)
		growth_state_syntax_error(in, "as_of must be empty or a date written year-month-day.");
	jd = date2j(y, m, d);
	j2date(jd, &ry, &rm, &rd);
	if (ry != y || rm != m || rd != d || !IS_VALID_DATE(jd - POSTGRES_EPOCH_JDATE))
		growth_state_syntax_error(in, "as_of is not a valid date.");
	*result = jd - POSTGRES_EPOCH_JDATE;
	return true;
}

/*
 * A sum of n values of an int64 kind lies in [n * INT64_MIN, n * INT64_MAX];
 * a state outside it no input can produce (and its average would not fit).
 */
static bool
growth_state_sum_possible(int64 n, int128 sum)
{
	return sum >= (int128) n * PG_INT64_MIN && sum <= (int128) n * PG_INT64_MAX;
}

/* Parse and validate the text form of a growth_state. */
static GrowthState *
growth_state_parse(const GrowthStateText *in)
{
	char	   *buf = pstrdup(in->str);
	char	   *p = buf;
	size_t		n;
	char	   *kind_s;
	GrowthState hdr;
	DateADT		as_of;
	char	   *f[4];
	int			kind;
	Numeric		current = NULL;
	Numeric		base = NULL;

	memset(&hdr, 0, sizeof(hdr));
	while ((n = industry_space_len((const unsigned char *) p, 0, strlen(p))) > 0)
		p += n;
	if (*p++ != '(')
		growth_state_syntax_error(in, "A growth_state starts with \"(\".");
	kind_s = growth_state_field(&p, ',', in);
	for (kind = 0; kind < GROWTH_NKINDS; kind++)
		if (strcmp(kind_s, growth_kind_names[kind]) == 0)
			break;
	if (kind == GROWTH_NKINDS)
		growth_state_syntax_error(in, "The kind must be numeric, float8, int8, mu_area, yuan or yuan_per_mu.");
	hdr.kind = kind;
	if (growth_state_parse_date(growth_state_field(&p, ',', in), &as_of, in))
		growth_state_set_as_of(&hdr, as_of);
	f[0] = growth_state_field(&p, ',', in);
	f[1] = growth_state_field(&p, ',', in);
	f[2] = growth_state_field(&p, ',', in);
	f[3] = growth_state_field(&p, ')', in);
	while ((n = industry_space_len((const unsigned char *) p, 0, strlen(p))) > 0)
		p += n;
	if (*p != '\0')
		growth_state_syntax_error(in, "Nothing may follow the closing parenthesis.");

	hdr.n_current = growth_state_parse_count(f[0], in);
	hdr.n_base = growth_state_parse_count(f[2], in);
	if (GROWTH_KIND_IS_INT64(kind))
	{
		hdr.sum_current = growth_state_parse_int128(f[1], in);
		hdr.sum_base = growth_state_parse_int128(f[3], in);
		if ((hdr.n_current == 0 && hdr.sum_current != 0) ||
			(hdr.n_base == 0 && hdr.sum_base != 0))
			growth_state_syntax_error(in, "A sum over zero rows must be 0.");
		if (!growth_state_sum_possible(hdr.n_current, hdr.sum_current) ||
			!growth_state_sum_possible(hdr.n_base, hdr.sum_base))
			growth_state_syntax_error(in, "A sum of n rows must lie between n times the smallest and n times the largest stored value.");
	}
	else
	{
		current = growth_state_parse_numeric(f[1], in);
		base = growth_state_parse_numeric(f[3], in);
		if ((hdr.n_current == 0 && num_sign(current) != 0) ||
			(hdr.n_base == 0 && num_sign(base) != 0))
			growth_state_syntax_error(in, "A sum over zero rows must be 0.");
	}
	return growth_state_make(&hdr, current, base);
}

/* growth_state text input */
PG_FUNCTION_INFO_V1(growth_state_in);
Datum
growth_state_in(PG_FUNCTION_ARGS)
{
	GrowthStateText in = {PG_GETARG_CSTRING(0), false};

	PG_RETURN_POINTER(growth_state_parse(&in));
}

/* growth_state text output */
PG_FUNCTION_INFO_V1(growth_state_out);
Datum
growth_state_out(PG_FUNCTION_ARGS)
{
	GrowthState *state = PG_GETARG_GROWTH_STATE(0);
	StringInfoData buf;
	char		num[INT128_BUFSIZE];
	int			which;

	initStringInfo(&buf);
	appendStringInfo(&buf, "(%s,%s", growth_kind_names[state->kind],
					 state->has_as_of ? growth_date_cstring(state->as_of) : "");
	for (which = 0; which < 2; which++)
	{
		appendStringInfo(&buf, "," INT64_FORMAT ",",
						 which == 0 ? state->n_current : state->n_base);
		if (GROWTH_KIND_IS_INT64(state->kind))
		{
			int128_to_chars(which == 0 ? state->sum_current : state->sum_base, num);
			appendStringInfoString(&buf, num);
		}
		else
			appendStringInfoString(&buf,
								   DatumGetCString(DirectFunctionCall1(numeric_out,
																	   NumericGetDatum(growth_state_numeric(state, which)))));
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* growth_state binary output: the text form, so one validated parser serves both */
PG_FUNCTION_INFO_V1(growth_state_send);
Datum
growth_state_send(PG_FUNCTION_ARGS)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(growth_state_out,
														PG_GETARG_DATUM(0)));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* growth_state binary input */
PG_FUNCTION_INFO_V1(growth_state_recv);
Datum
growth_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	GrowthStateText in = {pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes), true};

	PG_RETURN_POINTER(growth_state_parse(&in));
}
