/*-------------------------------------------------------------------------
 *
 * kit_input.c
 *	  Engine kit: the caller's query and its values.
 *
 * An engine reads "any query of the user's", with the caller's rights (the
 * functions that call the kit are never SECURITY DEFINER), in one of two
 * ways.  Pull: kit_query_open() opens a cursor, kit_query_next() fetches
 * KIT_BATCH_ROWS rows at a time and deforms the current row once, so the
 * engine holds one batch of the result at most.  Push: kit_query_stream()
 * runs the query once and hands each row to the engine as the executor
 * produces it (nothing held, no copy, parallel plans allowed).  Columns are matched by
 * name once per query (kit_columns_of_desc, kit_column_index), each column
 * is classified once by its base type (kit_type_of), and values are read
 * into exact form: rationals (kit_rat) or the types' own int64 units.
 * A column the query lacks (KIT_ABSENT) and a NULL value (KIT_NULL) are
 * told apart by kit_get().
 *
 * The caller must be connected to SPI.
 *
 *-------------------------------------------------------------------------
 */
#include "kit.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/int.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "tcop/dest.h"
#include "utils/plancache.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

/* ---------------------------------------------------------------------
 * Columns by name
 * ---------------------------------------------------------------------
 */

/* Columns of an input given as names and types (types may be InvalidOid). */
KitColumns *
kit_columns(const char *noun, int ncols, char **names, Oid *types)
{
	KitColumns *cols = palloc0(sizeof(KitColumns));

	cols->noun = noun;
	cols->ncols = ncols;
	cols->names = names;
	cols->types = types;
	cols->dup_errcode = ERRCODE_DUPLICATE_COLUMN;
	return cols;
}

/* Columns of a query's result row (dropped columns have no name). */
KitColumns *
kit_columns_of_desc(const char *noun, TupleDesc desc)
{
	int			n = desc->natts;
	char	  **names = palloc(Max(n, 1) * sizeof(char *));
	Oid		   *types = palloc(Max(n, 1) * sizeof(Oid));
	int			i;

	for (i = 0; i < n; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);

		names[i] = a->attisdropped ? NULL : NameStr(a->attname);
		types[i] = a->atttypid;
	}
	return kit_columns(noun, n, names, types);
}

/* Index (0-based) of the column named name, or -1; a name given twice is an error. */
int
kit_column_index(const KitColumns *cols, const char *name)
{
	int			i,
				found = -1;

	for (i = 0; i < cols->ncols; i++)
		if (cols->names[i] && strcmp(cols->names[i], name) == 0)
		{
			if (found >= 0)
				ereport(ERROR,
						(errcode(cols->dup_errcode),
						 errmsg("column \"%s\" appears more than once in %s", name, cols->noun),
						 cols->dup_hint ? errhint("%s", cols->dup_hint) : 0));
			found = i;
		}
	return found;
}

/* Raise 42804 for a column of the wrong type. */
void
kit_type_error(const char *noun, const char *column, Oid typid,
			   const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("column \"%s\" of %s has type %s", column, noun, format_type_be(typid)),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
}

/* Raise 42703 for a required column the input lacks. */
void
kit_missing_column(const char *noun, const char *column,
				   const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("column \"%s\" does not exist in %s", column, noun),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
}

/* ---------------------------------------------------------------------
 * Typed values
 * ---------------------------------------------------------------------
 */

/* The extension's own types in schema ext_namespace (InvalidOid if absent). */
KitTypes
kit_types(Oid ext_namespace)
{
	KitTypes	t;

	t.yuan = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							 CStringGetDatum("yuan"), ObjectIdGetDatum(ext_namespace));
	t.mu_area = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								CStringGetDatum("mu_area"), ObjectIdGetDatum(ext_namespace));
	return t;
}

/* How values of type typid (a domain reads as its base type) are read. */
KitType
kit_type_of(const KitTypes *ext, Oid typid)
{
	Oid			base;

	if (!OidIsValid(typid))
		return KIT_OTHER;
	base = getBaseType(typid);
	if (OidIsValid(ext->yuan) && base == ext->yuan)
		return KIT_YUAN;
	if (OidIsValid(ext->mu_area) && base == ext->mu_area)
		return KIT_MU_AREA;
	switch (base)
	{
		case INT2OID:
			return KIT_INT2;
		case INT4OID:
			return KIT_INT4;
		case INT8OID:
			return KIT_INT8;
		case NUMERICOID:
			return KIT_NUMERIC;
		case FLOAT4OID:
			return KIT_FLOAT4;
		case FLOAT8OID:
			return KIT_FLOAT8;
		case BOOLOID:
			return KIT_BOOL;
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
			return KIT_TEXT;
		case TEXTARRAYOID:
			return KIT_TEXT_ARRAY;
		case DATEOID:
			return KIT_DATE;
		default:
			if (base == get_array_type(VARCHAROID))
				return KIT_TEXT_ARRAY;
			return KIT_OTHER;
	}
}

/* Is t a plain number type (integer, numeric or float)? */
bool
kit_type_is_number(KitType t)
{
	return t == KIT_INT2 || t == KIT_INT4 || t == KIT_INT8 || t == KIT_NUMERIC ||
		t == KIT_FLOAT4 || t == KIT_FLOAT8;
}

/*
 * Exact rational of a numeric Datum: KIT_NOT_FINITE for NaN and infinities,
 * KIT_TOO_BIG beyond 38 significant digits; *shown is the value's text when
 * it is not KIT_OK (for the caller's message).
 */
KitStatus
kit_numeric_rat(Datum num, Rat *r, char **shown)
{
	Numeric		n = DatumGetNumeric(num);
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, num));

	if (numeric_is_nan(n) || numeric_is_inf(n))
	{
		*shown = s;
		return KIT_NOT_FINITE;
	}
	if (!rat_parse(s, r))
	{
		*shown = s;
		return KIT_TOO_BIG;
	}
	return KIT_OK;
}

/*
 * Exact rational of a number-like Datum of kit type t: yuan in 元, mu_area
 * in 亩, booleans 0/1, floats through their shortest exact decimal.  For
 * other types the result is KIT_NOT_FINITE with *shown NULL.
 */
KitStatus
kit_rat(KitType t, Datum d, Rat *r, char **shown)
{
	switch (t)
	{
		case KIT_YUAN:
			*r = rat_make(DatumGetInt64(d), 100);
			return KIT_OK;
		case KIT_MU_AREA:
			*r = rat_make(DatumGetInt64(d), 1000000);
			return KIT_OK;
		case KIT_INT8:
			*r = rat_int(DatumGetInt64(d));
			return KIT_OK;
		case KIT_INT4:
			*r = rat_int(DatumGetInt32(d));
			return KIT_OK;
		case KIT_INT2:
			*r = rat_int(DatumGetInt16(d));
			return KIT_OK;
		case KIT_BOOL:
			*r = rat_int(DatumGetBool(d) ? 1 : 0);
			return KIT_OK;
		case KIT_NUMERIC:
			return kit_numeric_rat(d, r, shown);
		case KIT_FLOAT4:
		case KIT_FLOAT8:
			{
				double		f = (t == KIT_FLOAT8) ? DatumGetFloat8(d) : DatumGetFloat4(d);

				if (isnan(f) || isinf(f))
				{
					*shown = pstrdup(isnan(f) ? "NaN" : "Infinity");
					return KIT_NOT_FINITE;
				}
				return kit_numeric_rat(DirectFunctionCall1(float8_numeric, Float8GetDatum(f)),
									   r, shown);
			}
		default:
			*shown = NULL;
			return KIT_NOT_FINITE;
	}
}

/* v × 10^(to - from), rounded half away from zero when to < from; false on overflow. */
static bool
rescale_int64(int64 v, int from, int to, int64 *out)
{
	int64		r = v;
	int64		div = 1;

	for (; from < to; from++)
		if (pg_mul_s64_overflow(r, 10, &r))
			return false;
	for (; from > to; from--)
		div *= 10;
	if (div > 1)
	{
		/* one rounding step: |r| / div rounded half away from zero */
		int64		q = r / div;
		int64		rem = r % div;

		if (rem >= div - rem)
			q++;
		else if (-rem >= div + rem)
			q--;
		r = q;
	}
	*out = r;
	return true;
}

/*
 * |value| × 10^digits, rounded half away from zero, of the decimal text of a
 * finite numeric (numeric_out: [-]digits[.digits], never an exponent), if it
 * fits in int64.  Exact: digits past the last one kept only decide the
 * rounding, by the first of them (at least 5: at least one half).
 */
static KitStatus
numeric_text_scaled(const char *s, int digits, int64 *out)
{
	const int128 limit = (int128) PG_INT64_MAX + 1;
	bool		neg = false;
	int128		acc = 0;
	int			frac = -1;		/* fraction digits taken, -1 before the point */

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	for (; *s != '\0'; s++)
	{
		if (*s == '.')
		{
			frac = 0;
			continue;
		}
		if (frac == digits)
			break;				/* *s is the first digit dropped */
		Assert(*s >= '0' && *s <= '9');
		acc = acc * 10 + (*s - '0');
		if (acc > limit)
			return KIT_TOO_BIG;
		if (frac >= 0)
			frac++;
	}
	for (frac = Max(frac, 0); frac < digits; frac++)
		if ((acc *= 10) > limit)
			return KIT_TOO_BIG;
	if (*s >= '5')
		acc++;
	if (neg)
		acc = -acc;
	if (acc > PG_INT64_MAX || acc < PG_INT64_MIN)
		return KIT_TOO_BIG;
	*out = (int64) acc;
	return KIT_OK;
}

/*
 * A numeric × 10^digits rounded half away from zero, if it fits in int64:
 * read from its decimal text, a few times faster than numeric arithmetic
 * (multiply, round, compare with the bounds, convert) and as exact.
 */
static KitStatus
numeric_scaled(Datum d, int digits, int64 *out)
{
	Numeric		n = DatumGetNumeric(d);
	char	   *s;
	KitStatus	st;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		return KIT_NOT_FINITE;
	s = DatumGetCString(DirectFunctionCall1(numeric_out, d));
	st = numeric_text_scaled(s, digits, out);
	pfree(s);
	return st;
}

/*
 * Fixed-point value of a number-like Datum of kit type t in units of
 * 10^-digits (0 <= digits <= KIT_MAX_DIGITS), rounded half away from zero:
 * yuan and mu_area from their stored units, integers and booleans times
 * 10^digits, numeric and floats rounded.  KIT_NOT_FINITE for NaN and
 * infinities (and for types that are not numbers), KIT_TOO_BIG beyond int64.
 */
KitStatus
kit_scaled(KitType t, Datum d, int digits, int64 *out)
{
	Assert(digits >= 0 && digits <= KIT_MAX_DIGITS);
	switch (t)
	{
		case KIT_YUAN:
			return rescale_int64(DatumGetInt64(d), 2, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_MU_AREA:
			return rescale_int64(DatumGetInt64(d), 6, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_INT2:
			return rescale_int64(DatumGetInt16(d), 0, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_INT4:
			return rescale_int64(DatumGetInt32(d), 0, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_INT8:
			return rescale_int64(DatumGetInt64(d), 0, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_BOOL:
			return rescale_int64(DatumGetBool(d) ? 1 : 0, 0, digits, out) ? KIT_OK : KIT_TOO_BIG;
		case KIT_NUMERIC:
			return numeric_scaled(d, digits, out);
		case KIT_FLOAT4:
			return numeric_scaled(DirectFunctionCall1(float8_numeric,
													  Float8GetDatum((float8) DatumGetFloat4(d))),
								  digits, out);
		case KIT_FLOAT8:
			return numeric_scaled(DirectFunctionCall1(float8_numeric, d), digits, out);
		default:
			return KIT_NOT_FINITE;
	}
}

/* Bind column attno (0: absent) of type typid, read as kind; output function in cxt. */
void
kit_bind_attno(KitColumn *c, int attno, Oid typid, KitType kind, MemoryContext cxt)
{
	memset(c, 0, sizeof(KitColumn));
	if (attno <= 0)
		return;
	c->attno = attno;
	c->typid = typid;
	c->kind = kind;
	if (kind != KIT_TEXT && OidIsValid(typid))
	{
		Oid			outfn;
		bool		isvarlena;

		getTypeOutputInfo(typid, &outfn, &isvarlena);
		fmgr_info_cxt(outfn, &c->out, cxt);
		c->has_out = true;
	}
}

/* Bind column index (-1: absent) of cols for reading; output function in cxt. */
void
kit_bind(KitColumn *c, const KitColumns *cols, int index, const KitTypes *kt,
		 MemoryContext cxt)
{
	if (index < 0)
		kit_bind_attno(c, 0, InvalidOid, KIT_OTHER, cxt);
	else
		kit_bind_attno(c, index + 1, cols->types[index],
					   kit_type_of(kt, cols->types[index]), cxt);
}

/*
 * Text of a non-null value of column c, in the database encoding, its
 * length in *len: the bytes of text and varchar values themselves (not
 * NUL-terminated), the output function's text otherwise.
 */
const char *
kit_text_value(KitColumn *c, Datum d, Size *len)
{
	char	   *s;

	if (c->kind == KIT_TEXT)
	{
		text	   *t = DatumGetTextPP(d);

		*len = VARSIZE_ANY_EXHDR(t);
		return VARDATA_ANY(t);
	}
	Assert(c->has_out);
	s = OutputFunctionCall(&c->out, d);
	*len = strlen(s);
	return s;
}

/* ---------------------------------------------------------------------
 * The caller's query
 * ---------------------------------------------------------------------
 */

/* Error context while a query is open: the statement, as SPI reports it. */
static void
query_error_callback(void *arg)
{
	KitQuery   *q = (KitQuery *) arg;
	int			pos = geterrposition();

	if (pos > 0)
	{
		errposition(0);
		internalerrposition(pos);
		internalerrquery(q->sql);
	}
	else
		errcontext("SQL statement \"%s\"", q->sql);
}

/*
 * Prepare sql, which must be one SELECT (22023 otherwise), for q; the
 * cursor options decide whether the planner may choose a parallel plan.
 */
static SPIPlanPtr
prepare_select(KitQuery *q, int flags, int cursor_options)
{
	SPIPrepareOptions popts;
	SPIPlanPtr	plan;
	List	   *sources;
	CachedPlanSource *src;

	memset(&popts, 0, sizeof(popts));
	popts.parseMode = RAW_PARSE_DEFAULT;
	popts.cursorOptions = cursor_options;
	plan = SPI_prepare_extended(q->sql, &popts);
	if (plan == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not prepare %s: %s", q->noun,
						SPI_result_code_string(SPI_result))));
	sources = SPI_plan_get_plan_sources(plan);
	if (list_length(sources) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a single SELECT", q->noun),
				 (flags & KIT_QUERY_CONTEXT) ? errcontext("SQL statement \"%s\"", q->sql) : 0));
	src = sources ? (CachedPlanSource *) linitial(sources) : NULL;
	if (src == NULL || src->commandTag != CMDTAG_SELECT || src->resultDesc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a single SELECT", q->noun),
				 errdetail("Query: %s", q->sql)));
	/* a SELECT whose WITH holds INSERT/UPDATE/DELETE writes: not a read */
	if (src->query_list != NIL &&
		((Query *) linitial(src->query_list))->hasModifyingCTE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a single SELECT", q->noun),
				 errdetail("A WITH clause of the query contains INSERT, UPDATE or DELETE."),
				 errhint("Run the data change first, then pass a query that only reads.")));
	return plan;
}

/*
 * Pull: prepare sql, which must be one SELECT, and open a cursor on it
 * (caller's rights: the functions that call this are never SECURITY
 * DEFINER); kit_query_next() then returns the rows.  noun names the query
 * in messages, e.g. "the tier input query".  With KIT_QUERY_CONTEXT, errors
 * raised until kit_query_close() carry the statement as context (SQL
 * statement "..."), like errors of SPI_execute.  A cursor never runs a
 * parallel plan; kit_query_stream() can.
 */
KitQuery *
kit_query_open(const char *sql, const char *noun, int flags)
{
	KitQuery   *q = palloc0(sizeof(KitQuery));
	SPIPlanPtr	plan;

	q->sql = sql;
	q->noun = noun;
	plan = prepare_select(q, flags, 0);
	/* planning errors get SPI's own context */
	q->portal = SPI_cursor_open(NULL, plan, NULL, NULL, false);
	if (flags & KIT_QUERY_CONTEXT)
	{
		q->context.callback = query_error_callback;
		q->context.arg = q;
		q->context.previous = error_context_stack;
		error_context_stack = &q->context;
		q->has_context = true;
	}
	q->desc = q->portal->tupDesc;
	q->natts = q->desc->natts;
	q->slot = MakeSingleTupleTableSlot(q->desc, &TTSOpsHeapTuple);
	q->values = q->slot->tts_values;
	q->nulls = q->slot->tts_isnull;
	return q;
}

/* Our DestReceiver for kit_query_stream(). */
typedef struct KitReceiver
{
	DestReceiver pub;
	KitQuery   *q;
	KitStartFn	start;
	KitRowFn	row;
	void	   *arg;
} KitReceiver;

/* Receiver startup: the columns are known; the engine binds them. */
static void
stream_startup(DestReceiver *self, int operation, TupleDesc desc)
{
	KitReceiver *r = (KitReceiver *) self;

	r->q->desc = desc;
	r->q->natts = desc->natts;
	if (r->start)
		r->start(r->q, r->arg);
	(void) operation;
}

/* Receiver: one row, its first natts columns deformed, to the engine. */
static bool
stream_receive(TupleTableSlot *slot, DestReceiver *self)
{
	KitReceiver *r = (KitReceiver *) self;
	KitQuery   *q = r->q;

	CHECK_FOR_INTERRUPTS();
	slot_getsomeattrs(slot, q->natts);
	q->values = slot->tts_values;
	q->nulls = slot->tts_isnull;
	q->rows++;
	r->row(q, r->arg);
	return true;
}

/* Receiver shutdown and destroy: nothing to release. */
static void
stream_noop(DestReceiver *self)
{
	(void) self;
}

/*
 * Push: run sql, which must be one SELECT, once with the caller's rights,
 * streaming its rows: start(q, arg) when its columns are known (q->desc),
 * then row(q, arg) for each row (q->values and q->nulls valid during the
 * call).  Nothing of the result is kept, the planner may choose a parallel
 * plan, and errors raised by start and row carry the statement as context
 * (SPI's own).  KIT_QUERY_CONTEXT adds it to the "single SELECT" error too.
 */
void
kit_query_stream(const char *sql, const char *noun, int flags,
				 KitStartFn start, KitRowFn row, void *arg)
{
	KitQuery   *q = palloc0(sizeof(KitQuery));
	KitReceiver recv;
	SPIExecuteOptions opts;
	SPIPlanPtr	plan;
	int			rc;

	q->sql = sql;
	q->noun = noun;
	plan = prepare_select(q, flags, CURSOR_OPT_PARALLEL_OK);
	memset(&recv, 0, sizeof(recv));
	recv.pub.receiveSlot = stream_receive;
	recv.pub.rStartup = stream_startup;
	recv.pub.rShutdown = stream_noop;
	recv.pub.rDestroy = stream_noop;
	recv.pub.mydest = DestTuplestore;	/* anything but DestNone: SPI_OK_SELECT */
	recv.q = q;
	recv.start = start;
	recv.row = row;
	recv.arg = arg;
	memset(&opts, 0, sizeof(opts));
	opts.read_only = false;
	opts.dest = (DestReceiver *) &recv;
	rc = SPI_execute_plan_extended(plan, &opts);
	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not run %s: %s", noun, SPI_result_code_string(rc))));
}

/*
 * Deform only the first natts columns of each row (the engine reads no
 * column beyond it); the default is every column.
 */
void
kit_query_limit(KitQuery *q, int natts)
{
	q->natts = Min(Max(natts, 0), q->desc->natts);
}

/*
 * Make the next row current (its first natts columns deformed in one pass:
 * per-column access would make wide rows quadratic); false at the end.  The
 * previous row's values are invalid afterwards.
 */
bool
kit_query_next(KitQuery *q)
{
	if (q->pos >= q->nbatch)
	{
		ExecClearTuple(q->slot);
		if (q->batch)
		{
			SPI_freetuptable(q->batch);
			q->batch = NULL;
		}
		q->nbatch = q->pos = 0;
		SPI_cursor_fetch(q->portal, true, KIT_BATCH_ROWS);
		if (SPI_processed == 0)
		{
			SPI_freetuptable(SPI_tuptable);
			return false;
		}
		q->batch = SPI_tuptable;
		q->nbatch = SPI_processed;
	}
	CHECK_FOR_INTERRUPTS();
	ExecStoreHeapTuple(q->batch->vals[q->pos++], q->slot, false);
	slot_getsomeattrs(q->slot, q->natts);
	q->rows++;
	return true;
}

/* Close the cursor, free the last batch and end the error context. */
void
kit_query_close(KitQuery *q)
{
	ExecClearTuple(q->slot);
	ExecDropSingleTupleTableSlot(q->slot);
	if (q->batch)
		SPI_freetuptable(q->batch);
	q->batch = NULL;
	SPI_cursor_close(q->portal);
	if (q->has_context)
	{
		Assert(error_context_stack == &q->context);
		error_context_stack = q->context.previous;
		q->has_context = false;
	}
}
