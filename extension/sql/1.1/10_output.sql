
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
-- and pp_phrase(current_pct, base_pct, digits, verbs).  The 1.0 three-argument
-- functions are replaced (a second overload would make every call ambiguous); the C
-- entry points read the extra arguments only when they are passed.  A view that calls
-- the 1.0 functions would block the replacement, so the update stops first with the
-- list of such objects and what to do.
DO $phrases$
DECLARE
	t text;
	c text;
	dependents text;
BEGIN
	SELECT pg_catalog.string_agg(DISTINCT CASE WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
			THEN (SELECT pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, r.ev_class, 0)
					FROM pg_catalog.pg_rewrite r WHERE r.oid OPERATOR(pg_catalog.=) d.objid)
			ELSE pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) END, ', ')
		INTO dependents
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_proc p ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
			AND d.refobjid OPERATOR(pg_catalog.=) p.oid
		WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
			AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['growth_phrase', 'pp_phrase'])
			AND p.pronargs OPERATOR(pg_catalog.<) 4
			AND d.deptype OPERATOR(pg_catalog.=) 'n';
	IF dependents IS NOT NULL THEN
		RAISE EXCEPTION 'growth_phrase and pp_phrase gain arguments in 1.1, but these objects use the 1.0 functions: %', dependents
			USING ERRCODE = 'dependent_objects_still_exist',
				HINT = 'Drop those objects, run ALTER EXTENSION industry UPDATE, and create them again (their calls need no change).';
	END IF;

	FOR t, c IN VALUES
		('pg_catalog.numeric', 'numeric'), ('pg_catalog.float8', 'float8'), ('pg_catalog.int8', 'int64'),
		('@extschema@.mu_area', 'int64'), ('@extschema@.yuan', 'int64'), ('@extschema@.yuan_per_mu', 'int64')
	LOOP
		EXECUTE pg_catalog.format($f$
			DROP FUNCTION IF EXISTS @extschema@.growth_phrase(%1$s, %1$s, pg_catalog.int4);
			CREATE OR REPLACE FUNCTION @extschema@.growth_phrase(current %1$s, base %1$s,
					digits pg_catalog.int4 DEFAULT 1, multiples pg_catalog.bool DEFAULT true,
					multiple_digits pg_catalog.int4 DEFAULT 2, turn_profit pg_catalog.text DEFAULT '由亏转盈')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_phrase_' || c);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['numeric', 'float8']
	LOOP
		EXECUTE pg_catalog.format($f$
			DROP FUNCTION IF EXISTS @extschema@.pp_phrase(pg_catalog.%1$I, pg_catalog.%1$I, pg_catalog.int4);
			CREATE OR REPLACE FUNCTION @extschema@.pp_phrase(current_pct pg_catalog.%1$I, base_pct pg_catalog.%1$I,
					digits pg_catalog.int4 DEFAULT 1, verbs pg_catalog.text DEFAULT '提高/回落')
				RETURNS pg_catalog.text
				AS 'MODULE_PATHNAME', %2$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
			$f$, t, 'growth_pp_phrase_' || t);
	END LOOP;
END
$phrases$;
