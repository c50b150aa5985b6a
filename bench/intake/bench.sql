-- bench/intake/bench.sql: the data and the tables, run by run.sh with -v n=N; then run.sh
-- runs round.sql several times and check.sql
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

-- The backend's own CPU time in ns (first field of /proc/self/schedstat; superuser).
CREATE FUNCTION cpu_ns() RETURNS bigint LANGUAGE sql VOLATILE
	AS $$SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint$$;

-- The plain joins: what a user writes, no diagnostics (round.sql).
CREATE TABLE plain2 (code text, land mu_area, tax yuan, revenue numeric);

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

