-- bench/intake/cells.sql: per-cell parsing of 1M spreadsheet cells (run by run.sh after bench.sql)
\c intakebench
SET jit = off;
CREATE TABLE cells AS
SELECT i, CASE WHEN i % 100 = 0 THEN '—' WHEN i % 7 = 0 THEN translate(((i % 5000) * 1.25)::text, '0123456789.', '０１２３４５６７８９．')
			   ELSE ((i % 5000) * 1.25)::text END AS c
  FROM generate_series(1, 1000000) i;
CREATE OR REPLACE FUNCTION try_yuan_exc(raw text, unit text) RETURNS yuan LANGUAGE plpgsql AS $$
BEGIN
	RETURN (raw || unit)::yuan;
EXCEPTION WHEN others THEN
	RETURN NULL;
END $$;
ANALYZE cells;
\timing on
-- baseline: the plain cast of good text (fails on the bad cells, so only the good ones)
SELECT count((c || '万元')::yuan) FROM cells WHERE i % 100 <> 0 AND i % 7 <> 0;
SELECT count((c || '万元')::yuan) FROM cells WHERE i % 100 <> 0 AND i % 7 <> 0;
-- parse_cell: every cell, value or reason
SELECT count(p.value), count(p.reason) FROM cells, parse_cell(cells.c, NULL::yuan, '万元') p;
SELECT count(p.value), count(p.reason) FROM cells, parse_cell(cells.c, NULL::yuan, '万元') p;
-- PL/pgSQL with an EXCEPTION block per cell (a subtransaction each)
SELECT count(try_yuan_exc(c, '万元')) FROM cells;
SELECT count(try_yuan_exc(c, '万元')) FROM cells;
