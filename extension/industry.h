/*-------------------------------------------------------------------------
 *
 * industry.h
 *	  Shared declarations for the industry extension: the fixed-point
 *	  quantity types, fmgr macros, overflow-checked helpers and the
 *	  PostgreSQL version shims (kept here and nowhere else).
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_H
#define INDUSTRY_H

#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/datetime.h"
#include "quantity.h"

/* ---- version shims: PostgreSQL 15 is the target, 16+ must build ---- */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* PostgreSQL 16 added soft input errors; on 15 they are plain errors. */
#if PG_VERSION_NUM < 160000
#define errsave(context, ...) \
	do { (void) (context); ereport(ERROR, __VA_ARGS__); } while (0)
#endif

/*
 * Date/time field decoding (intake.c): PostgreSQL 16 added a last argument
 * for error details.  Returns a DTERR_ code, never raises for bad text.
 */
#if PG_VERSION_NUM >= 160000
static inline int
industry_decode_datetime(char **field, int *ftype, int nf, int *dtype,
						 struct pg_tm *tm, fsec_t *fsec, int *tzp)
{
	DateTimeErrorExtra extra;

	return DecodeDateTime(field, ftype, nf, dtype, tm, fsec, tzp, &extra);
}
#else
#define industry_decode_datetime DecodeDateTime
#endif

#ifndef HAVE_INT128
#error "industry needs a compiler with a 128-bit integer type"
#endif

/*
 * The three types are int64 fixed point, passed by value (fixed forever at
 * 1.0: INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double).
 *	 mu_area		10^-6 亩
 *	 yuan			分 (10^-2 元)
 *	 yuan_per_mu	10^-4 元/亩
 */
typedef int64 MuArea;
typedef int64 Yuan;
typedef int64 YuanPerMu;

#define DatumGetMuArea(X)		DatumGetInt64(X)
#define DatumGetYuan(X)			DatumGetInt64(X)
#define DatumGetYuanPerMu(X)	DatumGetInt64(X)
#define MuAreaGetDatum(X)		Int64GetDatum(X)
#define YuanGetDatum(X)			Int64GetDatum(X)
#define YuanPerMuGetDatum(X)	Int64GetDatum(X)

#define PG_GETARG_MU_AREA(n)		DatumGetMuArea(PG_GETARG_DATUM(n))
#define PG_GETARG_YUAN(n)			DatumGetYuan(PG_GETARG_DATUM(n))
#define PG_GETARG_YUAN_PER_MU(n)	DatumGetYuanPerMu(PG_GETARG_DATUM(n))
#define PG_RETURN_MU_AREA(x)		return MuAreaGetDatum(x)
#define PG_RETURN_YUAN(x)			return YuanGetDatum(x)
#define PG_RETURN_YUAN_PER_MU(x)	return YuanPerMuGetDatum(x)

/* SQL name of each kind's type, for error messages. */
static inline const char *
quantity_type_name(QuantityKind kind)
{
	static const char *const names[QUANTITY_NKINDS] = {
		"mu_area", "yuan", "yuan_per_mu"
	};

	return names[kind];
}

/* Stored units per base unit of each kind. */
static inline int64
quantity_scale(QuantityKind kind)
{
	static const int64 scales[QUANTITY_NKINDS] = {
		QUANTITY_AREA_SCALE, QUANTITY_MONEY_SCALE, QUANTITY_PER_AREA_SCALE
	};

	return scales[kind];
}

/* Raise 22003 for a result of kind that does not fit in int64. */
pg_attribute_noreturn()
extern void quantity_out_of_range(QuantityKind kind);

/* Check an int128 intermediate and narrow it to a stored value. */
static inline int64
quantity_from_int128(QuantityKind kind, int128 v)
{
	if (unlikely(v > PG_INT64_MAX || v < PG_INT64_MIN))
		quantity_out_of_range(kind);
	return (int64) v;
}

/*
 * n / d rounded half away from zero (四舍五入), d != 0.  Exact for any
 * int128 operands whose quotient fits; callers range-check the result.
 */
static inline int128
int128_div_round(int128 n, int128 d)
{
	int128		q = n / d;
	int128		r = n % d;

	/* |2r| >= |d| means the fraction is at least one half */
	if (r != 0)
	{
		int128		ar = r < 0 ? -r : r;
		int128		ad = d < 0 ? -d : d;

		if (ar >= ad - ar)
			q += ((n < 0) != (d < 0)) ? -1 : 1;
	}
	return q;
}

/* The int128 range, and room for its decimal text (sign, 39 digits, NUL). */
#define INDUSTRY_INT128_MAX ((int128) ((((uint128) 1) << 127) - 1))
#define INDUSTRY_INT128_MIN (-INDUSTRY_INT128_MAX - 1)
#define INT128_BUFSIZE 41

/* quantity_io.c: decimal text of v at buf (INT128_BUFSIZE bytes); returns its end */
extern char *int128_to_chars(int128 v, char *buf);

/* quantity_io.c: parse [+-]digits at *p within [min, max], advancing *p */
extern bool int128_from_chars(const char **p, int128 min, int128 max, int128 *result);

/* quantity_io.c: exact numeric of an int128 */
extern struct NumericData *int128_to_numeric(int128 v);

/* quantity_io.c: text of a value in the database encoding */
extern char *quantity_to_cstring(QuantityKind kind, int64 value);

/* quantity_io.c: parse a database-encoding string; errors go to escontext */
extern bool quantity_from_cstring(QuantityKind kind, const char *str,
								  int64 *result, Node *escontext);

/* quantity_io.c: numeric rounded 四舍五入 to an int64; false if NaN, infinite or too large */
extern bool numeric_round_to_int64(struct NumericData *num, int64 *result);

/* quantity_io.c: numeric (in stored units) rounded 四舍五入 to a stored value */
extern int64 quantity_from_numeric_units(QuantityKind kind, Datum num);

/* quantity_io.c: exact n / d rounded half away from zero (四舍五入) to scale decimals */
extern struct NumericData *numeric_div_round(struct NumericData *n, struct NumericData *d, int scale);

#endif							/* INDUSTRY_H */
