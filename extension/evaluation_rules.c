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
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

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
	"correction"
};

static const char *const method_names[] = {"ratio", "lower_better", "minmax"};
static const char *const bench_names[] = {"fixed", "ratio_of_sums", "mean", "median"};
static const char *const missing_names[] = {
	"zero", "group_average_score", "renormalise", "error"
};
static const char *const rounding_names[] = {"round", "floor", "ceil"};

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

/* Check and read one evaluation_scheme row. */
static void
parse_scheme_row(RowReader *r, CohortRule *c)
{
	const char *const scopes[] = {eval_local("规上"), eval_local("规下"), "all"};
	static const char *const classifications[] = {"quota", "threshold"};
	static const char *const ties[] = {"up", "down"};
	static const char *const rd_dens[] = {"main_revenue", "revenue"};
	static const char *const vetoes[] = {"last_class", "downgrade"};
	bool		isnull;
	Datum		d;

	c->code = row_text(r, "code");
	c->year = DatumGetInt32(row_get(r, "year", &isnull));
	(void) row_choice(r, "scope", scopes, lengthof(scopes));
	c->scope = row_text(r, "scope");
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
	c->veto_downgrade = row_choice(r, "veto_rule", vetoes, lengthof(vetoes)) == 1;
	(void) row_required(r, "veto_steps");
	c->veto_steps = row_int(r, "veto_steps", 1, 100);
	(void) row_bool(r, "builtin");
}

/* Check and read one evaluation_indicator row. */
static void
parse_indicator_row(RowReader *r, IndicatorRule *ir)
{
	char	   *code = row_text(r, "indicator");
	int			i = name_index(code, eval_indicator_codes, EVAL_NINDICATORS);
	bool		has_bench;
	int64		max = (int64) EVAL_MAX_FACTOR;

	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("unknown indicator \"%s\"", code),
				 errdetail("In %s.", r->where),
				 errhint("Known indicators are: %s.",
						 name_list(eval_indicator_codes, EVAL_NINDICATORS))));
	ir->indicator = (EvalIndicator) i;
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
	if (ir->method == METHOD_MINMAX)
	{
		if (has_bench)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("indicator %s scored by minmax takes no benchmark", code),
					 errdetail("In %s.", r->where),
					 errhint("minmax scores against the lowest and highest value of the group; set benchmark to NULL.")));
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

		parse_indicator_row(&r, &ir);
	}
	else
	{
		ClassRule	cr;
		int32		pos;

		parse_class_row(&r, &cr, &pos);
	}
	return PointerGetDatum(newtup);
}

/* Run a rule query for (code, year); tuples in SPI_tuptable. */
static void
rule_query(const char *sql, const char *code, int32 year, bool read_only)
{
	Oid			types[2] = {TEXTOID, INT4OID};
	Datum		vals[2];
	int			rc;

	vals[0] = CStringGetTextDatum(code);
	vals[1] = Int32GetDatum(year);
	rc = SPI_execute_with_args(sql, 2, types, vals, NULL, read_only, 0);
	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not read rule set \"%s\" %d: SPI error %d", code, year, rc)));
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

		if (strcmp(c->scope, "all") == 0 && rs->ncohorts > 1)
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
	uint64		i;

	rs = palloc0(sizeof(RuleSet));
	rs->code = pstrdup(code);
	rs->year = year;

	rule_query(psprintf("SELECT * FROM %s.evaluation_scheme WHERE code = $1 AND year = $2 "
						"ORDER BY scope COLLATE \"C\"", schema), code, year, read_only);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("rule set \"%s\" for year %d does not exist", code, year),
				 errhint("See the rows of evaluation_scheme, or copy a rule set with evaluation_copy_scheme().")));
	oldcxt = MemoryContextSwitchTo(outer);
	rs->ncohorts = (int) SPI_processed;
	rs->cohorts = palloc0(sizeof(CohortRule) * rs->ncohorts);
	for (i = 0; i < SPI_processed; i++)
	{
		RowReader	r;

		row_init(&r, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, "evaluation_scheme");
		parse_scheme_row(&r, &rs->cohorts[i]);
	}
	MemoryContextSwitchTo(oldcxt);

	rule_query(psprintf("SELECT * FROM %s.evaluation_indicator WHERE code = $1 AND year = $2",
						schema), code, year, read_only);
	oldcxt = MemoryContextSwitchTo(outer);
	for (i = 0; i < SPI_processed; i++)
	{
		RowReader	r;
		IndicatorRule ir;
		CohortRule *c;
		int			j;

		row_init(&r, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, "evaluation_indicator");
		parse_indicator_row(&r, &ir);
		c = find_cohort(rs, row_text(&r, "scope"));
		Assert(c != NULL);		/* foreign key */
		/* keep the canonical indicator order */
		j = c->nind++;
		while (j > 0 && c->ind[j - 1].indicator > ir.indicator)
		{
			c->ind[j] = c->ind[j - 1];
			j--;
		}
		c->ind[j] = ir;
	}
	MemoryContextSwitchTo(oldcxt);

	rule_query(psprintf("SELECT * FROM %s.evaluation_class WHERE code = $1 AND year = $2 "
						"ORDER BY scope COLLATE \"C\", position", schema), code, year, read_only);
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

/* Numerator and denominator inputs of an indicator under a cohort's rules. */
void
eval_indicator_inputs(const CohortRule *c, EvalIndicator ind, EvalInput *num, EvalInput *den)
{
	switch (ind)
	{
		case IND_TAX_PER_MU:
			*num = IN_TAX;
			*den = IN_LAND;
			break;
		case IND_VA_PER_MU:
			*num = IN_VALUE_ADDED;
			*den = IN_LAND;
			break;
		case IND_REVENUE_PER_MU:
			*num = IN_REVENUE;
			*den = IN_LAND;
			break;
		case IND_VA_PER_ENERGY:
			*num = IN_VALUE_ADDED;
			*den = IN_ENERGY;
			break;
		case IND_VA_PER_EMISSION:
			*num = IN_VALUE_ADDED;
			*den = IN_EMISSION;
			break;
		case IND_LABOR_PRODUCTIVITY:
			*num = IN_VALUE_ADDED;
			*den = IN_EMPLOYEES;
			break;
		case IND_RD_INTENSITY:
			*num = IN_RD;
			*den = (c && c->rd_over_revenue) ? IN_REVENUE : IN_MAIN_REVENUE;
			break;
		case IND_TAX_PER_KWH:
			*num = IN_TAX;
			*den = IN_ELECTRICITY;
			break;
		case IND_REVENUE_PER_KWH:
			*num = IN_REVENUE;
			*den = IN_ELECTRICITY;
			break;
	}
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
