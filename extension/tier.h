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
#include "kit.h"

#include "utils/array.h"
#include "utils/builtins.h"

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
	int			colno;			/* column number (attno), 0 = absent */
	Oid			typid;
	KitType		kind;			/* how its values are read */
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
} TierProgram;

/* tier_rules.c (called by tier.c only; calls nothing of tier.c) */
extern TierProgram *tier_compile(Oid nsp_oid, ArrayType *tiers, const KitColumns *cols);

#endif							/* INDUSTRY_TIER_H */
