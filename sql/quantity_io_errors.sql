-- Rejected literals: SQLSTATE, message and detail for each.
CREATE FUNCTION pg_temp.try_input(typ regtype, s text) RETURNS TABLE (code text, message text, detail text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %L::%s', s, typ);
	RETURN QUERY SELECT 'ok'::text, NULL::text, NULL::text;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
	RETURN NEXT;
END
$$;

-- syntax errors (22P02)
SELECT s, r.* FROM (VALUES ('12x万元'), (''), ('   '), ('元'), ('万元'), ('abc'), ('1..2元'),
	('1.2.3'), ('--1'), ('+-1'), ('1 2'), ('1,23元'), ('1,2345元'), (',123元'), ('1,元'),
	('1e'), ('1e+'), ('1ee2'), ('e5'), ('NaN'), ('Infinity'), ('-inf'), ('1亩'), ('1元/亩'),
	('1美元'), ('¥1元'), ('¥¥1'), ('1元元'), ('1 万 元'), ('0x10'), ('1_000'), ('1万亿亿元'),
	('1.5e3.5'), ('1万元 x')) v(s), pg_temp.try_input('yuan', s) r;
SELECT s, r.* FROM (VALUES ('1元'), ('1亩/亩'), ('1 acre'), ('1平方'), ('1 m3'), ('1公'),
	('亩'), ('1亩2')) v(s), pg_temp.try_input('mu_area', s) r;
SELECT s, r.* FROM (VALUES ('1元'), ('1亩'), ('1万元/'), ('1/亩'), ('1万元//亩'), ('1万元/元'),
	('1元每'), ('1 yuan/acre')) v(s), pg_temp.try_input('yuan_per_mu', s) r;

-- out of range (22003)
SELECT s, r.* FROM (VALUES ('92233720368547758.08元'), ('-92233720368547758.09元'),
	('1e17元'), ('1e999元'), ('922337203685亿元'), ('-1e19')) v(s),
	pg_temp.try_input('yuan', s) r;
SELECT s, r.* FROM (VALUES ('9223372036854.775808亩'), ('1e13亩'), ('1e10平方公里'),
	('-9223372036854.7758085亩')) v(s), pg_temp.try_input('mu_area', s) r;
SELECT s, r.* FROM (VALUES ('922337203685477.5808元/亩'), ('2万亿元/平方米'), ('1e15元/亩')) v(s),
	pg_temp.try_input('yuan_per_mu', s) r;

-- values that round into range are accepted; a huge exponent of zero is zero
SELECT '92233720368547758.074元'::yuan AS rounds_down, '0e99999元'::yuan AS zero,
	'0.000000000000000000000000000001元'::yuan AS tiny;

-- the error text as a user sees it
\set VERBOSITY default
SELECT '12x万元'::yuan;
SELECT '1e20亩'::mu_area;
SELECT '75.02亿元'::mu_area;
