/*-------------------------------------------------------------------------
 *
 * evaluation_rules.c
 *	  Rule sets of the 亩均效益综合评价 as data: row checks (a trigger on the
 *	  three rule tables), the loader used by the engine, whole-set
 *	  validation, and the numeric <-> fixed-point helpers.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rel.h"

#include "evaluation.h"
#include "kit.h"

const char *const eval_indicator_codes[EVAL_NINDICATORS] = {
	"tax_per_mu", "va_per_mu", "revenue_per_mu", "va_per_energy",
	"va_per_emission", "labor_productivity", "rd_intensity", "tax_per_kwh",
	"revenue_per_kwh"
};

const char *const eval_indicator_names[EVAL_NINDICATORS] = {
	"亩均税收", "亩均增加值", "亩均营业收入", "单位能耗增加值",
	"单位排放增加值", "全员劳动生产率", "R&D经费支出占比", "单位电耗税收",
	"单位用电营业收入"
};

const char *const eval_indicator_units[EVAL_NINDICATORS] = {
	"万元/亩", "万元/亩", "万元/亩", "万元/吨标煤", "万元/吨", "万元/人",
	"ratio", "万元/万千瓦时", "万元/万千瓦时"
};

const char *const eval_input_names[EVAL_NINPUTS] = {
	"credit_code", "name", "scope", "industry_group", "year", "land", "tax",
	"value_added", "revenue", "main_revenue", "rd", "energy_tce", "emission_t",
	"employees", "electricity", "exempt_reason", "registered_on",
	"land_supplied_on", "producing", "veto_reason", "bonus", "penalty",
	"correction", "tenant", "landlord_code", "small_park", "unit_code"
};

static const char *const method_names[] = {"ratio", "lower_better", "minmax", "rank", "step"};
static const char *const bench_names[] = {"fixed", "ratio_of_sums", "mean", "median"};
static const char *const missing_names[EVAL_NMISSING] = EVAL_MISSING_NAMES;
static const char *const rounding_names[] = {"round", "floor", "ceil"};
static const char *const combine_names[] = {"none", "merged", "also"};
static const char *const cut_froms[] = {"top", "bottom"};

/*
 * A UTF-8 literal of this file in the database encoding (the Chinese texts
 * of results and messages; EUC_CN databases hold them too).
 */
const char *
eval_local(const char *utf8)
{
	return kit_local(utf8);
}

/* Raise 22003 for a score or value that does not fit. */
void
eval_out_of_range(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s is out of range", what)));
}

/* Index of s in names[0..n), or -1. */
static int
name_index(const char *s, const char *const *names, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* Comma-separated list of names, for hints. */
static char *
name_list(const char *const *names, int n)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", names[i]);
	return buf.data;
}

/* Parse a scoring method name (22023 if unknown). */
EvalMethod
eval_parse_method(const char *s)
{
	int			i = name_index(s, method_names, lengthof(method_names));

	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid scoring method \"%s\"", s),
				 errhint("Valid methods are: %s.",
						 name_list(method_names, lengthof(method_names)))));
	return (EvalMethod) i;
}

/*
 * Convert a numeric to an int64 counting 10^-digits units, rounding half
 * away from zero; 22023 for NaN or infinity, 22003 when out of range.
 */
int64
eval_numeric_to_scaled(Datum num, int digits, const char *what)
{
	Numeric		n = DatumGetNumeric(num);
	int64		result;
	static const int64 pow10[] = {
		INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
		INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
		INT64CONST(10000000), INT64CONST(100000000)
	};

	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s cannot be NaN or infinity", what)));
	Assert(digits >= 0 && digits <= 8);
	if (!numeric_round_to_int64(numeric_mul_opt_error(n, int64_to_numeric(pow10[digits]), NULL),
								&result))
		eval_out_of_range(what);
	return result;
}

/*
 * numeric of v × 10^-digits; with trim, trailing fractional zeros are
 * dropped (30.00000000 prints as 30).
 */
Datum
eval_scaled_to_numeric(int64 v, int digits, bool trim)
{
	if (trim)
	{
		while (digits > 0 && v % 10 == 0)
		{
			v /= 10;
			digits--;
		}
	}
	return NumericGetDatum(int64_div_fast_to_numeric(v, digits));
}

/* Exact: does numeric n have at most digits fractional digits (ignoring zeros)? */
static bool
numeric_fits_digits(Datum n, int digits)
{
	Datum		r = DirectFunctionCall2(numeric_round, n, Int32GetDatum(digits));

	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, r, n)) == 0;
}

/* Description of the rule set row being checked, for errcontext-like details. */
typedef struct RowReader
{
	HeapTuple	tuple;
	TupleDesc	desc;
	const char *table;
	char	   *where;			/* "rule set "x" 2022 (规上)" */
} RowReader;

/* Column value by name; *isnull set. */
static Datum
row_get(RowReader *r, const char *col, bool *isnull)
{
	int			att = SPI_fnumber(r->desc, col);

	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of %s does not exist", col, r->table)));
	return SPI_getbinval(r->tuple, r->desc, att, isnull);
}

/*
 * Column value by name, NULL when the table lacks the column (a column added
 * by the 1.1 update, read by the 1.1 library before ALTER EXTENSION UPDATE).
 */
static Datum
row_get_new(RowReader *r, const char *col, bool *isnull)
{
	if (SPI_fnumber(r->desc, col) <= 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return row_get(r, col, isnull);
}

/* Value of a column that must not be NULL. */
static Datum
row_required(RowReader *r, const char *col)
{
	bool		isnull;
	Datum		d = row_get(r, col, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s.%s must not be null", r->table, col),
				 errdetail("In %s.", r->where)));
	return d;
}

/* Non-NULL text column as a C string. */
static char *
row_text(RowReader *r, const char *col)
{
	return TextDatumGetCString(row_required(r, col));
}

/* Text column that must be one of names[]; returns its index. */
static int
row_choice(RowReader *r, const char *col, const char *const *names, int n)
{
	char	   *s = row_text(r, col);
	int			i = name_index(s, names, n);

	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value \"%s\" for %s.%s", s, r->table, col),
				 errdetail("In %s.", r->where),
				 errhint("Valid values are: %s.", name_list(names, n))));
	return i;
}

/*
 * Optional numeric column as 10^-digits units within (lo, hi] or [lo, hi]
 * (lo_open); false when NULL.
 */
static bool
row_scaled(RowReader *r, const char *col, int digits, int64 lo, bool lo_open,
		   int64 hi, int64 *result)
{
	bool		isnull;
	Datum		d = row_get(r, col, &isnull);
	int64		v;

	if (isnull)
		return false;
	if (numeric_is_nan(DatumGetNumeric(d)) || numeric_is_inf(DatumGetNumeric(d)) ||
		!numeric_fits_digits(d, digits))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.%s must be a finite number with at most %d decimal digits",
						r->table, col, digits),
				 errdetail("In %s: %s.", r->where,
						   DatumGetCString(DirectFunctionCall1(numeric_out, d)))));
	/* range check in numeric first so that huge values give this error too */
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, d,
										  NumericGetDatum(int64_to_numeric(hi)))) > 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, d,
										  NumericGetDatum(int64_to_numeric(lo)))) < (lo_open ? 1 : 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.%s must be %s %lld and at most %lld",
						r->table, col, lo_open ? "greater than" : "at least",
						(long long) lo, (long long) hi),
				 errdetail("In %s: %s.", r->where,
						   DatumGetCString(DirectFunctionCall1(numeric_out, d)))));
	v = eval_numeric_to_scaled(d, digits, col);
	*result = v;
	return true;
}

/* Optional int column; -1 when NULL. Must be within [lo, hi]. */
static int32
row_int(RowReader *r, const char *col, int32 lo, int32 hi)
{
	bool		isnull;
	Datum		d = row_get(r, col, &isnull);
	int32		v;

	if (isnull)
		return -1;
	v = DatumGetInt32(d);
	if (v < lo || v > hi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.%s must be between %d and %d", r->table, col, lo, hi),
				 errdetail("In %s: %d.", r->where, v)));
	return v;
}

/* Non-NULL boolean column. */
static bool
row_bool(RowReader *r, const char *col)
{
	return DatumGetBool(row_required(r, col));
}

/* Set up a reader for one row, naming its rule set. */
static void
row_init(RowReader *r, HeapTuple tuple, TupleDesc desc, const char *table)
{
	bool		isnull;
	Datum		y;
	char	   *code;
	char	   *scope;

	r->tuple = tuple;
	r->desc = desc;
	r->table = table;
	r->where = psprintf("a row of %s", table);
	code = row_text(r, "code");
	y = row_get(r, "year", &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s.year must not be null", table)));
	scope = row_text(r, "scope");
	r->where = psprintf("rule set \"%s\" %d (%s)", code, DatumGetInt32(y), scope);
}

/*
 * The condition of an evaluation list (评价名单): match_scope, land_from,
 * land_below, tenant.  A row with none of them takes the firms whose input
 * scope is its own name ("all": every firm), as in 1.0.
 */
static void
parse_list_condition(RowReader *r, CohortRule *c)
{
	bool		isnull,
				nscope,
				ntenant;
	Datum		d;

	d = row_get_new(r, "match_scope", &nscope);
	c->match_scope = nscope ? NULL : TextDatumGetCString(d);
	d = row_get_new(r, "land_from", &isnull);
	c->has_land_from = !isnull;
	c->land_from = isnull ? 0 : DatumGetInt64(d);
	d = row_get_new(r, "land_below", &isnull);
	c->has_land_below = !isnull;
	c->land_below = isnull ? 0 : DatumGetInt64(d);
	d = row_get_new(r, "tenant", &ntenant);
	c->tenant = ntenant ? -1 : DatumGetBool(d) ? 1 : 0;
	if ((c->has_land_from && c->land_from < 0) ||
		(c->has_land_from && c->has_land_below && c->land_below <= c->land_from) ||
		(c->has_land_below && c->land_below <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the land range of evaluation list %s is empty or negative", c->scope),
				 errdetail("In %s: land_from (以上) must be at least 0 and below land_below (不满).",
						   r->where)));
	if (nscope && ntenant && !c->has_land_from && !c->has_land_below &&
		strcmp(c->scope, "all") != 0)
		c->match_scope = c->scope;
}

/* Check and read one evaluation_scheme row. */
static void
parse_scheme_row(RowReader *r, CohortRule *c)
{
	static const char *const classifications[] = {"quota", "threshold"};
	static const char *const ties[] = {"up", "down"};
	static const char *const rd_dens[] = {"main_revenue", "revenue"};
	static const char *const vetoes[] = {"last_class", "downgrade"};
	bool		isnull;
	Datum		d;

	c->code = row_text(r, "code");
	c->year = DatumGetInt32(row_get(r, "year", &isnull));
	c->scope = row_text(r, "scope");
	if (c->scope[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_scheme.scope must not be empty"),
				 errdetail("In %s.", r->where)));
	(void) row_text(r, "jurisdiction");
	(void) row_text(r, "source");
	c->group_by_industry = row_bool(r, "group_by_industry");
	c->by_quota = row_choice(r, "classification", classifications,
							 lengthof(classifications)) == 0;
	c->quota_rounding = row_choice(r, "quota_rounding", rounding_names,
								   lengthof(rounding_names));
	c->tie_up = row_choice(r, "tie_rule", ties, lengthof(ties)) == 0;
	(void) row_required(r, "score_digits");
	c->score_digits = row_int(r, "score_digits", 0, EVAL_SCORE_DIGITS);
	c->rd_over_revenue = row_choice(r, "rd_denominator", rd_dens,
									lengthof(rd_dens)) == 1;
	d = row_get(r, "min_land", &isnull);
	c->has_min_land = !isnull;
	c->min_land = isnull ? 0 : DatumGetInt64(d);
	if (c->has_min_land && c->min_land < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_scheme.min_land must not be negative"),
				 errdetail("In %s.", r->where)));
	c->exempt_registered_years = row_int(r, "exempt_registered_years", 1, 100);
	c->exempt_land_years = row_int(r, "exempt_land_years", 1, 100);
	c->exempt_not_producing = row_bool(r, "exempt_not_producing");
	parse_list_condition(r, c);
	d = row_get_new(r, "tenant_follows_landlord", &isnull);
	c->follow_landlord = !isnull && DatumGetBool(d);
	(void) row_get_new(r, "combine", &isnull);
	c->combine = isnull ? COMBINE_NONE :
		(int8) row_choice(r, "combine", combine_names, lengthof(combine_names));
	d = row_get_new(r, "exempt_class", &isnull);
	c->exempt_class_code = isnull ? NULL : TextDatumGetCString(d);
	c->exempt_class = -1;
	c->veto_downgrade = row_choice(r, "veto_rule", vetoes, lengthof(vetoes)) == 1;
	(void) row_required(r, "veto_steps");
	c->veto_steps = row_int(r, "veto_steps", 1, 100);
	(void) row_bool(r, "builtin");
}

/*
 * Elements of an optional numeric[] column as 10^-digits units within
 * ±limit; returns the count, -1 when the column is NULL or absent.
 */
static int
row_numeric_array(RowReader *r, const char *col, int digits, int64 limit, int max,
				  int64 *out)
{
	bool		isnull;
	Datum		d = row_get_new(r, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (isnull)
		return -1;
	if (ARR_NDIM(DatumGetArrayTypeP(d)) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.%s must be a one-dimensional array", r->table, col),
				 errdetail("In %s.", r->where)));
	deconstruct_array(DatumGetArrayTypeP(d), NUMERICOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	if (n > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.%s has %d elements; at most %d are allowed", r->table, col, n, max),
				 errdetail("In %s.", r->where)));
	for (i = 0; i < n; i++)
	{
		Datum		cmp_hi,
					cmp_lo;

		if (nulls[i] || numeric_is_nan(DatumGetNumeric(elems[i])) ||
			numeric_is_inf(DatumGetNumeric(elems[i])) || !numeric_fits_digits(elems[i], digits))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s.%s must hold finite numbers with at most %d decimal digits",
							r->table, col, digits),
					 errdetail("In %s.", r->where)));
		cmp_hi = DirectFunctionCall2(numeric_cmp, elems[i], NumericGetDatum(int64_to_numeric(limit)));
		cmp_lo = DirectFunctionCall2(numeric_cmp, elems[i], NumericGetDatum(int64_to_numeric(-limit)));
		if (DatumGetInt32(cmp_hi) > 0 || DatumGetInt32(cmp_lo) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s.%s must lie between %lld and %lld", r->table, col,
							(long long) -limit, (long long) limit),
					 errdetail("In %s.", r->where)));
		out[i] = eval_numeric_to_scaled(elems[i], digits, col);
	}
	return n;
}

/*
 * The steps of a step-scored indicator (分档计分): steps are value
 * thresholds, strictly decreasing; step_points has one more element, the
 * points of a value below every step.  Other methods take neither.
 */
static void
parse_steps(RowReader *r, IndicatorRule *ir, const char *code)
{
	int64		pts[EVAL_MAX_STEPS + 2];
	int			ns = row_numeric_array(r, "steps", EVAL_VALUE_DIGITS,
									   PG_INT64_MAX / EVAL_VALUE_SCALE, EVAL_MAX_STEPS, ir->step8);
	int			np = row_numeric_array(r, "step_points", EVAL_SCORE_DIGITS,
									   EVAL_MAX_FACTOR * EVAL_MAX_FACTOR, EVAL_MAX_STEPS + 1, pts);
	int			j;

	ir->nsteps = 0;
	if (ir->method != METHOD_STEP)
	{
		if (ns >= 0 || np >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("indicator %s has steps but is scored by %s", code,
							method_names[ir->method]),
					 errdetail("In %s.", r->where),
					 errhint("Set method to step, or steps and step_points to NULL.")));
		return;
	}
	if (ns < 1 || np != ns + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("indicator %s scored by step needs at least one step and one more step_points than steps",
						code),
				 errdetail("In %s: %d steps, %d step_points.", r->where, Max(ns, 0), Max(np, 0)),
				 errhint("step_points[i] is scored from steps[i] up; the last element scores a value below every step.")));
	for (j = 1; j < ns; j++)
		if (ir->step8[j] >= ir->step8[j - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("steps of indicator %s must be strictly decreasing", code),
					 errdetail("In %s.", r->where)));
	ir->nsteps = ns;
	memcpy(ir->points6, pts, sizeof(int64) * np);
}

/* Input columns an indicator definition may sum, and whether each is money. */
static const EvalInput quantity_inputs[] = {
	IN_TAX, IN_VALUE_ADDED, IN_REVENUE, IN_MAIN_REVENUE, IN_RD,
	IN_LAND, IN_ENERGY, IN_EMISSION, IN_EMPLOYEES, IN_ELECTRICITY
};

/* The nine built-in definitions, used only by a 1.0 schema (no evaluation_indicator_def). */
static const char *const builtin_parts[EVAL_NINDICATORS][2] = {
	{"tax", "land"}, {"value_added", "land"}, {"revenue", "land"},
	{"value_added", "energy_tce"}, {"value_added", "emission_t"},
	{"value_added", "employees"}, {"rd", "main_revenue"}, {"tax", "electricity"},
	{"revenue", "electricity"}
};

/* One row of evaluation_indicator_def, checked. */
typedef struct IndicatorDef
{
	char	   *code;
	char	   *name;
	char	   *unit;
	int			nnum;
	char	   *num[EVAL_MAX_PARTS];
	bool		num_money;		/* kind of the columns not known to the engine */
	int			nden;
	char	   *den[EVAL_MAX_PARTS];
	bool		den_money;
	int64		scale6;
} IndicatorDef;

/* Name of input i of a rule set (the fixed inputs, then its custom columns). */
const char *
eval_input_name(const RuleSet *rs, int input)
{
	return input < EVAL_NINPUTS ? eval_input_names[input] :
		rs->custom_names[input - EVAL_NINPUTS];
}

/* Is input i read as money (元, 2 decimals) rather than a quantity (6 decimals)? */
bool
eval_input_is_money(const RuleSet *rs, int input)
{
	int			i;

	if (input >= EVAL_NINPUTS)
		return rs->custom_money[input - EVAL_NINPUTS];
	for (i = 0; i < 5; i++)		/* the money inputs lead quantity_inputs[] */
		if ((int) quantity_inputs[i] == input)
			return true;
	return false;
}

/* Index of a fixed input an indicator may sum, -1 for a name the engine does not know. */
static int
known_quantity_input(const char *name)
{
	int			i;

	for (i = 0; i < (int) lengthof(quantity_inputs); i++)
		if (strcmp(eval_input_names[quantity_inputs[i]], name) == 0)
			return quantity_inputs[i];
	return -1;
}

/*
 * Check one side (numerator or denominator) of a definition: 1 to 8
 * distinct column names, lower-case identifiers, none of the engine's
 * non-quantity inputs, all money or all quantities.
 */
static int
parse_def_side(const char *where, const char *col, Datum arr, char **names, bool money)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i,
				j,
				nmoney = 0;

	deconstruct_array(DatumGetArrayTypeP(arr), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	if (n < 1 || n > EVAL_MAX_PARTS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_indicator_def.%s must name 1 to %d columns", col, EVAL_MAX_PARTS),
				 errdetail("In %s.", where)));
	for (i = 0; i < n; i++)
	{
		char	   *name;
		const char *c;
		int			known;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("evaluation_indicator_def.%s must not contain nulls", col),
					 errdetail("In %s.", where)));
		name = TextDatumGetCString(elems[i]);
		for (c = name; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || *c == '_' || (c > name && *c >= '0' && *c <= '9')))
				break;
		if (*c || c == name || strlen(name) >= NAMEDATALEN)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid column name \"%s\" in evaluation_indicator_def.%s", name, col),
					 errdetail("In %s.", where),
					 errhint("Use the lower-case name of a column of the evaluation query, e.g. cod_t.")));
		known = known_quantity_input(name);
		if (known < 0 && name_index(name, eval_input_names, EVAL_NINPUTS) >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("column \"%s\" cannot be part of an indicator", name),
					 errdetail("In %s: it is an identity, date, flag or adjustment column of the engine.", where)));
		for (j = 0; j < i; j++)
			if (strcmp(names[j], name) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column \"%s\" appears twice in evaluation_indicator_def.%s", name, col),
						 errdetail("In %s.", where)));
		names[i] = name;
		if (known >= 0 ? eval_input_is_money(NULL, known) : money)
			nmoney++;
	}
	if (nmoney != 0 && nmoney != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_indicator_def.%s sums money and other quantities", col),
				 errdetail("In %s.", where),
				 errhint("Money columns (tax, value_added, revenue, main_revenue, rd, or %s_kind money) and quantities cannot be added.", col)));
	return n;
}

/* Check and read one row of evaluation_indicator_def. */
static void
parse_def_row(HeapTuple tuple, TupleDesc desc, IndicatorDef *d)
{
	RowReader	r;
	const char *c;
	static const char *const kinds[] = {"quantity", "money"};

	r.tuple = tuple;
	r.desc = desc;
	r.table = "evaluation_indicator_def";
	r.where = "a row of evaluation_indicator_def";
	d->code = row_text(&r, "indicator");
	r.where = psprintf("indicator definition \"%s\"", d->code);
	for (c = d->code; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || *c == '_' || (c > d->code && *c >= '0' && *c <= '9')))
			break;
	if (*c || c == d->code || strlen(d->code) > 40)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid indicator code \"%s\"", d->code),
				 errhint("Use 1 to 40 lower-case letters, digits and underscores, starting with a letter or underscore.")));
	d->name = row_text(&r, "name");
	d->unit = row_text(&r, "unit");
	if (d->name[0] == '\0' || d->unit[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_indicator_def.name and unit must not be empty"),
				 errdetail("In %s.", r.where)));
	d->num_money = row_choice(&r, "numerator_kind", kinds, lengthof(kinds)) == 1;
	d->den_money = row_choice(&r, "denominator_kind", kinds, lengthof(kinds)) == 1;
	d->nnum = parse_def_side(r.where, "numerator", row_required(&r, "numerator"), d->num,
							 d->num_money);
	d->nden = parse_def_side(r.where, "denominator", row_required(&r, "denominator"), d->den,
							 d->den_money);
	if (!row_scaled(&r, "scale", EVAL_FACTOR_DIGITS, 0, true, EVAL_MAX_SCALE, &d->scale6))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("evaluation_indicator_def.scale must not be null"),
				 errdetail("In %s.", r.where)));
	(void) row_bool(&r, "builtin");
}

/* Input index of a definition's column in rule set rs (a custom column is added). */
static int
resolve_part(RuleSet *rs, const char *name, bool money, const char *code)
{
	int			known = known_quantity_input(name);
	int			i;

	if (known >= 0)
		return known;
	for (i = 0; i < rs->ncustom; i++)
		if (strcmp(rs->custom_names[i], name) == 0)
		{
			if (rs->custom_money[i] != money)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column \"%s\" is money in one indicator of rule set \"%s\" %d and a quantity in another",
								name, rs->code, rs->year),
						 errdetail("Indicator %s reads it as %s.", code, money ? "money" : "a quantity")));
			return EVAL_NINPUTS + i;
		}
	if (rs->ncustom == EVAL_MAX_CUSTOM)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("rule set \"%s\" %d reads more than %d columns of its own indicators",
						rs->code, rs->year, EVAL_MAX_CUSTOM)));
	rs->custom_names[rs->ncustom] = pstrdup(name);
	rs->custom_money[rs->ncustom] = money;
	return EVAL_NINPUTS + rs->ncustom++;
}

/* Fill an indicator rule of list c from its definition. */
static void
apply_def(RuleSet *rs, CohortRule *c, IndicatorRule *ir, const IndicatorDef *d)
{
	int			i;

	ir->indicator = name_index(d->code, eval_indicator_codes, EVAL_NINDICATORS);
	ir->name = d->name;
	ir->unit = d->unit;
	ir->scale6 = d->scale6;
	ir->nnum = d->nnum;
	ir->taxed = false;
	for (i = 0; i < d->nnum; i++)
	{
		ir->num_in[i] = resolve_part(rs, d->num[i], d->num_money, d->code);
		if (ir->num_in[i] == IN_TAX)
			ir->taxed = true;
	}
	ir->nden = d->nden;
	for (i = 0; i < d->nden; i++)
		ir->den_in[i] = resolve_part(rs, d->den[i], d->den_money, d->code);
	/* R&D over 营业收入 when the list says so (Jiangshan, Longyou, Wenling) */
	if (ir->indicator == IND_RD_INTENSITY && c->rd_over_revenue && ir->nden == 1 &&
		ir->den_in[0] == IN_MAIN_REVENUE)
		ir->den_in[0] = IN_REVENUE;
}

/* The built-in definition k, for a 1.0 schema without evaluation_indicator_def. */
static void
builtin_def(int k, IndicatorDef *d)
{
	d->code = (char *) eval_indicator_codes[k];
	d->name = (char *) eval_local(eval_indicator_names[k]);
	d->unit = (char *) eval_local(eval_indicator_units[k]);
	d->nnum = d->nden = 1;
	d->num[0] = (char *) builtin_parts[k][0];
	d->den[0] = (char *) builtin_parts[k][1];
	d->num_money = d->den_money = false;
	d->scale6 = EVAL_FACTOR_SCALE;
}

/*
 * All indicator definitions (SPI connected): the rows of
 * evaluation_indicator_def, or the nine built-ins when the table does not
 * exist yet (a 1.0 schema).
 */
static IndicatorDef *
load_defs(const char *schema, int *ndefs, bool read_only)
{
	MemoryContext outer = CurrentMemoryContext;
	IndicatorDef *defs;
	bool		isnull;
	Datum		exists;
	int			rc;
	uint64		i;

	rc = SPI_execute(psprintf("SELECT pg_catalog.to_regclass(%s) IS NOT NULL",
							  quote_literal_cstr(psprintf("%s.evaluation_indicator_def", schema))),
					 true, 1);
	exists = rc == SPI_OK_SELECT ? SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1,
												 &isnull) : BoolGetDatum(false);
	if (!DatumGetBool(exists))
	{
		MemoryContextSwitchTo(outer);
		defs = palloc(sizeof(IndicatorDef) * EVAL_NINDICATORS);
		for (i = 0; i < EVAL_NINDICATORS; i++)
			builtin_def((int) i, &defs[i]);
		*ndefs = EVAL_NINDICATORS;
		return defs;
	}
	rc = SPI_execute(psprintf("SELECT * FROM %s.evaluation_indicator_def", schema), read_only, 0);
	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not read evaluation_indicator_def: SPI error %d", rc)));
	MemoryContextSwitchTo(outer);
	defs = palloc(sizeof(IndicatorDef) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
		parse_def_row(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, &defs[i]);
	*ndefs = (int) SPI_processed;
	return defs;
}

/* The definition of code, or NULL. */
static const IndicatorDef *
find_def(const IndicatorDef *defs, int ndefs, const char *code)
{
	int			i;

	for (i = 0; i < ndefs; i++)
		if (strcmp(defs[i].code, code) == 0)
			return &defs[i];
	return NULL;
}

/* Raise 42704 for an indicator without a definition. */
pg_attribute_noreturn()
static void
unknown_indicator(const char *code, const char *where)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("unknown indicator \"%s\"", code),
			 errdetail("In %s.", where),
			 errhint("The nine built-in indicators are: %s; define others in evaluation_indicator_def.",
					 name_list(eval_indicator_codes, EVAL_NINDICATORS))));
}

/* Order of a list's indicators: the nine in their order, then defined ones by code. */
static int
indicator_order(const IndicatorRule *a, const IndicatorRule *b)
{
	int			ka = a->indicator >= 0 ? a->indicator : EVAL_NINDICATORS;
	int			kb = b->indicator >= 0 ? b->indicator : EVAL_NINDICATORS;

	if (ka != kb)
		return ka < kb ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* Check and read one evaluation_indicator row. */
static void
parse_indicator_row(RowReader *r, IndicatorRule *ir)
{
	char	   *code = row_text(r, "indicator");
	bool		has_bench;
	bool		has_missing_score;
	int64		max_points = (int64) EVAL_MAX_FACTOR * EVAL_SCORE_SCALE;
	int64		max = (int64) EVAL_MAX_FACTOR;

	ir->code = code;
	if (!row_scaled(r, "weight", EVAL_WEIGHT_DIGITS, 0, true, max, &ir->weight4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("evaluation_indicator.weight must not be null"),
				 errdetail("In %s, indicator %s.", r->where, code)));
	ir->method = (EvalMethod) row_choice(r, "method", method_names, lengthof(method_names));
	ir->bench_kind = (EvalBenchmarkKind) row_choice(r, "benchmark_kind", bench_names,
													lengthof(bench_names));
	has_bench = row_scaled(r, "benchmark", EVAL_VALUE_DIGITS, 0, true,
						   PG_INT64_MAX / EVAL_VALUE_SCALE, &ir->benchmark8);
	if (ir->method != METHOD_RATIO && ir->method != METHOD_LOWER_BETTER)
	{
		if (has_bench)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("indicator %s scored by %s takes no benchmark", code,
							method_names[ir->method]),
					 errdetail("In %s.", r->where),
					 errhint("minmax scores against the group's lowest and highest value, rank by the value's rank, step by its steps; set benchmark to NULL.")));
	}
	else if (ir->bench_kind == BENCH_FIXED && !has_bench)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("indicator %s has benchmark_kind fixed but no benchmark", code),
				 errdetail("In %s.", r->where)));
	else if (ir->bench_kind != BENCH_FIXED && has_bench)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("indicator %s has benchmark_kind %s and a fixed benchmark",
						code, bench_names[ir->bench_kind]),
				 errdetail("In %s.", r->where),
				 errhint("A derived benchmark is computed from the data; set benchmark to NULL or benchmark_kind to fixed.")));
	if (!has_bench)
		ir->benchmark8 = 0;
	if (!row_scaled(r, "multiplier", EVAL_FACTOR_DIGITS, 0, true, max, &ir->multiplier6))
		ir->multiplier6 = EVAL_FACTOR_SCALE;
	ir->has_cap = row_scaled(r, "cap", EVAL_WEIGHT_DIGITS, 0, true, max, &ir->cap4);
	ir->has_floor = row_scaled(r, "floor", EVAL_WEIGHT_DIGITS, -max, false, max,
							   &ir->floor4);
	if (ir->has_cap && ir->has_floor && ir->floor4 > ir->cap4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("floor of indicator %s is above its cap", code),
				 errdetail("In %s.", r->where)));
	ir->missing = (EvalMissing) row_choice(r, "missing", missing_names,
										   lengthof(missing_names));
	/* missing_score (1.1): the item score of a missing value under missing = 'score' */
	has_missing_score = SPI_fnumber(r->desc, "missing_score") > 0 &&
		row_scaled(r, "missing_score", EVAL_SCORE_DIGITS, -max_points, false, max_points,
				   &ir->missing_score6);
	if ((ir->missing == MISSING_SCORE) != has_missing_score)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg(ir->missing == MISSING_SCORE ?
						"indicator %s has missing = score but no missing_score" :
						"indicator %s has a missing_score but missing is not score", code),
				 errdetail("In %s.", r->where),
				 errhint("missing = 'score' gives a missing value the item score missing_score (e.g. -3 for \"缺少能耗数据扣3分\"); other rules take no missing_score.")));
	if (!has_missing_score)
		ir->missing_score6 = 0;
	parse_steps(r, ir, code);
	(void) row_bool(r, "builtin");
}

/* Check and read one evaluation_class row. */
static void
parse_class_row(RowReader *r, ClassRule *cr, int32 *position)
{
	bool		isnull;
	Datum		d = row_get(r, "position", &isnull);

	if (isnull || DatumGetInt32(d) < 1 || DatumGetInt32(d) > 26)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_class.position must be between 1 and 26"),
				 errdetail("In %s.", r->where)));
	*position = DatumGetInt32(d);
	cr->class_code = row_text(r, "class");
	if (cr->class_code[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("evaluation_class.class must not be empty"),
				 errdetail("In %s.", r->where)));
	cr->label = row_text(r, "label");
	cr->has_quota = row_scaled(r, "quota", EVAL_WEIGHT_DIGITS, 0, false, 100,
							   &cr->quota4);
	cr->has_min = row_scaled(r, "min_score", EVAL_SCORE_DIGITS,
							 -PG_INT64_MAX / EVAL_SCORE_SCALE, false,
							 PG_INT64_MAX / EVAL_SCORE_SCALE, &cr->min6);
	/* the cut-off below this class: its rounding (NULL: the scheme's) and direction */
	cr->cut_rounding = -1;
	(void) row_get_new(r, "cut_rounding", &isnull);
	if (!isnull)
		cr->cut_rounding = (int8) row_choice(r, "cut_rounding", rounding_names,
											 lengthof(rounding_names));
	(void) row_get_new(r, "cut_from", &isnull);
	cr->cut_from_bottom = !isnull &&
		row_choice(r, "cut_from", cut_froms, lengthof(cut_froms)) == 1;
	(void) row_bool(r, "builtin");
}

/* The rule set a rule row belongs to, for the kit's built-in row guard. */
static char *
rule_row_where(HeapTuple tup, TupleDesc desc, const char *table)
{
	RowReader	r;

	row_init(&r, tup, desc, table);
	return r.where;
}

/*
 * Trigger on the three rule tables: built-in rows are changed only by the
 * extension's own scripts, and every row is checked with the errors the
 * engine would raise.  Argument: 'scheme', 'indicator' or 'class'.
 */
PG_FUNCTION_INFO_V1(evaluation_rule_check);
Datum
evaluation_rule_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	const char *kind;
	const char *table;
	HeapTuple	newtup = NULL;
	RowReader	r;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) || td->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("evaluation_rule_check must be a BEFORE ROW trigger with one argument")));
	desc = RelationGetDescr(td->tg_relation);
	kind = td->tg_trigger->tgargs[0];
	table = RelationGetRelationName(td->tg_relation);

	kit_rule_guard(td, rule_row_where,
				   "Copy the rule set with evaluation_copy_scheme() and edit the copy.");

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		return PointerGetDatum(td->tg_trigtuple);

	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	row_init(&r, newtup, desc, table);
	if (strcmp(kind, "scheme") == 0)
	{
		CohortRule	c;

		parse_scheme_row(&r, &c);
	}
	else if (strcmp(kind, "indicator") == 0)
	{
		IndicatorRule ir;
		IndicatorDef *defs;
		int			ndefs;

		parse_indicator_row(&r, &ir);
		SPI_connect();
		defs = load_defs(quote_identifier(get_namespace_name(RelationGetNamespace(td->tg_relation))),
						 &ndefs, true);
		if (find_def(defs, ndefs, ir.code) == NULL)
			unknown_indicator(ir.code, r.where);
		SPI_finish();
	}
	else
	{
		ClassRule	cr;
		int32		pos;

		parse_class_row(&r, &cr, &pos);
	}
	return PointerGetDatum(newtup);
}

/*
 * Trigger on evaluation_indicator_def: shipped definitions are read-only,
 * every row is checked, and a definition that a rule set uses cannot be
 * deleted or renamed (23503).
 */
PG_FUNCTION_INFO_V1(evaluation_indicator_def_check);
Datum
evaluation_indicator_def_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	IndicatorDef d;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("evaluation_indicator_def_check must be a BEFORE ROW trigger")));
	desc = RelationGetDescr(td->tg_relation);
	kit_rule_guard(td, NULL, "Define a new indicator with another code.");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		IndicatorDef old;
		IndicatorDef *newd = NULL;

		parse_def_row(td->tg_trigtuple, desc, &old);
		if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		{
			parse_def_row(td->tg_newtuple, desc, &d);
			newd = &d;
		}
		if (newd == NULL || strcmp(newd->code, old.code) != 0)
		{
			Oid			types[1] = {TEXTOID};
			Datum		vals[1] = {CStringGetTextDatum(old.code)};
			int			rc;

			SPI_connect();
			rc = SPI_execute_with_args(psprintf("SELECT code, year, scope FROM %s.evaluation_indicator WHERE indicator = $1 LIMIT 1",
												quote_identifier(get_namespace_name(RelationGetNamespace(td->tg_relation)))),
									   1, types, vals, NULL, true, 1);
			if (rc == SPI_OK_SELECT && SPI_processed > 0)
				ereport(ERROR,
						(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
						 errmsg("indicator %s is used by rule set \"%s\" %s (%s)", old.code,
								SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1),
								SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2),
								SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3)),
						 errhint("Delete or change the evaluation_indicator rows that use it first.")));
			SPI_finish();
		}
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple :
							   td->tg_trigtuple);
	}
	parse_def_row(td->tg_trigtuple, desc, &d);
	return PointerGetDatum(td->tg_trigtuple);
}

/* Cohort of the rule set with this scope. */
static CohortRule *
find_cohort(RuleSet *rs, const char *scope)
{
	int			i;

	for (i = 0; i < rs->ncohorts; i++)
		if (strcmp(rs->cohorts[i].scope, scope) == 0)
			return &rs->cohorts[i];
	return NULL;
}

/* Can one firm meet the conditions of both lists? */
static bool
lists_overlap(const CohortRule *a, const CohortRule *b)
{
	int64		lo_a = a->has_land_from ? a->land_from : PG_INT64_MIN;
	int64		hi_a = a->has_land_below ? a->land_below : PG_INT64_MAX;
	int64		lo_b = b->has_land_from ? b->land_from : PG_INT64_MIN;
	int64		hi_b = b->has_land_below ? b->land_below : PG_INT64_MAX;
	bool		land_a = a->has_land_from || a->has_land_below;
	bool		land_b = b->has_land_from || b->has_land_below;

	if (a->match_scope && b->match_scope && strcmp(a->match_scope, b->match_scope) != 0)
		return false;
	if (a->tenant >= 0 && b->tenant >= 0 && a->tenant != b->tenant)
		return false;
	/* a firm without land meets only lists without a land condition */
	if (land_a && land_b && (lo_a >= hi_b || lo_b >= hi_a))
		return false;
	return true;
}

/* Whole-set checks: indicators and classes present, quotas cover 100%, thresholds ordered. */
static void
validate_rules(RuleSet *rs)
{
	int			i,
				j;

	for (i = 0; i < rs->ncohorts; i++)
	{
		CohortRule *c = &rs->cohorts[i];
		char	   *where = psprintf("rule set \"%s\" %d (%s)", c->code, c->year, c->scope);

		if (rs->ncohorts > EVAL_MAX_LISTS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("rule set \"%s\" %d has more than %d evaluation lists",
							rs->code, rs->year, EVAL_MAX_LISTS)));
		if (c->match_scope)
			rs->lists_by_scope = true;
		if (c->has_land_from || c->has_land_below)
			rs->lists_by_land = true;
		if (c->tenant >= 0)
			rs->lists_by_tenant = true;
		if (i == 0)
			rs->combine = c->combine;
		else if (c->combine != rs->combine)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("evaluation lists %s and %s of rule set \"%s\" %d combine related firms differently",
							rs->cohorts[0].scope, c->scope, rs->code, rs->year),
					 errdetail("A combined unit (input unit_code) is formed before its list is known, so combine must be the same on every list."),
					 errhint("Set evaluation_scheme.combine to one value (none, merged, also) on every row of the rule set.")));
		for (j = 0; j < i; j++)
			if (lists_overlap(&rs->cohorts[j], c) &&
				!(strcmp(c->scope, "all") == 0 || strcmp(rs->cohorts[j].scope, "all") == 0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("evaluation lists %s and %s of rule set \"%s\" %d overlap",
								rs->cohorts[j].scope, c->scope, rs->code, rs->year),
						 errdetail("A firm can meet both conditions (match_scope, land_from, land_below, tenant); each firm must fall in exactly one list."),
						 errhint("Make the conditions exclusive, e.g. land_below on one list and the same value as land_from on the other.")));

		if (strcmp(c->scope, "all") == 0 && c->match_scope == NULL && c->tenant < 0 &&
			!c->has_land_from && !c->has_land_below && rs->ncohorts > 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("rule set \"%s\" %d has a scope \"all\" row and other scopes",
							rs->code, rs->year),
					 errhint("%s", eval_local("Use either one row of scope all, or rows for 规上 and 规下."))));
		if (c->nind == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s has no indicators", where),
					 errhint("Add rows to evaluation_indicator.")));
		if (c->nclass < 2)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s has %d classes; at least 2 are needed", where, c->nclass),
					 errhint("Add rows to evaluation_class.")));
		if (c->exempt_class_code != NULL)
		{
			for (j = 0; j < c->nclass; j++)
				if (strcmp(c->classes[j].class_code, c->exempt_class_code) == 0)
					c->exempt_class = j;
			if (c->exempt_class < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("exempt_class \"%s\" of %s is not one of its classes",
								c->exempt_class_code, where),
						 errhint("Name a class of evaluation_class for this scope, or set exempt_class to NULL.")));
		}
		for (j = 0; j < c->nclass; j++)
		{
			ClassRule  *cr = &c->classes[j];
			bool		cut_set = cr->cut_rounding >= 0 || cr->cut_from_bottom;

			if (cut_set && !c->by_quota)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("class %s of %s has a cut_rounding or cut_from but the classification is by threshold",
								cr->class_code, where),
						 errhint("cut_rounding and cut_from shape quota cut-offs; leave them at NULL and top.")));
			if (cut_set && j == c->nclass - 1)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the last class %s of %s has a cut_rounding or cut_from", cr->class_code, where),
						 errhint("Each class but the last sets the cut-off below it; the last class ends at the last firm.")));
			if (cr->cut_rounding < 0)
				cr->cut_rounding = (int8) c->quota_rounding;
		}
		if (c->by_quota)
		{
			int64		sum = 0;

			for (j = 0; j < c->nclass; j++)
			{
				if (!c->classes[j].has_quota)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("class %s of %s has no quota", c->classes[j].class_code, where),
							 errhint("Classification by quota needs a quota (percent) on every class.")));
				sum += c->classes[j].quota4;
			}
			if (sum != 100 * EVAL_WEIGHT_SCALE)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("quotas of %s add up to %s%%, not 100%%", where,
								DatumGetCString(DirectFunctionCall1(numeric_out,
																	eval_scaled_to_numeric(sum, EVAL_WEIGHT_DIGITS, true))))));
		}
		else
		{
			for (j = 0; j < c->nclass; j++)
			{
				ClassRule  *cr = &c->classes[j];

				if (j < c->nclass - 1 && !cr->has_min)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("class %s of %s has no min_score", cr->class_code, where),
							 errhint("Classification by threshold needs min_score on every class but the last.")));
				if (j == c->nclass - 1 && cr->has_min)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("the last class %s of %s must have no min_score", cr->class_code, where),
							 errhint("The last class takes every score below the others.")));
				if (j > 0 && j < c->nclass - 1 && cr->min6 >= c->classes[j - 1].min6)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("min_score of class %s of %s is not below that of class %s",
									cr->class_code, where, c->classes[j - 1].class_code)));
			}
		}
	}
}

/*
 * Load and validate rule set (code, year) into the current memory context
 * (SPI must be connected; results are copied out of SPI memory).
 */
RuleSet *
eval_load_rules(Oid nsp, const char *code, int32 year, bool read_only)
{
	MemoryContext outer = CurrentMemoryContext;
	MemoryContext oldcxt;
	const char *schema = quote_identifier(get_namespace_name(nsp));
	RuleSet    *rs;
	IndicatorDef *defs;
	int			ndefs;
	uint64		i;

	rs = palloc0(sizeof(RuleSet));
	rs->code = pstrdup(code);
	rs->year = year;

	kit_rule_rows(psprintf("SELECT * FROM %s.evaluation_scheme WHERE code = $1 AND year = $2 "
						   "ORDER BY scope COLLATE \"C\"", schema), "rule set", code, year, read_only);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("rule set \"%s\" for year %d does not exist", code, year),
				 errhint("See the rows of evaluation_scheme, or copy a rule set with evaluation_copy_scheme().")));
	oldcxt = MemoryContextSwitchTo(outer);
	rs->ncohorts = (int) SPI_processed;
	rs->cohorts = palloc0(sizeof(CohortRule) * (rs->ncohorts + 1));	/* + the unlisted */
	for (i = 0; i < SPI_processed; i++)
	{
		RowReader	r;

		row_init(&r, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, "evaluation_scheme");
		parse_scheme_row(&r, &rs->cohorts[i]);
	}
	MemoryContextSwitchTo(oldcxt);

	defs = load_defs(schema, &ndefs, read_only);
	kit_rule_rows(psprintf("SELECT * FROM %s.evaluation_indicator WHERE code = $1 AND year = $2",
						   schema), "rule set", code, year, read_only);
	oldcxt = MemoryContextSwitchTo(outer);
	for (i = 0; i < SPI_processed; i++)
	{
		RowReader	r;
		IndicatorRule ir;
		CohortRule *c;
		const IndicatorDef *d;
		int			j;

		row_init(&r, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, "evaluation_indicator");
		parse_indicator_row(&r, &ir);
		d = find_def(defs, ndefs, ir.code);
		if (d == NULL)
			unknown_indicator(ir.code, r.where);
		c = find_cohort(rs, row_text(&r, "scope"));
		Assert(c != NULL);		/* foreign key */
		if (c->nind == EVAL_MAX_IND)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s has more than %d indicators", r.where, EVAL_MAX_IND)));
		apply_def(rs, c, &ir, d);
		/* keep the canonical indicator order */
		j = c->nind++;
		while (j > 0 && indicator_order(&c->ind[j - 1], &ir) > 0)
		{
			c->ind[j] = c->ind[j - 1];
			j--;
		}
		c->ind[j] = ir;
	}
	MemoryContextSwitchTo(oldcxt);

	kit_rule_rows(psprintf("SELECT * FROM %s.evaluation_class WHERE code = $1 AND year = $2 "
						   "ORDER BY scope COLLATE \"C\", position", schema), "rule set", code, year,
				  read_only);
	oldcxt = MemoryContextSwitchTo(outer);
	for (i = 0; i < (uint64) rs->ncohorts; i++)
		rs->cohorts[i].classes = palloc0(sizeof(ClassRule) * 26);
	for (i = 0; i < SPI_processed; i++)
	{
		RowReader	r;
		CohortRule *c;
		int32		pos;
		ClassRule	cr;

		row_init(&r, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, "evaluation_class");
		parse_class_row(&r, &cr, &pos);
		c = find_cohort(rs, row_text(&r, "scope"));
		Assert(c != NULL);
		if (c->nclass >= 26)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s has more than 26 classes", r.where)));
		c->classes[c->nclass++] = cr;
	}
	MemoryContextSwitchTo(oldcxt);

	validate_rules(rs);
	return rs;
}

/* Quota cut-offs of a cohort's classes for a group of n firms. */
void
eval_cohort_cuts(const CohortRule *c, int64 n, int64 *cut)
{
	int64		quota4[26];
	int8		rounding[26];
	bool		from_bottom[26];
	int			j;

	for (j = 0; j < c->nclass; j++)
	{
		quota4[j] = c->classes[j].quota4;
		rounding[j] = c->classes[j].cut_rounding;
		from_bottom[j] = c->classes[j].cut_from_bottom;
	}
	eval_quota_cuts(n, quota4, rounding, from_bottom, c->nclass, cut);
}

/* Check a whole rule set and raise the first problem found. */
PG_FUNCTION_INFO_V1(evaluation_validate);
Datum
evaluation_validate(PG_FUNCTION_ARGS)
{
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int32		year = PG_GETARG_INT32(1);

	SPI_connect();
	(void) eval_load_rules(get_func_namespace(fcinfo->flinfo->fn_oid), code, year, true);
	SPI_finish();
	PG_RETURN_VOID();
}
