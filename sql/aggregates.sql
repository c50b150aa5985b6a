-- sum, avg, min, max of mu_area / yuan / yuan_per_mu and per_mu(yuan, mu_area)
-- (doc/aggregates.md).  Window frames: aggregates_window; parallel plans:
-- aggregates_parallel.

CREATE TABLE aggregates_t (g int, y yuan, m mu_area, p yuan_per_mu);

-- Empty input: every aggregate is NULL (no rows, no total), like sum(int8).
SELECT sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
       sum(m) AS sum_m, avg(m) AS avg_m, min(m) AS min_m, max(m) AS max_m,
       sum(p) AS sum_p, avg(p) AS avg_p, min(p) AS min_p, max(p) AS max_p,
       per_mu(y, m)
FROM aggregates_t;
-- ... and grouped, there is no group at all.
SELECT g, sum(y), per_mu(y, m) FROM aggregates_t GROUP BY g;

-- All-NULL input: NULL as well.
INSERT INTO aggregates_t VALUES (1, NULL, NULL, NULL), (1, NULL, NULL, NULL);
SELECT sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
       sum(m) AS sum_m, avg(m) AS avg_m, min(m) AS min_m, max(m) AS max_m,
       sum(p) AS sum_p, avg(p) AS avg_p, min(p) AS min_p, max(p) AS max_p,
       per_mu(y, m), count(*)
FROM aggregates_t;

-- Mixed NULLs: sum/avg/min/max skip NULL values; per_mu uses only the rows
-- where both amount and area are known (here 100万元 on 4亩 and 60万元 on 2亩).
INSERT INTO aggregates_t VALUES
	(2, '100万元', '4亩', '25万元/亩'),
	(2, '60万元', '2亩', '30万元/亩'),
	(2, '7万元', NULL, NULL),
	(2, NULL, '10亩', NULL);
SELECT g, sum(y) AS sum_y, avg(y) AS avg_y, min(y) AS min_y, max(y) AS max_y,
       sum(m) AS sum_m, avg(m) AS avg_m, sum(p) AS sum_p, avg(p) AS avg_p,
       per_mu(y, m)
FROM aggregates_t GROUP BY g ORDER BY g;
SELECT per_mu(y, m), sum(y), sum(m)
FROM (VALUES ('100万元'::yuan, '4亩'::mu_area), ('60万元', '2亩'), ('7万元', NULL), (NULL, '10亩')) v(y, m);

-- per_mu is the ratio of sums, not the mean of ratios: a firm with 100万元 tax
-- on 1亩 and one with none on 99亩 make 1万元/亩, not 50万元/亩.
SELECT per_mu(y, m), avg(y / m) AS mean_of_ratios
FROM (VALUES ('100万元'::yuan, '1亩'::mu_area), ('0元', '99亩')) v(y, m);

-- Lishui 2019 规上 (942 firms): 573564万元 tax and 2236605万元 value added on
-- 30341亩.  Exactly 5735640000 / 30341 = 189039.25381…元/亩 and
-- 22366050000 / 30341 = 737155.99354…元/亩; stored to 0.0001 元/亩, rounded.
SELECT per_mu(tax, land) AS tax_per_mu, per_mu(tax, land)::numeric AS tax_per_mu_numeric,
       per_mu(va, land) AS va_per_mu, per_mu(va, land)::numeric AS va_per_mu_numeric
FROM (VALUES ('573564万元'::yuan, '2236605万元'::yuan, '30341亩'::mu_area)) v(tax, va, land);
-- The same totals spread over 942 firms give the same 亩均 to the last digit.
SELECT per_mu(tax, land)::numeric AS tax_per_mu, per_mu(va, land)::numeric AS va_per_mu,
       sum(tax) AS tax, sum(va) AS va, sum(land) AS land, count(*) AS firms
FROM (SELECT CASE WHEN i = 942 THEN 5735640000 - 941 * 6088789::bigint ELSE 6088789 END::numeric::yuan AS tax,
             CASE WHEN i = 942 THEN 22366050000 - 941 * 23743152::bigint ELSE 23743152 END::numeric::yuan AS va,
             CASE WHEN i = 942 THEN 30341 - 941 * 32.2 ELSE 32.2 END::numeric::mu_area AS land
      FROM generate_series(1, 942) i) firms;

-- Rounding half away from zero (四舍五入) to the stored unit.
-- avg: 0.01 and 0.02元 -> 0.015 -> 0.02元; negated -> -0.02元; 1,1,2分 -> 0.01元.
SELECT sum(y), avg(y) FROM (VALUES ('0.01元'::yuan), ('0.02元')) v(y);
SELECT avg(y) FROM (VALUES ('-0.01元'::yuan), ('-0.02元')) v(y);
SELECT avg(y) FROM (VALUES ('0.01元'::yuan), ('0.01元'), ('0.02元')) v(y);
SELECT avg(m) FROM (VALUES ('0.000001亩'::mu_area), ('0.000002亩')) v(m);
SELECT avg(p) FROM (VALUES ('-0.0001元/亩'::yuan_per_mu), ('-0.0002元/亩')) v(p);
-- per_mu: 0.01元 on 40亩 = 0.00025元/亩 -> 0.0003元/亩; 1元 on 3亩 -> 0.3333;
-- -2元 on 3亩 -> -0.6667.
SELECT per_mu(y, m)::numeric FROM (VALUES ('0.01元'::yuan, '40亩'::mu_area)) v(y, m);
SELECT per_mu(y, m)::numeric FROM (VALUES ('-0.01元'::yuan, '40亩'::mu_area)) v(y, m);
SELECT per_mu(y, m)::numeric FROM (VALUES ('1元'::yuan, '3亩'::mu_area)) v(y, m);
SELECT per_mu(y, m)::numeric FROM (VALUES ('-2元'::yuan, '3亩'::mu_area)) v(y, m);

-- Σ亩 = 0: no land, no 亩均 -> NULL (also when areas cancel out).
SELECT per_mu(y, m) FROM (VALUES ('5万元'::yuan, '0亩'::mu_area)) v(y, m);
SELECT per_mu(y, m) FROM (VALUES ('5万元'::yuan, '2亩'::mu_area), ('1万元', '-2亩')) v(y, m);

-- Ties: min and max of equal values.
SELECT min(y), max(y), min(m), max(m), min(p), max(p)
FROM (VALUES ('3元'::yuan, '2亩'::mu_area, '7元/亩'::yuan_per_mu),
             ('3元', '2亩', '7元/亩'), ('1元', '5亩', '9元/亩'), ('1元', '5亩', '9元/亩')) v(y, m, p);

-- DISTINCT and FILTER: 3,3,1,1元 -> distinct sum 4元, distinct pairs 4元 / 7亩;
-- the filter keeps the two 5亩 rows: 2元, 2元 / 10亩.
SELECT sum(DISTINCT y), avg(DISTINCT y), per_mu(DISTINCT y, m),
       sum(y) FILTER (WHERE m > '2亩'), per_mu(y, m) FILTER (WHERE m > '2亩')
FROM (VALUES ('3元'::yuan, '2亩'::mu_area), ('3元', '2亩'), ('1元', '5亩'), ('1元', '5亩')) v(y, m);

-- Range ends.  The accumulator is 128 bits: totals may pass through values
-- beyond int64 as long as the final total fits; avg never overflows.
CREATE TABLE aggregates_ends (y yuan, m mu_area, p yuan_per_mu);
INSERT INTO aggregates_ends
SELECT (s * 9223372036854775807 * 0.01)::yuan,
       (s * 9223372036854775807 * 0.000001)::mu_area,
       (s * 9223372036854775807 * 0.0001)::yuan_per_mu
FROM (VALUES (1), (1), (-1), (-1)) v(s);
SELECT sum(y), avg(y), min(y), max(y) FROM aggregates_ends;
SELECT sum(m), avg(m), min(m), max(m) FROM aggregates_ends;
SELECT sum(p), avg(p), min(p), max(p) FROM aggregates_ends;
SELECT avg(y), avg(m), avg(p) FROM aggregates_ends WHERE y > '0元';
SELECT sum(y) FROM aggregates_ends WHERE y < '0元';
-- the smallest and the largest yuan sum to -0.01元
SELECT sum(y), sum(y)::numeric
FROM (VALUES ('-92233720368547758.08元'::yuan), ('92233720368547758.07元')) v(y);

-- Overflow: the final total must fit the type (22003, naming the type).
SELECT sum(y) FROM aggregates_ends WHERE y > '0元';
SELECT sum(m) FROM aggregates_ends WHERE m > '0亩';
SELECT sum(p) FROM aggregates_ends WHERE p < '0元/亩';
SELECT sum(y) FROM (VALUES ('92233720368547758.07元'::yuan), ('0.01元')) v(y);
-- per_mu: 9·10^16 元 on 0.000001亩 does not fit yuan_per_mu.
SELECT per_mu(y, m) FROM (VALUES ('90000000000000000元'::yuan, '0.000001亩'::mu_area)) v(y, m);
\set VERBOSITY sqlstate
SELECT sum(y) FROM aggregates_ends WHERE y > '0元';
SELECT per_mu(y, m) FROM (VALUES ('90000000000000000元'::yuan, '0.000001亩'::mu_area)) v(y, m);
\set VERBOSITY default
DROP TABLE aggregates_ends;

-- GROUP BY with many groups: 1000 groups, every total equal to the numeric
-- computation, a few groups shown.
CREATE TABLE aggregates_many AS
SELECT i % 1000 AS g,
       CASE WHEN i % 97 = 0 THEN NULL ELSE ((i * 7919) % 100000007 - 50000000) / 100.0 END::yuan AS y,
       CASE WHEN i % 89 = 0 THEN NULL ELSE ((i * 104729) % 1000003) / 1000.0 END::mu_area AS m
FROM generate_series(1::bigint, 100000) i;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE s::numeric = sn AND a::numeric = round(an, 2)
                        AND (pm IS NULL AND smn IS NULL OR pm::numeric = round(syb / smn, 4)))
           AS groups_equal_to_numeric
FROM (SELECT g, sum(y) AS s, avg(y) AS a, per_mu(y, m) AS pm,
             sum(y::numeric) AS sn, avg(y::numeric) AS an,
             sum(y::numeric) FILTER (WHERE m IS NOT NULL) AS syb,
             nullif(sum(m::numeric) FILTER (WHERE y IS NOT NULL), 0) AS smn
      FROM aggregates_many GROUP BY g) r;
SELECT g, sum(y), avg(y), min(y), max(y), sum(m), per_mu(y, m), count(y), count(m)
FROM aggregates_many WHERE g IN (0, 1, 999) GROUP BY g ORDER BY g;

-- min and max can be answered from an index (SORTOP).
CREATE INDEX aggregates_many_y ON aggregates_many (y);
ANALYZE aggregates_many;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT min(y), max(y) FROM aggregates_many;
SELECT min(y), max(y) FROM aggregates_many;
RESET enable_seqscan;
SELECT min(y), max(y) FROM aggregates_many;
DROP TABLE aggregates_many;

-- The transition state, quantity_accum: "(count,sum,sum2)" in stored units.
-- A helper aggregate exposes the state of sum(yuan) and of per_mu.
CREATE AGGREGATE aggregates_state(yuan) (
	SFUNC = quantity_accum_add, STYPE = quantity_accum, INITCOND = '(0,0,0)');
CREATE AGGREGATE aggregates_state(yuan, mu_area) (
	SFUNC = quantity_accum_add, STYPE = quantity_accum, INITCOND = '(0,0,0)');
SELECT aggregates_state(y) AS sum_state, aggregates_state(y, m) AS per_mu_state
FROM aggregates_t;
-- text output -> input reproduces the state exactly, also at the range ends
CREATE TABLE aggregates_states (s quantity_accum);
INSERT INTO aggregates_states
SELECT aggregates_state(y) FROM aggregates_t
UNION ALL SELECT aggregates_state(y, m) FROM aggregates_t
UNION ALL SELECT '(0,0,0)'
UNION ALL SELECT '(9223372036854775807,85070591730234615847396907784232501249,-85070591730234615847396907784232501248)'
UNION ALL SELECT '(1,-9223372036854775808,9223372036854775807)';
SELECT s, s::text::quantity_accum::text = s::text AS text_round_trip,
       quantity_accum_send(s::text::quantity_accum) = quantity_accum_send(s) AS same_bytes
FROM aggregates_states;
-- binary send/recv: count int64, then both sums as big-endian int128
SELECT quantity_accum_send('(2,-1,300)');
DO $$
DECLARE
	f text := current_setting('data_directory') || '/aggregates_states.bin';
BEGIN
	EXECUTE format('COPY aggregates_states TO %L (FORMAT binary)', f);
	CREATE TEMP TABLE aggregates_states_back (s quantity_accum);
	EXECUTE format('COPY aggregates_states_back FROM %L (FORMAT binary)', f);
END
$$;
SELECT count(*) AS states,
       count(*) FILTER (WHERE s::text IN (SELECT s::text FROM aggregates_states_back)) AS recv_round_trip
FROM aggregates_states;
DROP TABLE aggregates_states, aggregates_states_back;

-- The final functions read a state; per_mu is exact over the whole int128
-- range of the sums (compared with numeric on states whose Σ元·10^8
-- overflows 128 bits).
SELECT quantity_accum_sum_yuan('(2,150,0)'), quantity_accum_avg_yuan('(2,150,0)'),
       quantity_accum_per_mu('(2,150,3000000)');
SELECT quantity_accum_per_mu(s)::numeric AS per_mu,
       round(-2000000000000000000000000000000 * 100000000 / 30000000000000000000000::numeric) / 10000 AS by_numeric
FROM (VALUES ('(9223372036854775807,-2000000000000000000000000000000,30000000000000000000000)'::quantity_accum)) v(s);
SELECT setseed(0.25);
SELECT count(*) AS states,
       count(*) FILTER (WHERE quantity_accum_per_mu(format('(9223372036854775807,%s,%s)', a, d)::quantity_accum)::numeric
                              = round(a * 100000000 / d) / 10000) AS equal_to_numeric
FROM (SELECT a, d
      FROM (SELECT trunc(((random() - 0.5) * 2 * 10 ^ (31 + random() * 6))::numeric) AS a,
                   trunc(((random() - 0.5) * 2 * 10 ^ (20 + random() * 17))::numeric) AS d
            FROM generate_series(1, 2000)) r
      WHERE d <> 0 AND abs(round(a * 100000000 / d)) < 9223372036854775807
        AND abs(a) > 2000000000000000000000000000000) s;
-- at the ends of yuan_per_mu, via the 128-bit-overflow path
SELECT quantity_accum_per_mu('(9223372036854775807,922337203685477580700000000000000,10000000000000000000000)')::numeric AS max_per_mu,
       quantity_accum_per_mu('(9223372036854775807,-922337203685477580800000000000000,10000000000000000000000)')::numeric AS min_per_mu;
SELECT quantity_accum_per_mu('(9223372036854775807,922337203685477580800000000000000,10000000000000000000000)');
SELECT quantity_accum_per_mu('(9223372036854775807,-922337203685477580850000000000000,10000000000000000000000)');

-- A direct call returns a new state and leaves its argument alone.
SELECT s, quantity_accum_add(s, '1元'::yuan), quantity_accum_remove(quantity_accum_add(s, '1元'::yuan), '1元'::yuan),
       quantity_accum_add(s, '1元'::yuan, '2亩'::mu_area), quantity_accum_combine(s, '(2,100,0)'), s
FROM (VALUES ('(1,5,0)'::quantity_accum)) v(s);

-- Bad states.
SELECT '(1,2)'::quantity_accum;
SELECT '(1,2,3) x'::quantity_accum;
SELECT '(-1,0,0)'::quantity_accum;
SELECT '(0,1,0)'::quantity_accum;
SELECT '(1,9223372036854775809,0)'::quantity_accum;
SELECT '(1,170141183460469231731687303715884105728,0)'::quantity_accum;
SELECT '(9223372036854775808,0,0)'::quantity_accum;
SELECT quantity_accum_remove('(0,0,0)', '1元'::yuan);
-- a state at the limits cannot grow further
SELECT quantity_accum_combine('(9223372036854775807,85070591730234615847396907784232501249,0)',
                              '(1,1,0)');

DROP AGGREGATE aggregates_state(yuan);
DROP AGGREGATE aggregates_state(yuan, mu_area);
DROP TABLE aggregates_t;
