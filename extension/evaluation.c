/*-------------------------------------------------------------------------
 *
 * evaluation.c
 *	  The one-call 亩均效益综合评价 engine: run the caller's query once
 *	  through the engine kit (caller's rights, rows streamed, parallel
 *	  plans allowed, nothing of the result kept), read each row into typed
 *	  values and admit it as an enterprise in compact form with its
 *	  indicator values in fixed point (rows of a combined unit are summed
 *	  first, once every row is read), reject repeated credit codes, derive
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
#include "port/pg_bswap.h"
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
	ROLE_TEXT, ROLE_QUANTITY, ROLE_QUANTITY, ROLE_QUANTITY, ROLE_BOOL, ROLE_TEXT, ROLE_BOOL,
	ROLE_TEXT
};

/* How input i (fixed, or a column of an indicator definition) is used. */
static InputRole
input_role(EvalState *st, int input)
{
	if (input < EVAL_NINPUTS)
		return input_roles[input];
	return eval_input_is_money(st->rules, input) ? ROLE_MONEY : ROLE_QUANTITY;
}

/*
 * Copy len bytes plus a NUL into the string arena, behind a text header:
 * EVAL_TEXT_DATUM() of the result is a text Datum without a copy.
 */
static char *
arena_strdup(EvalState *st, const char *s, Size len)
{
	Size		need = INTALIGN(VARHDRSZ + len + 1);
	char	   *p;

	if (need > st->arena_left)
	{
		Size		sz = Max(need, 1024 * 1024);

		st->arena = MemoryContextAlloc(st->cxt, sz);
		st->arena_left = sz;
	}
	p = st->arena;
	SET_VARSIZE(p, VARHDRSZ + len);
	memcpy(p + VARHDRSZ, s, len);
	p[VARHDRSZ + len] = '\0';
	st->arena += need;
	st->arena_left -= need;
	return p + VARHDRSZ;
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

/* Is a boolean input of the current row true (false when NULL or absent)? */
static bool
input_true(EvalState *st, KitQuery *q, EvalInput which)
{
	Datum		d;

	return kit_get(q, st->in[which].attno, &d) == KIT_PRESENT && DatumGetBool(d);
}

/* Results of input_scaled(). */
#define INPUT_NULL	0
#define INPUT_OK	1
#define INPUT_BAD	(-1)		/* NaN, infinity or out of the engine's range */

/*
 * Fixed-point value of a numeric input of the current row (money in 分,
 * land and quantities in 10^-6): INPUT_OK with *result, INPUT_NULL, or
 * INPUT_BAD for a value the engine cannot hold (reported on the firm's row).
 */
static int
input_scaled(EvalState *st, KitQuery *q, int which, int64 *result)
{
	KitColumn  *c = &st->in[which];
	Datum		d;

	if (kit_get(q, c->attno, &d) != KIT_PRESENT)
		return INPUT_NULL;
	return kit_scaled(c->kind, d, input_role(st, which) == ROLE_MONEY ? 2 : 6,
					  result) == KIT_OK ? INPUT_OK : INPUT_BAD;
}

/* Raise 42703 for an input a rule needs. */
pg_attribute_noreturn()
static void
missing_column(EvalState *st, int which, const char *needed_by)
{
	const char *name = eval_input_name(st->rules, which);

	kit_missing_column(EVAL_QUERY, name,
					   psprintf("%s of rule set \"%s\" %d needs it.", needed_by,
								st->rules->code, st->rules->year),
					   psprintf("Add a column named %s to the query, e.g. \"... AS %s\".",
								name, name));
}

/* Check that a bound input column's type suits its role (42804). */
static void
check_type(EvalState *st, int which)
{
	KitType		k = st->in[which].kind;
	InputRole	role = input_role(st, which);
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
		kit_type_error(EVAL_QUERY, eval_input_name(st->rules, which), st->in[which].typid,
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
	for (i = 0; i < st->ninputs; i++)
	{
		kit_bind(&st->in[i], cols, kit_column_index(cols, eval_input_name(rs, i)),
				 &st->kt, st->cxt);
		if (st->in[i].attno == 0)
			continue;
		check_type(st, i);
		maxatt = Max(maxatt, st->in[i].attno);
	}
	kit_query_limit(q, maxatt);

	/* what every rule needs */
	if (st->in[IN_CREDIT_CODE].attno == 0)
		missing_column(st, IN_CREDIT_CODE, "Every evaluation (the enterprise key)");
	if (rs->ncohorts > 1 && rs->lists_by_scope && st->in[IN_SCOPE].attno == 0)
		missing_column(st, IN_SCOPE, eval_local("Choosing between its evaluation lists (规上, 规下, …)"));
	if (rs->lists_by_land && st->in[IN_LAND].attno == 0)
		missing_column(st, IN_LAND, "Choosing between its evaluation lists by land (land_from, land_below)");
	if (rs->lists_by_tenant && st->in[IN_TENANT].attno == 0)
		missing_column(st, IN_TENANT, "Choosing between its evaluation lists by tenancy (tenant)");
	/*
	 * What each scope's rules need is checked when the first row of that
	 * scope arrives, so that a query of 规下 firms need not carry the 规上
	 * columns.
	 */
	for (c = 0; c < rs->ncohorts; c++)
	{
		CohortRule *cr = &rs->cohorts[c];
		char	   *who = psprintf("list \"%s\"", cr->scope);

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
			IndicatorRule *ir = &cr->ind[k];
			char	   *by = psprintf("Indicator %s (%s, %s)", ir->code, ir->name, cr->scope);

			for (i = 0; i < ir->nnum; i++)
				NEED(ir->num_in[i], by);
			for (i = 0; i < ir->nden; i++)
				NEED(ir->den_in[i], by);
		}
		if (cr->has_min_land)
			NEED(IN_LAND, psprintf("The min_land exemption of %s", who));
		if (cr->exempt_registered_years > 0)
			NEED(IN_REGISTERED_ON,
				 psprintf("The exemption of new enterprises (exempt_registered_years) of %s", who));
		if (cr->exempt_land_years > 0)
			NEED(IN_LAND_SUPPLIED_ON,
				 psprintf("The exemption of newly supplied land (exempt_land_years) of %s", who));
		if (cr->exempt_not_producing)
			NEED(IN_PRODUCING, psprintf("The exemption of enterprises not yet producing of %s", who));
		if (cr->follow_landlord)
			NEED(IN_LANDLORD, psprintf("The rule that tenants follow their landlord (tenant_follows_landlord) of %s", who));
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

/*
 * Σ of an indicator side's columns (10^-6 of the display unit): INPUT_NULL
 * when every column is NULL (a NULL part of a sum counts 0 otherwise),
 * INPUT_BAD when the sum does not fit in int64.
 */
static int
sum_parts(const int *parts, int nparts, const int64 *in, const bool *has, int64 *sum)
{
	int128		acc = 0;
	bool		any = false;
	int			i;

	for (i = 0; i < nparts; i++)
		if (has[parts[i]])
		{
			acc += in[parts[i]];
			any = true;
		}
	if (!any)
		return INPUT_NULL;
	if (acc > PG_INT64_MAX || acc < PG_INT64_MIN)
		return INPUT_BAD;
	*sum = (int64) acc;
	return INPUT_OK;
}

/* A text value of an input row (NULL s for a NULL or absent column). */
typedef struct EvalText
{
	const char *s;
	Size		len;
} EvalText;

/*
 * One input row read into typed values (the read step).  A row of a
 * combined unit (unit_code) is kept and summed with its unit's other rows
 * once every row is read; any other row is admitted at once (the admit
 * step: checks, list, exemptions, indicator values).  Text points into
 * the row's memory until the row is kept.
 */
typedef struct EvalRow
{
	EvalText	code;			/* credit_code */
	EvalText	name;
	EvalText	scope;
	EvalText	industry;		/* industry_group */
	EvalText	unit;			/* unit_code */
	EvalText	exempt;			/* exempt_reason */
	EvalText	veto;			/* veto_reason */
	EvalText	landlord;		/* landlord_code */
	bool		tenant;
	bool		small_park;
	bool		industry_differs;	/* a combined unit: its members' groups differ */
	int8		producing;		/* 1 true, 0 false, -1 NULL or absent */
	bool		has_registered;
	bool		has_land_supplied;
	DateADT		registered;
	DateADT		land_supplied;
	const char *bad;			/* a combined unit that cannot be formed: why */
	int8		r[EVAL_MAX_INPUTS]; /* INPUT_* of each numeric input read */
	int64		in[EVAL_MAX_INPUTS];
} EvalRow;

/* Text of an input column of the current row. */
static EvalText
row_text_of(EvalState *st, KitQuery *q, EvalInput which)
{
	EvalText	t;

	t.len = 0;
	t.s = input_text(st, q, which, &t.len);
	return t;
}

/* Are two texts equal (two NULLs are)? */
static bool
text_eq(EvalText a, EvalText b)
{
	if (a.s == NULL || b.s == NULL)
		return a.s == b.s;
	return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* Compare two texts bytewise, NULL last. */
static int
text_cmp(EvalText a, EvalText b)
{
	int			c;

	if (a.s == NULL || b.s == NULL)
		return (a.s == NULL) - (b.s == NULL);
	c = memcmp(a.s, b.s, Min(a.len, b.len));
	if (c != 0)
		return c;
	return (a.len > b.len) - (a.len < b.len);
}

/*
 * Read the keys of the current row: credit code, name, the list's tests
 * (scope, land, tenant) and unit_code.
 */
static void
read_keys(EvalState *st, KitQuery *q, EvalRow *row)
{
	row->code = row_text_of(st, q, IN_CREDIT_CODE);
	row->name = row_text_of(st, q, IN_NAME);
	row->scope = row_text_of(st, q, IN_SCOPE);
	if (st->rules->combine != COMBINE_NONE)
	{
		row->unit = row_text_of(st, q, IN_UNIT);
		/* an empty cell is no unit, as a spreadsheet's blank unit column means */
		if (row->unit.s != NULL && row->unit.len == 0)
			row->unit.s = NULL;
	}
	row->r[IN_LAND] = (int8) input_scaled(st, q, IN_LAND, &row->in[IN_LAND]);
	row->tenant = input_true(st, q, IN_TENANT);
}

/*
 * Read the rest of the current row: the numeric inputs marked in uses
 * (NULL: none), the adjustments, exemptions, veto and landlord columns.
 */
static void
read_values(EvalState *st, KitQuery *q, EvalRow *row, const bool *uses)
{
	Datum		d;
	int			i;

	if (st->any_industry)
		row->industry = row_text_of(st, q, IN_GROUP);
	for (i = 0; uses != NULL && i < st->ninputs; i++)
		if (uses[i] && i != IN_LAND)
			row->r[i] = (int8) input_scaled(st, q, i, &row->in[i]);
	row->r[IN_CORRECTION] = (int8) input_scaled(st, q, IN_CORRECTION, &row->in[IN_CORRECTION]);
	row->r[IN_BONUS] = (int8) input_scaled(st, q, IN_BONUS, &row->in[IN_BONUS]);
	row->r[IN_PENALTY] = (int8) input_scaled(st, q, IN_PENALTY, &row->in[IN_PENALTY]);
	row->exempt = row_text_of(st, q, IN_EXEMPT_REASON);
	row->veto = row_text_of(st, q, IN_VETO_REASON);
	if (st->any_landlord)
	{
		row->landlord = row_text_of(st, q, IN_LANDLORD);
		row->small_park = input_true(st, q, IN_SMALL_PARK);
	}
	row->producing = kit_get(q, st->in[IN_PRODUCING].attno, &d) == KIT_PRESENT ?
		(DatumGetBool(d) ? 1 : 0) : -1;
	row->has_registered = kit_get(q, st->in[IN_REGISTERED_ON].attno, &d) == KIT_PRESENT;
	row->registered = row->has_registered ? DatumGetDateADT(d) : 0;
	row->has_land_supplied = kit_get(q, st->in[IN_LAND_SUPPLIED_ON].attno, &d) == KIT_PRESENT;
	row->land_supplied = row->has_land_supplied ? DatumGetDateADT(d) : 0;
}

/*
 * The evaluation list a row falls in, or -1.  A list's scope condition is
 * not tested when the rule set has a single list and the row has no
 * scope (or a NULL one), as in 1.0.  Lists do not overlap (validated).
 * A row whose land is out of range matches no list tested by land; a
 * combined unit that cannot be formed matches none.
 */
static int
match_list(EvalState *st, const EvalRow *row)
{
	RuleSet    *rs = st->rules;
	bool		test_scope = !(rs->ncohorts == 1 && row->scope.s == NULL);
	bool		has_land = row->r[IN_LAND] == INPUT_OK;
	int64		land = row->in[IN_LAND];
	int			c;

	if (row->bad != NULL || (row->r[IN_LAND] == INPUT_BAD && rs->lists_by_land))
		return -1;
	for (c = 0; c < rs->ncohorts; c++)
	{
		CohortRule *cr = &rs->cohorts[c];

		if (cr->match_scope && test_scope &&
			(row->scope.s == NULL || strlen(cr->match_scope) != row->scope.len ||
			 memcmp(cr->match_scope, row->scope.s, row->scope.len) != 0))
			continue;
		if (cr->has_land_from && (!has_land || land < cr->land_from))
			continue;
		if (cr->has_land_below && (!has_land || land >= cr->land_below))
			continue;
		if (cr->tenant >= 0 && cr->tenant != (row->tenant ? 1 : 0))
			continue;
		return c;
	}
	return -1;
}

/* Why a row is in no list: the values the lists test. */
static char *
unlisted_reason(EvalState *st, const EvalRow *row)
{
	RuleSet    *rs = st->rules;
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, eval_local("不属于任何评价名单（"));
	if (row->scope.s)
		appendStringInfo(&buf, "scope %.*s", (int) row->scope.len, row->scope.s);
	else
		appendStringInfoString(&buf, eval_local("scope为空"));
	if (rs->lists_by_land)
		appendStringInfo(&buf, eval_local("，用地%s"), row->r[IN_LAND] == INPUT_OK ?
						 mu_text(row->in[IN_LAND]) : eval_local("为空"));
	if (rs->lists_by_tenant)
		appendStringInfoString(&buf, row->tenant ? eval_local("，租赁企业") : eval_local("，非租赁企业"));
	appendStringInfoString(&buf, eval_local("）"));
	return arena_strdup(st, buf.data, buf.len);
}

/* A new firm at the end of the state's arrays (grown as needed), zeroed. */
static EvalFirm *
new_firm(EvalState *st, EvalText code, EvalText name)
{
	EvalFirm   *f;

	if (st->nfirms == st->capfirms)
	{
		int64		newcap = st->capfirms ? st->capfirms * 2 : 1024;

		st->firms = st->firms ?
			repalloc_huge(st->firms, sizeof(EvalFirm) * newcap) :
			MemoryContextAllocHuge(st->cxt, sizeof(EvalFirm) * newcap);
		st->values = st->values ?
			repalloc_huge(st->values, sizeof(int64) * st->maxind * newcap) :
			MemoryContextAllocHuge(st->cxt, sizeof(int64) * st->maxind * newcap);
		if (st->keep_sums)
		{
			st->nums = st->nums ?
				repalloc_huge(st->nums, sizeof(int64) * st->maxind * newcap) :
				MemoryContextAllocHuge(st->cxt, sizeof(int64) * st->maxind * newcap);
			st->dens = st->dens ?
				repalloc_huge(st->dens, sizeof(int64) * st->maxind * newcap) :
				MemoryContextAllocHuge(st->cxt, sizeof(int64) * st->maxind * newcap);
		}
		st->capfirms = newcap;
	}
	f = &st->firms[st->nfirms++];
	memset(f, 0, sizeof(EvalFirm));
	f->credit_code = code.s ? arena_strdup(st, code.s, code.len) : NULL;
	f->name = name.s ? arena_strdup(st, name.s, name.len) : NULL;
	f->cls = -1;
	f->unit = -1;
	return f;
}

/*
 * Add a graded or vetoed firm to its group's statistics: count, sums of
 * numerators and denominators, values, lowest and highest (once admitted).
 */
static void
accumulate_firm(EvalState *st, int64 fi, const int64 *nums, const int64 *dens)
{
	EvalFirm   *f = &st->firms[fi];
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	const int64 *vals = st->values + fi * st->maxind;
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		int64		v = vals[k];

		if (f->missing & (1 << k))
			continue;
		g->sumnum[k] += nums[k];
		g->sumden[k] += dens[k];
		g->sumval[k] += v;
		g->nval[k]++;
		if (v < g->lo[k])
			g->lo[k] = v;
		if (v > g->hi[k])
			g->hi[k] = v;
	}
	g->n++;
}

/*
 * Admit a read row as a firm of list cohort (-1: none): the checks, group,
 * exemptions, veto, landlord and indicator values; a graded or vetoed firm
 * with a place (place false: a unit scored without one) joins its group's
 * statistics.  Returns the firm's index.
 */
static int64
admit_row(EvalState *st, const EvalRow *row, int cohort, bool place)
{
	RuleSet    *rs = st->rules;
	EvalFirm   *f = new_firm(st, row->code, row->name);
	int64		fi = st->nfirms - 1;
	CohortRule *cr;
	int64	   *vals;
	const int64 *in = row->in;
	bool		has[EVAL_MAX_INPUTS];
	int64		numbuf[EVAL_MAX_IND];
	int64		denbuf[EVAL_MAX_IND];
	int64	   *nums = numbuf;	/* the sums, kept in the state when it keeps them */
	int64	   *dens = denbuf;
	char	   *bad = NULL;		/* why the firm's data cannot be evaluated */
	bool		below_min_land = false;
	int			k,
				i;

	f->has_land = row->r[IN_LAND] == INPUT_OK;
	f->land = f->has_land ? in[IN_LAND] : 0;
	if (row->bad != NULL)
		bad = pstrdup(row->bad);
	else if (row->r[IN_LAND] == INPUT_BAD)
		bad = psprintf(eval_local("列%s的值超出计算范围"), eval_input_names[IN_LAND]);
	if (row->code.s == NULL)
		bad = pstrdup(eval_local("统一社会信用代码credit_code为空"));
	if (cohort < 0 || row->code.s == NULL)
	{
		/* in no list, or no key: reported on its own row, never dropped */
		f->status = bad ? FIRM_ERROR : FIRM_UNLISTED;
		if (bad)
		{
			char	   *r = psprintf(eval_local("无法评价：%s"), bad);

			f->reason = arena_strdup(st, r, strlen(r));
		}
		else
			f->reason = unlisted_reason(st, row);
		if (cohort >= 0)
		{
			cr = &rs->cohorts[cohort];
			f->group = intern_group(st, cohort, cr->group_by_industry ? row->industry.s : NULL,
									cr->group_by_industry ? row->industry.len : 0);
			f->missing = (uint16) ((1 << cr->nind) - 1);
		}
		else
			f->group = intern_group(st, rs->ncohorts, NULL, 0);
		return fi;
	}
	cr = &rs->cohorts[cohort];
	if (st->need_who[cohort] != NULL)
		missing_column(st, st->need_input[cohort], st->need_who[cohort]);

	/* group */
	if (cr->group_by_industry && row->industry_differs)
		bad = pstrdup(eval_local("合并单元的成员不属于同一行业组industry_group"));
	f->group = intern_group(st, cohort, cr->group_by_industry ? row->industry.s : NULL,
							cr->group_by_industry ? row->industry.len : 0);

	/* inputs the cohort uses; a value the engine cannot hold makes the firm an error */
	for (i = 0; i < st->ninputs; i++)
		if (st->cohort_uses[cohort][i])
		{
			has[i] = row->r[i] == INPUT_OK;
			if (row->r[i] == INPUT_BAD && bad == NULL)
				bad = psprintf(eval_local("列%s的值超出计算范围"), eval_input_name(rs, i));
		}
	f->has_tax = st->cohort_uses[cohort][IN_TAX] && has[IN_TAX];
	f->tax = f->has_tax ? in[IN_TAX] : 0;

	/* exemptions */
	if (row->exempt.s != NULL)
		add_reason(st, &f->reason, row->exempt.s, row->exempt.len);
	if (cr->exempt_not_producing && row->producing == 0)
	{
		const char *r = eval_local("尚未投产");

		add_reason(st, &f->reason, r, strlen(r));
	}
	if (cr->exempt_registered_years > 0 && row->has_registered &&
		row->registered > st->reg_cutoff[cohort])
	{
		char	   *r = psprintf(eval_local("新成立企业（登记不满%d年）"), cr->exempt_registered_years);

		add_reason(st, &f->reason, r, strlen(r));
	}
	if (cr->exempt_land_years > 0 && row->has_land_supplied &&
		row->land_supplied > st->land_cutoff[cohort])
	{
		char	   *r = psprintf(eval_local("新供地建设期（供地不满%d年）"), cr->exempt_land_years);

		add_reason(st, &f->reason, r, strlen(r));
	}
	if (cr->has_min_land && row->r[IN_LAND] != INPUT_BAD &&
		(!f->has_land || f->land < cr->min_land))
	{
		char	   *r = psprintf(eval_local("用地面积不足%s"), mu_text(cr->min_land));

		add_reason(st, &f->reason, r, strlen(r));
		below_min_land = true;
	}
	if (f->reason != NULL && cr->exempt_class >= 0 && !below_min_land)
	{
		/* 参与评价、不定等级、参照X类管理: scored, no place in the ranking */
		char	   *r = psprintf(eval_local("%s（参与评价、不定等级，参照%s类管理）"), f->reason,
								 cr->classes[cr->exempt_class].class_code);

		f->status = FIRM_MANAGED;
		f->cls = (int8) cr->exempt_class;
		f->reason = arena_strdup(st, r, strlen(r));
	}
	else if (f->reason != NULL)
		f->status = FIRM_EXEMPT;
	else if (row->veto.s != NULL)
	{
		char	   *r = psprintf(eval_local("一票否决：%.*s"), (int) row->veto.len, row->veto.s);

		f->status = FIRM_VETO;
		f->vetoed = true;
		f->reason = arena_strdup(st, r, strlen(r));
	}

	/* 承租企业跟随宗地主: a graded tenant outside a 小微园 takes its landlord's class */
	if (cr->follow_landlord && f->status == FIRM_GRADED && row->landlord.s != NULL &&
		!row->small_park)
	{
		f->status = FIRM_INHERITED;
		f->landlord = arena_strdup(st, row->landlord.s, row->landlord.len);
	}

	/* adjustments */
	f->correction6 = EVAL_FACTOR_SCALE;
	f->adjust6 = 0;
	{
		int			rc = row->r[IN_CORRECTION];

		if (rc == INPUT_OK && (in[IN_CORRECTION] < -EVAL_MAX_FACTOR * EVAL_FACTOR_SCALE ||
							   in[IN_CORRECTION] > EVAL_MAX_FACTOR * EVAL_FACTOR_SCALE))
			rc = INPUT_BAD;
		if (rc == INPUT_OK)
			f->correction6 = in[IN_CORRECTION];
		else if (rc == INPUT_BAD && bad == NULL)
			bad = psprintf(eval_local("修正系数correction须在-%d与%d之间"),
						   EVAL_MAX_FACTOR, EVAL_MAX_FACTOR);
	}
	{
		int			rb = row->r[IN_BONUS];
		int			rp = row->r[IN_PENALTY];

		if (rb == INPUT_OK)
			f->adjust6 = in[IN_BONUS];
		if (rb == INPUT_BAD || rp == INPUT_BAD ||
			(rp == INPUT_OK && pg_sub_s64_overflow(f->adjust6, in[IN_PENALTY], &f->adjust6)) ||
			f->adjust6 < -PG_INT64_MAX / 1000 || f->adjust6 > PG_INT64_MAX / 1000)
		{
			f->adjust6 = 0;
			if (bad == NULL)
				bad = pstrdup(eval_local("加分bonus或扣分penalty超出计算范围"));
		}
	}

	/* indicator values */
	vals = st->values + fi * st->maxind;
	if (st->nums != NULL)
	{
		nums = st->nums + fi * st->maxind;
		dens = st->dens + fi * st->maxind;
	}
	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		int			rn = sum_parts(ir->num_in, ir->nnum, in, has, &nums[k]);
		int			rd = sum_parts(ir->den_in, ir->nden, in, has, &dens[k]);
		bool		overflow = false;

		if (rn == INPUT_OK && rd == INPUT_OK &&
			eval_value(nums[k], dens[k], ir->scale6, &vals[k], &overflow))
			continue;
		f->missing |= (uint16) (1 << k);
		vals[k] = 0;
		if ((overflow || rn == INPUT_BAD || rd == INPUT_BAD) && bad == NULL)
			bad = psprintf(eval_local("指标%s（%s）超出计算范围（绝对值不超过92233720368%s）"),
						   ir->name, ir->code, ir->unit);
		if (rn != INPUT_OK)
			nums[k] = 0;
		if (rd != INPUT_OK)
			dens[k] = 0;
	}

	/* an exempt firm stays exempt; otherwise a value out of range makes it an error */
	if (f->status != FIRM_EXEMPT && bad != NULL)
	{
		char	   *r = psprintf(eval_local("无法评价：%s"), bad);

		if (f->reason != NULL)	/* vetoed or managed too */
			r = psprintf("%s%s%s", r, eval_local("；"), f->reason);
		f->status = FIRM_ERROR;
		f->cls = -1;
		f->reason = arena_strdup(st, r, strlen(r));
	}

	/* a missing value under the missing-data rule "error" stops the call */
	for (k = 0; k < cr->nind && FIRM_RANKED(f); k++)
		if ((f->missing & (1 << k)) && cr->ind[k].missing == MISSING_ERROR)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("enterprise %s has no value for indicator %s (%s)",
							f->credit_code, cr->ind[k].code, cr->ind[k].name),
					 errdetail("Its %s is null, or its %s is null, zero or negative, and the rule set's missing-data rule for it is \"error\".",
							   eval_input_name(rs, cr->ind[k].num_in[0]),
							   eval_input_name(rs, cr->ind[k].den_in[0]))));
	if (place && FIRM_RANKED(f))
		accumulate_firm(st, fi, nums, dens);
	return fi;
}

/* Keep a row of a combined unit in the state's memory until every row is read. */
static void
keep_row(EvalState *st, const EvalRow *row)
{
	EvalRow    *k = MemoryContextAlloc(st->cxt, sizeof(EvalRow));
	EvalText   *t[] = {&k->code, &k->name, &k->scope, &k->industry, &k->unit, &k->exempt,
	&k->veto, &k->landlord};
	int			i;

	*k = *row;
	for (i = 0; i < (int) lengthof(t); i++)
		if (t[i]->s != NULL)
			t[i]->s = arena_strdup(st, t[i]->s, t[i]->len);
	if (st->npending == st->cappending)
	{
		st->cappending = st->cappending ? st->cappending * 2 : 64;
		st->pending = st->pending ?
			repalloc_huge(st->pending, sizeof(EvalRow *) * st->cappending) :
			MemoryContextAllocHuge(st->cxt, sizeof(EvalRow *) * st->cappending);
	}
	st->pending[st->npending++] = k;
}

/*
 * Read the current row of the caller's query (the push callback): rows of
 * another year are skipped, a row of a combined unit is kept, any other is
 * admitted at once.
 */
static void
eval_read_row(KitQuery *q, void *arg)
{
	EvalState  *st = (EvalState *) arg;
	MemoryContext oldcxt;
	EvalRow		row;
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

	memset(&row, 0, offsetof(EvalRow, in));	/* in[] is read where r[] says so */
	row.producing = -1;
	read_keys(st, q, &row);
	if (row.unit.s != NULL && row.code.s != NULL)
	{
		read_values(st, q, &row, st->any_uses);
		keep_row(st, &row);
	}
	else
	{
		int			cohort = match_list(st, &row);

		read_values(st, q, &row, cohort >= 0 ? st->cohort_uses[cohort] : NULL);
		(void) admit_row(st, &row, cohort, true);
	}
	MemoryContextSwitchTo(oldcxt);
	MemoryContextReset(st->rowcxt);
}

/* Order of kept rows: unit_code, then credit code. */
static int
cmp_kept(const void *a, const void *b)
{
	const EvalRow *x = *(EvalRow *const *) a;
	const EvalRow *y = *(EvalRow *const *) b;
	int			c = text_cmp(x->unit, y->unit);

	return c != 0 ? c : text_cmp(x->code, y->code);
}

/* Append "code：text" to a joined reason of a combined unit. */
static void
append_member_text(StringInfo buf, const EvalRow *m, EvalText t)
{
	if (buf->len > 0)
		appendStringInfoString(buf, eval_local("；"));
	appendStringInfo(buf, "%.*s%s%.*s", (int) m->code.len, m->code.s, eval_local("："),
					 (int) t.len, t.s);
}

/*
 * The row of a combined unit from its members' rows: every numeric input
 * summed exactly (NULL parts count 0; all NULL stays NULL; a sum beyond
 * int64 makes the unit an error), scope and industry group the members'
 * common ones (differing scopes make the unit an error), a tenant when
 * every member is, exempt or vetoed when any member is (reasons named by
 * member), the latest registration and land supply dates, not producing
 * when a member is not, and one correction that every member giving one
 * agrees on.  The unit follows no landlord.
 */
static void
combine_rows(EvalState *st, EvalRow **m, int64 n, EvalRow *u)
{
	StringInfoData exempt,
				veto;
	int128		acc[EVAL_MAX_INPUTS];
	int64		i;
	int			j;

	memset(u, 0, sizeof(EvalRow));
	memset(acc, 0, sizeof(acc));
	initStringInfo(&exempt);
	initStringInfo(&veto);
	u->code = m[0]->unit;
	u->scope = m[0]->scope;
	u->industry = m[0]->industry;
	u->tenant = true;
	u->producing = -1;
	for (i = 0; i < n; i++)
	{
		const EvalRow *r = m[i];

		if (!text_eq(r->scope, u->scope) && u->bad == NULL)
			u->bad = psprintf(eval_local("合并单元的成员scope不一致（%.*s与%.*s）"),
							  (int) m[0]->code.len, m[0]->code.s, (int) r->code.len, r->code.s);
		if (!text_eq(r->industry, u->industry))
			u->industry_differs = true;
		u->tenant = u->tenant && r->tenant;
		if (r->exempt.s != NULL)
			append_member_text(&exempt, r, r->exempt);
		if (r->veto.s != NULL)
			append_member_text(&veto, r, r->veto);
		if (r->producing == 0 || (r->producing == 1 && u->producing < 0))
			u->producing = r->producing;
		if (r->has_registered && (!u->has_registered || r->registered > u->registered))
		{
			u->has_registered = true;
			u->registered = r->registered;
		}
		if (r->has_land_supplied &&
			(!u->has_land_supplied || r->land_supplied > u->land_supplied))
		{
			u->has_land_supplied = true;
			u->land_supplied = r->land_supplied;
		}
		for (j = 0; j < st->ninputs; j++)
		{
			if (r->r[j] == INPUT_NULL)
				continue;
			if (r->r[j] == INPUT_BAD)
				u->r[j] = INPUT_BAD;
			else if (j == IN_CORRECTION)
			{
				if (u->r[j] == INPUT_OK && u->in[j] != r->in[j] && u->bad == NULL)
					u->bad = pstrdup(eval_local("合并单元的成员修正系数correction不一致"));
				if (u->r[j] != INPUT_BAD)
				{
					u->r[j] = INPUT_OK;
					u->in[j] = r->in[j];
				}
			}
			else
			{
				acc[j] += r->in[j];
				if (u->r[j] != INPUT_BAD)
					u->r[j] = INPUT_OK;
			}
		}
	}
	for (j = 0; j < st->ninputs; j++)
		if (j != IN_CORRECTION && u->r[j] == INPUT_OK)
		{
			if (acc[j] > PG_INT64_MAX || acc[j] < PG_INT64_MIN)
			{
				if (u->bad == NULL)
					u->bad = psprintf(eval_local("合并单元的列%s之和超出计算范围"),
									  eval_input_name(st->rules, j));
				u->r[j] = INPUT_BAD;
			}
			else
				u->in[j] = (int64) acc[j];
		}
	if (exempt.len > 0)
	{
		u->exempt.s = exempt.data;
		u->exempt.len = exempt.len;
	}
	if (veto.len > 0)
	{
		u->veto.s = veto.data;
		u->veto.len = veto.len;
	}
}

/*
 * Admit the kept rows, unit by unit: the unit's firm first, its members'
 * firms right after it (in credit code order).  merged: the unit is
 * graded in their stead and hidden, each member waits for its result
 * (settle_units); also: each member is admitted alone, and the unit is
 * scored without a place (status combined).
 */
static void
admit_units(EvalState *st)
{
	bool		merged = st->rules->combine == COMBINE_MERGED;
	int64		i,
				j,
				k;

	if (st->npending == 0)
		return;
	qsort(st->pending, st->npending, sizeof(EvalRow *), cmp_kept);
	for (i = 0; i < st->npending; i = j)
	{
		EvalRow		u;
		int64		ui;
		EvalFirm   *uf;

		CHECK_FOR_INTERRUPTS();
		for (j = i + 1; j < st->npending && text_eq(st->pending[j]->unit, st->pending[i]->unit); j++)
			;
		combine_rows(st, st->pending + i, j - i, &u);
		ui = admit_row(st, &u, match_list(st, &u), merged);
		for (k = i; k < j; k++)
		{
			EvalRow    *m = st->pending[k];
			EvalFirm   *mf;

			if (merged)
			{
				mf = new_firm(st, m->code, m->name);
				mf->status = FIRM_UNLISTED;	/* until settle_units */
				mf->has_land = m->r[IN_LAND] == INPUT_OK;
				mf->land = mf->has_land ? m->in[IN_LAND] : 0;
				mf->group = intern_group(st, st->rules->ncohorts, NULL, 0);
			}
			else
				mf = &st->firms[admit_row(st, m, match_list(st, m), true)];
			mf->unit = ui;
		}
		uf = &st->firms[ui];
		uf->unit = -1 - (j - i);
		if (merged)
			uf->hidden = true;
		else if (uf->status == FIRM_GRADED || uf->status == FIRM_VETO)
			uf->status = FIRM_COMBINED;
	}
}

/* The members' codes of a combined unit, joined by "、". */
static char *
member_list(EvalState *st, int64 ui)
{
	StringInfoData buf;
	int64		m;

	initStringInfo(&buf);
	for (m = ui + 1; m <= ui + FIRM_MEMBERS(&st->firms[ui]); m++)
	{
		if (m > ui + 1)
			appendStringInfoString(&buf, eval_local("、"));
		appendStringInfoString(&buf, st->firms[m].credit_code);
	}
	return buf.data;
}

/*
 * Make an admitted firm an error with this reason; a graded or vetoed one
 * leaves its group's statistics (its lowest and highest values are redone
 * by refresh_extremes).
 */
static void
firm_reject(EvalState *st, EvalFirm *f, const char *why)
{
	char	   *r = psprintf(eval_local("无法评价：%s"), why);

	if (FIRM_RANKED(f))
	{
		int64		fi = f - st->firms;
		EvalGroup  *g = st->groups[f->group];
		CohortRule *cr = &st->rules->cohorts[g->cohort];
		int			k;

		for (k = 0; k < cr->nind; k++)
		{
			if (f->missing & (1 << k))
				continue;
			if (st->nums != NULL)
			{
				g->sumnum[k] -= st->nums[fi * st->maxind + k];
				g->sumden[k] -= st->dens[fi * st->maxind + k];
			}
			g->sumval[k] -= st->values[fi * st->maxind + k];
			g->nval[k]--;
		}
		g->n--;
		g->stale = true;
	}

	if (f->reason != NULL && f->status != FIRM_UNLISTED)
		r = psprintf("%s%s%s", r, eval_local("；"), f->reason);
	f->status = FIRM_ERROR;
	f->cls = -1;
	f->reason = arena_strdup(st, r, strlen(r));
}

/* A firm's credit code hash with its index, for finding repeated codes. */
typedef struct CodeHash
{
	uint64		hash;
	int64		firm;
} CodeHash;

/* CodeHash order: hash, then firm index. */
static int
cmp_code_hash(const void *a, const void *b)
{
	const CodeHash *x = (const CodeHash *) a;
	const CodeHash *y = (const CodeHash *) b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->firm > y->firm) - (x->firm < y->firm);
}

/* CodeHash order by the firms' credit codes. */
static int
cmp_cand_codes(const void *a, const void *b, void *arg)
{
	EvalState  *st = (EvalState *) arg;

	return strcmp(st->firms[((const CodeHash *) a)->firm].credit_code,
				  st->firms[((const CodeHash *) b)->firm].credit_code);
}

/* Does firm i have a code that must be unique (not a combined unit's)? */
#define FIRM_KEYED(st, i)	((st)->firms[i].credit_code != NULL && FIRM_MEMBERS(&(st)->firms[i]) == 0)

/*
 * A credit code given by more than one row: which row is right is unknown,
 * so every such row is an error (and a combined unit with such a member).
 * Combined units' own codes are not firms' codes and are not compared.
 * Each code's 64-bit hash marks a bit of a bitmap of 16 bits per firm (a
 * few cache lines, no table of the firms); only the codes whose bit was
 * marked twice, about one in 16, are sorted by hash and compared as
 * strings.
 */
static void
reject_duplicates(EvalState *st)
{
	uint64	   *hashes;
	uint8	   *seen,
			   *twice;
	CodeHash   *cand;
	uint64		nbits = UINT64CONST(1) << 16;
	int64		ncand = 0,
				i,
				j,
				k,
				l;

	if (st->nfirms < 2)
		return;
	while (nbits < (uint64) st->nfirms * 16)
		nbits <<= 1;
	seen = palloc_extended(nbits / 8, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	twice = palloc_extended(nbits / 8, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	hashes = palloc_extended(sizeof(uint64) * st->nfirms, MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
	{
		const char *code = st->firms[i].credit_code;
		uint64		b;

		if (!FIRM_KEYED(st, i))
			continue;
		hashes[i] = hash_bytes_extended((const unsigned char *) code,
										(int) (VARSIZE(code - VARHDRSZ) - VARHDRSZ), 0);
		b = hashes[i] & (nbits - 1);
		if (seen[b >> 3] & (1 << (b & 7)))
			twice[b >> 3] |= (uint8) (1 << (b & 7));
		else
			seen[b >> 3] |= (uint8) (1 << (b & 7));
	}
	cand = palloc_extended(sizeof(CodeHash) * st->nfirms, MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
	{
		uint64		b = hashes[i] & (nbits - 1);

		if (FIRM_KEYED(st, i) && (twice[b >> 3] & (1 << (b & 7))))
		{
			cand[ncand].hash = hashes[i];
			cand[ncand++].firm = i;
		}
	}
	pfree(seen);
	pfree(twice);
	pfree(hashes);
	qsort(cand, ncand, sizeof(CodeHash), cmp_code_hash);
	for (i = 0; i < ncand; i = j)
	{
		for (j = i + 1; j < ncand && cand[j].hash == cand[i].hash; j++)
			;
		if (j - i < 2)
			continue;
		/* equal hashes: in code order, how often each code is given (0: once) */
		qsort_arg(cand + i, j - i, sizeof(CodeHash), cmp_cand_codes, st);
		for (k = i; k < j; k = l)
		{
			int64		m;

			for (l = k + 1; l < j && cmp_cand_codes(&cand[k], &cand[l], st) == 0; l++)
				;
			for (m = k; m < l; m++)
				cand[m].hash = l - k > 1 ? (uint64) (l - k) : 0;
		}
		for (k = i; k < j; k++)
		{
			EvalFirm   *f = &st->firms[cand[k].firm];

			if (cand[k].hash == 0)
				continue;
			firm_reject(st, f, psprintf(eval_local("统一社会信用代码%s在本次评价中出现%lld次"),
										f->credit_code, (long long) cand[k].hash));
			if (f->unit >= 0 && st->firms[f->unit].status != FIRM_ERROR)
				firm_reject(st, &st->firms[f->unit],
							psprintf(eval_local("成员%s的统一社会信用代码重复"), f->credit_code));
		}
	}
	pfree(cand);
}

/* The lowest and highest values of the groups a rejected firm left, redone. */
static void
refresh_extremes(EvalState *st)
{
	int64		i;
	int			gi,
				k;
	bool		any = false;

	for (gi = 0; gi < st->ngroups; gi++)
		if (st->groups[gi]->stale)
		{
			for (k = 0; k < EVAL_MAX_IND; k++)
			{
				st->groups[gi]->lo[k] = PG_INT64_MAX;
				st->groups[gi]->hi[k] = PG_INT64_MIN;
			}
			any = true;
		}
	for (i = 0; any && i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];
		EvalGroup  *g = st->groups[f->group];

		if (!g->stale || !FIRM_RANKED(f))
			continue;
		for (k = 0; k < st->rules->cohorts[g->cohort].nind; k++)
		{
			int64		v = st->values[i * st->maxind + k];

			if (f->missing & (1 << k))
				continue;
			g->lo[k] = Min(g->lo[k], v);
			g->hi[k] = Max(g->hi[k], v);
		}
	}
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

			if (ir->method != METHOD_RATIO && ir->method != METHOD_LOWER_BETTER)
				continue;
			switch (ir->bench_kind)
			{
				case BENCH_FIXED:
					base = ir->benchmark8;
					break;
				case BENCH_RATIO_OF_SUMS:
					if (g->nval[k] == 0)
						continue;
					/* Σ numerator × scale / Σ denominator; beyond 2^100 it is out of range */
					if (g->sumnum[k] > ((int128) 1 << 100) || g->sumnum[k] < -((int128) 1 << 100))
						base = (int128) PG_INT64_MAX + 1;
					else
						base = int128_div_round(g->sumnum[k] * ir->scale6 *
												(EVAL_VALUE_SCALE / EVAL_FACTOR_SCALE),
												g->sumden[k]);
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

							if (f->group == gi && FIRM_RANKED(f) &&
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
			if (base <= PG_INT64_MAX && base >= PG_INT64_MIN)
				base = int128_div_round(base * ir->multiplier6, EVAL_FACTOR_SCALE);
			if (base > PG_INT64_MAX || base < PG_INT64_MIN)
			{
				if (g->error == NULL)
					g->error = psprintf(eval_local("本组指标%s（%s）的基准值超出计算范围"),
										ir->name, ir->code);
				continue;
			}
			g->bench[k] = (int64) base;
			if (g->bench[k] <= 0 && g->error == NULL)
				g->error = psprintf(eval_local("本组指标%s（%s）由数据得出的基准值为%s，不为正，无法按比值计分"),
									ir->name, ir->code,
									DatumGetCString(DirectFunctionCall1(numeric_out,
																		eval_scaled_to_numeric(g->bench[k], EVAL_VALUE_DIGITS, true))));
		}
	}
}

/* Descending order for qsort. */
static int
cmp_int64_desc(const void *a, const void *b)
{
	return cmp_int64(b, a);
}

/*
 * The sorted values of each group for the indicators that need them: rank
 * scores always, minmax for the gap (the others' extremes).  One pass over
 * the firms, then one sort per group and indicator.
 */
static void
collect_sorted(EvalState *st)
{
	int64	   *fill;
	int64		i;
	int			gi,
				k;
	bool		any = false;

	fill = palloc0(sizeof(int64) * Max(st->ngroups, 1) * EVAL_NINDICATORS);
	for (gi = 0; gi < st->ngroups; gi++)
	{
		EvalGroup  *g = st->groups[gi];
		CohortRule *cr = &st->rules->cohorts[g->cohort];

		for (k = 0; k < cr->nind; k++)
			if ((cr->ind[k].method == METHOD_RANK ||
				 (cr->ind[k].method == METHOD_MINMAX && st->mode == MODE_GAP)) &&
				g->nval[k] > 0)
			{
				g->sorted[k] = MemoryContextAllocHuge(st->cxt, sizeof(int64) * g->nval[k]);
				any = true;
			}
	}
	if (!any)
		return;
	for (i = 0; i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];
		EvalGroup  *g = st->groups[f->group];
		CohortRule *cr = &st->rules->cohorts[g->cohort];

		if (!FIRM_RANKED(f))
			continue;
		for (k = 0; k < cr->nind; k++)
			if (g->sorted[k] != NULL && !(f->missing & (1 << k)))
				g->sorted[k][fill[f->group * EVAL_NINDICATORS + k]++] =
					st->values[i * st->maxind + k];
	}
	for (gi = 0; gi < st->ngroups; gi++)
	{
		EvalGroup  *g = st->groups[gi];

		for (k = 0; k < EVAL_NINDICATORS; k++)
			if (g->sorted[k] != NULL)
			{
				Assert(fill[gi * EVAL_NINDICATORS + k] == g->nval[k]);
				qsort(g->sorted[k], g->nval[k], sizeof(int64), cmp_int64_desc);
			}
	}
	pfree(fill);
}

/* Make a scored firm an error with this reason (out of the ranking if it was in). */
static void
firm_fail(EvalState *st, EvalFirm *f, const char *why)
{
	char	   *r = psprintf(eval_local("无法评价：%s"), why);

	Assert(FIRM_SCORED(f));
	if (f->reason != NULL)		/* vetoed or managed too */
		r = psprintf("%s%s%s", r, eval_local("；"), f->reason);
	f->reason = arena_strdup(st, r, strlen(r));
	if (FIRM_RANKED(f))
		st->groups[f->group]->n--;
	f->status = FIRM_ERROR;
	f->cls = -1;
}

/* Every ranked firm of a group whose benchmark cannot be derived becomes an error. */
static void
fail_error_groups(EvalState *st)
{
	int64		i;

	for (i = 0; i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];
		EvalGroup  *g = st->groups[f->group];

		if (g->error != NULL && FIRM_SCORED(f))
			firm_fail(st, f, g->error);
	}
}

/* Number of values of a descending array above v (binary search). */
static int64
count_above(const int64 *desc, int64 n, int64 v)
{
	int64		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int64		mid = lo + (hi - lo) / 2;

		if (desc[mid] > v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Item score of value8 for indicator k of group g, the firm's own value
 * moved from old8 (had_value) or from no value: the group's other values
 * stay, so a rank counts the others above value8 and minmax takes the
 * others' lowest and highest with value8.  With value8 = old8 this is the
 * firm's score in the evaluation.  False when out of range.
 */
bool
firm_item_moved(EvalGroup *g, IndicatorRule *ir, int k, int64 value8, bool had_value,
				int64 old8, bool *capped, bool *floored, int64 *score)
{
	int64		m = g->nval[k];
	int64		lo = g->lo[k],
				hi = g->hi[k];

	switch (ir->method)
	{
		case METHOD_RANK:
			/* value8 >= old8, so the firm's old value is never counted above it */
			return eval_item_bound(eval_rank_raw(1 + count_above(g->sorted[k], m, value8),
												 had_value ? m : m + 1, ir->weight4),
								   ir->weight4, ir->has_cap, ir->cap4, ir->has_floor,
								   ir->floor4, capped, floored, score);
		case METHOD_STEP:
			return eval_item_bound(eval_step_raw(value8, ir->nsteps, ir->step8, ir->points6),
								   ir->weight4, ir->has_cap, ir->cap4, ir->has_floor,
								   ir->floor4, capped, floored, score);
		case METHOD_MINMAX:
			if (value8 != old8 || !had_value)
			{
				const int64 *d = g->sorted[k];
				bool		others = had_value ? m > 1 : m > 0;

				Assert(d != NULL || m == 0);
				/* the others' extremes: the firm's old value taken out once */
				hi = !others ? value8 : (had_value && d[0] == old8) ? d[1] : d[0];
				lo = !others ? value8 : (had_value && d[m - 1] == old8) ? d[m - 2] : d[m - 1];
				lo = Min(lo, value8);
				hi = Max(hi, value8);
			}
			break;
		default:
			break;
	}
	return eval_item_score_ok(ir->method, value8, ir->weight4, g->bench[k], lo, hi,
							  ir->has_cap, ir->cap4, ir->has_floor, ir->floor4,
							  capped, floored, score);
}

/* Item score of a firm's present value k into *score; false when out of range. */
bool
firm_item(EvalState *st, EvalGroup *g, IndicatorRule *ir, int k, int64 value8,
		  bool *capped, bool *floored, int64 *score)
{
	(void) st;
	return firm_item_moved(g, ir, k, value8, true, value8, capped, floored, score);
}

/*
 * Total of a firm (10^-6 points, rounded to the cohort's score_digits) into
 * *total; false when an item or the total is out of range.  With
 * tax_delta >= 0 the tax-based values are recomputed with that much more
 * tax (分), other values unchanged (for the gap to the next class).
 */
bool
firm_total(EvalState *st, EvalFirm *f, int64 tax_delta, int64 *total)
{
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	int64	   *vals = st->values + (f - st->firms) * st->maxind;
	int128		base = 0;
	int128		w_all = 0;
	int128		w_present = 0;
	int128		num,
				den,
				t6;
	int64		unit = 1;
	int			k;

	for (k = 0; k < cr->nind; k++)
	{
		IndicatorRule *ir = &cr->ind[k];
		bool		present = !(f->missing & (1 << k));
		int64		v = vals[k];
		int64		item;
		bool		c,
					fl,
					overflow = false;

		if (tax_delta >= 0 && f->has_tax && ir->taxed)
		{
			int64		i = (f - st->firms) * st->maxind + k;
			int64		t;
			bool		had = present;

			if (pg_add_s64_overflow(st->nums[i], tax_delta, &t))
				return false;
			present = eval_value(t, st->dens[i], ir->scale6, &v, &overflow);
			if (overflow)
				return false;
			w_all += ir->weight4;
			if (present)
			{
				if (!firm_item_moved(g, ir, k, v, had, vals[k], &c, &fl, &item))
					return false;
				base += item;
				w_present += ir->weight4;
				continue;
			}
		}
		else
			w_all += ir->weight4;
		if (present)
		{
			if (!firm_item(st, g, ir, k, v, &c, &fl, &item))
				return false;
			base += item;
			w_present += ir->weight4;
		}
		else if (ir->missing != MISSING_RENORMALISE)
		{
			base += eval_missing_item(ir, g, k);
			w_present += ir->weight4;
		}
	}
	if (base > PG_INT64_MAX || base < PG_INT64_MIN)
		return false;
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
	t6 = int128_div_round(num, den) * unit;
	if (t6 > PG_INT64_MAX || t6 < PG_INT64_MIN)
		return false;
	*total = (int64) t6;
	return true;
}

/*
 * Score every graded and vetoed firm; group averages for the missing-data
 * rule first.  A firm whose item score or total is out of range becomes an
 * error (its values still count in the group's benchmarks and averages
 * already derived).
 */
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

		if (!FIRM_RANKED(f))
			continue;
		for (k = 0; k < cr->nind; k++)
		{
			bool		c,
						fl;
			int64		item;

			if (f->missing & (1 << k) || cr->ind[k].missing != MISSING_GROUP_AVERAGE)
				continue;
			if (!firm_item(st, g, &cr->ind[k], k, vals[k], &c, &fl, &item))
			{
				firm_fail(st, f, psprintf(eval_local("指标%s（%s）的得分超出计算范围"),
										  cr->ind[k].name, cr->ind[k].code));
				break;
			}
			g->sumitem[k] += item;
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

		if (FIRM_SCORED(f) && !firm_total(st, f, -1, &f->total6))
			firm_fail(st, f, eval_local("得分超出计算范围"));
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

/*
 * A firm's place in the output order, compared without touching the firm:
 * group, graded/vetoed before exempt, total descending, credit code (its
 * first 16 bytes big-endian, zero-padded, so that comparing them as
 * integers orders as strcmp does; a firm without a code after those with
 * one), then input order.
 */
typedef struct FirmKey
{
	uint64		major;			/* group order × 2 + 1 when the firm has no place */
	int64		total6;			/* 0 when the firm has no place */
	uint64		code[2];
	int64		index;
} FirmKey;

/* The key of firm i. */
static void
firm_key(EvalState *st, int64 i, FirmKey *key)
{
	EvalFirm   *f = &st->firms[i];
	char		prefix[16] = {0};

	key->major = (uint64) st->groups[f->group]->order * 2 + (FIRM_RANKED(f) ? 0 : 1);
	key->total6 = FIRM_RANKED(f) ? f->total6 : 0;
	if (f->credit_code == NULL)
		memset(prefix, 0xFF, sizeof(prefix));	/* ties resolved in cmp_firm_keys */
	else
		memcpy(prefix, f->credit_code, strnlen(f->credit_code, sizeof(prefix)));
	memcpy(&key->code[0], prefix, 8);
	memcpy(&key->code[1], prefix + 8, 8);
	key->code[0] = pg_ntoh64(key->code[0]);
	key->code[1] = pg_ntoh64(key->code[1]);
	key->index = i;
}

/* Output order of two firm keys (the firms' codes read only past 16 equal bytes). */
static inline int
cmp_firm_keys(const FirmKey *x, const FirmKey *y, EvalState *st)
{
	const char *cx,
			   *cy;
	int			c;

	if (x->major != y->major)
		return x->major < y->major ? -1 : 1;
	if (x->total6 != y->total6)
		return x->total6 > y->total6 ? -1 : 1;
	if (x->code[0] != y->code[0])
		return x->code[0] < y->code[0] ? -1 : 1;
	if (x->code[1] != y->code[1])
		return x->code[1] < y->code[1] ? -1 : 1;
	cx = st->firms[x->index].credit_code;
	cy = st->firms[y->index].credit_code;
	if (cx == NULL || cy == NULL)
	{
		if (cx != cy)
			return cx == NULL ? 1 : -1;
	}
	else if ((c = strcmp(cx, cy)) != 0)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

#define ST_SORT sort_firm_keys
#define ST_ELEMENT_TYPE FirmKey
#define ST_COMPARE(a, b, arg) cmp_firm_keys(a, b, arg)
#define ST_COMPARE_ARG_TYPE EvalState
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

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
	FirmKey    *keys;
	int64		i,
				j;
	EvalGroup **sorted;
	int			gi;

	sorted = palloc(sizeof(EvalGroup *) * Max(st->ngroups, 1));
	memcpy(sorted, st->groups, sizeof(EvalGroup *) * st->ngroups);
	qsort(sorted, st->ngroups, sizeof(EvalGroup *), cmp_groups);
	for (gi = 0; gi < st->ngroups; gi++)
		sorted[gi]->order = gi;

	/* sort compact keys: comparing the firms themselves would be a cache miss each */
	keys = palloc_extended(sizeof(FirmKey) * Max(st->nfirms, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
		firm_key(st, i, &keys[i]);
	sort_firm_keys(keys, st->nfirms, st);
	order = palloc_extended(sizeof(int64) * Max(st->nfirms, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
		order[i] = keys[i].index;
	pfree(keys);

	for (i = 0; i < st->nfirms; i = j)
	{
		EvalFirm   *first = &st->firms[order[i]];
		EvalGroup  *g = st->groups[first->group];
		CohortRule *cr = &st->rules->cohorts[g->cohort];
		int64		cut[26];
		int64		p;

		if (cr->by_quota)
			eval_cohort_cuts(cr, g->n, cut);
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
					cls = eval_quota_class(cr->tie_up ? rank : last, cut, cr->nclass);
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

/* Firm order by credit code (NULL last), for finding a landlord. */
static int
cmp_codes(const void *a, const void *b, void *arg)
{
	EvalState  *st = (EvalState *) arg;
	const char *x = st->firms[*(const int64 *) a].credit_code;
	const char *y = st->firms[*(const int64 *) b].credit_code;

	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

/* The firm with this credit code among n firms in code order, or NULL. */
static EvalFirm *
find_firm(EvalState *st, const int64 *by_code, int64 n, const char *code)
{
	int64		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int64		mid = lo + (hi - lo) / 2;

		if (strcmp(st->firms[by_code[mid]].credit_code, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && strcmp(st->firms[by_code[lo]].credit_code, code) == 0)
		return &st->firms[by_code[lo]];
	return NULL;
}

/*
 * 承租企业跟随宗地主: each inheriting tenant takes the class of its landlord
 * (following a landlord that is itself a tenant, at most 16 steps), matched
 * by class code in the tenant's own list.  A landlord that is not in the
 * evaluation, has no class, or whose class the tenant's list lacks makes
 * the tenant an error row.
 */
static void
resolve_landlords(EvalState *st)
{
	int64	   *by_code = NULL;
	int64		ncodes = 0;
	int64		i;

	for (i = 0; i < st->nfirms; i++)
	{
		EvalFirm   *f = &st->firms[i];
		CohortRule *cr = &st->rules->cohorts[st->groups[f->group]->cohort];
		EvalFirm   *l;
		int			steps,
					j;
		char	   *why = NULL;

		if (f->status != FIRM_INHERITED)
			continue;
		if (by_code == NULL)
		{
			int64		k;

			/* firms with a code; a combined unit's code is not a firm's */
			by_code = palloc_extended(sizeof(int64) * st->nfirms, MCXT_ALLOC_HUGE);
			for (k = 0; k < st->nfirms; k++)
				if (st->firms[k].credit_code != NULL && FIRM_MEMBERS(&st->firms[k]) == 0)
					by_code[ncodes++] = k;
			qsort_arg(by_code, ncodes, sizeof(int64), cmp_codes, st);
		}
		l = find_firm(st, by_code, ncodes, f->landlord);
		for (steps = 0; l != NULL && l->status == FIRM_INHERITED && steps < 16; steps++)
			l = find_firm(st, by_code, ncodes, l->landlord);
		if (l == NULL)
			why = psprintf(eval_local("出租方%s不在本次评价中"), f->landlord);
		else if (l->status == FIRM_INHERITED)
			why = pstrdup(eval_local("出租方链过长或成环"));
		else if (l->cls < 0)
			why = psprintf(eval_local("出租方%s未评定等级"), l->credit_code);
		else
		{
			const char *code = st->rules->cohorts[st->groups[l->group]->cohort].classes[l->cls].class_code;

			for (j = 0; j < cr->nclass; j++)
				if (strcmp(cr->classes[j].class_code, code) == 0)
					break;
			if (j == cr->nclass)
				why = psprintf(eval_local("出租方的等级%s不是本名单的等级"), code);
			else
			{
				char	   *r = psprintf(eval_local("承租企业，跟随出租方%s（%s类）"), l->credit_code, code);

				f->cls = (int8) j;
				f->reason = arena_strdup(st, r, strlen(r));
			}
		}
		if (why != NULL)
			firm_fail(st, f, why);
	}
	if (by_code)
		pfree(by_code);
}

/*
 * Class of a combined unit scored without a place (also): the class its
 * total would have among its group's ranked firms, whose cut-offs it does
 * not move (tied with ranked firms, it shares their class); the veto rule
 * then applies.  A group without ranked firms gives it no class.
 */
static void
class_without_place(EvalState *st, EvalFirm *f)
{
	EvalGroup  *g = st->groups[f->group];
	CohortRule *cr = &st->rules->cohorts[g->cohort];
	int			cls;

	if (!cr->by_quota)
		cls = threshold_class_index(cr, f->total6);
	else
	{
		int64		cut[26];
		int64		above,
					through,
					lo,
					hi,
					pos;

		if (g->n == 0)
		{
			firm_fail(st, f, eval_local("本组没有参与排名的企业，无法按名额定等"));
			return;
		}
		eval_cohort_cuts(cr, g->n, cut);
		/* ranked firms above the total, then through it (totals descend) */
		for (lo = 0, hi = g->n; lo < hi;)
		{
			int64		mid = lo + (hi - lo) / 2;

			if (st->firms[st->ranking[g->start + mid]].total6 > f->total6)
				lo = mid + 1;
			else
				hi = mid;
		}
		above = lo;
		for (hi = g->n; lo < hi;)
		{
			int64		mid = lo + (hi - lo) / 2;

			if (st->firms[st->ranking[g->start + mid]].total6 >= f->total6)
				lo = mid + 1;
			else
				hi = mid;
		}
		through = lo;
		pos = (cr->tie_up || through == above) ? above + 1 : through;
		cls = eval_quota_class(pos, cut, cr->nclass);
	}
	if (f->vetoed)
		cls = cr->veto_downgrade ? Min(cls + cr->veto_steps, cr->nclass - 1) : cr->nclass - 1;
	f->cls = (int8) cls;
}

/*
 * Results of the combined units.  also: each unit scored without a place
 * gets its class, and every unit's row says it is one.  merged: each member
 * takes its unit's result (status combined for a graded unit, else the
 * unit's status), values and reason, marked with the unit and its members;
 * its land column stays its own.
 */
static void
settle_units(EvalState *st)
{
	int64		ui,
				m;

	if (st->npending == 0)
		return;
	for (ui = 0; ui < st->nfirms; ui++)
	{
		EvalFirm   *u = &st->firms[ui];
		char	   *members;
		char	   *r;

		if (FIRM_MEMBERS(u) == 0)
			continue;
		members = member_list(st, ui);
		if (!u->hidden)
		{
			if (u->status == FIRM_COMBINED)
				class_without_place(st, u);
			r = psprintf(eval_local("合并评价单元（成员%s），不占名额"), members);
			if (u->reason != NULL)
				r = psprintf("%s%s%s", r, eval_local("；"), u->reason);
			u->reason = arena_strdup(st, r, strlen(r));
			continue;
		}
		r = psprintf(eval_local("合并评价（单元%s：%s）"), u->credit_code, members);
		if (u->reason != NULL)
			r = psprintf("%s%s%s", r, eval_local("；"), u->reason);
		r = arena_strdup(st, r, strlen(r));
		for (m = ui + 1; m <= ui + FIRM_MEMBERS(u); m++)
		{
			EvalFirm   *f = &st->firms[m];
			char	   *code = f->credit_code;
			char	   *name = f->name;
			bool		has_land = f->has_land;
			int64		land = f->land;

			*f = *u;
			f->credit_code = code;
			f->name = name;
			f->has_land = has_land;	/* its own land is returned; the unit's is scored */
			f->land = land;
			f->unit = ui;
			f->hidden = false;
			f->reason = r;
			if (u->status == FIRM_GRADED)
				f->status = FIRM_COMBINED;
			memcpy(st->values + m * st->maxind, st->values + ui * st->maxind,
				   sizeof(int64) * st->maxind);
			if (st->nums != NULL)
			{
				memcpy(st->nums + m * st->maxind, st->nums + ui * st->maxind,
					   sizeof(int64) * st->maxind);
				memcpy(st->dens + m * st->maxind, st->dens + ui * st->maxind,
					   sizeof(int64) * st->maxind);
			}
		}
	}
}

/*
 * The output order: the ranking, with each merged unit replaced by its
 * members (in credit code order) at its place.
 */
static int64 *
output_order(EvalState *st)
{
	int64	   *out;
	int64		i,
				m,
				n = 0;

	if (st->rules->combine != COMBINE_MERGED || st->npending == 0)
	{
		st->nout = st->nfirms;
		return st->ranking;
	}
	out = palloc_extended(sizeof(int64) * Max(st->nfirms, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < st->nfirms; i++)
	{
		int64		fi = st->ranking[i];
		EvalFirm   *f = &st->firms[fi];

		if (f->unit >= 0)
			continue;			/* a member: at its unit's place */
		if (!f->hidden)
			out[n++] = fi;
		else
			for (m = fi + 1; m <= fi + FIRM_MEMBERS(f); m++)
				out[n++] = m;
	}
	st->nout = n;
	return out;
}

/*
 * Run the whole evaluation of rule set (code, year) on the caller's query:
 * returns the state, *order the firms' output order.  mode (MODE_*) tells
 * what the caller will emit (the gap needs more group statistics).
 */
EvalState *
eval_run(Oid nsp, const char *code, int32 year, const char *query, int mode, int64 **order)
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
	st->mode = mode;
	st->keep_sums = mode == MODE_GAP;

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	oldcxt = MemoryContextSwitchTo(st->cxt);
	st->rules = eval_load_rules(nsp, code, year, false);
	st->ninputs = EVAL_NINPUTS + st->rules->ncustom;
	st->kt = kit_types(nsp);
	for (c = 0; c < st->rules->ncohorts; c++)
	{
		CohortRule *cr = &st->rules->cohorts[c];

		st->maxind = Max(st->maxind, cr->nind);
		for (k = 0; k < cr->nind; k++)
		{
			IndicatorRule *ir = &cr->ind[k];
			int			p;

			for (p = 0; p < ir->nnum; p++)
				st->cohort_uses[c][ir->num_in[p]] = true;
			for (p = 0; p < ir->nden; p++)
				st->cohort_uses[c][ir->den_in[p]] = true;
			if (ir->bench_kind == BENCH_RATIO_OF_SUMS)
				st->keep_sums = true;
		}
		for (k = 0; k < st->ninputs; k++)
			st->any_uses[k] |= st->cohort_uses[c][k];
		st->any_industry |= cr->group_by_industry;
		st->any_landlord |= cr->follow_landlord;
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
	admit_units(st);
	reject_duplicates(st);
	refresh_extremes(st);
	compute_benchmarks(st);
	collect_sorted(st);
	fail_error_groups(st);
	compute_scores(st);
	st->ranking = rank_and_classify(st);
	settle_units(st);
	resolve_landlords(st);
	*order = output_order(st);
	MemoryContextSwitchTo(oldcxt);
	SPI_finish();
	return st;
}
