# report.html in a real browser: the default district's report views, their figures as
# JSON (demo/report_data.sql), the page built by tools/report/build.js with ECharts
# inlined, then opened in headless Chromium by tools/report/check.js (playwright-core):
# offline, no console error, every chart an ECharts instance with data that equal the
# report views' values (computed here straight from the views), Chinese text drawn with
# a CJK font, charts within the A4 width when printed.  The screenshot and the A4 PDF are
# kept in $REPORT_ARTIFACTS (tools/test.sh: its work directory) or the test's temp dir.
use strict;
use warnings;
use File::Copy;
use File::Path ();
use File::Spec;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();
use File::Basename ();

my $repo = $ENV{REPO} // Cwd::abs_path(File::Basename::dirname(__FILE__) . '/../..');
plan skip_all => "$repo/demo/district.sql or $repo/tools/report is not readable"
  unless -r "$repo/demo/district.sql" && -r "$repo/tools/report/build.js";
my $chromium = $ENV{CHROMIUM} // '/usr/bin/chromium';
plan skip_all => "$chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)"
  unless -x $chromium;
plan skip_all => 'node and npm are not installed (Debian: apt-get install nodejs npm)'
  unless IPC::Run::run([ 'sh', '-c', 'command -v node && command -v npm' ], '>', \my $where);

my $node = PostgreSQL::Test::Cluster->new('report_html');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
my @psql = ('psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'));
$node->command_ok([ @psql, '-f', "$repo/demo/district.sql" ], 'demo/district.sql loads');
is($node->safe_psql('district', 'SELECT enterprises FROM district.generate()'), '3000',
	'the default district of 3000 firms');
$node->command_ok([ @psql, '-f', "$repo/demo/views.sql" ], 'demo/views.sql loads');

sub sql { return $node->safe_psql('district', shift); }

my $dir = File::Spec->rel2abs(PostgreSQL::Test::Utils::tempdir('report_html'));
my $artifacts = $ENV{REPORT_ARTIFACTS} // $dir;
File::Path::make_path($artifacts);

# the figures and the tables, as tools/demo.sh makes them
my ($json, $err) = ('', '');
ok(IPC::Run::run([ @psql, '-At', '-f', "$repo/demo/report_data.sql" ], '>', \$json, '2>', \$err),
	'demo/report_data.sql runs') or diag($err);
like($json, qr/^\{.*"class_distribution".*"tier_funnel"/s, 'one JSON document with every section');
my $tables = '';
ok(IPC::Run::run([ @psql, '-H', '-f', "$repo/demo/report.sql" ], '>', \$tables, '2>', \$err),
	'demo/report.sql prints HTML tables') or diag($err);
open my $fh, '>:raw', "$dir/report.json" or die $!;
print $fh $json;
close $fh;
open $fh, '>:raw', "$dir/tables.html" or die $!;
print $fh $tables;
close $fh;

# What every chart must show, read straight from the report views: per chart, the data
# of each series in drawing order, and the district figures of the mark lines.
my $cohort_order = q{ORDER BY max(tax_per_mu) FILTER (WHERE cohort = '规上') DESC NULLS LAST, industry_group};
my $expected = sql(qq{
	WITH y AS (SELECT value::int AS year FROM report.parameter WHERE name = 'evaluation_year'),
	cat AS (
		SELECT DISTINCT scope, industry_group, scope <> '规上' AS s1, industry_group = '全部' AS g1
		  FROM report.class_distribution, y WHERE class_distribution.year = y.year
	), dg AS (
		SELECT industry_group, sum(land_mu) AS land FROM report.d_class_land, y
		 WHERE d_class_land.year = y.year GROUP BY industry_group
	)
	SELECT json_build_object(
		'chart-month', json_build_object('series', json_build_array(
			(SELECT json_agg(output_yi ORDER BY month) FROM report.district_month),
			(SELECT json_agg(yoy_pct ORDER BY month) FROM report.district_month),
			(SELECT json_agg(ytd_yoy_pct ORDER BY month) FROM report.district_month))),
		'chart-tax', json_build_object(
			'series', json_build_array(
				(SELECT json_agg(t) FROM (SELECT max(tax_per_mu) FILTER (WHERE cohort = '规上') AS t
					FROM report.group_year, y WHERE group_year.year = y.year AND industry_group <> '全部'
					GROUP BY industry_group $cohort_order) x),
				(SELECT json_agg(t) FROM (SELECT max(tax_per_mu) FILTER (WHERE cohort = '规下(≥3亩)') AS t
					FROM report.group_year, y WHERE group_year.year = y.year AND industry_group <> '全部'
					GROUP BY industry_group $cohort_order) x)),
			'markLine', json_build_array(
				(SELECT json_agg(tax_per_mu) FROM report.group_year, y
				  WHERE group_year.year = y.year AND cohort = '规上' AND industry_group = '全部'),
				(SELECT json_agg(tax_per_mu) FROM report.group_year, y
				  WHERE group_year.year = y.year AND cohort = '规下(≥3亩)' AND industry_group = '全部'))),
		'chart-class', json_build_object('series', (
			SELECT json_agg(p ORDER BY class) FROM (
				SELECT c.class, json_agg(c.percent ORDER BY cat.s1, cat.scope, cat.g1, cat.industry_group) AS p
				  FROM report.class_distribution c, y, cat
				 WHERE c.year = y.year AND c.scope = cat.scope AND c.industry_group = cat.industry_group
				 GROUP BY c.class) x)),
		'chart-dland', json_build_object('series', (
			SELECT json_agg(l ORDER BY s.scope <> '规上', s.scope) FROM (
				SELECT s.scope, (SELECT json_agg((SELECT round(sum(d.land_mu), 1) FROM report.d_class_land d, y
												  WHERE d.year = y.year AND d.scope = s.scope
													AND d.industry_group = dg.industry_group)
												 ORDER BY dg.land DESC, dg.industry_group) FROM dg) AS l
				  FROM (SELECT DISTINCT scope FROM report.d_class_land, y WHERE d_class_land.year = y.year) s) s)),
		'chart-funnel', json_build_object('series', json_build_array(
			(SELECT json_agg(ladder_firms ORDER BY step) FROM report.tier_funnel, y WHERE tier_funnel.year = y.year))))});
open $fh, '>:raw', "$dir/expected.json" or die $!;
print $fh $expected;
close $fh;
like($expected, qr/"chart-dland" : \{"series" : \[\[[0-9]/, 'the default district has D-class land to chart');

# tools/report installed into a scratch copy (the checkout may not be writable by the
# server's OS user); the registry is across the network: two more tries on failure
my $tools = "$dir/tools";
mkdir $tools or die $!;
copy("$repo/tools/report/$_", "$tools/$_") or die "copy $_: $!"
  for qw(package.json package-lock.json build.js check.js);
my ($out, $installed) = ('', 0);
for my $attempt (1 .. 3)
{
	($out, $err) = ('', '');
	$installed = IPC::Run::run([ 'npm', 'ci', '--no-audit', '--no-fund', '--no-update-notifier' ],
		'>', \$out, '2>', \$err, init => sub { chdir $tools });
	last if $installed;
	diag("npm ci attempt $attempt failed:\n$err");
	sleep 5 * $attempt;
}
ok($installed, 'npm ci installs echarts and playwright-core from package-lock.json') or diag($err);

my $html = '';
ok(IPC::Run::run([ 'node', "$tools/build.js", "$dir/report.json", "$dir/tables.html" ], '>', \$html, '2>', \$err),
	'tools/report/build.js writes report.html') or diag($err);
open $fh, '>:raw', "$dir/report.html" or die $!;
print $fh $html;
close $fh;
(my $markup = $html) =~ s/(<script[^>]*>).*?<\/script>/$1<\/script>/gs;
my @links = $markup =~ /(<(?:script|link|img|iframe)[^>]+(?:src|href)=[^>]*>)/gi;
is(join(' ', @links), '', 'report.html links no other file (scripts, data and styles are inline)');
ok(index($html, 'echarts') > 0 && length($html) > 1_000_000 && $markup =~ /<table/,
	'report.html carries ECharts inline and the report tables');

# the browser
$ENV{CHROMIUM} = $chromium;
$out = '';
my $ran = IPC::Run::run([ 'node', "$tools/check.js", "$dir/report.html", "$dir/expected.json",
		"$artifacts/report.png", "$artifacts/report.pdf" ], '>', \$out, '2>', \$err);
my $n = 0;
for my $line (split /\n/, $out)
{
	if ($line =~ /^ok - (.*)/) { pass("chromium: $1"); $n++; }
	elsif ($line =~ /^not ok - (.*)/) { fail("chromium: $1"); $n++; }
}
ok($ran, 'tools/report/check.js exits with status 0') or diag("stdout:\n$out\nstderr:\n$err");
cmp_ok($n, '>=', 30, 'the browser ran at least 30 checks');
diag("screenshot: $artifacts/report.png, A4 print: $artifacts/report.pdf");

$node->stop;
done_testing();
