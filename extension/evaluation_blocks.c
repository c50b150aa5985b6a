/*-------------------------------------------------------------------------
 *
 * evaluation_blocks.c
 *	  Scalar building blocks of a hand-written 亩均 evaluation.  They call
 *	  the same fixed-point core as the one-call engine (evaluation.h), so a
 *	  query composed of them gives identical values, scores and classes.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "evaluation.h"

/* Elements of a one-dimensional array without NULLs. */
static void
array_elements(ArrayType *arr, Oid elemtype, const char *what, Datum **elems, int *n)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;
	bool	   *nulls;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s must be a one-dimensional array", what)));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, elems, &nulls, n);
	for (i = 0; i < *n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", what)));
}

/* numeric compared with zero. */
static int
numeric_sign_cmp(Datum n)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, n,
											 NumericGetDatum(int64_to_numeric(0))));
}

/*
 * indicator_value(numerator, denominator): the quotient rounded half away
 * from zero to 8 decimals, exactly; NULL when the denominator is zero or
 * negative (the engine's "missing value").
 */
PG_FUNCTION_INFO_V1(indicator_value);
Datum
indicator_value(PG_FUNCTION_ARGS)
{
	Datum		n = PG_GETARG_DATUM(0);
	Datum		d = PG_GETARG_DATUM(1);
	Datum		a,
				q,
				r,
				twice_r;
	int64		q64;

	if (numeric_is_nan(DatumGetNumeric(n)) || numeric_is_inf(DatumGetNumeric(n)) ||
		numeric_is_nan(DatumGetNumeric(d)) || numeric_is_inf(DatumGetNumeric(d)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("indicator_value does not accept NaN or infinity")));
	if (numeric_sign_cmp(d) <= 0)
		PG_RETURN_NULL();
	a = DirectFunctionCall2(numeric_mul, n, NumericGetDatum(int64_to_numeric(EVAL_VALUE_SCALE)));
	q = DirectFunctionCall2(numeric_div_trunc, a, d);
	r = DirectFunctionCall2(numeric_sub, a, DirectFunctionCall2(numeric_mul, q, d));
	twice_r = DirectFunctionCall1(numeric_abs,
								  DirectFunctionCall2(numeric_mul, r,
													  NumericGetDatum(int64_to_numeric(2))));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, twice_r, d)) >= 0)
		q = DirectFunctionCall2(numeric_add, q,
								NumericGetDatum(int64_to_numeric(numeric_sign_cmp(a) < 0 ? -1 : 1)));
	q64 = eval_numeric_to_scaled(q, 0, "indicator value");
	PG_RETURN_DATUM(eval_scaled_to_numeric(q64, EVAL_VALUE_DIGITS, true));
}

/* A numeric argument in 10^-digits units that must be > 0 (or >= lo_incl). */
static int64
arg_scaled(Datum d, int digits, const char *what, bool positive, int64 max)
{
	int64		v = eval_numeric_to_scaled(d, digits, what);
	int64		scale = 1;
	int			i;

	for (i = 0; i < digits; i++)
		scale *= 10;
	if (positive && v <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be positive", what)));
	if (max > 0 && (v > max * scale || v < -max * scale))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must lie between %lld and %lld", what,
						(long long) -max, (long long) max)));
	return v;
}

/*
 * indicator_score(value, weight, method, benchmark, group_min, group_max,
 * cap, floor): the item score of one value, 6 decimals, exactly as the
 * engine computes it.  NULL when value, weight or method is NULL.
 */
PG_FUNCTION_INFO_V1(indicator_score);
Datum
indicator_score(PG_FUNCTION_ARGS)
{
	EvalMethod	method;
	int64		value8,
				weight4,
				bench8 = 0,
				lo8 = 0,
				hi8 = 0,
				cap4 = 0,
				floor4 = 0;
	bool		capped,
				floored;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	method = eval_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(2)));
	value8 = arg_scaled(PG_GETARG_DATUM(0), EVAL_VALUE_DIGITS, "value", false, 0);
	weight4 = arg_scaled(PG_GETARG_DATUM(1), EVAL_WEIGHT_DIGITS, "weight", true,
						 EVAL_MAX_FACTOR);
	if (method == METHOD_RANK || method == METHOD_STEP)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("method %s is scored by %s()", method == METHOD_RANK ? "rank" : "step",
						method == METHOD_RANK ? "rank_score" : "step_score")));
	if (method == METHOD_MINMAX)
	{
		if (PG_ARGISNULL(4) || PG_ARGISNULL(5))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("method minmax needs group_min and group_max")));
		lo8 = arg_scaled(PG_GETARG_DATUM(4), EVAL_VALUE_DIGITS, "group_min", false, 0);
		hi8 = arg_scaled(PG_GETARG_DATUM(5), EVAL_VALUE_DIGITS, "group_max", false, 0);
		if (lo8 > hi8)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("group_min is above group_max")));
	}
	else
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("method %s needs a benchmark",
							method == METHOD_RATIO ? "ratio" : "lower_better")));
		bench8 = arg_scaled(PG_GETARG_DATUM(3), EVAL_VALUE_DIGITS, "benchmark", true, 0);
	}
	if (!PG_ARGISNULL(6))
		cap4 = arg_scaled(PG_GETARG_DATUM(6), EVAL_WEIGHT_DIGITS, "cap", true, EVAL_MAX_FACTOR);
	if (!PG_ARGISNULL(7))
		floor4 = arg_scaled(PG_GETARG_DATUM(7), EVAL_WEIGHT_DIGITS, "floor", false,
							EVAL_MAX_FACTOR);
	PG_RETURN_DATUM(eval_scaled_to_numeric(eval_item_score(method, value8, weight4, bench8,
														   lo8, hi8, !PG_ARGISNULL(6), cap4,
														   !PG_ARGISNULL(7), floor4,
														   &capped, &floored),
										   EVAL_SCORE_DIGITS, true));
}

/* The optional cap (argument i) and floor (argument i + 1) of a score block. */
static void
cap_floor_args(FunctionCallInfo fcinfo, int i, int64 *cap4, int64 *floor4)
{
	if (!PG_ARGISNULL(i))
		*cap4 = arg_scaled(PG_GETARG_DATUM(i), EVAL_WEIGHT_DIGITS, "cap", true, EVAL_MAX_FACTOR);
	if (!PG_ARGISNULL(i + 1))
		*floor4 = arg_scaled(PG_GETARG_DATUM(i + 1), EVAL_WEIGHT_DIGITS, "floor", false,
							 EVAL_MAX_FACTOR);
}

/* A bounded raw score as numeric (22003 when out of range). */
static Datum
bounded_score(FunctionCallInfo fcinfo, int i, int128 raw, int64 weight4, int64 cap4,
			  int64 floor4)
{
	int64		score;
	bool		capped,
				floored;

	if (!eval_item_bound(raw, weight4, !PG_ARGISNULL(i), cap4, !PG_ARGISNULL(i + 1), floor4,
						 &capped, &floored, &score))
		eval_out_of_range("score");
	return eval_scaled_to_numeric(score, EVAL_SCORE_DIGITS, true);
}

/*
 * rank_score(rank, count, weight, cap, floor): the rank method's item
 * score, weight × (count − rank + 1) / count at 6 decimals, then floor and
 * cap.  rank is the value's rank() among the group's count firms that have
 * a value (descending, ties sharing the better rank).  NULL when rank,
 * count or weight is NULL.
 */
PG_FUNCTION_INFO_V1(rank_score);
Datum
rank_score(PG_FUNCTION_ARGS)
{
	int64		r,
				m,
				weight4,
				cap4 = 0,
				floor4 = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	r = PG_GETARG_INT64(0);
	m = PG_GETARG_INT64(1);
	if (m < 1 || r < 1 || r > m)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rank %lld is not within a count of %lld", (long long) r, (long long) m)));
	weight4 = arg_scaled(PG_GETARG_DATUM(2), EVAL_WEIGHT_DIGITS, "weight", true, EVAL_MAX_FACTOR);
	cap_floor_args(fcinfo, 3, &cap4, &floor4);
	PG_RETURN_DATUM(bounded_score(fcinfo, 3, eval_rank_raw(r, m, weight4), weight4, cap4, floor4));
}

/*
 * step_score(value, weight, steps, step_points, cap, floor): 分档计分, the
 * points of the first of the strictly decreasing steps the value reaches
 * (>=), else the last of step_points (one more element than steps); then
 * floor and cap as multiples of the weight.  NULL when value, weight or an
 * array is NULL.
 */
PG_FUNCTION_INFO_V1(step_score);
Datum
step_score(PG_FUNCTION_ARGS)
{
	int64		value8,
				weight4,
				cap4 = 0,
				floor4 = 0;
	int64		step8[EVAL_MAX_STEPS];
	int64		points6[EVAL_MAX_STEPS + 1];
	Datum	   *steps,
			   *points;
	int			ns,
				np,
				j;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	value8 = arg_scaled(PG_GETARG_DATUM(0), EVAL_VALUE_DIGITS, "value", false, 0);
	weight4 = arg_scaled(PG_GETARG_DATUM(1), EVAL_WEIGHT_DIGITS, "weight", true, EVAL_MAX_FACTOR);
	array_elements(PG_GETARG_ARRAYTYPE_P(2), NUMERICOID, "steps", &steps, &ns);
	array_elements(PG_GETARG_ARRAYTYPE_P(3), NUMERICOID, "step_points", &points, &np);
	if (ns < 1 || ns > EVAL_MAX_STEPS || np != ns + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d steps and %d step_points given", ns, np),
				 errhint("Give 1 to %d steps and one more step_points (the last scores a value below every step).",
						 EVAL_MAX_STEPS)));
	for (j = 0; j < ns; j++)
	{
		step8[j] = arg_scaled(steps[j], EVAL_VALUE_DIGITS, "step", false, 0);
		if (j > 0 && step8[j] >= step8[j - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("steps must be strictly decreasing")));
	}
	for (j = 0; j < np; j++)
		points6[j] = arg_scaled(points[j], EVAL_SCORE_DIGITS, "step point", false,
								EVAL_MAX_FACTOR * EVAL_MAX_FACTOR);
	cap_floor_args(fcinfo, 4, &cap4, &floor4);
	PG_RETURN_DATUM(bounded_score(fcinfo, 4, eval_step_raw(value8, ns, step8, points6),
								  weight4, cap4, floor4));
}

/* Quotas (percent) of an array, checked to add up to 100. */
static int64 *
quota_array(ArrayType *arr, int nclass)
{
	Datum	   *elems;
	int			n,
				i;
	int64	   *q;
	int64		sum = 0;

	array_elements(arr, NUMERICOID, "quotas", &elems, &n);
	if (n != nclass)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d quotas given for %d classes", n, nclass)));
	q = palloc(sizeof(int64) * n);
	for (i = 0; i < n; i++)
	{
		q[i] = eval_numeric_to_scaled(elems[i], EVAL_WEIGHT_DIGITS, "quota");
		if (q[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("quota must not be negative")));
		sum += q[i];
		if (sum > 100 * EVAL_WEIGHT_SCALE)
			break;
	}
	if (sum != 100 * EVAL_WEIGHT_SCALE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quotas must add up to 100")));
	return q;
}

/* Parse a quota rounding name (22023 if unknown). */
static int8
parse_rounding(const char *rounding)
{
	if (strcmp(rounding, "round") == 0)
		return QUOTA_ROUND;
	if (strcmp(rounding, "floor") == 0)
		return QUOTA_FLOOR;
	if (strcmp(rounding, "ceil") == 0)
		return QUOTA_CEIL;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid quota rounding \"%s\"", rounding),
			 errhint("Valid values are: round, floor, ceil.")));
	pg_unreachable();
}

/* The classes and quotas of a quota_class() call, and its position checked. */
static int64 *
quota_args(FunctionCallInfo fcinfo, Datum **classes, int *nclass)
{
	int64		position = PG_GETARG_INT64(0);
	int64		n = PG_GETARG_INT64(1);
	int64	   *q;

	array_elements(PG_GETARG_ARRAYTYPE_P(3), TEXTOID, "classes", classes, nclass);
	if (*nclass < 2 || *nclass > 26)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("between 2 and 26 classes are needed")));
	q = quota_array(PG_GETARG_ARRAYTYPE_P(2), *nclass);
	if (n < 1 || position < 1 || position > n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("position %lld is not within a group of %lld",
						(long long) position, (long long) n)));
	return q;
}

/*
 * quota_class(position, group_size, quotas, classes, rounding): class of the
 * firm at 1-based rank position in a group of group_size; cumulative
 * cut-offs c_j = group_size × (q_1 + … + q_j) / 100 rounded ('round' half
 * away from zero, 'floor' or 'ceil').  Pass rank() for ties sharing the
 * better class, or the count of firms scoring at least as much for ties
 * sharing the worse one.
 */
PG_FUNCTION_INFO_V1(quota_class);
Datum
quota_class(PG_FUNCTION_ARGS)
{
	Datum	   *classes;
	int			nclass,
				j;
	int64	   *q = quota_args(fcinfo, &classes, &nclass);
	int8		r = parse_rounding(text_to_cstring(PG_GETARG_TEXT_PP(4)));
	int8		rounding[26];
	bool		from_bottom[26];
	int64		cut[26];

	for (j = 0; j < nclass; j++)
	{
		rounding[j] = r;
		from_bottom[j] = false;
	}
	eval_quota_cuts(PG_GETARG_INT64(1), q, rounding, from_bottom, nclass, cut);
	PG_RETURN_DATUM(classes[eval_quota_class(PG_GETARG_INT64(0), cut, nclass)]);
}

/*
 * quota_class(position, group_size, quotas, classes, cut_roundings,
 * cut_from): the same with one rounding and one direction ('top' or
 * 'bottom') per class boundary, i.e. per class but the last ("前25%(含)为A
 * … 后5%为D": '{floor,round,floor}', '{top,top,bottom}').
 */
PG_FUNCTION_INFO_V1(quota_class_by_boundary);
Datum
quota_class_by_boundary(PG_FUNCTION_ARGS)
{
	Datum	   *classes;
	Datum	   *roundings;
	Datum	   *froms;
	int			nclass,
				nround,
				nfrom,
				j;
	int64	   *q = quota_args(fcinfo, &classes, &nclass);
	int8		rounding[26];
	bool		from_bottom[26];
	int64		cut[26];

	array_elements(PG_GETARG_ARRAYTYPE_P(4), TEXTOID, "cut_roundings", &roundings, &nround);
	array_elements(PG_GETARG_ARRAYTYPE_P(5), TEXTOID, "cut_from", &froms, &nfrom);
	if (nround != nclass - 1 || nfrom != nclass - 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d cut_roundings and %d cut_from given for %d classes",
						nround, nfrom, nclass),
				 errhint("Give one of each for every class but the last (the boundary below it).")));
	for (j = 0; j < nclass - 1; j++)
	{
		char	   *from = TextDatumGetCString(froms[j]);

		rounding[j] = parse_rounding(TextDatumGetCString(roundings[j]));
		if (strcmp(from, "top") == 0)
			from_bottom[j] = false;
		else if (strcmp(from, "bottom") == 0)
			from_bottom[j] = true;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid cut_from \"%s\"", from),
					 errhint("Valid values are: top, bottom.")));
	}
	eval_quota_cuts(PG_GETARG_INT64(1), q, rounding, from_bottom, nclass, cut);
	PG_RETURN_DATUM(classes[eval_quota_class(PG_GETARG_INT64(0), cut, nclass)]);
}

/*
 * threshold_class(total, min_scores, classes): the first class whose
 * minimum the total reaches; the last class takes the rest.
 */
PG_FUNCTION_INFO_V1(threshold_class);
Datum
threshold_class(PG_FUNCTION_ARGS)
{
	int64		total6 = eval_numeric_to_scaled(PG_GETARG_DATUM(0), EVAL_SCORE_DIGITS, "total");
	Datum	   *mins;
	Datum	   *classes;
	int			nmin,
				nclass,
				j;
	int64		prev = PG_INT64_MAX;

	array_elements(PG_GETARG_ARRAYTYPE_P(1), NUMERICOID, "min_scores", &mins, &nmin);
	array_elements(PG_GETARG_ARRAYTYPE_P(2), TEXTOID, "classes", &classes, &nclass);
	if (nclass < 2 || nmin != nclass - 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d minimum scores given for %d classes", nmin, nclass),
				 errhint("Give a minimum for every class but the last.")));
	for (j = 0; j < nmin; j++)
	{
		int64		m = eval_numeric_to_scaled(mins[j], EVAL_SCORE_DIGITS, "min_score");

		if (m >= prev)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("min_scores must be strictly decreasing")));
		prev = m;
	}
	for (j = 0; j < nmin; j++)
		if (total6 >= eval_numeric_to_scaled(mins[j], EVAL_SCORE_DIGITS, "min_score"))
			PG_RETURN_DATUM(classes[j]);
	PG_RETURN_DATUM(classes[nclass - 1]);
}

/*
 * largest_remainder(counts, digits): percentages with the given decimals
 * adding up to exactly 100: floor every exact share, then give the units
 * left to the largest remainders (earlier element first on equal ones).
 * All NULL when the counts add up to 0.
 */
PG_FUNCTION_INFO_V1(largest_remainder);
Datum
largest_remainder(PG_FUNCTION_ARGS)
{
	Datum	   *elems;
	int			n,
				i;
	int32		digits = PG_GETARG_INT32(1);
	int64		units = 100;
	int128		total = 0;
	int64	   *share;
	int128	   *rem;
	bool	   *taken;
	bool	   *nulls;
	Datum	   *out;
	int64		left;
	int			dims[1];
	int			lbs[1] = {1};

	if (digits < 0 || digits > 6)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("digits must be between 0 and 6")));
	for (i = 0; i < digits; i++)
		units *= 10;
	array_elements(PG_GETARG_ARRAYTYPE_P(0), INT8OID, "counts", &elems, &n);
	share = palloc0(sizeof(int64) * Max(n, 1));
	rem = palloc0(sizeof(int128) * Max(n, 1));
	taken = palloc0(sizeof(bool) * Max(n, 1));
	nulls = palloc0(sizeof(bool) * Max(n, 1));
	out = palloc0(sizeof(Datum) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		if (DatumGetInt64(elems[i]) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("counts must not be negative")));
		total += DatumGetInt64(elems[i]);
	}
	left = units;
	for (i = 0; i < n && total > 0; i++)
	{
		int128		x = (int128) DatumGetInt64(elems[i]) * units;

		share[i] = (int64) (x / total);
		rem[i] = x % total;
		left -= share[i];
	}
	while (left > 0 && total > 0)
	{
		int			best = -1;

		for (i = 0; i < n; i++)
			if (!taken[i] && (best < 0 || rem[i] > rem[best]))
				best = i;
		taken[best] = true;
		share[best]++;
		left--;
	}
	for (i = 0; i < n; i++)
	{
		if (total == 0)
			nulls[i] = true;
		else
			out[i] = eval_scaled_to_numeric(share[i], digits, false);
	}
	dims[0] = n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, nulls, 1, dims, lbs, NUMERICOID,
											 -1, false, TYPALIGN_INT));
}
