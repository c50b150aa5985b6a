/*-------------------------------------------------------------------------
 *
 * tier_rules.c
 *	  Load the 梯度培育 rule tables (tier_definition, tier_criterion,
 *	  tier_score_band), validate them and compile the requested tiers and
 *	  their prerequisites into a TierProgram.
 *
 * Rule data is read with the caller's rights through SPI (the caller must
 * be connected).  Metric names resolve to input columns first, then to the
 * fixed set of derived metrics below; nothing of the rule data is ever
 * turned into SQL, so there is no injection path.
 *
 *-------------------------------------------------------------------------
 */
#include "tier.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

/* ---------------------------------------------------------------------
 * Attribute and derived-metric catalogue
 * ---------------------------------------------------------------------
 */

typedef struct AttrInfo
{
	const char *name;
	const char *label;
	TierUnit	unit;
} AttrInfo;

static const AttrInfo known_attrs[] = {
	{"revenue", "营业收入", TU_MONEY},
	{"revenue_prev1", "前一年营业收入", TU_MONEY},
	{"revenue_prev2", "前两年营业收入", TU_MONEY},
	{"main_revenue", "主营业务收入", TU_MONEY},
	{"main_revenue_prev1", "前一年主营业务收入", TU_MONEY},
	{"main_revenue_prev2", "前两年主营业务收入", TU_MONEY},
	{"rd", "R&D经费支出", TU_MONEY},
	{"rd_prev1", "前一年R&D经费支出", TU_MONEY},
	{"rd_staff", "研发人员", TU_PEOPLE},
	{"employees", "职工人数", TU_PEOPLE},
	{"debt_ratio", "资产负债率", TU_RATIO},
	{"net_profit", "净利润", TU_MONEY},
	{"net_profit_prev1", "前一年净利润", TU_MONEY},
	{"net_profit_prev2", "前两年净利润", TU_MONEY},
	{"tax", "税收", TU_MONEY},
	{"value_added", "工业增加值", TU_MONEY},
	{"years_in_niche", "从事细分市场年限", TU_YEARS},
	{"years_in_operation", "连续经营年限", TU_YEARS},
	{"ip_class1_high_value", "Ⅰ类高价值知识产权", TU_COUNT},
	{"ip_class1_own", "自主研发Ⅰ类知识产权", TU_COUNT},
	{"ip_class1", "Ⅰ类知识产权", TU_COUNT},
	{"ip_class2", "Ⅱ类知识产权", TU_COUNT},
	{"invention_patents", "有效发明专利", TU_COUNT},
	{"equity_financing_2y", "近2年新增股权融资", TU_MONEY},
	{"equity_financing_3y", "近3年新增股权融资", TU_MONEY},
	{"market_share_national", "全国细分市场占有率", TU_RATIO},
	{"market_share_rank_global", "全球市场占有率排名", TU_RANK},
	{"market_share_rank_national", "全国市场占有率排名", TU_RANK},
	{"sei_field", "主导产品属于战略性新兴产业", TU_FLAG},
	{"chain_field", "主导产品所属领域", TU_LEVEL},
	{"key_field", "主导产品属于重点领域", TU_FLAG},
	{"rd_institution", "研发机构级别", TU_LEVEL},
	{"digital_level", "数字化水平", TU_LEVEL},
	{"quality_items", "质量项目", TU_COUNT},
	{"feature_points", "特色化得分", TU_POINTS},
	{"main_products", "主导产品数量", TU_COUNT},
	{"product_revenue", "单项产品销售收入", TU_MONEY},
	{"high_tech", "高新技术企业", TU_FLAG},
	{"innovation_demo", "国家级技术创新示范企业", TU_FLAG},
	{"ip_advantage", "知识产权优势/示范企业", TU_FLAG},
	{"sci_award_3y", "近3年国家级或省级科技奖励", TU_FLAG},
	{"sci_award_top", "近3年省级科技奖励前三或国家级前五", TU_FLAG},
	{"sci_award_national_top3", "近3年国家级科技奖励前三", TU_FLAG},
	{"maker_china_top500", "创客中国全国500强", TU_FLAG},
	{"maker_china_top50", "创客中国全国50强", TU_FLAG},
	{"info_system", "核心业务信息系统支撑", TU_FLAG},
	{"mgmt_cert", "管理体系或发达国家产品认证", TU_FLAG},
	{"own_brand", "自主品牌", TU_FLAG},
	{"new_product", "新产品", TU_FLAG},
	{"margin_above_industry", "利润率高于行业水平", TU_FLAG},
	{"core_ip", "核心自主知识产权", TU_FLAG},
	{"bank_credit_a", "银行信用等级A级以上", TU_FLAG},
	{"credit_good", "企业信用良好", TU_FLAG},
	{"digital_investment_5y", "近5年软硬件投资", TU_MONEY},
	{"mountain_island", "山区海岛县", TU_FLAG},
	{"scope", "规上/规下", TU_NUMBER},
	{"tiers_held", "已认定梯度", TU_NUMBER},
	{"credit_code", "统一社会信用代码", TU_NUMBER},
	{"name", "企业名称", TU_NUMBER},
};

/*
 * Attributes that say whether (or how much of) a status, title, award, item or
 * amount a firm has: with absent_means_no, an absent column of these reads as
 * "no" (false, 0).  Measures (revenue, employees, years, shares, levels scored
 * elsewhere) are not listed: their absence stays unknown.
 */
static const char *const absent_no_attrs[] = {
	"ip_class1_high_value", "ip_class1_own", "ip_class1", "ip_class2", "invention_patents",
	"equity_financing_2y", "equity_financing_3y", "sei_field", "chain_field", "key_field",
	"rd_institution", "quality_items", "high_tech", "innovation_demo", "ip_advantage",
	"sci_award_3y", "sci_award_top", "sci_award_national_top3", "maker_china_top500",
	"maker_china_top50", "info_system", "mgmt_cert", "own_brand", "new_product",
	"margin_above_industry", "core_ip", "bank_credit_a", "credit_good", "mountain_island",
};

typedef struct DerivedInfo
{
	const char *name;
	const char *label;
	TierUnit	unit;
	DerivedKind kind;
	const char *args[3];
	const char *lever;
} DerivedInfo;

static const DerivedInfo derived_metrics[] = {
	{"rd_ratio", "研发费用占营业收入比重", TU_RATIO, DM_RATIO, {"rd", "revenue"}, "rd"},
	{"rd_ratio_prev1", "前一年研发费用占营业收入比重", TU_RATIO, DM_RATIO, {"rd_prev1", "revenue_prev1"}, NULL},
	{"rd_2y", "近2年研发费用总额", TU_MONEY, DM_SUM, {"rd", "rd_prev1"}, "rd"},
	{"rd_2y_avg", "近2年研发费用均值", TU_MONEY, DM_AVG2, {"rd", "rd_prev1"}, "rd"},
	{"rd_staff_ratio", "研发人员占职工总数比重", TU_RATIO, DM_RATIO, {"rd_staff", "employees"}, "rd_staff"},
	{"main_share", "主营业务收入占营业收入比重", TU_RATIO, DM_RATIO, {"main_revenue", "revenue"}, NULL},
	{"product_share", "单项产品销售收入占营业收入比重", TU_RATIO, DM_RATIO, {"product_revenue", "revenue"}, NULL},
	{"net_margin", "净利润率", TU_RATIO, DM_RATIO, {"net_profit", "revenue"}, "net_profit"},
	{"main_growth", "主营业务收入增长率", TU_RATIO, DM_GROWTH, {"main_revenue", "main_revenue_prev1"}, "main_revenue"},
	{"main_growth_2y", "近2年主营业务收入平均增长率", TU_RATIO, DM_GROWTH2_ARITH, {"main_revenue", "main_revenue_prev1", "main_revenue_prev2"}, "main_revenue"},
	{"revenue_growth", "营业收入增长率", TU_RATIO, DM_GROWTH, {"revenue", "revenue_prev1"}, "revenue"},
	{"revenue_growth_prev1", "前一年营业收入增长率", TU_RATIO, DM_GROWTH, {"revenue_prev1", "revenue_prev2"}, NULL},
	{"net_profit_growth_2y", "近2年净利润平均增长率", TU_RATIO, DM_GROWTH2_ARITH, {"net_profit", "net_profit_prev1", "net_profit_prev2"}, "net_profit"},
	{"below_scale", "规下企业", TU_FLAG, DM_BELOW_SCALE, {"scope"}, NULL},
};

/* ---------------------------------------------------------------------
 * Program building
 * ---------------------------------------------------------------------
 */

/* A loaded row of tier_definition. */
typedef struct DefRow
{
	char	   *code;
	char	   *version;
	char	   *label;
	char	   *valid_from;
	bool		geometric;
	int			state;			/* 0 new, 1 compiling, 2 compiled */
	int			compiled;		/* index in prog->tiers */
} DefRow;

typedef struct CompileCtx
{
	TierProgram *prog;
	const KitColumns *cols;	/* the query's columns or the record's keys */
	int			ndefs;
	DefRow	   *defs;
	SPITupleTable *crit_tab;
	uint64		ncrit;
	SPITupleTable *band_tab;
	uint64		nband;
	int			tiers_cap;
	int			inputs_cap;
	int			metrics_cap;
	KitTypes	types;
} CompileCtx;

/* Index of the input attribute name in prog, or -1. */
static int
tier_input_index(TierProgram *prog, const char *name)
{
	int			i;

	for (i = 0; i < prog->ninputs; i++)
		if (strcmp(prog->inputs[i].name, name) == 0)
			return i;
	return -1;
}

/* Check that an input column's type suits its attribute (42804). */
static void
check_input_type(TierInput *in)
{
	KitType		k = in->kind;
	bool		ok;

	if (in->colno == 0 || in->typid == InvalidOid)
		return;
	if (strcmp(in->name, "credit_code") == 0 || strcmp(in->name, "name") == 0)
		return;
	if (strcmp(in->name, "scope") == 0)
		ok = (k == KIT_TEXT);
	else if (strcmp(in->name, "tiers_held") == 0)
		ok = (k == KIT_TEXT_ARRAY);
	else if (kit_type_is_number(k))
		ok = true;
	else if (k == KIT_BOOL)
		ok = (in->unit == TU_FLAG || in->unit == TU_NUMBER);
	else if (k == KIT_YUAN)
		ok = (in->unit == TU_MONEY);
	else
		ok = false;
	if (!ok)
		kit_type_error("the tier input", in->name, in->typid,
					   psprintf("Attribute \"%s\" (%s) must be %s.", in->name, in->label,
								strcmp(in->name, "scope") == 0 ? "text" :
								strcmp(in->name, "tiers_held") == 0 ? "text[]" :
								in->unit == TU_MONEY ? "yuan or a number of 元" :
								in->unit == TU_FLAG || in->unit == TU_NUMBER ?
								"boolean or a number" : "a number"),
					   NULL);
}

/* Find or add the input attribute name. */
static int
add_input(CompileCtx *cx, const char *name)
{
	TierProgram *prog = cx->prog;
	TierInput  *in;
	int			i = tier_input_index(prog, name);
	int			c;

	if (i >= 0)
		return i;
	if (prog->ninputs == cx->inputs_cap)
	{
		cx->inputs_cap *= 2;
		prog->inputs = repalloc(prog->inputs, cx->inputs_cap * sizeof(TierInput));
	}
	in = &prog->inputs[prog->ninputs];
	in->name = pstrdup(name);
	in->label = in->name;
	in->unit = TU_NUMBER;
	in->absent_no = false;
	for (i = 0; i < (int) lengthof(absent_no_attrs); i++)
		if (strcmp(absent_no_attrs[i], name) == 0)
			in->absent_no = true;
	for (i = 0; i < (int) lengthof(known_attrs); i++)
		if (strcmp(known_attrs[i].name, name) == 0)
		{
			in->label = known_attrs[i].label;
			in->unit = known_attrs[i].unit;
			break;
		}
	c = kit_column_index(cx->cols, name);
	in->colno = c + 1;
	in->typid = c >= 0 ? cx->cols->types[c] : InvalidOid;
	in->kind = kit_type_of(&cx->types, in->typid);
	check_input_type(in);
	return prog->ninputs++;
}

/* Resolve a metric name (input column first, then derived). */
static int
add_metric(CompileCtx *cx, const char *name, bool geometric,
		   const char *tier, const char *what)
{
	TierProgram *prog = cx->prog;
	TierMetric	m;
	const DerivedInfo *di = NULL;
	const char *p;
	int			i;

	if (*name == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("empty metric name in tier \"%s\"", tier),
				 errdetail("%s", what)));
	for (p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid metric name \"%s\" in tier \"%s\"", name, tier),
					 errdetail("%s", what),
					 errhint("A metric is an input column name or a derived metric: lower-case letters, digits and underscores.")));

	memset(&m, 0, sizeof(m));
	m.lever = -1;
	if (kit_column_index(cx->cols, name) < 0)
		for (i = 0; i < (int) lengthof(derived_metrics); i++)
			if (strcmp(derived_metrics[i].name, name) == 0)
			{
				di = &derived_metrics[i];
				break;
			}
	if (di)
	{
		m.derived = di->kind;
		if (geometric && di->kind == DM_GROWTH2_ARITH)
			m.derived = DM_GROWTH2_GEO;
		m.label = di->label;
		m.unit = di->unit;
		for (i = 0; i < 3 && di->args[i]; i++)
			m.args[i] = add_input(cx, di->args[i]);
		m.nargs = i;
		if (di->lever)
			m.lever = add_input(cx, di->lever);
	}
	else
	{
		int			in = add_input(cx, name);

		m.derived = DM_NONE;
		m.nargs = 1;
		m.args[0] = in;
		m.label = prog->inputs[in].label;
		m.unit = prog->inputs[in].unit;
		m.lever = -1;
	}

	/* reuse an identical metric */
	for (i = 0; i < prog->nmetrics; i++)
		if (strcmp(prog->metrics[i].name, name) == 0 &&
			prog->metrics[i].derived == m.derived)
			return i;
	if (prog->nmetrics == cx->metrics_cap)
	{
		cx->metrics_cap *= 2;
		prog->metrics = repalloc(prog->metrics, cx->metrics_cap * sizeof(TierMetric));
	}
	m.name = pstrdup(name);
	prog->metrics[prog->nmetrics] = m;
	return prog->nmetrics++;
}

/* Parse a numeric bound of rule data. */
static Rat
parse_bound(const char *s, const char *tier, const char *what, const char *field)
{
	Rat			r;

	if (!rat_parse(s, &r))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s \"%s\" in tier \"%s\"", field, s, tier),
				 errdetail("%s", what),
				 errhint("Bounds must be finite numbers with at most 38 digits.")));
	return r;
}

/*
 * Build a range from (low, low_op, high, high_op) text values; NULL values
 * are NULL pointers.  required says whether at least one bound is needed.
 */
static bool
build_range(Range *r, char *low, char *low_op, char *high, char *high_op,
			const char *tier, const char *what, const char *prefix)
{
	memset(r, 0, sizeof(*r));
	if ((low == NULL) != (low_op == NULL) || (high == NULL) != (high_op == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%slow and %slow_op (or %shigh and %shigh_op) must be given together in tier \"%s\"",
						prefix, prefix, prefix, prefix, tier),
				 errdetail("%s", what)));
	if (low)
	{
		if (strcmp(low_op, "以上") == 0)
			r->low_incl = true;
		else if (strcmp(low_op, "超过") == 0)
			r->low_incl = false;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid %slow_op \"%s\" in tier \"%s\"", prefix, low_op, tier),
					 errdetail("%s", what),
					 errhint("A lower bound is 以上 (the number included) or 超过 (excluded).")));
		r->has_low = true;
		r->low = parse_bound(low, tier, what, "lower bound");
	}
	if (high)
	{
		if (strcmp(high_op, "以下") == 0)
			r->high_incl = true;
		else if (strcmp(high_op, "不满") == 0)
			r->high_incl = false;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid %shigh_op \"%s\" in tier \"%s\"", prefix, high_op, tier),
					 errdetail("%s", what),
					 errhint("An upper bound is 以下 (the number included) or 不满 (excluded).")));
		r->has_high = true;
		r->high = parse_bound(high, tier, what, "upper bound");
	}
	if (r->has_low && r->has_high)
	{
		int			c = rat_cmp(r->low, r->high);

		if (c > 0 || (c == 0 && !(r->low_incl && r->high_incl)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("empty range %s%s to %s%s in tier \"%s\"",
							low, low_op, high, high_op, tier),
					 errdetail("%s", what),
					 errhint("The lower bound must lie below the upper bound.")));
	}
	return r->has_low || r->has_high;
}

/* Do two ranges share a value? */
static bool
ranges_overlap(const Range *a, const Range *b)
{
	/* a lies wholly below b? */
	if (a->has_high && b->has_low)
	{
		int			c = rat_cmp(a->high, b->low);

		if (c < 0 || (c == 0 && !(a->high_incl && b->low_incl)))
			return false;
	}
	if (b->has_high && a->has_low)
	{
		int			c = rat_cmp(b->high, a->low);

		if (c < 0 || (c == 0 && !(b->high_incl && a->low_incl)))
			return false;
	}
	return true;
}

/* SPI text value of column col, or NULL. */
static char *
val(SPITupleTable *tab, uint64 row, int col)
{
	char	   *s = SPI_getvalue(tab->vals[row], tab->tupdesc, col);

	return s ? unconstify(char *, kit_utf8(s)) : NULL;
}

/* Find a definition by code and (optional) version: latest valid_from. */
static int
find_def(CompileCtx *cx, const char *code, const char *version)
{
	int			best = -1;
	int			i;

	for (i = 0; i < cx->ndefs; i++)
	{
		DefRow	   *d = &cx->defs[i];

		if (strcmp(d->code, code) != 0)
			continue;
		if (version)
		{
			if (strcmp(d->version, version) == 0)
				return i;
			continue;
		}
		if (best < 0 ||
			strcmp(d->valid_from, cx->defs[best].valid_from) > 0 ||
			(strcmp(d->valid_from, cx->defs[best].valid_from) == 0 &&
			 strcmp(d->version, cx->defs[best].version) > 0))
			best = i;
	}
	return best;
}

static int	compile_def(CompileCtx *cx, int di);

/* Index of name in a string list, appending it when absent. */
static int
name_index(char ***list, int *n, int *cap, const char *name)
{
	int			i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], name) == 0)
			return i;
	if (*n == *cap)
	{
		*cap *= 2;
		*list = repalloc(*list, *cap * sizeof(char *));
	}
	(*list)[*n] = pstrdup(name);
	return (*n)++;
}

/* Order of two bands by their lower end (no lower end first). */
static int
band_low_cmp(const void *a, const void *b)
{
	const Range *x = &((const TierBand *) a)->range;
	const Range *y = &((const TierBand *) b)->range;
	int			c;

	if (!x->has_low || !y->has_low)
		return (int) x->has_low - (int) y->has_low;
	c = rat_cmp(x->low, y->low);
	if (c != 0)
		return c;
	return (int) y->low_incl - (int) x->low_incl;
}

/*
 * The distinct metrics of item it and, per metric, the least points its
 * bands give whatever the metric's value: the smallest band's points when
 * the bands cover every number (no value falls between them), else 0 (a
 * value outside every band earns nothing).  An item whose metric is unknown
 * earns at least this.
 */
static void
item_floors(TierItem *it)
{
	int			i,
				j;

	it->metrics = palloc(Max(it->nbands, 1) * sizeof(int));
	it->floor_pts = palloc(Max(it->nbands, 1) * sizeof(Rat));
	it->nmetrics = 0;
	for (i = 0; i < it->nbands; i++)
	{
		for (j = 0; j < it->nmetrics; j++)
			if (it->metrics[j] == it->bands[i].metric)
				break;
		if (j == it->nmetrics)
			it->metrics[it->nmetrics++] = it->bands[i].metric;
	}
	for (j = 0; j < it->nmetrics; j++)
	{
		TierBand   *bs = palloc(it->nbands * sizeof(TierBand));
		int			n = 0;
		bool		covered;
		Rat			least;

		for (i = 0; i < it->nbands; i++)
			if (it->bands[i].metric == it->metrics[j])
				bs[n++] = it->bands[i];
		qsort(bs, n, sizeof(TierBand), band_low_cmp);
		/* bands of one metric never overlap: they cover all when they chain */
		covered = !bs[0].range.has_low && !bs[n - 1].range.has_high;
		for (i = 1; i < n && covered; i++)
			covered = bs[i - 1].range.has_high && bs[i].range.has_low &&
				rat_cmp(bs[i - 1].range.high, bs[i].range.low) == 0 &&
				(bs[i - 1].range.high_incl || bs[i].range.low_incl);
		least = covered ? bs[0].points : rat_int(0);
		for (i = 0; i < n && covered; i++)
		{
			Rat			p = bs[i].points_is_value ? bs[i].range.low : bs[i].points;

			if (rat_cmp(p, least) < 0)
				least = p;
		}
		it->floor_pts[j] = least;
		pfree(bs);
	}
}

/* Compile the score bands of definition d into t. */
static void
compile_bands(CompileCtx *cx, DefRow *d, TierRule *t, const char *tname)
{
	uint64		r;
	int			items_cap = 8;
	int			groups_cap = 4;
	int		   *bands_cap;

	t->items = palloc0(items_cap * sizeof(TierItem));
	t->groups = palloc(groups_cap * sizeof(char *));
	bands_cap = palloc0(items_cap * sizeof(int));
	for (r = 0; r < cx->nband; r++)
	{
		SPITupleTable *tab = cx->band_tab;
		char	   *item,
				   *group,
				   *metric,
				   *band,
				   *points;
		char		what[512];
		int			ii,
					gi;
		TierItem   *it;
		TierBand   *b;

		if (strcmp(val(tab, r, 1), d->code) != 0 || strcmp(val(tab, r, 2), d->version) != 0)
			continue;
		item = val(tab, r, 3);
		group = val(tab, r, 4);
		band = val(tab, r, 5);
		metric = val(tab, r, 6);
		points = val(tab, r, 11);
		snprintf(what, sizeof(what), "Score band %s of item \"%s\".", band, item);

		for (ii = 0; ii < t->nitems; ii++)
			if (strcmp(t->items[ii].name, item) == 0)
				break;
		gi = name_index(&t->groups, &t->ngroups, &groups_cap, group);
		if (ii == t->nitems)
		{
			if (t->nitems == items_cap)
			{
				items_cap *= 2;
				t->items = repalloc(t->items, items_cap * sizeof(TierItem));
				bands_cap = repalloc(bands_cap, items_cap * sizeof(int));
			}
			it = &t->items[t->nitems++];
			memset(it, 0, sizeof(*it));
			it->name = pstrdup(item);
			it->group = gi;
			bands_cap[ii] = 4;
			it->bands = palloc(4 * sizeof(TierBand));
		}
		it = &t->items[ii];
		if (it->group != gi)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("score item \"%s\" of tier \"%s\" is in two score groups, \"%s\" and \"%s\"",
							item, tname, t->groups[it->group], group),
					 errhint("All bands of one item belong to one score group.")));
		if (it->nbands == bands_cap[ii])
		{
			bands_cap[ii] *= 2;
			it->bands = repalloc(it->bands, bands_cap[ii] * sizeof(TierBand));
		}
		b = &it->bands[it->nbands];
		memset(b, 0, sizeof(*b));
		b->metric = add_metric(cx, metric, d->geometric, tname, what);
		if (!build_range(&b->range, val(tab, r, 7), val(tab, r, 8),
						 val(tab, r, 9), val(tab, r, 10), tname, what, ""))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("score band without bounds in tier \"%s\"", tname),
					 errdetail("%s", what),
					 errhint("Give low/low_op, high/high_op or both.")));
		if (points == NULL)
		{
			if (!b->range.has_high || !b->range.has_low ||
				b->range.low.n < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("score band with points taken from the value needs a range from 0 or more to an upper bound, in tier \"%s\"", tname),
						 errdetail("%s", what)));
			b->points_is_value = true;
			b->points = b->range.high;
		}
		else
		{
			b->points = parse_bound(points, tname, what, "points");
			if (b->points.n < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("negative points %s in tier \"%s\"", points, tname),
						 errdetail("%s", what)));
		}
		/* bands of one item on one metric must not overlap */
		{
			int			k;

			for (k = 0; k < it->nbands; k++)
				if (it->bands[k].metric == b->metric &&
					ranges_overlap(&it->bands[k].range, &b->range))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("overlapping score bands for metric \"%s\" in item \"%s\" of tier \"%s\"",
									metric, item, tname),
							 errdetail("Band %s overlaps an earlier band of the same item.", band),
							 errhint("Where two bands touch, exactly one of them may include the number: write 以上/以下 on that one and 超过/不满 on the other.")));
		}
		it->nbands++;
	}
	{
		int			ii;

		for (ii = 0; ii < t->nitems; ii++)
			item_floors(&t->items[ii]);
	}
}

/* Compile the criteria of definition d into t (prerequisites compiled first). */
static void
compile_criteria(CompileCtx *cx, DefRow *d, TierRule *t, const char *tname)
{
	uint64		r;
	int			cap = 8;
	char	  **reqs;
	int			nreqs = 0,
				reqs_cap = 8;
	char	  **routes;
	int			nroutes = 0,
				routes_cap = 8;
	int		   *route_req;

	t->crits = palloc0(cap * sizeof(TierCrit));
	reqs = palloc(reqs_cap * sizeof(char *));
	routes = palloc(routes_cap * sizeof(char *));
	route_req = palloc(routes_cap * sizeof(int));
	for (r = 0; r < cx->ncrit; r++)
	{
		SPITupleTable *tab = cx->crit_tab;
		TierCrit   *c;
		char	   *name,
				   *metric,
				   *req,
				   *route,
				   *rtier,
				   *rver,
				   *wmetric;
		char		what[512];
		char		key[1024];
		int			ri;

		if (strcmp(val(tab, r, 1), d->code) != 0 || strcmp(val(tab, r, 2), d->version) != 0)
			continue;
		if (t->ncrits == cap)
		{
			cap *= 2;
			t->crits = repalloc(t->crits, cap * sizeof(TierCrit));
		}
		c = &t->crits[t->ncrits];
		memset(c, 0, sizeof(*c));
		name = val(tab, r, 3);
		c->name = name;
		c->label = val(tab, r, 4);
		req = val(tab, r, 5);
		route = val(tab, r, 6);
		metric = val(tab, r, 7);
		rtier = val(tab, r, 8);
		rver = val(tab, r, 9);
		wmetric = val(tab, r, 14);
		snprintf(what, sizeof(what), "Criterion \"%s\".", name);

		if (req == NULL)
			req = name;
		if (route == NULL)
			route = "";
		c->req = name_index(&reqs, &nreqs, &reqs_cap, req);
		snprintf(key, sizeof(key), "%d\x1f%s", c->req, route);
		ri = nroutes;
		c->route = name_index(&routes, &nroutes, &routes_cap, key);
		if (c->route == ri)
		{
			route_req = repalloc(route_req, routes_cap * sizeof(int));
			route_req[ri] = c->req;
		}

		if ((metric == NULL) == (rtier == NULL))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("criterion \"%s\" of tier \"%s\" needs exactly one of metric and required_tier",
							name, tname)));
		if (rtier)
		{
			int			pd = find_def(cx, rtier, rver);

			if (pd < 0)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("tier \"%s%s%s\" required by tier \"%s\" does not exist",
								rtier, rver ? ":" : "", rver ? rver : "", tname),
						 errdetail("%s", what)));
			c->kind = CK_PREREQ;
			c->prereq = compile_def(cx, pd);
			c->prereq_code = pstrdup(rtier);
			if (val(tab, r, 10) || val(tab, r, 12))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("prerequisite criterion \"%s\" of tier \"%s\" cannot have bounds",
								name, tname)));
		}
		else
		{
			if (!build_range(&c->range, val(tab, r, 10), val(tab, r, 11),
							 val(tab, r, 12), val(tab, r, 13), tname, what, ""))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("criterion \"%s\" of tier \"%s\" has no bounds", name, tname),
						 errhint("Give low/low_op, high/high_op or both.")));
			if (strcmp(metric, "score") == 0)
				c->kind = CK_SCORE;
			else if (strncmp(metric, "score.", 6) == 0)
			{
				int			g;

				c->kind = CK_GROUP;
				c->group = -1;
				for (g = 0; g < t->ngroups; g++)
					if (strcmp(t->groups[g], metric + 6) == 0)
						c->group = g;
				if (c->group < 0)
					ereport(ERROR,
							(errcode(ERRCODE_UNDEFINED_OBJECT),
							 errmsg("score group \"%s\" does not exist in tier \"%s\"",
									metric + 6, tname),
							 errdetail("%s", what)));
			}
			else
			{
				c->kind = CK_METRIC;
				c->metric = add_metric(cx, metric, d->geometric, tname, what);
			}
			if ((c->kind == CK_SCORE || c->kind == CK_GROUP) && t->nitems == 0)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("tier \"%s\" has no score bands for criterion \"%s\"", tname, name)));
		}
		if (wmetric)
		{
			c->has_cond = true;
			c->cond_metric = add_metric(cx, wmetric, d->geometric, tname, what);
			if (!build_range(&c->cond, val(tab, r, 15), val(tab, r, 16),
							 val(tab, r, 17), val(tab, r, 18), tname, what, "when_"))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("condition of criterion \"%s\" of tier \"%s\" has no bounds", name, tname),
						 errhint("Give when_low/when_low_op, when_high/when_high_op or both.")));
		}
		else if (val(tab, r, 15) || val(tab, r, 17))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("criterion \"%s\" of tier \"%s\" has condition bounds but no when_metric",
							name, tname)));
		t->ncrits++;
	}
	if (t->ncrits == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tier \"%s\" has no criteria", tname),
				 errhint("Add rows to tier_criterion; a score alone needs a criterion on metric \"score\".")));
	t->nreqs = nreqs;
	t->nroutes = nroutes;
	t->route_req = route_req;
}

/* Compile definition di (and its prerequisites); return its index. */
static int
compile_def(CompileCtx *cx, int di)
{
	DefRow	   *d = &cx->defs[di];
	TierProgram *prog = cx->prog;
	TierRule	t;
	char	   *tname;

	if (d->state == 2)
		return d->compiled;
	tname = psprintf("%s:%s", d->code, d->version);
	if (d->state == 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prerequisites of tier \"%s\" form a cycle", tname),
				 errhint("A tier cannot require itself, directly or through other tiers.")));
	d->state = 1;
	memset(&t, 0, sizeof(t));
	t.code = d->code;
	t.version = d->version;
	t.label = d->label;
	compile_bands(cx, d, &t, tname);
	compile_criteria(cx, d, &t, tname);
	d->state = 2;
	if (prog->ntiers == cx->tiers_cap)
	{
		cx->tiers_cap *= 2;
		prog->tiers = repalloc(prog->tiers, cx->tiers_cap * sizeof(TierRule));
	}
	prog->tiers[prog->ntiers] = t;
	d->compiled = prog->ntiers++;
	return d->compiled;
}

/* Run a rule-table query, erroring cleanly. */
static SPITupleTable *
run_rules_query(const char *sql, uint64 *n)
{
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not read the tier rule tables")));
	*n = SPI_processed;
	return SPI_tuptable;
}

/*
 * Compile the requested tiers (text[] of "code" or "code:version"; NULL =
 * every code at its latest version) against the given input columns; the
 * rule tables are those of schema nsp_oid (the extension's).
 */
TierProgram *
tier_compile(Oid nsp_oid, ArrayType *tiers, const KitColumns *cols)
{
	CompileCtx	cx;
	TierProgram *prog = palloc0(sizeof(TierProgram));
	const char *nsp = quote_identifier(get_namespace_name(nsp_oid));
	SPITupleTable *deftab;
	uint64		ndef,
				i;
	int			nout_cap = 8;

	memset(&cx, 0, sizeof(cx));
	cx.prog = prog;
	cx.cols = cols;
	cx.types = kit_types(nsp_oid);
	cx.tiers_cap = 8;
	cx.inputs_cap = 16;
	cx.metrics_cap = 16;
	prog->tiers = palloc0(cx.tiers_cap * sizeof(TierRule));
	prog->inputs = palloc0(cx.inputs_cap * sizeof(TierInput));
	prog->metrics = palloc0(cx.metrics_cap * sizeof(TierMetric));
	prog->out = palloc(nout_cap * sizeof(int));

	deftab = run_rules_query(psprintf("SELECT code, version, label, valid_from::pg_catalog.text, growth_average "
									  "FROM %s.tier_definition ORDER BY code, version", nsp), &ndef);
	cx.ndefs = (int) ndef;
	cx.defs = palloc0(Max(ndef, 1) * sizeof(DefRow));
	for (i = 0; i < ndef; i++)
	{
		cx.defs[i].code = val(deftab, i, 1);
		cx.defs[i].version = val(deftab, i, 2);
		cx.defs[i].label = val(deftab, i, 3);
		cx.defs[i].valid_from = val(deftab, i, 4);
		cx.defs[i].geometric = strcmp(val(deftab, i, 5), "geometric") == 0;
	}
	cx.crit_tab = run_rules_query(psprintf("SELECT tier_code, tier_version, criterion, label, requirement, route, "
										   "metric, required_tier, required_version, low::pg_catalog.text, low_op, "
										   "high::pg_catalog.text, high_op, when_metric, when_low::pg_catalog.text, "
										   "when_low_op, when_high::pg_catalog.text, when_high_op "
										   "FROM %s.tier_criterion ORDER BY tier_code, tier_version, criterion", nsp),
								  &cx.ncrit);
	cx.band_tab = run_rules_query(psprintf("SELECT tier_code, tier_version, item, score_group, band::pg_catalog.text, "
										   "metric, low::pg_catalog.text, low_op, high::pg_catalog.text, high_op, "
										   "points::pg_catalog.text "
										   "FROM %s.tier_score_band ORDER BY tier_code, tier_version, score_group, item, band", nsp),
								  &cx.nband);

	/* pass-through columns */
	prog->in_credit_code = kit_column_index(cols, "credit_code") >= 0 ? add_input(&cx, "credit_code") : -1;
	prog->in_name = kit_column_index(cols, "name") >= 0 ? add_input(&cx, "name") : -1;
	prog->in_tiers_held = kit_column_index(cols, "tiers_held") >= 0 ? add_input(&cx, "tiers_held") : -1;

	if (tiers == NULL)
	{
		for (i = 0; i < ndef; i++)
			if (find_def(&cx, cx.defs[i].code, NULL) == (int) i)
			{
				if (prog->nout == nout_cap)
				{
					nout_cap *= 2;
					prog->out = repalloc(prog->out, nout_cap * sizeof(int));
				}
				prog->out[prog->nout++] = compile_def(&cx, (int) i);
			}
	}
	else
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n,
					k;

		deconstruct_array(tiers, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		for (k = 0; k < n; k++)
		{
			char	   *s,
					   *colon;
			int			di,
						ti,
						j;

			if (nulls[k])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("tier names must not be NULL")));
			s = unconstify(char *, kit_utf8(TextDatumGetCString(elems[k])));
			colon = strchr(s, ':');
			if (colon)
				*colon = '\0';
			di = find_def(&cx, s, colon ? colon + 1 : NULL);
			if (di < 0)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("tier \"%s%s%s\" does not exist", s,
								colon ? ":" : "", colon ? colon + 1 : ""),
						 errhint("See the table tier_definition for the tiers and their versions.")));
			ti = compile_def(&cx, di);
			for (j = 0; j < prog->nout; j++)
				if (prog->out[j] == ti)
					break;
			if (j < prog->nout)
				continue;
			if (prog->nout == nout_cap)
			{
				nout_cap *= 2;
				prog->out = repalloc(prog->out, nout_cap * sizeof(int));
			}
			prog->out[prog->nout++] = ti;
		}
	}
	for (i = 0; i < (uint64) prog->nout; i++)
		prog->tiers[prog->out[i]].requested = true;
	return prog;
}
