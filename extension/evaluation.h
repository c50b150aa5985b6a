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

#include "decimal.h"
#include "kit.h"

#include "nodes/execnodes.h"
#include "utils/date.h"
#include "utils/numeric.h"

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


/* ---- engine state (evaluation.c), read by the result emitters ---- */

/* What an input is used as. */
typedef enum InputRole
{
	ROLE_TEXT,
	ROLE_INT,
	ROLE_MONEY,
	ROLE_LAND,
	ROLE_QUANTITY,
	ROLE_DATE,
	ROLE_BOOL
} InputRole;


#define FIRM_GRADED	0
#define FIRM_EXEMPT	1
#define FIRM_VETO	2

/* One enterprise. Indicator values live in EvalState.values. */
typedef struct EvalFirm
{
	char	   *credit_code;
	char	   *name;
	char	   *reason;
	int32		group;
	uint8		status;
	int8		cls;			/* class index, -1 for none */
	uint16		missing;		/* bit k: cohort indicator k has no value */
	int32		rank;
	bool		has_land;
	bool		has_tax;
	bool		has_electricity;
	int64		land;
	int64		tax;
	int64		electricity;
	int64		correction6;
	int64		adjust6;		/* bonus − penalty */
	int64		total6;			/* rounded to the cohort's score_digits */
} EvalFirm;

/* One evaluation group: (cohort, industry group). */
typedef struct EvalGroup
{
	int			cohort;
	char	   *name;			/* NULL: no industry grouping or a NULL group */
	uint32		hash;
	int32		order;			/* output position of the group */
	int64		n;				/* graded + vetoed firms */
	int64		start;			/* offset of its first firm in the sorted order */
	int128		sumnum[EVAL_NINDICATORS];
	int128		sumden[EVAL_NINDICATORS];
	int128		sumval[EVAL_NINDICATORS];
	int64		nval[EVAL_NINDICATORS];
	int64		lo[EVAL_NINDICATORS];
	int64		hi[EVAL_NINDICATORS];
	int64		bench[EVAL_NINDICATORS];
	int128		sumitem[EVAL_NINDICATORS];
	int64		nitem[EVAL_NINDICATORS];
	int64		avgitem[EVAL_NINDICATORS];
} EvalGroup;

/* Output modes. */
#define MODE_EVALUATE	0
#define MODE_EXPLAIN	1
#define MODE_GAP		2

/* Everything one call works on. */
typedef struct EvalState
{
	MemoryContext cxt;			/* firms, groups, strings */
	MemoryContext rowcxt;		/* reset after every input row */
	RuleSet    *rules;
	int32		year;
	KitColumn	in[EVAL_NINPUTS];	/* the query's input columns (kit) */
	/* per scope: the first input its rules need that the query lacks */
	EvalInput	need_input[8];
	char	   *need_who[8];
	KitTypes	kt;				/* the extension's types, numeric constants */
	int			maxind;			/* largest indicator count of a cohort */
	/* cohort-level input needs */
	bool		cohort_uses[8][EVAL_NINPUTS];
	/* firms */
	EvalFirm   *firms;
	int64	   *values;			/* nfirms × maxind, 10^-8 */
	int64		nfirms;
	int64		capfirms;
	/* groups */
	EvalGroup **groups;
	int			ngroups;
	int			capgroups;
	int32	   *hashtab;		/* open addressing: group index + 1, 0 empty */
	int			hashsize;
	/* string arena */
	char	   *arena;
	Size		arena_left;
	/* registered/land-supplied cut-off dates per cohort (DateADT) */
	DateADT		reg_cutoff[8];
	DateADT		land_cutoff[8];
} EvalState;

/* Cached text datums so that each row does not build its own. */
typedef struct TextCache
{
	Datum		status[3];
	Datum	   *cls[8];
	Datum	   *label[8];
	Datum		scope[8];
	Datum		codes[EVAL_NINDICATORS];
	Datum		names[EVAL_NINDICATORS];
	Datum		units[EVAL_NINDICATORS];
	Datum		missing_names[4];
} TextCache;

/*
 * evaluation.c, the engine: read the caller's query into compact firms,
 * benchmark, score, rank and classify; *order is the firms' output order.
 * The caller (the entry points, evaluation_entry.c) emits the rows.
 */
extern EvalState *eval_run(Oid nsp, const char *code, int32 year, const char *query,
						   int64 **order);

/* evaluation.c: one indicator's item score and a firm's total (with extra tax) */
extern int64 firm_item(EvalState *st, EvalGroup *g, IndicatorRule *ir, int k, int64 value8,
					   bool *capped, bool *floored);
extern int64 firm_total(EvalState *st, EvalFirm *f, int64 tax_delta);

/*
 * evaluation_output.c: the rows of evaluate(), evaluation_explain() and
 * evaluation_gap(), called by the entry points only (never by the engine)
 */
#define EVALUATE_NATTS	(12 + 2 * EVAL_NINDICATORS)
#define EXPLAIN_NATTS	16
#define GAP_NATTS		11
extern void init_text_cache(EvalState *st, TextCache *tc);
extern void emit_evaluate(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f);
extern void emit_explain(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f);
extern void emit_gap(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f,
					 int64 *order);

#endif							/* INDUSTRY_EVALUATION_H */
