/*
 * quantity_literals.c
 *	  Table-driven unit test of quantity.c: accepted literals with their
 *	  exact stored values, rejected literals with status and position, the
 *	  canonical output of chosen values in both modes, and unit names.
 *
 * Prints one line per failure and a final line "N passed, N failed"; the
 * exit status is non-zero on any failure.  (argv[1], the property count,
 * is ignored.)
 */
#include "quantity.h"

#include <stdio.h>
#include <string.h>

#define AREA QUANTITY_AREA
#define MONEY QUANTITY_MONEY
#define PER QUANTITY_PER_AREA
#define SYN QUANTITY_SYNTAX_ERROR
#define RANGE QUANTITY_OUT_OF_RANGE

/* A literal that must parse to an exact stored value. */
typedef struct Accepted
{
	QuantityKind kind;
	const char *text;
	int64_t		value;
} Accepted;

/* A literal that must be rejected with this status at this byte offset. */
typedef struct Rejected
{
	QuantityKind kind;
	const char *text;
	size_t		len;			/* 0: strlen(text) */
	QuantityStatus status;
	int			position;
} Rejected;

/* The canonical text of a value, in both modes. */
typedef struct Output
{
	QuantityKind kind;
	int64_t		value;
	const char *text;
	const char *ascii;
} Output;

/* A unit name and its exact factor in stored units. */
typedef struct UnitCase
{
	QuantityKind kind;
	const char *text;
	bool		ok;
	int64_t		num;
	int64_t		den;
	const char *label;
	int			num_exp10;		/* num is multiplied by 10^num_exp10 */
} UnitCase;

static const Accepted accepted[] = {
	/* seed figures (SPEC §2.1) */
	{AREA, "1069亩", INT64_C(1069000000)},
	{AREA, "194.4亩", INT64_C(194400000)},
	{AREA, "1673.91亩", INT64_C(1673910000)},
	{AREA, "215.39万平方米", INT64_C(3230850000)},
	{MONEY, "2298亿元", INT64_C(22980000000000)},
	{MONEY, "75.02亿元", INT64_C(750200000000)},
	{MONEY, "375.29万元", INT64_C(375290000)},
	{MONEY, "7199元", INT64_C(719900)},
	{PER, "500万元/亩", INT64_C(50000000000)},
	{PER, "32.5万元/亩", INT64_C(3250000000)},

	/* area: every unit spelling, spaces, case */
	{AREA, "1069", INT64_C(1069000000)},
	{AREA, "  1069 亩  ", INT64_C(1069000000)},
	{AREA, "\t1069\r\n", INT64_C(1069000000)},
	{AREA, "\xe3\x80\x80" "1069\xe3\x80\x80亩\xe3\x80\x80", INT64_C(1069000000)},
	/* the one white space set (whitespace.h): U+00A0, U+202F, U+2007, U+2009, VT, FF */
	{AREA, "\xc2\xa0" "1069\xc2\xa0亩\xc2\xa0", INT64_C(1069000000)},
	{AREA, "1069\xe2\x80\xaf亩", INT64_C(1069000000)},
	{AREA, "\xe2\x80\x87" "1069\xe2\x80\x89亩\v\f", INT64_C(1069000000)},
	{MONEY, "5\xc2\xa0元", INT64_C(500)},
	/* multipliers with and without 元, and before area units */
	{MONEY, "5千", INT64_C(500000)},
	{MONEY, "5千万", INT64_C(5000000000)},
	{MONEY, "5百万", INT64_C(500000000)},
	{MONEY, "5千万元", INT64_C(5000000000)},
	{PER, "5千/亩", INT64_C(50000000)},
	{PER, "5百万/公顷", INT64_C(3333333333)},
	{AREA, "5千公顷", INT64_C(75000000000)},
	{AREA, "5万平方公里", INT64_C(75000000000000)},
	{AREA, "5百万平方米", INT64_C(7500000000)},
	{AREA, "1069市亩", INT64_C(1069000000)},
	{AREA, "1069 mu", INT64_C(1069000000)},
	{AREA, "1069MU", INT64_C(1069000000)},
	{AREA, "2.5万亩", INT64_C(25000000000)},
	{AREA, "1公顷", INT64_C(15000000)},
	{AREA, "1 ha", INT64_C(15000000)},
	{AREA, "1 HA", INT64_C(15000000)},
	{AREA, "1hm²", INT64_C(15000000)},
	{AREA, "1 Hm2", INT64_C(15000000)},
	{AREA, "1平方米", INT64_C(1500)},
	{AREA, "1 m²", INT64_C(1500)},
	{AREA, "1m2", INT64_C(1500)},
	{AREA, "1 ㎡", INT64_C(1500)},
	{AREA, "1 sqm", INT64_C(1500)},
	{AREA, "1 SQM", INT64_C(1500)},
	{AREA, "1万平方米", INT64_C(15000000)},
	{AREA, "1平方公里", INT64_C(1500000000)},
	{AREA, "1平方千米", INT64_C(1500000000)},
	{AREA, "1 km²", INT64_C(1500000000)},
	{AREA, "1 KM2", INT64_C(1500000000)},
	{AREA, "2000 m²", INT64_C(3000000)},
	/* full-width digits, signs, points, separators */
	{AREA, "１０６９亩", INT64_C(1069000000)},
	{AREA, "－３．５亩", INT64_C(-3500000)},
	{AREA, "＋1,234．5 mu", INT64_C(1234500000)},
	{AREA, "−2亩", INT64_C(-2000000)},
	{AREA, "1,234,567.5亩", INT64_C(1234567500000)},
	{AREA, "1，234 亩", INT64_C(1234000000)},
	{AREA, "1,234.", INT64_C(1234000000)},
	{AREA, ".5亩", INT64_C(500000)},
	{AREA, "5.亩", INT64_C(5000000)},
	{AREA, "007", INT64_C(7000000)},
	/* exponents */
	{AREA, "1.5e3亩", INT64_C(1500000000)},
	{AREA, "2E-6亩", INT64_C(2)},
	{AREA, "1e12 mu", INT64_C(1000000000000000000)},
	{AREA, "1e２亩", INT64_C(100000000)},
	{AREA, "1e-7亩", INT64_C(0)},
	{AREA, "5e-7亩", INT64_C(1)},
	{AREA, "-5e-7亩", INT64_C(-1)},
	{AREA, "4.9999e-7亩", INT64_C(0)},
	{AREA, "0e99999999999999999999999", INT64_C(0)},
	{AREA, "1e-99999999999999999999", INT64_C(0)},
	{AREA, "-0", INT64_C(0)},
	{AREA, "-0.00000049 亩", INT64_C(0)},
	/* rounding at ...5, half away from zero */
	{AREA, "0.0000005亩", INT64_C(1)},
	{AREA, "0.0000004999999999999999999亩", INT64_C(0)},
	{AREA, "-0.0000005亩", INT64_C(-1)},
	{AREA, "1.0000015", INT64_C(1000002)},
	{AREA, "-1.0000015", INT64_C(-1000002)},
	{AREA, "2.0000025", INT64_C(2000003)},
	{AREA, "-2.0000025", INT64_C(-2000003)},
	{AREA, "0.001 m²", INT64_C(2)},
	{AREA, "-0.001m²", INT64_C(-2)},
	{AREA, "0.003 m²", INT64_C(5)},
	{AREA, "0.0003333 m²", INT64_C(0)},
	{AREA, "0.00033334 m²", INT64_C(1)},
	{AREA, "0.000333333333333333333333333334 m²", INT64_C(1)},
	{AREA, "0.000333333333333333333333333333 m²", INT64_C(0)},
	{AREA, "-0.000333333333333333333333333334 m²", INT64_C(-1)},
	/* range ends */
	{AREA, "9223372036854.775807亩", INT64_MAX},
	{AREA, "-9223372036854.775808亩", INT64_MIN},
	{AREA, "9223372036854.7758074亩", INT64_MAX},
	{AREA, "-9223372036854.7758084999", INT64_MIN},
	{AREA, "6148914691236517.204 m²", INT64_C(9223372036854775806)},
	{AREA, "6148914691236517.2049 m²", INT64_MAX},

	/* money: spellings, currency signs, multipliers */
	{MONEY, "7199", INT64_C(719900)},
	{MONEY, "7199 yuan", INT64_C(719900)},
	{MONEY, "7199 YUAN", INT64_C(719900)},
	{MONEY, "7199CNY", INT64_C(719900)},
	{MONEY, "7199 rmb", INT64_C(719900)},
	{MONEY, "¥7199", INT64_C(719900)},
	{MONEY, "￥7,199.00", INT64_C(719900)},
	{MONEY, "-¥5", INT64_C(-500)},
	{MONEY, "¥-5", INT64_C(-500)},
	{MONEY, "¥ 5", INT64_C(500)},
	{MONEY, "¥75.02亿", INT64_C(750200000000)},
	{MONEY, "￥3万", INT64_C(3000000)},
	{MONEY, "1千元", INT64_C(100000)},
	{MONEY, "1万", INT64_C(1000000)},
	{MONEY, "1万元", INT64_C(1000000)},
	{MONEY, "1百万元", INT64_C(100000000)},
	{MONEY, "1千万元", INT64_C(1000000000)},
	{MONEY, "1亿", INT64_C(10000000000)},
	{MONEY, "1亿元", INT64_C(10000000000)},
	{MONEY, "1万亿", INT64_C(100000000000000)},
	{MONEY, "1万亿元", INT64_C(100000000000000)},
	{MONEY, "1.5e+07", INT64_C(1500000000)},
	{MONEY, "1.5E7元", INT64_C(1500000000)},
	{MONEY, "0.1e1", INT64_C(100)},
	{MONEY, "123.4567890123亿元", INT64_C(1234567890123)},
	{MONEY, "0.005元", INT64_C(1)},
	{MONEY, "0.0049元", INT64_C(0)},
	{MONEY, "-0.005元", INT64_C(-1)},
	{MONEY, "0.015", INT64_C(2)},
	{MONEY, "-0.025", INT64_C(-3)},
	{MONEY, "12.345", INT64_C(1235)},
	{MONEY, "12.3449999999999999999999", INT64_C(1234)},
	{MONEY, "123456789012345678901234567890e-29", INT64_C(123)},
	{MONEY, "0.00000000000000000000000000000000000000000000000000001e53", INT64_C(100)},
	{MONEY, "92233720368547758.07", INT64_MAX},
	{MONEY, "-92233720368547758.08元", INT64_MIN},
	{MONEY, "92233720368547758.074", INT64_MAX},
	{MONEY, "922337203.6854775807亿元", INT64_MAX},
	{MONEY, "-922337203.6854775808亿元", INT64_MIN},
	{MONEY, "-92,233,720,368,547,758.08 yuan", INT64_MIN},

	/* per area */
	{PER, "850元/亩", INT64_C(8500000)},
	{PER, "850", INT64_C(8500000)},
	{PER, "850 元 / 亩", INT64_C(8500000)},
	{PER, "850元每亩", INT64_C(8500000)},
	{PER, "850元／亩", INT64_C(8500000)},
	{PER, "1 yuan/mu", INT64_C(10000)},
	{PER, "1 YUAN/MU", INT64_C(10000)},
	{PER, "1万/亩", INT64_C(100000000)},
	{PER, "¥32.5万/亩", INT64_C(3250000000)},
	{PER, "¥500/亩", INT64_C(5000000)},
	{PER, "1千元/亩", INT64_C(10000000)},
	{PER, "1百万元/亩", INT64_C(10000000000)},
	{PER, "1千万元/亩", INT64_C(100000000000)},
	{PER, "1亿元/亩", INT64_C(1000000000000)},
	{PER, "1万亿元/亩", INT64_C(10000000000000000)},
	{PER, "1元/平方米", INT64_C(6666667)},
	{PER, "-1元/平方米", INT64_C(-6666667)},
	{PER, "3元/平方米", INT64_C(20000000)},
	{PER, "1.5元/m2", INT64_C(10000000)},
	{PER, "1亿元/平方公里", INT64_C(666666667)},
	{PER, "1 CNY/ha", INT64_C(667)},
	{PER, "1元/公顷", INT64_C(667)},
	{PER, "1元/万平方米", INT64_C(667)},
	{PER, "1元/万亩", INT64_C(1)},
	{PER, "0.5元/万亩", INT64_C(1)},
	{PER, "0.4999元/万亩", INT64_C(0)},
	{PER, "-0.5元/万亩", INT64_C(-1)},
	{PER, "0.000000075元/平方米", INT64_C(1)},
	{PER, "0.0000000749999999999999元/平方米", INT64_C(0)},
	{PER, "-0.000000075元/平方米", INT64_C(-1)},
	{PER, "0.000000225元/平方米", INT64_C(2)},
	{PER, "0.00000022499999999999999999999元/平方米", INT64_C(1)},
	{PER, "1万亿元/平方米", INT64_C(6666666666666666667)},
	{PER, "922337203685477.5807", INT64_MAX},
	{PER, "-922337203685477.5808元/亩", INT64_MIN},
	{PER, "92233720368.54775807万元/亩", INT64_MAX},
	{PER, "-92233720368.54775808万元/亩", INT64_MIN},
};

static const Rejected rejected[] = {
	{AREA, "", 0, SYN, 0},
	{AREA, "   ", 0, SYN, 3},
	{AREA, "亩", 0, SYN, 0},
	{AREA, "abc", 0, SYN, 0},
	{AREA, "-", 0, SYN, 1},
	{AREA, "--5", 0, SYN, 1},
	{AREA, " - 5", 0, SYN, 2},
	{AREA, "5 5", 0, SYN, 2},
	{AREA, ".", 0, SYN, 0},
	{AREA, ".亩", 0, SYN, 0},
	{AREA, "12,34", 0, SYN, 2},
	{AREA, "1,2345", 0, SYN, 1},
	{AREA, "1234,567", 0, SYN, 4},
	{AREA, ",123", 0, SYN, 0},
	{AREA, "0,123", 0, SYN, 1},
	{AREA, "1,,234", 0, SYN, 2},
	{AREA, "1,234,56", 0, SYN, 5},
	{AREA, "1, 234", 0, SYN, 1},
	{AREA, "1.234,5", 0, SYN, 5},
	{AREA, "1.2.3", 0, SYN, 3},
	{AREA, "1e", 0, SYN, 2},
	{AREA, "1e+", 0, SYN, 3},
	{AREA, "1e亩", 0, SYN, 2},
	{AREA, "NaN", 0, SYN, 0},
	{AREA, "Infinity", 0, SYN, 0},
	{AREA, "5 acres", 0, SYN, 2},
	{AREA, "5 mux", 0, SYN, 2},
	{AREA, "5亩x", 0, SYN, 4},
	{AREA, "5 亩 亩", 0, SYN, 6},
	{AREA, "5元", 0, SYN, 1},
	{AREA, "¥5", 0, SYN, 0},
	{AREA, "1_000", 0, SYN, 1},
	{AREA, "0x10", 0, SYN, 1},
	{AREA, "5\0", 2, SYN, 1},
	{AREA, "\xff", 0, SYN, 0},
	{AREA, "5\xe4\xba", 0, SYN, 1},
	{MONEY, "5亩", 0, SYN, 1},
	{MONEY, "¥5元", 0, SYN, 3},
	{MONEY, "￥5 yuan", 0, SYN, 5},
	{MONEY, "¥¥5", 0, SYN, 2},
	{MONEY, "5元/亩", 0, SYN, 4},
	{MONEY, "5 万 元", 0, SYN, 6},
	{MONEY, "5 dollars", 0, SYN, 2},
	{MONEY, "1.5e", 0, SYN, 4},
	{MONEY, "5yuanx", 0, SYN, 1},
	{PER, "5万元", 0, SYN, 7},
	{PER, "5亩", 0, SYN, 1},
	{PER, "5元/", 0, SYN, 5},
	{PER, "5元/ha2", 0, SYN, 5},
	{PER, "5/亩", 0, SYN, 1},
	{PER, "5 元/亩 x", 0, SYN, 10},
	{PER, "¥5元/亩", 0, SYN, 3},
	/* out of range */
	{AREA, "9223372036854.7758075亩", 0, RANGE, 0},
	{AREA, "9223372036854.775808亩", 0, RANGE, 0},
	{AREA, "-9223372036854.7758085", 0, RANGE, 0},
	{AREA, "1e13亩", 0, RANGE, 0},
	{AREA, "1e99999999999999999999", 0, RANGE, 0},
	{AREA, "0.1e1000000000000", 0, RANGE, 0},
	{AREA, "6148914691236517.205 m²", 0, RANGE, 0},
	{AREA, "99999999999999999999999999999999999999999999999", 0, RANGE, 0},
	{MONEY, "  -1e20元", 0, RANGE, 2},
	{MONEY, "92233720368547758.075元", 0, RANGE, 0},
	{MONEY, "92233720368547758.08", 0, RANGE, 0},
	{MONEY, "-92233720368547758.085", 0, RANGE, 0},
	{MONEY, "922337203.6854775808亿元", 0, RANGE, 0},
	{MONEY, "¥92233720368547758.08", 0, RANGE, 0},
	{MONEY, "10万亿亿", 0, SYN, 8},
	{AREA, "1ｅ２亩", 0, SYN, 1},
	{PER, "2万亿元/平方米", 0, RANGE, 0},
	{PER, "922337203685477.58075", 0, RANGE, 0},
	{PER, "-922337203685477.58085元/亩", 0, RANGE, 0},
};

static const Output outputs[] = {
	{AREA, INT64_C(1069000000), "1069亩", "1069 mu"},
	{AREA, INT64_C(194400000), "194.4亩", "194.4 mu"},
	{AREA, INT64_C(-3500000), "-3.5亩", "-3.5 mu"},
	{AREA, INT64_C(3230850000), "3230.85亩", "3230.85 mu"},
	{AREA, 0, "0亩", "0 mu"},
	{AREA, 1, "0.000001亩", "0.000001 mu"},
	{AREA, -1, "-0.000001亩", "-0.000001 mu"},
	{AREA, INT64_MAX, "9223372036854.775807亩", "9223372036854.775807 mu"},
	{AREA, INT64_MIN, "-9223372036854.775808亩", "-9223372036854.775808 mu"},
	{MONEY, INT64_C(22980000000000), "2298亿元", "229800000000 yuan"},
	{MONEY, INT64_C(750200000000), "75.02亿元", "7502000000 yuan"},
	{MONEY, INT64_C(375290000), "375.29万元", "3752900 yuan"},
	{MONEY, INT64_C(719900), "7199元", "7199 yuan"},
	{MONEY, INT64_C(1234567890123), "123.4567890123亿元", "12345678901.23 yuan"},
	{MONEY, 1, "0.01元", "0.01 yuan"},
	{MONEY, -500, "-5元", "-5 yuan"},
	{MONEY, 0, "0元", "0 yuan"},
	{MONEY, INT64_C(999999), "9999.99元", "9999.99 yuan"},
	{MONEY, INT64_C(1000000), "1万元", "10000 yuan"},
	{MONEY, INT64_C(-1000000), "-1万元", "-10000 yuan"},
	{MONEY, INT64_C(9999999999), "9999.999999万元", "99999999.99 yuan"},
	{MONEY, INT64_C(10000000000), "1亿元", "100000000 yuan"},
	{MONEY, INT64_C(-10000000001), "-1.0000000001亿元", "-100000000.01 yuan"},
	{MONEY, INT64_MAX, "922337203.6854775807亿元", "92233720368547758.07 yuan"},
	{MONEY, INT64_MIN, "-922337203.6854775808亿元", "-92233720368547758.08 yuan"},
	{PER, INT64_C(3250000000), "32.5万元/亩", "325000 yuan/mu"},
	{PER, INT64_C(8500000), "850元/亩", "850 yuan/mu"},
	{PER, INT64_C(99999999), "9999.9999元/亩", "9999.9999 yuan/mu"},
	{PER, INT64_C(100000000), "1万元/亩", "10000 yuan/mu"},
	{PER, INT64_C(6666667), "666.6667元/亩", "666.6667 yuan/mu"},
	{PER, 1, "0.0001元/亩", "0.0001 yuan/mu"},
	{PER, 0, "0元/亩", "0 yuan/mu"},
	{PER, INT64_MAX, "92233720368.54775807万元/亩", "922337203685477.5807 yuan/mu"},
	{PER, INT64_MIN, "-92233720368.54775808万元/亩", "-922337203685477.5808 yuan/mu"},
};

static const UnitCase units[] = {
	{AREA, "", true, 1000000, 1, "亩", 0},
	{AREA, "亩", true, 1000000, 1, "亩", 0},
	{AREA, " 市亩 ", true, 1000000, 1, "亩", 0},
	{AREA, "MU", true, 1000000, 1, "亩", 0},
	{AREA, "万亩", true, INT64_C(10000000000), 1, "万亩", 0},
	{AREA, "公顷", true, 15000000, 1, "公顷", 0},
	{AREA, "ha", true, 15000000, 1, "公顷", 0},
	{AREA, "hm²", true, 15000000, 1, "公顷", 0},
	{AREA, "平方米", true, 1500, 1, "平方米", 0},
	{AREA, "㎡", true, 1500, 1, "平方米", 0},
	{AREA, "sqm", true, 1500, 1, "平方米", 0},
	{AREA, "万平方米", true, 15000000, 1, "万平方米", 0},
	{AREA, "km2", true, 1500000000, 1, "平方公里", 0},
	{AREA, "平方千米", true, 1500000000, 1, "平方公里", 0},
	{MONEY, "", true, 100, 1, "元", 0},
	{MONEY, "yuan", true, 100, 1, "元", 0},
	{MONEY, "RMB", true, 100, 1, "元", 0},
	{MONEY, "万", true, 1000000, 1, "万元", 0},
	{MONEY, "万元", true, 1000000, 1, "万元", 0},
	{MONEY, "千元", true, 100000, 1, "千元", 0},
	{MONEY, "百万元", true, 100000000, 1, "百万元", 0},
	{MONEY, "千万元", true, 1000000000, 1, "千万元", 0},
	{MONEY, "亿", true, INT64_C(10000000000), 1, "亿元", 0},
	{MONEY, "万亿元", true, INT64_C(100000000000000), 1, "万亿元", 0},
	{PER, "", true, 10000, 1, "元/亩", 0},
	{PER, "万元/亩", true, 100000000, 1, "万元/亩", 0},
	{PER, "元/平方米", true, 20000000, 3, "元/平方米", 0},
	{PER, "亿元/平方公里", true, 2000000000, 3, "亿元/平方公里", 0},
	{PER, "yuan/mu", true, 10000, 1, "元/亩", 0},
	{PER, "万/亩", true, 100000000, 1, "万元/亩", 0},
	{PER, "元每公顷", true, 2000, 3, "元/公顷", 0},
	{PER, "元/万亩", true, 1, 1, "元/万亩", 0},
	{PER, "万亿元/平方米", true, 2, 3, "万亿元/平方米", 19},
	{MONEY, "亩", false, 0, 0, NULL, 0},
	{AREA, "元", false, 0, 0, NULL, 0},
	{PER, "万元", false, 0, 0, NULL, 0},
	{PER, "/亩", false, 0, 0, NULL, 0},
	{AREA, "acre", false, 0, 0, NULL, 0},
	{MONEY, "¥", false, 0, 0, NULL, 0},
	{MONEY, "万 元", false, 0, 0, NULL, 0},
	{AREA, "mu2", false, 0, 0, NULL, 0},
	{AREA, "1亩", false, 0, 0, NULL, 0},
};

static int	passed;
static int	failed;

static const char *const kind_names[] = {"mu_area", "yuan", "yuan_per_mu"};

/* Count one check. */
static void
result(bool ok)
{
	if (ok)
		passed++;
	else
		failed++;
}

/* Accepted literals parse to their exact value. */
static void
test_accepted(void)
{
	size_t		i;

	for (i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++)
	{
		const Accepted *c = &accepted[i];
		int64_t		v = 0;
		QuantityError err;
		bool		ok = quantity_parse(c->kind, c->text, strlen(c->text), &v, &err);

		if (!ok)
			printf("FAIL accept %s \"%s\": error %d at %d: %s\n", kind_names[c->kind],
				   c->text, err.status, err.position, err.detail);
		else if (v != c->value)
			printf("FAIL accept %s \"%s\": got %lld, expected %lld\n", kind_names[c->kind],
				   c->text, (long long) v, (long long) c->value);
		result(ok && v == c->value);
	}
}

/* Rejected literals fail with their status, position and a sentence. */
static void
test_rejected(void)
{
	size_t		i;

	for (i = 0; i < sizeof(rejected) / sizeof(rejected[0]); i++)
	{
		const Rejected *c = &rejected[i];
		size_t		len = c->len ? c->len : strlen(c->text);
		int64_t		v = 0;
		QuantityError err;
		bool		ok = quantity_parse(c->kind, c->text, len, &v, &err);
		bool		good;

		if (ok)
		{
			printf("FAIL reject %s \"%s\": accepted as %lld\n", kind_names[c->kind],
				   c->text, (long long) v);
			result(false);
			continue;
		}
		good = err.status == c->status && err.position == c->position &&
			err.detail != NULL && strlen(err.detail) > 1 &&
			err.detail[strlen(err.detail) - 1] == '.';
		if (!good)
			printf("FAIL reject %s \"%s\": got status %d at %d (%s), expected %d at %d\n",
				   kind_names[c->kind], c->text, err.status, err.position,
				   err.detail ? err.detail : "(null)", c->status, c->position);
		result(good);
	}
}

/* Values format to their canonical text and re-parse exactly. */
static void
test_outputs(void)
{
	size_t		i;

	for (i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++)
	{
		const Output *c = &outputs[i];
		int			ascii;

		for (ascii = 0; ascii < 2; ascii++)
		{
			char		buf[QUANTITY_FORMAT_BUFSIZE];
			const char *want = ascii ? c->ascii : c->text;
			size_t		n = quantity_format(c->kind, c->value, ascii, buf);
			int64_t		back = 0;
			QuantityError err;
			bool		good = n == strlen(want) && strcmp(buf, want) == 0 &&
				quantity_parse(c->kind, buf, n, &back, &err) && back == c->value;

			if (!good)
				printf("FAIL format %s %lld (%s): got \"%s\", expected \"%s\"\n",
					   kind_names[c->kind], (long long) c->value,
					   ascii ? "ascii" : "utf8", buf, want);
			result(good);
		}
		/* the canonical text output: the ASCII number without its unit */
		{
			char		buf[QUANTITY_FORMAT_BUFSIZE];
			char		want[QUANTITY_FORMAT_BUFSIZE];
			size_t		n = quantity_format_plain(c->kind, c->value, buf);
			size_t		wl = strcspn(c->ascii, " ");
			int64_t		back = 0;
			QuantityError err;
			bool		good;

			memcpy(want, c->ascii, wl);
			want[wl] = '\0';
			good = strcmp(buf, want) == 0 && n == wl &&
				quantity_parse(c->kind, buf, n, &back, &err) && back == c->value;
			if (!good)
				printf("FAIL plain %s %lld: got \"%s\", expected \"%s\"\n",
					   kind_names[c->kind], (long long) c->value, buf, want);
			result(good);
		}
	}
}

/* Unit names give their exact factor and label. */
static void
test_units(void)
{
	size_t		i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
	{
		const UnitCase *c = &units[i];
		QuantityUnit u;
		bool		ok = quantity_unit_parse(c->kind, c->text, strlen(c->text), &u);
		bool		good;
		__int128	num = c->num;
		__int128	den = c->den;
		int			k;

		/* e.g. 万亿元/平方米 = 2 * 10^19 / 3, beyond int64 */
		for (k = 0; k < c->num_exp10; k++)
			num *= 10;
		if (!c->ok)
			good = !ok;
		else
			good = ok && u.num == num && u.den == den && strcmp(u.label, c->label) == 0;
		if (!good)
			printf("FAIL unit %s \"%s\": %s\n", kind_names[c->kind], c->text,
				   ok ? u.label : "not accepted");
		result(good);
	}
}

/* Run all tables. */
int
main(void)
{
	test_accepted();
	test_rejected();
	test_outputs();
	test_units();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
