/*-------------------------------------------------------------------------
 *
 * quantity.h
 *	  Locale-independent parser and canonical formatter for the three
 *	  fixed-point quantity types (mu_area 亩, yuan 元, yuan_per_mu 元/亩).
 *
 * This file and quantity.c depend only on the C standard library so that
 * the libFuzzer harness and the property tests can build them without a
 * server.  All text is UTF-8; the backend converts from the database
 * encoding before calling in and after formatting.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_QUANTITY_H
#define INDUSTRY_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Which of the three types a text is parsed as or formatted for. */
typedef enum QuantityKind
{
	QUANTITY_AREA = 0,			/* mu_area: stored in 10^-6 亩 */
	QUANTITY_MONEY = 1,			/* yuan: stored in 分 (10^-2 元) */
	QUANTITY_PER_AREA = 2		/* yuan_per_mu: stored in 10^-4 元/亩 */
} QuantityKind;

#define QUANTITY_NKINDS 3

/* Stored units per base unit (亩, 元, 元/亩), indexed by QuantityKind. */
#define QUANTITY_AREA_SCALE		INT64_C(1000000)
#define QUANTITY_MONEY_SCALE	INT64_C(100)
#define QUANTITY_PER_AREA_SCALE INT64_C(10000)

/* Outcome of a parse. */
typedef enum QuantityStatus
{
	QUANTITY_OK = 0,
	QUANTITY_SYNTAX_ERROR,		/* SQLSTATE 22P02 */
	QUANTITY_OUT_OF_RANGE		/* SQLSTATE 22003 */
} QuantityStatus;

/* Where and why a parse failed. */
typedef struct QuantityError
{
	QuantityStatus status;
	int			position;		/* 0-based byte offset of the offending text */
	const char *detail;			/* static English sentence ending in a period */
} QuantityError;

/*
 * A unit as an exact rational factor: one of this unit is num/den stored
 * units (e.g. 1 平方米 = 1500/1 of 10^-6 亩; 1 元/平方米 = 20000000/3 of
 * 10^-4 元/亩).  Always reduced, den > 0.
 */
typedef struct QuantityUnit
{
	__int128	num;
	__int128	den;
	const char *label;			/* canonical spelling for display, UTF-8 */
	const char *ascii_base;		/* ASCII base unit: "yuan", "mu", "yuan/ha", ... */
	int			ascii_exp;		/* one unit is 10^ascii_exp ascii_base (亿元: 8) */
} QuantityUnit;

/*
 * The money word that starts str[0..len), longest match: a multiplier
 * (千, 万, 百万, 千万, 亿, 万亿) with or without 元, or 元 alone (yuan, CNY,
 * RMB).  Returns its byte length (0 if there is none) and sets *exp10 to its
 * power of ten and *currency to whether it names the currency (万元: true,
 * 万: false).  The intake reads a column header's multiplier with it.
 */
extern size_t quantity_money_word(const char *str, size_t len, int *exp10,
								  bool *currency);

/* Longest canonical output including the terminating NUL. */
#define QUANTITY_FORMAT_BUFSIZE 64

/*
 * Parse str[0..len) (UTF-8, need not be NUL-terminated) as a value of the
 * given kind.  On success store the value in stored units and return true;
 * otherwise fill *err and return false.  Never reads past len, never
 * allocates, never aborts.
 */
extern bool quantity_parse(QuantityKind kind, const char *str, size_t len,
						   int64_t *result, QuantityError *err);

/*
 * Parse a unit name alone (e.g. "万元", "公顷", "万元/亩", "" for the base
 * unit) for the given kind.  Returns false if it is not a unit of that kind.
 */
extern bool quantity_unit_parse(QuantityKind kind, const char *str, size_t len,
								QuantityUnit *unit);

/*
 * Write the canonical text of value into buf (at least
 * QUANTITY_FORMAT_BUFSIZE bytes), NUL-terminated; return its length: a plain
 * decimal number in the base unit (亩, 元, 元/亩) with trailing fractional
 * zeros removed and no unit, exactly what numeric prints for the value's
 * ::numeric cast ("5263956.71", "-0.5", "0").  This is the types' text
 * output; it always re-parses to exactly value.
 */
extern size_t quantity_format_plain(QuantityKind kind, int64_t value, char *buf);

/*
 * Write the display text of value into buf (at least
 * QUANTITY_FORMAT_BUFSIZE bytes), NUL-terminated; return its length: the
 * exact value with a unit chosen by magnitude, as bulletins write amounts
 * (526.395671万元, 3.00015亿元, 18.9万元/亩; areas always in 亩).
 * ascii = true uses ASCII unit names (for encodings without 亩/元) and
 * always the base unit.  The text always re-parses to exactly value.
 */
extern size_t quantity_format(QuantityKind kind, int64_t value, bool ascii,
							  char *buf);

#endif							/* INDUSTRY_QUANTITY_H */
