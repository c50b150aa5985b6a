/*-------------------------------------------------------------------------
 *
 * kit_ruleset.c
 *	  Engine kit: the guard of rule-set tables.
 *
 * Every engine keeps its rules as rows of tables in the extension's schema
 * (evaluation_*, tier_*, policy_*), all built on one pattern (doc/dev.md,
 * "Rule sets"): a boolean column builtin marks the rows shipped with the
 * extension; pg_extension_config_dump(..., 'WHERE NOT builtin') keeps the
 * user's rows in a dump; a copy function makes an editable copy; a BEFORE
 * ROW trigger keeps shipped rows read-only and checks each row with the
 * errors the engine would raise.  This file is the read-only half of that
 * trigger: kit_rule_guard() for an engine's own C trigger, and the generic
 * trigger function rule_set_guard() for tables whose rows need no check of
 * their own beyond their constraints; and kit_rule_rows(), which reads the
 * rows of one rule set (code, year) for the engine to compile.
 *
 *-------------------------------------------------------------------------
 */
#include "kit.h"

#include "access/htup_details.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "utils/builtins.h"
#include "utils/rel.h"

/* Is the builtin column of tup true? */
static bool
row_is_builtin(HeapTuple tup, TupleDesc desc)
{
	int			att = SPI_fnumber(desc, "builtin");
	bool		isnull;
	Datum		b;

	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("rule table has no column \"builtin\"")));
	b = heap_getattr(tup, att, desc, &isnull);
	return !isnull && DatumGetBool(b);
}

/*
 * Keep built-in rows read-only: outside the extension's own scripts
 * (CREATE and ALTER EXTENSION), a built-in row cannot be updated or deleted
 * and no row can be stored with builtin = true (55000).  where, if not
 * NULL, names what the row belongs to in the detail; hint says how to get
 * an editable copy.
 */
void
kit_rule_guard(TriggerData *td, KitRowWhere where, const char *hint)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	const char *table = RelationGetRelationName(td->tg_relation);

	if (creating_extension)
		return;
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event) && row_is_builtin(td->tg_trigtuple, desc))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot %s a built-in row of %s",
						TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "delete" : "update",
						table),
				 where ? errdetail("The row belongs to %s, shipped with the extension.",
								   where(td->tg_trigtuple, desc, table)) :
				 errdetail("The row was shipped with the extension."),
				 hint ? errhint("%s", hint) : 0));
	if (!TRIGGER_FIRED_BY_DELETE(td->tg_event) &&
		row_is_builtin(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple,
					   desc))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("only the extension's own scripts can store built-in rows in %s",
						table),
				 errhint("Leave builtin false for your own rules.")));
}

/*
 * Run sql, a SELECT with parameters $1 = code (text) and $2 = year (int4),
 * through SPI (connected by the caller); the rows are in SPI_tuptable.
 * set_noun names the rule set in the error ("policy set").
 */
void
kit_rule_rows(const char *sql, const char *set_noun, const char *code, int32 year,
			  bool read_only)
{
	Oid			types[2] = {TEXTOID, INT4OID};
	Datum		vals[2];
	int			rc;

	vals[0] = CStringGetTextDatum(code);
	vals[1] = Int32GetDatum(year);
	rc = SPI_execute_with_args(sql, 2, types, vals, NULL, read_only, 0);
	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not read %s \"%s\" %d: %s", set_noun, code, year,
						SPI_result_code_string(rc))));
}

/*
 * rule_set_guard([copy_function]): BEFORE ROW trigger keeping the built-in
 * rows of a rule table read-only; the optional argument names the function
 * that copies a rule set, for the hint.
 */
PG_FUNCTION_INFO_V1(rule_set_guard);
Datum
rule_set_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const char *hint = NULL;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) || td->tg_trigger->tgnargs > 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("rule_set_guard must be a BEFORE ROW trigger with at most one argument")));
	if (td->tg_trigger->tgnargs == 1)
		hint = psprintf("Copy the rule set with %s() and edit the copy.",
						td->tg_trigger->tgargs[0]);
	kit_rule_guard(td, NULL, hint);
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple);
}
