/*
 * fuzz_parse.c
 *	  libFuzzer harness for quantity.c: every input is parsed as each of the
 *	  three kinds; a successful parse must format (both modes) to text that
 *	  re-parses to the identical value, and a failure must carry a sane
 *	  error.  The same input after a space (which bypasses the parser's
 *	  ASCII fast path) must give the same outcome.  The input is also fed
 *	  to quantity_unit_parse.
 *
 * Build: clang-14 -fsanitize=fuzzer,address,undefined -I extension \
 *			  test/fuzz/fuzz_parse.c extension/quantity.c
 */
#include "quantity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message (libFuzzer then saves the input). */
static void
check(bool ok, const char *what, int kind, const uint8_t *data, size_t size)
{
	if (ok)
		return;
	fprintf(stderr, "fuzz_parse: %s (kind %d, input \"%.*s\")\n",
			what, kind, (int) size, (const char *) data);
	abort();
}

/* Is detail a non-empty sentence ending in a period? */
static bool
sentence(const char *detail)
{
	size_t		n;

	if (detail == NULL)
		return false;
	n = strlen(detail);
	return n > 1 && detail[n - 1] == '.';
}

/* One fuzz input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			kind;
	/* copy into an exact-size heap block so ASan catches any overread */
	char	   *copy = malloc(size ? size : 1);

	if (copy == NULL)
		return 0;
	if (size)
		memcpy(copy, data, size);

	for (kind = 0; kind < QUANTITY_NKINDS; kind++)
	{
		int64_t		v = 12345;
		QuantityError err;
		QuantityUnit unit;
		bool		ok = quantity_parse((QuantityKind) kind, copy, size, &v, &err);

		/* " " + input takes the general path: same value or same error */
		if (size < 4096)
		{
			char		spaced[4097];
			int64_t		sv = 54321;
			QuantityError serr;
			bool		sok;

			spaced[0] = ' ';
			memcpy(spaced + 1, copy, size);
			sok = quantity_parse((QuantityKind) kind, spaced, size + 1, &sv, &serr);
			check(sok == ok, "leading space changes success", kind, data, size);
			if (ok)
				check(sv == v, "leading space changes the value", kind, data, size);
			else
				check(serr.status == err.status &&
					  (serr.position == err.position + 1 ||
					   (err.position == 0 && serr.position == 0)),
					  "leading space changes the error", kind, data, size);
		}

		if (ok)
		{
			int			ascii;

			/* the canonical output (plain decimal) re-parses to the value */
			{
				char		plain[QUANTITY_FORMAT_BUFSIZE];
				size_t		pn = quantity_format_plain((QuantityKind) kind, v, plain);
				int64_t		pw = 0;
				QuantityError perr;

				check(pn < QUANTITY_FORMAT_BUFSIZE && strlen(plain) == pn,
					  "plain format length", kind, data, size);
				check(quantity_parse((QuantityKind) kind, plain, pn, &pw, &perr) && pw == v,
					  "plain text does not re-parse to the value", kind, data, size);
			}
			for (ascii = 0; ascii < 2; ascii++)
			{
				char		buf[QUANTITY_FORMAT_BUFSIZE];
				size_t		n = quantity_format((QuantityKind) kind, v, ascii, buf);
				int64_t		w = 0;
				QuantityError err2;

				check(n < QUANTITY_FORMAT_BUFSIZE && strlen(buf) == n,
					  "format length", kind, data, size);
				check(quantity_parse((QuantityKind) kind, buf, n, &w, &err2),
					  "formatted text does not re-parse", kind, data, size);
				check(w == v, "re-parse changed the value", kind, data, size);
			}
		}
		else
		{
			check(err.status == QUANTITY_SYNTAX_ERROR ||
				  err.status == QUANTITY_OUT_OF_RANGE, "bad status", kind, data, size);
			check(err.position >= 0 && (size_t) err.position <= size,
				  "error position outside the input", kind, data, size);
			check(sentence(err.detail), "detail is not a sentence", kind, data, size);
		}

		if (quantity_unit_parse((QuantityKind) kind, copy, size, &unit))
		{
			check(unit.num > 0 && unit.den > 0 && unit.label != NULL &&
				  unit.label[0] != '\0', "bad unit", kind, data, size);

			/* "1" followed by the unit parses to num/den rounded */
			if (size < 200)
			{
				char		text[256];
				int64_t		one = 0;
				QuantityError err3;
				__int128	expect = (2 * unit.num + unit.den) / (2 * unit.den);

				text[0] = '1';
				memcpy(text + 1, copy, size);
				if (expect > INT64_MAX)
				{
					/* a unit larger than the type's range (万亿km2 as 亩) */
					check(!quantity_parse((QuantityKind) kind, text, size + 1, &one, &err3) &&
						  err3.status == QUANTITY_OUT_OF_RANGE,
						  "1 unit beyond the range is not out of range", kind, data, size);
				}
				else
				{
					check(quantity_parse((QuantityKind) kind, text, size + 1, &one, &err3),
						  "1 followed by a unit does not parse", kind, data, size);
					check(one == (int64_t) expect, "1 unit != its factor", kind, data, size);
				}
			}
		}
	}
	free(copy);
	return 0;
}
