-- Text input and canonical output of mu_area, yuan and yuan_per_mu.
-- Each row shows the literal, the canonical output and the exact base-unit value.

-- the seed figures of SPEC §2.1
SELECT s, s::mu_area AS value, s::mu_area::numeric AS mu
FROM (VALUES ('1069亩'), ('194.4亩'), ('1673.91亩'), ('215.39万平方米')) v(s);
SELECT s, s::yuan AS value, s::yuan::numeric AS yuan
FROM (VALUES ('2298亿元'), ('75.02亿元'), ('375.29万元'), ('7199元')) v(s);
SELECT s, s::yuan_per_mu AS value, s::yuan_per_mu::numeric AS yuan_per_mu
FROM (VALUES ('500万元/亩'), ('32.5万元/亩')) v(s);

-- every area unit
SELECT s, s::mu_area AS value, s::mu_area::numeric AS mu
FROM (VALUES ('1亩'), ('1市亩'), ('1 mu'), ('1MU'), ('1万亩'), ('1公顷'), ('1 ha'), ('1hm²'),
			 ('1 hm2'), ('1平方米'), ('1 m²'), ('1m2'), ('1㎡'), ('1 sqm'), ('1万平方米'),
			 ('1平方公里'), ('1平方千米'), ('1 km²'), ('1KM2'), ('666.666667平方米')) v(s);

-- every money unit
SELECT s, s::yuan AS value, s::yuan::numeric AS yuan
FROM (VALUES ('1元'), ('1 yuan'), ('1 CNY'), ('1 rmb'), ('¥1'), ('￥1'), ('1千元'), ('1万元'),
			 ('1万'), ('1百万元'), ('1千万元'), ('1亿元'), ('1亿'), ('1万亿元'), ('¥75.02亿'),
			 ('-¥5'), ('¥-5')) v(s);

-- per-area units, including 地均 densities and 元/平方米 (exact rational, then 四舍五入)
SELECT s, s::yuan_per_mu AS value, s::yuan_per_mu::numeric AS yuan_per_mu
FROM (VALUES ('850元/亩'), ('850 yuan/mu'), ('32.5万元每亩'), ('1元/平方米'), ('15元/平方米'),
			 ('1亿元/平方公里'), ('1万元/公顷'), ('32.5 万元 / 亩'), ('1万/亩')) v(s);

-- full-width digits, signs and points, thousands separators, exponents, spaces
SELECT s, s::yuan AS value
FROM (VALUES ('１２３４元'), ('－５．５元'), ('＋5元'), ('−7元'), ('1,234,567元'), ('1，234元'),
			 ('１,２３４元'), ('1.5e+07'), ('1.5E7元'), ('2e-2元'), ('  7199元  '), ('　7199元　'), ('.5元'),
			 ('5.元'), ('0'), ('-0'), ('+0.00元'), ('007199')) v(s);

-- 四舍五入 at the stored scale, both signs
SELECT s, s::yuan AS value, s::yuan::numeric AS yuan
FROM (VALUES ('0.004元'), ('0.005元'), ('-0.005元'), ('0.0049999999999元'),
			 ('1.125元'), ('-1.125元'), ('0.00000005亿元'), ('0.000000049亿元')) v(s);
SELECT s, s::mu_area AS value, s::mu_area::numeric AS mu
FROM (VALUES ('0.0000005亩'), ('-0.0000005亩'), ('0.00000049亩'), ('0.001平方米'),
			 ('0.00033平方米'), ('0.00034平方米')) v(s);

-- output chooses 亿元 / 万元 / 元 and 万元/亩 / 元/亩 by magnitude, exact digits kept
SELECT v::yuan FROM (VALUES (0.01), (9999.99), (10000), (99999999.99), (100000000),
	(12345678901.23), (-20000), (-0.01)) x(v);
SELECT v::yuan_per_mu FROM (VALUES (0.0001), (9999.9999), (10000), (325000), (-850)) x(v);
SELECT v::mu_area FROM (VALUES (0), (0.000001), (1069), (-3.5), (1234567.890123)) x(v);

-- range ends print and re-parse exactly
SELECT v AS mu_area, v::text::mu_area = v AS round_trip
FROM (VALUES ('9223372036854.775807亩'::mu_area), ('-9223372036854.775808亩')) x(v);
SELECT v AS yuan, v::text::yuan = v AS round_trip
FROM (VALUES ('92233720368547758.07元'::yuan), ('-92233720368547758.08元')) x(v);
SELECT v AS yuan_per_mu, v::text::yuan_per_mu = v AS round_trip
FROM (VALUES ('922337203685477.5807元/亩'::yuan_per_mu), ('-922337203685477.5808元/亩')) x(v);
SELECT '922337203.68547758亿元'::yuan::numeric = 92233720368547758.00 AS exact;

-- text round trip on a spread of values: output re-parses to the identical value
SELECT count(*) AS values_checked,
	   count(*) FILTER (WHERE (y::text)::yuan = y AND (m::text)::mu_area = m
						AND (p::text)::yuan_per_mu = p) AS round_trips
FROM (SELECT yuan((hashint8(i) % 1000000000000000)::numeric / 100) AS y,
			 mu_area((hashint8(i + 7) % 100000000000)::numeric / 1000000) AS m,
			 yuan_per_mu((hashint8(i + 13) % 10000000000000)::numeric / 10000) AS p
	  FROM generate_series(1, 20000) i) s;

-- validity checks never raise
SELECT s, is_yuan(s) AS yuan, is_mu_area(s) AS mu_area, is_yuan_per_mu(s) AS yuan_per_mu
FROM (VALUES ('75.02亿元'), ('1069亩'), ('32.5万元/亩'), ('12x万元'), (''), ('1e999元'),
			 ('NaN'), ('42')) v(s);
SELECT is_yuan(NULL) IS NULL AS strict;

-- NULL in, NULL out
SELECT NULL::yuan AS y, NULL::mu_area AS m, NULL::yuan_per_mu AS p;
