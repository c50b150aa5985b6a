#!/usr/bin/env bash
# bench/tier/run.sh: 梯度培育 tier checks over many enterprises (SPEC §9: <= 1.5 x a
# hand-written plain-SQL CASE query), as a ratio measured in one run.
#
#   bash bench/tier/run.sh                      1M enterprises (the SPEC size)
#   BENCH_ROWS=100000 bash bench/tier/run.sh    a quicker run
#
# Builds and stages the extension like tools/test.sh, starts a private scratch server
# (jit = off, serial plans), generates deterministic enterprises with every attribute the
# MIIT tiers read (money as yuan), checks that tier_check and baseline.sql agree on the
# number of eligible enterprises per tier, then times
#   A: tier_check('SELECT * FROM bench_firms', '{chuangxin,zjtx,xjr}')
#   B: baseline.sql (the same decisions, scores, points and failed lists in plain SQL)
# both aggregated over all their rows, interleaved, best of 3 rounds after a warm-up.
# Results are recorded in bench/tier/README.md.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS=${BENCH_ROWS:-1000000}
RUNS=${BENCH_RUNS:-3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

CLUSTER_EXTRA_CONF="shared_buffers = ${BENCH_SHARED_BUFFERS:-1GB}
work_mem = 256MB
jit = off
max_parallel_workers_per_gather = 0
autovacuum = off" bench_start bench

say "generating $ROWS enterprises"
psql_do <<SQL
CREATE EXTENSION industry;
SELECT setseed(0.42);
CREATE TABLE bench_firms AS
SELECT 'F' || i AS credit_code, e AS employees,
	round(rev, 2)::yuan AS revenue, round(rev / (0.8 + r1 * 0.5), 2)::yuan AS revenue_prev1,
	round(mr, 2)::yuan AS main_revenue, round(mr / (0.85 + r2 * 0.4), 2)::yuan AS main_revenue_prev1,
	round(mr / (0.85 + r2 * 0.4) / (0.85 + r3 * 0.4), 2)::yuan AS main_revenue_prev2,
	round(rev * r4 * 0.08, 2)::yuan AS rd, round(rev / (0.8 + r1 * 0.5) * r5 * 0.08, 2)::yuan AS rd_prev1,
	round(e * r6 * 0.3) AS rd_staff, round(r7::numeric, 4) AS debt_ratio,
	round(rev * (r8 * 0.2 - 0.05), 2)::yuan AS net_profit,
	(r9 * 15)::int AS years_in_niche,
	(r10 < 0.1)::int AS ip_class1_high_value, (r10 < 0.35)::int AS ip_class1_own,
	(r10 < 0.6)::int * (1 + (r11 * 3)::int) AS ip_class1, (r12 * 3)::int AS ip_class2,
	r13 < 0.4 AS sei_field, (r14 * 2.99)::int AS chain_field, (1 + r15 * 3)::int AS digital_level,
	(r16 * 3)::int AS quality_items, (r17 * 15)::int AS feature_points, (r18 * 4.99)::int AS rd_institution,
	round((r19 < 0.05)::int * r20 * 100000000, 2)::yuan AS equity_financing_2y,
	round((r19 < 0.08)::int * r20 * 100000000, 2)::yuan AS equity_financing_3y,
	r21 < 0.03 AS sci_award_3y, r22 < 0.03 AS high_tech, r23 < 0.01 AS innovation_demo,
	r24 < 0.01 AS ip_advantage, r21 < 0.02 AS sci_award_top, r25 < 0.01 AS maker_china_top500,
	r25 < 0.001 AS maker_china_top50, r21 < 0.005 AS sci_award_national_top3,
	r26 < 0.7 AS info_system, r27 < 0.6 AS mgmt_cert, round((r28 * 0.3)::numeric, 4) AS market_share_national,
	r29 < 0.5 AS own_brand, r30 < 0.3 AS key_field
FROM (
	SELECT i, e, rev, rev * (0.4 + r0 * 0.6) AS mr, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
		r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30
	FROM (
		SELECT i, 5 + (random() * 1200)::int AS e, (1000000 + random() ^ 2 * 500000000)::numeric AS rev,
			random()::numeric AS r0, random()::numeric AS r1, random()::numeric AS r2, random()::numeric AS r3,
			random()::numeric AS r4, random()::numeric AS r5, random()::numeric AS r6, random() AS r7,
			random()::numeric AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12,
			random() AS r13, random() AS r14, random() AS r15, random() AS r16, random() AS r17, random() AS r18,
			random() AS r19, random()::numeric AS r20, random() AS r21, random() AS r22, random() AS r23,
			random() AS r24, random() AS r25, random() AS r26, random() AS r27, random() AS r28, random() AS r29,
			random() AS r30
		FROM generate_series(1, $ROWS) i
	) s
) s;
VACUUM (FREEZE, ANALYZE) bench_firms;
SQL
psql_do -At <<SQL
SELECT 'table size: ' || pg_size_pretty(pg_relation_size('bench_firms'));
-- the two routes agree, tier by tier
SELECT format('%s: tier_check %s eligible, %s unknown', tier, count(*) FILTER (WHERE eligible),
	count(*) FILTER (WHERE eligible IS NULL))
FROM tier_check('SELECT * FROM bench_firms', '{chuangxin,zjtx,xjr}') GROUP BY tier ORDER BY tier;
SQL
sed -e 's/^SELECT count(\*) FILTER (WHERE eligible) AS eligible.*/SELECT tier, count(*) FILTER (WHERE eligible) AS eligible/' \
	-e 's/^\tcount(points) AS with_points.*//' -e 's/^) t;$/) t GROUP BY tier ORDER BY tier;/' "$HERE/baseline.sql" |
	psql_do -At | sed 's/^\(.*\)|\(.*\)$/\1: baseline   \2 eligible/'

A="SELECT count(*) FILTER (WHERE eligible) AS eligible, sum(score) AS score, count(points) AS with_points,
	sum(cardinality(failed)) AS failed FROM tier_check('SELECT * FROM bench_firms', '{chuangxin,zjtx,xjr}');"
B=$(grep -v '^--' "$HERE/baseline.sql")
say "timing (ms, best of $RUNS interleaved rounds after a warm-up round)"
read -r t_tier t_sql < <(pair_ms '' "$A" '' "$B")
echo "tier_check            $t_tier ms"
echo "plain SQL (baseline)  $t_sql ms"
awk -v a="$t_tier" -v b="$t_sql" 'BEGIN { printf "ratio tier_check / plain SQL = %.2f (target <= 1.5)\n", a / b }'
