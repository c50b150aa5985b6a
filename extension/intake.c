/*-------------------------------------------------------------------------
 *
 * intake.c
 *	  parse_cell(): one spreadsheet cell, as text, to a typed value or to the
 *	  reason it is not one, without raising.
 *
 * PostgreSQL 15's COPY has no ON_ERROR, so an import loads raw text with
 * COPY and parses each cell here.  The parsers are the types' own
 * (quantity_parse, uscc_parse, numeric_in, the server's date decoder);
 * this file only removes what spreadsheets add around a value (no-break and
 * ideographic spaces, full-width digits, the unit written in the column
 * header) and turns a failed parse into a reason instead of an error.
 *
 *-------------------------------------------------------------------------
 */
#include "industry.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "kit.h"
#include "uscc.h"
#include "whitespace.h"

/* What a cell is parsed as, from the type of parse_cell's second argument. */
typedef enum CellKind
{
	CELL_AREA,					/* mu_area */
	CELL_MONEY,					/* yuan */
	CELL_PER_AREA,				/* yuan_per_mu */
	CELL_CREDIT_CODE,			/* credit_code */
	CELL_NUMERIC,
	CELL_INT4,
	CELL_INT8,
	CELL_DATE,
	CELL_TEXT
} CellKind;

/* Per-call-site cache (fn_extra): the kind of the resolved argument type. */
typedef struct CellCache
{
	Oid			typoid;
	CellKind	kind;
	FmgrInfo	credit_in;		/* credit_code's input function */
	Oid			credit_ioparam;
	TupleDesc	tupdesc;		/* the (value, reason) result, blessed */
} CellCache;

/* len bytes of UTF-8 as text of the database encoding (the kit's edge). */
static text *
cell_from_utf8(const char *utf8, size_t len)
{
	return kit_text(pnstrdup(utf8, len));
}

/*
 * Is cp a space a spreadsheet may leave in or around a value: the shared
 * white space set, and the zero-width space and byte-order mark that
 * exports put before a first cell?
 */
static bool
cell_is_space(pg_wchar cp)
{
	return industry_is_space(cp) || cp == 0x200B || cp == 0xFEFF;
}

/*
 * Normalise UTF-8 text for a number or date: spaces of every kind become
 * ASCII blanks (trimmed at both ends), full-width ASCII becomes ASCII and
 * U+2212 MINUS SIGN becomes '-'.  Other characters (units) are copied.
 */
static void
cell_normalise(const unsigned char *s, size_t len, StringInfo out)
{
	size_t		pos = 0;

	while (pos < len)
	{
		int			n = pg_utf_mblen(s + pos);
		pg_wchar	cp;

		if (n < 1 || pos + n > len || !pg_utf8_islegal(s + pos, n))
		{
			/* not UTF-8: copy the byte, the parser reports it */
			appendStringInfoChar(out, (char) s[pos]);
			pos++;
			continue;
		}
		cp = utf8_to_unicode(s + pos);
		if (cell_is_space(cp))
		{
			if (out->len > 0 && out->data[out->len - 1] != ' ')
				appendStringInfoChar(out, ' ');
		}
		else if (cp >= 0xFF01 && cp <= 0xFF5E)
			appendStringInfoChar(out, (char) (cp - 0xFEE0));
		else if (cp == 0x2212)
			appendStringInfoChar(out, '-');
		else
			appendBinaryStringInfo(out, (const char *) s + pos, n);
		pos += n;
	}
	if (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

/*
 * Is the normalised text a placeholder that spreadsheets use for "nothing"
 * (dashes of any width, "/", N/A, 无) or an error value (#DIV/0!, #N/A)?
 */
static const char *
cell_placeholder(const char *s)
{
	static const char *const dashes[] = {
		"-", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x95", "~", NULL
	};
	const char *p = s;

	if (s[0] == '#')
		return "A spreadsheet error value is not a value: fix the formula in the spreadsheet.";
	if (strcmp(s, "/") == 0 || pg_strcasecmp(s, "N/A") == 0 ||
		pg_strcasecmp(s, "NA") == 0 || strcmp(s, "\xe6\x97\xa0") == 0)	/* 无 */
		return "A placeholder is not a value: leave the cell empty for a missing value, or write 0.";
	while (*p)
	{
		int			i;
		bool		found = false;

		for (i = 0; dashes[i]; i++)
		{
			size_t		n = strlen(dashes[i]);

			if (strncmp(p, dashes[i], n) == 0)
			{
				p += n;
				found = true;
				break;
			}
		}
		if (!found)
			return NULL;
	}
	return "A dash is a placeholder, not a value: leave the cell empty for a missing value, or write 0.";
}

/*
 * Is the normalised text a spreadsheet error value (#N/A, #REF!, ...)?  In
 * a text column these are the only bad cells: a dash or 无 may be what the
 * sheet means there (a remark of "无"), an error value never is.
 */
static bool
cell_error_value(const char *s)
{
	static const char *const errors[] = {
		"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
		"#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!"
	};
	int			i;

	for (i = 0; i < (int) lengthof(errors); i++)
		if (pg_strcasecmp(s, errors[i]) == 0)
			return true;
	return false;
}

/*
 * Is s a bare decimal number (sign, digits with optional thousands commas,
 * point, exponent, no unit)?  Then the column's unit applies.
 */
static bool
cell_is_bare_number(const char *s)
{
	const char *p = s;
	int			digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	while ((*p >= '0' && *p <= '9') || *p == ',')
		digits += (*p++ != ',');
	if (*p == '.')
		p++;
	while (*p >= '0' && *p <= '9')
	{
		p++;
		digits++;
	}
	if (digits > 0 && (*p == 'e' || *p == 'E'))
	{
		const char *e = p + 1;

		if (*e == '+' || *e == '-')
			e++;
		if (*e < '0' || *e > '9')
			return false;
		while (*e >= '0' && *e <= '9')
			e++;
		p = e;
	}
	return digits > 0 && *p == '\0';
}

/*
 * Are the thousands commas of a bare number where they belong (1,234,567.5:
 * a first group of 1-3 digits, then groups of 3, none after the point)?
 */
static bool
cell_commas_ok(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	int			group = 0;
	bool		comma = false;

	for (; *p && *p != '.' && *p != 'e' && *p != 'E'; p++)
	{
		if (*p == ',')
		{
			if (group == 0 || group > 3 || (comma && group != 3))
				return false;
			comma = true;
			group = 0;
		}
		else
			group++;
	}
	if (comma && group != 3)
		return false;
	return strchr(p, ',') == NULL;
}

/*
 * Strip thousands commas of a bare number for numeric_in; false if the
 * number has an exponent of more than 3 digits (kept far from numeric's
 * limits so that numeric_in cannot raise).
 */
static bool
cell_plain_number(const char *s, StringInfo out)
{
	const char *e = strpbrk(s, "eE");

	if (e != NULL && strspn(e + 1 + (e[1] == '+' || e[1] == '-'), "0123456789") > 3)
		return false;
	for (; *s; s++)
		if (*s != ',')
			appendStringInfoChar(out, *s);
	return true;
}

/* Byte length of the spreadsheet space at s[0..len) (UTF-8), or 0. */
static int
cell_space_len(const unsigned char *s, size_t len)
{
	int			n = pg_utf_mblen(s);

	if ((size_t) n > len || !pg_utf8_islegal(s, n))
		return 0;
	return cell_is_space(utf8_to_unicode(s)) ? n : 0;
}

/*
 * Text (database encoding) without the spaces of cell_is_space at both
 * ends.  Works on the UTF-8 form and converts back.
 */
static text *
cell_trim(text *t)
{
	size_t		len;
	const char *utf8 = kit_utf8_n(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &len);
	const unsigned char *s = (const unsigned char *) utf8;
	size_t		start = 0;
	size_t		end = len;
	int			n;

	while (start < end && (n = cell_space_len(s + start, end - start)) > 0)
		start += n;
	/* from the end: step back over UTF-8 continuation bytes to a lead byte */
	while (end > start)
	{
		size_t		lead = end - 1;

		while (lead > start && (s[lead] & 0xC0) == 0x80)
			lead--;
		n = cell_space_len(s + lead, end - lead);
		if (n == 0 || lead + n != end)
			break;
		end = lead;
	}
	return cell_from_utf8(utf8 + start, end - start);
}

/* trim_cell(text): a cell without surrounding spaces, no-break and ideographic spaces included. */
PG_FUNCTION_INFO_V1(trim_cell);
Datum
trim_cell(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cell_trim(PG_GETARG_TEXT_PP(0)));
}

/* The kind of a type (CELL_TEXT for text and varchar); raises for others. */
static CellKind
cell_kind_of(Oid typoid, Oid nsp)
{
	static const struct
	{
		const char *name;
		CellKind	kind;
	}			ext[] = {
		{"mu_area", CELL_AREA}, {"yuan", CELL_MONEY},
		{"yuan_per_mu", CELL_PER_AREA}, {"credit_code", CELL_CREDIT_CODE}
	};
	int			i;

	switch (typoid)
	{
		case NUMERICOID:
			return CELL_NUMERIC;
		case INT4OID:
			return CELL_INT4;
		case INT8OID:
			return CELL_INT8;
		case DATEOID:
			return CELL_DATE;
		case TEXTOID:
		case VARCHAROID:
			return CELL_TEXT;
	}
	for (i = 0; i < (int) lengthof(ext); i++)
		if (typoid == GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									  CStringGetDatum(ext[i].name),
									  ObjectIdGetDatum(nsp)))
			return ext[i].kind;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("parse_cell cannot parse type %s", format_type_be(typoid)),
			 errhint("Pass NULL cast to mu_area, yuan, yuan_per_mu, credit_code, numeric, integer, bigint, date or text.")));
}

/* Parse a normalised quantity of kind, with the column's unit for a bare number. */
static const char *
cell_quantity(QuantityKind kind, const char *s, const char *unit, Datum *value)
{
	StringInfoData buf;
	QuantityError err;
	QuantityUnit u;
	int64		v;

	initStringInfo(&buf);
	appendStringInfoString(&buf, s);
	if (unit != NULL && cell_is_bare_number(s))
	{
		if (!quantity_unit_parse(kind, unit, strlen(unit), &u))
			return psprintf("The column's unit \"%s\" is not a unit of %s.",
							unit, quantity_type_name(kind));
		appendStringInfoString(&buf, unit);
	}
	if (!quantity_parse(kind, buf.data, buf.len, &v, &err))
		return err.status == QUANTITY_OUT_OF_RANGE
			? psprintf("The value is out of range for type %s.", quantity_type_name(kind))
			: psprintf("%s", err.detail);
	*value = Int64GetDatum(v);
	return NULL;
}

/*
 * Labels a number column's unit may name after its multiplier: counted and
 * metered quantities, never converted (万千瓦时 is 10^4 千瓦时).  A label that
 * starts like a multiplier (千瓦时, 千克) is matched whole first.
 */
static const char *const cell_labels[] = {
	"\xe5\x85\x83",			/* 元 */
	"\xe4\xba\xba", "\xe4\xb8\xaa", "\xe5\xae\xb6", "\xe6\x88\xb7",	/* 人 个 家 户 */
	"\xe5\x8f\xb0", "\xe5\xa5\x97", "\xe4\xbb\xb6", "\xe9\xa1\xb9",	/* 台 套 件 项 */
	"\xe6\xac\xa1", "\xe8\xbe\x86",	/* 次 辆 */
	"\xe5\x90\xa8", "\xe5\x8d\x83\xe5\x85\x8b", "\xe5\x85\xac\xe6\x96\xa4",	/* 吨 千克 公斤 */
	"\xe5\x90\xa8\xe6\xa0\x87\xe5\x87\x86\xe7\x85\xa4", "\xe5\x90\xa8\xe6\xa0\x87\xe7\x85\xa4",	/* 吨标准煤 吨标煤 */
	"\xe5\x8d\x83\xe7\x93\xa6\xe6\x97\xb6", "\xe5\xba\xa6", "\xe7\xab\x8b\xe6\x96\xb9\xe7\xb1\xb3",	/* 千瓦时 度 立方米 */
	"\xe4\xba\xa9", "\xe5\xb9\xb3\xe6\x96\xb9\xe7\xb1\xb3", "\xe5\x85\xac\xe9\xa1\xb7",	/* 亩 平方米 公顷 */
	"\xe5\xb9\xb3\xe6\x96\xb9\xe5\x85\xac\xe9\x87\x8c",	/* 平方公里 */
	"kwh", "t", "kg", "tce"
};

/* Is s[0..len) one of cell_labels (ASCII case-insensitive)? */
static bool
cell_is_label(const char *s, size_t len)
{
	int			i;

	for (i = 0; i < (int) lengthof(cell_labels); i++)
		if (strlen(cell_labels[i]) == len && pg_strncasecmp(s, cell_labels[i], len) == 0)
			return true;
	return false;
}

/*
 * The power of ten by which a number column's unit scales a bare number:
 * "%" is -2, "‰" -3, otherwise [multiplier][label][/label] with the
 * quantity parser's multiplier words (千 万 百万 千万 亿 万亿, with or without
 * 元) and a label of cell_labels; a multiplier after "/" (吨标准煤/万元) is
 * not read.  False when the unit is none of these.
 */
static bool
cell_unit_scale(const char *unit, int *exp10)
{
	const char *slash = strchr(unit, '/');
	size_t		len = slash ? (size_t) (slash - unit) : strlen(unit);
	size_t		n;
	bool		currency;

	*exp10 = 0;
	if (strcmp(unit, "%") == 0)
		*exp10 = -2;
	else if (strcmp(unit, "\xe2\x80\xb0") == 0)	/* ‰ */
		*exp10 = -3;
	else if (slash != NULL && !cell_is_label(slash + 1, strlen(slash + 1)))
		return false;
	else if (len == 0 || cell_is_label(unit, len))
		return len > 0;
	else if ((n = quantity_money_word(unit, len, exp10, &currency)) == 0)
		return false;
	else if (n < len && (currency || !cell_is_label(unit + n, len - n)))
		return false;
	return true;
}

/*
 * Parse a normalised number.  A trailing % divides by 100 (the cell's own
 * unit wins); otherwise the column's unit scales it (cell_unit_scale), and
 * a unit that is not understood makes the cell bad rather than ignored.
 */
static const char *
cell_numeric(const char *s, const char *unit, Datum *value)
{
	StringInfoData buf;
	StringInfoData num;
	int			exp10 = 0;

	initStringInfo(&buf);
	appendStringInfoString(&buf, s);
	if (buf.len > 1 && buf.data[buf.len - 1] == '%')
	{
		buf.data[--buf.len] = '\0';
		if (buf.len > 0 && buf.data[buf.len - 1] == ' ')
			buf.data[--buf.len] = '\0';
		exp10 = -2;
	}
	else if (unit != NULL && !cell_unit_scale(unit, &exp10))
		return psprintf("The column's unit \"%s\" is not understood: a number column's unit is a multiplier (千, 万, 百万, 千万, 亿, 万亿, %%, \xe2\x80\xb0), a label such as 人, 吨 or 千瓦时, or a multiplier and a label (万元, 万人).", unit);
	initStringInfo(&num);
	if (!cell_is_bare_number(buf.data) || !cell_commas_ok(buf.data))
		return "Not a number: a cell holds digits with an optional sign, decimal point, thousands commas between groups of three digits, and exponent.";
	if (!cell_plain_number(buf.data, &num))
		return "The value is out of range: its exponent has more than three digits.";
	*value = DirectFunctionCall3(numeric_in, CStringGetDatum(num.data),
								 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	if (exp10 != 0)
	{
		char		power[16];

		snprintf(power, sizeof(power), "1e%d", exp10);
		*value = DirectFunctionCall1(numeric_trim_scale,
									 DirectFunctionCall2(numeric_mul, *value,
														 DirectFunctionCall3(numeric_in, CStringGetDatum(power),
																			 ObjectIdGetDatum(InvalidOid),
																			 Int32GetDatum(-1))));
	}
	return NULL;
}

/* Parse a normalised whole number into [min, max]. */
static const char *
cell_integer(const char *s, int64 min, int64 max, Datum *value, bool is_int8)
{
	const char *p = s;
	bool		neg = false;
	int64		v = 0;
	int			digits = 0;

	if (!cell_commas_ok(s))
		return "Not a whole number: thousands separators go between groups of three digits.";
	if (*p == '+' || *p == '-')
		neg = (*p++ == '-');
	for (; *p; p++)
	{
		if (*p == ',' && digits > 0)
			continue;
		if (*p < '0' || *p > '9')
			return "Not a whole number.";
		if (pg_mul_s64_overflow(v, 10, &v) ||
			pg_sub_s64_overflow(v, *p - '0', &v))	/* accumulate negatively */
			return "The value is out of range for its type.";
		digits++;
	}
	if (digits == 0)
		return "Not a whole number.";
	if (!neg && (v == PG_INT64_MIN || -v > max))
		return "The value is out of range for its type.";
	if (neg && v < min)
		return "The value is out of range for its type.";
	v = neg ? v : -v;
	*value = is_int8 ? Int64GetDatum(v) : Int32GetDatum((int32) v);
	return NULL;
}

/*
 * Parse a normalised whole number for an integer column: as it is, or, with
 * a column unit or a trailing %, as a number scaled like cell_numeric whose
 * result must be whole (1.5 in a 万人 column is 15000; 50 in a % column is
 * not a whole number).
 */
static const char *
cell_whole(const char *s, const char *unit, bool is_int8, Datum *value)
{
	const char *reason;
	char	   *digits;
	Datum		num;
	size_t		len = strlen(s);

	if (unit == NULL && (len < 2 || s[len - 1] != '%'))
		return is_int8 ? cell_integer(s, PG_INT64_MIN, PG_INT64_MAX, value, true)
			: cell_integer(s, PG_INT32_MIN, PG_INT32_MAX, value, false);
	if ((reason = cell_numeric(s, unit, &num)) != NULL)
		return reason;
	digits = DatumGetCString(DirectFunctionCall1(numeric_out,
												 DirectFunctionCall1(numeric_trim_scale, num)));
	if (strchr(digits, '.') != NULL)
		return psprintf("Not a whole number: %s scaled by its unit is %s.", s, digits);
	return is_int8 ? cell_integer(digits, PG_INT64_MIN, PG_INT64_MAX, value, true)
		: cell_integer(digits, PG_INT32_MIN, PG_INT32_MAX, value, false);
}

/*
 * Parse a normalised date: what the date type reads (ISO 2024-03-15,
 * 2024/3/15, 20240315), 2024年3月15日, or a spreadsheet serial number of
 * five digits (days since 1899-12-30, as Excel and LibreOffice count).
 */
static const char *
cell_date(const char *s, Datum *value)
{
	StringInfoData buf;
	char		workbuf[MAXDATELEN + 1];
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	int			nf;
	int			dtype;
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;
	const char *p;

	/*
	 * five digits not starting with 0: a serial number (10000 is 1927-05-18;
	 * 00001 is not a date a sheet would hold, and a year alone is not a date)
	 */
	if (strspn(s, "0123456789") == 5 && strlen(s) == 5 && s[0] != '0')
	{
		int			serial = atoi(s);

		*value = DateADTGetDatum(date2j(1899, 12, 30) - POSTGRES_EPOCH_JDATE + serial);
		return NULL;
	}
	initStringInfo(&buf);
	for (p = s; *p;)
	{
		if (strncmp(p, "\xe5\xb9\xb4", 3) == 0 || strncmp(p, "\xe6\x9c\x88", 3) == 0)	/* 年 月 */
		{
			appendStringInfoChar(&buf, '-');
			p += 3;
		}
		else if (strncmp(p, "\xe6\x97\xa5", 3) == 0)	/* 日 */
			p += 3;
		else if (strchr("0123456789-/. ", *p) == NULL)
		{
			/* letters would be read as time zone names, which the decoder raises for */
			return "Not a date: write it as 2024-03-15, 2024/3/15 or 2024年3月15日.";
		}
		else
			appendStringInfoChar(&buf, *p++);
	}
	if (buf.len > MAXDATELEN ||
		ParseDateTime(buf.data, workbuf, sizeof(workbuf), field, ftype,
					  MAXDATEFIELDS, &nf) != 0 ||
		industry_decode_datetime(field, ftype, nf, &dtype, &tm, &fsec, &tz) != 0 ||
		dtype != DTK_DATE || tm.tm_hour != 0 || tm.tm_min != 0 || tm.tm_sec != 0 || fsec != 0)
		return "Not a date: write it as 2024-03-15, 2024/3/15 or 2024年3月15日.";
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		return "The date is out of range.";
	*value = DateADTGetDatum(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE);
	return NULL;
}

/*
 * parse_cell(raw text, kind anyelement, unit text DEFAULT NULL,
 *			  OUT value anyelement, OUT reason text)
 *
 * The value of a cell as the type of kind (pass NULL::yuan), or NULL and the
 * reason it is not one.  An empty cell (or one of spaces) is (NULL, NULL):
 * missing, not wrong.  unit is the column's unit from its header
 * (实缴税金(万元) -> 万元) and applies to bare numbers of the quantity types;
 * a cell that names its own unit keeps it.  Never raises for bad text.
 */
PG_FUNCTION_INFO_V1(parse_cell);
Datum
parse_cell(PG_FUNCTION_ARGS)
{
	CellCache  *cache = (CellCache *) fcinfo->flinfo->fn_extra;
	Oid			typoid = get_fn_expr_argtype(fcinfo->flinfo, 1);
	Datum		values[2] = {0, 0};
	bool		nulls[2] = {true, true};
	const char *reason = NULL;

	if (cache == NULL || cache->typoid != typoid)
	{
		TupleDesc	tupdesc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning record called in context that cannot accept type record")));
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CellCache));
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		cache->typoid = typoid;
		cache->kind = cell_kind_of(typoid, get_func_namespace(fcinfo->flinfo->fn_oid));
		if (cache->kind == CELL_CREDIT_CODE)
		{
			Oid			infunc;

			getTypeInputInfo(typoid, &infunc, &cache->credit_ioparam);
			fmgr_info_cxt(infunc, &cache->credit_in, fcinfo->flinfo->fn_mcxt);
		}
		fcinfo->flinfo->fn_extra = cache;
	}

	if (!PG_ARGISNULL(0))
	{
		text	   *raw = PG_GETARG_TEXT_PP(0);
		const char *unit = NULL;
		size_t		utf8_len;
		const char *utf8 = kit_utf8_n(VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), &utf8_len);
		StringInfoData norm;
		Datum		value = (Datum) 0;

		if (!PG_ARGISNULL(2))
		{
			text	   *unit_text = PG_GETARG_TEXT_PP(2);
			size_t		unit_len;
			const char *unit_utf8 = kit_utf8_n(VARDATA_ANY(unit_text),
											   VARSIZE_ANY_EXHDR(unit_text), &unit_len);
			StringInfoData u;

			initStringInfo(&u);
			cell_normalise((const unsigned char *) unit_utf8, unit_len, &u);
			unit = u.len > 0 ? u.data : NULL;
		}
		initStringInfo(&norm);
		cell_normalise((const unsigned char *) utf8, utf8_len, &norm);
		if (norm.len > 0 && cache->kind == CELL_TEXT)
		{
			/* text: trimmed, not folded (names keep their full-width brackets) */
			if (cell_error_value(norm.data))
				reason = cell_placeholder(norm.data);
			else
				value = PointerGetDatum(cell_trim(raw));
		}
		else if (norm.len > 0 && (reason = cell_placeholder(norm.data)) == NULL)
		{
			switch (cache->kind)
			{
				case CELL_AREA:
					reason = cell_quantity(QUANTITY_AREA, norm.data, unit, &value);
					break;
				case CELL_MONEY:
					reason = cell_quantity(QUANTITY_MONEY, norm.data, unit, &value);
					break;
				case CELL_PER_AREA:
					reason = cell_quantity(QUANTITY_PER_AREA, norm.data, unit, &value);
					break;
				case CELL_CREDIT_CODE:
					{
						char		code[USCC_LENGTH + 1];
						UsccError	err;

						if (!uscc_parse(norm.data, norm.len, code, &err))
						{
							char		detail[USCC_MESSAGE_BUFSIZE];

							uscc_describe(&err, detail, sizeof(detail));
							reason = pstrdup(detail);
						}
						else
						{
							code[USCC_LENGTH] = '\0';
							value = InputFunctionCall(&cache->credit_in, code,
													  cache->credit_ioparam, -1);
						}
					}
					break;
				case CELL_NUMERIC:
					reason = cell_numeric(norm.data, unit, &value);
					break;
				case CELL_INT4:
					reason = cell_whole(norm.data, unit, false, &value);
					break;
				case CELL_INT8:
					reason = cell_whole(norm.data, unit, true, &value);
					break;
				case CELL_DATE:
					reason = cell_date(norm.data, &value);
					break;
				case CELL_TEXT:
					break;
			}
		}
		if (norm.len > 0 && reason == NULL)
		{
			values[0] = value;
			nulls[0] = false;
		}
		if (reason != NULL)
		{
			values[1] = PointerGetDatum(cell_from_utf8(reason, strlen(reason)));
			nulls[1] = false;
		}
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
