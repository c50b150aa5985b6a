-- Growth statistics: growth, status, phrases, two-year and CAGR rates, 百分点,
-- 拉动 and 贡献率 (scalar functions).  The aggregates are in growth_agg.sql.

-- ---- oracles (SPEC §3, domain-research.md §7) ----
-- O1 Lishui 亩均税收 2017 12.01, 2018 17.5 (+45.7%), 2019 18.9 (+8.0%)
SELECT growth(17.5, 12.01) AS g2018, growth_phrase(17.5, 12.01) AS p2018,
	growth(18.9, 17.5) AS g2019, growth_phrase(18.9, 17.5) AS p2019;
-- the same series as yuan_per_mu (万元/亩), float8 and int8 (stored in 10^-2): identical
SELECT growth('17.5万元/亩'::yuan_per_mu, '12.01万元/亩'::yuan_per_mu) AS per_mu,
	growth(17.5::float8, 12.01::float8) AS float8,
	growth(1750::int8, 1201::int8) AS int8,
	growth_phrase('18.9万元/亩'::yuan_per_mu, '17.5万元/亩'::yuan_per_mu) AS phrase;
-- O4 NBS 2021 1-2月 profits: 11140.1亿元, 增长1.79倍; +72.1% against 2019 -> 两年平均 31.2%
SELECT growth_phrase('11140.1亿元'::yuan, '3992.9亿元'::yuan) AS multiple,
	growth('11140.1亿元'::yuan, '3992.9亿元'::yuan) AS pct,
	growth_2y_avg(172.1, 100) AS two_year, round(growth_2y_avg(172.1, 100), 1) AS rounded,
	growth_2y_avg('11140.1亿元'::yuan, '6473.05亿元'::yuan) AS from_levels;
-- 18.2% against 21.8% -> 回落3.6个百分点
SELECT pp(18.2, 21.8) AS pp, pp_phrase(18.2, 21.8) AS fall, pp_phrase(21.8, 18.2) AS rise,
	pp_phrase(18.2::float8, 21.8::float8) AS fall_f8, pp(18.2::float8, 21.8::float8) AS pp_f8;

-- ---- every status, with its phrase ----
SELECT c, b, growth_status(c, b), growth(c, b), growth_phrase(c, b)
FROM (VALUES (110.0, 100.0), (0, 100), (-5, 100), (5, 0), (0, 0), (-5, 0),
	(5, -100), (0, -100), (-150, -100), (-50, -100), (-100, -100)) v(c, b);
-- the status agrees for every argument type
SELECT DISTINCT growth_status(c, b) = growth_status(c::float8, b::float8) AND
	growth_status(c, b) = growth_status(c::int8, b::int8) AND
	growth_status(c, b) = growth_status(c::yuan, b::yuan) AND
	growth_status(c, b) = growth_status(c::mu_area, b::mu_area) AND
	growth_status(c, b) = growth_status(c::yuan_per_mu, b::yuan_per_mu) AS same
FROM (VALUES (110, 100), (-5, 100), (5, 0), (5, -100), (-150, -100), (-50, -100), (-100, -100)) v(c, b);

-- ---- NULLs and invalid bases ----
SELECT growth(NULL::numeric, 1) AS null_current, growth(1, NULL::numeric) AS null_base,
	growth(1, 0) AS zero_base, growth(1, -1) AS negative_base, growth(-5, 10) AS negative_current,
	growth_status(NULL::numeric, 1) AS status, growth_phrase(1, 0) AS phrase_zero,
	growth_phrase(1, 2, NULL) AS null_digits, pp(NULL::numeric, 1) AS pp,
	pp_phrase(1, NULL::numeric) AS pp_phrase;
SELECT growth('NaN'::numeric, 1);
SELECT growth(1, 'Infinity'::numeric);
SELECT growth_status('-Infinity'::float8, 1);
SELECT growth_phrase('NaN'::float8, 1);

-- ---- rounding: exact decimal, half away from zero (四舍五入), exactly `digits` decimals ----
SELECT c, growth(c, 100) AS pct, growth_phrase(c, 100) AS d1, growth_phrase(c, 100, 0) AS d0,
	growth_phrase(c, 100, 2) AS d2, growth_phrase(c, 100, 3) AS d3
FROM (VALUES (100.05), (100.0499999), (99.95), (99.9500001), (100.04), (100),
	(112.5), (87.5), (96.9), (199.99), (199.9499)) v(c);
-- float8 is read as its shortest decimal: 100.05 is 100.05, so 0.05% -> 0.1%
-- (computing in float8, (100.05 - 100) / 100 * 100 is 0.04999999999999716)
SELECT growth(100.05::float8, 100::float8) AS pct, growth_phrase(100.05::float8, 100::float8) AS phrase,
	(100.05::float8 - 100) / 100 * 100 AS float_arithmetic,
	growth_phrase(0.3::float8, 0.1::float8 + 0.2::float8, 16) AS shortest_digits;
-- growth >= 100% is a multiple with two decimals, rounded half away from zero
SELECT c, growth_phrase(c, 100) AS phrase
FROM (VALUES (200), (279), (278.5), (278.4999), (1100), (1000099.5)) v(c);
-- digits: 0 to 16
SELECT growth_phrase(1, 3, 16) AS sixteen, pp_phrase(1, 1.0000000000000001, 16) AS pp16;
SELECT growth_phrase(1, 3, -1);
SELECT growth_phrase(1, 3, 17);
SELECT pp_phrase(1, 3, 17);
-- pp rounding at .5 boundaries
SELECT pp_phrase(18.25, 18.2) AS up, pp_phrase(18.24, 18.2) AS flat, pp_phrase(18.15, 18.2) AS down,
	pp_phrase(18.2, 18.2) AS same, pp_phrase(18.249, 18.2, 2) AS two, pp_phrase(19, 18.2, 0) AS zero_digits;

-- ---- huge values: the ends of the int64 types and of float8 ----
SELECT growth('92233720368547758.07元'::yuan, '0.01元'::yuan) AS max_over_fen,
	growth_phrase('92233720368547758.07元'::yuan, '0.01元'::yuan) AS phrase,
	growth('-92233720368547758.08元'::yuan, '92233720368547758.07元'::yuan) AS min_over_max,
	growth_status('-92233720368547758.08元'::yuan, '-0.01元'::yuan) AS status_min;
SELECT growth(9223372036854775807::int8, 9223372036854775806::int8) AS near_one,
	growth_phrase((-9223372036854775808)::int8, 9223372036854775807::int8) AS turn_loss,
	growth_2y_avg(9223372036854775807::int8, 1::int8) AS two_year,
	cagr(1::int8, 9223372036854775807::int8, 63) AS cagr63;
SELECT growth_phrase(1e308::float8, 1e307::float8) AS f8_multiple,
	growth(5e-324::float8, 1e-323::float8) AS denormals;

-- ---- two-year average (两年平均) and CAGR (年均增长) ----
SELECT growth_2y_avg(121, 100) AS exact_square, growth_2y_avg(0, 100) AS to_zero,
	growth_2y_avg(100, 0) AS zero_base, growth_2y_avg(100, -1) AS negative_base,
	growth_2y_avg(-1, 100) AS negative_current, growth_2y_avg('121亩'::mu_area, '100亩'::mu_area) AS mu;
SELECT cagr(100, 121, 2) AS two, cagr(100, 133.1, 3) AS three, cagr(100, 100, 5) AS flat,
	cagr(100, 150, 1) = growth(150, 100) AS one_year_is_growth, cagr(100, 0, 4) AS to_zero,
	cagr(0, 100, 2) AS zero_first, cagr(100, -1, 2) AS negative_last,
	cagr(2298::float8, 3000::float8, 5) AS f8, cagr(NULL::numeric, 1, 2) AS null_first;
SELECT cagr(100, 121, 0);
SELECT cagr(100, 121, -3);

-- ---- 拉动 and 贡献率: a total of 1000 -> 1082 (+8.2%) made of two parts ----
SELECT part, growth(cur, base) AS part_growth, growth_pull(cur, base, 1000) AS pull_pp,
	growth_contribution(cur, base, 1082, 1000) AS contribution_pct
FROM (VALUES ('A', 360::numeric, 300::numeric), ('B', 722, 700)) v(part, cur, base);
-- the pulls add up to the total growth and the contributions to 100
SELECT sum(growth_pull(cur, base, sum_base)) AS pulls, growth(sum(cur), sum(base)) AS total_growth,
	sum(growth_contribution(cur, base, sum_cur, sum_base)) AS contributions
FROM (SELECT cur, base, sum(cur) OVER () AS sum_cur, sum(base) OVER () AS sum_base
	FROM (VALUES (360.0, 300.0), (722, 700)) v(cur, base)) w;
SELECT growth_pull(60::int8, 50::int8, 0::int8) AS zero_total_base,
	growth_contribution(60::int8, 50::int8, 100::int8, 100::int8) AS flat_total,
	growth_contribution(-10::float8, 0::float8, -40::float8, 0::float8) AS share_of_decline;

-- ---- every overload agrees with numeric on the exact values ----
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE growth(cm, bm) = growth(cy, by)) AS yuan,
	count(*) FILTER (WHERE growth(cm * 100, bm * 100) = growth((cm * 100)::int8, (bm * 100)::int8)) AS int8,
	count(*) FILTER (WHERE growth(cm, bm) = growth(cm::mu_area, bm::mu_area)) AS mu_area,
	count(*) FILTER (WHERE growth(cm, bm) = growth(cm::yuan_per_mu, bm::yuan_per_mu)) AS per_mu,
	count(*) FILTER (WHERE growth(cm, bm) = growth(cm::float8, bm::float8)) AS float8,
	count(*) FILTER (WHERE growth_phrase(cm, bm, 2) = growth_phrase(cy, by, 2)) AS phrase,
	count(*) FILTER (WHERE growth_2y_avg(cm, bm) = growth_2y_avg(cy, by)) AS two_year,
	count(*) FILTER (WHERE cagr(bm, cm, 3) = cagr(by, cy, 3)) AS cagr
FROM (SELECT round((i * 7919 % 100003) / 100.0, 2) AS cm, round((i * 104729 % 100019) / 100.0 + 0.01, 2) AS bm
	FROM generate_series(1, 500) i) v
	CROSS JOIN LATERAL (SELECT cm::yuan AS cy, bm::yuan AS by) t;

-- ---- 累计 period labels ----
SELECT ytd_label('2024-01-31') AS jan, ytd_label('2024-02-29') AS feb, ytd_label('2024-05-15') AS may,
	ytd_label('2024-12-01', '—') AS nbs_dash, ytd_label('2024-05-15', '-') AS ascii_dash;
SELECT ytd_label('infinity');

-- ---- argument names, for named notation ----
SELECT growth(base => 17.5, current => 18.9) AS named,
	growth_phrase(current => 18.9, base => 17.5, digits => 2) AS named_digits,
	cagr(first => 100, last => 121, years => 2) AS named_cagr;

-- 1.1: roots keep relative precision (the ratio was rounded to 40 decimals before the root)
SELECT cagr(1e50, 1, 10) AS shrink_1e50, cagr(3e34, 1, 5) AS shrink_3e34, cagr(1, 1e50, 10) AS grow_1e50,
	growth_2y_avg(1, 1e20) AS two_year_1e20, cagr(1e50::float8, 1::float8, 10) AS float8,
	cagr('1亿元'::yuan, '0.01元'::yuan, 10) AS yuan_tiny_ratio;
-- the same to documented precision (16 decimals) as an independent numeric computation
SELECT cagr(3e34, 1, 5) = round((exp(ln(1::numeric(200, 100) / 3e34) / 5) - 1) * 100, 16) AS shrink_matches,
	cagr(1, 7, 3) = round((exp(ln(7::numeric(60, 50)) / 3) - 1) * 100, 16) AS cube_root_matches,
	cagr(1, 1e300, 3) AS huge_root, cagr(2, 0, 4) AS to_zero;

-- 1.1: phrase conventions as arguments; the defaults are the 1.0 wording
SELECT growth_phrase(730, 100) AS default_multiple, growth_phrase(730, 100, multiple_digits => 1) AS one_decimal_multiple,
	growth_phrase(207, 100, multiples => false) AS percent_above_100, '累计' || growth_phrase(212.8, 100, 1, false) AS cumulative,
	growth_phrase(199.99, 100, multiples => false, digits => 2) AS just_below;
SELECT growth_phrase(5, -100) AS default_turn, growth_phrase(5, -100, turn_profit => '扭亏为盈') AS turnaround,
	growth_phrase(-5, 100, turn_profit => '扭亏为盈') AS turn_loss_unchanged,
	growth_phrase('11140.1亿元'::yuan, '3992.9亿元'::yuan, multiple_digits => 1) AS yuan_multiple,
	growth_phrase(7.3::float8, 1::float8, 1, true, 0) AS float8_multiple;
SELECT pp_phrase(5.2, 8.8) AS default_verbs, pp_phrase(5.2, 8.8, verbs => '上升/下降') AS down,
	pp_phrase(8.8, 5.2, 1, '上升/下降') AS up, pp_phrase(8.8::float8, 5.2::float8, verbs => '上升/下降') AS float8,
	pp_phrase(5, 5, verbs => '上升/下降') AS flat;
SELECT growth_phrase(1, 2, turn_profit => '转盈');
SELECT growth_phrase(1, 2, 1, true, 17);
SELECT pp_phrase(1, 2, verbs => '增加/减少');
SELECT growth_phrase(1, 2, multiples => NULL) IS NULL AS strict;

-- 1.1: ytd_label separators that cannot be read wrongly
SELECT ytd_label('2024-02-01', '-') AS dash, ytd_label('2024-02-01', ' 至 ') AS spaced, ytd_label('2024-01-31', '~') AS january;
SELECT ytd_label('2024-02-01', '');
SELECT ytd_label('2024-02-01', '0');
SELECT ytd_label('2024-02-01', '至1');
SELECT ytd_label('2024-01-31', '');
