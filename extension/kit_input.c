/*-------------------------------------------------------------------------
 *
 * kit_input.c
 *	  Engine kit: the caller's query and its values.
 *
 * An engine reads "any query of the user's": kit_query_open() prepares it
 * and opens a cursor with the caller's rights (the functions that call it
 * are never SECURITY DEFINER), kit_query_next() fetches KIT_BATCH_ROWS rows
 * at a time and deforms the current row once, so an engine holds one batch
 * of the query's result at most, never all of it.  Columns are matched by
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
#include "miscadmin.h"
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

/* ---------------------------------------------------------------------
 * The caller's query
 * ---------------------------------------------------------------------
 */

/*
 * Prepare sql and open a cursor on it (caller's rights).  noun names the
 * query in messages, e.g. "the tier input query".
 */
KitQuery *
kit_query_open(const char *sql, const char *noun)
{
	KitQuery   *q = palloc0(sizeof(KitQuery));
	SPIPlanPtr	plan;

	q->noun = noun;
	plan = SPI_prepare(sql, 0, NULL);
	if (plan == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not prepare %s: %s", noun,
						SPI_result_code_string(SPI_result))));
	q->portal = SPI_cursor_open(NULL, plan, NULL, NULL, false);
	q->desc = q->portal->tupDesc;
	if (q->desc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must return rows", noun)));
	q->values = palloc(Max(q->desc->natts, 1) * sizeof(Datum));
	q->nulls = palloc(Max(q->desc->natts, 1) * sizeof(bool));
	return q;
}

/*
 * Make the next row current (deformed in one pass: wide rows would make
 * per-column access quadratic); false at the end.  The previous row's
 * values are invalid afterwards.
 */
bool
kit_query_next(KitQuery *q)
{
	HeapTuple	tup;

	if (q->pos >= q->nbatch)
	{
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
	tup = q->batch->vals[q->pos++];
	heap_deform_tuple(tup, q->batch->tupdesc, q->values, q->nulls);
	q->rows++;
	return true;
}

/* Close the cursor and free the last batch. */
void
kit_query_close(KitQuery *q)
{
	if (q->batch)
		SPI_freetuptable(q->batch);
	q->batch = NULL;
	SPI_cursor_close(q->portal);
}
