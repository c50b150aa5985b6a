-- The engine kit under the engines (doc/dev.md "The engine kit"): the generic rule-table
-- guard, the SQLSTATEs of the shared query reader, exact rationals and NULL vs absent
-- columns, seen through the engines that use them.
SET client_min_messages = notice;
CREATE SCHEMA kit_test;

-- SQLSTATE and message of a statement (the kit's errors are the same in every engine)
CREATE FUNCTION kit_test.err(stmt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---------------------------------------------------------------------------
-- rule_set_guard: built-in rows read-only, the user's rows free
-- ---------------------------------------------------------------------------
CREATE TABLE kit_test.rules (code text PRIMARY KEY, rate numeric NOT NULL,
	builtin boolean NOT NULL DEFAULT false);
CREATE TRIGGER rules_guard BEFORE INSERT OR UPDATE OR DELETE ON kit_test.rules
	FOR EACH ROW EXECUTE FUNCTION rule_set_guard('kit_test_copy');
-- a shipped row (only the extension's scripts can write one: trigger off to set it up)
ALTER TABLE kit_test.rules DISABLE TRIGGER rules_guard;
INSERT INTO kit_test.rules VALUES ('shipped', 0.01, true);
ALTER TABLE kit_test.rules ENABLE TRIGGER rules_guard;

INSERT INTO kit_test.rules VALUES ('mine', 0.02);
UPDATE kit_test.rules SET rate = 0.03 WHERE code = 'mine';
UPDATE kit_test.rules SET rate = 0.02 WHERE code = 'shipped';
DELETE FROM kit_test.rules WHERE code = 'shipped';
INSERT INTO kit_test.rules VALUES ('forged', 0.02, true);
UPDATE kit_test.rules SET builtin = true WHERE code = 'mine';
SELECT kit_test.err($$UPDATE kit_test.rules SET rate = 0 WHERE builtin$$);
DELETE FROM kit_test.rules WHERE code = 'mine';
SELECT code, rate, builtin FROM kit_test.rules ORDER BY code;

-- without an argument there is no hint; only a BEFORE ROW trigger
CREATE TABLE kit_test.rules2 (code text, builtin boolean NOT NULL DEFAULT false);
CREATE TRIGGER rules2_guard BEFORE UPDATE ON kit_test.rules2
	FOR EACH ROW EXECUTE FUNCTION rule_set_guard();
ALTER TABLE kit_test.rules2 DISABLE TRIGGER rules2_guard;
INSERT INTO kit_test.rules2 VALUES ('shipped', true);
ALTER TABLE kit_test.rules2 ENABLE TRIGGER rules2_guard;
UPDATE kit_test.rules2 SET code = 'x';
CREATE TRIGGER rules2_after AFTER INSERT ON kit_test.rules2
	FOR EACH ROW EXECUTE FUNCTION rule_set_guard();
INSERT INTO kit_test.rules2 VALUES ('y');
DROP TRIGGER rules2_after ON kit_test.rules2;
CREATE TRIGGER rules2_args BEFORE INSERT ON kit_test.rules2
	FOR EACH ROW EXECUTE FUNCTION rule_set_guard('a', 'b');
INSERT INTO kit_test.rules2 VALUES ('y');
DROP TRIGGER rules2_args ON kit_test.rules2;
-- a table without builtin
CREATE TABLE kit_test.rules3 (code text);
CREATE TRIGGER rules3_guard BEFORE INSERT ON kit_test.rules3
	FOR EACH ROW EXECUTE FUNCTION rule_set_guard();
INSERT INTO kit_test.rules3 VALUES ('y');

-- the evaluation tables use the same guard (with their own row description)
SELECT kit_test.err($$DELETE FROM evaluation_class WHERE builtin$$);

-- ---------------------------------------------------------------------------
-- the caller's query: cursor, columns by name, exact values
-- ---------------------------------------------------------------------------
-- not one SELECT: 22023 in every engine, the same words as evaluate()
SELECT kit_test.err($$SELECT * FROM tier_check('SELECT 1 AS revenue; SELECT 2', '{sme}')$$);
SELECT kit_test.err($$SELECT * FROM tier_check('CREATE TEMP TABLE kit_x ()', '{sme}')$$);
-- nor a data-modifying statement (the engines only read)
SELECT kit_test.err($$SELECT * FROM tier_check('INSERT INTO kit_test.rules VALUES (''x'', 1) RETURNING rate AS revenue', '{sme}')$$);
SELECT count(*) FROM kit_test.rules WHERE code = 'x';
-- evaluate() streams the query (kit_query_stream) under the same rule: a utility
-- statement before the SELECT is refused before anything runs
SELECT kit_test.err($$SELECT * FROM evaluate('huangyan', 2022, 'CREATE TEMP TABLE kit_y (); SELECT ''x'' AS credit_code')$$);
SELECT kit_test.err($$SELECT * FROM evaluate('huangyan', 2022, 'INSERT INTO kit_test.rules VALUES (''y'', 1) RETURNING code AS credit_code')$$);
SELECT to_regclass('kit_y') IS NULL AS not_created, count(*) AS not_inserted
FROM kit_test.rules WHERE code = 'y';
-- nor a SELECT whose WITH writes (every engine: tiers, evaluation, policies)
SELECT kit_test.err($$SELECT * FROM tier_check('WITH d AS (DELETE FROM kit_test.rules RETURNING rate) SELECT rate AS revenue FROM d', '{sme}')$$);
SELECT kit_test.err($$SELECT * FROM evaluate('huangyan', 2022, 'WITH d AS (DELETE FROM kit_test.rules RETURNING code) SELECT code AS credit_code FROM d')$$);
SELECT kit_test.err($$SELECT * FROM policy_evaluate('cixi', 2024, 'WITH d AS (DELETE FROM kit_test.rules RETURNING code) SELECT ''D'' AS class, 120 AS electricity FROM d', '{electricity}')$$);
SELECT count(*) > 0 AS rules_kept FROM kit_test.rules;
-- wrong type 42804, twice 42701 (tiers) / 42702 (evaluation), missing 42703 (evaluation)
SELECT kit_test.err($$SELECT * FROM tier_check('SELECT ''x''::text AS revenue', '{sme}')$$);
SELECT kit_test.err($$SELECT * FROM tier_check('SELECT 1 AS revenue, 2 AS revenue', '{sme}')$$);
-- a domain over a number type reads as its base type
CREATE DOMAIN kit_test.money_yuan AS numeric CHECK (VALUE >= 0);
SELECT tier, eligible, failed, unknown
FROM tier_check($$SELECT 1000000::kit_test.money_yuan AS revenue, 10 AS employees, 'x' AS name$$, '{sme}');
-- NULL and absent are both unknown to the tiers, and both named in missing
SELECT tier, eligible, unknown, missing
FROM tier_check($$SELECT NULL::yuan AS revenue$$, '{sme}');
SELECT tier, eligible, unknown, missing
FROM tier_check($$SELECT 1 AS other$$, '{sme}');
-- batches: more rows than one fetch (1000), ordinals continue across batches
SELECT count(*), min(ordinal), max(ordinal), count(*) FILTER (WHERE eligible)
FROM tier_check($$SELECT (g * 10000)::numeric AS revenue, 50 AS employees
	FROM generate_series(1, 2500) g$$, '{sme}');
-- exact rationals: an intermediate beyond 128 bits is 22003, not a wrong answer
SELECT kit_test.err($$SELECT * FROM tier_check_record('{"rd": 1e37, "revenue": 1e-37}', '{chuangxin}')$$);
-- 40000万元以下 (1001 staff fail 1000人以下) read exactly at 38 digits: the line itself
-- holds, 10^-29 元 above it fails
SELECT v.revenue, c.eligible, c.failed
FROM (VALUES ('400000000.00000000000000000000000000001'::numeric), (400000000)) v(revenue),
	LATERAL tier_check(format('SELECT %s::numeric AS revenue, 1001 AS employees', v.revenue), '{sme}') c;
-- a number beyond 128 bits is refused (22023), never rounded
SELECT kit_test.err($$SELECT * FROM tier_check('SELECT 123456789012345678901234567890123456789.01::numeric AS revenue', '{sme}')$$);

DROP SCHEMA kit_test CASCADE;
