/*
 * uscc_cases.c
 *	  Standalone tests of extension/uscc.c: published codes, every error
 *	  message, normalisation, exhaustive single-byte corruption, and a
 *	  randomised cross-check of both check algorithms against independent
 *	  reference formulations (Horner evaluation instead of weight tables).
 *
 *	  usage: uscc_cases [N]	 (N random codes, default 1000000)
 */
#include "uscc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	failures = 0;
static int	checks = 0;

#define CHECK(cond, ...) \
	do { \
		checks++; \
		if (!(cond)) \
		{ \
			failures++; \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
		} \
	} while (0)

/* xorshift64*: deterministic test randomness. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t	x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * UINT64_C(2685821657736338717);
}

/*
 * Reference GB 32100 check: sum of v_i * 3^(i-1) mod 31 by Horner's rule
 * from position 17 down, without the weight table.
 */
static char
ref_check18(const char *code17)
{
	int			h = 0;
	int			i;

	for (i = 16; i >= 0; i--)
	{
		const char *p = strchr(USCC_ALPHABET, code17[i]);

		if (p == NULL || code17[i] == '\0')
			return 0;
		h = (h * 3 + (int) (p - USCC_ALPHABET)) % 31;
	}
	return USCC_ALPHABET[(31 - h) % 31];
}

/*
 * Reference GB 11714 check: the weights 3 7 9 10 5 8 4 2 are 2^(9-i) mod
 * 11, so the weighted sum is Horner's rule with factor 2.
 */
static char
ref_check9(const char *body8)
{
	const char *digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	int			h = 0;
	int			i;
	int			c;

	for (i = 0; i < 8; i++)
	{
		const char *p = strchr(digits, body8[i]);

		if (p == NULL || body8[i] == '\0')
			return 0;
		h = ((h + (int) (p - digits)) * 2) % 11;
	}
	c = (11 - h) % 11;
	return c == 10 ? 'X' : (char) ('0' + c);
}

/* Parse a NUL-terminated string. */
static bool
parse(const char *s, char code[USCC_LENGTH], UsccError *err)
{
	return uscc_parse(s, strlen(s), code, err);
}

/* Published codes (company registers, government notices). */
static const char *const published[] = {
	"91330100799655058B",		/* 阿里巴巴(中国)有限公司 */
	"914403001922038216",		/* 华为技术有限公司 */
	"91440300708461136T",		/* 深圳市腾讯计算机系统有限公司 */
	"91110000710925462X",		/* 中国石油天然气股份有限公司 */
	"91350200776049653A", "91350500798359476R", "91350503MA31DKY80A",
	"91350200MA31E12PXF", "91440101MA5CJQ4N59", "913502000728319549",
	"123502001549897397", "91350503MA31DNG762", "913502115628130384",
	"9135021359498494XQ", "91350203MA31NDF85F", "91350203MA32AXT97E",
	"91350203MA31XXW31H", "91350206MA31LUJ437", "91350213678251743X",
	NULL
};

/*
 * Codes issued by Xiamen's 2014-2015 pilot before GB 32100 was final: in
 * use, but their check character does not satisfy the standard (the
 * expected characters are the ones reported publicly for these codes).
 */
static const struct
{
	const char *code;
	char		expected;
}			pilot[] = {
	{"91350100M0001TGQXM", '1'},
	{"91350211M0000XUF46", 'R'},
	{"91350203M0001FUE2P", 'J'},
};

/* Every published code validates, with both reference checks agreeing. */
static void
test_published(void)
{
	int			i;

	for (i = 0; published[i]; i++)
	{
		char		code[USCC_LENGTH];
		UsccError	err;

		CHECK(parse(published[i], code, &err), "%s rejected", published[i]);
		CHECK(memcmp(code, published[i], USCC_LENGTH) == 0, "%s changed", published[i]);
		CHECK(ref_check18(published[i]) == published[i][17], "%s ref18", published[i]);
		CHECK(ref_check9(published[i] + 8) == published[i][16], "%s ref9", published[i]);
	}
	for (i = 0; i < (int) (sizeof(pilot) / sizeof(pilot[0])); i++)
	{
		char		code[USCC_LENGTH];
		UsccError	err;

		CHECK(!parse(pilot[i].code, code, &err), "%s accepted", pilot[i].code);
		CHECK(err.problem == USCC_CHECK_MISMATCH && err.expected == pilot[i].expected,
			  "%s: problem %d expected %c", pilot[i].code, err.problem, err.expected);
	}
}

/* Normalisation: each input gives the canonical Alibaba code. */
static void
test_normalise(void)
{
	static const char *const inputs[] = {
		"91330100799655058b",
		"\xef\xbc\x99\xef\xbc\x91\xef\xbc\x93\xef\xbc\x93\xef\xbc\x90\xef\xbc\x91"
		"\xef\xbc\x90\xef\xbc\x90\xef\xbc\x97\xef\xbc\x99\xef\xbc\x99\xef\xbc\x96"
		"\xef\xbc\x95\xef\xbc\x95\xef\xbc\x90\xef\xbc\x95\xef\xbc\x98\xef\xbd\x82",
		"  91330100799655058B  ",
		"\t\r\n\v\f91330100799655058B\n",
		"\xe3\x80\x80" "91330100799655058B" "\xe3\x80\x80",	/* U+3000 */
		"\xc2\xa0" "91330100799655058B" "\xc2\xa0",	/* U+00A0 */
		"\xe2\x80\xaf" "91330100799655058B" "\xe2\x80\x89",	/* U+202F, U+2009 */
		"\xe2\x80\x87\xc2\x85" "91330100799655058B" "\xe2\x80\xa8",	/* U+2007, U+0085, U+2028 */
		NULL
	};
	int			i;

	for (i = 0; inputs[i]; i++)
	{
		char		code[USCC_LENGTH];
		UsccError	err;

		CHECK(parse(inputs[i], code, &err) &&
			  memcmp(code, "91330100799655058B", USCC_LENGTH) == 0,
			  "normalise case %d", i);
	}
}

/* Each problem with its exact message. */
static void
test_messages(void)
{
	static const struct
	{
		const char *input;
		size_t		len;		/* 0: strlen */
		UsccProblem problem;
		const char *message;
	}			cases[] = {
		{"", 0, USCC_WRONG_LENGTH, "A credit code has 18 characters, not 0."},
		{" \xe3\x80\x80 ", 0, USCC_WRONG_LENGTH, "A credit code has 18 characters, not 0."},
		{"9133010079965505", 0, USCC_WRONG_LENGTH, "A credit code has 18 characters, not 16."},
		{"91330100799655058BB", 0, USCC_WRONG_LENGTH, "A credit code has 18 characters, not 19."},
		{"9133 0100799655058B", 0, USCC_BAD_CHARACTER,
		"Character U+0020 at position 5 is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z."},
		{"91330100799655058I", 0, USCC_BAD_CHARACTER,
		"Character \"I\" at position 18 is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z."},
		{"9133010079965505\xe4\xb8\xad" "B", 0, USCC_BAD_CHARACTER,
		"Character U+4E2D at position 17 is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z."},
		{"\"1330100799655058B", 0, USCC_BAD_CHARACTER,
		"Character U+0022 at position 1 is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z."},
		{"9133\xff" "0100799655058B", 0, USCC_BAD_UTF8,
		"Byte 0xFF at position 5 does not start a valid UTF-8 character."},
		{"9133\xe3\x80" "0100799655058B", 0, USCC_BAD_UTF8,
		"Byte 0xE3 at position 5 does not start a valid UTF-8 character."},
		{"9133\xc0\xb0" "0100799655058B", 0, USCC_BAD_UTF8,	/* overlong '0' */
		"Byte 0xC0 at position 5 does not start a valid UTF-8 character."},
		{"913A0100799655058B", 0, USCC_NOT_DIGIT,
		"Character \"A\" at position 4 is not allowed: positions 3 to 8 hold the administrative-division code and must be digits."},
		{"B1330100799655058B", 0, USCC_UNKNOWN_AUTHORITY,
		"Registration authority \"B\" at position 1 is unknown: GB 32100 uses 1 to 9, A, N and Y."},
		{"94330100799655058B", 0, USCC_UNKNOWN_CATEGORY,
		"Entity category \"4\" at position 2 is unknown for registration authority \"9\"."},
		{"91330100799655068B", 0, USCC_CHECK_MISMATCH,
		"Check character mismatch at position 18: expected \"C\", found \"B\"."},
		{"91330100799655058C", 0, USCC_CHECK_MISMATCH,
		"Check character mismatch at position 18: expected \"B\", found \"C\"."},
		{"9133010079965505\0B", 18, USCC_BAD_CHARACTER,
		"Character U+0000 at position 17 is not allowed: a credit code uses only 0-9 and A-Z without I, O, S, V and Z."},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		code[USCC_LENGTH];
		char		msg[USCC_MESSAGE_BUFSIZE];
		UsccError	err;
		size_t		len = cases[i].len ? cases[i].len : strlen(cases[i].input);
		bool		ok = uscc_parse(cases[i].input, len, code, &err);

		uscc_describe(&err, msg, sizeof(msg));
		CHECK(!ok && err.problem == cases[i].problem &&
			  strcmp(msg, cases[i].message) == 0,
			  "case %zu: problem %d, message \"%s\"", i, err.problem, msg);
	}
}

/*
 * Position 17 (GB 11714) is not part of validity: a registered code whose
 * position 18 is right but position 17 is not parses, and uscc_org_check
 * reports it.  913412214444444448 is such a placeholder from a registry.
 */
static void
test_org_check(void)
{
	char		code[USCC_LENGTH];
	char		msg[USCC_MESSAGE_BUFSIZE];
	UsccError	err;
	int			i;

	CHECK(uscc_parse("913412214444444448", USCC_LENGTH, code, &err), "lenient parse");
	CHECK(!uscc_org_check(code, &err) && err.problem == USCC_ORG_CHECK_MISMATCH &&
		  err.position == 17, "org check fails");
	uscc_describe(&err, msg, sizeof(msg));
	CHECK(strcmp(msg, "Organisation code check character mismatch at position 17: expected \"6\", found \"4\".") == 0,
		  "org message \"%s\"", msg);
	for (i = 0; published[i]; i++)
	{
		CHECK(uscc_parse(published[i], USCC_LENGTH, code, &err) &&
			  uscc_org_check(code, &err), "%s org check", published[i]);
	}
}

/*
 * Replace each byte of each published code by every byte value: the result
 * is accepted exactly when it normalises back to the same code (the lower
 * case of a letter).  18 * 255 substitutions per code.
 */
static void
test_substitutions(void)
{
	int			i;
	int			accepted_other = 0;
	int			tried = 0;

	for (i = 0; published[i]; i++)
	{
		int			p;
		int			b;

		for (p = 0; p < USCC_LENGTH; p++)
			for (b = 0; b < 256; b++)
			{
				char		s[USCC_LENGTH];
				char		code[USCC_LENGTH];
				UsccError	err;
				bool		same;

				if (b == (unsigned char) published[i][p])
					continue;
				memcpy(s, published[i], USCC_LENGTH);
				s[p] = (char) b;
				same = (b >= 'a' && b <= 'z' && b - 'a' + 'A' == published[i][p]);
				tried++;
				if (uscc_parse(s, USCC_LENGTH, code, &err) != same)
					accepted_other++;
			}
	}
	CHECK(accepted_other == 0, "%d of %d substitutions misjudged", accepted_other, tried);
}

/* Transpositions within positions 1-17 are always caught. */
static void
test_transpositions(void)
{
	int			k;

	for (k = 0; published[k]; k++)
	{
		int			i,
					j;

		for (i = 0; i < 17; i++)
			for (j = i + 1; j < 17; j++)
			{
				char		s[USCC_LENGTH];
				char		code[USCC_LENGTH];
				UsccError	err;

				memcpy(s, published[k], USCC_LENGTH);
				if (s[i] == s[j])
					continue;
				s[i] = published[k][j];
				s[j] = published[k][i];
				CHECK(!uscc_parse(s, USCC_LENGTH, code, &err),
					  "%s swap %d %d accepted", published[k], i + 1, j + 1);
			}
	}
}

/* uscc_make errors and edges. */
static void
test_make(void)
{
	char		code[USCC_LENGTH];
	UsccError	err;

	CHECK(uscc_make("33011", 5, 1, '9', '1', code) == USCC_MAKE_BAD_DIVISION, "short division");
	CHECK(uscc_make("33011A", 6, 1, '9', '1', code) == USCC_MAKE_BAD_DIVISION, "letter division");
	CHECK(uscc_make("330110", 6, 1, '9', '4', code) == USCC_MAKE_BAD_PAIR, "pair 94");
	CHECK(uscc_make("330110", 6, 1, 'B', '1', code) == USCC_MAKE_BAD_PAIR, "pair B1");
	CHECK(uscc_make("330110", 6, -1, '9', '1', code) == USCC_MAKE_SEQ_RANGE, "seq -1");
	CHECK(uscc_make("330110", 6, USCC_MAKE_SEQ_LIMIT, '9', '1', code) == USCC_MAKE_SEQ_RANGE,
		  "seq limit");
	CHECK(uscc_make("330110", 6, 0, '9', '1', code) == USCC_MAKE_OK &&
		  memcmp(code, "91330110000000000Q", USCC_LENGTH) == 0, "seq 0");
	CHECK(uscc_make("330110", 6, USCC_MAKE_SEQ_LIMIT - 1, '9', '1', code) == USCC_MAKE_OK &&
		  memcmp(code, "91330110YYYYYYYY7J", USCC_LENGTH) == 0 &&
		  uscc_validate(code, &err), "last seq");
}

/* Unpack rejects bytes uscc_pack cannot produce. */
static void
test_unpack_guard(void)
{
	uint8_t		packed[USCC_PACKED_SIZE];
	char		code[USCC_LENGTH];

	memset(packed, 0, sizeof(packed));
	CHECK(uscc_unpack(packed, code) && memcmp(code, "00000000000000000", 17) == 0,
		  "zeros unpack");
	packed[0] = 0xF8;			/* first value 31 */
	CHECK(!uscc_unpack(packed, code), "value 31 accepted");
	packed[0] = 0;
	packed[USCC_PACKED_SIZE - 1] = 0x01;	/* padding bit */
	CHECK(!uscc_unpack(packed, code), "padding accepted");
}

/*
 * n random codes from uscc_make over random divisions and pairs: valid,
 * both checks equal the references, pack/unpack round-trips, and packed
 * order equals text order.  Plus random 17-character strings and 8-character
 * bodies compared with the references directly.
 */
static void
test_random(long n)
{
	static const char pairs[][2] = {
		{'1', '1'}, {'1', '2'}, {'1', '3'}, {'1', '9'}, {'2', '1'}, {'2', '9'},
		{'3', '1'}, {'3', '2'}, {'3', '3'}, {'3', '4'}, {'3', '5'}, {'3', '9'},
		{'4', '1'}, {'4', '9'}, {'5', '1'}, {'5', '2'}, {'5', '3'}, {'5', '9'},
		{'6', '1'}, {'6', '2'}, {'6', '9'}, {'7', '1'}, {'7', '2'}, {'7', '9'},
		{'8', '1'}, {'8', '9'}, {'9', '1'}, {'9', '2'}, {'9', '3'}, {'A', '1'},
		{'A', '9'}, {'N', '1'}, {'N', '2'}, {'N', '3'}, {'N', '9'}, {'Y', '1'},
	};
	uint64_t	state = UINT64_C(0x9E3779B97F4A7C15);
	char		prev[USCC_LENGTH];
	uint8_t		prev_packed[USCC_PACKED_SIZE];
	long		bad = 0;
	long		i;

	memset(prev, '0', sizeof(prev));
	memset(prev_packed, 0, sizeof(prev_packed));
	for (i = 0; i < n; i++)
	{
		uint64_t	r = next_random(&state);
		char		division[6];
		char		code[USCC_LENGTH];
		char		back[USCC_LENGTH];
		char		s17[17];
		char		body[8];
		uint8_t		packed[USCC_PACKED_SIZE];
		UsccError	err;
		int			k,
					tc,
					pc;

		for (k = 0; k < 6; k++)
			division[k] = (char) ('0' + next_random(&state) % 10);
		k = (int) (r % (sizeof(pairs) / sizeof(pairs[0])));
		if (uscc_make(division, 6, (int64_t) (next_random(&state) % USCC_MAKE_SEQ_LIMIT),
					  pairs[k][0], pairs[k][1], code) != USCC_MAKE_OK ||
			!uscc_validate(code, &err) ||
			ref_check18(code) != code[17] ||
			ref_check9(code + 8) != code[16])
			bad++;
		uscc_pack(code, packed);
		if (!uscc_unpack(packed, back) || memcmp(back, code, USCC_LENGTH) != 0)
			bad++;
		tc = memcmp(code, prev, USCC_LENGTH);
		pc = memcmp(packed, prev_packed, USCC_PACKED_SIZE);
		if ((tc < 0) != (pc < 0) || (tc == 0) != (pc == 0))
			bad++;
		memcpy(prev, code, USCC_LENGTH);
		memcpy(prev_packed, packed, USCC_PACKED_SIZE);

		for (k = 0; k < 17; k++)
			s17[k] = USCC_ALPHABET[next_random(&state) % USCC_RADIX];
		if (uscc_check_char(s17) != ref_check18(s17))
			bad++;
		for (k = 0; k < 8; k++)
			body[k] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[next_random(&state) % 36];
		if (uscc_org_check_char(body) != ref_check9(body))
			bad++;
	}
	CHECK(bad == 0, "%ld of %ld random cases failed", bad, n);
}

int
main(int argc, char **argv)
{
	long		n = argc > 1 ? atol(argv[1]) : 1000000;

	test_published();
	test_normalise();
	test_messages();
	test_org_check();
	test_substitutions();
	test_transpositions();
	test_make();
	test_unpack_guard();
	test_random(n);
	printf("uscc_cases: %d checks, %d failed (%ld random codes)\n", checks, failures, n);
	return failures == 0 ? 0 : 1;
}
