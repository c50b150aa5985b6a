-- Growth phrases in an EUC_CN database (GB2312 bytes) and in a SQL_ASCII one.
SELECT current_database() AS orig_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS growth_euc_cn;
DROP DATABASE IF EXISTS growth_sql_ascii;
RESET client_min_messages;
CREATE DATABASE growth_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE growth_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';

\c growth_euc_cn
\encoding UTF8
CREATE EXTENSION industry;
SHOW server_encoding;
SELECT growth_phrase(17.5, 12.01) AS up, growth_phrase(96.9, 100) AS down, growth_phrase(279, 100) AS multiple,
	growth_phrase(1, -1) AS turn_profit, pp_phrase(18.2, 21.8) AS pp, ytd_label('2024-05-31') AS label,
	ytd_label('2024-05-31', '至') AS label_sep;
SELECT c, growth_phrase(c, b) FROM (VALUES (-1, 1), (-2, -1), (-1, -2), (-1, -1), (1, 1)) v(c, b);
-- 1.1 phrase options: the words arrive in GB2312 and are compared as text
SELECT growth_phrase(1, -1, turn_profit => '扭亏为盈') AS turnaround, pp_phrase(18.2, 21.8, verbs => '上升/下降') AS down,
	growth_phrase(207, 100, multiples => false) AS percent, ytd_label('2024-05-31', '到') AS sep;
SELECT ytd_label('2024-05-31', '１');
-- the text is stored in GB2312: 增长 = D4 F6 B3 A4
SELECT convert_to(growth_phrase(18.9, 17.5), 'EUC_CN') AS euc_cn_bytes;
SELECT format('%s，规上工业产值%s，同比%s', ytd_label(d), format_auto(ytd_current(v, p, d)), growth_phrase(ytd_current(v, p, d), ytd_base(v, p, d)))
FROM (VALUES ('75.02亿元'::yuan, '2024-03-01'::date), ('69.33亿元', '2023-03-01')) t(v, p), (VALUES ('2024-05-31'::date)) a(d)
GROUP BY d;

\c growth_sql_ascii
\encoding UTF8
CREATE EXTENSION industry;
SHOW server_encoding;
-- SQL_ASCII does no conversion: the phrases are UTF-8 bytes
SELECT growth_phrase(17.5, 12.01) AS up, pp_phrase(18.2, 21.8) AS pp, ytd_label('2024-05-31') AS label,
	growth_status(-1, 1) AS status;
SELECT growth_phrase(1, -1, turn_profit => '扭亏为盈') AS turnaround, pp_phrase(18.2, 21.8, verbs => '上升/下降') AS down;

\c :orig_db
DROP DATABASE growth_euc_cn;
DROP DATABASE growth_sql_ascii;
