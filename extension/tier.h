/*-------------------------------------------------------------------------
 *
 * tier.h
 *	  梯度培育 tier eligibility engine: exact rational arithmetic, the
 *	  attribute and derived-metric catalogue, compiled rule sets.
 *
 * tier_rules.c loads the rule tables and compiles them; tier.c evaluates a
 * compiled rule set on each row of a query (or on one jsonb record) and
 * builds the result rows.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_TIER_H
#define INDUSTRY_TIER_H

#include "industry.h"

#include "utils/array.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

/* ---- exact rationals: n / d with d > 0 ---- */
#define INT128_MAX_VALUE	((int128) (((uint128) 1 << 127) - 1))
#define INT128_MIN_VALUE	(-INT128_MAX_VALUE - 1)

typedef struct Rat
{
	int128		n;
	int128		d;
} Rat;

/*
 * The engine works in UTF-8: rule-table text and the user values it compares
 * are converted when read (tier_utf8), and the text it makes (requirements,
 * gap phrases, labels) is converted to the database encoding when returned
 * (tier_text_datum).  User values it only passes through (credit_code, name)
 * stay as they are.
 */
static inline char *
tier_utf8(const char *s)
{
	int			enc = GetDatabaseEncoding();

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return unconstify(char *, s);
	return pg_server_to_any(s, strlen(s), PG_UTF8);
}

/* Text datum, in the database encoding, of a UTF-8 string. */
static inline Datum
tier_text_datum(const char *utf8)
{
	int			enc = GetDatabaseEncoding();

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return CStringGetTextDatum(utf8);
	return PointerGetDatum(cstring_to_text(pg_any_to_server(utf8, strlen(utf8), PG_UTF8)));
}

static inline Rat
rat_int(int64 v)
{
	Rat			r;

	r.n = v;
	r.d = 1;
	return r;
}

extern Rat	rat_make(int128 n, int128 d);
extern int	rat_cmp(Rat a, Rat b);
extern Rat	rat_add(Rat a, Rat b);
extern Rat	rat_sub(Rat a, Rat b);
extern Rat	rat_mul(Rat a, Rat b);
extern Rat	rat_div(Rat a, Rat b);
extern bool rat_parse(const char *s, Rat *r);
extern char *rat_to_cstring(Rat a, int digits);
extern int128 rat_ceil(Rat a);

/* ---- units of attributes and metrics (decide how gaps are phrased) ---- */
typedef enum TierUnit
{
	TU_NUMBER = 0,				/* plain number */
	TU_MONEY,					/* 元 */
	TU_RATIO,					/* fraction, printed as percent */
	TU_PEOPLE,					/* 人 */
	TU_COUNT,					/* 项 */
	TU_YEARS,					/* 年 */
	TU_FLAG,					/* boolean as 0/1 */
	TU_LEVEL,					/* ordinal level */
	TU_RANK,					/* rank, 1 = best */
	TU_POINTS,					/* 分 (score) */
	TU_TIER						/* prerequisite tier */
} TierUnit;

/* ---- one metric value on one row ---- */
typedef enum ValueState
{
	V_UNKNOWN = 0,
	V_KNOWN,					/* q */
	V_SQRTM1					/* sqrt(q) - 1, q >= 0 (geometric 2-year average) */
} ValueState;

typedef struct Value
{
	ValueState	state;
	Rat			q;
} Value;

/* three-valued results */
#define TV_FALSE	0
#define TV_TRUE		1
#define TV_UNKNOWN	2

/* ---- a range with Chinese legal boundary words ---- */
typedef struct Range
{
	bool		has_low;
	bool		low_incl;		/* 以上 (true) or 超过 (false) */
	bool		has_high;
	bool		high_incl;		/* 以下 (true) or 不满 (false) */
	Rat			low;
	Rat			high;
} Range;

/* derived metrics, computed in C from input attributes */
typedef enum DerivedKind
{
	DM_NONE = 0,
	DM_RATIO,					/* a / b */
	DM_SUM,						/* a + b */
	DM_AVG2,					/* (a + b) / 2 */
	DM_GROWTH,					/* a / b - 1 (b > 0) */
	DM_GROWTH2_ARITH,			/* ((a/b - 1) + (b/c - 1)) / 2 */
	DM_GROWTH2_GEO,				/* sqrt(a/c) - 1 */
	DM_BELOW_SCALE				/* scope = '规下' */
} DerivedKind;

/* an input attribute read from the query (or jsonb record) */
typedef struct TierInput
{
	char	   *name;
	const char *label;
	TierUnit	unit;
	bool		absent_no;		/* absent column may be read as "no" (0) */
	int			colno;			/* SPI column number, 0 = absent */
	Oid			typid;
} TierInput;

/* a metric: an input attribute or a derived metric */
typedef struct TierMetric
{
	char	   *name;
	const char *label;
	TierUnit	unit;
	DerivedKind derived;		/* DM_NONE: value of input[args[0]] */
	int			nargs;
	int			args[3];		/* input indexes */
	int			lever;			/* input index moved by gaps, -1 none */
} TierMetric;

/* criterion kinds */
typedef enum CritKind
{
	CK_METRIC = 0,
	CK_SCORE,					/* total score */
	CK_GROUP,					/* one score group */
	CK_PREREQ					/* another tier */
} CritKind;

typedef struct TierBand
{
	int			metric;
	Range		range;
	bool		points_is_value;
	Rat			points;			/* or the range's high end for value bands */
} TierBand;

typedef struct TierItem
{
	char	   *name;
	int			group;
	int			nbands;
	TierBand   *bands;
	int			nmetrics;		/* distinct metrics of the bands */
	int		   *metrics;
	Rat		   *floor_pts;		/* per metric: least points whatever its value */
	Datum		name_text;		/* name as text */
} TierItem;

typedef struct TierCrit
{
	char	   *name;
	char	   *label;
	int			req;			/* requirement index (AND across) */
	int			route;			/* route index within its requirement (OR) */
	CritKind	kind;
	int			metric;			/* CK_METRIC */
	int			group;			/* CK_GROUP */
	int			prereq;			/* CK_PREREQ: compiled tier index */
	char	   *prereq_code;
	Range		range;
	bool		has_cond;
	int			cond_metric;
	Range		cond;
	char	   *required_text;	/* range_text of range, made on first use */
	Datum		name_text;		/* name as text */
} TierCrit;

typedef struct TierRule
{
	char	   *code;
	char	   *version;
	char	   *label;
	bool		requested;
	int			ncrits;			/* sorted by (req, route) */
	TierCrit   *crits;
	int			nreqs;
	int			nroutes;
	int		   *route_req;		/* requirement of each route */
	int			nitems;
	TierItem   *items;
	int			ngroups;
	char	  **groups;
} TierRule;

/* a compiled call: tiers in evaluation order, inputs and metrics */
typedef struct TierProgram
{
	int			ntiers;
	TierRule   *tiers;
	int			nout;			/* requested tiers, in output order */
	int		   *out;			/* indexes into tiers */
	int			ninputs;
	TierInput  *inputs;
	int			nmetrics;
	TierMetric *metrics;
	int			in_credit_code; /* input indexes of pass-through columns, -1 */
	int			in_name;
	int			in_tiers_held;
	Oid			yuan_oid;		/* the extension's yuan type */
} TierProgram;

/* tier_rules.c */
extern TierProgram *tier_compile_cols(Oid nsp_oid, ArrayType *tiers, int ncols,
									  char **names, Oid *types);
extern int	tier_input_index(TierProgram *prog, const char *name);

/* tier.c */
extern int	range_test(const Range *r, const Value *v);
extern char *range_text(const Range *r, TierUnit unit);

#endif							/* INDUSTRY_TIER_H */
