/*-------------------------------------------------------------------------
 *
 * quantity_ops.c
 *	  Dimension-safe arithmetic on mu_area, yuan and yuan_per_mu.
 *
 * T ± T → T, −T, abs(T), T × (int4|int8|numeric|float8) in both orders,
 * T ÷ (int4|int8|numeric|float8) → T, T ÷ T → numeric, and the cross-type
 * products and quotients of 元, 亩 and 元/亩.  Products and quotients use a
 * 128-bit (or exact numeric) intermediate and round half away from zero
 * (四舍五入); every overflow raises 22003 and every division by zero 22012.
 * Comparison, hashing and sorting reuse the int8 functions (see the SQL).
 *
 *-------------------------------------------------------------------------
 */
#include "decimal.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/numeric.h"

/* Stored units of 元/亩 per (分 / 10^-6 亩): 10^-4 元/亩 = y·10^8 / m. */
#define PER_MU_FACTOR	INT64CONST(100000000)

/* Raise 22012. */
pg_attribute_noreturn()
static void
division_by_zero(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DIVISION_BY_ZERO),
			 errmsg("division by zero")));
}

/* a + b, checked. */
static inline int64
quantity_add(QuantityKind kind, int64 a, int64 b)
{
	int64		result;

	if (unlikely(pg_add_s64_overflow(a, b, &result)))
		quantity_out_of_range(kind);
	return result;
}

/* a − b, checked. */
static inline int64
quantity_sub(QuantityKind kind, int64 a, int64 b)
{
	int64		result;

	if (unlikely(pg_sub_s64_overflow(a, b, &result)))
		quantity_out_of_range(kind);
	return result;
}

/* −a, checked (the most negative value has no negation). */
static inline int64
quantity_neg(QuantityKind kind, int64 a)
{
	if (unlikely(a == PG_INT64_MIN))
		quantity_out_of_range(kind);
	return -a;
}

/* a × an integer factor, checked. */
static inline int64
quantity_mul_int(QuantityKind kind, int64 a, int64 factor)
{
	return quantity_from_int128(kind, (int128) a * factor);
}

/* a ÷ an integer divisor, 四舍五入, checked. */
static inline int64
quantity_div_int(QuantityKind kind, int64 a, int64 divisor)
{
	if (unlikely(divisor == 0))
		division_by_zero();
	return quantity_from_int128(kind, int128_div_round(a, divisor));
}

/* a × a numeric factor, exact, 四舍五入 to the stored unit. */
static int64
quantity_mul_numeric(QuantityKind kind, int64 a, Datum factor)
{
	return quantity_from_numeric_units(kind,
									   DirectFunctionCall2(numeric_mul,
														   NumericGetDatum(int64_to_numeric(a)),
														   factor));
}

/* a ÷ a numeric divisor, exact, 四舍五入 to the stored unit. */
static int64
quantity_div_numeric(QuantityKind kind, int64 a, Datum divisor)
{
	Numeric		d = DatumGetNumeric(divisor);

	if (numeric_is_nan(d) || numeric_is_inf(d))
		return quantity_from_numeric_units(kind, divisor);	/* raises 22023 */
	if (DatumGetBool(DirectFunctionCall2(numeric_eq, divisor,
										 NumericGetDatum(int64_to_numeric(0)))))
		division_by_zero();
	return quantity_from_numeric_units(kind,
									   NumericGetDatum(numeric_div_round(int64_to_numeric(a), d, 0)));
}

/*
 * A long double product or quotient, 四舍五入 to a stored value.  The x86-64
 * long double holds every int64 exactly, so only the float8 factor itself
 * is inexact (use numeric for exact decimal factors).
 */
static inline int64
quantity_from_long_double(QuantityKind kind, long double v)
{
	v = roundl(v);
	/* the bounds are -2^63 (exact) and 2^63 (exclusive) */
	if (!(v >= -9223372036854775808.0L && v < 9223372036854775808.0L))
		quantity_out_of_range(kind);
	return (int64) v;
}

/* Raise 22023 for a NaN or infinite float8 operand (quantity_not_finite). */
static inline void
quantity_check_float8(QuantityKind kind, float8 f)
{
	if (unlikely(isnan(f)))
		quantity_not_finite(kind, "NaN");
	if (unlikely(isinf(f)))
		quantity_not_finite(kind, "infinity");
}

/* a × a float8 factor. */
static inline int64
quantity_mul_float8(QuantityKind kind, int64 a, float8 factor)
{
	quantity_check_float8(kind, factor);
	return quantity_from_long_double(kind, (long double) a * (long double) factor);
}

/* a ÷ a float8 divisor. */
static inline int64
quantity_div_float8(QuantityKind kind, int64 a, float8 divisor)
{
	quantity_check_float8(kind, divisor);
	if (unlikely(divisor == 0.0))
		division_by_zero();
	return quantity_from_long_double(kind, (long double) a / (long double) divisor);
}

/* a ÷ b of one type: a dimensionless numeric. */
static inline Datum
quantity_ratio(int64 a, int64 b)
{
	if (unlikely(b == 0))
		division_by_zero();
	return DirectFunctionCall2(numeric_div,
							   NumericGetDatum(int64_to_numeric(a)),
							   NumericGetDatum(int64_to_numeric(b)));
}

/*
 * The arithmetic entry points of one type; as for I/O, one macro defines the
 * identical set of each type (SQL names in extension/industry--1.0.sql).
 */
#define QUANTITY_OPS_FUNCTIONS(type, kind) \
/* T + T */ \
PG_FUNCTION_INFO_V1(type##_pl); \
Datum type##_pl(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_add(kind, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); } \
/* T − T */ \
PG_FUNCTION_INFO_V1(type##_mi); \
Datum type##_mi(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_sub(kind, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); } \
/* −T */ \
PG_FUNCTION_INFO_V1(type##_um); \
Datum type##_um(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_neg(kind, PG_GETARG_INT64(0))); } \
/* abs(T) */ \
PG_FUNCTION_INFO_V1(type##_abs); \
Datum type##_abs(PG_FUNCTION_ARGS) \
{ \
	int64		a = PG_GETARG_INT64(0); \
	PG_RETURN_INT64(a < 0 ? quantity_neg(kind, a) : a); \
} \
/* T × int8 */ \
PG_FUNCTION_INFO_V1(type##_mul_int8); \
Datum type##_mul_int8(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_int(kind, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); } \
/* int8 × T */ \
PG_FUNCTION_INFO_V1(int8_mul_##type); \
Datum int8_mul_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_int(kind, PG_GETARG_INT64(1), PG_GETARG_INT64(0))); } \
/* T × int4 */ \
PG_FUNCTION_INFO_V1(type##_mul_int4); \
Datum type##_mul_int4(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_int(kind, PG_GETARG_INT64(0), PG_GETARG_INT32(1))); } \
/* int4 × T */ \
PG_FUNCTION_INFO_V1(int4_mul_##type); \
Datum int4_mul_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_int(kind, PG_GETARG_INT64(1), PG_GETARG_INT32(0))); } \
/* T × numeric */ \
PG_FUNCTION_INFO_V1(type##_mul_numeric); \
Datum type##_mul_numeric(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_numeric(kind, PG_GETARG_INT64(0), PG_GETARG_DATUM(1))); } \
/* numeric × T */ \
PG_FUNCTION_INFO_V1(numeric_mul_##type); \
Datum numeric_mul_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_numeric(kind, PG_GETARG_INT64(1), PG_GETARG_DATUM(0))); } \
/* T × float8 */ \
PG_FUNCTION_INFO_V1(type##_mul_float8); \
Datum type##_mul_float8(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_float8(kind, PG_GETARG_INT64(0), PG_GETARG_FLOAT8(1))); } \
/* float8 × T */ \
PG_FUNCTION_INFO_V1(float8_mul_##type); \
Datum float8_mul_##type(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_mul_float8(kind, PG_GETARG_INT64(1), PG_GETARG_FLOAT8(0))); } \
/* T ÷ int8 */ \
PG_FUNCTION_INFO_V1(type##_div_int8); \
Datum type##_div_int8(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_div_int(kind, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); } \
/* T ÷ int4 */ \
PG_FUNCTION_INFO_V1(type##_div_int4); \
Datum type##_div_int4(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_div_int(kind, PG_GETARG_INT64(0), PG_GETARG_INT32(1))); } \
/* T ÷ numeric */ \
PG_FUNCTION_INFO_V1(type##_div_numeric); \
Datum type##_div_numeric(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_div_numeric(kind, PG_GETARG_INT64(0), PG_GETARG_DATUM(1))); } \
/* T ÷ float8 */ \
PG_FUNCTION_INFO_V1(type##_div_float8); \
Datum type##_div_float8(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(quantity_div_float8(kind, PG_GETARG_INT64(0), PG_GETARG_FLOAT8(1))); } \
/* T ÷ T → numeric */ \
PG_FUNCTION_INFO_V1(type##_div); \
Datum type##_div(PG_FUNCTION_ARGS) \
{ PG_RETURN_DATUM(quantity_ratio(PG_GETARG_INT64(0), PG_GETARG_INT64(1))); } \
extern int no_such_variable

QUANTITY_OPS_FUNCTIONS(mu_area, QUANTITY_AREA);
QUANTITY_OPS_FUNCTIONS(yuan, QUANTITY_MONEY);
QUANTITY_OPS_FUNCTIONS(yuan_per_mu, QUANTITY_PER_AREA);

/* yuan ÷ mu_area → yuan_per_mu (亩均): y·10^8 / m in stored units. */
PG_FUNCTION_INFO_V1(yuan_div_mu_area);
Datum
yuan_div_mu_area(PG_FUNCTION_ARGS)
{
	Yuan		y = PG_GETARG_YUAN(0);
	MuArea		m = PG_GETARG_MU_AREA(1);

	if (unlikely(m == 0))
		division_by_zero();
	PG_RETURN_YUAN_PER_MU(quantity_from_int128(QUANTITY_PER_AREA,
											   int128_div_round((int128) y * PER_MU_FACTOR, m)));
}

/* yuan ÷ yuan_per_mu → mu_area: y·10^8 / p in stored units. */
PG_FUNCTION_INFO_V1(yuan_div_yuan_per_mu);
Datum
yuan_div_yuan_per_mu(PG_FUNCTION_ARGS)
{
	Yuan		y = PG_GETARG_YUAN(0);
	YuanPerMu	p = PG_GETARG_YUAN_PER_MU(1);

	if (unlikely(p == 0))
		division_by_zero();
	PG_RETURN_MU_AREA(quantity_from_int128(QUANTITY_AREA,
										   int128_div_round((int128) y * PER_MU_FACTOR, p)));
}

/* yuan_per_mu × mu_area → yuan: p·m / 10^8 in stored units. */
static inline Yuan
per_mu_times_area(YuanPerMu p, MuArea m)
{
	return quantity_from_int128(QUANTITY_MONEY,
								int128_div_round((int128) p * m, PER_MU_FACTOR));
}

/* yuan_per_mu × mu_area → yuan. */
PG_FUNCTION_INFO_V1(yuan_per_mu_mul_mu_area);
Datum
yuan_per_mu_mul_mu_area(PG_FUNCTION_ARGS)
{
	PG_RETURN_YUAN(per_mu_times_area(PG_GETARG_YUAN_PER_MU(0), PG_GETARG_MU_AREA(1)));
}

/* mu_area × yuan_per_mu → yuan. */
PG_FUNCTION_INFO_V1(mu_area_mul_yuan_per_mu);
Datum
mu_area_mul_yuan_per_mu(PG_FUNCTION_ARGS)
{
	PG_RETURN_YUAN(per_mu_times_area(PG_GETARG_YUAN_PER_MU(1), PG_GETARG_MU_AREA(0)));
}

/*
 * per_mu_or_null(yuan, mu_area) → yuan_per_mu: 亩均 of one enterprise, NULL
 * when the land is 0 (a guarded division that, unlike NULLIF(land, '0亩'),
 * needs no operator lookup when a dumped view is restored).
 */
PG_FUNCTION_INFO_V1(yuan_div_mu_area_or_null);
Datum
yuan_div_mu_area_or_null(PG_FUNCTION_ARGS)
{
	Yuan		y = PG_GETARG_YUAN(0);
	MuArea		m = PG_GETARG_MU_AREA(1);

	if (m == 0)
		PG_RETURN_NULL();
	PG_RETURN_YUAN_PER_MU(quantity_from_int128(QUANTITY_PER_AREA,
											   int128_div_round((int128) y * PER_MU_FACTOR, m)));
}
