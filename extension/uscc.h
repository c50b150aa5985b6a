/*-------------------------------------------------------------------------
 *
 * uscc.h
 *	  Validation, normalisation and compact storage of the 统一社会信用代码
 *	  (unified social credit code, GB 32100-2015) and of the GB 11714
 *	  organisation code embedded in it.
 *
 * This file and uscc.c depend only on the C standard library so that the
 * unit test and the libFuzzer harness can build them without a server.
 * Input text is UTF-8; the backend converts from the database encoding
 * before calling in.  All messages are ASCII.
 *
 * A code has 18 characters from the 31-character GB 32100 code set
 * (0-9 and A-Z without I, O, S, V, Z):
 *	 1		登记管理部门代码 registration authority
 *	 2		机构类别代码 entity category (meaning depends on position 1)
 *	 3-8	登记管理机关行政区划码 administrative division (GB/T 2260, digits)
 *	 9-17	主体标识码 = 组织机构代码 organisation code (GB 11714: 8 body
 *			characters and a check character)
 *	 18		校验码 check character (GB 32100, ISO 7064 style, mod 31)
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_USCC_H
#define INDUSTRY_USCC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Characters in a code. */
#define USCC_LENGTH 18

/* The GB 32100 code set in value order (value = index); also ASCII order. */
#define USCC_ALPHABET "0123456789ABCDEFGHJKLMNPQRTUWXY"
#define USCC_RADIX 31

/*
 * Packed form: the values of characters 1-17, 5 bits each, most significant
 * first (85 bits in 11 bytes, the last 3 bits zero).  Character 18 is
 * recomputed.  memcmp order equals the text order of the codes.
 */
#define USCC_PACKED_SIZE 11

/* Organisation-code body sequences accepted by uscc_make: 0 .. 31^8 - 1. */
#define USCC_MAKE_SEQ_LIMIT INT64_C(852891037441)

/* What is wrong with a text, in the order the checks run. */
typedef enum UsccProblem
{
	USCC_OK = 0,
	USCC_BAD_CHARACTER,			/* not in the code set (after normalisation) */
	USCC_BAD_UTF8,				/* a byte that does not start valid UTF-8 */
	USCC_WRONG_LENGTH,			/* not 18 characters */
	USCC_NOT_DIGIT,				/* positions 3-8 must be digits */
	USCC_UNKNOWN_AUTHORITY,		/* position 1 */
	USCC_UNKNOWN_CATEGORY,		/* position 2 under the authority */
	USCC_CHECK_MISMATCH,		/* position 18, GB 32100 */
	USCC_ORG_CHECK_MISMATCH		/* position 17, GB 11714 (uscc_org_check only) */
} UsccProblem;

/* Where and why a text is not a valid code. */
typedef struct UsccError
{
	UsccProblem problem;
	size_t		position;		/* 1-based character position, 0 if none */
	size_t		length;			/* characters after trimming (WRONG_LENGTH) */
	uint32_t	character;		/* offending code point, or byte (BAD_UTF8) */
	char		found;			/* check character found (MISMATCH) */
	char		expected;		/* check character expected (MISMATCH) */
	char		authority;		/* position 1 (UNKNOWN_CATEGORY) */
} UsccError;

/* Why uscc_make could not build a code. */
typedef enum UsccMakeProblem
{
	USCC_MAKE_OK = 0,
	USCC_MAKE_BAD_DIVISION,		/* not exactly 6 ASCII digits */
	USCC_MAKE_BAD_PAIR,			/* authority/category not in the table */
	USCC_MAKE_SEQ_RANGE			/* seq outside 0 .. USCC_MAKE_SEQ_LIMIT-1 */
} UsccMakeProblem;

/* Longest message written by uscc_describe, including the NUL. */
#define USCC_MESSAGE_BUFSIZE 192

/*
 * Normalise and validate str[0..len) (UTF-8, need not be NUL-terminated):
 * surrounding white space (Unicode White_Space, whitespace.h) is trimmed, full-width
 * ASCII (U+FF01-U+FF5E) becomes ASCII and lower case becomes upper case.
 * On success write the canonical 18 characters to code (not NUL-terminated)
 * and return true; otherwise fill *err and return false.  Never reads past
 * len, never allocates.
 */
extern bool uscc_parse(const char *str, size_t len, char code[USCC_LENGTH],
					   UsccError *err);

/*
 * Validate 18 characters that must already be canonical (no normalising):
 * code set, digits, authority/category pair and the GB 32100 check
 * character (position 18, which catches every single-character error).
 * The GB 11714 check of position 17 is not part of validity: real
 * registered codes fail it (a national registry extract holds 189 such
 * codes with a correct position 18); uscc_org_check applies it.
 */
extern bool uscc_validate(const char code[USCC_LENGTH], UsccError *err);

/* The GB 11714 check of position 17 of a valid code (USCC_ORG_CHECK_MISMATCH). */
extern bool uscc_org_check(const char code[USCC_LENGTH], UsccError *err);

/* Write an English sentence (ending in a period) describing err to buf. */
extern void uscc_describe(const UsccError *err, char *buf, size_t size);

/* Value of c in the GB 32100 code set, or -1. */
extern int	uscc_value(char c);

/* GB 32100 check character of 17 code-set characters, or 0 if one is not. */
extern char uscc_check_char(const char *code17);

/* GB 11714 check character ('0'-'9' or 'X') of an 8-character body, or 0. */
extern char uscc_org_check_char(const char *body8);

/* 登记管理部门 label of an authority code (UTF-8), or NULL if unknown. */
extern const char *uscc_authority_label(char authority);

/* 机构类别 label of an authority/category pair (UTF-8), or NULL. */
extern const char *uscc_category_label(char authority, char category);

/* Pack a valid canonical code. */
extern void uscc_pack(const char code[USCC_LENGTH],
					  uint8_t packed[USCC_PACKED_SIZE]);

/* Unpack; false if the bytes were not written by uscc_pack. */
extern bool uscc_unpack(const uint8_t packed[USCC_PACKED_SIZE],
						char code[USCC_LENGTH]);

/*
 * Build the valid code for a 6-digit division, a body sequence number
 * (written in base 31 over the code set as organisation-code characters
 * 1-8) and an authority/category pair, computing both check characters.
 */
extern UsccMakeProblem uscc_make(const char *division, size_t division_len,
								 int64_t seq, char authority, char category,
								 char code[USCC_LENGTH]);

#endif							/* INDUSTRY_USCC_H */
