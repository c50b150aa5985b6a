-- Arithmetic: dimension-safe operators, 四舍五入, overflow (22003) and division by zero (22012).
CREATE FUNCTION pg_temp.try_sql(q text) RETURNS TABLE (code text, result text, message text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'SELECT (' || q || ')::text' INTO result;
	code := 'ok';
	RETURN NEXT;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
	result := NULL;
	RETURN NEXT;
END
$$;

-- same-type sums and differences
SELECT '75.02亿元'::yuan + '375.29万元'::yuan AS sum, '75.02亿元'::yuan - '75.02亿元'::yuan AS zero,
	-'7199元'::yuan AS neg, abs('-3.5亩'::mu_area) AS abs,
	'32.5万元/亩'::yuan_per_mu - '850元/亩'::yuan_per_mu AS per_mu_diff;

-- scaling by int4, int8, numeric (exact) and float8, both orders; 四舍五入 to the stored unit
SELECT '0.05元'::yuan * 3 AS int4, 3 * '0.05元'::yuan AS int4_left,
	'1元'::yuan * 10000000000::bigint AS int8, '10元'::yuan * 0.125 AS numeric,
	0.125 * '10元'::yuan AS numeric_left, '10元'::yuan * 0.0005 AS half_up,
	'-10元'::yuan * 0.0005 AS half_down, '100元'::yuan * 1.5::float8 AS float8,
	'1亩'::mu_area * 2.5 AS area, '32.5万元/亩'::yuan_per_mu * 2 AS per_mu;
SELECT '1元'::yuan / 3 AS third, '2元'::yuan / 3 AS two_thirds, '-2元'::yuan / 3 AS neg,
	'0.05元'::yuan / 2 AS half_up, '-0.05元'::yuan / 2 AS half_down,
	'1元'::yuan / 3::bigint AS int8, '1元'::yuan / 3.0 AS numeric, '1元'::yuan / 3.0::float8 AS float8,
	'1元'::yuan / 'Infinity'::numeric AS by_infinity;

-- same-type ratio is a dimensionless numeric
SELECT '18.9万元/亩'::yuan_per_mu / '17.5万元/亩'::yuan_per_mu AS ratio,
	'1亩'::mu_area / '1公顷'::mu_area AS mu_per_ha;

-- 亩均: yuan ÷ mu_area → yuan_per_mu, and back (Lishui 2019: 573564万元 over 30341亩)
SELECT '573564万元'::yuan / '30341亩'::mu_area AS tax_per_mu,
	'2236605万元'::yuan / '30341亩'::mu_area AS va_per_mu,
	('573564万元'::yuan / '30341亩'::mu_area) * '30341亩'::mu_area AS back_to_yuan,
	'30341亩'::mu_area * '18.9万元/亩'::yuan_per_mu AS area_times_rate,
	'573564万元'::yuan / '18.9万元/亩'::yuan_per_mu AS implied_area;
SELECT '1元'::yuan / '3亩'::mu_area AS third_per_mu, '1元'::yuan / '1平方米'::mu_area AS per_sqm_in_mu,
	'-1元'::yuan / '3亩'::mu_area AS negative;

-- dimension errors fail when the query is parsed
SELECT '1元'::yuan + '1亩'::mu_area;
SELECT '1元'::yuan * '1元'::yuan;
SELECT '1亩'::mu_area / '1元/亩'::yuan_per_mu;
SELECT '1元'::yuan = '1亩'::mu_area;

-- overflow at the range ends of every operator (22003) and division by zero (22012)
SELECT q, r.* FROM (VALUES
	('''92233720368547758.07元''::yuan + ''0.01元''::yuan'),
	('''-92233720368547758.08元''::yuan - ''0.01元''::yuan'),
	('''92233720368547758.07元''::yuan - ''-0.01元''::yuan'),
	('-''-92233720368547758.08元''::yuan'),
	('abs(''-92233720368547758.08元''::yuan)'),
	('-''92233720368547758.07元''::yuan'),
	('''92233720368547758.07元''::yuan * 2'),
	('''92233720368547758.07元''::yuan * -1'),
	('''-92233720368547758.08元''::yuan * -1'),
	('''-92233720368547758.08元''::yuan / -1'),
	('''-92233720368547758.08元''::yuan / -1::bigint'),
	('''92233720368547758.07元''::yuan * 1.0000000000000000001'),
	('''92233720368547758.07元''::yuan * 1e300::float8'),
	('''1元''::yuan * ''NaN''::float8'),
	('''1元''::yuan * ''NaN''::numeric'),
	('''1元''::yuan * ''Infinity''::numeric'),
	('''1元''::yuan / 0'),
	('''1元''::yuan / 0::bigint'),
	('''1元''::yuan / 0.0'),
	('''1元''::yuan / 0::float8'),
	('''1元''::yuan / ''0元''::yuan'),
	('''1元''::yuan / ''0亩''::mu_area'),
	('''1元''::yuan / ''0元/亩''::yuan_per_mu'),
	('''92233720368547758.07元''::yuan / ''0.000001亩''::mu_area'),
	('''922337203685477.5807元/亩''::yuan_per_mu * ''9223372036854.775807亩''::mu_area'),
	('''92233720368547758.07元''::yuan / ''0.0001元/亩''::yuan_per_mu'),
	('''9223372036854.775807亩''::mu_area + ''0.000001亩''::mu_area'),
	('''922337203685477.5807元/亩''::yuan_per_mu + ''0.0001元/亩''::yuan_per_mu'),
	('''922337203685477.5807元/亩''::yuan_per_mu * 2::bigint')
) v(q), pg_temp.try_sql(q) r;

-- the largest products that still fit are exact
SELECT '92233720368547758.07元'::yuan * 1 AS max_times_one,
	'-92233720368547758.08元'::yuan / 1 AS min_over_one,
	'922337203685477.5807元/亩'::yuan_per_mu * '1亩'::mu_area AS max_rate_one_mu,
	'92233720368547758.07元'::yuan / '10000亩'::mu_area AS max_over_10000_mu;

-- NULLs propagate
SELECT NULL::yuan + '1元'::yuan AS a, '1元'::yuan * NULL::numeric AS b, NULL::yuan / '1亩'::mu_area AS c;
