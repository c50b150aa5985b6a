/*-------------------------------------------------------------------------
 *
 * policy.h
 *	  政策兑现 engine: policies as rows (policy_set, policy, policy_item)
 *	  compiled into a program and evaluated over the rows of a query.
 *
 *	  policy.c         SQL entry points (the one call, validation, trigger,
 *	                   building blocks)
 *	  policy_rules.c   rule rows -> PolicySet (checks with the trigger's errors)
 *	  policy_run.c     one firm against the policies, caps, budgets, output
 *	  policy_amount.c  exact amount arithmetic in 分 and the Chinese phrases
 *
 *	  Layering: policy.c -> policy_run.c -> policy_rules.c, policy_amount.c
 *	  -> kit (kit.h, rational.h) -> types.  The engine reads evaluation and
 *	  tier results as columns of the caller's query (class, score, tiers,
 *	  new_tiers), never through the other engines' headers.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_POLICY_H
#define INDUSTRY_POLICY_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "kit.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/tuplestore.h"

/* the amount formula of a policy */
typedef enum PolicyKind
{
	POLICY_RATE,				/* base × rate [× days / days of the year] */
	POLICY_STEP,				/* reward of the band the value lies in */
	POLICY_NEW_STEP,			/* reward of the band newly reached */
	POLICY_ONE_OFF,				/* fixed reward (or by tier/class item), once */
	POLICY_STAGED,				/* a total paid in stages */
	POLICY_PER_UNIT,			/* quantity × price of the firm's class */
	POLICY_LAND_TAX				/* land in 平方米 × 元/平方米 × share of the class */
} PolicyKind;

/* how a short budget is shared */
typedef enum PolicyAllocation
{
	POLICY_PRO_RATA,
	POLICY_BY_RANK
} PolicyAllocation;

/* how days are counted for POLICY_RATE */
typedef enum PolicyDayCount
{
	POLICY_LOAN_YEAR,			/* days / days of the year from the start date */
	POLICY_CALENDAR				/* Σ days in year y / days of year y */
} PolicyDayCount;

/* how newly reached bands pay */
typedef enum PolicyStepRule
{
	POLICY_STEP_HIGHEST,		/* the highest band newly reached */
	POLICY_STEP_SUM,			/* every band newly reached */
	POLICY_STEP_DIFFERENCE		/* highest now less highest before */
} PolicyStepRule;

/* a range bound written in Chinese legal usage */
typedef struct PolicyBound
{
	bool		set;
	bool		inclusive;		/* 以上/以下 include the number; 超过/不满 exclude it */
	Rat			value;
	const char *text;			/* the number as written in the rule (UTF-8) */
} PolicyBound;

/* one policy_item row */
typedef struct PolicyItem
{
	int32		item;
	const char *key;			/* class, tier code or NULL (UTF-8) */
	PolicyBound low;
	Rat			value;
	const char *value_text;		/* as written in the rule */
	int64		value_fen;		/* value as 元 in 分 when the kind pays it */
	const char *label;			/* UTF-8, never NULL */
} PolicyItem;

/* attribute numbers of a policy's inputs in the caller's query (0: absent) */
typedef struct PolicyInputs
{
	int			scope;
	int			class_;
	int			class_prev;
	int			score;
	int			tiers;
	int			new_tiers;
	int			rewarded;
	int			metric;
	int			base;
	int			base_prev;
	int			start;
	int			end;
	int			paid;
	int			rank;
} PolicyInputs;

/* one compiled policy */
typedef struct Policy
{
	const char *code;			/* policy code (UTF-8) */
	const char *label;
	const char *direction;		/* pay, charge, reduce */
	PolicyKind	kind;
	/* eligibility */
	int			nscopes;
	const char **scopes;
	int			nclasses;
	const char **classes;
	int			nprev_classes;
	const char **prev_classes;
	bool		has_min_score;
	Rat			min_score;
	const char *min_score_text;
	int			ntiers;
	const char **tiers;
	int			nnew_tiers;
	const char **new_tiers;
	const char *metric;
	PolicyBound low;
	PolicyBound high;
	bool		once;
	/* formula */
	const char *base_column;
	const char *base_prev_column;
	const char *base_label;
	const char *base_unit;
	const char *amount_label;
	Rat			unit_scale;
	bool		has_rate;
	Rat			rate;
	const char *rate_text;
	bool		has_amount;
	int64		amount_fen;
	const char *start_column;
	const char *end_column;
	PolicyDayCount day_count;
	PolicyStepRule step_rule;
	int			nitems;
	PolicyItem *items;			/* by item number */
	/* caps and budget */
	bool		has_cap;
	int64		cap_fen;
	bool		has_period_cap;
	int64		period_cap_fen;
	const char *paid_column;
	bool		has_budget;
	int64		budget_fen;
	PolicyAllocation allocation;
	const char *rank_column;
	/* bound to a query */
	PolicyInputs in;
} Policy;

/* a compiled policy set */
typedef struct PolicySet
{
	const char *code;
	int32		year;
	int			npolicies;
	Policy	   *policies;
} PolicySet;

/* policy_rules.c: the set (code, year), restricted to the named policies if any */
extern PolicySet *policy_set_load(Oid nsp, const char *code, int32 year, int nnames,
								  const char **names);

/* policy_rules.c: "policy_item hangzhou 2025 zjtx_loan item 1" (a KitRowWhere) */
extern char *policy_row_where(HeapTuple tuple, TupleDesc desc, const char *table);

/* policy_rules.c: check one row of a rule table (kind 'set', 'policy' or 'item') */
extern void policy_check_row(const char *kind, HeapTuple tuple, TupleDesc desc,
							 const char *table);

/* ---- policy_amount.c: exact arithmetic (amounts in 分) ---- */

/* a rational amount in 元 rounded half away from zero to the 分 */
extern int64 policy_rat_to_fen(Rat yuan);

/* the same, false instead of an error when it does not fit yuan */
extern bool policy_rat_fits_fen(Rat yuan, int64 *fen);

/* days of the year that begins on start (365 or 366) */
extern int32 policy_year_days(DateADT start);

/* the fraction of a year in [start, end) under a day count; days the day total */
extern Rat	policy_year_fraction(DateADT start, DateADT end, PolicyDayCount dc,
								 int32 *days, StringInfo detail);

/* base (分) × rate × fraction, in 分 */
extern int64 policy_rate_fen(int64 base_fen, Rat rate, Rat fraction);

/* stage of a total: round(total × Σ shares 1..n) - round(total × Σ shares 1..n-1) */
extern int64 policy_stage_fen(int64 total_fen, const Rat *shares, int nshares, int stage);

/* share a short budget pro rata, remainder by largest remainder (ties: lower index) */
extern void policy_allocate_pro_rata(const int64 *amounts, int n, int64 budget,
									 int64 *out);

/* land in 10^-6 亩 as 平方米 (1亩 = 10000/15 平方米) */
extern Rat	policy_mu_to_m2(int64 micro_mu);

/* phrases: money "2.74万元" / "150元", a rational "0.5", a rate "1%" */
extern void policy_append_money(StringInfo s, int64 fen, bool exact);
extern void policy_append_rat(StringInfo s, Rat r, int max_digits);
extern void policy_append_percent(StringInfo s, Rat fraction);

/* ---- policy_run.c ---- */

/* the running evaluation of one call */
typedef struct PolicyRun PolicyRun;

extern PolicyRun *policy_run_begin(PolicySet *set, KitQuery *q, const KitTypes *ext,
								   Tuplestorestate *out, TupleDesc outdesc);
extern void policy_run_row(PolicyRun *run, int64 ordinal);
extern void policy_run_end(PolicyRun *run);

#endif							/* INDUSTRY_POLICY_H */
