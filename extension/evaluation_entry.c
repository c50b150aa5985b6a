/*-------------------------------------------------------------------------
 *
 * evaluation_entry.c
 *	  The SQL entry points of the 亩均效益综合评价 engine: evaluate(),
 *	  evaluation_explain() and evaluation_gap().  Each runs the engine
 *	  (eval_run, evaluation.c) and emits its rows (evaluation_output.c):
 *	  entry point -> engine, entry point -> output, never the other way.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "evaluation.h"

/*
 * The firms are emitted in ranking order, not in memory order: each row's
 * firm, values and credit code are fetched this many rows ahead so that the
 * emitter does not wait on memory.
 */
#define EMIT_PREFETCH_AHEAD 16

#if defined(__GNUC__) || defined(__clang__)
#define emit_prefetch(p)	__builtin_prefetch(p)
#else
#define emit_prefetch(p)	((void) (p))
#endif

/*
 * Prefetch what emitting the firm at output position i reads (nothing past
 * the order's nout rows).  Always inlined: GCC takes a function of
 * prefetches alone for one without effects and drops the call.
 */
static pg_attribute_always_inline void
prefetch_firm(EvalState *st, const int64 *order, int64 i)
{
	const EvalFirm *f;

	if (i + EMIT_PREFETCH_AHEAD < st->nout)
	{
		f = &st->firms[order[i + EMIT_PREFETCH_AHEAD]];
		emit_prefetch(f);
		emit_prefetch((const char *) (f + 1) - 1);
	}
	if (i + EMIT_PREFETCH_AHEAD / 2 < st->nout)
	{
		f = &st->firms[order[i + EMIT_PREFETCH_AHEAD / 2]];
		if (f->credit_code != NULL)
			emit_prefetch(f->credit_code - VARHDRSZ);
		emit_prefetch(st->values + (f - st->firms) * st->maxind);
	}
}

/* Run the whole evaluation and emit the rows of the given mode. */
static void
evaluate_common(FunctionCallInfo fcinfo, int mode)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int32		year = PG_GETARG_INT32(1);
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(2));
	EvalState  *st;
	MemoryContext oldcxt;
	TextCache	tc;
	int64	   *order;
	int64		i;
	static const int expected_natts[] = {EVALUATE_NATTS, EXPLAIN_NATTS, GAP_NATTS};

	InitMaterializedSRF(fcinfo, 0);
	if (rsinfo->setDesc->natts != expected_natts[mode])
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("function result type does not match the evaluation engine"),
				 errhint("Update the extension (ALTER EXTENSION industry UPDATE).")));

	st = eval_run(get_func_namespace(fcinfo->flinfo->fn_oid), code, year, query,
				  mode, &order);

	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	init_text_cache(st, &tc);
	MemoryContextSwitchTo(oldcxt);
	for (i = 0; i < st->nout; i++)
	{
		EvalFirm   *f = &st->firms[order[i]];

		CHECK_FOR_INTERRUPTS();
		prefetch_firm(st, order, i);
		MemoryContextSwitchTo(st->rowcxt);
		if (mode == MODE_EVALUATE)
			emit_evaluate(st, rsinfo, &tc, f);
		else if (mode == MODE_EXPLAIN)
			emit_explain(st, rsinfo, &tc, f);
		else
			emit_gap(st, rsinfo, &tc, f, st->ranking);
		MemoryContextSwitchTo(oldcxt);
		MemoryContextReset(st->rowcxt);
	}
	MemoryContextDelete(st->cxt);
}

/*
 * evaluate(scheme, year, query): the whole evaluation, one row per
 * enterprise.
 */
PG_FUNCTION_INFO_V1(evaluate);
Datum
evaluate(PG_FUNCTION_ARGS)
{
	evaluate_common(fcinfo, MODE_EVALUATE);
	return (Datum) 0;
}

/* evaluation_explain(scheme, year, query): one row per enterprise and indicator. */
PG_FUNCTION_INFO_V1(evaluation_explain);
Datum
evaluation_explain(PG_FUNCTION_ARGS)
{
	evaluate_common(fcinfo, MODE_EXPLAIN);
	return (Datum) 0;
}

/* evaluation_gap(scheme, year, query): the gap of each enterprise to the next class. */
PG_FUNCTION_INFO_V1(evaluation_gap);
Datum
evaluation_gap(PG_FUNCTION_ARGS)
{
	evaluate_common(fcinfo, MODE_GAP);
	return (Datum) 0;
}
