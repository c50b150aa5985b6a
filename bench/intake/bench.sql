-- bench/intake/bench.sql: run by run.sh with -v n=N
CREATE DATABASE intakebench;
\c intakebench
CREATE EXTENSION industry;
SET work_mem = '512MB';
SET jit = off;

\echo generating :n firms, 1.5 parcels per firm, 2 tax lines per firm
CREATE TABLE firm AS
SELECT i, credit_code_make('330110', i::bigint * 7919)::text AS code, '企业' || i AS name
  FROM generate_series(1, :n) i;
-- every firm one parcel, every second firm a second one; every 20th parcel pair shared
CREATE TABLE parcel AS
SELECT 'P' || i || 'A' AS parcel_id, code AS holder, ((i % 97 + 3) || '亩')::mu_area AS area,
	   NULL::numeric AS share, NULL::numeric AS floor_area
  FROM firm
UNION ALL
SELECT 'P' || i || 'B', code, ((i % 13 + 1) || '亩')::mu_area, NULL, NULL
  FROM firm WHERE i % 2 = 0;
CREATE TABLE lease (parcel_id text, lessee text, land mu_area, floor_area numeric, starts date, ends date);
CREATE TABLE tax (line bigint, code text, name text, kind text, amount yuan);
INSERT INTO tax
SELECT 2 * i, code, name, '增值税', ((i % 1000) * 100 + 0.37)::numeric::yuan FROM firm
UNION ALL
SELECT 2 * i + 1, code, name, '企业所得税', ((i % 777) * 50 + 0.11)::numeric::yuan FROM firm;
CREATE TABLE stat (line bigint, code text, name text, revenue numeric);
INSERT INTO stat SELECT i + 1, code, name, (i % 5000) * 1000 FROM firm;
ANALYZE;

-- The plain joins: what a user writes, no diagnostics.
\echo plain SQL joins
SELECT 'plain' AS what \gset
\timing on
CREATE TEMP TABLE plain1 AS
SELECT f.code, p.land, t.tax, s.revenue
  FROM firm f
  LEFT JOIN (SELECT holder, sum(area) AS land FROM parcel GROUP BY 1) p ON p.holder = f.code
  LEFT JOIN (SELECT code, sum(amount) AS tax FROM tax GROUP BY 1) t ON t.code = f.code
  LEFT JOIN (SELECT code, sum(revenue) AS revenue FROM stat GROUP BY 1) s ON s.code = f.code;
CREATE TEMP TABLE plain2 AS SELECT * FROM plain1 WHERE false;
INSERT INTO plain2
SELECT f.code, p.land, t.tax, s.revenue
  FROM firm f
  LEFT JOIN (SELECT holder, sum(area) AS land FROM parcel GROUP BY 1) p ON p.holder = f.code
  LEFT JOIN (SELECT code, sum(amount) AS tax FROM tax GROUP BY 1) t ON t.code = f.code
  LEFT JOIN (SELECT code, sum(revenue) AS revenue FROM stat GROUP BY 1) s ON s.code = f.code;
TRUNCATE plain2;
INSERT INTO plain2
SELECT f.code, p.land, t.tax, s.revenue
  FROM firm f
  LEFT JOIN (SELECT holder, sum(area) AS land FROM parcel GROUP BY 1) p ON p.holder = f.code
  LEFT JOIN (SELECT code, sum(amount) AS tax FROM tax GROUP BY 1) t ON t.code = f.code
  LEFT JOIN (SELECT code, sum(revenue) AS revenue FROM stat GROUP BY 1) s ON s.code = f.code;
\timing off

-- The intake functions: land allocated parcel by parcel (exact, with the unallocated
-- listed), every line of every source with its status, then one row per firm.
CREATE TABLE alloc AS
SELECT * FROM land_allocation('SELECT * FROM parcel LIMIT 0', 'SELECT * FROM lease', 2024, 'owner');
CREATE FUNCTION long_form() RETURNS TABLE (source text, line bigint, credit_code text,
	name text, measure text, amount numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT '名录', i + 1, code, name, NULL, NULL FROM firm
	UNION ALL
	SELECT '不动产登记', NULL, a.credit_code::text, NULL, 'land', sum(a.land)::numeric
	  FROM alloc a WHERE a.role = '自有' GROUP BY a.credit_code
	UNION ALL
	SELECT '税务', line, code, name, 'tax', amount::numeric FROM tax
	UNION ALL
	SELECT '统计', line, code, name, 'revenue', revenue FROM stat;
END;
CREATE TABLE merged AS SELECT * FROM merge_sources('SELECT * FROM long_form() LIMIT 0', '名录', '{统计}');
CREATE TABLE intake1 (credit_code credit_code, land numeric, tax numeric, revenue numeric);
\echo intake: land_allocation + merge_sources + pivot, 3 runs (each step timed)
\timing on
TRUNCATE alloc;
INSERT INTO alloc SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'owner');
TRUNCATE merged;
INSERT INTO merged SELECT * FROM merge_sources('SELECT * FROM long_form()', '名录', '{统计}');
TRUNCATE intake1;
INSERT INTO intake1 SELECT credit_code, sum(amount) FILTER (WHERE measure = 'land'),
	   sum(amount) FILTER (WHERE measure = 'tax'), sum(amount) FILTER (WHERE measure = 'revenue')
  FROM merged WHERE status = 'merged' GROUP BY 1;
TRUNCATE alloc;
INSERT INTO alloc SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'owner');
TRUNCATE merged;
INSERT INTO merged SELECT * FROM merge_sources('SELECT * FROM long_form()', '名录', '{统计}');
TRUNCATE intake1;
INSERT INTO intake1 SELECT credit_code, sum(amount) FILTER (WHERE measure = 'land'),
	   sum(amount) FILTER (WHERE measure = 'tax'), sum(amount) FILTER (WHERE measure = 'revenue')
  FROM merged WHERE status = 'merged' GROUP BY 1;
TRUNCATE alloc;
INSERT INTO alloc SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'owner');
TRUNCATE merged;
INSERT INTO merged SELECT * FROM merge_sources('SELECT * FROM long_form()', '名录', '{统计}');
TRUNCATE intake1;
INSERT INTO intake1 SELECT credit_code, sum(amount) FILTER (WHERE measure = 'land'),
	   sum(amount) FILTER (WHERE measure = 'tax'), sum(amount) FILTER (WHERE measure = 'revenue')
  FROM merged WHERE status = 'merged' GROUP BY 1;
\echo the diagnostics on top: merge_reconcile and merge_findings
SELECT count(*) FILTER (WHERE balanced) AS balanced, count(*) FROM merge_reconcile('SELECT * FROM long_form()', '名录', '{统计}');
SELECT count(*) AS findings FROM merge_findings('SELECT * FROM long_form()', '名录', '{统计}');
\timing off

\echo same per-firm sums (rows differing, expect 0):
SELECT count(*) AS differing
  FROM plain2 p FULL JOIN intake1 i ON i.credit_code::text = p.code
 WHERE p.land::numeric IS DISTINCT FROM i.land OR p.tax::numeric IS DISTINCT FROM i.tax
	OR p.revenue IS DISTINCT FROM i.revenue;
