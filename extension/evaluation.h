/*-------------------------------------------------------------------------
 *
 * evaluation.h
 *	  亩均效益综合评价: rule sets, the exact scoring core shared by the
 *	  one-call engine (evaluation.c) and the SQL building blocks
 *	  (evaluation_blocks.c), and the rule loader (evaluation_rules.c).
 *
 * All arithmetic is fixed point in int64 with int128 intermediates and
 * rounding half away from zero (四舍五入):
 *	 indicator values and benchmarks	10^-8 of the indicator's unit
 *	 item scores and totals				10^-6 points
 *	 weights, cap and floor multiples	10^-4
 *	 multipliers, corrections, inputs	10^-6
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_EVALUATION_H
#define INDUSTRY_EVALUATION_H

#include "industry.h"

#define EVAL_VALUE_DIGITS	8
#define EVAL_SCORE_DIGITS	6
#define EVAL_WEIGHT_DIGITS	4
#define EVAL_FACTOR_DIGITS	6

#define EVAL_VALUE_SCALE	INT64CONST(100000000)
#define EVAL_SCORE_SCALE	INT64CONST(1000000)
#define EVAL_WEIGHT_SCALE	INT64CONST(10000)
#define EVAL_FACTOR_SCALE	INT64CONST(1000000)

/* Largest weight, cap, floor, multiplier or correction accepted (keeps int128 safe). */
#define EVAL_MAX_FACTOR		1000

/* The indicators of SPEC §4.1, in display order. */
typedef enum EvalIndicator
{
	IND_TAX_PER_MU = 0,
	IND_VA_PER_MU,
	IND_REVENUE_PER_MU,
	IND_VA_PER_ENERGY,
	IND_VA_PER_EMISSION,
	IND_LABOR_PRODUCTIVITY,
	IND_RD_INTENSITY,
	IND_TAX_PER_KWH,
	IND_REVENUE_PER_KWH
} EvalIndicator;

#define EVAL_NINDICATORS 9

/* Input columns the engine can read. */
typedef enum EvalInput
{
	IN_CREDIT_CODE = 0,
	IN_NAME,
	IN_SCOPE,
	IN_GROUP,
	IN_YEAR,
	IN_LAND,
	IN_TAX,
	IN_VALUE_ADDED,
	IN_REVENUE,
	IN_MAIN_REVENUE,
	IN_RD,
	IN_ENERGY,
	IN_EMISSION,
	IN_EMPLOYEES,
	IN_ELECTRICITY,
	IN_EXEMPT_REASON,
	IN_REGISTERED_ON,
	IN_LAND_SUPPLIED_ON,
	IN_PRODUCING,
	IN_VETO_REASON,
	IN_BONUS,
	IN_PENALTY,
	IN_CORRECTION
} EvalInput;

#define EVAL_NINPUTS 23

typedef enum EvalMethod
{
	METHOD_RATIO = 0,
	METHOD_LOWER_BETTER,
	METHOD_MINMAX
} EvalMethod;

typedef enum EvalBenchmarkKind
{
	BENCH_FIXED = 0,
	BENCH_RATIO_OF_SUMS,
	BENCH_MEAN,
	BENCH_MEDIAN
} EvalBenchmarkKind;

typedef enum EvalMissing
{
	MISSING_ZERO = 0,
	MISSING_GROUP_AVERAGE,
	MISSING_RENORMALISE,
	MISSING_ERROR
} EvalMissing;

/* One row of evaluation_indicator. */
typedef struct IndicatorRule
{
	EvalIndicator indicator;
	int64		weight4;
	EvalBenchmarkKind bench_kind;
	int64		benchmark8;		/* fixed benchmark, else 0 */
	int64		multiplier6;
	EvalMethod	method;
	bool		has_cap;
	int64		cap4;
	bool		has_floor;
	int64		floor4;
	EvalMissing missing;
} IndicatorRule;

/* One row of evaluation_class. */
typedef struct ClassRule
{
	char	   *class_code;
	char	   *label;
	bool		has_quota;
	int64		quota4;			/* percent, 10^-4 */
	bool		has_min;
	int64		min6;			/* lowest total of the class, 10^-6 */
} ClassRule;

/* One row of evaluation_scheme (one scope of a rule set) with its children. */
typedef struct CohortRule
{
	char	   *code;
	int32		year;
	char	   *scope;
	bool		group_by_industry;
	bool		by_quota;		/* else by thresholds */
	int			quota_rounding; /* 0 round, 1 floor, 2 ceil */
	bool		tie_up;
	int			score_digits;
	bool		rd_over_revenue;
	bool		has_min_land;
	int64		min_land;		/* 10^-6 亩 */
	int32		exempt_registered_years;	/* -1: rule off */
	int32		exempt_land_years;	/* -1: rule off */
	bool		exempt_not_producing;
	bool		veto_downgrade; /* else forced to the last class */
	int32		veto_steps;
	int			nind;
	IndicatorRule ind[EVAL_NINDICATORS];
	int			nclass;
	ClassRule  *classes;
} CohortRule;

/* A whole rule set: every scope row of (code, year). */
typedef struct RuleSet
{
	char	   *code;
	int32		year;
	int			ncohorts;
	CohortRule *cohorts;
} RuleSet;

/* evaluation_rules.c */
extern const char *const eval_indicator_codes[EVAL_NINDICATORS];
extern const char *const eval_indicator_names[EVAL_NINDICATORS];
extern const char *const eval_indicator_units[EVAL_NINDICATORS];
extern const char *const eval_input_names[EVAL_NINPUTS];
extern EvalMethod eval_parse_method(const char *s);
extern const char *eval_local(const char *utf8);
extern RuleSet *eval_load_rules(Oid nsp, const char *code, int32 year, bool read_only);
extern void eval_indicator_inputs(const CohortRule *c, EvalIndicator ind,
								  EvalInput *num, EvalInput *den);
extern int64 eval_numeric_to_scaled(Datum num, int digits, const char *what);
extern Datum eval_scaled_to_numeric(int64 v, int digits, bool trim);

/* Raise 22003 for a score or value that does not fit. */
pg_attribute_noreturn()
extern void eval_out_of_range(const char *what);

/* Narrow an int128 to int64 or raise 22003. */
static inline int64
eval_narrow(int128 v, const char *what)
{
	if (unlikely(v > PG_INT64_MAX || v < PG_INT64_MIN))
		eval_out_of_range(what);
	return (int64) v;
}

/*
 * Indicator value (10^-8 of its unit) = num / den.  Both inputs are scaled
 * so that num / den is the value in its unit (money in 分 against other
 * quantities in 10^-6 units).  Returns false when the value is missing
 * (den <= 0).
 */
static inline bool
eval_value(int64 num, int64 den, int64 *value8)
{
	if (den <= 0)
		return false;
	*value8 = eval_narrow(int128_div_round((int128) num * EVAL_VALUE_SCALE, den),
						  "indicator value");
	return true;
}

/* weight × multiple (both 10^-4) in points, 10^-6. */
static inline int64
eval_weight_multiple(int64 weight4, int64 multiple4)
{
	return eval_narrow(int128_div_round((int128) weight4 * multiple4, 100), "score");
}

/*
 * Item score (10^-6 points) of one value.
 *	 ratio			value / benchmark × weight
 *	 lower_better	max(0, 2 − value / benchmark) × weight
 *	 minmax			weight × (20 + 80 × (value − lo) / (hi − lo)) / 100,
 *					the full weight when hi = lo
 * then the floor (≥ floor × weight) and the cap (≤ cap × weight).
 * benchmark > 0 for ratio and lower_better; lo <= value <= hi for minmax.
 */
static inline int64
eval_item_score(EvalMethod method, int64 value8, int64 weight4,
				int64 bench8, int64 lo8, int64 hi8,
				bool has_cap, int64 cap4, bool has_floor, int64 floor4,
				bool *capped, bool *floored)
{
	int128		s;

	switch (method)
	{
		case METHOD_RATIO:
			s = int128_div_round((int128) value8 * weight4 * 100, bench8);
			break;
		case METHOD_LOWER_BETTER:
			s = int128_div_round(((int128) 2 * bench8 - value8) * weight4 * 100, bench8);
			if (s < 0)
				s = 0;
			break;
		default:
			if (hi8 == lo8)
				s = (int128) weight4 * 100;
			else
				s = int128_div_round((int128) weight4 *
									 ((int128) 20 * (hi8 - lo8) + (int128) 80 * (value8 - lo8)),
									 (int128) hi8 - lo8);
			break;
	}
	*capped = false;
	*floored = false;
	if (has_floor)
	{
		int64		f = eval_weight_multiple(weight4, floor4);

		if (s < f)
		{
			s = f;
			*floored = true;
		}
	}
	if (has_cap)
	{
		int64		c = eval_weight_multiple(weight4, cap4);

		if (s > c)
		{
			s = c;
			*capped = true;
		}
	}
	return eval_narrow(s, "score");
}

/*
 * Class index (0-based) of a firm at position (1-based) in a group of n by
 * quota: cumulative cut-offs c_j = rounding(n × Σ_{i<=j} quota_i / 100).
 * The last class always ends at n.
 */
static inline int
eval_quota_class(int64 position, int64 n, const int64 *quota4, int nclass,
				 int rounding)
{
	int128		cum = 0;
	int			j;

	for (j = 0; j < nclass - 1; j++)
	{
		int128		num,
					cut;

		cum += quota4[j];
		num = (int128) n * cum;
		/* cut = num / 10^6 (percent × 10^4 → fraction) */
		if (rounding == 1)
			cut = num / 1000000;
		else if (rounding == 2)
			cut = (num + 999999) / 1000000;
		else
			cut = int128_div_round(num, 1000000);
		if (position <= cut)
			return j;
	}
	return nclass - 1;
}

#endif							/* INDUSTRY_EVALUATION_H */
