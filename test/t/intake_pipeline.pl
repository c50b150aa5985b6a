# The sample district's raw sources (demo/raw_sources.sql) through the intake pipeline
# (demo/pipeline.sql): clean sources rebuild exactly the input the engines read today, and
# the same evaluation; seeded faults are every one found, and nothing disappears.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();
use File::Basename ();

my $repo = $ENV{REPO} // Cwd::abs_path(File::Basename::dirname(__FILE__) . '/../..');
plan skip_all => "$repo/demo/pipeline.sql is not readable"
  unless -r "$repo/demo/pipeline.sql";

my $node = PostgreSQL::Test::Cluster->new('intake');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
for my $f (qw(district raw_sources pipeline))
{
	$node->command_ok(
		[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
			'-f', "$repo/demo/$f.sql" ],
		"demo/$f.sql loads");
}

sub sql { return $node->safe_psql('district', shift); }

sql("SELECT district.generate(1000, 'intake')");

# ---- clean sources
sql("SELECT district_raw.generate(false)");
sql("SELECT district_raw.run()");
is(sql("SELECT count(*) FROM district_raw.seeded_fault"), '0', 'clean: nothing seeded');
is(sql("SELECT count(*) FROM district_raw.import_issue"), '0', 'clean: every CSV cell parses (full-width digits, no-break spaces, thousands separators)');
cmp_ok(sql("SELECT count(*) FROM district_raw.tax_csv WHERE c5 ~ '[０-９]'"), '>', 0, 'the CSV has full-width digits');
cmp_ok(sql("SELECT count(*) FROM district_raw.tax_csv WHERE c5 LIKE chr(160) || '%'"), '>', 0, 'the CSV has no-break spaces');
cmp_ok(sql("SELECT count(*) FROM district_raw.parcel WHERE share IS NOT NULL"), '>', 0, 'some parcels have several holders');
cmp_ok(sql("SELECT count(*) FROM (SELECT holder FROM district_raw.parcel GROUP BY 1 HAVING count(*) > 1) x"), '>', 0, 'some firms hold several parcels');
cmp_ok(sql("SELECT count(*) FROM district_raw.lease"), '>', 0, 'tenants lease floor area');
is(sql("SELECT count(*) FROM (SELECT * FROM district.annual WHERE year IN (2023, 2024)
		EXCEPT SELECT * FROM district.annual_intake WHERE year IN (2023, 2024)) x"), '0',
	'clean: the rebuilt 2023-2024 input equals the district\'s, row for row');
is(sql("SELECT count(*) FROM (SELECT * FROM district.annual_intake EXCEPT SELECT * FROM district.annual) x"), '0',
	'clean: and nothing more');
is(sql("SELECT count(*) FROM (SELECT * FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year')
		EXCEPT SELECT * FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year_intake')) x"), '0',
	'clean: the evaluation from the raw sources is the evaluation of today');
is(sql("SELECT count(*) FROM (SELECT * FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year_intake')
		EXCEPT SELECT * FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year')) x"), '0',
	'clean: (both ways)');
is(sql("SELECT count(*) FROM district_raw.merged WHERE year = 2024 AND status <> 'merged'"), '0', 'clean: every 2024 source line merged');
# (the parcels are the registry as of now: owners founded in 2024 are not in the 2023 名录)
is(sql("SELECT string_agg(DISTINCT source || ' ' || status, ',') FROM district_raw.merged WHERE year = 2023 AND status <> 'merged'"),
	'不动产登记 not_in_master', 'clean: in 2023 only land of firms not yet in the 名录 is unmatched');

# exact reconciliation, both methods and years: Σ parcels = Σ allocated + Σ unallocated
my $land_check = q{SELECT bool_and(s.total = p.area) FROM (
	SELECT method, year, sum(land) AS total FROM district_raw.allocation GROUP BY 1, 2) s,
	(SELECT sum(area) AS area FROM (SELECT DISTINCT parcel_id, area FROM district_raw.parcel) x) p};
is(sql($land_check), 't', 'clean: Σ parcel land = Σ land allocated + unallocated, exactly');
is(sql("SELECT sum(land)::numeric FROM district_raw.allocation WHERE method = 'enterprise' AND year = 2024 AND role = '承租'") > 0 ? 't' : 'f',
	't', '企业评价法 gives tenants land');

# ---- seeded faults
sql("SELECT district_raw.generate(true)");
sql("SELECT district_raw.run()");
is(sql("SELECT count(*) || ' ' || count(DISTINCT kind) FROM district_raw.seeded_fault"), '15 13', '15 faults of 13 kinds seeded');

# every seeded fault is found, each by what names it
my $not_found = sql(q{
	SELECT string_agg(s.kind || ' ' || s.source || ' ' || s.credit_code, '; ')
	  FROM district_raw.seeded_fault s
	 WHERE NOT CASE s.kind
		WHEN '导入坏单元格' THEN EXISTS (SELECT FROM district_raw.import_issue i JOIN district_raw.tax_csv t USING (line)
										 WHERE t.c1 = s.credit_code AND i.raw = '—' AND i.header = '实缴税金(万元)')
		WHEN '代码无效' THEN CASE s.source
			WHEN '电力' THEN EXISTS (SELECT FROM district_raw.merged m WHERE m.year = 2024 AND m.source = '电力'
									 AND m.status = 'invalid_code' AND m.raw_code IS NULL)
							 AND EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024 AND f.finding = '缺少电力'
										 AND f.credit_code::text = s.credit_code)
			ELSE EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024 AND f.finding = '代码无效'
						 AND f.source = s.source
						 AND (SELECT count(*) FROM generate_series(1, 18) p
							   WHERE substr(f.raw_code, p, 1) <> substr(s.credit_code, p, 1)) = 1) END
		WHEN '租赁宗地不存在' THEN EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024
										   AND f.finding = '租赁未计用地' AND f.credit_code::text = s.credit_code
										   AND f.detail = '租赁的宗地不在宗地表中')
		WHEN '用地变化无宗地变化' THEN EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024
											   AND f.finding = s.kind AND f.credit_code::text = s.credit_code)
		WHEN '缺少指标' THEN EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024 AND f.finding = '缺少指标'
									 AND f.credit_code::text = s.credit_code AND f.detail LIKE '%energy_tce%')
		ELSE EXISTS (SELECT FROM district_raw.finding f WHERE f.year = 2024 AND f.finding = s.kind
					 AND f.credit_code::text = s.credit_code AND f.source = s.source)
		END});
is($not_found, '', 'every seeded fault is found');

# nothing disappears: per source and measure, Σ in = Σ merged + Σ unmatched (recomputed
# from the sources, not from the merge's own counts)
is(sql(q{SELECT bool_and(r.balanced) FROM merge_reconcile('SELECT * FROM district_raw.long_form(2024)', '名录', '{统计}') r}),
	't', 'faults: every source balances');
is(sql(q{SELECT (SELECT sum(amount) FROM district_raw.long_form(2024) WHERE source = '税务' AND measure = 'tax')
		 = (SELECT sum(amount) FROM district_raw.merged WHERE year = 2024 AND source = '税务' AND measure = 'tax')}),
	't', 'faults: Σ tax of the source = Σ merged + Σ unmatched');
is(sql(q{SELECT count(*) - 1 FROM district_raw.tax_csv}),
	sql(q{SELECT (SELECT count(*) FROM district_raw.tax_line) + (SELECT count(DISTINCT line) FROM district_raw.import_issue)}),
	'faults: every CSV line loaded or reported');
is(sql($land_check), 't', 'faults: land reconciles exactly');
is(sql(q{SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM district_raw.merged WHERE year = 2024}),
	'duplicate_refused,invalid_code,merged,not_in_master', 'faults: each kind of unmatched line');

# the report section runs
$node->command_like(
	[ 'psql', '-X', '-d', $node->connstr('district'), '-f', "$repo/demo/report_intake.sql" ],
	qr/数据核对.*税务导出表导入.*按统一社会信用代码合并/s, 'demo/report_intake.sql prints the 数据核对 section');

done_testing();
