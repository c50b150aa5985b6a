-- A worked demonstration of the exact 亩/元 types on published figures.
CREATE EXTENSION industry;
\pset footer off
\echo
\echo '== 1. Literals as official documents write them (SPEC 2.1), stored exactly'
\echo '   (the types print plain numbers in 亩, 元 and 元/亩, as ::numeric does; format_auto writes them as bulletins do)'
SELECT s AS "输入", s::mu_area AS "亩", format_auto(s::mu_area) AS "显示"
FROM (VALUES ('1069亩'), ('1673.91亩'), ('215.39万平方米'), ('12公顷')) v(s);
SELECT s AS "输入", s::yuan AS "元", wan_yuan(s::yuan) AS "万元", format_auto(s::yuan) AS "显示"
FROM (VALUES ('2298亿元'), ('75.02亿元'), ('375.29万元'), ('7199元'), ('1.5e+07')) v(s);

\echo '== 2. Lishui 2019, 942 规上 firms: 亩均 is a ratio of sums (573564万元 tax, 2236605万元 value added, 30341亩)'
SELECT format_auto('573564万元'::yuan / '30341亩'::mu_area) AS "亩均税收",
	round(wan_yuan_per_mu('573564万元'::yuan / '30341亩'::mu_area), 2) AS "万元/亩 (published 18.9)",
	format_auto('2236605万元'::yuan / '30341亩'::mu_area) AS "亩均增加值",
	round(wan_yuan_per_mu('2236605万元'::yuan / '30341亩'::mu_area), 2) AS "万元/亩 (published 73.71)";

\echo '== 3. Units cannot be mixed: yuan + mu_area is rejected when the query is parsed'
\set ON_ERROR_STOP 0
SELECT '1元'::yuan + '1亩'::mu_area;
SELECT '12x万元'::yuan;
\set ON_ERROR_STOP 1
