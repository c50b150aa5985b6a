
-- 10_output.sql (issue 9): the types' text output is a plain decimal number in the base
-- unit (元, 亩, 元/亩), exactly what ::numeric prints; the output functions keep their
-- names, symbols and labels, so nothing here touches them.  Bulletin display with a unit
-- chosen by magnitude (what 1.0 printed) is format_auto(T); a fixed unit is format_unit.
DO $output$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['mu_area', 'yuan', 'yuan_per_mu']
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE OR REPLACE FUNCTION @extschema@.format_auto(@extschema@.%1$I) RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			COMMENT ON FUNCTION @extschema@.format_auto(@extschema@.%1$I) IS
				'display text, exact, in the unit bulletins choose by magnitude (亿元 from 1亿, 万元 from 1万; 万元/亩 from 1万元/亩; 亩)';
			$f$, t, t || '_format_auto');
	END LOOP;
END
$output$;

-- 亩均 of one enterprise with a zero-land guard: NULL when land is 0 (or either is NULL).
-- tax / NULLIF(land, '0亩') does the same in a query, but a view or generated column
-- written that way does not restore from pg_dump: NULLIF is deparsed without its
-- operator, and the restore (search_path = '') finds no mu_area = mu_area.
CREATE OR REPLACE FUNCTION @extschema@.per_mu_or_null(tax @extschema@.yuan, land @extschema@.mu_area)
	RETURNS @extschema@.yuan_per_mu
	AS 'MODULE_PATHNAME', 'yuan_div_mu_area_or_null' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.per_mu_or_null(@extschema@.yuan, @extschema@.mu_area) IS
	'yuan / mu_area (亩均), NULL when the land is 0; restores from pg_dump, unlike NULLIF';

-- Phrase conventions of published bulletins as arguments whose defaults are the 1.0
-- wording: growth_phrase(current, base, digits, multiples, multiple_digits, turn_profit)
-- and pp_phrase(current_pct, base_pct, digits, verbs).  A second overload beside the 1.0
-- three-argument functions would make every call ambiguous, and dropping them would
-- break the views a district built on them under 1.0.  So the 1.0 functions are renamed
-- to growth_phrase_1_0 / pp_phrase_1_0 (a view keeps calling the same function, by OID,
-- and its dump names the kept function, which every 1.1 install has) and the new
-- functions take the name; the C entry points read the extra arguments only when given.
DO $phrases$
DECLARE
	t text;
	c text;
BEGIN
	FOR t, c IN VALUES
		('pg_catalog.numeric', 'numeric'), ('pg_catalog.float8', 'float8'), ('pg_catalog.int8', 'int64'),
		('@extschema@.mu_area', 'int64'), ('@extschema@.yuan', 'int64'), ('@extschema@.yuan_per_mu', 'int64')
	LOOP
		EXECUTE pg_catalog.format($f$
			ALTER FUNCTION @extschema@.growth_phrase(%1$s, %1$s, pg_catalog.int4) RENAME TO growth_phrase_1_0;
			COMMENT ON FUNCTION @extschema@.growth_phrase_1_0(%1$s, %1$s, pg_catalog.int4) IS
				'the 1.0 growth_phrase, kept so that views made under 1.0 keep working; call growth_phrase';
			CREATE FUNCTION @extschema@.growth_phrase(current %1$s, base %1$s,
					digits pg_catalog.int4 DEFAULT 1, multiples pg_catalog.bool DEFAULT true,
					multiple_digits pg_catalog.int4 DEFAULT 2, turn_profit pg_catalog.text DEFAULT '由亏转盈')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_phrase_' || c);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['numeric', 'float8']
	LOOP
		EXECUTE pg_catalog.format($f$
			ALTER FUNCTION @extschema@.pp_phrase(pg_catalog.%1$I, pg_catalog.%1$I, pg_catalog.int4) RENAME TO pp_phrase_1_0;
			COMMENT ON FUNCTION @extschema@.pp_phrase_1_0(pg_catalog.%1$I, pg_catalog.%1$I, pg_catalog.int4) IS
				'the 1.0 pp_phrase, kept so that views made under 1.0 keep working; call pp_phrase';
			CREATE FUNCTION @extschema@.pp_phrase(current_pct pg_catalog.%1$I, base_pct pg_catalog.%1$I,
					digits pg_catalog.int4 DEFAULT 1, verbs pg_catalog.text DEFAULT '提高/回落')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_pp_phrase_' || t);
	END LOOP;
END
$phrases$;
