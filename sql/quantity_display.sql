-- Release 1.1: text output is the ::numeric text; display only through format_auto/format_unit.

-- output equals the ::numeric text for every value, here a spread over the whole range
SELECT count(*) AS values_checked,
	count(*) FILTER (WHERE v::mu_area::text = v::mu_area::numeric::text) AS mu_area_same,
	count(*) FILTER (WHERE (v * 100)::yuan::text = (v * 100)::yuan::numeric::text) AS yuan_same,
	count(*) FILTER (WHERE (v * 10)::yuan_per_mu::text = (v * 10)::yuan_per_mu::numeric::text) AS per_mu_same
FROM (SELECT round(((i * 7919) % 100003 - 50001) * power(10::numeric, i % 9), i % 7) / power(10::numeric, i % 7) AS v
	  FROM generate_series(1, 2000) i) s;
SELECT '9223372036854.775807亩'::mu_area AS mu_max, '-92233720368547758.08元'::yuan AS yuan_min,
	'922337203685477.5807元/亩'::yuan_per_mu AS per_mu_max, '-0.005元'::yuan AS half_down, '0元'::yuan AS zero;
-- the text reads back as the same value, and sorts as the number does once cast
SELECT '9223372036854.775807'::mu_area = '9223372036854.775807亩'::mu_area AS mu_back,
	'-92233720368547758.08'::yuan = '-92233720368547758.08元'::yuan AS yuan_back;

-- display by magnitude (exact), every threshold
SELECT v AS value, format_auto(v) FROM (VALUES ('0元'::yuan), ('0.01元'), ('9999.99元'), ('1万元'),
	('375.29万元'), ('99999999.99元'), ('1亿元'), ('123.4567890123亿元'), ('-2万元'), ('-92233720368547758.08元')) x(v);
SELECT v AS value, format_auto(v) FROM (VALUES ('0元/亩'::yuan_per_mu), ('666.6667元/亩'), ('9999.9999元/亩'),
	('1万元/亩'), ('32.5万元/亩'), ('-850元/亩')) x(v);
SELECT format_auto('1069亩'::mu_area) AS mu, format_auto('0.000001亩'::mu_area) AS tiny, format_auto('-3.5亩'::mu_area) AS neg;
-- display text re-parses to the value
SELECT count(*) FILTER (WHERE format_auto(v)::yuan = v) AS yuan_round_trips
FROM (SELECT (((i * 7919) % 100003 - 50001) * power(10::numeric, i % 13) / 100)::yuan AS v FROM generate_series(1, 1000) i) s;
SELECT format_auto(NULL::yuan) IS NULL AS strict;

-- the report's bulletin wording through explicit formatting
SELECT format('%s，亩均税收%s', format_auto('75.02亿元'::yuan), format_unit('573564万元'::yuan / '30341亩'::mu_area, '万元/亩', 2)) AS sentence;

-- guarded 亩均: NULL when land is 0, same value as yuan / mu_area otherwise
SELECT per_mu_or_null('573564万元', '30341亩') AS lishui, per_mu_or_null('573564万元', '30341亩') = '573564万元'::yuan / '30341亩'::mu_area AS same,
	per_mu_or_null('5万元', '0亩') IS NULL AS zero_land, per_mu_or_null(NULL, '1亩') IS NULL AS null_tax,
	per_mu_or_null('1元', NULL) IS NULL AS null_land, per_mu_or_null('-1元', '3亩') AS negative;
SELECT per_mu_or_null('92233720368547758.07元', '0.000001亩');
CREATE TABLE quantity_display_firm (tax yuan, land mu_area,
	tax_per_mu yuan_per_mu GENERATED ALWAYS AS (per_mu_or_null(tax, land)) STORED);
INSERT INTO quantity_display_firm VALUES ('100万元', '4亩'), ('7万元', '0亩'), (NULL, '2亩');
SELECT tax, land, tax_per_mu FROM quantity_display_firm ORDER BY tax NULLS LAST;
DROP TABLE quantity_display_firm;

-- one white space set: U+00A0, U+202F, U+2007, U+2009, U+3000, tab around and inside
SELECT ('5' || chr(160) || '元')::yuan AS nbsp, (chr(160) || '5元' || chr(160))::yuan AS nbsp_around,
	('1069' || chr(8239) || '亩')::mu_area AS narrow_nbsp, ('32.5万元' || chr(8201) || '/' || chr(8199) || '亩')::yuan_per_mu AS thin_figure,
	(chr(12288) || '5' || chr(9) || 'yuan')::yuan AS ideographic_tab;
SELECT is_yuan('5' || chr(8203) || '元') AS zero_width_is_not_space, is_yuan('5' || chr(160)) AS trailing_nbsp;
SELECT (chr(160) || '91330100799655058B' || chr(8239))::credit_code AS credit_code_nbsp;
SELECT (' ' || chr(160) || '(2,150,0)' || chr(160))::quantity_accum AS accum_nbsp,
	(chr(160) || '(yuan,,1,100,0,0)' || chr(12288))::growth_state AS growth_state_nbsp;

-- multiplier words with and without 元, for money, per area and area
SELECT s, s::yuan AS value FROM (VALUES ('5千'), ('5千元'), ('5万'), ('5万元'), ('5百万'), ('5百万元'),
	('5千万'), ('5千万元'), ('5亿'), ('5亿元'), ('5万亿'), ('5万亿元'), ('¥5千万'), ('5 千')) x(s);
SELECT s, s::yuan_per_mu AS value FROM (VALUES ('5千/亩'), ('5千元/亩'), ('5百万/公顷'), ('5千万/平方公里'),
	('5万/亩'), ('¥5千/亩')) x(s);
SELECT s, s::mu_area AS value FROM (VALUES ('5千亩'), ('5千公顷'), ('5万公顷'), ('5百万平方米'), ('5万平方公里'),
	('1亿亩'), ('5万亩'), ('5万平方米'), ('5千ha')) x(s);
SELECT s, is_mu_area(s) AS valid FROM (VALUES ('5千'), ('5千元'), ('5万万亩'), ('5千万元亩'), ('5千 亩')) x(s);
SELECT '5千'::mu_area;
SELECT format_unit('75000亩'::mu_area, '千公顷', 1) AS thousand_ha, to_unit('15亿亩'::mu_area, '万公顷') AS wan_ha;
