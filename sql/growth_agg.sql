-- Growth aggregates: 累计 (ytd_growth, ytd_current, ytd_base), 可比口径
-- (comparable_growth, comparable_current, comparable_base), their state type
-- growth_state, and parallel plans.

-- ---- a district's monthly 规上工业产值 ----
CREATE TABLE growth_district (period date, output yuan);
INSERT INTO growth_district
SELECT make_date(2022, m, 1), '10亿元' FROM generate_series(1, 12) m;
INSERT INTO growth_district VALUES
	('2023-01-01', '13亿元'), ('2023-02-01', '12.5亿元'), ('2023-03-01', '14亿元'),
	('2023-04-01', '14.83亿元'), ('2023-05-01', '15亿元'), ('2023-06-01', '15.2亿元'),
	('2024-01-01', '14亿元'), ('2024-02-01', '13.52亿元'), ('2024-03-01', '15.5亿元'),
	('2024-04-01', '16亿元'), ('2024-05-31', '16亿元'), ('2024-06-01', '16.1亿元'),
	('2025-01-01', '17亿元');
INSERT INTO growth_district
SELECT make_date(2023, m, 1), '15亿元' FROM generate_series(7, 12) m;

-- the bulletin sentence, one scan (the three aggregates share one transition)
SELECT format('%s，规上工业产值%s，同比%s', ytd_label(d),
	ytd_current(output, period, d),
	growth_phrase(ytd_current(output, period, d), ytd_base(output, period, d))) AS bulletin,
	ytd_growth(output, period, d) AS growth
FROM growth_district, (VALUES ('2024-05-31'::date)) a(d)
GROUP BY d;

-- as_of anywhere in a month means January..that month; as_of in January is 1月 alone;
-- rows of other years are ignored; an empty side gives NULL; months missing from the
-- data are simply absent from the sum (as_of 2024-12-31 against a complete 2023)
SELECT d AS as_of, ytd_label(d) AS label, ytd_current(output, period, d) AS current,
	ytd_base(output, period, d) AS base, ytd_growth(output, period, d) AS growth,
	growth_phrase(ytd_current(output, period, d), ytd_base(output, period, d)) AS phrase
FROM growth_district, (VALUES ('2024-05-01'::date), ('2024-05-31'), ('2024-06-30'), ('2024-01-20'),
	('2025-01-15'), ('2023-03-31'), ('2024-12-31'), ('2026-03-01'), ('2022-05-01')) a(d)
GROUP BY d ORDER BY d;

-- the same as the plain-SQL way with two FILTER sums, for every as_of of 2022..2026
SELECT count(*) AS months_checked,
	count(*) FILTER (WHERE ytd_c IS NOT DISTINCT FROM plain_c AND ytd_b IS NOT DISTINCT FROM plain_b
		AND ytd_g IS NOT DISTINCT FROM growth(plain_c, plain_b)) AS same
FROM (SELECT d, ytd_current(output, period, d)::numeric AS ytd_c, ytd_base(output, period, d)::numeric AS ytd_b,
		ytd_growth(output, period, d) AS ytd_g,
		sum(output::numeric) FILTER (WHERE period >= date_trunc('year', d)::date
			AND period < (date_trunc('month', d) + interval '1 month')::date) AS plain_c,
		sum(output::numeric) FILTER (WHERE period >= (date_trunc('year', d) - interval '1 year')::date
			AND period < (date_trunc('month', d) - interval '11 months')::date) AS plain_b
	FROM growth_district, (SELECT g::date FROM generate_series('2022-01-15'::date, '2026-12-15', interval '1 month') g) g(d)
	GROUP BY d) s;

-- every argument type gives the same growth; sums come back in the value's type
-- (numeric for numeric, int8 and float8)
SELECT ytd_growth(output::numeric, period, '2024-05-31') AS num,
	ytd_growth(output::float8, period, '2024-05-31') AS f8,
	ytd_growth((output::numeric * 100)::int8, period, '2024-05-31') AS int8,
	ytd_growth(output::numeric::mu_area, period, '2024-05-31') AS mu,
	ytd_growth(output::numeric::yuan_per_mu, period, '2024-05-31') AS per_mu
FROM growth_district;
SELECT ytd_current(output::numeric, period, '2024-05-31') AS num,
	ytd_current(output::float8, period, '2024-05-31') AS f8,
	ytd_base((output::numeric * 100)::int8, period, '2024-05-31') AS int8_fen,
	ytd_current(output::numeric::mu_area, period, '2024-05-31') AS mu,
	ytd_base(output::numeric::yuan_per_mu, period, '2024-05-31') AS per_mu
FROM growth_district;

-- empty input
SELECT ytd_growth(output, period, '2024-05-31') AS growth, ytd_current(output, period, '2024-05-31') AS current,
	ytd_base(output::float8, period, '2024-05-31') AS base
FROM growth_district WHERE false;

-- ---- firms: a missing month, a new firm, a firm that left, NULLs ----
CREATE TABLE growth_firm (firm text, period date, output yuan);
INSERT INTO growth_firm
SELECT 'a', make_date(y, m, 1), CASE y WHEN 2023 THEN '100万元'::yuan ELSE '110万元' END
FROM generate_series(2023, 2024) y, generate_series(1, 5) m;
INSERT INTO growth_firm
SELECT 'b', make_date(y, m, 1), CASE y WHEN 2023 THEN '200万元'::yuan ELSE '220万元' END
FROM generate_series(2023, 2024) y, generate_series(1, 5) m
WHERE (y, m) <> (2024, 3);
INSERT INTO growth_firm VALUES ('c', '2024-02-01', '50万元'), ('d', '2023-02-01', '40万元'),
	('a', '2024-04-15', NULL), ('a', NULL, '999万元'), ('b', 'infinity', '999万元'), ('b', '-infinity', '999万元');
SELECT firm, ytd_current(output, period, '2024-05-31') AS current, ytd_base(output, period, '2024-05-31') AS base,
	ytd_growth(output, period, '2024-05-31') AS growth,
	growth_phrase(ytd_current(output, period, '2024-05-31'), ytd_base(output, period, '2024-05-31')) AS phrase
FROM growth_firm GROUP BY firm ORDER BY firm;
-- a NULL as_of leaves the row out, like any NULL argument
SELECT ytd_current(output, period, CASE WHEN firm = 'a' THEN '2024-05-31'::date END) AS only_a
FROM growth_firm;
-- as_of must be the same for every row of a group
SELECT ytd_growth(output, period, CASE WHEN firm = 'a' THEN '2024-05-31'::date ELSE '2024-04-30' END)
FROM growth_firm;
SELECT ytd_growth(output, period, 'infinity') FROM growth_firm;
-- as a window function: the running 累计 of 2024 month by month
SELECT period, ytd_current(output, period, '2024-05-31') OVER (ORDER BY period) AS running
FROM growth_district WHERE period >= '2024-01-01' AND period < '2024-06-01' ORDER BY period;

-- ---- 可比口径 (O5): 2018 1-5月 profits 27298.3亿 against a published 29047.6亿 ----
-- firms d (new) and e, f (left the 规上 set) are not comparable
CREATE TABLE growth_caliber (firm text, profit_2018 yuan, profit_2017 yuan);
INSERT INTO growth_caliber VALUES
	('a', '15000亿元', '12800亿元'), ('b', '8198.3亿元', '7050亿元'), ('c', '4000亿元', '3500亿元'),
	('d', '100亿元', NULL), ('e', NULL, '4000亿元'), ('f', NULL, '1697.6亿元');
SELECT sum(profit_2018::numeric) AS published_2018, sum(profit_2017::numeric) AS published_2017,
	growth_phrase(sum(profit_2018::numeric), sum(profit_2017::numeric)) AS naive,
	comparable_current(profit_2018, profit_2017) AS comparable_2018,
	comparable_base(profit_2018, profit_2017) AS comparable_2017,
	comparable_growth(profit_2018, profit_2017) AS growth,
	growth_phrase(comparable_current(profit_2018, profit_2017), comparable_base(profit_2018, profit_2017)) AS phrase
FROM growth_caliber;
SELECT comparable_growth(profit_2018::numeric, profit_2017::numeric) AS num,
	comparable_growth(profit_2018::float8, profit_2017::float8) AS f8,
	comparable_growth((profit_2018::numeric * 100)::int8, (profit_2017::numeric * 100)::int8) AS int8,
	comparable_current(profit_2018::float8, profit_2017::float8) AS f8_current,
	comparable_base((profit_2018::numeric * 100)::int8, (profit_2017::numeric * 100)::int8) AS int8_base,
	comparable_current(profit_2018::numeric::mu_area, profit_2017::numeric::mu_area) AS mu,
	comparable_base(profit_2018::numeric::yuan_per_mu, profit_2017::numeric::yuan_per_mu) AS per_mu
FROM growth_caliber;
SELECT comparable_growth(profit_2018, profit_2017) AS growth, comparable_current(profit_2018, profit_2017) AS current
FROM growth_caliber WHERE firm IN ('d', 'e');
-- a loss-making comparable base gives no percentage
SELECT comparable_growth(c, b) FROM (VALUES (5::int8, -3::int8), (1, 2)) v(c, b);

-- ---- sums at the range ends are exact (int128 state), the result type is range-checked ----
SELECT ytd_current(v, p, '2024-01-31') AS int8_sum, ytd_base(v, p, '2024-01-31') AS int8_base,
	ytd_growth(v, p, '2024-01-31') AS growth
FROM (VALUES (9223372036854775807::int8, '2024-01-01'::date), (9223372036854775807, '2024-01-02'),
	(9223372036854775807, '2023-01-01')) t(v, p);
SELECT ytd_current(v, '2024-01-01', '2024-01-31') FROM (VALUES ('92233720368547758.07元'::yuan), ('0.01元')) t(v);
SELECT ytd_current(v, '2024-01-01', '2024-01-31') FROM (VALUES ('92233720368547758.07元'::yuan), ('-0.01元')) t(v);
SELECT comparable_base(c, b) FROM (VALUES ('-92233720368547758.08元'::yuan, '-92233720368547758.08元'::yuan),
	('0元', '-0.01元')) t(c, b);
SELECT ytd_current(v, '2024-01-01', '2024-01-31') FROM (VALUES ('NaN'::numeric)) t(v);

-- ---- growth_state: text form, direct calls, errors ----
SELECT s::growth_state AS state, s::growth_state::text = s AS round_trip
FROM (VALUES ('(yuan,,0,0,0,0)'), ('(yuan,2024-05-31,5,750200000000,5,693300000000)'),
	('(int8,,3,-27670116110564327424,1,9223372036854775807)'),
	('(numeric,2024-02-29,2,10.50,1,-0.000001)'), ('(float8,,1,0.30000000000000004,0,0)'),
	('(mu_area,0001-01-01,1,1,0,0)'), ('(yuan_per_mu,-4713-11-24,0,0,1,7)')) v(s);
SELECT ytd_accum(ytd_accum('(yuan,,0,0,0,0)', '1元'::yuan, '2024-01-01', '2024-03-01'),
		'2元'::yuan, '2023-02-01', '2024-03-01') AS two_rows,
	ytd_accum('(numeric,,0,0,0,0)', 1.5, '2024-07-01', '2024-03-01') AS outside,
	comparable_accum('(float8,,0,0,0,0)', 0.1::float8, 0.2::float8) AS float8_exact,
	growth_state_combine('(yuan,2024-03-01,1,100,1,200)', '(yuan,,0,0,2,50)') AS combined,
	growth_state_growth('(yuan,2024-05-31,1,110,1,100)') AS growth,
	growth_state_current_yuan('(yuan,,2,750200000000,0,0)') AS current;
SELECT growth_state_combine('(yuan,2024-03-01,1,100,1,200)', '(yuan,2024-04-01,0,0,0,0)');
SELECT growth_state_combine('(yuan,,0,0,0,0)', '(mu_area,,0,0,0,0)');
SELECT ytd_accum('(numeric,,0,0,0,0)', 1::int8, '2024-01-01', '2024-03-01');
SELECT growth_state_combine('(int8,,9223372036854775807,0,0,0)', '(int8,,1,1,0,0)');
SELECT growth_state_combine('(numeric,,9223372036854775807,0,0,0)', '(numeric,,1,1,0,0)');
SELECT ytd_accum('(int8,2024-03-01,9223372036854775807,0,0,0)', 1::int8, '2024-01-01', '2024-03-01');
SELECT '(yuan,,0,1,0,0)'::growth_state;
SELECT '(money,,0,0,0,0)'::growth_state;
SELECT '(yuan,2024-02-30,0,0,0,0)'::growth_state;
SELECT '(yuan,2024/02/01,0,0,0,0)'::growth_state;
SELECT '(yuan,,1,1.5,0,0)'::growth_state;
SELECT '(numeric,,1,1e5,0,0)'::growth_state;
SELECT '(yuan,,-1,0,0,0)'::growth_state;
SELECT '(int8,,1,170141183460469231731687303715884105728,0,0)'::growth_state;
SELECT '(yuan,,0,0,0)'::growth_state;
SELECT '(yuan,,0,0,0,0) x'::growth_state;
SELECT 'yuan,,0,0,0,0'::growth_state;
SELECT '(yuan,,0,0,0,)'::growth_state;
-- binary form: the text, so COPY BINARY round-trips through the same validation
SELECT growth_state_send('(yuan,,0,0,0,0)') AS send;

-- ---- parallel plans: identical results ----
CREATE TABLE growth_par AS
SELECT i % 97 AS firm, make_date(2023 + (i % 3), 1 + (i % 12), 1 + (i % 28)) AS period,
	((i * 7919) % 1000003 - 400000)::numeric * 100 + (i % 100) AS amount
FROM generate_series(1, 60000) i;
ANALYZE growth_par;
CREATE TEMP TABLE growth_serial AS
SELECT ytd_growth(amount::yuan, period, '2024-08-31') AS g_yuan, ytd_current(amount::yuan, period, '2024-08-31') AS c_yuan,
	ytd_growth(amount, period, '2024-08-31') AS g_num, ytd_base(amount / 7, period, '2024-08-31') AS b_num,
	ytd_growth(amount::float8 / 3, period, '2024-08-31') AS g_f8, ytd_current(amount::float8 / 3, period, '2024-08-31') AS c_f8,
	comparable_growth(amount::int8, (amount / 2 + firm)::int8) AS cg_int8,
	comparable_base(amount::mu_area, CASE WHEN firm % 5 = 0 THEN NULL ELSE (amount - firm)::mu_area END) AS cb_mu
FROM growth_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT ytd_growth(amount::yuan, period, '2024-08-31'), comparable_growth(amount::int8, (amount / 2 + firm)::int8)
FROM growth_par;
SELECT (s.*) = (p.*) AS parallel_equals_serial, s.*
FROM growth_serial s,
	(SELECT ytd_growth(amount::yuan, period, '2024-08-31') AS g_yuan, ytd_current(amount::yuan, period, '2024-08-31') AS c_yuan,
		ytd_growth(amount, period, '2024-08-31') AS g_num, ytd_base(amount / 7, period, '2024-08-31') AS b_num,
		ytd_growth(amount::float8 / 3, period, '2024-08-31') AS g_f8, ytd_current(amount::float8 / 3, period, '2024-08-31') AS c_f8,
		comparable_growth(amount::int8, (amount / 2 + firm)::int8) AS cg_int8,
		comparable_base(amount::mu_area, CASE WHEN firm % 5 = 0 THEN NULL ELSE (amount - firm)::mu_area END) AS cb_mu
	FROM growth_par) p;
-- grouped: Partial HashAggregate per firm
EXPLAIN (COSTS OFF)
SELECT firm, ytd_growth(amount::yuan, period, '2024-08-31') FROM growth_par GROUP BY firm;
CREATE TEMP TABLE growth_par_groups AS
SELECT firm, ytd_growth(amount::yuan, period, '2024-08-31') AS g, ytd_base(amount::float8, period, '2024-08-31') AS b
FROM growth_par GROUP BY firm;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
	count(*) FILTER (WHERE p.g IS NOT DISTINCT FROM s.g AND p.b IS NOT DISTINCT FROM s.b) AS identical
FROM growth_par_groups p
JOIN (SELECT firm, ytd_growth(amount::yuan, period, '2024-08-31') AS g, ytd_base(amount::float8, period, '2024-08-31') AS b
	FROM growth_par GROUP BY firm) s USING (firm);
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

-- ---- labels: the aggregates are parallel safe, combine, and keep a growth_state ----
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn <> 0 AS combine,
	a.aggtranstype::regtype AS state, a.agginitval AS initcond, p.proparallel AS par
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.proname ~ '^(ytd|comparable)_' ORDER BY 1::text COLLATE "C";
-- every growth function is IMMUTABLE STRICT PARALLEL SAFE C
SELECT p.provolatile AS vol, p.proisstrict AS strict, p.proparallel AS par, l.lanname AS lang,
	count(*) AS functions
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'industry')
	AND p.prokind = 'f'
	AND p.proname ~ '^(growth|cagr|pp|ytd|comparable)'
GROUP BY 1, 2, 3, 4;

DROP TABLE growth_district, growth_firm, growth_caliber, growth_par;
