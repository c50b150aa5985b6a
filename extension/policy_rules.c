/*-------------------------------------------------------------------------
 *
 * policy_rules.c
 *	  政策兑现 engine: the rule rows (policy_set, policy, policy_item) read,
 *	  checked and compiled into a PolicySet.  The trigger and the loader
 *	  raise the same errors (22023 bad rule data, 42704 unknown set or
 *	  policy), each naming the row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "industry.h"
#include "lib/stringinfo.h"
#include "policy.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

/* one rule row being read */
typedef struct RuleRow
{
	HeapTuple	tuple;
	TupleDesc	desc;
	const char *where;			/* "policy hangzhou 2025 zjtx_loan" */
} RuleRow;

/* Raise 22023 for a bad value in a rule row. */
pg_attribute_noreturn()
static void
bad_rule(const RuleRow *r, const char *column, const char *problem)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid policy rule: %s %s", column, problem),
			 errdetail("In %s.", r->where)));
}

/* The datum of a column; false if NULL. */
static bool
row_datum(const RuleRow *r, const char *column, Datum *d)
{
	int			attno = SPI_fnumber(r->desc, column);
	bool		isnull;

	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of a policy rule table does not exist", column)));
	*d = heap_getattr(r->tuple, attno, r->desc, &isnull);
	return !isnull;
}

/* A text column as UTF-8, or NULL. */
static const char *
row_text(const RuleRow *r, const char *column)
{
	Datum		d;

	if (!row_datum(r, column, &d))
		return NULL;
	return pstrdup(kit_utf8(TextDatumGetCString(d)));
}

/* A text column that must be a non-empty string. */
static const char *
row_name(const RuleRow *r, const char *column, bool required)
{
	const char *s = row_text(r, column);

	if (s == NULL && required)
		bad_rule(r, column, "must not be NULL");
	if (s != NULL && s[0] == '\0')
		bad_rule(r, column, "must not be empty");
	return s;
}

/* A numeric column as an exact rational; false if NULL. */
static bool
row_rat(const RuleRow *r, const char *column, Rat *v, const char **shown)
{
	Datum		d;
	char	   *text = NULL;

	if (!row_datum(r, column, &d))
		return false;
	if (kit_numeric_rat(d, v, &text) != KIT_OK)
		bad_rule(r, column, "must be a finite number of at most 38 digits");
	if (shown)
		*shown = DatumGetCString(DirectFunctionCall1(numeric_out, d));
	return true;
}

/* A yuan column in 分; false if NULL. */
static bool
row_yuan(const RuleRow *r, const char *column, int64 *fen, bool nonnegative)
{
	Datum		d;

	if (!row_datum(r, column, &d))
		return false;
	*fen = DatumGetInt64(d);
	if (nonnegative && *fen < 0)
		bad_rule(r, column, "must not be negative");
	return true;
}

/* A text[] column as UTF-8 strings (no NULL elements); false if NULL. */
static bool
row_text_array(const RuleRow *r, const char *column, int *n, const char ***out)
{
	Datum		d;
	Datum	   *elems;
	bool	   *nulls;
	int			i;

	if (!row_datum(r, column, &d))
		return false;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, n);
	*out = palloc(sizeof(char *) * Max(*n, 1));
	for (i = 0; i < *n; i++)
	{
		if (nulls[i])
			bad_rule(r, column, "must not contain NULL");
		(*out)[i] = pstrdup(kit_utf8(TextDatumGetCString(elems[i])));
	}
	return true;
}

/* A bound: value and operator (以上/超过 for low, 以下/不满 for high). */
static void
row_bound(const RuleRow *r, const char *vcol, const char *opcol, bool low,
		  PolicyBound *b)
{
	const char *op = row_text(r, opcol);

	b->set = row_rat(r, vcol, &b->value, &b->text);
	if (b->set != (op != NULL))
		bad_rule(r, opcol, pstrdup(psprintf("must be given exactly when %s is", vcol)));
	if (!b->set)
		return;
	if (low && strcmp(op, "以上") == 0)
		b->inclusive = true;
	else if (low && strcmp(op, "超过") == 0)
		b->inclusive = false;
	else if (!low && strcmp(op, "以下") == 0)
		b->inclusive = true;
	else if (!low && strcmp(op, "不满") == 0)
		b->inclusive = false;
	else
		bad_rule(r, opcol, low ? "must be 以上 or 超过" : "must be 以下 or 不满");
}

/* Parse a policy row (its own checks, no other rows). */
static void
parse_policy(const RuleRow *r, Policy *p)
{
	const char *kind;
	const char *s;

	memset(p, 0, sizeof(Policy));
	p->code = row_name(r, "policy", true);
	p->label = row_name(r, "label", true);
	(void) row_name(r, "source", true);
	kind = row_name(r, "kind", true);
	if (strcmp(kind, "rate") == 0)
		p->kind = POLICY_RATE;
	else if (strcmp(kind, "step") == 0)
		p->kind = POLICY_STEP;
	else if (strcmp(kind, "new_step") == 0)
		p->kind = POLICY_NEW_STEP;
	else if (strcmp(kind, "one_off") == 0)
		p->kind = POLICY_ONE_OFF;
	else if (strcmp(kind, "staged") == 0)
		p->kind = POLICY_STAGED;
	else if (strcmp(kind, "per_unit") == 0)
		p->kind = POLICY_PER_UNIT;
	else if (strcmp(kind, "land_tax") == 0)
		p->kind = POLICY_LAND_TAX;
	else
		bad_rule(r, "kind", "must be rate, step, new_step, one_off, staged, per_unit or land_tax");
	p->direction = row_name(r, "direction", true);
	if (strcmp(p->direction, "pay") != 0 && strcmp(p->direction, "charge") != 0 &&
		strcmp(p->direction, "reduce") != 0)
		bad_rule(r, "direction", "must be pay, charge or reduce");

	/* eligibility */
	(void) row_text_array(r, "scopes", &p->nscopes, &p->scopes);
	(void) row_text_array(r, "classes", &p->nclasses, &p->classes);
	(void) row_text_array(r, "prev_classes", &p->nprev_classes, &p->prev_classes);
	p->has_min_score = row_rat(r, "min_score", &p->min_score, &p->min_score_text);
	(void) row_text_array(r, "tiers", &p->ntiers, &p->tiers);
	(void) row_text_array(r, "new_tiers", &p->nnew_tiers, &p->new_tiers);
	p->metric = row_name(r, "metric", false);
	row_bound(r, "low", "low_op", true, &p->low);
	row_bound(r, "high", "high_op", false, &p->high);
	if ((p->metric != NULL) != (p->low.set || p->high.set))
		bad_rule(r, "metric", "must be given exactly when low or high is");
	{
		Datum		d;

		p->once = row_datum(r, "once", &d) && DatumGetBool(d);
	}

	/* formula */
	p->base_column = row_name(r, "base_column", false);
	p->base_label = row_name(r, "base_label", false);
	p->base_unit = row_name(r, "base_unit", false);
	p->amount_label = row_name(r, "amount_label", false);
	if (!row_rat(r, "unit_scale", &p->unit_scale, NULL))
		bad_rule(r, "unit_scale", "must not be NULL");
	if (p->unit_scale.n <= 0)
		bad_rule(r, "unit_scale", "must be positive");
	p->has_rate = row_rat(r, "rate", &p->rate, &p->rate_text);
	if (p->has_rate && p->rate.n < 0)
		bad_rule(r, "rate", "must not be negative");
	p->has_amount = row_yuan(r, "amount", &p->amount_fen, true);
	p->start_column = row_name(r, "start_column", false);
	p->end_column = row_name(r, "end_column", false);
	if ((p->start_column != NULL) != (p->end_column != NULL))
		bad_rule(r, "end_column", "must be given exactly when start_column is");
	s = row_name(r, "day_count", true);
	if (strcmp(s, "loan_year") == 0)
		p->day_count = POLICY_LOAN_YEAR;
	else if (strcmp(s, "calendar") == 0)
		p->day_count = POLICY_CALENDAR;
	else
		bad_rule(r, "day_count", "must be loan_year or calendar");
	s = row_name(r, "step_rule", true);
	if (strcmp(s, "highest") == 0)
		p->step_rule = POLICY_STEP_HIGHEST;
	else if (strcmp(s, "sum") == 0)
		p->step_rule = POLICY_STEP_SUM;
	else if (strcmp(s, "difference") == 0)
		p->step_rule = POLICY_STEP_DIFFERENCE;
	else
		bad_rule(r, "step_rule", "must be highest, sum or difference");

	/* what each kind needs */
	if (p->kind != POLICY_ONE_OFF && p->base_column == NULL)
		bad_rule(r, "base_column", pstrdup(psprintf("must be given for kind %s", kind)));
	if ((p->kind == POLICY_RATE || p->kind == POLICY_LAND_TAX) && !p->has_rate)
		bad_rule(r, "rate", pstrdup(psprintf("must be given for kind %s", kind)));
	if (p->kind == POLICY_STAGED && !p->has_amount)
		bad_rule(r, "amount", "must be given for kind staged (the total)");
	if (p->start_column != NULL && p->kind != POLICY_RATE)
		bad_rule(r, "start_column", "applies to kind rate only");
	if (p->base_column != NULL)
		p->base_prev_column = pstrdup(psprintf("%s_prev1", p->base_column));

	/* caps and budget */
	p->has_cap = row_yuan(r, "cap", &p->cap_fen, true);
	p->has_period_cap = row_yuan(r, "period_cap", &p->period_cap_fen, true);
	p->paid_column = row_name(r, "paid_column", false);
	if (p->has_period_cap != (p->paid_column != NULL))
		bad_rule(r, "paid_column", "must be given exactly when period_cap is (the amount already paid in the period)");
	p->has_budget = row_yuan(r, "budget", &p->budget_fen, true);
	s = row_name(r, "allocation", true);
	if (strcmp(s, "pro_rata") == 0)
		p->allocation = POLICY_PRO_RATA;
	else if (strcmp(s, "rank") == 0)
		p->allocation = POLICY_BY_RANK;
	else
		bad_rule(r, "allocation", "must be pro_rata or rank");
	p->rank_column = row_name(r, "rank_column", false);
	if ((p->allocation == POLICY_BY_RANK) != (p->rank_column != NULL))
		bad_rule(r, "rank_column", "must be given exactly when allocation is rank");
	if (p->direction[0] != 'p' && p->has_budget)
		bad_rule(r, "budget", "applies to payments (direction pay) only");
}

/* Parse a policy_item row (its own checks). */
static void
parse_item(const RuleRow *r, PolicyItem *it)
{
	Datum		d;

	memset(it, 0, sizeof(PolicyItem));
	if (!row_datum(r, "item", &d))
		bad_rule(r, "item", "must not be NULL");
	it->item = DatumGetInt32(d);
	if (it->item < 1)
		bad_rule(r, "item", "must be 1 or more");
	it->key = row_name(r, "key", false);
	row_bound(r, "low", "low_op", true, &it->low);
	if (!row_rat(r, "value", &it->value, &it->value_text))
		bad_rule(r, "value", "must not be NULL");
	if (it->value.n < 0)
		bad_rule(r, "value", "must not be negative");
	it->label = row_name(r, "label", false);
}

/* A "policy CODE YEAR NAME" description of a row (the kit's KitRowWhere). */
char *
policy_row_where(HeapTuple tuple, TupleDesc desc, const char *table)
{
	RuleRow		r = {tuple, desc, table};
	Datum		d;
	StringInfoData s;
	const char *code = row_text(&r, "code");

	initStringInfo(&s);
	appendStringInfo(&s, "%s %s", table, code ? kit_local(code) : "?");
	if (row_datum(&r, "year", &d))
		appendStringInfo(&s, " %d", DatumGetInt32(d));
	if (SPI_fnumber(desc, "policy") > 0 && row_datum(&r, "policy", &d))
		appendStringInfo(&s, " %s", TextDatumGetCString(d));
	if (SPI_fnumber(desc, "item") > 0 && row_datum(&r, "item", &d))
		appendStringInfo(&s, " item %d", DatumGetInt32(d));
	return s.data;
}

/* Check one row of a rule table with the loader's errors. */
void
policy_check_row(const char *kind, HeapTuple tuple, TupleDesc desc, const char *table)
{
	RuleRow		r;

	r.tuple = tuple;
	r.desc = desc;
	r.where = policy_row_where(tuple, desc, table);
	if (strcmp(kind, "set") == 0)
	{
		(void) row_name(&r, "jurisdiction", true);
		(void) row_name(&r, "title", true);
		(void) row_name(&r, "source", true);
	}
	else if (strcmp(kind, "policy") == 0)
	{
		Policy		p;

		parse_policy(&r, &p);
	}
	else
	{
		PolicyItem	it;

		parse_item(&r, &it);
	}
}

/* Raise 22023 for a policy whose items do not fit its kind. */
pg_attribute_noreturn()
static void
bad_items(const PolicySet *set, const Policy *p, const char *problem)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid policy rule: the items of policy \"%s\" %s",
					kit_local(p->code), problem),
			 errdetail("In policy set %s %d.", kit_local(set->code), set->year)));
}

/* Checks of a policy against its items (rows the trigger cannot see together). */
static void
check_items(const PolicySet *set, Policy *p)
{
	int			i,
				j;

	switch (p->kind)
	{
		case POLICY_STEP:
		case POLICY_NEW_STEP:
			if (p->nitems == 0)
				bad_items(set, p, "are missing: a step table needs at least one band");
			for (i = 0; i < p->nitems; i++)
			{
				if (!p->items[i].low.set)
					bad_items(set, p, "need low and low_op (the band's lower bound)");
				if (i > 0 && rat_cmp(p->items[i].low.value, p->items[i - 1].low.value) <= 0)
					bad_items(set, p, "must have increasing low bounds in item order");
			}
			break;
		case POLICY_ONE_OFF:
			if (p->nitems == 0 && !p->has_amount)
				bad_items(set, p, "are missing: a one-off reward needs amount or items keyed by tier or class");
			for (i = 0; i < p->nitems; i++)
				if (p->items[i].key == NULL)
					bad_items(set, p, "need a key (tier code or class)");
			break;
		case POLICY_STAGED:
			{
				Rat			sum = rat_make(0, 1);

				if (p->nitems == 0)
					bad_items(set, p, "are missing: staged payments need one item per stage");
				for (i = 0; i < p->nitems; i++)
				{
					if (p->items[i].item != i + 1)
						bad_items(set, p, "must number the stages 1, 2, 3 ...");
					sum = rat_add(sum, p->items[i].value);
				}
				if (rat_cmp(sum, rat_make(1, 1)) != 0)
					bad_items(set, p, "must have shares adding up to exactly 1");
				break;
			}
		case POLICY_PER_UNIT:
		case POLICY_LAND_TAX:
			if (p->nitems == 0)
				bad_items(set, p, "are missing: prices or shares by class");
			for (i = 0; i < p->nitems; i++)
			{
				if (p->items[i].key == NULL)
					bad_items(set, p, "need a key (the class)");
				if (p->kind == POLICY_LAND_TAX &&
					rat_cmp(p->items[i].value, rat_make(1, 1)) > 0)
					bad_items(set, p, "must have shares of at most 1");
			}
			break;
		case POLICY_RATE:
			if (p->nitems > 0)
				bad_items(set, p, "are not used by kind rate");
			break;
	}
	for (i = 0; i < p->nitems; i++)
		for (j = 0; j < i; j++)
			if (p->items[i].key && p->items[j].key &&
				strcmp(p->items[i].key, p->items[j].key) == 0)
				bad_items(set, p, "must not repeat a key");
	/* rewards in 元 */
	for (i = 0; i < p->nitems; i++)
		if (p->kind == POLICY_STEP || p->kind == POLICY_NEW_STEP || p->kind == POLICY_ONE_OFF)
			p->items[i].value_fen = policy_rat_to_fen(p->items[i].value);
}

/*
 * The policy set (code, year) compiled, restricted to the named policies
 * (UTF-8) when nnames > 0.  SPI must be connected; the set is allocated in
 * the caller's memory context.
 */
PolicySet *
policy_set_load(Oid nsp, const char *code, int32 year, int nnames, const char **names)
{
	const char *schema = quote_identifier(get_namespace_name(nsp));
	MemoryContext cxt = CurrentMemoryContext;
	MemoryContext spicxt;
	PolicySet  *set = palloc0(sizeof(PolicySet));
	const char *local = kit_local(code);
	uint64		i;
	int			k;

	set->code = pstrdup(code);
	set->year = year;

	kit_rule_rows(psprintf("SELECT 1 FROM %s.policy_set WHERE code = $1 AND year = $2", schema),
				  "policy set", local, year, true);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("policy set \"%s\" %d does not exist", local, year),
				 errhint("The sets are the rows of policy_set.")));

	kit_rule_rows(psprintf("SELECT * FROM %s.policy WHERE code = $1 AND year = $2 "
						   "ORDER BY policy COLLATE \"C\"", schema), "policy set", local, year, true);
	spicxt = MemoryContextSwitchTo(cxt);
	set->policies = palloc0(sizeof(Policy) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		RuleRow		r;
		Policy		p;
		bool		wanted = (nnames == 0);

		r.tuple = SPI_tuptable->vals[i];
		r.desc = SPI_tuptable->tupdesc;
		r.where = policy_row_where(r.tuple, r.desc, "policy");
		parse_policy(&r, &p);
		for (k = 0; k < nnames && !wanted; k++)
			wanted = strcmp(names[k], p.code) == 0;
		if (wanted)
			set->policies[set->npolicies++] = p;
	}
	MemoryContextSwitchTo(spicxt);
	for (k = 0; k < nnames; k++)
	{
		bool		found = false;
		int			j;

		for (j = 0; j < set->npolicies && !found; j++)
			found = strcmp(names[k], set->policies[j].code) == 0;
		if (!found)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("policy \"%s\" does not exist in policy set \"%s\" %d",
							kit_local(names[k]), local, year)));
	}

	kit_rule_rows(psprintf("SELECT * FROM %s.policy_item WHERE code = $1 AND year = $2 "
						   "ORDER BY policy COLLATE \"C\", item", schema), "policy set", local, year, true);
	spicxt = MemoryContextSwitchTo(cxt);
	for (k = 0; k < set->npolicies; k++)
		set->policies[k].items = palloc0(sizeof(PolicyItem) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		RuleRow		r;
		PolicyItem	it;
		const char *pol;

		r.tuple = SPI_tuptable->vals[i];
		r.desc = SPI_tuptable->tupdesc;
		r.where = policy_row_where(r.tuple, r.desc, "policy_item");
		pol = row_text(&r, "policy");
		parse_item(&r, &it);
		for (k = 0; k < set->npolicies; k++)
			if (strcmp(set->policies[k].code, pol) == 0)
				set->policies[k].items[set->policies[k].nitems++] = it;
	}
	for (k = 0; k < set->npolicies; k++)
		check_items(set, &set->policies[k]);
	MemoryContextSwitchTo(spicxt);
	return set;
}
