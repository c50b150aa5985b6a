/*-------------------------------------------------------------------------
 *
 * kit_text.c
 *	  Engine kit: the one UTF-8 <-> database-encoding edge.
 *
 * Engines, phrases and credit_code work in UTF-8 (their rule tables, word
 * lists and the Chinese texts of this source are UTF-8); text read from the
 * database is converted to UTF-8 when read and text they make is converted
 * to the database encoding when returned.  UTF8 and SQL_ASCII databases
 * need no conversion (SQL_ASCII bytes from a UTF-8 client are UTF-8), so
 * they never pay for it.
 *
 *-------------------------------------------------------------------------
 */
#include "kit.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

/* Does the database encoding need converting from or to UTF-8? */
static inline bool
kit_needs_conversion(void)
{
	int			enc = GetDatabaseEncoding();

	return enc != PG_UTF8 && enc != PG_SQL_ASCII;
}

/* len bytes of database-encoded text as UTF-8, its length in *utf8_len. */
const char *
kit_utf8_n(const char *s, int len, size_t *utf8_len)
{
	const char *u;

	if (!kit_needs_conversion())
	{
		*utf8_len = (size_t) len;
		return s;
	}
	u = (const char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, s),
												 len, GetDatabaseEncoding(), PG_UTF8);
	*utf8_len = (u == s) ? (size_t) len : strlen(u);
	return u;
}

/* A database-encoded C string as UTF-8. */
const char *
kit_utf8(const char *s)
{
	size_t		len;

	return kit_utf8_n(s, (int) strlen(s), &len);
}

/* A UTF-8 C string in the database encoding. */
const char *
kit_local(const char *utf8)
{
	if (!kit_needs_conversion())
		return utf8;
	return pg_any_to_server(utf8, strlen(utf8), PG_UTF8);
}

/* A UTF-8 C string as a text value in the database encoding. */
text *
kit_text(const char *utf8)
{
	return cstring_to_text(kit_local(utf8));
}
