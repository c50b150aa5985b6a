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

/* Most indicators of one list (built-in and defined ones together). */
#define EVAL_MAX_IND	16
/* Most input columns summed in a numerator or a denominator. */
#define EVAL_MAX_PARTS	8
/* Most input columns named only by indicator definitions, per rule set. */
#define EVAL_MAX_CUSTOM	32

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
	IN_CORRECTION,
	IN_TENANT,
	IN_LANDLORD,
	IN_SMALL_PARK,
	IN_UNIT						/* unit_code: the combined unit a firm belongs to (1.1) */
} EvalInput;

#define EVAL_NINPUTS 27
#define EVAL_MAX_INPUTS (EVAL_NINPUTS + EVAL_MAX_CUSTOM)

/* Most evaluation lists (scope rows) of a rule set; one more slot holds the unlisted. */
#define EVAL_MAX_LISTS 15

typedef enum EvalMethod
{
	METHOD_RATIO = 0,
	METHOD_LOWER_BETTER,
	METHOD_MINMAX,
	METHOD_RANK,				/* weight × (m − r + 1) / m by the value's rank r of m */
	METHOD_STEP					/* 分档计分: points of the first step the value reaches */
} EvalMethod;

/* Most steps of a step-scored indicator. */
#define EVAL_MAX_STEPS 32

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
	MISSING_ERROR,
	MISSING_SCORE
} EvalMissing;

/* evaluation_indicator.missing, in EvalMissing order */
#define EVAL_MISSING_NAMES \
	{"zero", "group_average_score", "renormalise", "error", "score"}
#define EVAL_NMISSING 5

/* Combined evaluation of related firms (evaluation_scheme.combine, 1.1). */
typedef enum EvalCombine
{
	COMBINE_NONE = 0,			/* every firm alone (1.0) */
	COMBINE_MERGED,				/* the members of a unit evaluated as one firm only */
	COMBINE_ALSO				/* each member alone, and the unit too, without a place */
} EvalCombine;

/*
 * One row of evaluation_indicator with its definition (a row of
 * evaluation_indicator_def): value = Σ numerator / Σ denominator × scale,
 * money in 万元 and other quantities in their unit.
 */
typedef struct IndicatorRule
{
	int			indicator;		/* EvalIndicator of the nine (its evaluate() column), or -1 */
	char	   *code;			/* database encoding */
	char	   *name;
	char	   *unit;
	int			nnum;
	int			num_in[EVAL_MAX_PARTS];	/* input indexes (EvalInput or custom) */
	int			nden;
	int			den_in[EVAL_MAX_PARTS];
	int64		scale6;
	bool		taxed;			/* the numerator sums the tax column */
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
	int64		missing_score6; /* MISSING_SCORE: the item score (may be < 0) */
	int			nsteps;			/* METHOD_STEP: thresholds, strictly decreasing */
	int64		step8[EVAL_MAX_STEPS];
	int64		points6[EVAL_MAX_STEPS + 1];	/* points per step, then below all */
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
	int8		cut_rounding;	/* QUOTA_*: the cut-off below this class */
	bool		cut_from_bottom;	/* that cut-off counted from the bottom */
} ClassRule;

/* One row of evaluation_scheme (one scope of a rule set) with its children. */
typedef struct CohortRule
{
	char	   *code;
	int32		year;
	char	   *scope;
	bool		group_by_industry;
	bool		by_quota;		/* else by thresholds */
	int			quota_rounding; /* QUOTA_*: default of each class's cut_rounding */
	bool		tie_up;
	int			score_digits;
	bool		rd_over_revenue;
	bool		has_min_land;
	int64		min_land;		/* 10^-6 亩 */
	int32		exempt_registered_years;	/* -1: rule off */
	int32		exempt_land_years;	/* -1: rule off */
	bool		exempt_not_producing;
	char	   *exempt_class_code;	/* 参照X类管理: class of exempt firms, or NULL */
	bool		follow_landlord;	/* a tenant takes its landlord's class (not in 小微园) */
	int8		combine;		/* EvalCombine, the same on every list (validated) */
	int			exempt_class;	/* its index (validated), -1 for none */
	bool		veto_downgrade; /* else forced to the last class */
	int32		veto_steps;
	/* the list's condition (1.1); a row without any takes the firms of scope = its name */
	char	   *match_scope;	/* input scope value, or NULL for any */
	bool		has_land_from;
	int64		land_from;		/* land >= this (以上), 10^-6 亩 */
	bool		has_land_below;
	int64		land_below;		/* land < this (不满) */
	int8		tenant;			/* -1 any, 0 not a tenant (false or NULL), 1 tenant */
	int			nind;
	IndicatorRule ind[EVAL_MAX_IND];
	int			nclass;
	ClassRule  *classes;
} CohortRule;

/* A whole rule set: every scope row of (code, year). */
typedef struct RuleSet
{
	char	   *code;
	int32		year;
	int			ncohorts;
	CohortRule *cohorts;		/* ncohorts lists, then one empty slot for the unlisted */
	bool		lists_by_scope; /* some list tests the input's scope */
	bool		lists_by_land;
	bool		lists_by_tenant;
	int8		combine;		/* EvalCombine of every list */
	int			ncustom;		/* input columns named only by indicator definitions */
	char	   *custom_names[EVAL_MAX_CUSTOM];
	bool		custom_money[EVAL_MAX_CUSTOM];
} RuleSet;

/* evaluation_rules.c */
extern const char *const eval_indicator_codes[EVAL_NINDICATORS];
extern const char *const eval_indicator_names[EVAL_NINDICATORS];
extern const char *const eval_indicator_units[EVAL_NINDICATORS];
extern const char *const eval_input_names[EVAL_NINPUTS];
extern EvalMethod eval_parse_method(const char *s);
extern const char *eval_local(const char *utf8);
extern RuleSet *eval_load_rules(Oid nsp, const char *code, int32 year, bool read_only);
extern const char *eval_input_name(const RuleSet *rs, int input);
extern bool eval_input_is_money(const RuleSet *rs, int input);
extern void eval_cohort_cuts(const CohortRule *c, int64 n, int64 *cut);
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

/* Largest indicator scale (value = Σ numerator / Σ denominator × scale). */
#define EVAL_MAX_SCALE	1000000

/*
 * Indicator value (10^-8 of its unit) = num / den × scale.  Both sums count
 * 10^-6 of the display unit (money in 分 = 10^-6 万元, other quantities in
 * 10^-6 units), so with scale 1 num / den is the value in its unit.
 * Returns false when the value is missing (den <= 0) or does not fit in
 * int64 (*overflow set: |value| above 92233720368.54775807 units).
 */
static inline bool
eval_value(int64 num, int64 den, int64 scale6, int64 *value8, bool *overflow)
{
	int128		v;

	*overflow = false;
	if (den <= 0)
		return false;
	v = int128_div_round((int128) num * scale6 * (EVAL_VALUE_SCALE / EVAL_FACTOR_SCALE), den);
	if (v > PG_INT64_MAX || v < PG_INT64_MIN)
	{
		*overflow = true;
		return false;
	}
	*value8 = (int64) v;
	return true;
}

/* weight × multiple (both 10^-4) in points, 10^-6. */
static inline int64
eval_weight_multiple(int64 weight4, int64 multiple4)
{
	return eval_narrow(int128_div_round((int128) weight4 * multiple4, 100), "score");
}

/*
 * A raw item score s (10^-6 points) bounded by the floor (≥ floor × weight)
 * and then the cap (≤ cap × weight), both judged on the score already
 * rounded to 10^-6; false when the result does not fit in int64.
 */
static inline bool
eval_item_bound(int128 s, int64 weight4, bool has_cap, int64 cap4,
				bool has_floor, int64 floor4, bool *capped, bool *floored,
				int64 *score)
{
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
	if (s > PG_INT64_MAX || s < PG_INT64_MIN)
		return false;
	*score = (int64) s;
	return true;
}

/* Raw rank score: weight × (m − r + 1) / m for rank r (1 = best) of m values, 10^-6. */
static inline int128
eval_rank_raw(int64 r, int64 m, int64 weight4)
{
	return int128_div_round((int128) weight4 * 100 * (m - r + 1), m);
}

/* Raw step score: the points of the first threshold the value reaches, else the last. */
static inline int128
eval_step_raw(int64 value8, int nsteps, const int64 *step8, const int64 *points6)
{
	int			j;

	for (j = 0; j < nsteps; j++)
		if (value8 >= step8[j])
			return points6[j];
	return points6[nsteps];
}

/*
 * Item score (10^-6 points) of one value into *score (ratio, lower_better
 * and minmax; rank and step through the raw functions above).
 *	 ratio			value / benchmark × weight
 *	 lower_better	max(0, 2 − value / benchmark) × weight
 *	 minmax			weight × (20 + 80 × (value − lo) / (hi − lo)) / 100,
 *					the full weight when hi = lo
 * then the floor (≥ floor × weight) and the cap (≤ cap × weight), both
 * judged on the score rounded to 10^-6.  benchmark > 0 for ratio and
 * lower_better; lo <= value <= hi for minmax.  Returns false when the
 * score does not fit in int64.
 */
static inline bool
eval_item_score_ok(EvalMethod method, int64 value8, int64 weight4,
				   int64 bench8, int64 lo8, int64 hi8,
				   bool has_cap, int64 cap4, bool has_floor, int64 floor4,
				   bool *capped, bool *floored, int64 *score)
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
	return eval_item_bound(s, weight4, has_cap, cap4, has_floor, floor4, capped, floored,
						   score);
}

/* Item score as above; 22003 when it does not fit. */
static inline int64
eval_item_score(EvalMethod method, int64 value8, int64 weight4,
				int64 bench8, int64 lo8, int64 hi8,
				bool has_cap, int64 cap4, bool has_floor, int64 floor4,
				bool *capped, bool *floored)
{
	int64		score;

	if (!eval_item_score_ok(method, value8, weight4, bench8, lo8, hi8, has_cap, cap4,
							has_floor, floor4, capped, floored, &score))
		eval_out_of_range("score");
	return score;
}

/* How a quota cut-off is rounded. */
#define QUOTA_ROUND	0			/* half away from zero */
#define QUOTA_FLOOR	1
#define QUOTA_CEIL	2

/* x / 10^6 rounded by a QUOTA_* rule (x >= 0: n × percent at 10^-4). */
static inline int64
eval_quota_round(int128 x, int rounding)
{
	if (rounding == QUOTA_FLOOR)
		return (int64) (x / 1000000);
	if (rounding == QUOTA_CEIL)
		return (int64) ((x + 999999) / 1000000);
	return (int64) int128_div_round(x, 1000000);
}

/*
 * Cut-off positions of a group of n: cut[j] is the last position of class
 * j (0-based, j < nclass − 1).  Each boundary has its own rounding and
 * direction: counted from the top, c_j = rounding(n × (q_1+…+q_j) / 100);
 * counted from the bottom, c_j = n − rounding(n × (q_(j+1)+…+q_m) / 100)
 * ("后5%为D": the bottom ⌊5%·n⌋ firms).  Cut-offs are then clamped to be
 * non-decreasing and at most n, so a class squeezed by its two boundaries
 * is empty; the last class ends at n.  Quotas add up to 100 (10^-4 percent).
 */
static inline void
eval_quota_cuts(int64 n, const int64 *quota4, const int8 *rounding,
				const bool *from_bottom, int nclass, int64 *cut)
{
	int128		above = 0;
	int64		prev = 0;
	int			j;

	for (j = 0; j < nclass - 1; j++)
	{
		int64		c;

		above += quota4[j];
		if (from_bottom[j])
			c = n - eval_quota_round((int128) n * (100 * EVAL_WEIGHT_SCALE - above),
									 rounding[j]);
		else
			c = eval_quota_round((int128) n * above, rounding[j]);
		if (c < prev)
			c = prev;
		if (c > n)
			c = n;
		cut[j] = c;
		prev = c;
	}
}

/* Class index (0-based) of the firm at a 1-based position, given the cut-offs. */
static inline int
eval_quota_class(int64 position, const int64 *cut, int nclass)
{
	int			j;

	for (j = 0; j < nclass - 1; j++)
		if (position <= cut[j])
			return j;
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
#define FIRM_ERROR	3			/* not gradable: a value or score out of range */
#define FIRM_MANAGED 4			/* exempt, scored, managed as the scheme's exempt_class */
#define FIRM_UNLISTED 5			/* in no evaluation list of the rule set */
#define FIRM_INHERITED 6		/* a tenant scored, classed as its landlord, no place */
#define FIRM_COMBINED 7			/* a combined unit's result: a member (merged) or the unit (also) */
#define FIRM_NSTATUS 8

/* The number of members of a combined unit, 0 for a firm. */
#define FIRM_MEMBERS(f)	((f)->unit < -1 ? -1 - (f)->unit : 0)

/* Does the firm take a place in its group's ranking (graded or vetoed)? */
#define FIRM_RANKED(f)	((f)->status == FIRM_GRADED || (f)->status == FIRM_VETO)
/* Is the firm scored (ranked, or managed without a place)? */
#define FIRM_SCORED(f)	(FIRM_RANKED(f) || (f)->status == FIRM_MANAGED || \
						 (f)->status == FIRM_INHERITED || (f)->status == FIRM_COMBINED)

/*
 * A string of the engine's arena (every string of EvalFirm and EvalGroup) as
 * a text Datum: the arena keeps a text header before each string.
 */
#define EVAL_TEXT_DATUM(s)	PointerGetDatum((s) - VARHDRSZ)

/*
 * One enterprise. Indicator values live in EvalState.values; its strings
 * in the arena.
 */
typedef struct EvalFirm
{
	char	   *credit_code;
	char	   *name;
	char	   *reason;
	char	   *landlord;		/* FIRM_INHERITED: the landlord's credit code */
	int64		unit;			/* a member of a combined unit: the unit's index (>= 0);
								 * a unit of m members (which follow it): -1 - m; else -1 */
	int32		group;
	uint8		status;
	int8		cls;			/* class index, -1 for none */
	uint16		missing;		/* bit k: list indicator k has no value */
	int32		rank;
	bool		has_land;
	bool		has_tax;
	bool		hidden;			/* a merged unit: its members' rows stand for it */
	bool		vetoed;			/* a veto applies (status veto, or a combined unit) */
	int64		land;
	int64		tax;
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
	int128		sumnum[EVAL_MAX_IND];
	int128		sumden[EVAL_MAX_IND];
	int128		sumval[EVAL_MAX_IND];
	int64		nval[EVAL_MAX_IND];
	int64		lo[EVAL_MAX_IND];
	int64		hi[EVAL_MAX_IND];
	int64		bench[EVAL_MAX_IND];
	int128		sumitem[EVAL_MAX_IND];
	int64		nitem[EVAL_MAX_IND];
	int64		avgitem[EVAL_MAX_IND];
	char	   *error;			/* why the group cannot be scored, or NULL */
	bool		stale;			/* a firm left: lo and hi to be redone */
	int64	   *sorted[EVAL_MAX_IND];	/* rank (and minmax for gaps): values, descending */
} EvalGroup;

/*
 * The item score that stands for a missing value of indicator k under its
 * rule: 0 (zero), the group's mean item score (group_average_score) or the
 * rule's own score (score: "缺少能耗数据扣3分" is -3).  Not for renormalise or
 * error, which substitute nothing.
 */
static inline int64
eval_missing_item(const IndicatorRule *ir, const EvalGroup *g, int k)
{
	if (ir->missing == MISSING_GROUP_AVERAGE)
		return g->avgitem[k];
	if (ir->missing == MISSING_SCORE)
		return ir->missing_score6;
	return 0;
}

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
	KitColumn	in[EVAL_MAX_INPUTS];	/* the query's input columns (kit) */
	int			ninputs;		/* EVAL_NINPUTS + the rule set's custom columns */
	/* per list: the first input its rules need that the query lacks */
	int			need_input[EVAL_MAX_LISTS + 1];
	char	   *need_who[EVAL_MAX_LISTS + 1];
	KitTypes	kt;				/* the extension's types, numeric constants */
	int			maxind;			/* largest indicator count of a cohort */
	int			mode;			/* MODE_*: gaps need more group statistics */
	/* cohort-level input needs */
	bool		cohort_uses[EVAL_MAX_LISTS + 1][EVAL_MAX_INPUTS];
	/* firms */
	EvalFirm   *firms;
	int64	   *values;			/* nfirms × maxind, 10^-8 */
	int64	   *nums;			/* keep_sums: numerator and denominator sums, 10^-6 */
	int64	   *dens;
	int64		nfirms;
	int64		capfirms;
	int64	   *ranking;		/* the firms by group and rank (gap cut-off positions) */
	int64		nout;			/* rows emitted: the firms but merged units */
	/* rows of combined units (unit_code), admitted once all rows are read */
	struct EvalRow **pending;
	int64		npending;
	int64		cappending;
	bool		any_uses[EVAL_MAX_INPUTS];	/* inputs some list uses */
	bool		keep_sums;		/* numerators and denominators kept per firm */
	bool		any_industry;	/* some list groups by industry */
	bool		any_landlord;	/* some list has tenants follow their landlord */
	/* groups */
	EvalGroup **groups;
	int			ngroups;
	int			capgroups;
	int32	   *hashtab;		/* open addressing: group index + 1, 0 empty */
	int			hashsize;
	/* string arena: each string NUL-terminated after a text header */
	char	   *arena;
	Size		arena_left;
	/* registered/land-supplied cut-off dates per cohort (DateADT) */
	DateADT		reg_cutoff[EVAL_MAX_LISTS + 1];
	DateADT		land_cutoff[EVAL_MAX_LISTS + 1];
} EvalState;

/* Cached text datums so that each row does not build its own. */
typedef struct TextCache
{
	Datum		status[FIRM_NSTATUS];
	Datum	   *cls[EVAL_MAX_LISTS + 1];
	Datum	   *label[EVAL_MAX_LISTS + 1];
	Datum		scope[EVAL_MAX_LISTS + 1];
	Datum		codes[EVAL_MAX_LISTS + 1][EVAL_MAX_IND];
	Datum		names[EVAL_MAX_LISTS + 1][EVAL_MAX_IND];
	Datum		units[EVAL_MAX_LISTS + 1][EVAL_MAX_IND];
	Datum		missing_names[EVAL_NMISSING];
} TextCache;

/*
 * evaluation.c, the engine: read the caller's query into compact firms,
 * benchmark, score, rank and classify; *order is the firms' output order.
 * The caller (the entry points, evaluation_entry.c) emits the rows.
 */
extern EvalState *eval_run(Oid nsp, const char *code, int32 year, const char *query,
						   int mode, int64 **order);

/* evaluation.c: one indicator's item score and a firm's total (with extra tax) */
extern bool firm_item(EvalState *st, EvalGroup *g, IndicatorRule *ir, int k, int64 value8,
					  bool *capped, bool *floored, int64 *score);
extern bool firm_item_moved(EvalGroup *g, IndicatorRule *ir, int k, int64 value8,
							bool had_value, int64 old8, bool *capped, bool *floored,
							int64 *score);
extern bool firm_total(EvalState *st, EvalFirm *f, int64 tax_delta, int64 *total);

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
