/*-------------------------------------------------------------------------
 *
 * policy_run.c
 *	  政策兑现 engine: one firm (a row of the caller's query) against every
 *	  policy of a set — eligibility, the amount, the caps — and, at the end,
 *	  the budgets shared out; one output row per firm and policy.
 *
 *	  Unknown inputs (a NULL or absent column a policy needs) make the row
 *	  unknown: eligible NULL and amount NULL, never 0元.  Rows of policies
 *	  without a budget are written as the firm is read; rows of policies
 *	  with one are kept and written at the end, once the budget is shared.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "industry.h"
#include "lib/stringinfo.h"
#include "policy.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* output columns of policy_evaluate */
enum
{
	OUT_ORDINAL, OUT_CREDIT_CODE, OUT_NAME, OUT_POLICY, OUT_LABEL, OUT_DIRECTION,
	OUT_CLASS, OUT_ELIGIBLE, OUT_AMOUNT, OUT_COMPUTED, OUT_APPLIED, OUT_EXPLANATION,
	OUT_MISSING, OUT_NCOLS
};

/* one input column of the query */
typedef struct InputCol
{
	int			attno;			/* 1-based, 0 absent */
	KitType		type;
} InputCol;

/* the outcome for one firm and policy */
typedef struct Outcome
{
	int			eligible;		/* 1 yes, 0 no, -1 unknown */
	bool		has_computed;
	int64		computed;		/* the formula's amount, 分 */
	int64		amount;			/* after caps (and later the budget) */
	const char *applied;		/* UTF-8 or NULL */
	StringInfoData expl;		/* UTF-8 */
	StringInfoData why;			/* reasons not eligible */
	int			nmissing;
	const char *missing[16];
} Outcome;

/* a row kept for a budget */
typedef struct Pending
{
	int64		ordinal;
	Datum		credit_code;	/* text or 0 */
	Datum		name;
	const char *class_;			/* UTF-8 or NULL */
	int			eligible;
	bool		has_computed;
	int64		computed;
	int64		amount;
	const char *applied;
	const char *expl;
	int			nmissing;
	const char **missing;
	bool		has_rank;
	Rat			rank;
} Pending;

/* the firm being read: the columns every policy may look at */
typedef struct Firm
{
	Datum		credit_code;
	Datum		name;
	KitPresence scope_p;
	const char *scope;
	KitPresence class_p;
	const char *class_;
	KitPresence class_prev_p;
	const char *class_prev;
	KitPresence score_p;
	Rat			score;
	KitPresence tiers_p;
	int			ntiers;
	const char **tiers;
	KitPresence new_tiers_p;
	int			nnew_tiers;
	const char **new_tiers;
	int			ntiers_unknown; /* tiers whose holding is unknown */
	const char **tiers_unknown;
	int			nnew_tiers_unknown; /* tiers whose new reaching is unknown */
	const char **new_tiers_unknown;
	KitPresence rewarded_p;
	int			nrewarded;
	const char **rewarded;
} Firm;

/* per-policy binding to the query */
typedef struct Bound
{
	InputCol	metric,
				base,
				base_prev,
				start,
				end,
				paid,
				rank;
	/* budget rows */
	int			npending;
	int			maxpending;
	Pending    *pending;
} Bound;

struct PolicyRun
{
	PolicySet  *set;
	KitQuery   *q;
	KitTypes	ext;
	KitColumns *cols;
	Tuplestorestate *out;
	TupleDesc	outdesc;
	InputCol	credit_code,
				name,
				scope,
				class_,
				class_prev,
				score,
				tiers,
				new_tiers,
				tiers_unknown,
				new_tiers_unknown,
				rewarded;
	FmgrInfo	cc_out;
	FmgrInfo	name_out;
	Bound	   *bound;
	Firm		firm;
	MemoryContext keepcxt;		/* budget rows, for the whole call */
};

/* ---------------------------------------------------------------------
 * Reading the query's columns
 * ---------------------------------------------------------------------
 */

/* Bind a column by name (NULL name: absent). */
static InputCol
bind_col(PolicyRun *run, const char *name)
{
	InputCol	c = {0, KIT_OTHER};

	if (name == NULL)
		return c;
	c.attno = kit_column_index(run->cols, kit_local(name)) + 1;
	if (c.attno > 0)
		c.type = kit_type_of(&run->ext,
							 TupleDescAttr(run->q->desc, c.attno - 1)->atttypid);
	return c;
}

/* Raise 42804 unless a bound column is absent or of an accepted kind. */
static void
require_type(const PolicyRun *run, const char *name, InputCol c, bool number,
			 bool text, bool textarray, bool date)
{
	bool		ok;

	if (c.attno == 0)
		return;
	ok = (number && (kit_type_is_number(c.type) || c.type == KIT_YUAN ||
						c.type == KIT_MU_AREA)) ||
		(text && c.type == KIT_TEXT) ||
		(textarray && c.type == KIT_TEXT_ARRAY) ||
		(date && c.type == KIT_DATE);
	if (!ok)
		kit_type_error(run->q->noun, kit_local(name),
					   TupleDescAttr(run->q->desc, c.attno - 1)->atttypid, NULL,
					   number ? "Policies read this column as a number (yuan, mu_area, numeric or integer)." :
					   text ? "Policies read this column as text." :
					   textarray ? "Policies read this column as text[]." :
					   "Policies read this column as a date.");
}

/*
 * Raise 42804 when a number column carries the wrong dimension: an amount
 * of money (元) must not be read as land or a metered quantity, nor land (亩)
 * as money.  what names what the policy reads the column as.
 */
static void
require_dimension(const PolicyRun *run, const char *name, InputCol c,
				  bool money_ok, bool land_ok, const char *what)
{
	if (c.attno == 0 ||
		((c.type != KIT_YUAN || money_ok) && (c.type != KIT_MU_AREA || land_ok)))
		return;
	kit_type_error(run->q->noun, kit_local(name),
				   TupleDescAttr(run->q->desc, c.attno - 1)->atttypid,
				   psprintf("The policy reads this column as %s.", what),
				   money_ok ? "Pass an amount of money as yuan or as a number of 元." :
				   land_ok ? "Pass land as mu_area or as a number of 亩." :
				   "Pass the quantity as a plain number in the policy's unit.");
}

/* A text column of the current row as UTF-8. */
static KitPresence
get_text(PolicyRun *run, InputCol c, const char **s)
{
	Datum		d;
	KitPresence p = kit_get(run->q, c.attno, &d);

	if (p == KIT_PRESENT)
		*s = kit_utf8(TextDatumGetCString(d));
	return p;
}

/* A number column of the current row, exact (NaN and infinity: NULL). */
static KitPresence
get_rat(PolicyRun *run, InputCol c, Rat *r)
{
	Datum		d;
	char	   *shown = NULL;
	KitPresence p = kit_get(run->q, c.attno, &d);

	if (p == KIT_PRESENT && kit_rat(c.type, d, r, &shown) != KIT_OK)
		return KIT_NULL;
	return p;
}

/* A text[] column of the current row as UTF-8 strings (NULL elements skipped). */
static KitPresence
get_text_array(PolicyRun *run, InputCol c, int *n, const char ***out)
{
	Datum		d;
	KitPresence p = kit_get(run->q, c.attno, &d);
	Datum	   *elems;
	bool	   *nulls;
	int			count,
				i;

	*n = 0;
	if (p != KIT_PRESENT)
		return p;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &count);
	*out = palloc(sizeof(char *) * Max(count, 1));
	for (i = 0; i < count; i++)
		if (!nulls[i])
			(*out)[(*n)++] = kit_utf8(TextDatumGetCString(elems[i]));
	return p;
}

/* Whether s is one of the n strings. */
static bool
in_list(const char *s, int n, const char **list)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* A class as explanations name it: "D类" for a code in ASCII, else as is ("丁类", "不参评"). */
static const char *
class_phrase(const char *class_)
{
	const char *c;

	for (c = class_; *c; c++)
		if (IS_HIGHBIT_SET(*c))
			return class_;
	return psprintf("%s类", class_);
}

/* ---------------------------------------------------------------------
 * Outcome helpers
 * ---------------------------------------------------------------------
 */

/* Note a missing input (once). */
static void
note_missing(Outcome *o, const char *column)
{
	if (in_list(column, o->nmissing, o->missing))
		return;
	if (o->nmissing < (int) lengthof(o->missing))
		o->missing[o->nmissing++] = column;
}

/* Note a reason the firm is not eligible. */
static void
note_fail(Outcome *o, const char *fmt,...) pg_attribute_printf(2, 3);

static void
note_fail(Outcome *o, const char *fmt,...)
{
	if (o->why.len > 0)
		appendStringInfoString(&o->why, "；");
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&o->why, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&o->why, needed);
	}
}

/* Append a list "a、b、c". */
static void
append_list(StringInfo s, int n, const char **list)
{
	int			i;

	for (i = 0; i < n; i++)
		appendStringInfo(s, "%s%s", i > 0 ? "、" : "", list[i]);
}

/* Append a value in its column's unit: money for yuan, else the number and unit. */
static void
append_quantity(StringInfo s, InputCol c, Rat v, const char *unit)
{
	if (c.type == KIT_YUAN)
		policy_append_money(s, policy_rat_to_fen(v), true);
	else
	{
		policy_append_rat(s, v, 6);
		if (unit)
			appendStringInfoString(s, unit);
		else if (c.type == KIT_MU_AREA)
			appendStringInfoString(s, "亩");
	}
}

/* Whether v lies above a low bound (以上 includes it, 超过 excludes it). */
static bool
above_low(const PolicyBound *b, Rat v)
{
	int			c = rat_cmp(v, b->value);

	return c > 0 || (c == 0 && b->inclusive);
}

/* Whether v lies below a high bound (以下 includes it, 不满 excludes it). */
static bool
below_high(const PolicyBound *b, Rat v)
{
	int			c = rat_cmp(v, b->value);

	return c < 0 || (c == 0 && b->inclusive);
}

/* Whether "policy:key" (or the policy alone when key is NULL) was rewarded. */
static bool
was_rewarded(const Firm *f, const Policy *p, const char *key)
{
	const char *k = key ? psprintf("%s:%s", p->code, key) : p->code;

	return in_list(k, f->nrewarded, f->rewarded);
}

/* ---------------------------------------------------------------------
 * Eligibility
 * ---------------------------------------------------------------------
 */

/* The conditions of a policy on the current firm: o->eligible 1, 0 or -1. */
static void
check_eligibility(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	const Firm *f = &run->firm;
	int			i;

	if (p->nscopes > 0)
	{
		if (f->scope_p != KIT_PRESENT)
			note_missing(o, "scope");
		else if (!in_list(f->scope, p->nscopes, p->scopes))
			note_fail(o, "范围为%s", f->scope);
	}
	if (p->nclasses > 0)
	{
		if (f->class_p != KIT_PRESENT)
			note_missing(o, "class");
		else if (!in_list(f->class_, p->nclasses, p->classes))
			note_fail(o, "评价类别为%s", class_phrase(f->class_));
	}
	if (p->nprev_classes > 0)
	{
		if (f->class_prev_p != KIT_PRESENT)
			note_missing(o, "class_prev");
		else if (!in_list(f->class_prev, p->nprev_classes, p->prev_classes))
			note_fail(o, "上年评价类别为%s", class_phrase(f->class_prev));
	}
	if (p->has_min_score)
	{
		if (f->score_p != KIT_PRESENT)
			note_missing(o, "score");
		else if (rat_cmp(f->score, p->min_score) < 0)
		{
			StringInfoData s;

			initStringInfo(&s);
			policy_append_rat(&s, f->score, 3);
			note_fail(o, "综合得分%s不满%s分", s.data, p->min_score_text);
		}
	}
	if (p->ntiers > 0)
	{
		if (f->tiers_p != KIT_PRESENT)
			note_missing(o, "tiers");
		else
			for (i = 0; i < p->ntiers; i++)
			{
				if (in_list(p->tiers[i], f->ntiers, f->tiers))
					continue;
				if (in_list(p->tiers[i], f->ntiers_unknown, f->tiers_unknown))
					note_missing(o, psprintf("tiers:%s", p->tiers[i]));
				else
					note_fail(o, "未获%s", p->tiers[i]);
			}
	}
	if (p->nnew_tiers > 0)
	{
		bool		any = false,
					unknown = false;

		if (f->new_tiers_p != KIT_PRESENT)
			note_missing(o, "new_tiers");
		else
		{
			for (i = 0; i < p->nnew_tiers && !any; i++)
				any = in_list(p->new_tiers[i], f->nnew_tiers, f->new_tiers);
			for (i = 0; i < p->nnew_tiers && !any; i++)
				if (in_list(p->new_tiers[i], f->nnew_tiers_unknown, f->new_tiers_unknown))
				{
					note_missing(o, psprintf("new_tiers:%s", p->new_tiers[i]));
					unknown = true;
				}
			if (!any && !unknown)
			{
				StringInfoData s;

				initStringInfo(&s);
				append_list(&s, p->nnew_tiers, p->new_tiers);
				note_fail(o, "本年未新获%s", s.data);
			}
		}
	}
	if (p->metric != NULL)
	{
		Rat			v;
		KitPresence pr = get_rat(run, b->metric, &v);

		if (pr != KIT_PRESENT)
			note_missing(o, p->metric);
		else if ((p->low.set && !above_low(&p->low, v)) ||
				 (p->high.set && !below_high(&p->high, v)))
		{
			StringInfoData s;

			initStringInfo(&s);
			policy_append_rat(&s, v, 4);
			appendStringInfoString(&s, "，须");
			if (p->low.set)
				appendStringInfo(&s, "%s%s", p->low.inclusive ? "" : "超过", p->low.text);
			if (p->low.set && p->low.inclusive)
				appendStringInfoString(&s, "以上");
			if (p->low.set && p->high.set)
				appendStringInfoString(&s, "、");
			if (p->high.set)
				appendStringInfo(&s, "%s%s", p->high.inclusive ? "" : "不满", p->high.text);
			if (p->high.set && p->high.inclusive)
				appendStringInfoString(&s, "以下");
			note_fail(o, "%s为%s", p->metric, s.data);
		}
	}
	if (p->once && (p->kind == POLICY_ONE_OFF || p->kind == POLICY_NEW_STEP ||
					p->kind == POLICY_STAGED))
	{
		if (f->rewarded_p != KIT_PRESENT)
			note_missing(o, "rewarded");
		else if (p->kind == POLICY_ONE_OFF && p->nitems == 0 && was_rewarded(f, p, NULL))
			note_fail(o, "已兑现过，不再奖励");
	}

	if (o->why.len > 0)
		o->eligible = 0;
	else if (o->nmissing > 0)
		o->eligible = -1;
	else
		o->eligible = 1;
}

/* ---------------------------------------------------------------------
 * Amounts by kind
 * ---------------------------------------------------------------------
 */

/* Read the base value; false (and the row unknown) if it is missing or negative. */
static bool
read_base(PolicyRun *run, InputCol c, const char *column, Rat *v, Outcome *o)
{
	KitPresence pr = get_rat(run, c, v);

	if (pr != KIT_PRESENT)
	{
		note_missing(o, column);
		o->eligible = -1;
		return false;
	}
	if (v->n < 0)
	{
		note_missing(o, column);
		o->eligible = -1;
		appendStringInfo(&o->expl, "%s为负数，数据有误", column);
		return false;
	}
	return true;
}

/*
 * Set the formula's amount; an amount beyond the yuan range makes this row
 * unknown (its neighbours are not affected).
 */
static bool
set_computed(Outcome *o, Rat amount, const char *column)
{
	if (!policy_rat_fits_fen(amount, &o->computed))
	{
		note_missing(o, column);
		o->eligible = -1;
		appendStringInfo(&o->expl, "按%s计算的金额超出yuan范围，数据有误", column);
		return false;
	}
	o->has_computed = true;
	return true;
}

/* The noun of the amount ("贴息"), or the policy's label. */
static const char *
amount_noun(const Policy *p)
{
	return p->amount_label ? p->amount_label : p->label;
}

/* The label of the base value, or its column name. */
static const char *
base_noun(const Policy *p)
{
	return p->base_label ? p->base_label : p->base_column;
}

/* rate: base × rate [× days / days of the year]. */
static void
amount_rate(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	Rat			base;
	Rat			fraction = rat_make(1, 1);
	int32		days = 0;
	StringInfoData detail;

	if (!read_base(run, b->base, p->base_column, &base, o))
		return;
	initStringInfo(&detail);
	if (p->start_column)
	{
		Datum		ds,
					de;
		KitPresence ps = kit_get(run->q, b->start.attno, &ds);
		KitPresence pe = kit_get(run->q, b->end.attno, &de);

		if (ps != KIT_PRESENT)
			note_missing(o, p->start_column);
		if (pe != KIT_PRESENT)
			note_missing(o, p->end_column);
		if (ps != KIT_PRESENT || pe != KIT_PRESENT)
		{
			o->eligible = -1;
			return;
		}
		if (DATE_NOT_FINITE(DatumGetDateADT(ds)) || DATE_NOT_FINITE(DatumGetDateADT(de)) ||
			DatumGetDateADT(de) < DatumGetDateADT(ds))
		{
			note_missing(o, p->end_column);
			o->eligible = -1;
			appendStringInfo(&o->expl, "%s早于%s或日期无限，数据有误", p->end_column, p->start_column);
			return;
		}
		fraction = policy_year_fraction(DatumGetDateADT(ds), DatumGetDateADT(de),
										p->day_count, &days,
										p->day_count == POLICY_CALENDAR ? &detail : NULL);
		if (p->day_count == POLICY_LOAN_YEAR && policy_year_days(DatumGetDateADT(ds)) != 365)
			appendStringInfo(&detail, "贷款年度%d天", policy_year_days(DatumGetDateADT(ds)));
	}
	if (!set_computed(o, rat_mul(rat_mul(base, p->rate), fraction), p->base_column))
		return;
	appendStringInfo(&o->expl, "按%s", base_noun(p));
	append_quantity(&o->expl, b->base, base, p->base_unit);
	appendStringInfoString(&o->expl, "的");
	policy_append_percent(&o->expl, p->rate);
	if (p->start_column)
	{
		appendStringInfo(&o->expl, "、实际使用%d天", days);
		if (detail.len > 0)
			appendStringInfo(&o->expl, "（%s）", detail.data);
	}
	appendStringInfo(&o->expl, "计%s", amount_noun(p));
	policy_append_money(&o->expl, o->computed, false);
}

/* The number of the highest band v reaches (0: none). */
static int
band_of(const Policy *p, Rat v)
{
	int			i,
				band = 0;

	for (i = 0; i < p->nitems; i++)
		if (above_low(&p->items[i].low, v))
			band = i + 1;
	return band;
}

/* The label of band i (1-based). */
static const char *
band_label(const Policy *p, int i)
{
	const PolicyItem *it = &p->items[i - 1];

	return it->label ? it->label : psprintf("第%d档", it->item);
}

/* step: the reward of the band the value lies in. */
static void
amount_step(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	Rat			v;
	int			band;

	if (!read_base(run, b->base, p->base_column, &v, o))
		return;
	band = band_of(p, v);
	appendStringInfoString(&o->expl, base_noun(p));
	append_quantity(&o->expl, b->base, v, p->base_unit);
	if (band == 0)
	{
		o->eligible = 0;
		appendStringInfo(&o->expl, "，未达到最低档（%s）", band_label(p, 1));
		return;
	}
	o->computed = p->items[band - 1].value_fen;
	o->has_computed = true;
	appendStringInfo(&o->expl, "，达到%s档，奖励", band_label(p, band));
	policy_append_money(&o->expl, o->computed, false);
}

/* new_step: the reward of the bands newly reached (value vs value_prev1 and history). */
static void
amount_new_step(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	const Firm *f = &run->firm;
	Rat			v,
				prev;
	int			now,
				before,
				i;
	int64		total = 0;
	StringInfoData bands;

	if (!read_base(run, b->base, p->base_column, &v, o))
		return;
	if (!read_base(run, b->base_prev, p->base_prev_column, &prev, o))
		return;
	now = band_of(p, v);
	before = band_of(p, prev);
	if (p->once)
		for (i = 1; i <= p->nitems; i++)
			if (was_rewarded(f, p, psprintf("%d", p->items[i - 1].item)) && i > before)
				before = i;
	appendStringInfo(&o->expl, "%s由", base_noun(p));
	append_quantity(&o->expl, b->base, prev, p->base_unit);
	appendStringInfoString(&o->expl, rat_cmp(v, prev) < 0 ? "降至" : "增至");
	append_quantity(&o->expl, b->base, v, p->base_unit);
	if (now <= before)
	{
		o->eligible = 0;
		appendStringInfoString(&o->expl, "，未新达到奖励档次");
		if (before > 0)
			appendStringInfo(&o->expl, "（已达到或已奖励%s档）", band_label(p, before));
		return;
	}
	initStringInfo(&bands);
	for (i = before + 1; i <= now; i++)
	{
		if (p->step_rule == POLICY_STEP_SUM)
			total += p->items[i - 1].value_fen;
		appendStringInfo(&bands, "%s%s", i > before + 1 ? "、" : "", band_label(p, i));
	}
	if (p->step_rule == POLICY_STEP_HIGHEST)
		total = p->items[now - 1].value_fen;
	else if (p->step_rule == POLICY_STEP_DIFFERENCE)
		total = p->items[now - 1].value_fen - (before > 0 ? p->items[before - 1].value_fen : 0);
	if (total < 0)
		total = 0;
	o->computed = total;
	o->has_computed = true;
	appendStringInfo(&o->expl, "，首次达到%s档，奖励", bands.data);
	policy_append_money(&o->expl, total, false);
	if (p->step_rule == POLICY_STEP_DIFFERENCE && before > 0)
		appendStringInfo(&o->expl, "（按差额，已奖励%s档）", band_label(p, before));
}

/* one_off: a fixed reward, or the highest item matching a new tier or the class. */
static void
amount_one_off(PolicyRun *run, const Policy *p, Outcome *o)
{
	const Firm *f = &run->firm;
	int			i,
				best = -1,
				done = 0;
	bool		by_tier = p->nnew_tiers > 0;

	if (p->nitems == 0)
	{
		o->computed = p->amount_fen;
		o->has_computed = true;
		appendStringInfo(&o->expl, "%s：一次性奖励", p->label);
		policy_append_money(&o->expl, o->computed, false);
		return;
	}
	if (!by_tier && f->class_p != KIT_PRESENT)
	{
		note_missing(o, "class");
		o->eligible = -1;
		return;
	}
	for (i = 0; i < p->nitems; i++)
	{
		const PolicyItem *it = &p->items[i];
		bool		match = by_tier ? in_list(it->key, f->nnew_tiers, f->new_tiers)
			: strcmp(it->key, f->class_) == 0;

		if (!match)
			continue;
		if (p->once && was_rewarded(f, p, it->key))
		{
			done++;
			continue;
		}
		if (best < 0 || it->value_fen > p->items[best].value_fen)
			best = i;
	}
	/* a higher reward on a tier whose new reaching is unknown leaves the amount open */
	for (i = 0; by_tier && i < p->nitems; i++)
	{
		const PolicyItem *it = &p->items[i];

		if (in_list(it->key, f->nnew_tiers_unknown, f->new_tiers_unknown) &&
			!in_list(it->key, f->nnew_tiers, f->new_tiers) &&
			!(p->once && was_rewarded(f, p, it->key)) &&
			(best < 0 || it->value_fen > p->items[best].value_fen))
		{
			note_missing(o, psprintf("new_tiers:%s", it->key));
			o->eligible = -1;
		}
	}
	if (o->eligible < 0)
		return;
	if (best < 0)
	{
		o->eligible = 0;
		appendStringInfoString(&o->expl, done > 0 ? "已兑现过，不再奖励" : "无对应奖励项目");
		return;
	}
	o->computed = p->items[best].value_fen;
	o->has_computed = true;
	appendStringInfo(&o->expl, "%s%s，一次性奖励", by_tier ? "新获" : "评为",
					 p->items[best].label ? p->items[best].label : p->items[best].key);
	policy_append_money(&o->expl, o->computed, false);
}

/* staged: the stage due of a total paid in stages. */
static void
amount_staged(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	Rat			v;
	Rat		   *shares;
	int			stage,
				i;

	if (!read_base(run, b->base, p->base_column, &v, o))
		return;
	if (v.d != 1 && v.n % v.d != 0)
	{
		o->eligible = 0;
		appendStringInfo(&o->expl, "%s不是整数期数", p->base_column);
		return;
	}
	if (v.n / v.d < 1)
	{
		o->eligible = 0;
		appendStringInfo(&o->expl, "%s为0，本期无应兑现期次", p->base_column);
		return;
	}
	if (v.n / v.d > p->nitems)
	{
		o->eligible = 0;
		appendStringInfo(&o->expl, "第");
		policy_append_rat(&o->expl, v, 0);
		appendStringInfo(&o->expl, "期不在1至%d期内", p->nitems);
		return;
	}
	stage = (int) (v.n / v.d);
	if (p->once && was_rewarded(&run->firm, p, psprintf("%d", stage)))
	{
		o->eligible = 0;
		appendStringInfo(&o->expl, "第%d期已兑现过", stage);
		return;
	}
	shares = palloc(sizeof(Rat) * p->nitems);
	for (i = 0; i < p->nitems; i++)
		shares[i] = p->items[i].value;
	o->computed = policy_stage_fen(p->amount_fen, shares, p->nitems, stage);
	o->has_computed = true;
	appendStringInfoString(&o->expl, p->label);
	policy_append_money(&o->expl, p->amount_fen, false);
	appendStringInfo(&o->expl, "分%d期兑现：第%d期（", p->nitems, stage);
	policy_append_percent(&o->expl, shares[stage - 1]);
	appendStringInfoString(&o->expl, "）");
	policy_append_money(&o->expl, o->computed, false);
}

/* The item of the firm's class (per_unit, land_tax); NULL and the row set if none. */
static const PolicyItem *
class_item(PolicyRun *run, const Policy *p, Outcome *o)
{
	const Firm *f = &run->firm;
	int			i;

	if (f->class_p != KIT_PRESENT)
	{
		note_missing(o, "class");
		o->eligible = -1;
		return NULL;
	}
	for (i = 0; i < p->nitems; i++)
		if (strcmp(p->items[i].key, f->class_) == 0)
			return &p->items[i];
	o->eligible = 0;
	appendStringInfo(&o->expl, "%s不适用%s", class_phrase(f->class_), p->label);
	return NULL;
}

/* per_unit: quantity × unit_scale × the class's price. */
static void
amount_per_unit(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	const PolicyItem *it = class_item(run, p, o);
	Rat			q;

	if (it == NULL)
		return;
	if (!read_base(run, b->base, p->base_column, &q, o))
		return;
	if (!set_computed(o, rat_mul(rat_mul(q, p->unit_scale), it->value), p->base_column))
		return;
	appendStringInfo(&o->expl, "%s%s：%s", class_phrase(run->firm.class_), p->label, base_noun(p));
	append_quantity(&o->expl, b->base, q, p->base_unit);
	appendStringInfo(&o->expl, "×%s元=", it->value_text);
	policy_append_money(&o->expl, o->computed, false);
}

/* land_tax: land in 平方米 × 元/平方米 × the class's share. */
static void
amount_land_tax(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	const PolicyItem *it = class_item(run, p, o);
	Rat			mu,
				m2;

	if (it == NULL)
		return;
	if (!read_base(run, b->base, p->base_column, &mu, o))
		return;
	m2 = rat_mul(mu, rat_make(10000, 15));
	if (!set_computed(o, rat_mul(rat_mul(m2, p->rate), it->value), p->base_column))
		return;
	appendStringInfo(&o->expl, "%s%s：%s", class_phrase(run->firm.class_), p->label, base_noun(p));
	policy_append_rat(&o->expl, mu, 4);
	appendStringInfoString(&o->expl, "亩（");
	policy_append_rat(&o->expl, m2, 2);
	appendStringInfo(&o->expl, "平方米）×%s元/平方米×", p->rate_text);
	policy_append_percent(&o->expl, it->value);
	appendStringInfoString(&o->expl, "=");
	policy_append_money(&o->expl, o->computed, false);
}

/* Caps per firm and per period (period: less what the firm was already paid). */
static void
apply_caps(PolicyRun *run, const Policy *p, const Bound *b, Outcome *o)
{
	o->amount = o->computed;
	if (p->has_cap && o->amount > p->cap_fen)
	{
		StringInfoData s;

		o->amount = p->cap_fen;
		initStringInfo(&s);
		appendStringInfoString(&s, "每户上限");
		policy_append_money(&s, p->cap_fen, false);
		o->applied = s.data;
		appendStringInfoString(&o->expl, "，超过每户上限，按");
		policy_append_money(&o->expl, p->cap_fen, false);
		appendStringInfoString(&o->expl, "兑现");
	}
	if (p->has_period_cap)
	{
		Rat			paid;
		int64		paid_fen,
					left;

		if (get_rat(run, b->paid, &paid) != KIT_PRESENT)
		{
			note_missing(o, p->paid_column);
			o->eligible = -1;
			return;
		}
		if (!policy_rat_fits_fen(paid, &paid_fen))
		{
			note_missing(o, p->paid_column);
			o->eligible = -1;
			return;
		}
		left = p->period_cap_fen - paid_fen;
		if (left < 0)
			left = 0;
		if (o->amount > left)
		{
			StringInfoData s;

			o->amount = left;
			initStringInfo(&s);
			appendStringInfoString(&s, "本期上限");
			policy_append_money(&s, p->period_cap_fen, false);
			appendStringInfoString(&s, "（已兑现");
			policy_append_money(&s, paid_fen, false);
			appendStringInfoString(&s, "）");
			o->applied = s.data;
			appendStringInfoString(&o->expl, "，受本期上限所限，兑现");
			policy_append_money(&o->expl, left, false);
		}
	}
}

/* ---------------------------------------------------------------------
 * Output
 * ---------------------------------------------------------------------
 */

/* The missing columns as a text[] datum. */
static Datum
missing_datum(int n, const char **missing)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
		d[i] = kit_text_datum(missing[i]);
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* Write one output row. */
static void
put_row(PolicyRun *run, const Policy *p, int64 ordinal, Datum cc, Datum name,
		const char *class_, int eligible, bool has_computed, int64 computed,
		int64 amount, const char *applied, const char *expl, int nmissing,
		const char **missing)
{
	Datum		v[OUT_NCOLS];
	bool		n[OUT_NCOLS];

	memset(n, 0, sizeof(n));
	v[OUT_ORDINAL] = Int64GetDatum(ordinal);
	v[OUT_CREDIT_CODE] = cc;
	n[OUT_CREDIT_CODE] = (cc == (Datum) 0);
	v[OUT_NAME] = name;
	n[OUT_NAME] = (name == (Datum) 0);
	v[OUT_POLICY] = kit_text_datum(p->code);
	v[OUT_LABEL] = kit_text_datum(p->label);
	v[OUT_DIRECTION] = kit_text_datum(p->direction);
	n[OUT_CLASS] = class_ == NULL;
	if (class_)
		v[OUT_CLASS] = kit_text_datum(class_);
	n[OUT_ELIGIBLE] = eligible < 0;
	v[OUT_ELIGIBLE] = BoolGetDatum(eligible > 0);
	n[OUT_AMOUNT] = eligible < 0;
	v[OUT_AMOUNT] = YuanGetDatum(eligible > 0 ? amount : 0);
	n[OUT_COMPUTED] = !has_computed || eligible < 0;
	v[OUT_COMPUTED] = YuanGetDatum(computed);
	n[OUT_APPLIED] = applied == NULL;
	if (applied)
		v[OUT_APPLIED] = kit_text_datum(applied);
	n[OUT_EXPLANATION] = expl == NULL || expl[0] == '\0';
	if (!n[OUT_EXPLANATION])
		v[OUT_EXPLANATION] = kit_text_datum(expl);
	n[OUT_MISSING] = nmissing == 0;
	if (nmissing > 0)
		v[OUT_MISSING] = missing_datum(nmissing, missing);
	tuplestore_putvalues(run->out, run->outdesc, v, n);
}

/* A column's text in the database encoding as a text datum (0 if NULL or absent). */
static Datum
out_text(PolicyRun *run, InputCol c, FmgrInfo *fn)
{
	Datum		d;

	if (kit_get(run->q, c.attno, &d) != KIT_PRESENT)
		return (Datum) 0;
	return CStringGetTextDatum(OutputFunctionCall(fn, d));
}

/* ---------------------------------------------------------------------
 * The run
 * ---------------------------------------------------------------------
 */

/* Bind the policies of a set to an open query; rows go to out. */
PolicyRun *
policy_run_begin(PolicySet *set, KitQuery *q, const KitTypes *ext,
				 Tuplestorestate *out, TupleDesc outdesc)
{
	PolicyRun  *run = palloc0(sizeof(PolicyRun));
	int			i;
	Oid			fn;
	bool		varlena;

	run->set = set;
	run->q = q;
	run->ext = *ext;
	run->cols = kit_columns_of_desc(q->noun, q->desc);
	run->out = out;
	run->outdesc = outdesc;
	run->keepcxt = CurrentMemoryContext;
	run->credit_code = bind_col(run, "credit_code");
	run->name = bind_col(run, "name");
	run->scope = bind_col(run, "scope");
	run->class_ = bind_col(run, "class");
	run->class_prev = bind_col(run, "class_prev");
	run->score = bind_col(run, "score");
	run->tiers = bind_col(run, "tiers");
	run->new_tiers = bind_col(run, "new_tiers");
	run->tiers_unknown = bind_col(run, "tiers_unknown");
	run->new_tiers_unknown = bind_col(run, "new_tiers_unknown");
	run->rewarded = bind_col(run, "rewarded");
	require_type(run, "scope", run->scope, false, true, false, false);
	require_type(run, "class", run->class_, false, true, false, false);
	require_type(run, "class_prev", run->class_prev, false, true, false, false);
	require_type(run, "score", run->score, true, false, false, false);
	require_type(run, "tiers", run->tiers, false, false, true, false);
	require_type(run, "new_tiers", run->new_tiers, false, false, true, false);
	require_type(run, "tiers_unknown", run->tiers_unknown, false, false, true, false);
	require_type(run, "new_tiers_unknown", run->new_tiers_unknown, false, false, true, false);
	require_type(run, "rewarded", run->rewarded, false, false, true, false);
	if (run->credit_code.attno > 0)
	{
		getTypeOutputInfo(TupleDescAttr(q->desc, run->credit_code.attno - 1)->atttypid,
						  &fn, &varlena);
		fmgr_info(fn, &run->cc_out);
	}
	if (run->name.attno > 0)
	{
		getTypeOutputInfo(TupleDescAttr(q->desc, run->name.attno - 1)->atttypid,
						  &fn, &varlena);
		fmgr_info(fn, &run->name_out);
	}

	run->bound = palloc0(sizeof(Bound) * Max(set->npolicies, 1));
	for (i = 0; i < set->npolicies; i++)
	{
		Policy	   *p = &set->policies[i];
		Bound	   *b = &run->bound[i];

		b->metric = bind_col(run, p->metric);
		b->base = bind_col(run, p->base_column);
		b->base_prev = bind_col(run, p->kind == POLICY_NEW_STEP ? p->base_prev_column : NULL);
		b->start = bind_col(run, p->start_column);
		b->end = bind_col(run, p->end_column);
		b->paid = bind_col(run, p->paid_column);
		b->rank = bind_col(run, p->rank_column);
		if (p->metric)
			require_type(run, p->metric, b->metric, true, false, false, false);
		if (p->base_column)
		{
			require_type(run, p->base_column, b->base, true, false, false, false);
			if (p->kind == POLICY_RATE)
				require_dimension(run, p->base_column, b->base, true, false, "an amount of money (元)");
			else if (p->kind == POLICY_LAND_TAX)
				require_dimension(run, p->base_column, b->base, false, true, "land (亩)");
			else if (p->kind == POLICY_PER_UNIT)
				require_dimension(run, p->base_column, b->base, false, false, "a metered quantity");
		}
		if (p->kind == POLICY_NEW_STEP)
			require_type(run, p->base_prev_column, b->base_prev, true, false, false, false);
		if (p->start_column)
		{
			require_type(run, p->start_column, b->start, false, false, false, true);
			require_type(run, p->end_column, b->end, false, false, false, true);
		}
		if (p->paid_column)
		{
			require_type(run, p->paid_column, b->paid, true, false, false, false);
			require_dimension(run, p->paid_column, b->paid, true, false, "an amount of money (元)");
		}
		if (p->rank_column)
			require_type(run, p->rank_column, b->rank, true, false, false, false);
	}
	return run;
}

/* Read the columns every policy may look at. */
static void
read_firm(PolicyRun *run)
{
	Firm	   *f = &run->firm;

	f->credit_code = out_text(run, run->credit_code, &run->cc_out);
	f->name = out_text(run, run->name, &run->name_out);
	f->scope_p = get_text(run, run->scope, &f->scope);
	f->class_p = get_text(run, run->class_, &f->class_);
	f->class_prev_p = get_text(run, run->class_prev, &f->class_prev);
	f->score_p = get_rat(run, run->score, &f->score);
	f->tiers_p = get_text_array(run, run->tiers, &f->ntiers, &f->tiers);
	f->new_tiers_p = get_text_array(run, run->new_tiers, &f->nnew_tiers, &f->new_tiers);
	(void) get_text_array(run, run->tiers_unknown, &f->ntiers_unknown, &f->tiers_unknown);
	(void) get_text_array(run, run->new_tiers_unknown, &f->nnew_tiers_unknown,
						  &f->new_tiers_unknown);
	f->rewarded_p = get_text_array(run, run->rewarded, &f->nrewarded, &f->rewarded);
	if (f->class_p != KIT_PRESENT)
		f->class_ = NULL;
}

/* Keep a row of a budget policy until the budget is shared. */
static void
keep_row(PolicyRun *run, const Policy *p, Bound *b, int64 ordinal, Outcome *o)
{
	MemoryContext old = MemoryContextSwitchTo(run->keepcxt);
	Pending    *e;
	int			i;

	if (b->npending == b->maxpending)
	{
		b->maxpending = b->maxpending ? b->maxpending * 2 : 256;
		if ((Size) b->maxpending * sizeof(Pending) > MaxAllocSize)
			b->pending = repalloc_huge(b->pending, (Size) b->maxpending * sizeof(Pending));
		else if (b->pending)
			b->pending = repalloc(b->pending, (Size) b->maxpending * sizeof(Pending));
		else
			b->pending = palloc((Size) b->maxpending * sizeof(Pending));
	}
	e = &b->pending[b->npending++];
	e->ordinal = ordinal;
	e->credit_code = run->firm.credit_code ? PointerGetDatum(DatumGetTextPCopy(run->firm.credit_code)) : 0;
	e->name = run->firm.name ? PointerGetDatum(DatumGetTextPCopy(run->firm.name)) : 0;
	e->class_ = run->firm.class_ ? pstrdup(run->firm.class_) : NULL;
	e->eligible = o->eligible;
	e->has_computed = o->has_computed;
	e->computed = o->computed;
	e->amount = o->amount;
	e->applied = o->applied ? pstrdup(o->applied) : NULL;
	e->expl = pstrdup(o->expl.data);
	e->nmissing = o->nmissing;
	e->missing = palloc(sizeof(char *) * Max(o->nmissing, 1));
	for (i = 0; i < o->nmissing; i++)
		e->missing[i] = pstrdup(o->missing[i]);
	e->has_rank = false;
	if (p->rank_column)
		e->has_rank = get_rat(run, b->rank, &e->rank) == KIT_PRESENT;
	MemoryContextSwitchTo(old);
}

/* One firm (the query's current row) against every policy. */
void
policy_run_row(PolicyRun *run, int64 ordinal)
{
	int			i;

	read_firm(run);
	for (i = 0; i < run->set->npolicies; i++)
	{
		const Policy *p = &run->set->policies[i];
		Bound	   *b = &run->bound[i];
		Outcome		o;

		memset(&o, 0, sizeof(o));
		initStringInfo(&o.expl);
		initStringInfo(&o.why);
		check_eligibility(run, p, b, &o);
		if (o.eligible == 1)
		{
			switch (p->kind)
			{
				case POLICY_RATE:
					amount_rate(run, p, b, &o);
					break;
				case POLICY_STEP:
					amount_step(run, p, b, &o);
					break;
				case POLICY_NEW_STEP:
					amount_new_step(run, p, b, &o);
					break;
				case POLICY_ONE_OFF:
					amount_one_off(run, p, &o);
					break;
				case POLICY_STAGED:
					amount_staged(run, p, b, &o);
					break;
				case POLICY_PER_UNIT:
					amount_per_unit(run, p, b, &o);
					break;
				case POLICY_LAND_TAX:
					amount_land_tax(run, p, b, &o);
					break;
			}
			if (o.eligible == 1)
				apply_caps(run, p, b, &o);
		}
		else if (o.eligible == 0)
			appendStringInfo(&o.expl, "不符合%s条件：%s", p->label, o.why.data);
		if (o.eligible < 0 && o.expl.len == 0)
		{
			appendStringInfoString(&o.expl, "缺少数据：");
			append_list(&o.expl, o.nmissing, o.missing);
			appendStringInfoString(&o.expl, "，无法判定");
		}
		if (p->has_budget)
			keep_row(run, p, b, ordinal, &o);
		else
			put_row(run, p, ordinal, run->firm.credit_code, run->firm.name,
					run->firm.class_, o.eligible, o.has_computed, o.computed,
					o.amount, o.applied, o.expl.data, o.nmissing, o.missing);
	}
}

/* Pending rows by rank (known ranks first, ascending), then input order. */
static int
rank_cmp(const void *a, const void *b)
{
	const Pending *x = *(Pending *const *) a;
	const Pending *y = *(Pending *const *) b;

	if (x->has_rank != y->has_rank)
		return x->has_rank ? -1 : 1;
	if (x->has_rank)
	{
		int			c = rat_cmp(x->rank, y->rank);

		if (c != 0)
			return c;
	}
	return (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

/* Share a policy's budget over its eligible rows and write them all. */
static void
share_budget(PolicyRun *run, const Policy *p, Bound *b)
{
	int			n = 0,
				i;
	int128		asked = 0;
	Pending   **elig = palloc(sizeof(Pending *) * Max(b->npending, 1));

	for (i = 0; i < b->npending; i++)
		if (b->pending[i].eligible == 1)
		{
			elig[n++] = &b->pending[i];
			asked += b->pending[i].amount;
		}
	if (asked > p->budget_fen)
	{
		StringInfoData note;

		initStringInfo(&note);
		appendStringInfoString(&note, "预算");
		policy_append_money(&note, p->budget_fen, false);
		appendStringInfoString(&note, "不足（应兑现合计");
		if (asked <= PG_INT64_MAX)
			policy_append_money(&note, (int64) asked, false);
		else
		{
			policy_append_rat(&note, rat_make(asked, 100), 2);
			appendStringInfoString(&note, "元");
		}
		appendStringInfoString(&note, "）");
		if (p->allocation == POLICY_PRO_RATA)
		{
			int64	   *in = palloc(sizeof(int64) * Max(n, 1));
			int64	   *out = palloc(sizeof(int64) * Max(n, 1));

			for (i = 0; i < n; i++)
				in[i] = elig[i]->amount;
			policy_allocate_pro_rata(in, n, p->budget_fen, out);
			for (i = 0; i < n; i++)
			{
				StringInfoData s;

				initStringInfo(&s);
				appendStringInfo(&s, "%s；%s，按比例兑现", elig[i]->expl, note.data);
				policy_append_money(&s, out[i], true);
				elig[i]->expl = s.data;
				elig[i]->amount = out[i];
				elig[i]->applied = psprintf("%s，按比例", note.data);
			}
		}
		else
		{
			int64		left = p->budget_fen;

			qsort(elig, n, sizeof(Pending *), rank_cmp);
			for (i = 0; i < n; i++)
			{
				StringInfoData s;
				int64		pay = Min(elig[i]->amount, left);

				initStringInfo(&s);
				appendStringInfo(&s, "%s；%s，按排名第%d位", elig[i]->expl, note.data, i + 1);
				if (pay < elig[i]->amount)
				{
					appendStringInfoString(&s, pay > 0 ? "兑现余额" : "，预算已用完");
					if (pay > 0)
						policy_append_money(&s, pay, true);
				}
				left -= pay;
				elig[i]->expl = s.data;
				elig[i]->amount = pay;
				elig[i]->applied = psprintf("%s，按排名", note.data);
			}
		}
	}
	for (i = 0; i < b->npending; i++)
	{
		Pending    *e = &b->pending[i];

		put_row(run, p, e->ordinal, e->credit_code, e->name, e->class_, e->eligible,
				e->has_computed, e->computed, e->amount, e->applied, e->expl,
				e->nmissing, e->missing);
	}
}

/* Share the budgets and write the kept rows. */
void
policy_run_end(PolicyRun *run)
{
	int			i;

	for (i = 0; i < run->set->npolicies; i++)
		if (run->set->policies[i].has_budget)
			share_budget(run, &run->set->policies[i], &run->bound[i]);
}
