/*-------------------------------------------------------------------------
 *
 * intake_merge.c
 *	  merge_sources(): every line of every source, in long form, merged by
 *	  统一社会信用代码, each line returned once with what the merge did with
 *	  it (doc/intake.md §4).
 *
 * One pass over the caller's query (the kit's push runner): each line's
 * code is parsed once and counted in its firm's entry of a hash table by
 * code (one lookup per line: the entry holds the firm's lines per source
 * and measure, and whether the master source lists it), and the line is
 * kept in a tuplestore with its firm's entry and slot.  A second pass over
 * the kept lines gives each its status and reason, in the query's order.
 * No sort, no window: the set-based SQL this replaces spent most of its
 * time sorting the lines by firm and buffering every firm's lines twice in
 * window aggregates (bench/intake/README.md).
 *
 *-------------------------------------------------------------------------
 */
#include "industry.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"
#include "kit.h"
#include "uscc.h"

#define MERGE_NOUN	"the merge query"

/* the query's columns, by name */
enum
{
	COL_SOURCE,
	COL_LINE,
	COL_CODE,
	COL_NAME,
	COL_MEASURE,
	COL_AMOUNT,
	NCOLS
};

static const char *const col_names[NCOLS] = {
	"source", "line", "credit_code", "name", "measure", "amount"
};

/* the kept line (tuplestore) and the result row */
enum
{
	OUT_SOURCE,
	OUT_LINE,
	OUT_RAW,
	OUT_CODE,
	OUT_NAME,
	OUT_MEASURE,
	OUT_AMOUNT,
	OUT_STATUS,					/* kept line: its firm's entry (int8) */
	OUT_REASON,					/* kept line: the firm's slot, -1 for no firm */
	NOUT
};

/* what the dimension of a measure's amount is */
typedef enum MeasureDim
{
	DIM_ANY,					/* a measure of the user's own: any number */
	DIM_MONEY,					/* 元 */
	DIM_LAND,					/* 亩 */
	DIM_QUANTITY				/* a metered or counted quantity */
} MeasureDim;

/* A value converted to a fixed type: as is, by a cast function, or via text. */
typedef struct Coercer
{
	CoercionPathType path;
	FmgrInfo	fn;				/* cast function, or the source type's output */
	FmgrInfo	in;				/* the target's input (via text) */
	Oid			in_param;
} Coercer;

/* One (source, measure) of the query: few, interned once. */
typedef struct SourceMeasure
{
	char	   *source;			/* UTF-8 */
	char	   *measure;		/* UTF-8; NULL for NULL and '' */
	text	   *source_text;	/* as the query gave them (database encoding) */
	text	   *measure_text;	/* NULL for NULL */
	int			part;			/* the first (source, measure) counted with it */
	bool		refuse;			/* the source refuses duplicates */
	bool		master;			/* the source is the master list */
	MeasureDim	dim;
} SourceMeasure;

/* The lines of one firm in one (source, measure). */
typedef struct MergeSlot
{
	int32		sm;				/* SourceMeasure index (its part) */
	bool		sorted;			/* lines sorted */
	int64		count;
	int			nlines;			/* line numbers kept (refusing sources only) */
	int			maxlines;
	int64	   *lines;
} MergeSlot;

/* slots kept in the firm's entry; more go to an array of their own */
#define MERGE_INLINE_SLOTS	4

/*
 * A firm (a valid code, packed): is it in the master list, and its lines
 * per (source, measure).  One hash entry per firm: a line costs one lookup.
 */
typedef struct FirmEntry
{
	bool		listed;
	int			nslots;
	int			maxmore;
	MergeSlot  *more;			/* slots beyond the inline ones */
	MergeSlot	slot[MERGE_INLINE_SLOTS];
} FirmEntry;

/* Slot i of a firm. */
static inline MergeSlot *
firm_slot(FirmEntry *f, int i)
{
	return i < MERGE_INLINE_SLOTS ? &f->slot[i] : &f->more[i - MERGE_INLINE_SLOTS];
}

/* A packed code as a hash key. */
typedef struct CodeKey
{
	uint8		b[USCC_PACKED_SIZE];
} CodeKey;

/* The firms' hash table (simplehash: open addressing, no chains to walk). */
typedef struct FirmHashEntry
{
	CodeKey		key;
	char		status;
	uint32		hash;
	FirmEntry  *firm;
} FirmHashEntry;

#define SH_PREFIX		firmhash
#define SH_ELEMENT_TYPE	FirmHashEntry
#define SH_KEY_TYPE		CodeKey
#define SH_KEY			key
#define SH_HASH_KEY(tb, k)	hash_bytes((k).b, USCC_PACKED_SIZE)
#define SH_EQUAL(tb, x, y)	(memcmp((x).b, (y).b, USCC_PACKED_SIZE) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a)	((a)->hash)
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* firm entries are allocated this many at a time */
#define MERGE_FIRM_BLOCK	1024

/* The state of one call. */
typedef struct MergeRun
{
	const char *master;			/* UTF-8 or NULL */
	int			nrefuse;
	char	  **refuse;			/* UTF-8 */
	KitColumn	col[NCOLS];
	Coercer		line_to_int8;
	Coercer		amount_to_numeric;
	Oid			amount_type;
	KitType		amount_kind;
	KitTypes	ext;
	int			nsm;
	int			maxsm;
	SourceMeasure *sm;
	int			last_sm;
	firmhash_hash *firms;
	FirmEntry  *firm_block;		/* entries not yet used: MERGE_FIRM_BLOCK at a time */
	int			firm_free;
	TupleDesc	keptdesc;
	Tuplestorestate *kept;
	MemoryContext cxt;			/* the call's */
	MemoryContext rowcxt;		/* reset per line */
} MergeRun;

/* The dimension of a measure named like an attribute of doc/dev.md. */
static MeasureDim
merge_measure_dim(const char *m)
{
	static const char *const money[] = {
		"tax", "value_added", "revenue", "main_revenue", "rd", "net_profit", "refund",
		"revenue_prev1", "revenue_prev2", "main_revenue_prev1", "main_revenue_prev2",
		"rd_prev1"
	};
	static const char *const quantity[] = {
		"energy_tce", "emission_t", "employees", "electricity", "rd_staff", "debt_ratio"
	};
	size_t		i;

	if (m == NULL)
		return DIM_ANY;
	if (strcmp(m, "land") == 0)
		return DIM_LAND;
	for (i = 0; i < lengthof(money); i++)
		if (strcmp(m, money[i]) == 0)
			return DIM_MONEY;
	for (i = 0; i < lengthof(quantity); i++)
		if (strcmp(m, quantity[i]) == 0)
			return DIM_QUANTITY;
	return DIM_ANY;
}

/* Prepare the conversion of column values of type from to type to (42804 if none). */
static void
merge_coercer(Coercer *c, Oid from, Oid to, const char *column, const char *want)
{
	Oid			funcid = InvalidOid;

	memset(c, 0, sizeof(Coercer));
	c->path = from == to ? COERCION_PATH_RELABELTYPE :
		find_coercion_pathway(to, from, COERCION_EXPLICIT, &funcid);
	switch (c->path)
	{
		case COERCION_PATH_RELABELTYPE:
			break;
		case COERCION_PATH_FUNC:
			fmgr_info(funcid, &c->fn);
			break;
		case COERCION_PATH_COERCEVIAIO:
			{
				Oid			outfn;
				Oid			infn;
				bool		isvarlena;

				getTypeOutputInfo(from, &outfn, &isvarlena);
				fmgr_info(outfn, &c->fn);
				getTypeInputInfo(to, &infn, &c->in_param);
				fmgr_info(infn, &c->in);
				break;
			}
		default:
			kit_type_error(MERGE_NOUN, column, from, NULL, want);
	}
}

/* A value converted by c. */
static Datum
merge_coerce(Coercer *c, Datum d)
{
	switch (c->path)
	{
		case COERCION_PATH_FUNC:
			if (c->fn.fn_nargs >= 3)
				return FunctionCall3(&c->fn, d, Int32GetDatum(-1), BoolGetDatum(true));
			if (c->fn.fn_nargs == 2)
				return FunctionCall2(&c->fn, d, Int32GetDatum(-1));
			return FunctionCall1(&c->fn, d);
		case COERCION_PATH_COERCEVIAIO:
			return InputFunctionCall(&c->in, OutputFunctionCall(&c->fn, d),
									 c->in_param, -1);
		default:
			return d;
	}
}

/* The query's columns are known: bind and check them. */
static void
merge_start(KitQuery *q, void *arg)
{
	MergeRun   *run = (MergeRun *) arg;
	KitColumns *cols = kit_columns_of_desc(MERGE_NOUN, q->desc);
	MemoryContext old = MemoryContextSwitchTo(run->cxt);
	int			maxatt = 0;
	int			i;

	for (i = 0; i < NCOLS; i++)
	{
		int			index = kit_column_index(cols, col_names[i]);

		if (index < 0)
			kit_missing_column(MERGE_NOUN, col_names[i], NULL,
							   "The merge query has the columns source, line, credit_code, name, measure and amount (doc/intake.md).");
		kit_bind(&run->col[i], cols, index, &run->ext, run->cxt);
		maxatt = Max(maxatt, index + 1);
	}
	merge_coercer(&run->line_to_int8, run->col[COL_LINE].typid, INT8OID,
				  "line", "Give the line number as an integer.");
	run->amount_type = run->col[COL_AMOUNT].typid;
	run->amount_kind = run->col[COL_AMOUNT].kind;
	/* a rate (yuan_per_mu), a flag, a date or a code is not an amount to sum */
	if (!(kit_type_is_number(run->amount_kind) || run->amount_kind == KIT_YUAN ||
		  run->amount_kind == KIT_MU_AREA || run->amount_kind == KIT_TEXT))
		kit_type_error(MERGE_NOUN, "amount", run->amount_type, NULL,
					   "Give amounts as numeric in base units (元, 亩), as yuan or as mu_area.");
	merge_coercer(&run->amount_to_numeric, run->amount_type, NUMERICOID,
				  "amount", "Give amounts as numeric in base units (元, 亩), as yuan or as mu_area.");
	kit_query_limit(q, maxatt);
	MemoryContextSwitchTo(old);
}

/*
 * The text of column i on the current line (database encoding, not
 * NUL-terminated), its length in *len; NULL for NULL.  As ::text reads it:
 * character(n) without its trailing blanks.
 */
static const char *
merge_text(MergeRun *run, KitQuery *q, int i, Size *len)
{
	Datum		d;
	const char *s;

	if (kit_get(q, run->col[i].attno, &d) != KIT_PRESENT)
		return NULL;
	s = kit_text_value(&run->col[i], d, len);
	if (run->col[i].typid == BPCHAROID)
		while (*len > 0 && s[*len - 1] == ' ')
			(*len)--;
	return s;
}

/* May column i's values be returned as they are, as text? */
static inline bool
merge_as_is(MergeRun *run, int i)
{
	return run->col[i].kind == KIT_TEXT && run->col[i].typid != BPCHAROID;
}

/* Does interned text t hold the len bytes s (NULL: a NULL)? */
static inline bool
merge_same(const text *t, const char *s, Size len)
{
	if (t == NULL || s == NULL)
		return t == NULL && s == NULL;
	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/* The (source, measure) of a line, interned (the database's bytes). */
static int
merge_source_measure(MergeRun *run, const char *src, Size srclen,
					 const char *msr, Size msrlen)
{
	SourceMeasure *sm;
	MemoryContext old;
	size_t		n;
	int			i;

	if (run->last_sm >= 0)
	{
		sm = &run->sm[run->last_sm];
		if (merge_same(sm->source_text, src, srclen) &&
			merge_same(sm->measure_text, msr, msrlen))
			return run->last_sm;
	}
	for (i = 0; i < run->nsm; i++)
	{
		sm = &run->sm[i];
		if (merge_same(sm->source_text, src, srclen) &&
			merge_same(sm->measure_text, msr, msrlen))
			return run->last_sm = i;
	}
	old = MemoryContextSwitchTo(run->cxt);
	if (run->nsm == run->maxsm)
	{
		run->maxsm *= 2;
		run->sm = repalloc(run->sm, run->maxsm * sizeof(SourceMeasure));
	}
	sm = &run->sm[run->nsm];
	sm->source_text = cstring_to_text_with_len(src, srclen);
	sm->measure_text = msr ? cstring_to_text_with_len(msr, msrlen) : NULL;
	sm->source = pstrdup(kit_utf8_n(src, srclen, &n));
	sm->source = pnstrdup(sm->source, n);
	sm->measure = msr && msrlen > 0 ? pstrdup(kit_utf8_n(msr, msrlen, &n)) : NULL;
	if (sm->measure)
		sm->measure = pnstrdup(sm->measure, n);
	/* lines of measure NULL and '' are counted together */
	sm->part = run->nsm;
	for (i = 0; i < run->nsm; i++)
		if (strcmp(run->sm[i].source, sm->source) == 0 &&
			(run->sm[i].measure == NULL ? sm->measure == NULL :
			 sm->measure != NULL && strcmp(run->sm[i].measure, sm->measure) == 0))
		{
			sm->part = run->sm[i].part;
			break;
		}
	sm->master = run->master != NULL && strcmp(run->master, sm->source) == 0;
	sm->refuse = false;
	for (i = 0; i < run->nrefuse; i++)
		if (strcmp(run->refuse[i], sm->source) == 0)
			sm->refuse = true;
	sm->dim = merge_measure_dim(sm->measure);
	MemoryContextSwitchTo(old);
	return run->last_sm = run->nsm++;
}

/* Raise 42804 when the amount's type is of another dimension than the measure. */
static void
merge_check_dimension(MergeRun *run, SourceMeasure *sm, bool line_null, int64 line)
{
	const char *what;

	if (sm->dim == DIM_ANY ||
		(run->amount_kind != KIT_YUAN && run->amount_kind != KIT_MU_AREA) ||
		(run->amount_kind == KIT_YUAN && sm->dim == DIM_MONEY) ||
		(run->amount_kind == KIT_MU_AREA && sm->dim == DIM_LAND))
		return;
	what = sm->dim == DIM_MONEY ? "an amount of money (元)" :
		sm->dim == DIM_LAND ? "land (亩)" : "a metered or counted quantity";
	kit_type_error(MERGE_NOUN, "amount", run->amount_type,
				   kit_local(psprintf("Line %s of source \"%s\" has measure \"%s\", %s.",
									  line_null ? "(null)" : psprintf(INT64_FORMAT, line),
									  sm->source, sm->measure, what)),
				   kit_local("Give money as yuan or a number of 元, land as mu_area or a number of 亩, other quantities as numbers."));
}

/* Pass 1, one line: parse its code, count its group, keep it. */
static void
merge_row(KitQuery *q, void *arg)
{
	MergeRun   *run = (MergeRun *) arg;
	MemoryContext old = MemoryContextSwitchTo(run->rowcxt);
	Datum		out[NOUT];
	bool		isnull[NOUT];
	Datum		d;
	const char *source;
	const char *measure;
	const char *raw;
	Size		srclen = 0;
	Size		msrlen = 0;
	Size		rawlen = 0;
	size_t		utf8len;
	const char *utf8;
	char		code[USCC_LENGTH];
	UsccError	err;
	bool		valid;
	bool		finite = true;
	int			smi;
	SourceMeasure *sm;
	int64		group = 0;
	int32		slot = -1;

	memset(isnull, 0, sizeof(isnull));
	source = merge_text(run, q, COL_SOURCE, &srclen);
	measure = merge_text(run, q, COL_MEASURE, &msrlen);
	raw = merge_text(run, q, COL_CODE, &rawlen);

	/* line */
	if (kit_get(q, run->col[COL_LINE].attno, &d) == KIT_PRESENT)
		out[OUT_LINE] = merge_coerce(&run->line_to_int8, d);
	else
		isnull[OUT_LINE] = true;

	if (source == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("null value in column \"%s\" of %s", "source", MERGE_NOUN),
				 errdetail("Line %s, credit code \"%s\".",
						   isnull[OUT_LINE] ? "(null)" : psprintf(INT64_FORMAT, DatumGetInt64(out[OUT_LINE])),
						   raw ? pnstrdup(raw, rawlen) : "(null)"),
				 errhint("%s", kit_local("Every line needs the name of its source, e.g. SELECT '税务' AS source, ..."))));
	smi = merge_source_measure(run, source, srclen, measure, msrlen);
	sm = &run->sm[smi];

	/* amount, in numeric */
	if (kit_get(q, run->col[COL_AMOUNT].attno, &d) == KIT_PRESENT)
	{
		merge_check_dimension(run, sm, isnull[OUT_LINE],
							  isnull[OUT_LINE] ? 0 : DatumGetInt64(out[OUT_LINE]));
		out[OUT_AMOUNT] = merge_coerce(&run->amount_to_numeric, d);
		if (numeric_is_nan(DatumGetNumeric(out[OUT_AMOUNT])) ||
			numeric_is_inf(DatumGetNumeric(out[OUT_AMOUNT])))
			finite = false;
	}
	else
		isnull[OUT_AMOUNT] = true;

	if (raw)
		utf8 = kit_utf8_n(raw, rawlen, &utf8len);
	valid = raw != NULL && uscc_parse(utf8, utf8len, code, &err);
	if (valid)
	{
		uint8	   *packed = palloc(USCC_PACKED_SIZE);

		uscc_pack(code, packed);
		out[OUT_CODE] = PointerGetDatum(packed);
		if (finite)
		{
			CodeKey		key;
			FirmHashEntry *e;
			FirmEntry  *f;
			MergeSlot  *g = NULL;
			bool		found;
			int			i;

			memcpy(key.b, packed, USCC_PACKED_SIZE);
			e = firmhash_insert(run->firms, key, &found);
			if (!found)
			{
				if (run->firm_free == 0)
				{
					run->firm_block = MemoryContextAlloc(run->cxt,
														 MERGE_FIRM_BLOCK * sizeof(FirmEntry));
					run->firm_free = MERGE_FIRM_BLOCK;
				}
				e->firm = &run->firm_block[--run->firm_free];
				e->firm->listed = false;
				e->firm->nslots = e->firm->maxmore = 0;
				e->firm->more = NULL;
			}
			f = e->firm;
			for (i = 0; i < f->nslots; i++)
				if (firm_slot(f, i)->sm == sm->part)
				{
					g = firm_slot(f, i);
					break;
				}
			if (g == NULL)
			{
				if (f->nslots >= MERGE_INLINE_SLOTS + f->maxmore)
				{
					f->maxmore = f->maxmore ? f->maxmore * 2 : MERGE_INLINE_SLOTS;
					f->more = f->more ? repalloc(f->more, f->maxmore * sizeof(MergeSlot)) :
						MemoryContextAlloc(run->cxt, f->maxmore * sizeof(MergeSlot));
				}
				i = f->nslots++;
				g = firm_slot(f, i);
				memset(g, 0, sizeof(MergeSlot));
				g->sm = sm->part;
			}
			/* the kept line names its firm's entry (stable) and slot */
			group = (int64) (uintptr_t) f;
			slot = i;
			g->count++;
			if (sm->master)
				f->listed = true;
			if (sm->refuse && !isnull[OUT_LINE])
			{
				if (g->nlines == g->maxlines)
				{
					g->maxlines = g->maxlines ? g->maxlines * 2 : 2;
					g->lines = g->lines ?
						repalloc(g->lines, g->maxlines * sizeof(int64)) :
						MemoryContextAlloc(run->cxt, g->maxlines * sizeof(int64));
				}
				g->lines[g->nlines++] = DatumGetInt64(out[OUT_LINE]);
			}
		}
	}
	else
		isnull[OUT_CODE] = true;

	/* text columns as the query gave them, others through their output */
	out[OUT_SOURCE] = PointerGetDatum(sm->source_text);
	if (raw == NULL)
		isnull[OUT_RAW] = true;
	else if (merge_as_is(run, COL_CODE))
		out[OUT_RAW] = q->values[run->col[COL_CODE].attno - 1];
	else
		out[OUT_RAW] = PointerGetDatum(cstring_to_text_with_len(raw, rawlen));
	if (kit_get(q, run->col[COL_NAME].attno, &d) != KIT_PRESENT)
		isnull[OUT_NAME] = true;
	else if (merge_as_is(run, COL_NAME))
		out[OUT_NAME] = d;
	else
	{
		Size		n;
		const char *s = merge_text(run, q, COL_NAME, &n);

		out[OUT_NAME] = PointerGetDatum(cstring_to_text_with_len(s, n));
	}
	if (sm->measure_text)
		out[OUT_MEASURE] = PointerGetDatum(sm->measure_text);
	else
		isnull[OUT_MEASURE] = true;
	out[OUT_STATUS] = Int64GetDatum(group);
	out[OUT_REASON] = Int32GetDatum(finite ? slot : -1);
	tuplestore_putvalues(run->kept, run->keptdesc, out, isnull);
	MemoryContextSwitchTo(old);
	MemoryContextReset(run->rowcxt);
}

/* Ascending int64 for qsort. */
static int
merge_cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Raise 22023 unless name (master or a refusing source) is a source of the query. */
static void
merge_check_name(MergeRun *run, const char *name, const char *argument)
{
	StringInfoData seen;
	int			i;

	for (i = 0; i < run->nsm; i++)
		if (strcmp(run->sm[i].source, name) == 0)
			return;
	initStringInfo(&seen);
	for (i = 0; i < run->nsm; i++)
	{
		int			j;

		for (j = 0; j < i; j++)
			if (strcmp(run->sm[j].source, run->sm[i].source) == 0)
				break;
		if (j < i)
			continue;
		appendStringInfo(&seen, "%s\"%s\"", seen.len ? ", " : "", run->sm[i].source);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s names source \"%s\", which has no line in %s", argument,
					kit_local(name), MERGE_NOUN),
			 errdetail("Sources in the query: %s.", kit_local(seen.data)),
			 errhint("Source names are compared exactly, as the query's column \"source\" gives them.")));
}

/* Pass 2, one kept line: its status and reason, into the result. */
static void
merge_emit(MergeRun *run, TupleTableSlot *slot, Tuplestorestate *result, TupleDesc desc)
{
	Datum		out[NOUT];
	bool		isnull[NOUT];
	FirmEntry  *firm;
	int32		si;
	const char *status;
	char	   *reason = NULL;

	slot_getallattrs(slot);
	memcpy(out, slot->tts_values, sizeof(out));
	memcpy(isnull, slot->tts_isnull, sizeof(isnull));
	firm = (FirmEntry *) (uintptr_t) DatumGetInt64(out[OUT_STATUS]);
	si = DatumGetInt32(out[OUT_REASON]);
	if (isnull[OUT_CODE])
	{
		status = "invalid_code";
		if (isnull[OUT_RAW] ||
			strspn(TextDatumGetCString(out[OUT_RAW]), " ") == strlen(TextDatumGetCString(out[OUT_RAW])))
			reason = "缺少统一社会信用代码";
		else
		{
			text	   *t = DatumGetTextPP(out[OUT_RAW]);
			char		code[USCC_LENGTH];
			char		buf[USCC_MESSAGE_BUFSIZE];
			UsccError	err;
			size_t		n;
			const char *s = kit_utf8_n(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &n);

			if (!uscc_parse(s, n, code, &err))
			{
				uscc_describe(&err, buf, sizeof(buf));
				reason = pstrdup(buf);
			}
		}
	}
	else if (si < 0)
	{
		status = "invalid_amount";
		reason = "金额不是有限数值（NaN 或无穷大），不计入合并";
	}
	else
	{
		MergeSlot  *g = firm_slot(firm, si);
		SourceMeasure *sm = &run->sm[g->sm];

		if (g->count > 1 && sm->refuse)
		{
			StringInfoData buf;
			int			i;

			if (!g->sorted)
			{
				qsort(g->lines, g->nlines, sizeof(int64), merge_cmp_int64);
				g->sorted = true;
			}
			initStringInfo(&buf);
			appendStringInfoString(&buf, "同一来源重复（行 ");
			for (i = 0; i < g->nlines; i++)
				appendStringInfo(&buf, "%s" INT64_FORMAT, i ? "," : "", g->lines[i]);
			appendStringInfoString(&buf, "），按该来源规则拒收");
			status = "duplicate_refused";
			reason = buf.data;
		}
		else if (run->master && !firm->listed)
		{
			status = "not_in_master";
			reason = psprintf("不在%s中", run->master);
		}
		else
		{
			status = "merged";
			if (g->count > 1)
				reason = "同一来源多行，已合计";
		}
	}
	out[OUT_STATUS] = PointerGetDatum(kit_text(status));
	isnull[OUT_STATUS] = false;
	isnull[OUT_REASON] = reason == NULL;
	if (reason)
		out[OUT_REASON] = PointerGetDatum(kit_text(reason));
	tuplestore_putvalues(result, desc, out, isnull);
}

/*
 * merge_sources(query, master, refuse_duplicates): every line of the query
 * (source, line, credit_code, name, measure, amount) once, with its status
 * and reason.  The query runs once, with the caller's rights.
 */
PG_FUNCTION_INFO_V1(merge_sources);
Datum
merge_sources(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	MergeRun   *run;
	MemoryContext oldcxt;
	TupleDesc	desc;
	TupleTableSlot *slot;
	char	   *sql;
	int			i;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("query must not be null")));
	InitMaterializedSRF(fcinfo, 0);
	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	run = palloc0(sizeof(MergeRun));
	run->cxt = AllocSetContextCreate(CurrentMemoryContext, "merge_sources",
									 ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(run->cxt);
	sql = text_to_cstring(PG_GETARG_TEXT_PP(0));
	run->master = PG_ARGISNULL(1) ? NULL :
		pstrdup(kit_utf8(text_to_cstring(PG_GETARG_TEXT_PP(1))));
	if (!PG_ARGISNULL(2))
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *elems;
		bool	   *nulls;

		if (ARR_NDIM(a) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("refuse_duplicates must be a one-dimensional array")));
		deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls,
						  &run->nrefuse);
		run->refuse = palloc(Max(run->nrefuse, 1) * sizeof(char *));
		for (i = 0; i < run->nrefuse; i++)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("refuse_duplicates must not contain NULL")));
			run->refuse[i] = pstrdup(kit_utf8(TextDatumGetCString(elems[i])));
		}
	}
	run->ext = kit_types(nsp);
	run->maxsm = 8;
	run->sm = palloc(run->maxsm * sizeof(SourceMeasure));
	run->last_sm = -1;
	run->firms = firmhash_create(run->cxt, 1024, NULL);
	run->rowcxt = AllocSetContextCreate(run->cxt, "merge_sources line",
										ALLOCSET_DEFAULT_SIZES);
	/* the kept line: the result row with the group and (source, measure) numbers */
	desc = rsinfo->setDesc;
	run->keptdesc = CreateTemplateTupleDesc(NOUT);
	for (i = 0; i < NOUT; i++)
		TupleDescCopyEntry(run->keptdesc, i + 1, desc, i + 1);
	TupleDescInitEntry(run->keptdesc, OUT_STATUS + 1, "grp", INT8OID, -1, 0);
	TupleDescInitEntry(run->keptdesc, OUT_REASON + 1, "sm", INT4OID, -1, 0);
	run->kept = tuplestore_begin_heap(false, false, work_mem);

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	kit_query_stream(sql, MERGE_NOUN, 0, merge_start, merge_row, run);
	SPI_finish();
	MemoryContextSwitchTo(run->cxt);

	if (run->nsm > 0)
	{
		if (run->master)
			merge_check_name(run, run->master, "master");
		for (i = 0; i < run->nrefuse; i++)
			merge_check_name(run, run->refuse[i], "refuse_duplicates");
	}

	slot = MakeSingleTupleTableSlot(run->keptdesc, &TTSOpsMinimalTuple);
	while (tuplestore_gettupleslot(run->kept, true, false, slot))
	{
		MemoryContext c = MemoryContextSwitchTo(run->rowcxt);

		CHECK_FOR_INTERRUPTS();
		merge_emit(run, slot, rsinfo->setResult, desc);
		MemoryContextSwitchTo(c);
		MemoryContextReset(run->rowcxt);
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_end(run->kept);
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(run->cxt);
	return (Datum) 0;
}
