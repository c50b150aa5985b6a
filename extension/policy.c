/*-------------------------------------------------------------------------
 *
 * policy.c
 *	  政策兑现: the SQL entry points — policy_evaluate (the one call over a
 *	  query, run with the caller's rights), policy_validate, the rule
 *	  trigger policy_rule_check, and the building blocks that compose the
 *	  same amounts by hand (policy_rate_amount, policy_unit_amount,
 *	  policy_land_tax_amount, policy_stage_amount, policy_allocate).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "industry.h"
#include "miscadmin.h"
#include "policy.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

/* The policy names of a text[] argument as UTF-8 (none if the array is NULL). */
static int
policy_names(ArrayType *arr, const char ***names)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (arr == NULL)
		return 0;
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	*names = palloc(sizeof(char *) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("policies must not contain NULL")));
		(*names)[i] = pstrdup(kit_utf8(TextDatumGetCString(elems[i])));
	}
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("policies must not be empty"),
				 errhint("Pass NULL for every policy of the set.")));
	return n;
}

/*
 * policy_evaluate(code text, year int, query text, policies text[]): every
 * row of the query against the policies of the set, one output row per
 * firm and policy.  The query runs with the caller's rights.
 */
PG_FUNCTION_INFO_V1(policy_evaluate);
Datum
policy_evaluate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	const char **names = NULL;
	int			nnames;
	const char *code;
	int32		year;
	PolicySet  *set;
	KitTypes	ext;
	KitQuery   *q;
	PolicyRun  *run;
	MemoryContext rowcxt;
	MemoryContext oldcxt;
	int64		ordinal = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("code, year and query must not be NULL")));
	code = pstrdup(kit_utf8(text_to_cstring(PG_GETARG_TEXT_PP(0))));
	year = PG_GETARG_INT32(1);
	nnames = policy_names(PG_ARGISNULL(3) ? NULL : PG_GETARG_ARRAYTYPE_P(3), &names);
	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	set = policy_set_load(nsp, code, year, nnames, names);
	ext = kit_types(nsp);
	q = kit_query_open(text_to_cstring(PG_GETARG_TEXT_PP(2)), "the policy input query", 0);
	run = policy_run_begin(set, q, &ext, rsinfo->setResult, rsinfo->setDesc);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "policy row",
								   ALLOCSET_DEFAULT_SIZES);
	while (kit_query_next(q))
	{
		MemoryContext c;

		CHECK_FOR_INTERRUPTS();
		c = MemoryContextSwitchTo(rowcxt);
		policy_run_row(run, ++ordinal);
		MemoryContextSwitchTo(c);
		MemoryContextReset(rowcxt);
	}
	policy_run_end(run);
	kit_query_close(q);
	MemoryContextSwitchTo(oldcxt);
	SPI_finish();
	return (Datum) 0;
}

/* policy_validate(code, year): compile the set; the number of policies. */
PG_FUNCTION_INFO_V1(policy_validate);
Datum
policy_validate(PG_FUNCTION_ARGS)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	const char *code = pstrdup(kit_utf8(text_to_cstring(PG_GETARG_TEXT_PP(0))));
	PolicySet  *set;

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	set = policy_set_load(nsp, code, PG_GETARG_INT32(1), 0, NULL);
	SPI_finish();
	PG_RETURN_INT32(set->npolicies);
}

/*
 * Trigger on the three rule tables: built-in rows are changed only by the
 * extension's own scripts, and every row is checked with the errors the
 * engine would raise.  Argument: 'set', 'policy' or 'item'.
 */
PG_FUNCTION_INFO_V1(policy_rule_check);
Datum
policy_rule_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	const char *table;
	HeapTuple	newtup;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) || td->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("policy_rule_check must be a BEFORE ROW trigger with one argument")));
	desc = RelationGetDescr(td->tg_relation);
	table = RelationGetRelationName(td->tg_relation);

	kit_rule_guard(td, policy_row_where, "Copy the policy set with policy_copy() and edit the copy.");
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		return PointerGetDatum(td->tg_trigtuple);
	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	policy_check_row(td->tg_trigger->tgargs[0], newtup, desc, table);
	return PointerGetDatum(newtup);
}

/* A numeric argument as an exact rational (22023 if not finite or too long). */
static Rat
arg_rat(Datum num, const char *what)
{
	Rat			r;

	if (kit_numeric_rat(num, &r, NULL) != KIT_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number of at most 38 digits", what)));
	return r;
}

/* policy_rate_amount(base yuan, rate numeric): base × rate to the 分. */
PG_FUNCTION_INFO_V1(policy_rate_amount);
Datum
policy_rate_amount(PG_FUNCTION_ARGS)
{
	Rat			rate = arg_rat(PG_GETARG_DATUM(1), "rate");

	PG_RETURN_YUAN(policy_rate_fen(PG_GETARG_YUAN(0), rate, rat_make(1, 1)));
}

/*
 * policy_rate_amount(base, rate, start_date, end_date, day_count): base ×
 * rate × the fraction of a year in [start_date, end_date).
 */
PG_FUNCTION_INFO_V1(policy_rate_amount_days);
Datum
policy_rate_amount_days(PG_FUNCTION_ARGS)
{
	Rat			rate = arg_rat(PG_GETARG_DATUM(1), "rate");
	DateADT		start = PG_GETARG_DATEADT(2);
	DateADT		end = PG_GETARG_DATEADT(3);
	char	   *dc = text_to_cstring(PG_GETARG_TEXT_PP(4));
	PolicyDayCount day_count;
	int32		days;

	if (strcmp(dc, "loan_year") == 0)
		day_count = POLICY_LOAN_YEAR;
	else if (strcmp(dc, "calendar") == 0)
		day_count = POLICY_CALENDAR;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid day count \"%s\"", dc),
				 errhint("Use loan_year or calendar.")));
	if (DATE_NOT_FINITE(start) || DATE_NOT_FINITE(end) || end < start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("end_date must be a finite date not before start_date")));
	PG_RETURN_YUAN(policy_rate_fen(PG_GETARG_YUAN(0), rate,
								   policy_year_fraction(start, end, day_count, &days, NULL)));
}

/* policy_unit_amount(quantity, price): quantity × price to the 分. */
PG_FUNCTION_INFO_V1(policy_unit_amount);
Datum
policy_unit_amount(PG_FUNCTION_ARGS)
{
	Rat			q = arg_rat(PG_GETARG_DATUM(0), "quantity");
	Rat			p = arg_rat(PG_GETARG_DATUM(1), "price");

	PG_RETURN_YUAN(policy_rat_to_fen(rat_mul(q, p)));
}

/* policy_land_tax_amount(land, tax_per_m2, share): 平方米 × 元/平方米 × share. */
PG_FUNCTION_INFO_V1(policy_land_tax_amount);
Datum
policy_land_tax_amount(PG_FUNCTION_ARGS)
{
	Rat			m2 = policy_mu_to_m2(PG_GETARG_MU_AREA(0));
	Rat			t = arg_rat(PG_GETARG_DATUM(1), "tax_per_m2");
	Rat			s = arg_rat(PG_GETARG_DATUM(2), "share");

	PG_RETURN_YUAN(policy_rat_to_fen(rat_mul(rat_mul(m2, t), s)));
}

/* policy_stage_amount(total, shares, stage): stage n of a staged total. */
PG_FUNCTION_INFO_V1(policy_stage_amount);
Datum
policy_stage_amount(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	int32		stage = PG_GETARG_INT32(2);
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;
	Rat		   *shares;

	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	if (stage < 1 || stage > n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stage %d is not between 1 and %d", stage, n)));
	shares = palloc(sizeof(Rat) * n);
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("shares must not contain NULL")));
		shares[i] = arg_rat(elems[i], "a share");
	}
	PG_RETURN_YUAN(policy_stage_fen(PG_GETARG_YUAN(0), shares, n, stage));
}

/*
 * policy_allocate(amounts yuan[], budget yuan): the amounts scaled to a
 * short budget, remainder by the largest remainder; NULL elements stay NULL
 * and take no share.
 */
PG_FUNCTION_INFO_V1(policy_allocate);
Datum
policy_allocate(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	int64		budget = PG_GETARG_YUAN(1);
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i,
				k = 0;
	int64	   *in,
			   *out;
	int			dims[1];
	int			lbs[1] = {1};

	if (budget < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("budget must not be negative")));
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("amounts must be a one-dimensional array")));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &elems, &nulls, &n);
	in = palloc(sizeof(int64) * Max(n, 1));
	out = palloc(sizeof(int64) * Max(n, 1));
	for (i = 0; i < n; i++)
		if (!nulls[i])
		{
			in[k] = DatumGetYuan(elems[i]);
			if (in[k] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("amounts must not be negative")));
			k++;
		}
	policy_allocate_pro_rata(in, k, budget, out);
	for (i = 0, k = 0; i < n; i++)
		if (!nulls[i])
			elems[i] = YuanGetDatum(out[k++]);
	dims[0] = n;
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, nulls, 1, dims, lbs, elemtype,
											 typlen, typbyval, typalign));
}
