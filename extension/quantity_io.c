/*-------------------------------------------------------------------------
 *
 * quantity_io.c
 *	  Text and binary I/O, validity checks, casts and unit conversion for
 *	  mu_area (亩), yuan (元) and yuan_per_mu (元/亩).
 *
 * The parsing and canonical formatting rules live in quantity.c, which is
 * shared with the fuzz and property tests; this file adapts them to the
 * server: database encoding, error reporting, numeric interplay.
 *
 *-------------------------------------------------------------------------
 */
#include "decimal.h"
#include "kit.h"

#include <math.h>

#include "common/string.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

PG_MODULE_MAGIC;

/*
 * Can the database encoding represent 亩, 元, 万, 亿 and 平方米?  Only UTF8
 * and EUC_CN among the server encodings; everything else (SQL_ASCII, LATIN1,
 * ...) gets the ASCII unit names.
 */
static inline bool
database_has_chinese_units(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_EUC_CN;
}

/* Input text (database encoding) as UTF-8, its length in *len (kit_text.c's edge). */
static inline const char *
input_as_utf8(const char *str, size_t *len)
{
	return kit_utf8_n(str, (int) strlen(str), len);
}

/* Canonical text of value: a plain decimal in the base unit, palloc'd. */
static char *
quantity_to_cstring(QuantityKind kind, int64 value)
{
	char		buf[QUANTITY_FORMAT_BUFSIZE];
	size_t		len = quantity_format_plain(kind, value, buf);

	return pnstrdup(buf, len);
}

/*
 * Display text of value with a unit chosen by magnitude (526.395671万元), in
 * the database encoding; ASCII base units where Chinese cannot be written.
 */
static text *
quantity_display_text(QuantityKind kind, int64 value)
{
	char		buf[QUANTITY_FORMAT_BUFSIZE];

	(void) quantity_format(kind, value, !database_has_chinese_units(), buf);
	return kit_text(buf);
}

/*
 * Parse str (database encoding) as kind.  Returns false only when a soft
 * error was saved into escontext (PostgreSQL 16+); raises otherwise.
 */
static bool
quantity_from_cstring(QuantityKind kind, const char *str, int64 *result,
					  Node *escontext)
{
	size_t		len;
	const char *utf8 = input_as_utf8(str, &len);
	QuantityError err;

	if (quantity_parse(kind, utf8, len, result, &err))
		return true;

	if (err.status == QUANTITY_OUT_OF_RANGE)
		errsave(escontext,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value \"%s\" is out of range for type %s",
						str, quantity_type_name(kind)),
				 errdetail("The range of %s is %s to %s %s.", quantity_type_name(kind),
						   quantity_to_cstring(kind, PG_INT64_MIN),
						   quantity_to_cstring(kind, PG_INT64_MAX),
						   kind == QUANTITY_AREA ? "mu" : kind == QUANTITY_MONEY ? "yuan" : "yuan/mu")));
	else
		errsave(escontext,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						quantity_type_name(kind), str),
				 errdetail("At character %d: %s",
						   pg_mbstrlen_with_len(utf8, err.position) + 1,
						   err.detail)));
	return false;
}

/* Parse text for the is_<type>() validity checks: true if it is a value. */
static bool
quantity_text_is_valid(QuantityKind kind, text *txt)
{
	size_t		len;
	const char *utf8 = input_as_utf8(text_to_cstring(txt), &len);
	QuantityError err;
	int64		value;

	return quantity_parse(kind, utf8, len, &value, &err);
}

/* Parse a unit name of kind (database encoding), raising 22023 if unknown. */
static QuantityUnit
quantity_unit_from_text(QuantityKind kind, text *unit_text)
{
	char	   *str = text_to_cstring(unit_text);
	size_t		len;
	const char *utf8 = input_as_utf8(str, &len);
	QuantityUnit unit;

	if (!quantity_unit_parse(kind, utf8, len, &unit))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not a unit of %s", str, quantity_type_name(kind)),
				 errhint("%s", kind == QUANTITY_AREA ?
						 "Area units are 亩, 万亩, 平方米, 万平方米, 公顷 and 平方公里 (or mu, m2, ha, km2)." :
						 kind == QUANTITY_MONEY ?
						 "Money units are 元, 千元, 万元, 百万元, 千万元, 亿元 and 万亿元 (or yuan, CNY, RMB)." :
						 "Per-area units are a money unit, \"/\" and an area unit, such as 万元/亩 or 元/平方米.")));
	return unit;
}

/* Numeric with trailing fractional zeros removed. */
static inline Datum
numeric_trimmed(Datum num)
{
	return DirectFunctionCall1(numeric_trim_scale, num);
}

/* Value of kind in base units (亩/元/元每亩) as an exact, trimmed numeric. */
static inline Datum
quantity_to_numeric(QuantityKind kind, int64 value)
{
	static const int log10_scale[QUANTITY_NKINDS] = {6, 2, 4};

	return numeric_trimmed(NumericGetDatum(int64_div_fast_to_numeric(value,
																	 log10_scale[kind])));
}

/* Value of kind expressed in the given unit, exact where the decimal ends. */
static Datum
quantity_in_unit(QuantityKind kind, int64 value, text *unit_text)
{
	QuantityUnit unit = quantity_unit_from_text(kind, unit_text);
	Datum		v = NumericGetDatum(int64_to_numeric(value));

	if (unit.den != 1)
		v = DirectFunctionCall2(numeric_mul, v, NumericGetDatum(int128_to_numeric(unit.den)));
	return numeric_trimmed(DirectFunctionCall2(numeric_div, v,
											   NumericGetDatum(int128_to_numeric(unit.num))));
}

/* A numeric amount in the given unit as a stored value of kind. */
static int64
quantity_from_unit(QuantityKind kind, Datum amount, text *unit_text)
{
	QuantityUnit unit = quantity_unit_from_text(kind, unit_text);
	Numeric		n = DatumGetNumeric(amount);
	Datum		units;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		return quantity_from_numeric_units(kind, amount);	/* raises */
	units = DirectFunctionCall2(numeric_mul, amount, NumericGetDatum(int128_to_numeric(unit.num)));
	if (unit.den != 1)
		units = NumericGetDatum(numeric_div_round(DatumGetNumeric(units),
												  int128_to_numeric(unit.den), 0));
	return quantity_from_numeric_units(kind, units);
}

/* Text of value in unit, rounded 四舍五入 to digits decimals, with the unit label. */
static text *
quantity_format_in_unit(QuantityKind kind, int64 value, text *unit_text, int32 digits)
{
	QuantityUnit unit = quantity_unit_from_text(kind, unit_text);
	Numeric		v = int64_to_numeric(value);
	char	   *number;
	const char *label;

	if (digits < 0 || digits > 20)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of decimal digits must be between 0 and 20, not %d", digits)));

	/* value · den / num, 四舍五入 to digits decimals */
	if (unit.den != 1)
		v = DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(v),
												NumericGetDatum(int128_to_numeric(unit.den))));
	number = DatumGetCString(DirectFunctionCall1(numeric_out,
												 NumericGetDatum(numeric_div_round(v, int128_to_numeric(unit.num),
																				   digits))));

	/* ASCII fallback: the unit as a power of ten of an ASCII base unit (0.0375e8 yuan) */
	if (!database_has_chinese_units())
	{
		if (unit.ascii_exp != 0)
			return cstring_to_text(psprintf("%se%d %s", number, unit.ascii_exp, unit.ascii_base));
		return cstring_to_text(psprintf("%s %s", number, unit.ascii_base));
	}
	label = kit_local(unit.label);
	return cstring_to_text(psprintf("%s%s", number, label));
}

/*
 * The I/O, cast and unit entry points of one type.  The three types share
 * every line of logic and differ only in their kind, so one macro defines
 * each type's set (SQL names in extension/industry--1.0.sql).
 */
#define QUANTITY_IO_FUNCTIONS(type, kind) \
/* Text input. */ \
PG_FUNCTION_INFO_V1(type##_in); \
Datum \
type##_in(PG_FUNCTION_ARGS) \
{ \
	int64		result = 0; \
\
	if (!quantity_from_cstring(kind, PG_GETARG_CSTRING(0), &result, fcinfo->context)) \
		PG_RETURN_NULL(); \
	PG_RETURN_INT64(result); \
} \
\
/* Canonical text output: a plain decimal in the base unit, as ::numeric prints. */ \
PG_FUNCTION_INFO_V1(type##_out); \
Datum \
type##_out(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_CSTRING(quantity_to_cstring(kind, PG_GETARG_INT64(0))); \
} \
\
/* Display text with a unit chosen by magnitude (format_auto). */ \
PG_FUNCTION_INFO_V1(type##_format_auto); \
Datum \
type##_format_auto(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_TEXT_P(quantity_display_text(kind, PG_GETARG_INT64(0))); \
} \
\
/* Binary input: a big-endian int64 of stored units (every int64 is valid). */ \
PG_FUNCTION_INFO_V1(type##_recv); \
Datum \
type##_recv(PG_FUNCTION_ARGS) \
{ \
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0); \
\
	binary_input_check_length(buf, 8, quantity_type_name(kind)); \
	PG_RETURN_INT64(pq_getmsgint64(buf)); \
} \
\
/* Binary output: a big-endian int64 of stored units. */ \
PG_FUNCTION_INFO_V1(type##_send); \
Datum \
type##_send(PG_FUNCTION_ARGS) \
{ \
	StringInfoData buf; \
\
	pq_begintypsend(&buf); \
	pq_sendint64(&buf, PG_GETARG_INT64(0)); \
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf)); \
} \
\
/* Does the text parse as a value?  Never raises for bad input. */ \
PG_FUNCTION_INFO_V1(type##_is_valid); \
Datum \
type##_is_valid(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quantity_text_is_valid(kind, PG_GETARG_TEXT_PP(0))); \
} \
\
/* Cast to numeric in base units (亩, 元, 元/亩), exact. */ \
PG_FUNCTION_INFO_V1(type##_to_numeric); \
Datum \
type##_to_numeric(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(quantity_to_numeric(kind, PG_GETARG_INT64(0))); \
} \
\
/* Cast to float8 in base units. */ \
PG_FUNCTION_INFO_V1(type##_to_float8); \
Datum \
type##_to_float8(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_FLOAT8((double) PG_GETARG_INT64(0) / (double) quantity_scale(kind)); \
} \
\
/* Cast from numeric in base units, rounded 四舍五入 to the stored unit. */ \
PG_FUNCTION_INFO_V1(type##_from_numeric); \
Datum \
type##_from_numeric(PG_FUNCTION_ARGS) \
{ \
	Datum		units = DirectFunctionCall2(numeric_mul, PG_GETARG_DATUM(0), \
											NumericGetDatum(int64_to_numeric(quantity_scale(kind)))); \
\
	PG_RETURN_INT64(quantity_from_numeric_units(kind, units)); \
} \
\
/* Cast from bigint in base units. */ \
PG_FUNCTION_INFO_V1(type##_from_int8); \
Datum \
type##_from_int8(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64(quantity_from_int128(kind, (int128) PG_GETARG_INT64(0) * quantity_scale(kind))); \
} \
\
/* Cast from integer in base units. */ \
PG_FUNCTION_INFO_V1(type##_from_int4); \
Datum \
type##_from_int4(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64(quantity_from_int128(kind, (int128) PG_GETARG_INT32(0) * quantity_scale(kind))); \
} \
\
/* The value as a number of the given unit (e.g. 万元), exact where it ends. */ \
PG_FUNCTION_INFO_V1(type##_to_unit); \
Datum \
type##_to_unit(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(quantity_in_unit(kind, PG_GETARG_INT64(0), PG_GETARG_TEXT_PP(1))); \
} \
\
/* A value from a number and its unit, e.g. (12.5, '万元'). */ \
PG_FUNCTION_INFO_V1(type##_from_unit); \
Datum \
type##_from_unit(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64(quantity_from_unit(kind, PG_GETARG_DATUM(0), PG_GETARG_TEXT_PP(1))); \
} \
\
/* Display text in a chosen unit with a fixed number of decimals. */ \
PG_FUNCTION_INFO_V1(type##_format_unit); \
Datum \
type##_format_unit(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_TEXT_P(quantity_format_in_unit(kind, PG_GETARG_INT64(0), PG_GETARG_TEXT_PP(1), \
											 PG_GETARG_INT32(2))); \
} \
extern int no_such_variable

QUANTITY_IO_FUNCTIONS(mu_area, QUANTITY_AREA);
QUANTITY_IO_FUNCTIONS(yuan, QUANTITY_MONEY);
QUANTITY_IO_FUNCTIONS(yuan_per_mu, QUANTITY_PER_AREA);
