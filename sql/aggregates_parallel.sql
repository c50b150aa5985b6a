-- Parallel aggregation: every aggregate of the extension is PARALLEL SAFE with
-- a combine function, so the planner uses Partial Aggregate in the workers and
-- combines their states; the results equal the serial ones to the last digit.

-- Catalog: combine function, moving-aggregate support and sort operator of each.
SELECT p.oid::regprocedure AS aggregate, p.proparallel AS parallel,
       a.aggtranstype::regtype AS state, a.aggcombinefn <> 0 AS combine,
       a.aggminvtransfn <> 0 AS moving, a.aggsortop::regoperator AS sortop,
       a.aggfinalmodify AS finalmodify
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'industry'
WHERE p.proname IN ('sum', 'avg', 'min', 'max', 'per_mu')
ORDER BY p.proname, p.oid::regprocedure::text;

CREATE TABLE aggregates_p AS
SELECT i % 50 AS g,
       CASE WHEN i % 101 = 0 THEN NULL ELSE ((i * 7919) % 20000003 - 10000000) * 100003 / 100.0 END::yuan AS y,
       CASE WHEN i % 103 = 0 THEN NULL ELSE ((i * 104729) % 1000003) / 7.0 END::mu_area AS m,
       CASE WHEN i % 107 = 0 THEN NULL ELSE ((i * 15485863) % 99999989) / 3.0 END::yuan_per_mu AS p
FROM generate_series(1::bigint, 200000) i;
ANALYZE aggregates_p;

-- Serial results.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE aggregates_p_serial AS
SELECT sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
       sum(m) AS sum_m, avg(m) AS avg_m, min(m) AS min_m, max(m) AS max_m,
       sum(p) AS sum_p, avg(p) AS avg_p, min(p) AS min_p, max(p) AS max_p,
       per_mu(y, m) AS per_mu
FROM aggregates_p;
CREATE TABLE aggregates_p_serial_g AS
SELECT g, sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
       sum(m) AS sum_m, avg(m) AS avg_m, sum(p) AS sum_p, avg(p) AS avg_p,
       per_mu(y, m) AS per_mu
FROM aggregates_p GROUP BY g;

-- ... which equal the numeric computation (Σ, rounded mean, rounded Σ元/Σ亩).
SELECT s.sum_y::numeric = n.sum_y AS sum_y, s.avg_y::numeric = round(n.avg_y, 2) AS avg_y,
       s.sum_m::numeric = n.sum_m AS sum_m, s.avg_p::numeric = round(n.avg_p, 4) AS avg_p,
       s.per_mu::numeric = round(n.both_y / n.both_m, 4) AS per_mu
FROM aggregates_p_serial s,
     (SELECT sum(y::numeric) AS sum_y, avg(y::numeric) AS avg_y, sum(m::numeric) AS sum_m,
             avg(p::numeric) AS avg_p,
             sum(y::numeric) FILTER (WHERE m IS NOT NULL) AS both_y,
             sum(m::numeric) FILTER (WHERE y IS NOT NULL) AS both_m
      FROM aggregates_p) n;

-- Force a parallel plan with two workers doing all the scanning.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

EXPLAIN (COSTS OFF)
SELECT sum(y), avg(y), min(y), max(y), sum(m), avg(m), min(m), max(m),
       sum(p), avg(p), min(p), max(p), per_mu(y, m)
FROM aggregates_p;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT per_mu(y, m) FROM aggregates_p;

-- The parallel results equal the serial ones (each column compared; the
-- serial row is shown only if all thirteen are equal).
SELECT s.*
FROM aggregates_p_serial s,
     (SELECT sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
             sum(m) AS sum_m, avg(m) AS avg_m, min(m) AS min_m, max(m) AS max_m,
             sum(p) AS sum_p, avg(p) AS avg_p, min(p) AS min_p, max(p) AS max_p,
             per_mu(y, m) AS per_mu
      FROM aggregates_p) q
WHERE s.sum_y = q.sum_y AND s.avg_y = q.avg_y AND s.min_y = q.min_y AND s.max_y = q.max_y
  AND s.sum_m = q.sum_m AND s.avg_m = q.avg_m AND s.min_m = q.min_m AND s.max_m = q.max_m
  AND s.sum_p = q.sum_p AND s.avg_p = q.avg_p AND s.min_p = q.min_p AND s.max_p = q.max_p
  AND s.per_mu = q.per_mu;

-- Grouped: Partial HashAggregate in the workers, 50 groups all equal.
EXPLAIN (COSTS OFF)
SELECT g, sum(y), avg(y), min(y), max(y), sum(m), avg(m), sum(p), avg(p), per_mu(y, m)
FROM aggregates_p GROUP BY g;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE s.sum_y = q.sum_y AND s.avg_y = q.avg_y AND s.min_y = q.min_y
                          AND s.max_y = q.max_y AND s.sum_m = q.sum_m AND s.avg_m = q.avg_m
                          AND s.sum_p = q.sum_p AND s.avg_p = q.avg_p AND s.per_mu = q.per_mu)
           AS equal_to_serial
FROM aggregates_p_serial_g s
JOIN (SELECT g, sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
             sum(m) AS sum_m, avg(m) AS avg_m, sum(p) AS sum_p, avg(p) AS avg_p,
             per_mu(y, m) AS per_mu
      FROM aggregates_p GROUP BY g) q USING (g);

-- A total that does not fit is the same error in a parallel plan; the avg of
-- the same rows is fine (the partial states are 128-bit).
CREATE TABLE aggregates_p_big AS
SELECT '92233720368547758.07元'::yuan AS y FROM generate_series(1, 1000);
ANALYZE aggregates_p_big;
EXPLAIN (COSTS OFF) SELECT sum(y) FROM aggregates_p_big;
SELECT sum(y) FROM aggregates_p_big;
SELECT avg(y) FROM aggregates_p_big;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE aggregates_p, aggregates_p_serial, aggregates_p_serial_g, aggregates_p_big;
