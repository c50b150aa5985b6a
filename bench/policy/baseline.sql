-- bench/policy/baseline.sql: the ten policies of policies.sql as the plain SQL a user
-- would write: one scan, each policy's eligibility and amount in 元 with CASE, rounded
-- half away from zero to the 分 (numeric round), the scale reward's budget shared pro
-- rata in 分 with the largest remainder (window functions).  Per policy: eligible firms
-- and the total amount.
WITH f AS (
	SELECT i, credit_code, class, class_prev, tiers, new_tiers, scope, listing_stage,
		loan_amount::numeric AS loan, loan_start, loan_end, investment::numeric AS inv,
		revenue::numeric AS rev, revenue_prev1::numeric AS rev1, electricity, water_t,
		land::numeric AS land_mu,
		(loan_start + interval '1 year')::date - loan_start AS yd
	FROM bench_firms
	OFFSET 0
), r AS (
	SELECT f.i, p.policy, p.eligible, p.amount
	FROM f CROSS JOIN LATERAL (VALUES
		('p01_loan', 'zjtx' = ANY (f.tiers) AND f.loan > 0,
		 least(round(f.loan * 0.01 * least(f.loan_end - f.loan_start, f.yd) / f.yd, 2), 100000)),
		('p02_equip', f.scope = '规上' AND f.inv > 0, least(round(f.inv * 0.1, 2), 5000000)),
		('p03_scale', f.rev >= 20000000,
		 CASE WHEN f.rev >= 100000000 THEN 500000 WHEN f.rev >= 50000000 THEN 300000 ELSE 100000 END),
		('p04_breakthrough',
		 CASE WHEN f.rev >= 100000000 THEN 4 WHEN f.rev >= 50000000 THEN 3 WHEN f.rev >= 20000000 THEN 2
			  WHEN f.rev >= 10000000 THEN 1 ELSE 0 END
		 > CASE WHEN f.rev1 >= 100000000 THEN 4 WHEN f.rev1 >= 50000000 THEN 3 WHEN f.rev1 >= 20000000 THEN 2
			  WHEN f.rev1 >= 10000000 THEN 1 ELSE 0 END,
		 CASE WHEN f.rev >= 100000000 THEN 1000000 WHEN f.rev >= 50000000 THEN 500000
			  WHEN f.rev >= 20000000 THEN 200000 ELSE 100000 END),
		('p05_tier', f.new_tiers && '{xiaoshenggui,zjtx,xjr}'::text[],
		 CASE WHEN 'xjr' = ANY (f.new_tiers) THEN 500000 WHEN 'zjtx' = ANY (f.new_tiers) THEN 200000
			  ELSE 100000 END),
		('p06_upgrade', f.class = 'C' AND f.class_prev = 'D', 50000),
		('p07_listing', f.listing_stage BETWEEN 1 AND 4,
		 round(2000000 * 0.25 * f.listing_stage, 2) - round(2000000 * 0.25 * (f.listing_stage - 1), 2)),
		('p08_power', f.class IN ('C', 'D'),
		 round(f.electricity * 10000 * CASE f.class WHEN 'C' THEN 0.05 ELSE 0.10 END, 2)),
		('p09_water', f.class IN ('C', 'D'),
		 round(f.water_t * CASE f.class WHEN 'C' THEN 0.5 ELSE 1.0 END, 2)),
		('p10_land', f.class IN ('A', 'B'),
		 round(f.land_mu * 10000 * 6 * CASE f.class WHEN 'A' THEN 1 ELSE 0.5 END / 15, 2))
	) AS p(policy, eligible, amount)
), budget AS (
	-- p03_scale: 1亿元 shared pro rata in 分, the 分 left over to the largest remainders
	SELECT i, share + (row_number() OVER (ORDER BY rem DESC, i) <= left_over)::int AS fen
	FROM (
		SELECT i, share, rem, (10000000000 - sum(share) OVER ()) AS left_over
		FROM (
			SELECT i, div(fen * 10000000000, total) AS share, mod(fen * 10000000000, total) AS rem
			FROM (SELECT i, amount * 100 AS fen, sum(amount * 100) OVER () AS total
				  FROM r WHERE policy = 'p03_scale' AND eligible) s
		) s
	) s
)
SELECT r.policy, count(*) FILTER (WHERE r.eligible) AS eligible,
	round(sum(CASE WHEN NOT r.eligible THEN 0
			 WHEN r.policy = 'p03_scale' THEN b.fen / 100.0
			 ELSE r.amount END), 2) AS amount
FROM r LEFT JOIN budget b ON r.policy = 'p03_scale' AND b.i = r.i
GROUP BY r.policy ORDER BY r.policy;
