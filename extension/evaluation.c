/*-------------------------------------------------------------------------
 *
 * evaluation.c
 *	  The one-call 亩均效益综合评价 engine: run the caller's query once
 *	  through the engine kit (caller's rights, rows streamed, parallel
 *	  plans allowed, nothing of the result kept), keep each enterprise in
 *	  compact form with its indicator values in fixed point, derive
 *	  per-group benchmarks, score, sort each group, classify by quota or
 *	  threshold, apply exemptions and vetoes.  The entry points
 *	  (evaluation_entry.c) call eval_run() and emit the rows with
 *	  evaluation_output.c; nothing here calls either.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "evaluation.h"

/* the caller's query in messages */
#define EVAL_QUERY	"the evaluation query"

static const InputRole input_roles[EVAL_NINPUTS] = {
	ROLE_TEXT, ROLE_TEXT, ROLE_TEXT, ROLE_TEXT, ROLE_INT, ROLE_LAND, ROLE_MONEY,
	ROLE_MONEY, ROLE_MONEY, ROLE_MONEY, ROLE_MONEY, ROLE_QUANTITY, ROLE_QUANTITY,
	ROLE_QUANTITY, ROLE_QUANTITY, ROLE_TEXT, ROLE_DATE, ROLE_DATE, ROLE_BOOL,
	ROLE_TEXT, ROLE_QUANTITY, ROLE_QUANTITY, ROLE_QUANTITY
};

/* Copy len bytes plus a NUL into the string arena. */
static char *
arena_strdup(EvalState *st, const char *s, Size len)
{
	char	   *p;

	if (len + 1 > st->arena_left)
	{
		Size		sz = Max(len + 1, 1024 * 1024);

		st->arena = MemoryContextAlloc(st->cxt, sz);
		st->arena_left = sz;
	}
	p = st->arena;
	memcpy(p, s, len);
	p[len] = '\0';
	st->arena += len + 1;
	st->arena_left -= len + 1;
	return p;
}

/* Text of an input column of the current row, or NULL; *len set. */
static const char *
input_text(EvalState *st, KitQuery *q, EvalInput which, Size *len)
{
	Datum		d;

	if (kit_get(q, st->in[which].attno, &d) != KIT_PRESENT)
		return NULL;
	return kit_text_value(&st->in[which], d, len);
}

/*
 * Fixed-point value of a numeric input of the current row (money in 分,
 * land and quantities in 10^-6); false when NULL.
 */
static bool
input_scaled(EvalState *st, KitQuery *q, EvalInput which, int64 *result)
{
	KitColumn  *c = &st->in[which];
	const char *col = eval_input_names[which];
	Datum		d;

	if (kit_get(q, c->attno, &d) != KIT_PRESENT)
		return false;
	switch (kit_scaled(&st->kt, c->kind, d, input_roles[which] == ROLE_MONEY ? 2 : 6, result))
	{
		case KIT_OK:
			break;
		case KIT_NOT_FINITE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("column \"%s\" of the evaluation query cannot be NaN or infinity", col)));
			break;
		case KIT_TOO_BIG:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value of column \"%s\" is out of range", col)));
			break;
	}
	return true;
}

/* Raise 42703 for an input a rule needs. */
pg_attribute_noreturn()
static void
missing_column(EvalState *st, EvalInput which, const char *needed_by)
{
	kit_missing_column(EVAL_QUERY, eval_input_names[which],
					   psprintf("%s of rule set \"%s\" %d needs it.", needed_by,
								st->rules->code, st->rules->year),
					   psprintf("Add a column named %s to the query, e.g. \"... AS %s\".",
								eval_input_names[which], eval_input_names[which]));
}

/* Check that a bound input column's type suits its role (42804). */
static void
check_type(EvalState *st, EvalInput which)
{
	KitType		k = st->in[which].kind;
	InputRole	role = input_roles[which];
	const char *want = NULL;

	switch (role)
	{
		case ROLE_TEXT:
			return;				/* any type, through its text */
		case ROLE_INT:
			if (k != KIT_INT2 && k != KIT_INT4 && k != KIT_INT8)
				want = "an integer type";
			break;
		case ROLE_DATE:
			if (k != KIT_DATE)
				want = "date";
			break;
		case ROLE_BOOL:
			if (k != KIT_BOOL)
				want = "boolean";
			break;
		case ROLE_MONEY:
		case ROLE_LAND:
		case ROLE_QUANTITY:
			if (k == (role == ROLE_MONEY ? KIT_YUAN : KIT_MU_AREA) && role != ROLE_QUANTITY)
				break;
			if (k == KIT_NUMERIC || k == KIT_INT2 || k == KIT_INT4 || k == KIT_INT8)
				break;
			if ((k == KIT_FLOAT4 || k == KIT_FLOAT8) && role == ROLE_QUANTITY)
				break;
			want = role == ROLE_MONEY ? eval_local("yuan or numeric (元)") :
				role == ROLE_LAND ? eval_local("mu_area or numeric (亩)") :
				"numeric, an integer or a float type";
			break;
	}
	if (want)
		kit_type_error(EVAL_QUERY, eval_input_names[which], st->in[which].typid,
					   NULL, psprintf("Use %s.", want));
}

/* Bind the query's columns by name (once) and check what the rules need. */
static void
eval_bind(KitQuery *q, void *arg)
{
	EvalState  *st = (EvalState *) arg;
	RuleSet    *rs = st->rules;
	KitColumns *cols = kit_columns_of_desc(EVAL_QUERY, q->desc);
	int			maxatt = 0;
	int			i,
				k,
				c;

	cols->dup_errcode = ERRCODE_AMBIGUOUS_COLUMN;	/* 1.0's code for evaluate() */
	for (i = 0; i < EVAL_NINPUTS; i++)
	{
		kit_bind(&st->in[i], cols, kit_column_index(cols, eval_input_names[i]),
				 &st->kt, st->cxt);
		if (st->in[i].attno == 0)
			continue;
		check_type(st, (EvalInput) i);
		maxatt = Max(maxatt, st->in[i].attno);
	}
	kit_query_limit(q, maxatt);

	/* what every rule needs */
	if (st->in[IN_CREDIT_CODE].attno == 0)
		missing_column(st, IN_CREDIT_CODE, "Every evaluation (the enterprise key)");
	if (rs->ncohorts > 1 && st->in[IN_SCOPE].attno == 0)
		missing_column(st, IN_SCOPE, eval_local("Choosing between its 规上 and 规下 rules"));
	/*
	 * What each scope's rules need is checked when the first row of that
	 * scope arrives, so that a query of 规下 firms need not carry the 规上
	 * columns.
	 */
	for (c = 0; c < rs->ncohorts; c++)
	{
		CohortRule *cr = &rs->cohorts[c];
		char	   *who = psprintf("The %s rules", cr->scope);

#define NEED(input, text) \
		do { \
			if (st->need_who[c] == NULL && st->in[input].attno == 0) \
			{ \
				st->need_input[c] = (input); \
				st->need_who[c] = MemoryContextStrdup(st->cxt, (text)); \
			} \
		} while (0)

		if (cr->group_by_industry)
			NEED(IN_GROUP, psprintf("Grouping by industry (%s)", cr->scope));
		for (k = 0; k < cr->nind; k++)
		{
			EvalIndicator ind = cr->ind[k].indicator;
			EvalInput	num,
						den;
			char	   *by = psprintf("Indicator %s (%s, %s)", eval_indicator_codes[ind],
									  eval_local(eval_indicator_names[ind]), cr->scope);

			eval_indicator_inputs(cr, ind, &num, &den);
			NEED(num, by);
			NEED(den, by);
		}
		if (cr->has_min_land)
			NEED(IN_LAND, psprintf("%s' min_land exemption", who));
		if (cr->exempt_registered_years > 0)
			NEED(IN_REGISTERED_ON,
				 psprintf("%s' exemption of new enterprises (exempt_registered_years)", who));
		if (cr->exempt_land_years > 0)
			NEED(IN_LAND_SUPPLIED_ON,
				 psprintf("%s' exemption of newly supplied land (exempt_land_years)", who));
		if (cr->exempt_not_producing)
			NEED(IN_PRODUCING, psprintf("%s' exemption of enterprises not yet producing", who));
#undef NEED
	}
}

/* Find or add the group (cohort, name). */
static int32
intern_group(EvalState *st, int cohort, const char *name, Size len)
{
	uint32		h = (name ? hash_bytes((const unsigned char *) name, (int) len) : 0x9e3779b9) ^
		(uint32) cohort * 0x85ebca6b;
	uint32		mask;
	uint32		pos;
	EvalGroup  *g;
	int			k;

	if (st->ngroups * 2 >= st->hashsize)
	{
		/* grow and rehash */
		int			newsize = st->hashsize ? st->hashsize * 2 : 64;
		int32	   *tab = MemoryContextAllocZero(st->cxt, sizeof(int32) * newsize);
		int			i;

		for (i = 0; i < st->ngroups; i++)
		{
			uint32		p = st->groups[i]->hash & (newsize - 1);

			while (tab[p] != 0)
				p = (p + 1) & (newsize - 1);
			tab[p] = i + 1;
		}
		if (st->hashtab)
			pfree(st->hashtab);
		st->hashtab = tab;
		st->hashsize = newsize;
	}
	mask = st->hashsize - 1;
	for (pos = h & mask; st->hashtab[pos] != 0; pos = (pos + 1) & mask)
	{
		g = st->groups[st->hashtab[pos] - 1];
		if (g->hash == h && g->cohort == cohort &&
			((name == NULL && g->name == NULL) ||
			 (name != NULL && g->name != NULL && strlen(g->name) == len &&
			  memcmp(g->name, name, len) == 0)))
			return st->hashtab[pos] - 1;
	}
	if (st->ngroups == st->capgroups)
	{
		st->capgroups = st->capgroups ? st->capgroups * 2 : 16;
		st->groups = st->groups ?
			repalloc(st->groups, sizeof(EvalGroup *) * st->capgroups) :
			MemoryContextAlloc(st->cxt, sizeof(EvalGroup *) * st->capgroups);
	}
	g = MemoryContextAllocZero(st->cxt, sizeof(EvalGroup));
	g->cohort = cohort;
	g->name = name ? arena_strdup(st, name, len) : NULL;
	g->hash = h;
	for (k = 0; k < EVAL_NINDICATORS; k++)
	{
		g->lo[k] = PG_INT64_MAX;
		g->hi[k] = PG_INT64_MIN;
	}
	st->groups[st->ngroups] = g;
	/* pos is the empty slot where the lookup stopped */
	st->hashtab[pos] = st->ngroups + 1;
	return st->ngroups++;
}

/* Append a reason to *reason, separated by "；". */
static void
add_reason(EvalState *st, char **reason, const char *text, Size len)
{
	if (*reason == NULL)
		*reason = arena_strdup(st, text, len);
	else
	{
		char	   *s = psprintf("%s%s%.*s", *reason, eval_local("；"), (int) len, text);

		*reason = arena_strdup(st, s, strlen(s));
	}
}

/* 10^-6 亩 as text, e.g. "3亩". */
static char *
mu_text(int64 v)
{
	int64		whole = v / 1000000;
	int64		frac = v % 1000000;
	char		buf[32];
	int			n;

	if (frac == 0)
		return psprintf("%lld%s", (long long) whole, eval_local("亩"));
	n = snprintf(buf, sizeof(buf), "%06lld", (long long) (frac < 0 ? -frac : frac));
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	return psprintf("%s%lld.%s%s", v < 0 && whole == 0 ? "-" : "", (long long) whole, buf,
					eval_local("亩"));
}

/* Read the current row of the caller's query into a compact firm. */
static void
eval_read_row(KitQuery *q, void *arg)
{
	EvalState  *st = (EvalState *) arg;
	RuleSet    *rs = st->rules;
	MemoryContext oldcxt;
	EvalFirm   *f;
	CohortRule *cr;
	int			cohort = 0;
	int64	   *vals;
	int64		in[EVAL_NINPUTS];
	bool		has[EVAL_NINPUTS];
	const char *s;
	Size		len;
	EvalGroup  *g;
	int			k,
				i;

	Datum		d;

	oldcxt = MemoryContextSwitchTo(st->rowcxt);

	/* year filter */
	switch (kit_get(q, st->in[IN_YEAR].attno, &d))
	{
		case KIT_ABSENT:
			break;
		case KIT_NULL:
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("column \"year\" of the evaluation query is null")));
			break;
		case KIT_PRESENT:
			{
				int64		y = st->in[IN_YEAR].kind == KIT_INT2 ? DatumGetInt16(d) :
					st->in[IN_YEAR].kind == KIT_INT4 ? DatumGetInt32(d) : DatumGetInt64(d);

				if (y != st->year)
				{
					MemoryContextSwitchTo(oldcxt);
					MemoryContextReset(st->rowcxt);
					return;
				}
				break;
			}
	}

	/* credit code */
	s = input_text(st, q, IN_CREDIT_CODE, &len);
	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("column \"credit_code\" of the evaluation query is null")));

	/* grow the arrays */
	if (st->nfirms == st->capfirms)
	{
		int64		newcap = st->capfirms ? st->capfirms * 2 : 1024;

		st->firms = st->firms ?
			repalloc_huge(st->firms, sizeof(EvalFirm) * newcap) :
			MemoryContextAllocHuge(st->cxt, sizeof(EvalFirm) * newcap);
		st->values = st->values ?
			repalloc_huge(st->values, sizeof(int64) * st->maxind * newcap) :
			MemoryContextAllocHuge(st->cxt, sizeof(int64) * st->maxind * newcap);
		st->capfirms = newcap;
	}
	f = &st->firms[st->nfirms];
	memset(f, 0, sizeof(EvalFirm));
	f->credit_code = arena_strdup(st, s, len);
	f->cls = -1;
	s = input_text(st, q, IN_NAME, &len);
	f->name = s ? arena_strdup(st, s, len) : NULL;

	/* which scope row */
	s = input_text(st, q, IN_SCOPE, &len);
	if (rs->ncohorts > 1 || (s != NULL && strcmp(rs->cohorts[0].scope, "all") != 0))
	{
		if (s == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("column \"scope\" of the evaluation query is null for enterprise %s",
							f->credit_code)));
		for (cohort = 0; cohort < rs->ncohorts; cohort++)
			if (strlen(rs->cohorts[cohort].scope) == len &&
				memcmp(rs->cohorts[cohort].scope, s, len) == 0)
				break;
		if (cohort == rs->ncohorts)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("rule set \"%s\" %d has no rules for scope \"%.*s\"",
							rs->code, rs->year, (int) len, s),
					 errdetail("Enterprise %s has that scope.", f->credit_code),
					 errhint("Filter the query to the scopes of the rule set, or add rules for that scope.")));
	}
	cr = &rs->cohorts[cohort];
	if (st->need_who[cohort] != NULL)
		missing_column(st, st->need_input[cohort], st->need_who[cohort]);

	/* group */
	s = cr->group_by_industry ? input_text(st, q, IN_GROUP, &len) : NULL;
	f->group = intern_group(st, cohort, s, s ? len : 0);
	g = st->groups[f->group];

	/* inputs the cohort uses */
	for (i = 0; i < EVAL_NINPUTS; i++)
		if (st->cohort_uses[cohort][i])
			has[i] = input_scaled(st, q, (EvalInput) i, &in[i]);
	f->has_land = st->in[IN_LAND].attno != 0 &&
		input_scaled(st, q, IN_LAND, &f->land);
	f->has_tax = st->cohort_uses[cohort][IN_TAX] && has[IN_TAX];
	f->tax = f->has_tax ? in[IN_TAX] : 0;
	f->has_electricity = st->cohort_uses[cohort][IN_ELECTRICITY] && has[IN_ELECTRICITY];
	f->electricity = f->has_electricity ? in[IN_ELECTRICITY] : 0;

	/* exemptions */
	s = input_text(st, q, IN_EXEMPT_REASON, &len);
	if (s != NULL)
		add_reason(st, &f->reason, s, len);
	if (cr->exempt_not_producing)
	{
		if (kit_get(q, st->in[IN_PRODUCING].attno, &d) == KIT_PRESENT && !DatumGetBool(d))
		{
			const char *r = eval_local("尚未投产");

			add_reason(st, &f->reason, r, strlen(r));
		}
	}
	if (cr->exempt_registered_years > 0)
	{
		if (kit_get(q, st->in[IN_REGISTERED_ON].attno, &d) == KIT_PRESENT &&
			DatumGetDateADT(d) > st->reg_cutoff[cohort])
		{
			char	   *r = psprintf(eval_local("新成立企业（登记不满%d年）"), cr->exempt_registered_years);

			add_reason(st, &f->reason, r, strlen(r));
		}
	}
	if (cr->exempt_land_years > 0)
	{
		if (kit_get(q, st->in[IN_LAND_SUPPLIED_ON].attno, &d) == KIT_PRESENT &&
			DatumGetDateADT(d) > st->land_cutoff[cohort])
		{
			char	   *r = psprintf(eval_local("新供地建设期（供地不满%d年）"), cr->exempt_land_years);

			add_reason(st, &f->reason, r, strlen(r));
		}
	}
	if (cr->has_min_land && (!f->has_land || f->land < cr->min_land))
	{
		char	   *r = psprintf(eval_local("用地面积不足%s"), mu_text(cr->min_land));

		add_reason(st, &f->reason, r, strlen(r));
	}
	if (f->reason != NULL)
		f->status = FIRM_EXEMPT;
	else
	{
		s = input_text(st, q, IN_VETO_REASON, &len);
		if (s != NULL)
		{
			char	   *r = psprintf(eval_local("一票否决：%.*s"), (int) len, s);

			f->status = FIRM_VETO;
			f->reason = arena_strdup(st, r, strlen(r));
		}
	}

	/* adjustments */
	f->correction6 = EVAL_FACTOR_SCALE;
	f->adjust6 = 0;
	if (st->in[IN_CORRECTION].attno != 0)
		(void) input_scaled(st, q, IN_CORRECTION, &f->correction6);
	if (st->in[IN_BONUS].attno != 0 && input_scaled(st, q, IN_BONUS, &in[IN_BONUS]))
		f->adjust6 = in[IN_BONUS];
	if (st->in[IN_PENALTY].attno != 0 && input_scaled(st, q, IN_PENALTY, &in[IN_PENALTY]))
	{
		if (pg_sub_s64_overflow(f->adjust6, in[IN_PENALTY], &f->adjust6))
			eval_out_of_range("bonus minus penalty");
	}
	if (f->correction6 < -EVAL_MAX_FACTOR * EVAL_FACTOR_SCALE ||
		f->correction6 > EVAL_MAX_FACTOR * EVAL_FACTOR_SCALE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("correction of enterprise %s is out of range", f->credit_code),
				 errdetail("A correction factor must lie between -%d and %d.",
						   EVAL_MAX_FACTOR, EVAL_MAX_FACTOR)));
	if (f->adjust6 < -PG_INT64_MAX / 1000 || f->adjust6 > PG_INT64_MAX / 1000)
		eval_out_of_range("bonus minus penalty");

	/* indicator values */
	vals = st->values + st->nfirms * st->maxind;
	for (k = 0; k < cr->nind; k++)
	{
		EvalIndicator ind = cr->ind[k].indicator;
		EvalInput	num,
					den;
		int64		v;

		eval_indicator_inputs(cr, ind, &num, &den);
		if (!has[num] || !has[den] || !eval_value(in[num], in[den], &v))
		{
			f->missing |= (uint16) (1 << k);
			vals[k] = 0;
			if (f->status != FIRM_EXEMPT && cr->ind[k].missing == MISSING_ERROR)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("enterprise %s has no value for indicator %s (%s)",
								f->credit_code, eval_indicator_codes[ind],
								eval_local(eval_indicator_names[ind])),
						 errdetail("Its %s is null, or its %s is null, zero or negative, and the rule set's missing-data rule for it is \"error\".",
								   eval_input_names[num], eval_input_names[den])));
			continue;
		}
		vals[k] = v;
		if (f->status == FIRM_EXEMPT)
			continue;
		g->sumnum[k] += in[num];
		g->sumden[k] += in[den];
		g->sumval[k] += v;
		g->nval[k]++;
		if (v < g->lo[k])
			g->lo[k] = v;
		if (v > g->hi[k])
			g->hi[k] = v;
	}
	if (f->status != FIRM_EXEMPT)
		g->n++;
	st->nfirms++;

	MemoryContextSwitchTo(oldcxt);
	MemoryContextReset(st->rowcxt);
}

/* int64 comparison for qsort. */
static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* Benchmarks of every group: fixed, ratio of sums, mean or median, × multiplier. */
static void
compute_benchmarks(EvalState *st)
{
	int			gi,
				k;

	for (gi = 0; gi < st->ngroups; gi++)
	{
		EvalGroup  *g = st->groups[gi];
		CohortRule *cr = &st->rules->cohorts[g->cohort];

		for (k = 0; k < cr->nind; k++)
		{
			IndicatorRule *ir = &cr->ind[k];
			int128		base = 0;

			if (ir->method == METHOD_MINMAX)
				continue;
			switch (ir->bench_kind)
			{
				case BENCH_FIXED:
					base = ir->benchmark8;
					break;
				case BENCH_RATIO_OF_SUMS:
					if (g->nval[k] == 0)
						continue;
					base = int128_div_round(g->sumnum[k] * EVAL_VALUE_SCALE, g->sumden[k]);
					break;
				case BENCH_MEAN:
					if (g->nval[k] == 0)
						continue;
					base = int128_div_round(g->sumval[k], g->nval[k]);
					break;
				case BENCH_MEDIAN:
					{
						int64	   *arr;
						int64		n = 0,
									i;

						if (g->nval[k] == 0)
							continue;
						arr = palloc_extended(sizeof(int64) * g->nval[k], MCXT_ALLOC_HUGE);
						for (i = 0; i < st->nfirms; i++)
						{
							EvalFirm   *f = &st->firms[i];

							if (f->group == gi && f->status != FIRM_EXEMPT &&
								!(f->missing & (1 << k)))
								arr[n++] = st->values[i * st->maxind + k];
						}
						Assert(n == g->nval[k]);
						qsort(arr, n, sizeof(int64), cmp_int64);
						base = (n % 2) ? arr[n / 2] :
							int128_div_round((int128) arr[n / 2 - 1] + arr[n / 2], 2);
						pfree(arr);
						break;
					}
			}
			g->bench[k] = eval_narrow(int128_div_round(base * ir->multiplier6,
													   EVAL_FACTOR_SCALE),
									  "benchmark");
			if (g->bench[k] <= 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("benchmark of indicator %s is not positive in group %s%s%s",
								eval_indicator_codes[ir->indicator], cr->scope,
								g->name ? " / " : "", g->name ? g->name : ""),
						 errdetail("The benchmark derived from the data is %s.",
								   DatumGetCString(DirectFunctionCall1(numeric_out,
																	   eval_scaled_to_numeric(g->bench[k], EVAL_VALUE_DIGITS, true)))),
						 errhint("A ratio score needs a positive benchmark; use a fixed benchmark or another method.")));
		}
	}
}

/* Item score of a firm's present value k. */
int64
firm_item(EvalState *st, EvalGroup *g, IndicatorRule *ir, int k, int64 value8,
		  bool *capped, bool *floored)
{
	(void) st;
	return eval_item_score(ir->method, value8, ir->weight4, g->bench[k],
						   g->lo[k], g->hi[k], ir->has_cap, ir->cap4,
						   ir->has_floor, ir->floor4, capped, floored);
}

/*
 * Total of a firm (10^-6 points, rounded to the cohort's score_digits).
 * With tax_delta >= 0 the tax-based values are recomputed with that much
 * more tax (分), other values unchanged (for the gap to the next class).
 */
int64
firm_total(EvalState *st, EvalFirm *f, int64 tax_delta)
{
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	int64	   *vals = st->values + (f - st->firms) * st->maxind;
	int128		base = 0;
	int128		w_all = 0;
	int128		w_present = 0;
	int128		num,
				den;
	int64		unit = 1;
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		bool		present = !(f->missing & (1 << k));
		int64		v = vals[k];
		bool		c,
					fl;

		if (tax_delta >= 0 && f->has_tax &&
			(ir->indicator == IND_TAX_PER_MU || ir->indicator == IND_TAX_PER_KWH))
		{
			int64		d = ir->indicator == IND_TAX_PER_MU ? f->land : f->electricity;
			int64		t;

			if (pg_add_s64_overflow(f->tax, tax_delta, &t))
				eval_out_of_range("tax");
			present = (ir->indicator == IND_TAX_PER_MU ? f->has_land : f->has_electricity) &&
				eval_value(t, d, &v);
		}
		w_all += ir->weight4;
		if (present)
		{
			base += firm_item(st, g, ir, k, v, &c, &fl);
			w_present += ir->weight4;
		}
		else if (ir->missing == MISSING_GROUP_AVERAGE)
		{
			base += g->avgitem[k];
			w_present += ir->weight4;
		}
		else if (ir->missing != MISSING_RENORMALISE)
			w_present += ir->weight4;
	}
	if (base > PG_INT64_MAX || base < PG_INT64_MIN)
		eval_out_of_range("score");
	for (k = cr->score_digits; k < EVAL_SCORE_DIGITS; k++)
		unit *= 10;
	if (w_present == 0 || w_present == w_all)
	{
		num = base * f->correction6 + (int128) f->adjust6 * EVAL_FACTOR_SCALE;
		den = (int128) EVAL_FACTOR_SCALE * unit;
	}
	else
	{
		num = base * f->correction6 * w_all +
			(int128) f->adjust6 * EVAL_FACTOR_SCALE * w_present;
		den = (int128) EVAL_FACTOR_SCALE * unit * w_present;
	}
	return eval_narrow(int128_div_round(num, den) * unit, "total score");
}

/* Score every graded and vetoed firm; group averages for the missing-data rule first. */
static void
compute_scores(EvalState *st)
{
	int64		i;
	int			gi,
				k;

	for (i = 0; i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];
		EvalGroup  *g = st->groups[f->group];
		CohortRule *cr = &st->rules->cohorts[g->cohort];
		int64	   *vals = st->values + i * st->maxind;

		if (f->status == FIRM_EXEMPT)
			continue;
		for (k = 0; k < cr->nind; k++)
		{
			bool		c,
						fl;

			if (f->missing & (1 << k) || cr->ind[k].missing != MISSING_GROUP_AVERAGE)
				continue;
			g->sumitem[k] += firm_item(st, g, &cr->ind[k], k, vals[k], &c, &fl);
			g->nitem[k]++;
		}
	}
	for (gi = 0; gi < st->ngroups; gi++)
	{
		EvalGroup  *g = st->groups[gi];

		for (k = 0; k < EVAL_NINDICATORS; k++)
			g->avgitem[k] = g->nitem[k] ?
				eval_narrow(int128_div_round(g->sumitem[k], g->nitem[k]), "score") : 0;
	}
	for (i = 0; i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];

		if (f->status != FIRM_EXEMPT)
			f->total6 = firm_total(st, f, -1);
	}
}

/* Output order of groups: by scope, then group name (NULL last). */
static int
cmp_groups(const void *a, const void *b)
{
	const EvalGroup *x = *(EvalGroup *const *) a;
	const EvalGroup *y = *(EvalGroup *const *) b;

	if (x->cohort != y->cohort)
		return x->cohort < y->cohort ? -1 : 1;
	if (x->name == NULL || y->name == NULL)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

/* Firm order: group, graded/vetoed before exempt, total descending, credit code. */
static int
cmp_firms(const void *a, const void *b, void *arg)
{
	EvalState  *st = (EvalState *) arg;
	const EvalFirm *x = &st->firms[*(const int64 *) a];
	const EvalFirm *y = &st->firms[*(const int64 *) b];
	int32		gx = st->groups[x->group]->order;
	int32		gy = st->groups[y->group]->order;
	bool		ex = x->status == FIRM_EXEMPT;
	bool		ey = y->status == FIRM_EXEMPT;

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (ex != ey)
		return ex ? 1 : -1;
	if (!ex && x->total6 != y->total6)
		return x->total6 > y->total6 ? -1 : 1;
	return strcmp(x->credit_code, y->credit_code);
}

/* Class index of a total under threshold rules. */
static int
threshold_class_index(CohortRule *cr, int64 total6)
{
	int			j;

	for (j = 0; j < cr->nclass - 1; j++)
		if (total6 >= cr->classes[j].min6)
			return j;
	return cr->nclass - 1;
}

/* Sort, rank and classify; returns the sorted firm order. */
static int64 *
rank_and_classify(EvalState *st)
{
	int64	   *order;
	int64		i,
				j;
	EvalGroup **sorted;
	int			gi;

	sorted = palloc(sizeof(EvalGroup *) * Max(st->ngroups, 1));
	memcpy(sorted, st->groups, sizeof(EvalGroup *) * st->ngroups);
	qsort(sorted, st->ngroups, sizeof(EvalGroup *), cmp_groups);
	for (gi = 0; gi < st->ngroups; gi++)
		sorted[gi]->order = gi;

	order = palloc_extended(sizeof(int64) * Max(st->nfirms, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
		order[i] = i;
	qsort_arg(order, st->nfirms, sizeof(int64), cmp_firms, st);

	for (i = 0; i < st->nfirms; i = j)
	{
		EvalFirm   *first = &st->firms[order[i]];
		EvalGroup  *g = st->groups[first->group];
		CohortRule *cr = &st->rules->cohorts[g->cohort];
		int64		quotas[26];
		int64		p;

		for (gi = 0; gi < cr->nclass; gi++)
			quotas[gi] = cr->classes[gi].quota4;
		g->start = i;
		/* the graded and vetoed firms of this group: positions 1..n */
		j = i;
		for (p = i; p < i + g->n; p = j)
		{
			int64		total = st->firms[order[p]].total6;
			int64		q;
			int64		rank = p - i + 1;
			int64		last;

			for (q = p; q < i + g->n && st->firms[order[q]].total6 == total; q++)
				;
			last = q - i;
			for (j = p; j < q; j++)
			{
				EvalFirm   *f = &st->firms[order[j]];
				int			cls;

				f->rank = (int32) rank;
				if (cr->by_quota)
					cls = eval_quota_class(cr->tie_up ? rank : last, g->n, quotas,
										   cr->nclass, cr->quota_rounding);
				else
					cls = threshold_class_index(cr, total);
				if (f->status == FIRM_VETO)
					cls = cr->veto_downgrade ?
						Min(cls + cr->veto_steps, cr->nclass - 1) : cr->nclass - 1;
				f->cls = (int8) cls;
			}
		}
		/* skip the exempt firms of the group */
		for (j = i + g->n; j < st->nfirms && st->firms[order[j]].group == first->group; j++)
			;
	}
	return order;
}

/*
 * Run the whole evaluation of rule set (code, year) of schema nsp over the
 * caller's query: one compact firm per row read (one batch of the query
 * held at a time), then benchmarks, scores, ranks and classes.  Returns
 * the state (in its own context st->cxt) and the firms' output order.
 */
EvalState *
eval_run(Oid nsp, const char *code, int32 year, const char *query, int64 **order)
{
	EvalState  *st;
	MemoryContext oldcxt;
	int			c,
				k;

	st = palloc0(sizeof(EvalState));
	st->cxt = AllocSetContextCreate(CurrentMemoryContext, "evaluation",
									ALLOCSET_DEFAULT_SIZES);
	st->rowcxt = AllocSetContextCreate(st->cxt, "evaluation row",
									   ALLOCSET_DEFAULT_SIZES);
	st->year = year;

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	oldcxt = MemoryContextSwitchTo(st->cxt);
	st->rules = eval_load_rules(nsp, code, year, false);
	if (st->rules->ncohorts > 8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rule set \"%s\" %d has more than 8 scopes", code, year)));
	st->kt = kit_types(nsp);
	for (c = 0; c < st->rules->ncohorts; c++)
	{
		CohortRule *cr = &st->rules->cohorts[c];

		st->maxind = Max(st->maxind, cr->nind);
		for (k = 0; k < cr->nind; k++)
		{
			EvalInput	num,
						den;

			eval_indicator_inputs(cr, cr->ind[k].indicator, &num, &den);
			st->cohort_uses[c][num] = true;
			st->cohort_uses[c][den] = true;
		}
		if (cr->exempt_registered_years > 0)
			st->reg_cutoff[c] = date2j(year - cr->exempt_registered_years, 12, 31) -
				POSTGRES_EPOCH_JDATE;
		if (cr->exempt_land_years > 0)
			st->land_cutoff[c] = date2j(year - cr->exempt_land_years, 12, 31) -
				POSTGRES_EPOCH_JDATE;
	}
	MemoryContextSwitchTo(oldcxt);

	/* run the caller's query once, streaming its rows into the state */
	kit_query_stream(query, EVAL_QUERY, KIT_QUERY_CONTEXT, eval_bind, eval_read_row, st);

	oldcxt = MemoryContextSwitchTo(st->cxt);
	compute_benchmarks(st);
	compute_scores(st);
	*order = rank_and_classify(st);
	MemoryContextSwitchTo(oldcxt);
	SPI_finish();
	return st;
}
