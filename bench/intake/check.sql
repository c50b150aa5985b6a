-- bench/intake/check.sql: after the rounds: the diagnostics on top, timed once, and the
-- per-firm sums of the last round compared.
\c intakebench
SET work_mem = '512MB';
SET jit = off;
\timing on
\echo the diagnostics on top: merge_reconcile and merge_findings
SELECT count(*) FILTER (WHERE balanced) AS balanced, count(*) FROM merge_reconcile('SELECT * FROM long_form()', '名录', '{统计}');
SELECT count(*) AS findings FROM merge_findings('SELECT * FROM long_form()', '名录', '{统计}');

\echo same per-firm sums (rows differing, expect 0):
SELECT count(*) AS differing
  FROM plain2 p FULL JOIN intake1 i ON i.credit_code::text = p.code
 WHERE p.land::numeric IS DISTINCT FROM i.land OR p.tax::numeric IS DISTINCT FROM i.tax
	OR p.revenue IS DISTINCT FROM i.revenue;
