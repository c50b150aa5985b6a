-- Spreadsheet cells in EUC_CN and SQL_ASCII databases: full-width digits, ideographic
-- spaces, units and headers arrive in the database encoding and parse as in UTF8.  (GB2312's
-- dash is U+2015 ―, not U+2014 —: both are placeholders.)
SELECT current_database() AS orig_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS industry_intake_euc_cn;
DROP DATABASE IF EXISTS industry_intake_ascii;
RESET client_min_messages;
CREATE DATABASE industry_intake_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
\c industry_intake_euc_cn
\encoding UTF8
CREATE EXTENSION industry;
SELECT (parse_cell('　１２３．４　', NULL::yuan, '万元')).value::numeric AS yuan,
	   (parse_cell('１５０００', NULL::mu_area, '平方米')).value::numeric AS mu,
	   (parse_cell('―', NULL::yuan, '万元')).reason,
	   to_char((parse_cell('2024年3月5日', NULL::date)).value, 'YYYY-MM-DD') AS d,
	   (parse_cell('　杭州（临平）机械有限公司　', NULL::text)).value AS name;
SELECT * FROM header_unit('用地面积（平方米）');
SELECT trim_cell('　甲公司　') = '甲公司' AS trimmed;
CREATE TABLE enc_raw (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text);
INSERT INTO enc_raw (c1, c2) VALUES ('统一社会信用代码', '实缴税金(万元)'),
	('91330100799655058B', '１２３．４'), ('91330100799655058C', '―');
CREATE TABLE enc_tax (line bigint, credit_code credit_code, tax yuan);
COMMENT ON COLUMN enc_tax.credit_code IS '统一社会信用代码';
COMMENT ON COLUMN enc_tax.tax IS '实缴税金';
SELECT * FROM import_cells('enc_raw', 'enc_tax');
SELECT line, credit_code, tax::numeric FROM enc_tax;
SELECT finding, count(*) FROM merge_findings($$SELECT '税务' AS source, 2 AS line, '91330100799655058C' AS credit_code,
	'甲' AS name, 'tax' AS measure, 1 AS amount$$) GROUP BY 1;

CREATE DATABASE industry_intake_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
\c industry_intake_ascii
CREATE EXTENSION industry;
-- bytes pass through unconverted: UTF-8 text parses as in UTF8, other bytes are reasons
SELECT (parse_cell('１２３．４', NULL::yuan, '万元')).value::numeric AS yuan,
	   (parse_cell(convert_from('\xff3132'::bytea, 'SQL_ASCII'), NULL::numeric)).reason AS byte_ff,
	   (parse_cell(convert_from('\x31a0'::bytea, 'SQL_ASCII'), NULL::yuan)).reason AS latin1_nbsp;

\c :orig_db
DROP DATABASE industry_intake_euc_cn;
DROP DATABASE industry_intake_ascii;
