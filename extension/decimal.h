/*-------------------------------------------------------------------------
 *
 * decimal.h
 *	  Exact decimal helpers (decimal.c): int128 decimal text, exact numeric
 *	  of an int128, 四舍五入 division and rounding of numeric, numeric
 *	  counts of stored units.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_DECIMAL_H
#define INDUSTRY_DECIMAL_H

#include "industry.h"

/* Decimal text of v at buf (INT128_BUFSIZE bytes), NUL-terminated; returns its end. */
extern char *int128_to_chars(int128 v, char *buf);

/* Parse [+-]digits at *p within [min, max], advancing *p. */
extern bool int128_from_chars(const char **p, int128 min, int128 max, int128 *result);

/* Exact numeric of an int128. */
extern struct NumericData *int128_to_numeric(int128 v);

/* Exact n / d rounded half away from zero (四舍五入) to scale decimals. */
extern struct NumericData *numeric_div_round(struct NumericData *n, struct NumericData *d, int scale);

/* numeric rounded 四舍五入 to an int64; false if NaN, infinite or too large. */
extern bool numeric_round_to_int64(struct NumericData *num, int64 *result);

/* numeric (in stored units) rounded 四舍五入 to a stored value of kind. */
extern int64 quantity_from_numeric_units(QuantityKind kind, Datum num);

#endif							/* INDUSTRY_DECIMAL_H */
