-- bench/evaluation/lists_check.sql: evaluate() and the plain SQL (:plain, lists_plain.sql)
-- give the same list, total, rank and class for every firm; an error (and a failed
-- run_lists.sh) otherwise.
SET work_mem = '512MB';
SET jit = off;
CREATE TEMP TABLE one_call AS SELECT * FROM evaluate('bench', 2024, 'SELECT * FROM firms');
CREATE TEMP TABLE plain AS :plain;
SELECT count(*) AS firms,
	count(*) FILTER (WHERE o.scope IS DISTINCT FROM p.list) AS list_differences,
	count(*) FILTER (WHERE o.class IS DISTINCT FROM p.class) AS class_differences,
	count(*) FILTER (WHERE o.total IS DISTINCT FROM p.total OR o.rank IS DISTINCT FROM p.rnk) AS total_or_rank_differences
FROM one_call o FULL JOIN plain p USING (credit_code) \gset
\echo :firms firms, :list_differences list, :class_differences class, :total_or_rank_differences total or rank differences
SELECT :list_differences + :class_differences + :total_or_rank_differences > 0 AS differ,
	:firms <> (SELECT count(*) FROM firms) AS missing \gset
\if :differ
\warn 'evaluate() and the plain SQL differ'
SELECT 1 / 0 AS results_differ;
\elif :missing
\warn 'a firm is missing from a result'
SELECT 1 / 0 AS results_differ;
\endif
SELECT scope, class, count(*) FROM one_call GROUP BY scope, class ORDER BY scope COLLATE "C", class;
