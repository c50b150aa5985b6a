-- Casts and unit functions.

-- to numeric (exact, trailing zeros trimmed) and float8, in base units
SELECT '75.02亿元'::yuan::numeric AS yuan, '215.39万平方米'::mu_area::numeric AS mu,
	'32.5万元/亩'::yuan_per_mu::numeric AS per_mu, '0.01元'::yuan::numeric AS fen,
	'75.02亿元'::yuan::float8 AS yuan_f, '1673.91亩'::mu_area::float8 AS mu_f;

-- from numeric, bigint and integer (四舍五入 to the stored unit)
SELECT 7199::yuan AS int4, 7502000000::bigint::yuan AS int8, 0.005::yuan AS half_up,
	(-0.005)::yuan AS half_down, 194.4::mu_area AS mu, 0.0000005::mu_area AS mu_half,
	325000::yuan_per_mu AS per_mu, 1e-30::yuan AS tiny;
SELECT 92233720368547758.08::yuan;
SELECT 'NaN'::numeric::yuan;
SELECT 'Infinity'::numeric::mu_area;
SELECT 9223372036854775807::bigint::yuan;
SELECT 2147483647::integer::yuan AS int4_max, (-2147483648)::integer::mu_area AS int4_min;

-- assignment casts let numeric and integer values be stored; there is no implicit cast
CREATE TABLE casts_t (y yuan, m mu_area, n numeric);
INSERT INTO casts_t VALUES (7199.5, 3, NULL);
UPDATE casts_t SET n = y;
SELECT * FROM casts_t;
DROP TABLE casts_t;
SELECT '1元'::yuan + 1;
-- (1.1: a comparison with a plain number compares in the base unit, sql/quantity_numbers.sql)
SELECT '1元'::yuan < 2;

-- the cast table as installed
SELECT c.castsource::regtype AS source, c.casttarget::regtype AS target,
	CASE c.castcontext WHEN 'e' THEN 'explicit' WHEN 'a' THEN 'assignment' ELSE 'implicit' END AS context,
	c.castfunc::regprocedure AS function
FROM pg_cast c
WHERE c.castsource IN ('yuan'::regtype, 'mu_area'::regtype, 'yuan_per_mu'::regtype)
   OR c.casttarget IN ('yuan'::regtype, 'mu_area'::regtype, 'yuan_per_mu'::regtype)
ORDER BY 1::text, 2::text;

-- numbers in report units
SELECT wan_yuan('75.02亿元') AS wan, yi_yuan('75.02亿元') AS yi, wan_yuan('0.01元') AS wan_small,
	wan_yuan_per_mu('850元/亩') AS wan_per_mu, hectares('15亩') AS ha,
	square_metres('1亩') AS sqm_of_one_mu, square_metres('3亩') AS sqm_of_three_mu;
SELECT to_unit('1亩'::mu_area, 'km²') AS km2, to_unit('75.02亿元'::yuan, 'CNY') AS cny,
	to_unit('32.5万元/亩'::yuan_per_mu, '元/平方米') AS per_sqm,
	to_unit('1500亩'::mu_area, '平方公里') AS one_km2,
	to_unit('32.5万元/亩'::yuan_per_mu, '亿元/平方公里') AS yi_per_km2;
SELECT to_unit('1元'::yuan, '亩');
SELECT to_unit('1元'::yuan, 'dollar');

-- a value from a number in any unit (for spreadsheets kept in 万元)
SELECT yuan(12.5, '万元') AS wan, mu_area(1, '平方米') AS sqm, mu_area(2.5, '公顷') AS ha,
	yuan_per_mu(32.5, '万元/亩') AS per_mu, yuan_per_mu(1, '元/平方米') AS per_sqm,
	yuan(0.000000005, '亿元') AS half_fen, yuan(-0.000000005, '亿元') AS neg_half_fen;
SELECT yuan(1e12, '亿元');

-- display in a chosen unit with fixed decimals (四舍五入); the type's output is unchanged
SELECT format_unit('75.02亿元'::yuan, '万元') AS wan_2, format_unit('75.02亿元'::yuan, '亿元', 1) AS yi_1,
	format_unit('375.29万元'::yuan, '亿元', 4) AS yi_4, format_unit('1亩'::mu_area, '平方米', 3) AS sqm,
	format_unit('32.55万元/亩'::yuan_per_mu, '万元/亩', 1) AS half_up,
	format_unit('-32.55万元/亩'::yuan_per_mu, '万元/亩', 1) AS half_down,
	format_unit('7199元'::yuan, 'yuan', 0) AS yuan_0, '75.02亿元'::yuan AS unchanged;
SELECT format_unit('1元'::yuan, '万元', 21);
