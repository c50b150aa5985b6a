
-- Engine kit (doc/dev.md "Rule sets"): the generic guard of rule tables.  A BEFORE ROW
-- trigger keeping the rows shipped with the extension (builtin = true) read-only outside
-- the extension's own scripts; its optional argument names the copy function for the
-- hint.  Engines whose rows need checks of their own call the same C guard from their
-- own trigger (evaluation_rule_check does).
CREATE OR REPLACE FUNCTION @extschema@.rule_set_guard() RETURNS trigger
	AS 'MODULE_PATHNAME', 'rule_set_guard' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.rule_set_guard() IS
	'trigger: keeps the built-in rows of a rule table read-only (argument: the copy function, for the hint)';
