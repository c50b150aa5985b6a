-- The types in an EUC_CN database (with a GBK client) and in a SQL_ASCII database.
SELECT current_database() AS orig_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS industry_euc_cn;
DROP DATABASE IF EXISTS industry_sql_ascii;
RESET client_min_messages;
CREATE DATABASE industry_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE industry_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';

\c industry_euc_cn
\encoding UTF8
CREATE EXTENSION industry;
SHOW server_encoding;
-- input arrives converted from the client encoding (UTF8 here); output goes back the same way
SELECT '75.02亿元'::yuan AS yuan, '215.39万平方米'::mu_area AS mu, '32.5万元/亩'::yuan_per_mu AS per_mu,
	'１２３４元'::yuan AS full_width, '￥-5'::yuan AS yen;
SELECT '12x万元'::yuan;
SELECT format_unit('75.02亿元'::yuan, '万元', 1) AS wan, to_unit('1亩'::mu_area, '平方米') AS sqm;
-- the bytes stored and printed in the database encoding are GB2312 (亩 = C4 B6)
SELECT convert_to(format_auto('1069亩'::mu_area), 'EUC_CN') AS euc_cn_bytes;
-- display by magnitude and in a chosen unit, in GB2312
SELECT format_auto('75.02亿元'::yuan) AS yuan, format_auto('32.5万元/亩'::yuan_per_mu) AS per_mu,
	format_auto('7199元'::yuan) AS small, format_unit('375.29万元'::yuan, '亿元', 4) AS yi;
-- (a real GBK client is exercised by test/t/002_client_encodings.pl)
SELECT ('1069亩'::mu_area)::text::mu_area = '1069亩' AS round_trip;

\c industry_sql_ascii
\encoding UTF8
CREATE EXTENSION industry;
SHOW server_encoding;
-- the output is digits in every encoding; input takes both spellings
SELECT '75.02亿元'::yuan AS yuan, '1069 mu'::mu_area AS mu, '32.5万元/亩'::yuan_per_mu AS per_mu,
	'-0.01 yuan'::yuan AS small;
-- no 亩/元 in this encoding: display text uses ASCII units, a multiple as a power of ten
-- (0.0375e8 yuan), and re-parses to the value it shows
SELECT format_auto('75.02亿元'::yuan) AS yuan, format_auto('1069亩'::mu_area) AS mu,
	format_auto('32.5万元/亩'::yuan_per_mu) AS per_mu;
SELECT format_unit('375.29万元'::yuan, '亿元', 4) AS yi, format_unit('32.5万元/亩'::yuan_per_mu, '万元/亩', 1) AS wan_per_mu,
	format_unit('1500亩'::mu_area, '平方公里', 0) AS km2, format_unit('3亩'::mu_area, '万平方米', 2) AS wan_m2,
	format_unit('1500元/亩'::yuan_per_mu, '元/平方米', 2) AS per_m2, format_unit('1万元/亩'::yuan_per_mu, '元/万亩', 0) AS per_wan_mu;
SELECT format_unit('375.29万元'::yuan, '亿元', 4)::yuan AS yi_back, format_unit('3亩'::mu_area, '万平方米', 2)::mu_area AS wan_m2_back,
	format_unit('1万元/亩'::yuan_per_mu, '元/万亩', 0)::yuan_per_mu AS per_wan_mu_back;
SELECT v::text::yuan = v AS round_trip FROM (VALUES ('92233720368547758.07 yuan'::yuan),
	('-92233720368547758.08 yuan'), ('7199 yuan')) x(v);
SELECT format_unit('75.02亿元'::yuan, 'yuan', 0) AS ascii_display;

\c :orig_db
DROP DATABASE industry_euc_cn;
DROP DATABASE industry_sql_ascii;
