/*-------------------------------------------------------------------------
 *
 * whitespace.h
 *	  The one set of white space every parser of the extension skips
 *	  around a value (quantities, credit codes, aggregate state texts):
 *	  the characters with the Unicode White_Space property.  Besides the
 *	  ASCII blanks that includes U+00A0 NO-BREAK SPACE and U+202F NARROW
 *	  NO-BREAK SPACE, which spreadsheets write into exported numbers,
 *	  U+2000..U+200A (thin, figure and other typographic spaces), U+3000
 *	  IDEOGRAPHIC SPACE of Chinese input methods, U+0085, U+1680, U+2028,
 *	  U+2029 and U+205F.
 *
 * Standalone (C standard library only): quantity.c and uscc.c, which the
 * fuzz, unit and property tests build without a server, include it too.
 * All text is UTF-8.
 *
 *-------------------------------------------------------------------------
 */
#ifndef INDUSTRY_WHITESPACE_H
#define INDUSTRY_WHITESPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Is the code point cp white space (Unicode White_Space)? */
static inline bool
industry_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
		cp == 0x0085 || cp == 0x00A0 || cp == 0x1680 ||
		(cp >= 0x2000 && cp <= 0x200A) ||
		cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
		cp == 0x3000;
}

/*
 * Byte length of the white space character (UTF-8) at s[pos..len), or 0
 * when there is none.
 */
static inline size_t
industry_space_len(const unsigned char *s, size_t pos, size_t len)
{
	unsigned char c;

	if (pos >= len)
		return 0;
	c = s[pos];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xC2 && len - pos >= 2 && (s[pos + 1] == 0x85 || s[pos + 1] == 0xA0))
		return 2;
	if ((c == 0xE1 || c == 0xE2 || c == 0xE3) && len - pos >= 3 &&
		(s[pos + 1] & 0xC0) == 0x80 && (s[pos + 2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((uint32_t) (c & 0x0F) << 12) |
			((uint32_t) (s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);

		if (cp >= 0x800 && industry_is_space(cp))
			return 3;
	}
	return 0;
}

#endif							/* INDUSTRY_WHITESPACE_H */
