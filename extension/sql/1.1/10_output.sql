
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
