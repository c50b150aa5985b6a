#!/usr/bin/env bash
# bench/policy/run.sh: 政策兑现, ten policies over many firms (issue 12: within 1.5 x the
# plain SQL a user would write, same totals), as a ratio measured in one run.
#
#   bash bench/policy/run.sh                      1M firms
#   BENCH_ROWS=100000 bash bench/policy/run.sh    a quicker run
#
# Builds and stages the extension like tools/test.sh, starts a private scratch server
# (jit = off, serial plans), generates deterministic firms (setseed) with every input
# the ten policies of policies.sql read (no NULLs), checks that policy_evaluate and
# baseline.sql give the same eligible firms and the same total to the 分 per policy,
# then times, interleaved in one session, best of 3 rounds after a warm-up round:
#   A: policy_evaluate('bench', 2025, 'SELECT * FROM bench_firms') per policy: eligible
#      firms and sum(amount)
#   B: baseline.sql (the same amounts in plain SQL, the budget by window functions)
# Results are recorded in bench/policy/README.md.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS=${BENCH_ROWS:-1000000}
RUNS=${BENCH_RUNS:-3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

CLUSTER_EXTRA_CONF="shared_buffers = ${BENCH_SHARED_BUFFERS:-1GB}
work_mem = 256MB
jit = off
max_parallel_workers_per_gather = 0
autovacuum = off" bench_start bench

say "generating $ROWS firms"
psql_do <<SQL
CREATE EXTENSION industry;
SELECT setseed(0.12);
CREATE TABLE bench_firms AS
SELECT i, 'F' || i AS credit_code,
	CASE WHEN r1 < 0.2 THEN 'A' WHEN r1 < 0.8 THEN 'B' WHEN r1 < 0.95 THEN 'C' ELSE 'D' END AS class,
	CASE WHEN r2 < 0.2 THEN 'A' WHEN r2 < 0.8 THEN 'B' WHEN r2 < 0.9 THEN 'C' ELSE 'D' END AS class_prev,
	CASE WHEN r3 < 0.1 THEN '{zjtx}' ELSE '{}' END::text[] AS tiers,
	CASE WHEN r4 < 0.002 THEN '{xjr}' WHEN r4 < 0.02 THEN '{zjtx}' WHEN r4 < 0.05 THEN '{xiaoshenggui}'
		 ELSE '{}' END::text[] AS new_tiers,
	CASE WHEN r5 < 0.4 THEN '规上' ELSE '规下' END AS scope,
	CASE WHEN r6 < 0.01 THEN 1 + (r6 * 1000)::int % 4 ELSE 0 END AS listing_stage,
	(CASE WHEN r7 < 0.5 THEN (1 + (r7 * 1000)::int % 59) * 500000 ELSE 0 END)::numeric::yuan AS loan_amount,
	DATE '2025-01-01' + (r8 * 364)::int AS loan_start,
	DATE '2025-01-01' + (r8 * 364)::int + 90 + (r9 * 300)::int AS loan_end,
	(CASE WHEN r10 < 0.3 THEN round((r10 * 1e8)::numeric, 2) ELSE 0 END)::yuan AS investment,
	round((1000000 + r11 ^ 2 * 300000000)::numeric, 2)::yuan AS revenue,
	round(((1000000 + r11 ^ 2 * 300000000) / (0.8 + r12 * 0.5))::numeric, 2)::yuan AS revenue_prev1,
	round((r13 * 5000)::numeric, 2) AS electricity,
	round((r14 * 200000)::numeric, 1) AS water_t,
	round((1 + r15 * 200)::numeric, 4)::mu_area AS land
FROM (
	SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
		random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10,
		random() AS r11, random() AS r12, random() AS r13, random() AS r14, random() AS r15
	FROM generate_series(1, $ROWS) i
) s;
VACUUM (FREEZE, ANALYZE) bench_firms;
SQL
psql_do -q -o /dev/null -f "$HERE/policies.sql"

A="SELECT policy, count(*) FILTER (WHERE eligible) AS eligible, round(sum(amount)::numeric, 2) AS amount
FROM policy_evaluate('bench', 2025, 'SELECT * FROM bench_firms') GROUP BY policy ORDER BY policy;"
B=$(grep -v '^--' "$HERE/baseline.sql")

say "the two routes agree, policy by policy (eligible firms, amount in 元)"
psql_do -At -c "SELECT 'table size: ' || pg_size_pretty(pg_relation_size('bench_firms'))"
psql_do -At -F ' ' <<<"$A" >/tmp/bench_policy_a.$$
psql_do -At -F ' ' <<<"$B" >/tmp/bench_policy_b.$$
paste -d ' ' /tmp/bench_policy_a.$$ /tmp/bench_policy_b.$$ |
	awk '{ printf "%-18s engine %8s %16.2f | plain SQL %8s %16.2f  %s\n", $1, $2, $3, $5, $6,
		($1 "" == $4 "" && $2 "" == $5 "" && $3 "" == $6 "") ? "same" : "DIFFERENT" }'
rm -f /tmp/bench_policy_a.$$ /tmp/bench_policy_b.$$

say "timing (ms, best of $RUNS interleaved rounds after a warm-up round)"
read -r t_engine t_sql < <(pair_ms '' "$A" '' "$B")
echo "policy_evaluate       $t_engine ms"
echo "plain SQL (baseline)  $t_sql ms"
awk -v a="$t_engine" -v b="$t_sql" 'BEGIN { printf "ratio policy_evaluate / plain SQL = %.2f (target <= 1.5)\n", a / b }'

# The same without the budget (the nine other policies): the plain SQL's window functions
# over the budget policy's rows are its largest cost, so this is the harder comparison.
A9="SELECT policy, count(*) FILTER (WHERE eligible) AS eligible, round(sum(amount)::numeric, 2) AS amount
FROM policy_evaluate('bench', 2025, 'SELECT * FROM bench_firms',
	'{p01_loan,p02_equip,p04_breakthrough,p05_tier,p06_upgrade,p07_listing,p08_power,p09_water,p10_land}')
GROUP BY policy ORDER BY policy;"
B9="$(sed -n '/^WITH f AS/,/^), budget AS/p' "$HERE/baseline.sql" | sed '$d')
)
SELECT policy, count(*) FILTER (WHERE eligible) AS eligible,
	round(sum(CASE WHEN eligible THEN amount ELSE 0 END), 2) AS amount
FROM r WHERE policy <> 'p03_scale' GROUP BY policy ORDER BY policy;"
if [ "$(psql_do -At <<<"$A9")" = "$(psql_do -At <<<"$B9")" ]; then
	echo "nine policies without the budget: same eligible firms and totals"
else
	echo "nine policies without the budget: DIFFERENT"
fi
read -r t_engine t_sql < <(pair_ms '' "$A9" '' "$B9")
echo "policy_evaluate (9)   $t_engine ms"
echo "plain SQL (9)         $t_sql ms"
awk -v a="$t_engine" -v b="$t_sql" 'BEGIN { printf "ratio without the budget = %.2f (target <= 1.5)\n", a / b }'
