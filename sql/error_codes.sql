-- One SQLSTATE per kind of fault, across every type (release 1.1).
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;

-- a NaN or ±Infinity operand (float8 or numeric) meeting a type: 22023, in every operator and cast
SELECT t, x, pg_temp.sqlstate_of(format('SELECT %L::%s * %s', '1', t, x)) AS times,
	pg_temp.sqlstate_of(format('SELECT %s * %L::%s', x, '1', t)) AS times_left,
	pg_temp.sqlstate_of(format('SELECT %L::%s / %s', '1', t, x)) AS divided,
	pg_temp.sqlstate_of(format('SELECT (%s)::numeric::%s', x, t)) AS cast_numeric,
	pg_temp.sqlstate_of(format('SELECT %s((%s)::numeric, %L)', t, x, CASE t WHEN 'yuan' THEN '万元' WHEN 'mu_area' THEN '公顷' ELSE '万元/亩' END)) AS from_unit
FROM unnest(ARRAY['mu_area', 'yuan', 'yuan_per_mu']) t,
	unnest(ARRAY['''NaN''::float8', '''Infinity''::float8', '''-Infinity''::float8',
				 '''NaN''::numeric', '''Infinity''::numeric', '''-Infinity''::numeric']) x
ORDER BY t, x;
-- and in the growth functions, for every argument type that has them
SELECT x, pg_temp.sqlstate_of(format('SELECT growth(%s, %s)', x, x)) AS growth,
	pg_temp.sqlstate_of(format('SELECT cagr(1::%s, %s, 2)', split_part(x, '::', 2), x)) AS cagr,
	pg_temp.sqlstate_of(format('SELECT pp(%s, %s)', x, x)) AS pp
FROM unnest(ARRAY['''NaN''::float8', '''Infinity''::float8', '''NaN''::numeric', '''-Infinity''::numeric']) x;

-- bad binary input: 22P03 for every type whose recv can meet an invalid value
CREATE TABLE error_codes_raw (b bytea);
CREATE FUNCTION pg_temp.recv_sqlstate(typ text, bytes bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/error_codes.bin';
BEGIN
	DELETE FROM error_codes_raw;
	INSERT INTO error_codes_raw VALUES (bytes);
	EXECUTE format('COPY error_codes_raw TO %L (FORMAT binary)', f);
	EXECUTE format('CREATE TEMP TABLE error_codes_in (v %s)', typ);
	BEGIN
		EXECUTE format('COPY error_codes_in FROM %L (FORMAT binary)', f);
		DROP TABLE error_codes_in;
		RETURN 'ok';
	EXCEPTION WHEN OTHERS THEN
		DROP TABLE error_codes_in;
		RETURN SQLSTATE;
	END;
END
$$;
SELECT typ, pg_temp.recv_sqlstate(typ, bytes) AS sqlstate FROM (VALUES
	('credit_code', convert_to('91330100799655058C', 'UTF8')),
	('quantity_accum', decode('0000000000000001' || '00000000000000008000000000000000' || repeat('0', 32), 'hex')),
	('quantity_accum', decode('ffffffffffffffff' || repeat('0', 64), 'hex')),
	('quantity_accum', decode('0000000000000001' || '00000000000000007fffffffffffffff' || repeat('0', 32), 'hex')),
	('growth_state', convert_to('(yuan,,1,9223372036854775808,0,0)', 'UTF8')),
	('growth_state', convert_to('(money,,0,0,0,0)', 'UTF8')),
	('growth_state', convert_to('(yuan,,1,100,0,0)', 'UTF8')),
	('yuan', '\x0000000000000064'::bytea),
	('mu_area', '\x8000000000000000'::bytea),
	('yuan', '\x000000000064'::bytea),
	('mu_area', '\x800000000000000000'::bytea),
	('yuan_per_mu', ''::bytea),
	('quantity_accum', decode(repeat('0', 78), 'hex')),
	('credit_code', convert_to('91330100799655058', 'UTF8'))) v(typ, bytes);
DROP TABLE error_codes_raw;

-- states no input can produce: a sum outside [n * min, n * max] of the stored values
SELECT s, pg_temp.sqlstate_of(format('SELECT %L::quantity_accum', s)) AS quantity_accum FROM (VALUES
	('(1,9223372036854775807,0)'), ('(1,9223372036854775808,0)'), ('(1,-9223372036854775808,0)'),
	('(1,-9223372036854775809,0)'), ('(2,18446744073709551614,-18446744073709551616)'),
	('(2,0,18446744073709551615)'), ('(0,1,0)')) v(s);
SELECT quantity_accum_avg_yuan('(1,9223372036854775807,0)') AS avg_at_max;
SELECT '(1,9223372036854775808,0)'::quantity_accum;
SELECT s, pg_temp.sqlstate_of(format('SELECT %L::growth_state', s)) AS growth_state FROM (VALUES
	('(yuan,,1,9223372036854775807,1,-9223372036854775808)'), ('(yuan,,1,9223372036854775808,0,0)'),
	('(int8,,2,0,1,-9223372036854775809)'), ('(mu_area,,3,27670116110564327421,0,0)'),
	('(numeric,,1,1e400,0,0)')) v(s);
SELECT '(yuan,,1,9223372036854775808,0,0)'::growth_state;
