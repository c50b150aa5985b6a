# The sample district (demo/district.sql): deterministic, valid keys, the shape the
# issue asks for (sizes, groups, scopes, land, 亩均税收 medians, missing values,
# exempt/vetoed/tenant firms), and the report views built on it.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();
use File::Basename ();

# REPO: the checkout (by default the one this test is in), or a copy of its demo/ and
# test/clients/ the server's OS user can read (tools/test.sh runs TAP tests as that user)
my $repo = $ENV{REPO} // Cwd::abs_path(File::Basename::dirname(__FILE__) . '/../..');
plan skip_all => "$repo/demo/district.sql is not readable"
  unless -r "$repo/demo/district.sql";

my $node = PostgreSQL::Test::Cluster->new('district');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
		'-f', "$repo/demo/district.sql" ],
	'demo/district.sql loads');

sub sql { return $node->safe_psql('district', shift); }

# A fingerprint of every generated value: the same seed gives the same district.
my $fingerprint = q{SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
	SELECT e::text AS t FROM district.enterprise e UNION ALL
	SELECT a::text FROM district.annual a UNION ALL
	SELECT m::text FROM district.monthly m) x};

is(sql("SELECT enterprises FROM district.generate(50, 'fp')"), '50', 'a district of 50 firms');
my $fp1 = sql($fingerprint);
sql("SELECT district.generate(60, 'other')");
isnt(sql($fingerprint), $fp1, 'another seed gives another district');
sql("SELECT district.generate(50, 'fp')");
is(sql($fingerprint), $fp1, 'the same seed gives the same district again');

# bad arguments
my ($rc, $out, $err) = $node->psql('district', "SELECT district.generate(5)");
like($err, qr/number of enterprises must be between 10 and 1000000/, 'too few firms: error');
($rc, $out, $err) = $node->psql('district', "SELECT district.generate(100, 'x', '33011')");
like($err, qr/invalid administrative division code: "33011"/, 'bad region code: error');

# The default district, as tools/demo.sh loads it.
is(sql("SELECT enterprises || ' ' || annual_rows || ' ' || monthly_rows FROM district.generate()"),
	'3000 14684 20103', 'default district: 3000 firms, 5 years, 24 months');
is(sql("SELECT count(DISTINCT industry_group) || ' ' || min(n) FROM (SELECT industry_group, count(*) n FROM district.enterprise GROUP BY 1) g"),
	'5 345', 'five industry groups, each with hundreds of firms');
is(sql("SELECT string_agg(DISTINCT industry_group, ',' ORDER BY industry_group) FROM district.enterprise"),
	'新材料,生物医药,电子信息,纺织化纤,高端装备', 'the five groups of the issue');
is(sql("SELECT count(*) FILTER (WHERE credit_code_division(credit_code) = '330110') FROM district.enterprise"),
	'3000', 'every code is a valid 统一社会信用代码 registered in 330110 余杭区');
is(sql("SELECT count(DISTINCT name) FROM district.enterprise"), '3000', 'names are unique');
is(sql("SELECT string_agg(y::text, ',' ORDER BY y) FROM (SELECT DISTINCT year y FROM district.annual) x"),
	'2020,2021,2022,2023,2024', 'five years of annual data');
is(sql("SELECT min(month) || ' ' || max(month) || ' ' || count(DISTINCT month) FROM district.monthly"),
	'2023-06-01 2025-05-01 24', '24 months of monthly output');

# 规上 means 主营业务收入 of at least 2000万元 (the statistical threshold).
is(sql("SELECT count(*) FROM district.annual WHERE (scope = '规上') <> (main_revenue >= '2000万元')"),
	'0', 'scope follows the 2000万元 主营业务收入 threshold');
my ($above, $below3, $above3) = split /\|/, sql(q{
	SELECT count(*) FILTER (WHERE scope = '规上'), count(*) FILTER (WHERE scope = '规下' AND land < '3亩'),
		   count(*) FILTER (WHERE scope = '规下' AND land >= '3亩')
	  FROM district.annual WHERE year = 2024});
ok($above >= 500 && $below3 >= 500 && $above3 >= 500, "规上 $above, 规下 <3亩 $below3, 规下 ≥3亩 $above3");

# land from under a 亩 to hundreds of 亩; 亩均税收 medians in the tens of 万元/亩
is(sql("SELECT (min(land) < '1亩') || ' ' || (max(land) > '200亩') FROM district.annual"), 'true true',
	'land from under 1亩 to over 200亩');
my $median = sql(q{SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wan_yuan_per_mu(tax / land))::numeric, 1)
	FROM district.annual WHERE year = 2024 AND scope = '规上' AND land IS NOT NULL});
ok($median >= 20 && $median <= 40, "规上 median 亩均税收 $median 万元/亩 (Hangzhou publishes about 30)");
my $ratio = sql(q{SELECT round(wan_yuan_per_mu(per_mu(tax, land)), 2)
	FROM district.annual WHERE year = 2024 AND scope = '规上'});
ok($ratio >= 25 && $ratio <= 40, "规上 亩均税收 as a ratio of sums: $ratio 万元/亩");

# the mess of real data
my ($tenants, $exempt, $veto, $noland) = split /\|/, sql(q{
	SELECT count(*) FILTER (WHERE landlord IS NOT NULL), count(*) FILTER (WHERE exempt_reason IS NOT NULL),
		   count(*) FILTER (WHERE veto_reason IS NOT NULL),
		   (SELECT count(*) FROM district.annual a WHERE a.year = 2024 AND a.land IS NULL)
	  FROM district.enterprise});
ok($tenants > 20 && $exempt > 0 && $veto > 5, "tenants $tenants, exempt $exempt, vetoed $veto");
is($noland, $tenants, 'tenants hold no land of their own');
is(sql("SELECT count(*) FROM district.enterprise t JOIN district.annual a ON a.credit_code = t.landlord AND a.year = 2024 WHERE a.land < '20亩'"),
	'0', 'landlords hold at least 20亩');
my ($noemission, $noenergy, $noemployees, $norevenue) = split /\|/, sql(q{
	SELECT count(*) FILTER (WHERE emission_t IS NULL), count(*) FILTER (WHERE energy_tce IS NULL),
		   count(*) FILTER (WHERE employees IS NULL), count(*) FILTER (WHERE revenue IS NULL)
	  FROM district.annual WHERE year = 2024});
ok($noemission > 100 && $noenergy > 50 && $noemployees > 0, "missing: emission $noemission, energy $noenergy, employees $noemployees");
is($norevenue, '0', 'revenue is never missing (it decides the scope)');
is(sql("SELECT count(*) FROM district.annual WHERE year = 2022 AND tax < '0元'") > 0 ? 'some' : 'none',
	'some', 'a few firms had net VAT refunds in 2022 (negative tax)');

# the input view carries the names the engines read
my $cols = sql(q{SELECT string_agg(attname, ',' ORDER BY attname) FROM pg_attribute
	WHERE attrelid = 'district.firm_year'::regclass AND attnum > 0});
for my $c (qw(credit_code name industry_group scope year land tax value_added revenue main_revenue
	rd energy_tce emission_t employees electricity revenue_prev1 revenue_prev2 main_revenue_prev1
	main_revenue_prev2 rd_prev1 rd_staff debt_ratio net_profit years_in_niche ip_class1 equity_financing_2y
	registered_on land_supplied_on producing exempt_reason veto_reason penalty))
{
	like(",$cols,", qr/,$c,/, "district.firm_year has $c");
}

# the report views on the default district
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
		'-f', "$repo/demo/views.sql" ],
	'demo/views.sql loads');
is(sql("SELECT count(*) FROM report.firm_year"), '14684', 'report.firm_year: one row per firm and year');
is(sql(q{SELECT count(*) FROM report.firm_year f JOIN district.annual a ON a.credit_code::text = f.credit_code AND a.year = f.year
	WHERE f.tax_per_mu IS DISTINCT FROM round(wan_yuan_per_mu(a.tax / a.land), 2)}), '0',
	'report.firm_year: 亩均税收 in 万元/亩 to 2 decimals');
is(sql(q{SELECT sum(firms) FILTER (WHERE cohort <> '全部') = sum(firms) FILTER (WHERE cohort = '全部')
	FROM report.group_year WHERE industry_group = '全部'}), 't', 'report.group_year: cohorts add up to the total');
is(sql(q{SELECT count(*) FROM report.group_year g WHERE tax_per_mu IS DISTINCT FROM
	(SELECT round(wan_yuan_per_mu(per_mu(a.tax, a.land)), 2) FROM district.firm_year a
	  WHERE a.year = g.year AND a.land IS NOT NULL
		AND (g.industry_group = '全部' OR a.industry_group = g.industry_group)
		AND (g.cohort = '全部' OR g.cohort = CASE WHEN a.scope = '规上' THEN '规上'
			WHEN a.land >= '3亩' THEN '规下(≥3亩)' ELSE '规下(<3亩)' END))
	AND cohort <> '租赁企业'}), '0', 'report.group_year: 亩均税收 = per_mu() of the same firms');

# 政策兑现 on the default district (demo/policy.sql): a tier verdict the data leave open
# stays open in the payments (tiers_unknown / new_tiers_unknown), never "not held"
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
		'-f', "$repo/demo/policy.sql" ],
	'demo/policy.sql loads');
is(sql(q{SELECT count(*) = (SELECT count(*) FROM district.policy_input) *
	(SELECT count(*) FROM policy WHERE (code, year) IN (('yuhang_demo', 2025), ('cixi', 2024))
	   OR (code, year, policy) = ('shengzhou', 2023, 'smart_factory'))
	FROM report.policy_payment}), 't', 'report.policy_payment: one row per firm and policy');
is(sql(q{SELECT count(*) FROM report.policy_payment pp JOIN district.policy_input i USING (credit_code)
	WHERE pp.policy_set = 'shengzhou' AND pp.eligible IS NOT TRUE
	  AND i.new_tiers && '{zj_future_factory,zj_smart_factory,zj_digital_workshop}'}), '0',
	'smart_factory: a firm that newly reached a title is never refused');
is(sql(q{SELECT count(*) FROM report.policy_payment pp JOIN district.policy_input i USING (credit_code)
	WHERE pp.policy_set = 'shengzhou' AND pp.eligible = false
	  AND i.new_tiers_unknown && '{zj_future_factory,zj_smart_factory,zj_digital_workshop}'}), '0',
	'smart_factory: a firm whose new title is open is never told 不符合');
is(sql(q{SELECT count(*) FILTER (WHERE eligible IS NULL) || ' ' || count(*) FILTER (WHERE eligible)
	|| ' ' || count(*) FILTER (WHERE NOT eligible)
	FROM report.policy_payment WHERE policy_set = 'shengzhou'}), '1805 0 1195',
	'smart_factory: open (the sample has no 数字化 data), eligible, not eligible (a known criterion fails)');
is(sql(q{SELECT count(*) FROM report.policy_payment pp JOIN district.policy_input i USING (credit_code)
	WHERE pp.policy_set = 'shengzhou' AND pp.eligible IS NULL
	  AND NOT (i.new_tiers_unknown && '{zj_future_factory,zj_smart_factory,zj_digital_workshop}')}), '0',
	'smart_factory: open only where a title is open');

# column types: nothing but plain numeric, int, date and text in the report views
is(sql(q{SELECT string_agg(DISTINCT format_type(a.atttypid, NULL), ',' ORDER BY format_type(a.atttypid, NULL))
	FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	WHERE c.relnamespace = 'report'::regnamespace AND c.relkind = 'm' AND a.attnum > 0}) =~ s/boolean,//r,
	'bigint,date,integer,numeric,text', 'report views expose only bigint, date, integer, numeric and text (and boolean flags)');

# Province scale: more than 1600 firms per group (names get a third and fourth
# character of 字号) and several blocks of 3000 firms for the landlord draw.  (Up to
# 1,000,000 firms: bench/scale.)
is(sql("SELECT enterprises FROM district.generate(12000, 'big')"), '12000', 'a district of 12000 firms');
is(sql("SELECT count(DISTINCT name) || ' ' || max(char_length(name)) FROM district.enterprise"), '12000 15',
	'12000 firms, 12000 names (字号 of up to 3 characters)');
is(sql(q{SELECT count(*) FILTER (WHERE t.landlord IS NULL) || ' ' || count(*) FILTER (WHERE a.land < '20亩')
	FROM district.enterprise t LEFT JOIN district.annual a ON a.credit_code = t.landlord AND a.year = 2024
	WHERE EXISTS (SELECT FROM district.annual x WHERE x.credit_code = t.credit_code AND x.year = 2024 AND x.land IS NULL)}),
	'0 0', 'every tenant rents from a landowner of at least 20亩');
is(sql(q{SELECT count(DISTINCT landlord) > 300 FROM district.enterprise}), 't', 'tenants spread over many landlords');
($rc, $out, $err) = $node->psql('district', "SELECT district.generate(1000001)");
like($err, qr/number of enterprises must be between 10 and 1000000/, 'more than 1000000 firms: error');

$node->stop;
done_testing();
