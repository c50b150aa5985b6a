/*-------------------------------------------------------------------------
 *
 * kit.h
 *	  The engine kit: machinery every engine (evaluation, tiers, policies)
 *	  shares, below the engines and above the types.
 *
 *	  kit_text.c   one UTF-8 <-> database-encoding edge: engines work in
 *	               UTF-8 and convert at the edge (a leaf: depends only on
 *	               PostgreSQL, so type code such as credit_code.c uses it too)
 *	  kit_input.c  the caller's query: run with a cursor in batches with the
 *	               caller's rights, columns matched by name once per query,
 *	               values read into exact form (rational.h or scaled int64),
 *	               NULL and absent columns told apart, uniform errors
 *	  rational.h   exact rationals (inline)
 *	  kit_ruleset.c  built-in rows of rule tables read-only (the trigger half
 *	               of the rule-set pattern, doc/dev.md)
 *
 * Layering (one way): SQL entry points -> engines -> kit -> types.  Nothing
 * in the kit includes an engine header.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_KIT_H
#define INDUSTRY_KIT_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "utils/numeric.h"

#include "rational.h"

/* ---------------------------------------------------------------------
 * kit_text.c: the encoding edge
 * ---------------------------------------------------------------------
 */

/* len bytes of database-encoded text as UTF-8 (s itself when no conversion) */
extern const char *kit_utf8_n(const char *s, int len, size_t *utf8_len);

/* a database-encoded C string as UTF-8 (s itself when no conversion) */
extern const char *kit_utf8(const char *s);

/* a UTF-8 C string in the database encoding (utf8 itself when no conversion) */
extern const char *kit_local(const char *utf8);

/* a UTF-8 C string as a text value in the database encoding */
extern text *kit_text(const char *utf8);

#define kit_text_datum(utf8)	PointerGetDatum(kit_text(utf8))

/* ---------------------------------------------------------------------
 * kit_input.c: columns by name
 * ---------------------------------------------------------------------
 */

/*
 * The columns of one input (a query's result row, or the keys of a jsonb
 * record with types InvalidOid), matched by name.  noun names the input in
 * messages ("the tier input"); a column given twice raises dup_errcode
 * (engines documented 42701 or 42702 in 1.0) with dup_hint if not NULL.
 */
typedef struct KitColumns
{
	const char *noun;
	int			ncols;
	char	  **names;			/* NULL for dropped columns */
	Oid		   *types;
	int			dup_errcode;
	const char *dup_hint;
} KitColumns;

extern KitColumns *kit_columns(const char *noun, int ncols, char **names, Oid *types);
extern KitColumns *kit_columns_of_desc(const char *noun, TupleDesc desc);
extern int	kit_column_index(const KitColumns *cols, const char *name);

/* Raise 42804: column of the input has type T (detail/hint may be NULL). */
pg_attribute_noreturn()
extern void kit_type_error(const char *noun, const char *column, Oid typid,
						   const char *detail, const char *hint);

/* Raise 42703: column does not exist in the input (detail/hint may be NULL). */
pg_attribute_noreturn()
extern void kit_missing_column(const char *noun, const char *column,
							   const char *detail, const char *hint);

/* ---------------------------------------------------------------------
 * kit_input.c: typed values in exact form
 * ---------------------------------------------------------------------
 */

/* how a column's value is read (by its base type) */
typedef enum KitType
{
	KIT_OTHER = 0,				/* any other type: only its text output */
	KIT_INT2,
	KIT_INT4,
	KIT_INT8,
	KIT_NUMERIC,
	KIT_FLOAT4,
	KIT_FLOAT8,
	KIT_BOOL,
	KIT_YUAN,					/* the extension's yuan: int64 分 */
	KIT_MU_AREA,				/* the extension's mu_area: int64 10^-6 亩 */
	KIT_TEXT,					/* text, varchar, bpchar */
	KIT_TEXT_ARRAY,				/* text[], varchar[] */
	KIT_DATE
} KitType;

/* the extension's own types, looked up once per call */
typedef struct KitTypes
{
	Oid			yuan;
	Oid			mu_area;
} KitTypes;

/* largest digits kit_scaled() accepts */
#define KIT_MAX_DIGITS	8

/* outcome of reading a number exactly */
typedef enum KitStatus
{
	KIT_OK = 0,
	KIT_NOT_FINITE,				/* NaN or infinity */
	KIT_TOO_BIG					/* does not fit the exact form */
} KitStatus;

extern KitTypes kit_types(Oid ext_namespace);
extern KitType kit_type_of(const KitTypes *ext, Oid typid);
extern bool kit_type_is_number(KitType t);
extern KitStatus kit_rat(KitType t, Datum d, Rat *r, char **shown);
extern KitStatus kit_numeric_rat(Datum num, Rat *r, char **shown);
extern KitStatus kit_scaled(KitType t, Datum d, int digits, int64 *out);

/*
 * One input column bound for reading: attno 0 when the input lacks it;
 * text of any type through its output function (text and varchar as is).
 */
typedef struct KitColumn
{
	int			attno;
	Oid			typid;
	KitType		kind;
	bool		has_out;
	FmgrInfo	out;
} KitColumn;

extern void kit_bind(KitColumn *c, const KitColumns *cols, int index,
					 const KitTypes *kt, MemoryContext cxt);
extern void kit_bind_attno(KitColumn *c, int attno, Oid typid, KitType kind,
						   MemoryContext cxt);
extern const char *kit_text_value(KitColumn *c, Datum d, Size *len);

/* ---------------------------------------------------------------------
 * kit_input.c: the caller's query
 * ---------------------------------------------------------------------
 */

/* rows fetched from the cursor at a time */
#define KIT_BATCH_ROWS	1000

/*
 * A query being read.  Pull (kit_query_open): kit_query_next() makes the
 * next row current.  Push (kit_query_stream): the row callback is called
 * with each row current.  values[i] and nulls[i] hold column i + 1 (attno)
 * up to natts, valid until the next row.
 */
typedef struct KitQuery
{
	const char *sql;
	const char *noun;			/* "the tier input query" */
	Portal		portal;
	TupleDesc	desc;
	int			natts;			/* columns deformed per row (kit_query_limit) */
	SPITupleTable *batch;
	uint64		nbatch;
	uint64		pos;
	TupleTableSlot *slot;
	Datum	   *values;
	bool	   *nulls;
	int64		rows;			/* rows read so far */
	bool		has_context;
	ErrorContextCallback context;
} KitQuery;

/* kit_query_open flags */
#define KIT_QUERY_CONTEXT	0x01	/* errors while reading say: SQL statement "..." */

/* what a column holds on the current row */
typedef enum KitPresence
{
	KIT_ABSENT = 0,				/* the query has no such column */
	KIT_NULL,
	KIT_PRESENT
} KitPresence;

/* kit_query_stream callbacks: columns known (bind them), then each row */
typedef void (*KitStartFn) (KitQuery *q, void *arg);
typedef void (*KitRowFn) (KitQuery *q, void *arg);

extern KitQuery *kit_query_open(const char *sql, const char *noun, int flags);
extern void kit_query_stream(const char *sql, const char *noun, int flags,
							 KitStartFn start, KitRowFn row, void *arg);
extern void kit_query_limit(KitQuery *q, int natts);
extern bool kit_query_next(KitQuery *q);
extern void kit_query_close(KitQuery *q);

/* The value of column attno (1-based, 0 = absent) on the current row. */
static inline KitPresence
kit_get(const KitQuery *q, int attno, Datum *d)
{
	if (attno == 0)
		return KIT_ABSENT;
	if (q->nulls[attno - 1])
		return KIT_NULL;
	*d = q->values[attno - 1];
	return KIT_PRESENT;
}

/* ---------------------------------------------------------------------
 * kit_ruleset.c: rule tables
 * ---------------------------------------------------------------------
 */

/* describes a rule row in messages ("rule set "x" 2022 (规上)") */
typedef char *(*KitRowWhere) (HeapTuple tup, TupleDesc desc, const char *table);

extern void kit_rule_guard(TriggerData *td, KitRowWhere where, const char *hint);
extern void kit_rule_rows(const char *sql, const char *set_noun, const char *code,
						  int32 year, bool read_only);

#endif							/* INDUSTRY_KIT_H */
