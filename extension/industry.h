/*-------------------------------------------------------------------------
 *
 * industry.h
 *	  Shared declarations for the industry extension: the fixed-point
 *	  quantity types, fmgr macros, overflow-checked helpers and the
 *	  PostgreSQL version shims (kept here and nowhere else).
 *
 * The bottom layer: everything here is a macro or a static inline that
 * needs only the server's headers and quantity.h, so no header or C file
 * below it depends back on a file above it.  Functions defined in C files
 * are declared by their own headers (decimal.h, ...).
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_H
#define INDUSTRY_H

#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
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
static inline void
quantity_out_of_range(QuantityKind kind)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range", quantity_type_name(kind))));
}

/*
 * Raise 22023 for a NaN or infinite operand of kind (what: "NaN",
 * "infinity").  One rule for every non-finite number that meets the types,
 * float8 or numeric, in casts, products and quotients, as PostgreSQL raises
 * 22023 for an argument that cannot be NaN or infinite (generate_series).
 */
pg_attribute_noreturn()
static inline void
quantity_not_finite(QuantityKind kind, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot convert %s to %s", what, quantity_type_name(kind)),
			 errdetail("%s holds finite values only.", quantity_type_name(kind))));
}

/*
 * Raise 22P03 unless a binary input message holds exactly n more bytes: one
 * rule for the binary input of every type (core would raise 08P01 for a
 * short message and 22P03 for a long one).
 */
static inline void
binary_input_check_length(StringInfo buf, int n, const char *type_name)
{
	if (unlikely(buf->len - buf->cursor != n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", type_name),
				 errdetail("The binary form of %s is %d bytes, not %d.",
						   type_name, n, buf->len - buf->cursor)));
}

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

#endif							/* INDUSTRY_H */
