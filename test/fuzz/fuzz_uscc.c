/*
 * fuzz_uscc.c
 *	  libFuzzer harness for extension/uscc.c.  For any input bytes:
 *	  parsing never crashes or reads out of bounds; the message fits its
 *	  buffer; an accepted code is canonical, re-validates, is a fixed point
 *	  of normalisation, and survives pack/unpack; a rejected text is
 *	  rejected again with the same problem; unpacking any 11 bytes either
 *	  fails or re-packs to the same bytes.
 */
#include "uscc.h"

#include <stdlib.h>
#include <string.h>

/* Abort (a libFuzzer crash) when a property does not hold. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *copy = malloc(size ? size : 1);
	char		code[USCC_LENGTH];
	char		again[USCC_LENGTH];
	char		msg[USCC_MESSAGE_BUFSIZE];
	UsccError	err;
	UsccError	err2;

	/* an exact-size copy, so ASan sees any read past the end */
	memcpy(copy, data, size);
	if (uscc_parse(copy, size, code, &err))
	{
		uint8_t		packed[USCC_PACKED_SIZE];
		int			i;

		for (i = 0; i < USCC_LENGTH; i++)
			require(uscc_value(code[i]) >= 0);
		require(uscc_validate(code, &err2));
		require(uscc_parse(code, USCC_LENGTH, again, &err2));
		require(memcmp(code, again, USCC_LENGTH) == 0);
		require(uscc_check_char(code) == code[17]);
		require(uscc_org_check(code, &err2) == (uscc_org_check_char(code + 8) == code[16]));
		require(uscc_authority_label(code[0]) != NULL);
		require(uscc_category_label(code[0], code[1]) != NULL);
		uscc_pack(code, packed);
		require(uscc_unpack(packed, again));
		require(memcmp(code, again, USCC_LENGTH) == 0);
	}
	else
	{
		require(err.problem != USCC_OK);
		require(!uscc_parse(copy, size, again, &err2));
		require(err2.problem == err.problem && err2.position == err.position);
		uscc_describe(&err, msg, sizeof(msg));
		require(strlen(msg) < sizeof(msg) - 1);
	}

	if (size >= USCC_PACKED_SIZE)
	{
		uint8_t		repacked[USCC_PACKED_SIZE];

		if (uscc_unpack(data, code))
		{
			uscc_pack(code, repacked);
			require(memcmp(repacked, data, USCC_PACKED_SIZE) == 0);
		}
	}
	free(copy);
	return 0;
}
