/*-------------------------------------------------------------------------
 *
 * quantity_numbers.c
 *	  A quantity compared with a plain number in its base unit: mu_area with
 *	  亩, yuan with 元, yuan_per_mu with 元/亩.
 *
 * T = n, T <> n, T < n, T <= n, T > n, T >= n and the same with the number
 * on the left, for n of int4, int8 and numeric, exactly (128-bit integers,
 * or numeric for a numeric n).  These are what a BI tool's typed parameter
 * needs (JDBC setLong/setInt/setBigDecimal: WHERE tax > ?).  A number has no
 * dimension, so dimension safety between the three types is unchanged:
 * there is still no yuan = mu_area, and no implicit cast anywhere.  The
 * float8 and text comparisons are SQL functions over the existing casts
 * (section bi_parameters of extension/industry--1.0--1.1.sql).
 *
 *-------------------------------------------------------------------------
 */
#include "industry.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

/* Decimal digits of a kind's stored unit below its base unit (6, 2, 4). */
static int
quantity_scale_digits(QuantityKind kind)
{
	int64		scale = quantity_scale(kind);
	int			digits = 0;

	while (scale > 1)
	{
		scale /= 10;
		digits++;
	}
	return digits;
}

/* Three-way comparison of a stored value with an integer in base units. */
static inline int
quantity_cmp_int(QuantityKind kind, int64 a, int64 n)
{
	int128		b = (int128) n * quantity_scale(kind);

	return (a > b) - (a < b);
}

/*
 * Three-way comparison of a stored value with a numeric in base units, in
 * numeric's order (NaN above every number, as for numeric itself).
 */
static int
quantity_cmp_numeric(QuantityKind kind, int64 a, Datum n)
{
	Numeric		value = int64_div_fast_to_numeric(a, quantity_scale_digits(kind));

	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(value), n));
}

/*
 * The twelve comparison entry points of one type and one kind of number:
 * type_op_num(T, n) and num_op_type(n, T), all from one three-way compare.
 */
#define QUANTITY_NUMBER_CMP(type, kind, num, GETARG, cmp) \
PG_FUNCTION_INFO_V1(type##_eq_##num); \
Datum type##_eq_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) == 0); } \
PG_FUNCTION_INFO_V1(type##_ne_##num); \
Datum type##_ne_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) != 0); } \
PG_FUNCTION_INFO_V1(type##_lt_##num); \
Datum type##_lt_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) < 0); } \
PG_FUNCTION_INFO_V1(type##_le_##num); \
Datum type##_le_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) <= 0); } \
PG_FUNCTION_INFO_V1(type##_gt_##num); \
Datum type##_gt_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) > 0); } \
PG_FUNCTION_INFO_V1(type##_ge_##num); \
Datum type##_ge_##num(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(0), GETARG(1)) >= 0); } \
PG_FUNCTION_INFO_V1(num##_eq_##type); \
Datum num##_eq_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) == 0); } \
PG_FUNCTION_INFO_V1(num##_ne_##type); \
Datum num##_ne_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) != 0); } \
PG_FUNCTION_INFO_V1(num##_lt_##type); \
Datum num##_lt_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) > 0); } \
PG_FUNCTION_INFO_V1(num##_le_##type); \
Datum num##_le_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) >= 0); } \
PG_FUNCTION_INFO_V1(num##_gt_##type); \
Datum num##_gt_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) < 0); } \
PG_FUNCTION_INFO_V1(num##_ge_##type); \
Datum num##_ge_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(cmp(kind, PG_GETARG_INT64(1), GETARG(0)) <= 0); } \
extern int no_such_variable

/* the three kinds of number of one type */
#define QUANTITY_NUMBER_CMP_ALL(type, kind) \
QUANTITY_NUMBER_CMP(type, kind, int4, PG_GETARG_INT32, quantity_cmp_int); \
QUANTITY_NUMBER_CMP(type, kind, int8, PG_GETARG_INT64, quantity_cmp_int); \
QUANTITY_NUMBER_CMP(type, kind, numeric, PG_GETARG_DATUM, quantity_cmp_numeric)

QUANTITY_NUMBER_CMP_ALL(mu_area, QUANTITY_AREA);
QUANTITY_NUMBER_CMP_ALL(yuan, QUANTITY_MONEY);
QUANTITY_NUMBER_CMP_ALL(yuan_per_mu, QUANTITY_PER_AREA);
