/*-------------------------------------------------------------------------
 *
 * tier.c
 *	  梯度培育 tier eligibility: evaluate compiled tiers on every row of a
 *	  user's query (tier_check) or on one jsonb record (tier_check_record).
 *
 * Each row gets, per requested tier, eligible true / false / unknown
 * (three-valued: a missing input never yields a silent false), the score
 * and points per item, failed and unknown criteria, the missing inputs and
 * for each failed threshold the gap in the input's own unit.
 *
 * Missing inputs are carried as bounds, so a firm that passes (or fails)
 * whatever the missing values are gets a definite answer: a score item with
 * unknown inputs is an interval [least it can earn, most it can earn]; a
 * criterion that applies under a condition on a missing input is decided
 * case by case over the regions its condition bounds cut (split_conditions).
 *
 *-------------------------------------------------------------------------
 */
#include "tier.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"
#include "utils/numeric.h"

/* the tier input in messages */
#define TIER_INPUT	"the tier input"

#define TV_NA		3			/* criterion whose condition does not hold */

/* what the output reports of a criterion (bits; both after a case split) */
#define OUT_FAILED	1
#define OUT_UNKNOWN	2

/* limits of the case split over unknown condition metrics */
#define SPLIT_MAX_METRICS	4
#define SPLIT_MAX_CASES		256

/* number of output columns of tier_check / tier_check_record */
#define TIER_NCOLS	13

/* number of fields of the tier_gap composite type */
#define GAP_NCOLS	7

/* per-tier scratch state of the current row */
typedef struct TierScratch
{
	Rat		   *item_lo;
	Rat		   *item_hi;
	int		   *item_band;		/* band giving item_lo, -1 none */
	Rat		   *grp_lo;
	Rat		   *grp_hi;
	Rat			tot_lo;
	Rat			tot_hi;
	uint8	   *cstat;
	uint8	   *route_stat;
	uint8	   *req_stat;
	int8	   *force;			/* per criterion: condition fixed to 0/1, -1 not */
	uint8	   *out_stat;		/* per criterion: OUT_FAILED / OUT_UNKNOWN bits */
	uint8		result;
} TierScratch;

/* everything one call needs */
typedef struct TierState
{
	TierProgram *prog;
	Value	   *in;
	Value	   *m;
	TierScratch *sc;
	bool	   *mark;			/* missing inputs of the current output */
	int			nheld;
	char	  **held;
	Datum		credit_code;
	bool		credit_code_null;
	Datum		name;
	bool		name_null;
	KitColumn	credit_code_col;	/* pass-through columns, read as text */
	KitColumn	name_col;
	Datum		empty_text_array;
	Datum		empty_gap_array;
	Oid			gap_type;		/* tier_gap */
	TupleDesc	gap_desc;
	Datum	   *int_numeric;	/* numeric 0..200 */
	Datum	  **band_numeric;	/* per tier, per item, per band */
	Datum	   *code_text;
	Datum	   *version_text;
	Datum	   *label_text;
	bool		absent_no;		/* absent_means_no of the call */
} TierState;

/* ---------------------------------------------------------------------
 * Values and ranges
 * ---------------------------------------------------------------------
 */

/* Compare a value (known or sqrt(q) - 1) with a rational. */
static int
value_cmp(const Value *v, Rat t)
{
	if (v->state == V_KNOWN)
		return rat_cmp(v->q, t);
	else
	{
		/* sqrt(q) - 1 vs t  <=>  sqrt(q) vs s = 1 + t */
		Rat			s = rat_add(t, rat_int(1));

		if (s.n < 0)
			return 1;
		return rat_cmp(v->q, rat_mul(s, s));
	}
}

/* Is the value inside the range?  TV_TRUE, TV_FALSE or TV_UNKNOWN. */
static int
range_test(const Range *r, const Value *v)
{
	if (v->state == V_UNKNOWN)
		return TV_UNKNOWN;
	if (r->has_low)
	{
		int			c = value_cmp(v, r->low);

		if (c < 0 || (c == 0 && !r->low_incl))
			return TV_FALSE;
	}
	if (r->has_high)
	{
		int			c = value_cmp(v, r->high);

		if (c > 0 || (c == 0 && !r->high_incl))
			return TV_FALSE;
	}
	return TV_TRUE;
}

/* Is every value of [lo, hi] inside the range (true), none (false), or some? */
static int
interval_test(const Range *r, Rat lo, Rat hi)
{
	Value		a,
				b;
	int			ta,
				tb;

	a.state = b.state = V_KNOWN;
	a.q = lo;
	b.q = hi;
	ta = range_test(r, &a);
	if (rat_cmp(lo, hi) == 0)
		return ta;
	tb = range_test(r, &b);
	if (ta == TV_TRUE && tb == TV_TRUE)
		return TV_TRUE;
	if (ta == TV_FALSE && tb == TV_FALSE)
	{
		/* both outside: disjoint unless they straddle the range */
		bool		lo_below = r->has_low &&
			(rat_cmp(lo, r->low) < 0 || (rat_cmp(lo, r->low) == 0 && !r->low_incl));
		bool		hi_below = r->has_low &&
			(rat_cmp(hi, r->low) < 0 || (rat_cmp(hi, r->low) == 0 && !r->low_incl));

		if (lo_below == hi_below)
			return TV_FALSE;
	}
	return TV_UNKNOWN;
}

/* Kleene AND */
static inline uint8
and3(uint8 a, uint8 b)
{
	if (a == TV_FALSE || b == TV_FALSE)
		return TV_FALSE;
	if (a == TV_UNKNOWN || b == TV_UNKNOWN)
		return TV_UNKNOWN;
	return TV_TRUE;
}

/* Kleene OR */
static inline uint8
or3(uint8 a, uint8 b)
{
	if (a == TV_TRUE || b == TV_TRUE)
		return TV_TRUE;
	if (a == TV_UNKNOWN || b == TV_UNKNOWN)
		return TV_UNKNOWN;
	return TV_FALSE;
}

/* ---------------------------------------------------------------------
 * Formatting
 * ---------------------------------------------------------------------
 */

/* a rounded up (toward +infinity) to `digits` decimals: a needed amount never falls short. */
static Rat
rat_ceil_decimals(Rat a, int digits)
{
	int128		scale = 1;

	while (digits-- > 0)
		scale *= 10;
	return rat_make(rat_ceil(rat_mul(a, rat_int(scale))), scale);
}

/* Money (元, rational) as canonical yuan text, rounded up to 分. */
static char *
money_text(Rat yuan_amount)
{
	char		buf[QUANTITY_FORMAT_BUFSIZE];
	int128		fen = rat_ceil(rat_mul(yuan_amount, rat_int(100)));

	if (fen > PG_INT64_MAX || fen < PG_INT64_MIN)
		quantity_out_of_range(QUANTITY_MONEY);
	quantity_format(QUANTITY_MONEY, (int64) fen, false, buf);
	return pstrdup(buf);
}

/* A number in the words of its unit ("3%", "2000万元", "3年"). */
static char *
unit_text(Rat v, TierUnit unit)
{
	switch (unit)
	{
		case TU_MONEY:
			return money_text(v);
		case TU_RATIO:
			return psprintf("%s%%", rat_to_cstring(rat_mul(v, rat_int(100)), 4));
		case TU_PEOPLE:
			return psprintf("%s人", rat_to_cstring(v, 4));
		case TU_COUNT:
			return psprintf("%s项", rat_to_cstring(v, 4));
		case TU_YEARS:
			return psprintf("%s年", rat_to_cstring(v, 4));
		case TU_RANK:
			return psprintf("第%s位", rat_to_cstring(v, 4));
		case TU_POINTS:
			return psprintf("%s分", rat_to_cstring(v, 4));
		default:
			return rat_to_cstring(v, 6);
	}
}

/* Text of a range: "3%以上", "5000万元以上、不满1亿元". */
static char *
range_text(const Range *r, TierUnit unit)
{
	if (unit == TU_FLAG)
	{
		if (r->has_low && rat_cmp(r->low, rat_int(0)) >= 0)
			return pstrdup("是");
		return pstrdup("否");
	}
	if (r->has_low && r->has_high)
		return psprintf("%s%s、%s%s", unit_text(r->low, unit), r->low_incl ? "以上" : "超过",
						r->high_incl ? "" : "不满", r->high_incl ?
						psprintf("%s以下", unit_text(r->high, unit)) : unit_text(r->high, unit));
	if (r->has_low)
		return r->low_incl ? psprintf("%s以上", unit_text(r->low, unit))
			: psprintf("超过%s", unit_text(r->low, unit));
	return r->high_incl ? psprintf("%s以下", unit_text(r->high, unit))
		: psprintf("不满%s", unit_text(r->high, unit));
}

/* numeric Datum of a rational (small integers cached). */
static Datum
rat_numeric(TierState *st, Rat q, int digits)
{
	if (q.d == 1 && q.n >= 0 && q.n <= 200)
		return st->int_numeric[(int) q.n];
	return DirectFunctionCall3(numeric_in, CStringGetDatum(rat_to_cstring(q, digits)),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* ---------------------------------------------------------------------
 * Reading inputs
 * ---------------------------------------------------------------------
 */

/* Raise 22023 for a non-finite or over-long number of an input attribute. */
pg_attribute_noreturn()
static void
bad_number(const TierInput *in, const char *text)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value \"%s\" for tier input \"%s\"", text, in->name),
			 errdetail("Tier inputs must be finite numbers with at most 38 digits.")));
}

/*
 * Raise 22023 unless a known value suits its attribute's unit: people and
 * counts are whole numbers >= 0, a rank is a whole number >= 1, years and
 * ratios are >= 0, a yes/no flag is 0 or 1 (money, levels, points and users'
 * own attributes are any number).
 */
static void
check_domain(const TierInput *in, Value v)
{
	const char *need = NULL;
	bool		whole = (v.q.d == 1);
	int			sign = (v.q.n > 0) - (v.q.n < 0);

	if (v.state != V_KNOWN)
		return;
	switch (in->unit)
	{
		case TU_PEOPLE:
		case TU_COUNT:
			if (!whole || sign < 0)
				need = "a whole number, 0 or more";
			break;
		case TU_RANK:
			if (!whole || sign <= 0)
				need = "a whole number, 1 or more";
			break;
		case TU_YEARS:
		case TU_RATIO:
			if (sign < 0)
				need = "a number, 0 or more";
			break;
		case TU_FLAG:
			if (!whole || v.q.n < 0 || v.q.n > 1)
				need = "0 or 1 (or a boolean)";
			break;
		default:
			break;
	}
	if (need)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value \"%s\" for tier input \"%s\"",
						rat_to_cstring(v.q, 6), in->name),
				 errdetail("Attribute \"%s\" (%s) must be %s.", in->name, in->label, need)));
}

/* Rational of a numeric Datum. */
static Value
numeric_value(const TierInput *in, Datum d)
{
	Value		v;
	char	   *shown;

	if (kit_numeric_rat(d, &v.q, &shown) != KIT_OK)
		bad_number(in, shown);
	v.state = V_KNOWN;
	return v;
}

/* Set in[i] from a text datum of the scope attribute. */
static Value
scope_value(const TierInput *in, const char *s)
{
	Value		v;
	const char *u = kit_utf8(s);

	v.state = V_KNOWN;
	if (strcmp(u, "规下") == 0)
		v.q = rat_int(1);
	else if (strcmp(u, "规上") == 0)
		v.q = rat_int(0);
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value \"%s\" for tier input \"%s\"", s, in->name),
				 errdetail("The scope of an enterprise is 规上 or 规下.")));
	return v;
}

/* Value of one non-null datum of input in. */
static Value
datum_value(const TierInput *in, Datum d)
{
	Value		v;
	char	   *shown;

	v.state = V_KNOWN;
	if (in->kind == KIT_TEXT)
		return scope_value(in, TextDatumGetCString(d));
	switch (kit_rat(in->kind, d, &v.q, &shown))
	{
		case KIT_OK:
			break;
		case KIT_NOT_FINITE:
		case KIT_TOO_BIG:
			if (shown == NULL)
				v.state = V_UNKNOWN;
			else
				bad_number(in, shown);
			break;
	}
	return v;
}

/* Remember the tier codes of a tiers_held array. */
static void
read_held(TierState *st, ArrayType *arr)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	deconstruct_array(arr, ARR_ELEMTYPE(arr), -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	st->held = palloc(Max(n, 1) * sizeof(char *));
	st->nheld = 0;
	for (i = 0; i < n; i++)
		if (!nulls[i])
			st->held[st->nheld++] = unconstify(char *, kit_utf8(TextDatumGetCString(elems[i])));
}

/* Read the inputs of the query's current row. */
static void
read_row(TierState *st, const KitQuery *q)
{
	TierProgram *prog = st->prog;
	int			i;

	st->nheld = 0;
	st->credit_code_null = st->name_null = true;
	for (i = 0; i < prog->ninputs; i++)
	{
		TierInput  *in = &prog->inputs[i];
		Datum		d;

		st->in[i].state = V_UNKNOWN;
		if (kit_get(q, in->colno, &d) != KIT_PRESENT)
			continue;
		if (i == prog->in_credit_code || i == prog->in_name)
		{
			Size		len;
			const char *s = kit_text_value(i == prog->in_credit_code ?
										   &st->credit_code_col : &st->name_col, d, &len);
			Datum		txt = PointerGetDatum(cstring_to_text_with_len(s, len));

			if (i == prog->in_credit_code)
			{
				st->credit_code = txt;
				st->credit_code_null = false;
			}
			else
			{
				st->name = txt;
				st->name_null = false;
			}
			continue;
		}
		if (i == prog->in_tiers_held)
		{
			read_held(st, DatumGetArrayTypeP(d));
			continue;
		}
		st->in[i] = datum_value(in, d);
		check_domain(in, st->in[i]);
	}
}

/* Value of one jsonb scalar for input in. */
static Value
jsonb_value(const TierInput *in, JsonbValue *jv)
{
	Value		v;

	v.state = V_KNOWN;
	switch (jv->type)
	{
		case jbvNull:
			v.state = V_UNKNOWN;
			break;
		case jbvBool:
			if (in->unit != TU_FLAG && in->unit != TU_NUMBER)
				ereport(ERROR,
						(errcode(ERRCODE_DATATYPE_MISMATCH),
						 errmsg("tier input \"%s\" must be a number, not a boolean", in->name),
						 errdetail("Attribute \"%s\" (%s) is an amount, a count or a level; only yes/no attributes take true or false.",
								   in->name, in->label)));
			v.q = rat_int(jv->val.boolean ? 1 : 0);
			break;
		case jbvNumeric:
			return numeric_value(in, NumericGetDatum(jv->val.numeric));
		case jbvString:
			{
				char	   *s = pnstrdup(jv->val.string.val, jv->val.string.len);

				if (strcmp(in->name, "scope") == 0)
					return scope_value(in, s);
				if (in->unit == TU_MONEY)
				{
					int64		fen;
					QuantityError err;
					const char *u = kit_utf8(s);

					if (!quantity_parse(QUANTITY_MONEY, u, strlen(u), &fen, &err))
					{
						if (err.status == QUANTITY_OUT_OF_RANGE)
							ereport(ERROR,
									(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
									 errmsg("value \"%s\" is out of range for type yuan", s),
									 errdetail("Tier input \"%s\": %s", in->name, err.detail)));
						ereport(ERROR,
								(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								 errmsg("invalid input syntax for type yuan: \"%s\"", s),
								 errdetail("Tier input \"%s\": %s", in->name, err.detail)));
					}
					v.q = rat_make(fen, 100);
				}
				else if (!rat_parse(s, &v.q))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							 errmsg("invalid input syntax for type numeric: \"%s\"", s),
							 errdetail("Tier input \"%s\" must be a number.", in->name)));
				break;
			}
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tier input \"%s\" must be a number, a string or a boolean", in->name)));
	}
	return v;
}

/* Read the inputs of a jsonb object. */
static void
read_jsonb(TierState *st, Jsonb *jb)
{
	TierProgram *prog = st->prog;
	int			i;

	st->nheld = 0;
	st->credit_code_null = st->name_null = true;
	for (i = 0; i < prog->ninputs; i++)
	{
		TierInput  *in = &prog->inputs[i];
		JsonbValue *jv;

		st->in[i].state = V_UNKNOWN;
		if (in->colno == 0)
			continue;
		jv = getKeyJsonValueFromContainer(&jb->root, in->name, strlen(in->name), NULL);
		if (jv == NULL || jv->type == jbvNull)
			continue;
		if (i == prog->in_credit_code || i == prog->in_name)
		{
			Datum		txt;

			if (jv->type == jbvString)
				txt = PointerGetDatum(cstring_to_text_with_len(jv->val.string.val, jv->val.string.len));
			else
				txt = CStringGetTextDatum(JsonbToCString(NULL, &JsonbValueToJsonb(jv)->root, 0));
			if (i == prog->in_credit_code)
			{
				st->credit_code = txt;
				st->credit_code_null = false;
			}
			else
			{
				st->name = txt;
				st->name_null = false;
			}
			continue;
		}
		if (i == prog->in_tiers_held)
		{
			Jsonb	   *arr = JsonbValueToJsonb(jv);
			JsonbIterator *it;
			JsonbValue	e;
			JsonbIteratorToken tok;

			if (!JB_ROOT_IS_ARRAY(arr) || JB_ROOT_IS_SCALAR(arr))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("tier input \"tiers_held\" must be an array of tier codes")));
			st->held = palloc(Max(JB_ROOT_COUNT(arr), 1) * sizeof(char *));
			it = JsonbIteratorInit(&arr->root);
			while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
			{
				if (tok != WJB_ELEM || e.type == jbvNull)
					continue;
				if (e.type != jbvString)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("tier input \"tiers_held\" must be an array of tier codes"),
							 errdetail("An element is not a string.")));
				st->held[st->nheld++] = pnstrdup(e.val.string.val, e.val.string.len);
			}
			continue;
		}
		if (jv->type == jbvBinary)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tier input \"%s\" must be a number, a string or a boolean", in->name)));
		st->in[i] = jsonb_value(in, jv);
		check_domain(in, st->in[i]);
	}
}

/*
 * absent_means_no: an input attribute whose column (or jsonb key) is absent
 * and that says whether the firm has a status, title, award, item or amount
 * (TierInput.absent_no) reads as "no", 0.  NULL values stay unknown.
 */
static void
absent_as_no(TierState *st)
{
	TierProgram *prog = st->prog;
	int			i;

	for (i = 0; i < prog->ninputs; i++)
		if (prog->inputs[i].colno == 0 && prog->inputs[i].absent_no)
		{
			st->in[i].state = V_KNOWN;
			st->in[i].q = rat_int(0);
		}
}

/* ---------------------------------------------------------------------
 * Evaluation
 * ---------------------------------------------------------------------
 */

/* Compute every metric of the row from its inputs. */
static void
compute_metrics(TierState *st)
{
	TierProgram *prog = st->prog;
	int			i;

	for (i = 0; i < prog->nmetrics; i++)
	{
		TierMetric *m = &prog->metrics[i];
		Value	   *out = &st->m[i];
		Value	   *a = &st->in[m->args[0]];
		Value	   *b = m->nargs > 1 ? &st->in[m->args[1]] : NULL;
		Value	   *c = m->nargs > 2 ? &st->in[m->args[2]] : NULL;
		int			k;

		out->state = V_UNKNOWN;
		for (k = 0; k < m->nargs; k++)
			if (st->in[m->args[k]].state == V_UNKNOWN)
				break;
		if (k < m->nargs)
			continue;
		out->state = V_KNOWN;
		switch (m->derived)
		{
			case DM_NONE:
			case DM_BELOW_SCALE:
				out->q = a->q;
				break;
			case DM_RATIO:
				if (b->q.n == 0)
					out->state = V_UNKNOWN;
				else
					out->q = rat_div(a->q, b->q);
				break;
			case DM_SUM:
				out->q = rat_add(a->q, b->q);
				break;
			case DM_AVG2:
				out->q = rat_div(rat_add(a->q, b->q), rat_int(2));
				break;
			case DM_GROWTH:
				if (b->q.n <= 0)
					out->state = V_UNKNOWN;
				else
					out->q = rat_sub(rat_div(a->q, b->q), rat_int(1));
				break;
			case DM_GROWTH2_ARITH:
				if (b->q.n <= 0 || c->q.n <= 0)
					out->state = V_UNKNOWN;
				else
					out->q = rat_div(rat_sub(rat_add(rat_div(a->q, b->q),
													 rat_div(b->q, c->q)),
											 rat_int(2)),
									 rat_int(2));
				break;
			case DM_GROWTH2_GEO:
				if (c->q.n <= 0 || a->q.n < 0)
					out->state = V_UNKNOWN;
				else
				{
					out->state = V_SQRTM1;
					out->q = rat_div(a->q, c->q);
				}
				break;
		}
	}
}

/* Is tier code held by the enterprise (tiers_held)? */
static bool
is_held(TierState *st, const char *code)
{
	int			i;

	for (i = 0; i < st->nheld; i++)
		if (strcmp(st->held[i], code) == 0)
			return true;
	return false;
}

/*
 * Evaluate criterion ci of a tier: TV_TRUE, TV_FALSE, TV_UNKNOWN or TV_NA;
 * a condition fixed by the case split (sc->force) is taken as given.
 */
static uint8
eval_crit(TierState *st, TierScratch *sc, TierCrit *c, int ci)
{
	int			cond = TV_TRUE;
	int			r = TV_UNKNOWN;

	if (c->has_cond)
	{
		if (sc->force[ci] >= 0)
			cond = sc->force[ci] ? TV_TRUE : TV_FALSE;
		else
			cond = range_test(&c->cond, &st->m[c->cond_metric]);
		if (cond == TV_FALSE)
			return TV_NA;
	}
	switch (c->kind)
	{
		case CK_METRIC:
			r = range_test(&c->range, &st->m[c->metric]);
			break;
		case CK_SCORE:
			r = interval_test(&c->range, sc->tot_lo, sc->tot_hi);
			break;
		case CK_GROUP:
			r = interval_test(&c->range, sc->grp_lo[c->group], sc->grp_hi[c->group]);
			break;
		case CK_PREREQ:
			r = is_held(st, c->prereq_code) ? TV_TRUE : st->sc[c->prereq].result;
			break;
	}
	/* unknown condition: passes only if the criterion passes anyway */
	if (cond == TV_UNKNOWN && r != TV_TRUE)
		return TV_UNKNOWN;
	return (uint8) r;
}

/*
 * Points of every score item of tier t as an interval [item_lo, item_hi],
 * summed per group and in total.  A known metric earns the points of its
 * band (0 outside every band); an unknown one earns between its floor (the
 * least its bands give whatever the value, TierItem.floor_pts) and its highest
 * band; an item earns the highest of its metrics.
 */
static void
score_items(TierState *st, TierRule *t, TierScratch *sc)
{
	Rat			zero = rat_int(0);
	int			i,
				j,
				k;

	for (i = 0; i < t->ngroups; i++)
		sc->grp_lo[i] = sc->grp_hi[i] = zero;
	sc->tot_lo = sc->tot_hi = zero;
	for (i = 0; i < t->nitems; i++)
	{
		TierItem   *it = &t->items[i];
		Rat			lo = zero,
					hi = zero;

		sc->item_band[i] = -1;
		for (k = 0; k < it->nbands; k++)
		{
			TierBand   *b = &it->bands[k];
			Value	   *v = &st->m[b->metric];

			if (v->state == V_UNKNOWN || (b->points_is_value && v->state != V_KNOWN))
			{
				if (rat_cmp(b->points, hi) > 0)
					hi = b->points;
				continue;
			}
			if (range_test(&b->range, v) == TV_TRUE)
			{
				Rat			p = b->points_is_value ? v->q : b->points;

				if (rat_cmp(p, lo) > 0)
				{
					lo = p;
					sc->item_band[i] = k;
				}
				if (rat_cmp(p, hi) > 0)
					hi = p;
			}
		}
		for (j = 0; j < it->nmetrics; j++)
			if (st->m[it->metrics[j]].state == V_UNKNOWN && rat_cmp(it->floor_pts[j], lo) > 0)
			{
				lo = it->floor_pts[j];
				sc->item_band[i] = -1;
			}
		sc->item_lo[i] = lo;
		sc->item_hi[i] = hi;
		sc->grp_lo[it->group] = rat_add(sc->grp_lo[it->group], lo);
		sc->grp_hi[it->group] = rat_add(sc->grp_hi[it->group], hi);
		sc->tot_lo = rat_add(sc->tot_lo, lo);
		sc->tot_hi = rat_add(sc->tot_hi, hi);
	}
}

/* Criteria, routes and requirements of tier t (items scored): the verdict. */
static uint8
eval_logic(TierState *st, TierRule *t, TierScratch *sc)
{
	uint8		result = TV_TRUE;
	int			i;

	for (i = 0; i < t->nroutes; i++)
		sc->route_stat[i] = TV_TRUE;
	for (i = 0; i < t->ncrits; i++)
	{
		TierCrit   *c = &t->crits[i];
		uint8		s = eval_crit(st, sc, c, i);

		sc->cstat[i] = s;
		if (s != TV_NA)
			sc->route_stat[c->route] = and3(sc->route_stat[c->route], s);
	}
	for (i = 0; i < t->nreqs; i++)
		sc->req_stat[i] = TV_FALSE;
	for (i = 0; i < t->nroutes; i++)
		sc->req_stat[t->route_req[i]] = or3(sc->req_stat[t->route_req[i]], sc->route_stat[i]);
	for (i = 0; i < t->nreqs; i++)
		result = and3(result, sc->req_stat[i]);
	return result;
}

/*
 * Record what the output reports of each criterion: failed (false, in a
 * requirement that fails) and unknown (unknown, in a requirement that is
 * unknown).  With merge the bits add to those of earlier cases.
 */
static void
collect_out(TierRule *t, TierScratch *sc, bool merge)
{
	int			i;

	for (i = 0; i < t->ncrits; i++)
	{
		uint8		o = 0;
		uint8		rs = sc->req_stat[t->crits[i].req];

		if (sc->cstat[i] == TV_FALSE && rs == TV_FALSE)
			o = OUT_FAILED;
		else if (sc->cstat[i] == TV_UNKNOWN && rs == TV_UNKNOWN)
			o = OUT_UNKNOWN;
		sc->out_stat[i] = merge ? (sc->out_stat[i] | o) : o;
	}
}

/* Representative value of region r (0 .. 2n) of the n sorted bounds b. */
static Rat
region_value(const Rat *b, int n, int r)
{
	int			j = r / 2;

	if (r % 2 == 1)
		return b[j];			/* the bound itself */
	if (j == 0)
		return rat_sub(b[0], rat_int(1));
	if (j == n)
		return rat_add(b[n - 1], rat_int(1));
	return rat_div(rat_add(b[j - 1], b[j]), rat_int(2));
}

/* Append bound q to the sorted, distinct list b of *n. */
static void
add_bound(Rat *b, int *n, Rat q)
{
	int			i,
				k;

	for (i = 0; i < *n; i++)
	{
		int			c = rat_cmp(q, b[i]);

		if (c == 0)
			return;
		if (c < 0)
			break;
	}
	for (k = *n; k > i; k--)
		b[k] = b[k - 1];
	b[i] = q;
	(*n)++;
}

/*
 * A verdict left unknown by conditions (when_metric) on unknown metrics is
 * decided case by case: the bounds the conditions name cut each such metric
 * into regions (below, at and between the bounds); in each combination of
 * regions every condition is true or false, and the tier is evaluated with
 * the conditions so fixed.  When every case gives the same verdict, that is
 * the verdict, and the output reports what fails (or is unknown) in any case;
 * otherwise the tier stays unknown.  E.g. 数字化车间 with 1000万元 and no
 * mountain_island fails both the 2000万元 and the 1500万元 rule.
 */
static void
split_conditions(TierState *st, TierRule *t, TierScratch *sc)
{
	int			metric[SPLIT_MAX_METRICS];
	Rat		   *bounds[SPLIT_MAX_METRICS];
	int			nbounds[SPLIT_MAX_METRICS];
	int			nm = 0;
	int			ncases = 1;
	int			i,
				k,
				cs;
	bool		all_true = true,
				all_false = true;

	for (i = 0; i < t->ncrits; i++)
	{
		TierCrit   *c = &t->crits[i];

		if (!c->has_cond || st->m[c->cond_metric].state != V_UNKNOWN)
			continue;
		for (k = 0; k < nm; k++)
			if (metric[k] == c->cond_metric)
				break;
		if (k == nm)
		{
			if (nm == SPLIT_MAX_METRICS)
				return;
			metric[nm] = c->cond_metric;
			bounds[nm] = palloc(2 * t->ncrits * sizeof(Rat));
			nbounds[nm++] = 0;
		}
		if (c->cond.has_low)
			add_bound(bounds[k], &nbounds[k], c->cond.low);
		if (c->cond.has_high)
			add_bound(bounds[k], &nbounds[k], c->cond.high);
	}
	for (k = 0; k < nm; k++)
	{
		ncases *= 2 * nbounds[k] + 1;
		if (ncases > SPLIT_MAX_CASES)
			return;
	}
	if (nm == 0)
		return;

	memset(sc->out_stat, 0, t->ncrits);
	for (cs = 0; cs < ncases && (all_true || all_false); cs++)
	{
		int			rest = cs;
		uint8		r;

		for (k = 0; k < nm; k++)
		{
			int			nreg = 2 * nbounds[k] + 1;
			Value		v;

			v.state = V_KNOWN;
			v.q = region_value(bounds[k], nbounds[k], rest % nreg);
			rest /= nreg;
			for (i = 0; i < t->ncrits; i++)
				if (t->crits[i].has_cond && t->crits[i].cond_metric == metric[k])
					sc->force[i] = (range_test(&t->crits[i].cond, &v) == TV_TRUE) ? 1 : 0;
		}
		r = eval_logic(st, t, sc);
		all_true = all_true && r == TV_TRUE;
		all_false = all_false && r == TV_FALSE;
		collect_out(t, sc, true);
	}
	memset(sc->force, -1, t->ncrits);
	if (all_true || all_false)
		sc->result = all_true ? TV_TRUE : TV_FALSE;
	else
	{
		eval_logic(st, t, sc);
		collect_out(t, sc, false);
	}
}

/* Evaluate tier ti on the current row. */
static void
eval_tier(TierState *st, int ti)
{
	TierRule   *t = &st->prog->tiers[ti];
	TierScratch *sc = &st->sc[ti];

	score_items(st, t, sc);
	memset(sc->force, -1, t->ncrits);
	sc->result = eval_logic(st, t, sc);
	collect_out(t, sc, false);
	if (sc->result == TV_UNKNOWN)
		split_conditions(st, t, sc);
}

/* ---------------------------------------------------------------------
 * Output
 * ---------------------------------------------------------------------
 */

/* Mark the unknown inputs of metric mi as missing. */
static void
mark_metric(TierState *st, int mi)
{
	TierMetric *m = &st->prog->metrics[mi];
	int			k;

	for (k = 0; k < m->nargs; k++)
		if (st->in[m->args[k]].state == V_UNKNOWN)
			st->mark[m->args[k]] = true;
}

/* Is item i of tier t unknown (points not yet decided)? */
static inline bool
item_unknown(TierScratch *sc, int i)
{
	return rat_cmp(sc->item_lo[i], sc->item_hi[i]) != 0;
}

/* Mark the missing inputs of the unknown items of group g (-1: all). */
static void
mark_items(TierState *st, TierRule *t, TierScratch *sc, int g)
{
	int			i,
				k;

	for (i = 0; i < t->nitems; i++)
		if ((g < 0 || t->items[i].group == g) && item_unknown(sc, i))
			for (k = 0; k < t->items[i].nbands; k++)
				mark_metric(st, t->items[i].bands[k].metric);
}

/* Is criterion i of a tier reported unknown (and not failed)? */
static inline bool
out_unknown(TierScratch *sc, int i)
{
	return sc->out_stat[i] == OUT_UNKNOWN;
}

/* Mark the missing inputs that make tier ti's unknown criteria unknown. */
static void
mark_missing(TierState *st, int ti, int depth)
{
	TierRule   *t = &st->prog->tiers[ti];
	TierScratch *sc = &st->sc[ti];
	int			i;

	if (depth > st->prog->ntiers)
		return;
	for (i = 0; i < t->ncrits; i++)
	{
		TierCrit   *c = &t->crits[i];

		if (!out_unknown(sc, i))
			continue;
		if (c->has_cond)
			mark_metric(st, c->cond_metric);
		switch (c->kind)
		{
			case CK_METRIC:
				mark_metric(st, c->metric);
				break;
			case CK_SCORE:
				mark_items(st, t, sc, -1);
				break;
			case CK_GROUP:
				mark_items(st, t, sc, c->group);
				break;
			case CK_PREREQ:
				mark_missing(st, c->prereq, depth + 1);
				break;
		}
	}
}

/* Build a text[] from text Datums (the shared empty array when n = 0). */
static Datum
text_array(TierState *st, Datum *elems, int n)
{
	if (n == 0)
		return st->empty_text_array;
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* push a key */
static void
jb_key(JsonbParseState **ps, const char *k)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) k;
	v.val.string.len = strlen(k);
	pushJsonbValue(ps, WJB_KEY, &v);
}

/* push a numeric value (NULL Datum 0 = json null) */
static void
jb_num(JsonbParseState **ps, Datum num, bool isnull)
{
	JsonbValue	v;

	if (isnull)
		v.type = jbvNull;
	else
	{
		v.type = jbvNumeric;
		v.val.numeric = DatumGetNumeric(num);
	}
	pushJsonbValue(ps, WJB_VALUE, &v);
}

/* Required value of the lever input of metric m for the metric to reach t. */
static bool
lever_required(TierState *st, TierMetric *m, Rat t, Rat *req)
{
	Value	   *b = m->nargs > 1 ? &st->in[m->args[1]] : NULL;
	Value	   *c = m->nargs > 2 ? &st->in[m->args[2]] : NULL;
	Rat			one = rat_int(1);

	if (m->lever < 0 || m->lever != m->args[0])
		return false;
	switch (m->derived)
	{
		case DM_RATIO:
			*req = rat_mul(t, b->q);
			return true;
		case DM_SUM:
			*req = rat_sub(t, b->q);
			return true;
		case DM_AVG2:
			*req = rat_sub(rat_mul(t, rat_int(2)), b->q);
			return true;
		case DM_GROWTH:
			*req = rat_mul(b->q, rat_add(one, t));
			return true;
		case DM_GROWTH2_ARITH:
			/* a/b - 1 = 2t - (b/c - 1) */
			*req = rat_mul(b->q, rat_sub(rat_add(rat_mul(t, rat_int(2)), rat_int(2)),
										 rat_div(b->q, c->q)));
			return true;
		case DM_GROWTH2_GEO:
			{
				Rat			s = rat_add(one, t);

				*req = rat_mul(c->q, rat_mul(s, s));
				return true;
			}
		default:
			return false;
	}
}

/* The Rat of a value for display (sqrt forms approximated to 1e-8). */
static Rat
value_display(const Value *v)
{
	if (v->state == V_SQRTM1)
	{
		double		f = sqrt((double) v->q.n / (double) v->q.d) - 1.0;

		return rat_make((int128) llround(f * 1e8), 100000000);
	}
	return v->q;
}

/* The tier_gap composite of failed criterion c of tier t. */
static Datum
gap_datum(TierState *st, TierRule *t, TierCrit *c)
{
	Datum		gv[GAP_NCOLS];
	bool		gn[GAP_NCOLS];
	TierProgram *prog = st->prog;
	const char *metric_name;
	const char *label;
	TierUnit	unit;
	Value		v;
	bool		below;
	Rat			target;
	Rat			shortfall;
	bool		has_short = false;
	TierUnit	sunit;
	const char *slabel;
	char	   *text;

	memset(gn, true, sizeof(gn));
	gv[0] = c->name_text;
	gn[0] = false;
	if (c->kind == CK_PREREQ)
	{
		TierRule   *p = &prog->tiers[c->prereq];

		gv[1] = kit_text_datum(c->prereq_code);
		gv[2] = kit_text_datum(p->label);
		gv[6] = kit_text_datum(psprintf("需先认定为%s", p->label));
		gn[1] = gn[2] = gn[6] = false;
		return HeapTupleGetDatum(heap_form_tuple(st->gap_desc, gv, gn));
	}

	v.state = V_KNOWN;
	switch (c->kind)
	{
		case CK_SCORE:
			metric_name = "score";
			label = "评分";
			unit = TU_POINTS;
			v.q = st->sc[t - prog->tiers].tot_lo;
			break;
		case CK_GROUP:
			metric_name = psprintf("score.%s", t->groups[c->group]);
			label = psprintf("%s得分", t->groups[c->group]);
			unit = TU_POINTS;
			v.q = st->sc[t - prog->tiers].grp_lo[c->group];
			break;
		default:
			{
				TierMetric *m = &prog->metrics[c->metric];

				metric_name = m->name;
				label = m->label;
				unit = m->unit;
				v = st->m[c->metric];
				break;
			}
	}
	if (c->required_text == NULL)
		c->required_text = MemoryContextStrdup(GetMemoryChunkContext(c->name),
											   range_text(&c->range, unit));
	gv[1] = kit_text_datum(metric_name);
	gv[2] = kit_text_datum(c->required_text);
	gv[3] = rat_numeric(st, value_display(&v), 8);
	gn[1] = gn[2] = gn[3] = false;

	below = c->range.has_low &&
		(value_cmp(&v, c->range.low) < 0 ||
		 (value_cmp(&v, c->range.low) == 0 && !c->range.low_incl));
	target = below ? c->range.low : c->range.high;
	sunit = unit;
	slabel = label;
	if (c->kind == CK_METRIC && below)
	{
		TierMetric *m = &prog->metrics[c->metric];
		Rat			req;

		if (lever_required(st, m, target, &req))
		{
			shortfall = rat_sub(req, st->in[m->lever].q);
			sunit = prog->inputs[m->lever].unit;
			slabel = prog->inputs[m->lever].label;
			has_short = true;
		}
	}
	if (!has_short && unit != TU_FLAG)
	{
		Rat			dv = value_display(&v);

		shortfall = below ? rat_sub(target, dv) : rat_sub(dv, target);
		has_short = true;
	}

	/* express the shortfall in its unit, rounded up where it counts */
	if (has_short)
	{
		Rat			shown = shortfall;
		const char *uname = "";
		char	   *num;
		bool		exclusive = below ? !c->range.low_incl : !c->range.high_incl;
		bool		stepped = false;	/* the smallest step past a 超过/不满 bound */

		switch (sunit)
		{
			case TU_MONEY:
				if (exclusive)
				{
					/* 1分 more than the bound, yuan's resolution */
					Rat			fen = rat_mul(shortfall, rat_int(100));

					shown = rat_make(rat_floordiv128(fen.n, fen.d) + 1, 100);
					stepped = true;
				}
				else
					shown = rat_make(rat_ceil(rat_mul(shortfall, rat_int(100))), 100);
				uname = "元";
				break;
			case TU_RATIO:
				shown = rat_ceil_decimals(rat_mul(shortfall, rat_int(100)), 2);
				uname = "个百分点";
				break;
			case TU_PEOPLE:
			case TU_COUNT:
				/* whole numbers: past a 超过/不满 bound is one more */
				stepped = exclusive;
				shown = rat_int((int64) (exclusive ?
										 rat_floordiv128(shortfall.n, shortfall.d) + 1 :
										 rat_ceil(shortfall)));
				uname = sunit == TU_PEOPLE ? "人" : "项";
				break;
			case TU_YEARS:
				shown = rat_ceil_decimals(shortfall, 4);
				uname = "年";
				break;
			case TU_RANK:
				shown = rat_ceil_decimals(shortfall, 4);
				uname = "位";
				break;
			case TU_POINTS:
				shown = rat_ceil_decimals(shortfall, 4);
				uname = "分";
				break;
			default:
				shown = rat_ceil_decimals(shortfall, 6);
				break;
		}
		gv[4] = rat_numeric(st, shown, 6);
		gv[5] = kit_text_datum(uname);
		gn[4] = gn[5] = false;

		num = (sunit == TU_MONEY) ? money_text(stepped ? shown : shortfall)
			: psprintf("%s%s", rat_to_cstring(shown, sunit == TU_RATIO ? 2 : 4), uname);
		/* 超过/不满: the bound itself is not enough */
		if (exclusive && !stepped)
			num = psprintf("超过%s", num);
		if (rat_cmp(shown, rat_int(0)) == 0)
			text = psprintf("%s需%s", slabel, c->required_text);
		else if (!below)
			text = (sunit == TU_RANK) ? psprintf("%s需提升%s", slabel, num)
				: psprintf("%s需降低%s", slabel, num);
		else if (sunit == TU_RATIO || sunit == TU_POINTS)
			text = psprintf("%s需提高%s", slabel, num);
		else if (sunit == TU_LEVEL || sunit == TU_NUMBER)
			text = psprintf("%s需达到%s（现为%s）", slabel, c->required_text,
							rat_to_cstring(value_display(&v), 4));
		else if (sunit == TU_YEARS)
			text = psprintf("%s还差%s", slabel, num);
		else if (sunit == TU_MONEY && strstr(slabel, "R&D") != NULL)
			text = psprintf("%s需再投入%s", slabel, num);
		else
			text = psprintf("%s需再增加%s", slabel, num);
	}
	else
		text = psprintf("需具备：%s", label);
	gv[6] = kit_text_datum(text);
	gn[6] = false;
	return HeapTupleGetDatum(heap_form_tuple(st->gap_desc, gv, gn));
}

/* Fill the output columns of requested tier ti for the current row. */
static void
tier_output(TierState *st, int ti, int64 ordinal, Datum *values, bool *nulls)
{
	TierProgram *prog = st->prog;
	TierRule   *t = &prog->tiers[ti];
	TierScratch *sc = &st->sc[ti];
	Datum	   *names;
	int			n,
				i;
	bool		any_unknown = false;
	bool		any_failed = false;

	memset(nulls, 0, TIER_NCOLS * sizeof(bool));
	values[0] = Int64GetDatum(ordinal);
	values[1] = st->credit_code;
	nulls[1] = st->credit_code_null;
	values[2] = st->name;
	nulls[2] = st->name_null;
	values[3] = st->code_text[ti];
	values[4] = st->version_text[ti];
	values[5] = st->label_text[ti];
	if (sc->result == TV_UNKNOWN)
		nulls[6] = true;
	else
		values[6] = BoolGetDatum(sc->result == TV_TRUE);

	/* score and points */
	if (t->nitems == 0)
		nulls[7] = nulls[8] = true;
	else
	{
		JsonbParseState *ps = NULL;
		JsonbValue *res;

		if (rat_cmp(sc->tot_lo, sc->tot_hi) == 0)
			values[7] = rat_numeric(st, sc->tot_lo, 6);
		else
			nulls[7] = true;
		pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
		for (i = 0; i < t->nitems; i++)
		{
			int			b = sc->item_band[i];

			jb_key(&ps, t->items[i].name);
			if (item_unknown(sc, i))
				jb_num(&ps, 0, true);
			else if (b < 0 || t->items[i].bands[b].points_is_value)
				jb_num(&ps, rat_numeric(st, sc->item_lo[i], 6), false);
			else
				jb_num(&ps, st->band_numeric[ti][i * 64 + b], false);
		}
		res = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
		values[8] = JsonbPGetDatum(JsonbValueToJsonb(res));
	}

	/* failed and unknown criteria */
	names = palloc((t->ncrits + t->nitems) * sizeof(Datum));
	n = 0;
	for (i = 0; i < t->ncrits; i++)
		if (sc->out_stat[i] & OUT_FAILED)
		{
			names[n++] = t->crits[i].name_text;
			any_failed = true;
		}
	values[9] = text_array(st, names, n);
	n = 0;
	for (i = 0; i < t->ncrits; i++)
		if (out_unknown(sc, i))
		{
			names[n++] = t->crits[i].name_text;
			any_unknown = true;
		}
	/* unknown score items, when a score criterion is unknown */
	for (i = 0; i < t->nitems && any_unknown; i++)
	{
		int			k;
		bool		wanted = false;

		if (!item_unknown(sc, i))
			continue;
		for (k = 0; k < t->ncrits; k++)
		{
			TierCrit   *c = &t->crits[k];

			if (out_unknown(sc, k) &&
				(c->kind == CK_SCORE || (c->kind == CK_GROUP && c->group == t->items[i].group)))
				wanted = true;
		}
		if (wanted)
			names[n++] = t->items[i].name_text;
	}
	values[10] = text_array(st, names, n);

	/* missing inputs */
	n = 0;
	if (any_unknown)
	{
		Datum	   *miss = palloc(prog->ninputs * sizeof(Datum));

		memset(st->mark, 0, prog->ninputs * sizeof(bool));
		mark_missing(st, ti, 0);
		for (i = 0; i < prog->ninputs; i++)
			if (st->mark[i])
				miss[n++] = kit_text_datum(prog->inputs[i].name);
		values[11] = text_array(st, miss, n);
	}
	else
		values[11] = st->empty_text_array;

	/* gaps */
	if (any_failed)
	{
		n = 0;
		for (i = 0; i < t->ncrits; i++)
			if (sc->out_stat[i] & OUT_FAILED)
				names[n++] = gap_datum(st, t, &t->crits[i]);
		values[12] = PointerGetDatum(construct_array(names, n, st->gap_type, -1, false, TYPALIGN_DOUBLE));
	}
	else
		values[12] = st->empty_gap_array;
}

/*
 * Set up the per-call state for a compiled program (in the current context);
 * desc is the result row type, whose last column is tier_gap[].
 */
static TierState *
tier_state(TierProgram *prog, TupleDesc desc)
{
	TierState  *st = palloc0(sizeof(TierState));
	int			i,
				j,
				k;

	st->prog = prog;
	st->in = palloc0(Max(prog->ninputs, 1) * sizeof(Value));
	st->m = palloc0(Max(prog->nmetrics, 1) * sizeof(Value));
	st->mark = palloc0(Max(prog->ninputs, 1) * sizeof(bool));
	st->sc = palloc0(prog->ntiers * sizeof(TierScratch));
	st->band_numeric = palloc0(prog->ntiers * sizeof(Datum *));
	st->code_text = palloc(prog->ntiers * sizeof(Datum));
	st->version_text = palloc(prog->ntiers * sizeof(Datum));
	st->label_text = palloc(prog->ntiers * sizeof(Datum));
	st->int_numeric = palloc(201 * sizeof(Datum));
	for (i = 0; i <= 200; i++)
		st->int_numeric[i] = DirectFunctionCall1(int4_numeric, Int32GetDatum(i));
	for (i = 0; i < prog->ntiers; i++)
	{
		TierRule   *t = &prog->tiers[i];
		TierScratch *sc = &st->sc[i];

		sc->item_lo = palloc0(Max(t->nitems, 1) * sizeof(Rat));
		sc->item_hi = palloc0(Max(t->nitems, 1) * sizeof(Rat));
		sc->item_band = palloc0(Max(t->nitems, 1) * sizeof(int));
		sc->grp_lo = palloc0(Max(t->ngroups, 1) * sizeof(Rat));
		sc->grp_hi = palloc0(Max(t->ngroups, 1) * sizeof(Rat));
		sc->cstat = palloc0(Max(t->ncrits, 1));
		sc->route_stat = palloc0(Max(t->nroutes, 1));
		sc->req_stat = palloc0(Max(t->nreqs, 1));
		sc->force = palloc(Max(t->ncrits, 1));
		sc->out_stat = palloc0(Max(t->ncrits, 1));
		st->band_numeric[i] = palloc0(Max(t->nitems, 1) * 64 * sizeof(Datum));
		for (j = 0; j < t->nitems; j++)
		{
			if (t->items[j].nbands > 64)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("score item \"%s\" of tier \"%s\" has more than 64 bands",
								t->items[j].name, t->code)));
			for (k = 0; k < t->items[j].nbands; k++)
				if (!t->items[j].bands[k].points_is_value)
					st->band_numeric[i][j * 64 + k] =
						rat_numeric(st, t->items[j].bands[k].points, 6);
		}
		st->code_text[i] = kit_text_datum(t->code);
		st->version_text[i] = kit_text_datum(t->version);
		st->label_text[i] = kit_text_datum(t->label);
	}
	st->empty_text_array = PointerGetDatum(construct_empty_array(TEXTOID));
	st->gap_type = get_element_type(TupleDescAttr(desc, TIER_NCOLS - 1)->atttypid);
	if (desc->natts != TIER_NCOLS || !OidIsValid(st->gap_type))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("tier function declared with a wrong result type")));
	st->gap_desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(st->gap_type, -1));
	if (st->gap_desc->natts != GAP_NCOLS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type %s must have %d attributes", format_type_be(st->gap_type), GAP_NCOLS)));
	st->empty_gap_array = PointerGetDatum(construct_empty_array(st->gap_type));
	if (prog->in_credit_code >= 0)
	{
		TierInput  *in = &prog->inputs[prog->in_credit_code];

		kit_bind_attno(&st->credit_code_col, in->colno, in->typid, in->kind, CurrentMemoryContext);
	}
	if (prog->in_name >= 0)
	{
		TierInput  *in = &prog->inputs[prog->in_name];

		kit_bind_attno(&st->name_col, in->colno, in->typid, in->kind, CurrentMemoryContext);
	}
	for (i = 0; i < prog->ntiers; i++)
	{
		TierRule   *t = &prog->tiers[i];

		for (j = 0; j < t->ncrits; j++)
			t->crits[j].name_text = kit_text_datum(t->crits[j].name);
		for (j = 0; j < t->nitems; j++)
			t->items[j].name_text = kit_text_datum(t->items[j].name);
	}
	return st;
}

/* Evaluate every tier on the current row and emit the requested ones. */
static void
emit_row(TierState *st, Tuplestorestate *ts, TupleDesc tupdesc, int64 ordinal)
{
	TierProgram *prog = st->prog;
	Datum		values[TIER_NCOLS];
	bool		nulls[TIER_NCOLS];
	int			i;

	compute_metrics(st);
	for (i = 0; i < prog->ntiers; i++)
		eval_tier(st, i);
	for (i = 0; i < prog->nout; i++)
	{
		tier_output(st, prog->out[i], ordinal, values, nulls);
		tuplestore_putvalues(ts, tupdesc, values, nulls);
	}
}

/* The optional third argument absent_means_no (22004 when NULL). */
static bool
absent_means_no_arg(FunctionCallInfo fcinfo)
{
	if (PG_NARGS() < 3)
		return false;
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("absent_means_no must not be NULL"),
				 errhint("Pass true to read absent status columns as \"no\", false to leave them unknown.")));
	return PG_GETARG_BOOL(2);
}

/* The input's columns with the tier engine's duplicate-column error (42701). */
static KitColumns *
tier_columns(KitColumns *cols)
{
	cols->dup_errcode = ERRCODE_DUPLICATE_COLUMN;
	cols->dup_hint = "Give each input attribute one column, e.g. with SELECT t.*, x AS other_name.";
	return cols;
}

/*
 * tier_check(query text, tiers text[] DEFAULT NULL [, absent_means_no
 * boolean]): every row of the query against every requested tier.
 */
PG_FUNCTION_INFO_V1(tier_check);
Datum
tier_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *query;
	ArrayType  *tiers = PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1);
	bool		absent_no = absent_means_no_arg(fcinfo);
	KitQuery   *q;
	TierProgram *prog;
	TierState  *st;
	MemoryContext rowcxt;
	MemoryContext oldcxt;
	int			natts = 0;
	int			i;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("query must not be NULL")));
	query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	q = kit_query_open(query, "the tier input query", 0);
	prog = tier_compile(get_func_namespace(fcinfo->flinfo->fn_oid), tiers,
						tier_columns(kit_columns_of_desc(TIER_INPUT, q->desc)));
	for (i = 0; i < prog->ninputs; i++)
		natts = Max(natts, prog->inputs[i].colno);
	kit_query_limit(q, natts);
	st = tier_state(prog, rsinfo->setDesc);
	st->absent_no = absent_no;
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "tier row",
								   ALLOCSET_DEFAULT_SIZES);
	while (kit_query_next(q))
	{
		oldcxt = MemoryContextSwitchTo(rowcxt);
		read_row(st, q);
		if (st->absent_no)
			absent_as_no(st);
		emit_row(st, rsinfo->setResult, rsinfo->setDesc, q->rows);
		MemoryContextSwitchTo(oldcxt);
		MemoryContextReset(rowcxt);
	}
	kit_query_close(q);
	SPI_finish();
	return (Datum) 0;
}

/*
 * tier_check_record(record jsonb, tiers text[] DEFAULT NULL [,
 * absent_means_no boolean]): one enterprise given as a jsonb object of
 * attributes.
 */
PG_FUNCTION_INFO_V1(tier_check_record);
Datum
tier_check_record(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Jsonb	   *jb;
	ArrayType  *tiers = PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1);
	bool		absent_no = absent_means_no_arg(fcinfo);
	TierProgram *prog;
	TierState  *st;
	char	  **names;
	Oid		   *types;
	int			n = 0;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	jb = PG_GETARG_JSONB_P(0);
	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tier record must be a jsonb object")));
	names = palloc(Max(JB_ROOT_COUNT(jb), 1) * sizeof(char *));
	types = palloc0(Max(JB_ROOT_COUNT(jb), 1) * sizeof(Oid));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_KEY)
			names[n++] = pnstrdup(v.val.string.val, v.val.string.len);

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	prog = tier_compile(get_func_namespace(fcinfo->flinfo->fn_oid), tiers,
						tier_columns(kit_columns(TIER_INPUT, n, names, types)));
	st = tier_state(prog, rsinfo->setDesc);
	read_jsonb(st, jb);
	if (absent_no)
		absent_as_no(st);
	emit_row(st, rsinfo->setResult, rsinfo->setDesc, 1);
	SPI_finish();
	return (Datum) 0;
}

/*
 * tier_validate(tiers text[] DEFAULT NULL): compile the tiers (default all)
 * and their prerequisites, raising on bad rule data.
 */
PG_FUNCTION_INFO_V1(tier_validate);
Datum
tier_validate(PG_FUNCTION_ARGS)
{
	ArrayType  *tiers = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	TierProgram *prog;
	int			n;

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not connect to SPI")));
	prog = tier_compile(get_func_namespace(fcinfo->flinfo->fn_oid), tiers,
						tier_columns(kit_columns(TIER_INPUT, 0, NULL, NULL)));
	n = prog->ntiers;
	SPI_finish();
	PG_RETURN_INT32(n);
}
