/*-------------------------------------------------------------------------
 *
 * credit_code.c
 *	  The credit_code type: a validated 统一社会信用代码 (GB 32100-2015)
 *	  stored packed in 11 bytes, with I/O, comparison, hashing, sort
 *	  support, part extraction and a test-data generator.
 *
 * Validation and normalisation live in uscc.c (standard C only); this file
 * converts encodings and raises errors.
 *
 *-------------------------------------------------------------------------
 */
#include "industry.h"
#include "kit.h"

#include <string.h>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"
#include "uscc.h"

/* On-disk and in-memory form: the packed code (uscc_pack). */
typedef struct CreditCode
{
	uint8		data[USCC_PACKED_SIZE];
} CreditCode;

StaticAssertDecl(sizeof(CreditCode) == USCC_PACKED_SIZE,
				 "credit_code must have no padding");

#define DatumGetCreditCodeP(X)		((CreditCode *) DatumGetPointer(X))
#define PG_GETARG_CREDIT_CODE_P(n)	DatumGetCreditCodeP(PG_GETARG_DATUM(n))
#define PG_RETURN_CREDIT_CODE_P(x)	PG_RETURN_POINTER(x)

/* Unpack a stored value into 18 characters. */
static void
credit_code_unpack(const CreditCode *cc, char code[USCC_LENGTH])
{
	if (!uscc_unpack(cc->data, code))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted credit_code value")));
}

/* A new stored value of 18 valid characters. */
static CreditCode *
credit_code_pack(const char code[USCC_LENGTH])
{
	CreditCode *result = (CreditCode *) palloc(sizeof(CreditCode));

	uscc_pack(code, result->data);
	return result;
}

/*
 * Normalise and validate len bytes of the database encoding into code;
 * false, with the reason in err, when they are not a valid code.
 */
static bool
credit_code_parse(const char *str, size_t len, char code[USCC_LENGTH],
				  UsccError *err)
{
	size_t		utf8_len;
	const char *utf8 = kit_utf8_n(str, len, &utf8_len);

	return uscc_parse(utf8, utf8_len, code, err);
}

/* The reason of a failed check as text. */
static text *
credit_code_reason(const UsccError *err)
{
	char		detail[USCC_MESSAGE_BUFSIZE];

	uscc_describe(err, detail, sizeof(detail));
	return cstring_to_text(detail);
}

/*
 * Parse a C string of the database encoding: 22P02 with the reason, raised,
 * or saved into escontext (PostgreSQL 16+ soft errors) and NULL returned.
 */
static CreditCode *
credit_code_from_cstring(const char *str, Node *escontext)
{
	char		code[USCC_LENGTH];
	UsccError	err;

	if (!credit_code_parse(str, strlen(str), code, &err))
	{
		char		detail[USCC_MESSAGE_BUFSIZE];

		uscc_describe(&err, detail, sizeof(detail));
		errsave(escontext,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						"credit_code", str),
				 errdetail("%s", detail)));
		return NULL;
	}
	return credit_code_pack(code);
}

/* Input: normalise and validate. */
PG_FUNCTION_INFO_V1(credit_code_in);
Datum
credit_code_in(PG_FUNCTION_ARGS)
{
	CreditCode *result = credit_code_from_cstring(PG_GETARG_CSTRING(0), fcinfo->context);

	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_CREDIT_CODE_P(result);
}

/* Output: the canonical 18 upper-case characters. */
PG_FUNCTION_INFO_V1(credit_code_out);
Datum
credit_code_out(PG_FUNCTION_ARGS)
{
	CreditCode *cc = PG_GETARG_CREDIT_CODE_P(0);
	char	   *result = palloc(USCC_LENGTH + 1);

	credit_code_unpack(cc, result);
	result[USCC_LENGTH] = '\0';
	PG_RETURN_CSTRING(result);
}

/* Binary input: exactly 18 canonical ASCII characters, validated again. */
PG_FUNCTION_INFO_V1(credit_code_recv);
Datum
credit_code_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *bytes;
	char		code[USCC_LENGTH];
	UsccError	err;

	binary_input_check_length(buf, USCC_LENGTH, "credit_code");
	bytes = pq_getmsgbytes(buf, USCC_LENGTH);
	memcpy(code, bytes, USCC_LENGTH);
	if (!uscc_validate(code, &err))
	{
		char		detail[USCC_MESSAGE_BUFSIZE];

		uscc_describe(&err, detail, sizeof(detail));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"credit_code\" value"),
				 errdetail("%s", detail)));
	}
	PG_RETURN_CREDIT_CODE_P(credit_code_pack(code));
}

/* Binary output: the 18 canonical ASCII characters. */
PG_FUNCTION_INFO_V1(credit_code_send);
Datum
credit_code_send(PG_FUNCTION_ARGS)
{
	CreditCode *cc = PG_GETARG_CREDIT_CODE_P(0);
	char		code[USCC_LENGTH];
	StringInfoData buf;

	credit_code_unpack(cc, code);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, code, USCC_LENGTH);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Is a text a valid code after normalisation?  Never raises for bad input. */
PG_FUNCTION_INFO_V1(credit_code_is_valid);
Datum
credit_code_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[USCC_LENGTH];
	UsccError	err;

	PG_RETURN_BOOL(credit_code_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									 code, &err));
}

/* Why a text is not a valid code, or NULL when it is. */
PG_FUNCTION_INFO_V1(credit_code_check);
Datum
credit_code_check(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[USCC_LENGTH];
	UsccError	err;

	if (credit_code_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), code, &err))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(credit_code_reason(&err));
}

/*
 * Why a text fails the strict check (valid and GB 11714 position 17 right),
 * or NULL when it passes.  Never raises for bad input.
 */
PG_FUNCTION_INFO_V1(credit_code_strict_check);
Datum
credit_code_strict_check(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[USCC_LENGTH];
	UsccError	err;

	if (credit_code_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), code, &err)
		&& uscc_org_check(code, &err))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(credit_code_reason(&err));
}

/* Does a stored code's position 17 satisfy GB 11714? */
PG_FUNCTION_INFO_V1(credit_code_org_check_ok);
Datum
credit_code_org_check_ok(PG_FUNCTION_ARGS)
{
	CreditCode *cc = PG_GETARG_CREDIT_CODE_P(0);
	char		code[USCC_LENGTH];
	UsccError	err;

	credit_code_unpack(cc, code);
	PG_RETURN_BOOL(uscc_org_check(code, &err));
}

/* The code of a text, or NULL when it is not a valid code.  Never raises for bad input. */
PG_FUNCTION_INFO_V1(credit_code_or_null);
Datum
credit_code_or_null(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[USCC_LENGTH];
	UsccError	err;

	if (!credit_code_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), code, &err))
		PG_RETURN_NULL();
	PG_RETURN_CREDIT_CODE_P(credit_code_pack(code));
}

/* Characters [from, from + n) of a code as text (1-based from). */
static text *
credit_code_substr(CreditCode *cc, int from, int n)
{
	char		code[USCC_LENGTH];

	credit_code_unpack(cc, code);
	return cstring_to_text_with_len(code + from - 1, n);
}

/* 登记管理部门代码 (position 1). */
PG_FUNCTION_INFO_V1(credit_code_authority);
Datum
credit_code_authority(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(credit_code_substr(PG_GETARG_CREDIT_CODE_P(0), 1, 1));
}

/* 登记管理部门 name (e.g. 工商). */
PG_FUNCTION_INFO_V1(credit_code_authority_label);
Datum
credit_code_authority_label(PG_FUNCTION_ARGS)
{
	char		code[USCC_LENGTH];

	credit_code_unpack(PG_GETARG_CREDIT_CODE_P(0), code);
	PG_RETURN_TEXT_P(kit_text(uscc_authority_label(code[0])));
}

/* 机构类别: positions 1-2, since a category digit depends on the authority. */
PG_FUNCTION_INFO_V1(credit_code_category);
Datum
credit_code_category(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(credit_code_substr(PG_GETARG_CREDIT_CODE_P(0), 1, 2));
}

/* 机构类别 name (e.g. 企业). */
PG_FUNCTION_INFO_V1(credit_code_category_label);
Datum
credit_code_category_label(PG_FUNCTION_ARGS)
{
	char		code[USCC_LENGTH];

	credit_code_unpack(PG_GETARG_CREDIT_CODE_P(0), code);
	PG_RETURN_TEXT_P(kit_text(uscc_category_label(code[0],
															   code[1])));
}

/* 登记管理机关行政区划码 (positions 3-8, e.g. 330110). */
PG_FUNCTION_INFO_V1(credit_code_division);
Datum
credit_code_division(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(credit_code_substr(PG_GETARG_CREDIT_CODE_P(0), 3, 6));
}

/* Province part of the division (positions 3-4, e.g. 33). */
PG_FUNCTION_INFO_V1(credit_code_province);
Datum
credit_code_province(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(credit_code_substr(PG_GETARG_CREDIT_CODE_P(0), 3, 2));
}

/* Prefecture part of the division (positions 3-6, e.g. 3301). */
PG_FUNCTION_INFO_V1(credit_code_city);
Datum
credit_code_city(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(credit_code_substr(PG_GETARG_CREDIT_CODE_P(0), 3, 4));
}

/* 组织机构代码 as GB 11714 writes it: 8 characters, hyphen, check. */
PG_FUNCTION_INFO_V1(credit_code_org_code);
Datum
credit_code_org_code(PG_FUNCTION_ARGS)
{
	char		code[USCC_LENGTH];
	char		org[10];

	credit_code_unpack(PG_GETARG_CREDIT_CODE_P(0), code);
	memcpy(org, code + 8, 8);
	org[8] = '-';
	org[9] = code[16];
	PG_RETURN_TEXT_P(cstring_to_text_with_len(org, 10));
}

/* A one-character text argument of credit_code_make, or raise 22023. */
static char
credit_code_make_char(text *t, const char *argname)
{
	if (VARSIZE_ANY_EXHDR(t) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a single character", argname)));
	return VARDATA_ANY(t)[0];
}

/* Build a valid code for test data (see doc/credit_code.md). */
PG_FUNCTION_INFO_V1(credit_code_make);
Datum
credit_code_make(PG_FUNCTION_ARGS)
{
	text	   *division = PG_GETARG_TEXT_PP(0);
	int64		seq = PG_GETARG_INT64(1);
	char		authority = credit_code_make_char(PG_GETARG_TEXT_PP(2),
												  "authority");
	char		category = credit_code_make_char(PG_GETARG_TEXT_PP(3),
												 "category");
	char		code[USCC_LENGTH];

	switch (uscc_make(VARDATA_ANY(division), VARSIZE_ANY_EXHDR(division),
					  seq, authority, category, code))
	{
		case USCC_MAKE_OK:
			break;
		case USCC_MAKE_BAD_DIVISION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid administrative-division code \"%s\"",
							text_to_cstring(division)),
					 errdetail("An administrative-division code is 6 digits, e.g. 330110.")));
			break;
		case USCC_MAKE_BAD_PAIR:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown registration authority and entity category \"%c%c\"",
							authority, category),
					 errhint("Enterprises are authority 9, category 1; the full table is in the credit_code documentation.")));
			break;
		case USCC_MAKE_SEQ_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("sequence number " INT64_FORMAT " is out of range for credit_code_make",
							seq),
					 errdetail("The sequence number must be between 0 and " INT64_FORMAT ".",
							   USCC_MAKE_SEQ_LIMIT - 1)));
			break;
	}
	PG_RETURN_CREDIT_CODE_P(credit_code_pack(code));
}

/* Three-way comparison of two stored codes: text order of the codes. */
static inline int
credit_code_cmp_internal(const CreditCode *a, const CreditCode *b)
{
	return memcmp(a->data, b->data, USCC_PACKED_SIZE);
}

/* btree support 1. */
PG_FUNCTION_INFO_V1(credit_code_cmp);
Datum
credit_code_cmp(PG_FUNCTION_ARGS)
{
	int			c = credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											 PG_GETARG_CREDIT_CODE_P(1));

	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

/* Operator =. */
PG_FUNCTION_INFO_V1(credit_code_eq);
Datum
credit_code_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) == 0);
}

/* Operator <>. */
PG_FUNCTION_INFO_V1(credit_code_ne);
Datum
credit_code_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) != 0);
}

/* Operator <. */
PG_FUNCTION_INFO_V1(credit_code_lt);
Datum
credit_code_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) < 0);
}

/* Operator <=. */
PG_FUNCTION_INFO_V1(credit_code_le);
Datum
credit_code_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) <= 0);
}

/* Operator >. */
PG_FUNCTION_INFO_V1(credit_code_gt);
Datum
credit_code_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) > 0);
}

/* Operator >=. */
PG_FUNCTION_INFO_V1(credit_code_ge);
Datum
credit_code_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_code_cmp_internal(PG_GETARG_CREDIT_CODE_P(0),
											PG_GETARG_CREDIT_CODE_P(1)) >= 0);
}

/* Sort comparator without the fmgr call. */
static int
credit_code_fastcmp(Datum x, Datum y, SortSupport ssup pg_attribute_unused())
{
	return credit_code_cmp_internal(DatumGetCreditCodeP(x),
									DatumGetCreditCodeP(y));
}

/* btree support 2. */
PG_FUNCTION_INFO_V1(credit_code_sortsupport);
Datum
credit_code_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = credit_code_fastcmp;
	PG_RETURN_VOID();
}

/* hash support 1: hash of the packed bytes (stable, fixed at 1.0). */
PG_FUNCTION_INFO_V1(credit_code_hash);
Datum
credit_code_hash(PG_FUNCTION_ARGS)
{
	CreditCode *cc = PG_GETARG_CREDIT_CODE_P(0);

	return hash_any(cc->data, USCC_PACKED_SIZE);
}

/* hash support 2: seeded 64-bit hash, for hash partitioning. */
PG_FUNCTION_INFO_V1(credit_code_hash_extended);
Datum
credit_code_hash_extended(PG_FUNCTION_ARGS)
{
	CreditCode *cc = PG_GETARG_CREDIT_CODE_P(0);

	return hash_any_extended(cc->data, USCC_PACKED_SIZE, PG_GETARG_INT64(1));
}
