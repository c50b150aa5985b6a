-- sum, avg, per_mu, min and max as window aggregates.  sum/avg/per_mu have
-- moving-aggregate support (an inverse transition), so a sliding frame costs
-- O(1) per row; every result is checked against an independent computation.

CREATE TABLE aggregates_w (i int, g text, y yuan, m mu_area);
INSERT INTO aggregates_w VALUES
	(1, 'a', '10万元', '2亩'),
	(2, 'a', '20万元', '3亩'),
	(3, 'a', '5万元', NULL),
	(4, 'a', NULL, '1亩'),
	(5, 'a', NULL, NULL),
	(6, 'a', NULL, NULL),
	(7, 'b', '8万元', '4亩'),
	(8, 'b', '-3万元', '1亩'),
	(9, 'b', '1.5万元', '0.5亩'),
	(10, 'b', '0元', '0亩'),
	(11, 'b', '7.77万元', '2.22亩'),
	(12, 'b', '100元', '0.001亩');

-- Running totals (frame start fixed) next to the same sums over numeric.
SELECT i, y, sum(y) OVER w AS running_sum, sum(y::numeric) OVER w AS numeric_sum,
       avg(y) OVER w AS running_avg, per_mu(y, m) OVER w AS running_per_mu
FROM aggregates_w
WINDOW w AS (ORDER BY i)
ORDER BY i;

-- ROWS BETWEEN 2 PRECEDING AND CURRENT ROW: rows leave the frame through the
-- inverse transition, including NULLs, frames without a complete (元, 亩)
-- pair (rows 5 and 6) and a frame without any amount (row 6).  The expected columns are computed from lag() by hand.
SELECT i, y, m,
       sum(y) OVER w AS sum3, expected_sum3,
       avg(y) OVER w AS avg3,
       per_mu(y, m) OVER w AS per_mu3, expected_per_mu3
FROM (SELECT i, y, m,
             CASE WHEN num_nonnulls(y, y1, y2) > 0
                  THEN coalesce(y::numeric, 0) + coalesce(y1, 0) + coalesce(y2, 0) END AS expected_sum3,
             round(nullif(coalesce(b, 0) + coalesce(b1, 0) + coalesce(b2, 0), 0)
                   / nullif(coalesce(a, 0) + coalesce(a1, 0) + coalesce(a2, 0), 0), 4) AS expected_per_mu3
      FROM (SELECT i, y, m,
                   lag(y::numeric, 1) OVER o AS y1, lag(y::numeric, 2) OVER o AS y2,
                   CASE WHEN m IS NOT NULL THEN y::numeric END AS b,
                   lag(CASE WHEN m IS NOT NULL THEN y::numeric END, 1) OVER o AS b1,
                   lag(CASE WHEN m IS NOT NULL THEN y::numeric END, 2) OVER o AS b2,
                   CASE WHEN y IS NOT NULL THEN m::numeric END AS a,
                   lag(CASE WHEN y IS NOT NULL THEN m::numeric END, 1) OVER o AS a1,
                   lag(CASE WHEN y IS NOT NULL THEN m::numeric END, 2) OVER o AS a2
            FROM aggregates_w WINDOW o AS (ORDER BY i)) l) e
WINDOW w AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY i;

-- min and max over the same frame (no inverse: re-aggregated per row).
SELECT i, y, min(y) OVER w AS min3, max(y) OVER w AS max3,
       min(m) OVER w AS min_m3, max(m) OVER w AS max_m3
FROM aggregates_w
WINDOW w AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY i;

-- per_mu per group as a window aggregate (PARTITION BY), as the evaluation
-- engine uses it for group benchmarks: every row carries its group's 亩均,
-- equal to the grouped aggregate.
SELECT i, g, y, m, per_mu(y, m) OVER (PARTITION BY g) AS group_per_mu,
       sum(m) OVER (PARTITION BY g) AS group_land
FROM aggregates_w
ORDER BY i;
SELECT g, per_mu(y, m), sum(m) FROM aggregates_w GROUP BY g ORDER BY g;

-- A sliding frame of 11 rows over 10000 rows with NULLs and negative values:
-- every row equals the numeric window sum, and per_mu the rounded ratio.
CREATE TABLE aggregates_w_big AS
SELECT i,
       CASE WHEN i % 13 = 0 THEN NULL ELSE ((i * 7919) % 2000003 - 1000000) / 100.0 END::yuan AS y,
       CASE WHEN i % 17 = 0 THEN NULL ELSE ((i * 104729) % 100003) / 1000.0 END::mu_area AS m
FROM generate_series(1::bigint, 10000) i;
SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE s IS NOT DISTINCT FROM sn::numeric::yuan) AS sum_equal,
       count(*) FILTER (WHERE a IS NOT DISTINCT FROM round(an, 2)::yuan) AS avg_equal,
       count(*) FILTER (WHERE p IS NOT DISTINCT FROM round(pb / nullif(pa, 0), 4)::yuan_per_mu) AS per_mu_equal
FROM (SELECT sum(y) OVER w AS s, sum(y::numeric) OVER w AS sn,
             avg(y) OVER w AS a, avg(y::numeric) OVER w AS an,
             per_mu(y, m) OVER w AS p,
             sum(CASE WHEN m IS NOT NULL THEN y::numeric END) OVER w AS pb,
             sum(CASE WHEN y IS NOT NULL THEN m::numeric END) OVER w AS pa
      FROM aggregates_w_big
      WINDOW w AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING)) r;

DROP TABLE aggregates_w, aggregates_w_big;
