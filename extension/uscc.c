/*-------------------------------------------------------------------------
 *
 * uscc.c
 *	  统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714-1997):
 *	  normalisation, validation, labels, packing and test-data generation.
 *
 * Standard C only (see uscc.h).
 *
 *-------------------------------------------------------------------------
 */
#include "uscc.h"

#include <stdio.h>
#include <string.h>

#include "whitespace.h"

/* GB 32100 weights 3^(i-1) mod 31 for positions 1-17. */
static const int uscc_weights[USCC_LENGTH - 1] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/*
 * Value + 1 of each byte in the GB 32100 code set, 0 for every other byte
 * (one load per character instead of a search).
 */
static const unsigned char uscc_values[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
	['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10, ['A'] = 11, ['B'] = 12,
	['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16, ['G'] = 17, ['H'] = 18,
	['J'] = 19, ['K'] = 20, ['L'] = 21, ['M'] = 22, ['N'] = 23, ['P'] = 24,
	['Q'] = 25, ['R'] = 26, ['T'] = 27, ['U'] = 28, ['W'] = 29, ['X'] = 30,
	['Y'] = 31
};

/* GB 11714 weights for the 8 body characters of an organisation code. */
static const int org_weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

/* One row of GB 32100-2015 表2 (as amended): authority, category, labels. */
typedef struct UsccCategory
{
	char		authority;
	char		category;
	const char *authority_label;
	const char *category_label;
} UsccCategory;

/*
 * 登记管理部门代码 and 机构类别代码.  Authority labels repeat on each row so
 * that one table serves both look-ups.
 */
static const UsccCategory uscc_categories[] = {
	{'1', '1', "机构编制", "机关"},
	{'1', '2', "机构编制", "事业单位"},
	{'1', '3', "机构编制", "中央编办直接管理机构编制的群众团体"},
	{'1', '9', "机构编制", "其他"},
	{'2', '1', "外交", "外国常驻新闻机构"},
	{'2', '9', "外交", "其他"},
	{'3', '1', "司法行政", "律师执业机构"},
	{'3', '2', "司法行政", "公证处"},
	{'3', '3', "司法行政", "基层法律服务所"},
	{'3', '4', "司法行政", "司法鉴定机构"},
	{'3', '5', "司法行政", "仲裁委员会"},
	{'3', '9', "司法行政", "其他"},
	{'4', '1', "文化", "外国在华文化中心"},
	{'4', '9', "文化", "其他"},
	{'5', '1', "民政", "社会团体"},
	{'5', '2', "民政", "民办非企业单位"},
	{'5', '3', "民政", "基金会"},
	{'5', '9', "民政", "其他"},
	{'6', '1', "旅游", "外国旅游部门常驻代表机构"},
	{'6', '2', "旅游", "港澳台地区旅游部门常驻内地（大陆）代表机构"},
	{'6', '9', "旅游", "其他"},
	{'7', '1', "宗教", "宗教活动场所"},
	{'7', '2', "宗教", "宗教院校"},
	{'7', '9', "宗教", "其他"},
	{'8', '1', "工会", "基层工会"},
	{'8', '9', "工会", "其他"},
	{'9', '1', "工商", "企业"},
	{'9', '2', "工商", "个体工商户"},
	{'9', '3', "工商", "农民专业合作社"},
	{'A', '1', "中央军委改革和编制办公室", "军队事业单位"},
	{'A', '9', "中央军委改革和编制办公室", "其他"},
	{'N', '1', "农业", "组级集体经济组织"},
	{'N', '2', "农业", "村级集体经济组织"},
	{'N', '3', "农业", "乡镇级集体经济组织"},
	{'N', '9', "农业", "其他"},
	{'Y', '1', "其他", "其他"},
};

#define USCC_NCATEGORIES (sizeof(uscc_categories) / sizeof(uscc_categories[0]))

/* Value of c in the GB 32100 code set, or -1 (inlined in this file). */
static inline int
code_value(char c)
{
	return (int) uscc_values[(unsigned char) c] - 1;
}

/* Value of c in the GB 32100 code set, or -1. */
int
uscc_value(char c)
{
	return code_value(c);
}

/* GB 32100 check character of 17 code-set characters, or 0 if one is not. */
char
uscc_check_char(const char *code17)
{
	int			sum = 0;
	int			i;

	for (i = 0; i < USCC_LENGTH - 1; i++)
	{
		int			v = code_value(code17[i]);

		if (v < 0)
			return 0;
		sum += v * uscc_weights[i];
	}
	/* C18 = 31 - (sum mod 31), where 31 is written as 0 */
	return USCC_ALPHABET[(USCC_RADIX - sum % USCC_RADIX) % USCC_RADIX];
}

/*
 * GB 11714 check character of an 8-character body, or 0.  Body characters
 * take 0-9 and A=10 .. Z=35 (the full Latin alphabet: GB 11714 is older
 * than the GB 32100 code set).  C9 = 11 - (sum mod 11); 10 is 'X', 11 is 0.
 */
char
uscc_org_check_char(const char *body8)
{
	int			sum = 0;
	int			c9;
	int			i;

	for (i = 0; i < 8; i++)
	{
		char		c = body8[i];
		int			v;

		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'A' && c <= 'Z')
			v = c - 'A' + 10;
		else
			return 0;
		sum += v * org_weights[i];
	}
	c9 = 11 - sum % 11;
	if (c9 == 10)
		return 'X';
	if (c9 == 11)
		return '0';
	return (char) ('0' + c9);
}

/* The table row of an authority/category pair, or NULL. */
static const UsccCategory *
uscc_find_category(char authority, char category)
{
	size_t		i;

	for (i = 0; i < USCC_NCATEGORIES; i++)
		if (uscc_categories[i].authority == authority &&
			uscc_categories[i].category == category)
			return &uscc_categories[i];
	return NULL;
}

/* 登记管理部门 label of an authority code (UTF-8), or NULL if unknown. */
const char *
uscc_authority_label(char authority)
{
	size_t		i;

	for (i = 0; i < USCC_NCATEGORIES; i++)
		if (uscc_categories[i].authority == authority)
			return uscc_categories[i].authority_label;
	return NULL;
}

/* 机构类别 label of an authority/category pair (UTF-8), or NULL. */
const char *
uscc_category_label(char authority, char category)
{
	const UsccCategory *row = uscc_find_category(authority, category);

	return row ? row->category_label : NULL;
}

/* Record a problem at a position and return false. */
static bool
uscc_fail(UsccError *err, UsccProblem problem, size_t position)
{
	memset(err, 0, sizeof(*err));
	err->problem = problem;
	err->position = position;
	return false;
}

/*
 * Does position (1-based) hold the expected check character?  When not,
 * record the problem with the character found and the one expected.
 */
static bool
uscc_check_at(const char code[USCC_LENGTH], size_t position, char expected,
			  UsccProblem problem, UsccError *err)
{
	if (code[position - 1] != expected)
	{
		uscc_fail(err, problem, position);
		err->found = code[position - 1];
		err->expected = expected;
		return false;
	}
	memset(err, 0, sizeof(*err));
	return true;
}

/* Validate 18 characters that must already be canonical (no normalising). */
bool
uscc_validate(const char code[USCC_LENGTH], UsccError *err)
{
	int			i;

	for (i = 0; i < USCC_LENGTH; i++)
	{
		if (code_value(code[i]) < 0)
		{
			uscc_fail(err, USCC_BAD_CHARACTER, i + 1);
			err->character = (unsigned char) code[i];
			return false;
		}
	}
	for (i = 2; i < 8; i++)
	{
		if (code[i] < '0' || code[i] > '9')
		{
			uscc_fail(err, USCC_NOT_DIGIT, i + 1);
			err->character = (unsigned char) code[i];
			return false;
		}
	}
	if (uscc_authority_label(code[0]) == NULL)
	{
		uscc_fail(err, USCC_UNKNOWN_AUTHORITY, 1);
		err->character = (unsigned char) code[0];
		return false;
	}
	if (uscc_find_category(code[0], code[1]) == NULL)
	{
		uscc_fail(err, USCC_UNKNOWN_CATEGORY, 2);
		err->character = (unsigned char) code[1];
		err->authority = code[0];
		return false;
	}
	return uscc_check_at(code, 18, uscc_check_char(code), USCC_CHECK_MISMATCH, err);
}

/*
 * The stricter GB 11714 check of position 17 of a code that passed
 * uscc_validate: registered codes exist that fail it (see uscc.h).
 */
bool
uscc_org_check(const char code[USCC_LENGTH], UsccError *err)
{
	return uscc_check_at(code, 17, uscc_org_check_char(code + 8), USCC_ORG_CHECK_MISMATCH,
						 err);
}

/*
 * Decode one UTF-8 character at s[0..len), len > 0.  Returns its length in
 * bytes and stores the code point, or returns 0 if s does not start a valid,
 * shortest-form sequence.
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	c = s[0];
	size_t		n;
	size_t		i;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		c &= 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		c &= 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		c &= 0x07;
	}
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values above U+10FFFF */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
		(c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return n;
}

/* Is cp white space that input may carry around a code (whitespace.h)? */
static inline bool
uscc_is_space(uint32_t cp)
{
	return industry_is_space(cp);
}

/* Full-width ASCII to ASCII, then lower to upper case. */
static uint32_t
uscc_fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	return cp;
}

/*
 * Normalise and validate str[0..len).  Checks run in a fixed order so that
 * the reported problem is the first one a reader would see: a character
 * outside the code set, then the length, then the parts left to right.
 */
bool
uscc_parse(const char *str, size_t len, char code[USCC_LENGTH], UsccError *err)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		start = 0;
	size_t		end = len;
	size_t		pos;
	size_t		nchars = 0;

	/* trim leading white space */
	while (start < end)
	{
		uint32_t	cp;
		size_t		n = utf8_decode(s + start, end - start, &cp);

		if (n == 0 || !uscc_is_space(cp))
			break;
		start += n;
	}

	/*
	 * Trim trailing white space: step back over continuation bytes to the
	 * start of the last character and test it.
	 */
	while (end > start)
	{
		size_t		b = end - 1;
		uint32_t	cp;

		while (b > start && end - b < 4 && (s[b] & 0xC0) == 0x80)
			b--;
		if (utf8_decode(s + b, end - b, &cp) != end - b || !uscc_is_space(cp))
			break;
		end = b;
	}

	for (pos = start; pos < end;)
	{
		uint32_t	cp;
		size_t		n = utf8_decode(s + pos, end - pos, &cp);

		nchars++;
		if (n == 0)
		{
			uscc_fail(err, USCC_BAD_UTF8, nchars);
			err->character = s[pos];
			return false;
		}
		cp = uscc_fold(cp);
		if (cp >= 0x80 || code_value((char) cp) < 0)
		{
			uscc_fail(err, USCC_BAD_CHARACTER, nchars);
			err->character = cp;
			return false;
		}
		if (nchars <= USCC_LENGTH)
			code[nchars - 1] = (char) cp;
		pos += n;
	}
	if (nchars != USCC_LENGTH)
	{
		uscc_fail(err, USCC_WRONG_LENGTH, 0);
		err->length = nchars;
		return false;
	}
	return uscc_validate(code, err);
}

/* Quote a character for a message: "X", or U+XXXX when not printable ASCII. */
static void
uscc_quote(uint32_t c, char *buf, size_t size)
{
	if (c > ' ' && c < 0x7F && c != '"')
		snprintf(buf, size, "\"%c\"", (char) c);
	else
		snprintf(buf, size, "U+%04X", (unsigned int) c);
}

/* Write an English sentence (ending in a period) describing err to buf. */
void
uscc_describe(const UsccError *err, char *buf, size_t size)
{
	char		q[16];

	uscc_quote(err->character, q, sizeof(q));
	switch (err->problem)
	{
		case USCC_OK:
			snprintf(buf, size, "The code is valid.");
			break;
		case USCC_BAD_CHARACTER:
			snprintf(buf, size,
					 "Character %s at position %zu is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z.",
					 q, err->position);
			break;
		case USCC_BAD_UTF8:
			snprintf(buf, size,
					 "Byte 0x%02X at position %zu does not start a valid UTF-8 character.",
					 (unsigned int) err->character, err->position);
			break;
		case USCC_WRONG_LENGTH:
			snprintf(buf, size,
					 "A credit code has 18 characters, not %zu.", err->length);
			break;
		case USCC_NOT_DIGIT:
			snprintf(buf, size,
					 "Character %s at position %zu is not allowed: positions 3 to 8 hold the administrative-division code and must be digits.",
					 q, err->position);
			break;
		case USCC_UNKNOWN_AUTHORITY:
			snprintf(buf, size,
					 "Registration authority %s at position 1 is unknown: GB 32100 uses 1 to 9, A, N and Y.",
					 q);
			break;
		case USCC_UNKNOWN_CATEGORY:
			snprintf(buf, size,
					 "Entity category %s at position 2 is unknown for registration authority \"%c\".",
					 q, err->authority);
			break;
		case USCC_ORG_CHECK_MISMATCH:
			snprintf(buf, size,
					 "Organisation code check character mismatch at position 17: expected \"%c\", found \"%c\".",
					 err->expected, err->found);
			break;
		case USCC_CHECK_MISMATCH:
			snprintf(buf, size,
					 "Check character mismatch at position 18: expected \"%c\", found \"%c\".",
					 err->expected, err->found);
			break;
	}
}

/* Pack a valid canonical code: 17 values of 5 bits, most significant first. */
void
uscc_pack(const char code[USCC_LENGTH], uint8_t packed[USCC_PACKED_SIZE])
{
	uint32_t	acc = 0;
	int			nbits = 0;
	size_t		out = 0;
	int			i;

	for (i = 0; i < USCC_LENGTH - 1; i++)
	{
		acc = (acc << 5) | (uint32_t) code_value(code[i]);
		nbits += 5;
		if (nbits >= 8)
		{
			nbits -= 8;
			packed[out++] = (uint8_t) (acc >> nbits);
			acc &= (1u << nbits) - 1;
		}
	}
	/* 85 bits: 5 remain, left-aligned in the last byte */
	packed[out] = (uint8_t) (acc << (8 - nbits));
}

/* Unpack; false if the bytes were not written by uscc_pack. */
bool
uscc_unpack(const uint8_t packed[USCC_PACKED_SIZE], char code[USCC_LENGTH])
{
	uint32_t	acc = 0;
	int			nbits = 0;
	size_t		in = 0;
	int			i;

	for (i = 0; i < USCC_LENGTH - 1; i++)
	{
		uint32_t	v;

		if (nbits < 5)
		{
			acc = (acc << 8) | packed[in++];
			nbits += 8;
		}
		nbits -= 5;
		v = (acc >> nbits) & 0x1F;
		acc &= (1u << nbits) - 1;
		if (v >= USCC_RADIX)
			return false;
		code[i] = USCC_ALPHABET[v];
	}
	/* the 3 unused low bits must be zero */
	if (acc != 0)
		return false;
	code[USCC_LENGTH - 1] = uscc_check_char(code);
	return true;
}

/* Build a valid code from its parts (see uscc.h). */
UsccMakeProblem
uscc_make(const char *division, size_t division_len, int64_t seq,
		  char authority, char category, char code[USCC_LENGTH])
{
	size_t		i;

	if (division_len != 6)
		return USCC_MAKE_BAD_DIVISION;
	for (i = 0; i < 6; i++)
		if (division[i] < '0' || division[i] > '9')
			return USCC_MAKE_BAD_DIVISION;
	if (uscc_find_category(authority, category) == NULL)
		return USCC_MAKE_BAD_PAIR;
	if (seq < 0 || seq >= USCC_MAKE_SEQ_LIMIT)
		return USCC_MAKE_SEQ_RANGE;

	code[0] = authority;
	code[1] = category;
	memcpy(code + 2, division, 6);
	for (i = 0; i < 8; i++)
	{
		code[15 - i] = USCC_ALPHABET[seq % USCC_RADIX];
		seq /= USCC_RADIX;
	}
	code[16] = uscc_org_check_char(code + 8);
	code[17] = uscc_check_char(code);
	return USCC_MAKE_OK;
}
