/*-------------------------------------------------------------------------
 *
 * evaluation_output.c
 *	  The result rows of the evaluation engine: evaluate() (scores, rank,
 *	  class per enterprise), evaluation_explain() (per indicator) and
 *	  evaluation_gap() (the score and the extra tax to the next class).
 *
 * evaluation.c reads the input and computes benchmarks, scores and classes
 * into an EvalState; this file turns that state into tuples.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "tcop/dest.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "evaluation.h"

/* Build the text datums of the result once. */
void
init_text_cache(EvalState *st, TextCache *tc)
{
	static const char *const statuses[FIRM_NSTATUS] = {
		"graded", "exempt", "veto", "error", "managed", "unlisted", "inherited",
		"combined"
	};
	static const char *const missing[EVAL_NMISSING] = EVAL_MISSING_NAMES;
	int			i,
				j;

	for (i = 0; i < FIRM_NSTATUS; i++)
		tc->status[i] = CStringGetTextDatum(statuses[i]);
	for (i = 0; i < EVAL_NMISSING; i++)
		tc->missing_names[i] = CStringGetTextDatum(missing[i]);
	for (i = 0; i < st->rules->ncohorts; i++)
	{
		CohortRule *cr = &st->rules->cohorts[i];

		tc->scope[i] = CStringGetTextDatum(cr->scope);
		for (j = 0; j < cr->nind; j++)
		{
			tc->codes[i][j] = CStringGetTextDatum(cr->ind[j].code);
			tc->names[i][j] = CStringGetTextDatum(cr->ind[j].name);
			tc->units[i][j] = CStringGetTextDatum(cr->ind[j].unit);
		}
		tc->cls[i] = palloc(sizeof(Datum) * cr->nclass);
		tc->label[i] = palloc(sizeof(Datum) * cr->nclass);
		for (j = 0; j < cr->nclass; j++)
		{
			tc->cls[i][j] = CStringGetTextDatum(cr->classes[j].class_code);
			tc->label[i][j] = CStringGetTextDatum(cr->classes[j].label);
		}
	}
}

/* The status text of a row: every row of a unit under 'also' says combined. */
static Datum
status_text(TextCache *tc, EvalFirm *f)
{
	return tc->status[FIRM_MEMBERS(f) > 0 && !f->hidden ? FIRM_COMBINED : f->status];
}

/* Total (10^-6) as numeric with the cohort's score_digits. */
static Datum
total_numeric(CohortRule *cr, int64 total6)
{
	int64		unit = 1;
	int			k;

	for (k = cr->score_digits; k < EVAL_SCORE_DIGITS; k++)
		unit *= 10;
	return eval_scaled_to_numeric(total6 / unit, cr->score_digits, false);
}

/* A needed total or gap (10^-6) with the cohort's score_digits, rounded up: never short. */
static Datum
needed_numeric(CohortRule *cr, int64 total6)
{
	int64		unit = 1;
	int64		q;
	int			k;

	for (k = cr->score_digits; k < EVAL_SCORE_DIGITS; k++)
		unit *= 10;
	q = total6 / unit + (total6 % unit > 0);
	return eval_scaled_to_numeric(q, cr->score_digits, false);
}

/* A needed total or gap as text, rounded up like needed_numeric. */
static char *
needed_text(CohortRule *cr, int64 total6)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, needed_numeric(cr, total6)));
}


/* One row of evaluate(). */
void
emit_evaluate(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f)
{
	Datum		v[EVALUATE_NATTS];
	bool		n[EVALUATE_NATTS];
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	int64	   *vals = st->values + (f - st->firms) * st->maxind;
	bool		graded = FIRM_SCORED(f);
	int			k;

	memset(n, true, sizeof(n));
	if (f->credit_code)
	{
		v[0] = EVAL_TEXT_DATUM(f->credit_code);
		n[0] = false;
	}
	if (f->name)
	{
		v[1] = EVAL_TEXT_DATUM(f->name);
		n[1] = false;
	}
	v[2] = tc->scope[g->cohort];
	n[2] = g->cohort == st->rules->ncohorts;	/* in no list */
	if (g->name)
	{
		v[3] = EVAL_TEXT_DATUM(g->name);
		n[3] = false;
	}
	if (f->has_land)
	{
		v[4] = Int64GetDatum(f->land);
		n[4] = false;
	}
	v[5] = status_text(tc, f);
	n[5] = false;
	if (graded)
	{
		v[6] = total_numeric(cr, f->total6);
		v[9] = tc->cls[g->cohort][f->cls];
		v[10] = tc->label[g->cohort][f->cls];
		n[6] = n[9] = n[10] = false;
		/* a member of a merged unit shows the unit's rank */
		if (FIRM_RANKED(f) || (f->status == FIRM_COMBINED && f->unit >= 0))
		{
			v[7] = Int32GetDatum(f->rank);
			v[8] = Int32GetDatum((int32) g->n);
			n[7] = n[8] = false;
		}
	}
	if (f->reason)
	{
		v[11] = EVAL_TEXT_DATUM(f->reason);
		n[11] = false;
	}
	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		int			col = 12 + ir->indicator;
		int64		item;
		bool		c,
					fl;

		/* a defined indicator has no column of its own: see evaluation_explain() */
		if (ir->indicator < 0)
			continue;
		if (!(f->missing & (1 << k)))
		{
			v[col] = eval_scaled_to_numeric(vals[k], EVAL_VALUE_DIGITS, true);
			n[col] = false;
			if (graded && firm_item(st, g, ir, k, vals[k], &c, &fl, &item))
			{
				v[col + EVAL_NINDICATORS] = eval_scaled_to_numeric(item, EVAL_SCORE_DIGITS, true);
				n[col + EVAL_NINDICATORS] = false;
			}
		}
		else if (graded && ir->missing != MISSING_RENORMALISE)
		{
			v[col + EVAL_NINDICATORS] =
				eval_scaled_to_numeric(eval_missing_item(ir, g, k), EVAL_SCORE_DIGITS, true);
			n[col + EVAL_NINDICATORS] = false;
		}
	}
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
}


/* The rows of evaluation_explain() for one firm. */
void
emit_explain(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f)
{
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	int64	   *vals = st->values + (f - st->firms) * st->maxind;
	bool		graded = FIRM_SCORED(f);
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		Datum		v[EXPLAIN_NATTS];
		bool		n[EXPLAIN_NATTS];
		bool		present = !(f->missing & (1 << k));
		bool		derived = g->nval[k] > 0 || ir->bench_kind == BENCH_FIXED;

		memset(n, true, sizeof(n));
		v[0] = f->credit_code ? EVAL_TEXT_DATUM(f->credit_code) : (Datum) 0;
		v[1] = tc->scope[g->cohort];
		v[3] = status_text(tc, f);
		v[4] = tc->codes[g->cohort][k];
		v[5] = tc->names[g->cohort][k];
		v[6] = tc->units[g->cohort][k];
		n[0] = f->credit_code == NULL;
		n[1] = n[3] = n[4] = n[5] = n[6] = false;
		if (g->name)
		{
			v[2] = EVAL_TEXT_DATUM(g->name);
			n[2] = false;
		}
		if (present)
		{
			v[7] = eval_scaled_to_numeric(vals[k], EVAL_VALUE_DIGITS, true);
			n[7] = false;
		}
		if ((ir->method == METHOD_RATIO || ir->method == METHOD_LOWER_BETTER) && derived)
		{
			v[8] = eval_scaled_to_numeric(g->bench[k], EVAL_VALUE_DIGITS, true);
			n[8] = false;
		}
		if (ir->method == METHOD_MINMAX && g->nval[k] > 0)
		{
			v[9] = eval_scaled_to_numeric(g->lo[k], EVAL_VALUE_DIGITS, true);
			v[10] = eval_scaled_to_numeric(g->hi[k], EVAL_VALUE_DIGITS, true);
			n[9] = n[10] = false;
		}
		v[11] = eval_scaled_to_numeric(ir->weight4, EVAL_WEIGHT_DIGITS, true);
		n[11] = false;
		if (graded)
		{
			bool		c = false,
						fl = false;

			int64		item;

			if (present && firm_item(st, g, ir, k, vals[k], &c, &fl, &item))
			{
				v[12] = eval_scaled_to_numeric(item, EVAL_SCORE_DIGITS, true);
				n[12] = false;
			}
			else if (ir->missing != MISSING_RENORMALISE)
			{
				v[12] = eval_scaled_to_numeric(eval_missing_item(ir, g, k), EVAL_SCORE_DIGITS, true);
				n[12] = false;
			}
			v[13] = BoolGetDatum(c);
			v[14] = BoolGetDatum(fl);
			n[13] = n[14] = false;
			if (!present)
			{
				v[15] = tc->missing_names[ir->missing];
				n[15] = false;
			}
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
}


/*
 * The largest tax-item value (10^-8 of its unit) the gap search tries: 10^7
 * 万元/亩 (1000亿元 per 亩) or 10^7 万元/万千瓦时.  A class that needs more is
 * out of reach by tax alone (a capped tax item never gets there at all),
 * and stopping here keeps every intermediate inside the engine's range.
 */
#define GAP_VALUE_LIMIT (INT64CONST(10000000) * EVAL_VALUE_SCALE)

/* Would tax + delta keep every tax item of the firm's list within reach? */
static bool
tax_delta_in_reach(EvalState *st, EvalFirm *f, int64 delta)
{
	CohortRule *cr = &st->rules->cohorts[st->groups[f->group]->cohort];
	int64		base = (f - st->firms) * st->maxind;
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		int64		d = st->dens[base + k];

		if (!ir->taxed)
			continue;
		if (d > 0 && ((int128) st->nums[base + k] + delta) * ir->scale6 *
			(EVAL_VALUE_SCALE / EVAL_FACTOR_SCALE) / d > GAP_VALUE_LIMIT)
			return false;
	}
	return true;
}

/* Smallest extra tax (分) that lifts the total to needed6, or -1. */
static int64
tax_needed(EvalState *st, EvalFirm *f, int64 needed6)
{
	int64		lo = 0,
				hi = 1000000;	/* 1万元 */
	int64		total;

	if (!f->has_tax)
		return -1;
	for (;;)
	{
		if (!firm_total(st, f, hi, &total))
			return -1;
		if (total >= needed6)
			break;
		if (hi > PG_INT64_MAX / 2 || (int128) f->tax + 2 * (int128) hi > PG_INT64_MAX ||
			!tax_delta_in_reach(st, f, hi * 2))
			return -1;
		lo = hi;
		hi *= 2;
	}
	/* invariant: total(lo) < needed (or lo = 0), total(hi) >= needed */
	if (firm_total(st, f, 0, &total) && total >= needed6)
		return 0;
	while (hi - lo > 1)
	{
		int64		mid = lo + (hi - lo) / 2;

		if (firm_total(st, f, mid, &total) && total >= needed6)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* Does a cohort score tax at all? */
static bool
cohort_scores_tax(CohortRule *cr)
{
	int			k;

	for (k = 0; k < cr->nind; k++)
		if (cr->ind[k].taxed)
			return true;
	return false;
}

/*
 * Can the firm's extra tax move what tax_needed holds fixed?  A derived
 * benchmark over tax moves with it (the firm's own score too); under quotas a
 * rank, minmax or group-average item over tax moves the other firms' totals
 * around the cut-off.  tax_needed stays the least tax that lifts the firm's
 * total to score_needed with those held (doc/evaluation.md §5.1); the
 * sentence then says so.
 */
static bool
cohort_gap_holds_others(CohortRule *cr)
{
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];

		if (!ir->taxed)
			continue;
		if ((ir->method == METHOD_RATIO || ir->method == METHOD_LOWER_BETTER) &&
			ir->bench_kind != BENCH_FIXED)
			return true;
		if (cr->by_quota && (ir->method == METHOD_RANK || ir->method == METHOD_MINMAX ||
							 ir->missing == MISSING_GROUP_AVERAGE))
			return true;
	}
	return false;
}

/* One row of evaluation_gap(). */
void
emit_gap(EvalState *st, ReturnSetInfo *rsinfo, TextCache *tc, EvalFirm *f, int64 *order)
{
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	Datum		v[GAP_NATTS];
	bool		n[GAP_NATTS];
	StringInfoData text;

	memset(n, true, sizeof(n));
	initStringInfo(&text);
	v[0] = f->credit_code ? EVAL_TEXT_DATUM(f->credit_code) : (Datum) 0;
	v[1] = tc->scope[g->cohort];
	v[3] = status_text(tc, f);
	n[0] = f->credit_code == NULL;
	n[3] = false;
	n[1] = g->cohort == st->rules->ncohorts;	/* in no list */
	if (g->name)
	{
		v[2] = EVAL_TEXT_DATUM(g->name);
		n[2] = false;
	}
	if (f->status == FIRM_EXEMPT)
		appendStringInfo(&text, eval_local("不参评：%s"), f->reason);
	else if (f->status == FIRM_ERROR || f->status == FIRM_UNLISTED)
		appendStringInfoString(&text, f->reason);
	else
	{
		int			target = -1;
		int64		needed = 0;

		v[4] = tc->cls[g->cohort][f->cls];
		v[5] = total_numeric(cr, f->total6);
		n[4] = n[5] = false;
		if (f->vetoed || f->status == FIRM_MANAGED || f->status == FIRM_INHERITED)
			appendStringInfoString(&text, f->reason);
		else if (f->cls == 0)
			appendStringInfo(&text, eval_local("已在最高类%s（%s）"), cr->classes[0].class_code,
							 cr->classes[0].label);
		else if (!cr->by_quota)
		{
			target = f->cls - 1;
			needed = cr->classes[target].min6;
		}
		else
		{
			/* nearest better class that has a place: cut-off c_t > c_{t-1} */
			int64		cut[26];
			int			t;
			int			d;
			int64		unit = 1;

			eval_cohort_cuts(cr, g->n, cut);
			for (t = f->cls - 1; t >= 0; t--)
				if (cut[t] > (t > 0 ? cut[t - 1] : 0))
					break;
			if (t >= 0)
			{
				EvalFirm   *at = &st->firms[order[g->start + cut[t] - 1]];

				for (d = cr->score_digits; d < EVAL_SCORE_DIGITS; d++)
					unit *= 10;
				target = t;
				needed = at->total6 + (cr->tie_up ? 0 : unit);
			}
			else
				appendStringInfoString(&text, eval_local("本组名额内无更高类别可进"));
		}
		if (target >= 0)
		{
			int64		gap = needed - f->total6;

			v[6] = tc->cls[g->cohort][target];
			v[7] = needed_numeric(cr, needed);
			v[8] = needed_numeric(cr, gap);
			n[6] = n[7] = n[8] = false;
			appendStringInfo(&text, eval_local("距%s（%s）需%s分，还差%s分"), cr->classes[target].class_code,
							 cr->classes[target].label, needed_text(cr, needed),
							 needed_text(cr, gap));
			if (cohort_scores_tax(cr) && !f->has_tax)
				appendStringInfoString(&text, eval_local("；无税收数据，无法测算所需税收"));
			else if (cohort_scores_tax(cr))
			{
				int64		t = tax_needed(st, f, needed);

				if (t >= 0)
				{
					/* 万元 with two decimals, rounded up */
					int64		hundreds = t / 10000 + (t % 10000 != 0);

					v[9] = Int64GetDatum(t);
					n[9] = false;
					appendStringInfo(&text, eval_local("；按现有用地面积、其他指标不变，另需税收%lld.%02lld万元"),
									 (long long) (hundreds / 100), (long long) (hundreds % 100));
					if (f->status == FIRM_COMBINED && f->unit >= 0 &&
						st->firms[f->unit].credit_code != NULL)
						appendStringInfo(&text, eval_local("（合并单元%s合计）"),
										 st->firms[f->unit].credit_code);
					if (cohort_gap_holds_others(cr))
						appendStringInfoString(&text, eval_local("（按其他企业得分和基准值不变测算）"));
				}
				else
					appendStringInfoString(&text, eval_local("；仅增加税收无法达到"));
			}
		}
	}
	v[10] = CStringGetTextDatum(text.data);
	n[10] = false;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
}

