# pg_cron refreshing the report views: a node with shared_preload_libraries =
# 'pg_cron' (Debian's postgresql-15-cron), a job that runs report.refresh() every
# minute, and checks of cron.job_run_details and of the views' contents afterwards.
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

my $node = PostgreSQL::Test::Cluster->new('cron');
$node->init;
# background workers: jobs need no libpq connection (the node listens on a socket only)
$node->append_conf('postgresql.conf', qq{
shared_preload_libraries = 'pg_cron'
cron.database_name = 'district'
cron.use_background_workers = on
max_worker_processes = 16
});
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
for my $f ('demo/district.sql', 'SELECT district.generate(200, \'cron\')', 'demo/views.sql')
{
	my @src = $f =~ /^SELECT/ ? ('-c', $f) : ('-f', "$repo/$f");
	$node->command_ok(
		[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'), @src ],
		"load: $f");
}
$node->safe_psql('district', 'CREATE EXTENSION pg_cron');

# Every report view has a unique index that REFRESH ... CONCURRENTLY can use: valid,
# btree, no expressions, no predicate.
my $views = $node->safe_psql('district', q{
	SELECT string_agg(c.relname, ',' ORDER BY c.relname)
	  FROM pg_class c
	 WHERE c.relkind = 'm' AND c.relnamespace = 'report'::regnamespace
	   AND EXISTS (SELECT FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
				   JOIN pg_am am ON am.oid = ic.relam
				  WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid
					AND am.amname = 'btree' AND i.indexprs IS NULL AND i.indpred IS NULL)});
my $all = $node->safe_psql('district', q{
	SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class
	 WHERE relkind = 'm' AND relnamespace = 'report'::regnamespace});
is($views, $all, "every report view has a usable unique index ($all)");
like($all, qr/firm_year/, 'report.firm_year is among them');

# Change the data under the views: double one firm's 2024 tax.
my $firm = $node->safe_psql('district', q{
	SELECT credit_code FROM report.firm_year
	 WHERE year = 2024 AND tax_per_mu IS NOT NULL ORDER BY credit_code LIMIT 1});
my $before = $node->safe_psql('district',
	"SELECT tax_wan || '|' || tax_per_mu FROM report.firm_year WHERE credit_code = '$firm' AND year = 2024");
my $expect = $node->safe_psql('district', qq{
	SELECT wan_yuan(tax * 2) || '|' || round(wan_yuan_per_mu(tax * 2 / land), 2)
	  FROM district.annual WHERE credit_code = '$firm' AND year = 2024});
$node->safe_psql('district',
	"UPDATE district.annual SET tax = tax * 2 WHERE credit_code = '$firm' AND year = 2024");
is($node->safe_psql('district',
	"SELECT tax_wan || '|' || tax_per_mu FROM report.firm_year WHERE credit_code = '$firm' AND year = 2024"),
	$before, 'the materialized view is stale before the job runs');
isnt($before, $expect, 'the change is visible in report units');

# The documented schedule, at a one-minute interval instead of nightly.
my $job = $node->safe_psql('district',
	q{SELECT cron.schedule('industry-report', '* * * * *', 'SELECT report.refresh()')});
like($job, qr/^\d+$/, "job scheduled (id $job)");

ok($node->poll_query_until('district',
		"SELECT count(*) > 0 FROM cron.job_run_details WHERE jobid = $job AND status IN ('succeeded', 'failed')"),
	'the job ran within the timeout');
is($node->safe_psql('district',
	"SELECT status || ' ' || return_message FROM cron.job_run_details WHERE jobid = $job ORDER BY runid LIMIT 1"),
	'succeeded SELECT 1', 'cron.job_run_details: succeeded');

is($node->safe_psql('district',
	"SELECT tax_wan || '|' || tax_per_mu FROM report.firm_year WHERE credit_code = '$firm' AND year = 2024"),
	$expect, 'report.firm_year shows the doubled tax after the refresh');

# Every view equals its definition run now (the refresh missed nothing).
for my $v (split /,/, $all)
{
	my $def = $node->safe_psql('district', "SELECT pg_get_viewdef('report.$v'::regclass)");
	$def =~ s/;\s*$//;
	is($node->safe_psql('district',
		"SELECT (SELECT count(*) FROM ((TABLE report.$v EXCEPT ALL ($def)) UNION ALL (($def) EXCEPT ALL TABLE report.$v)) d)"
		. " || '/' || (SELECT count(*) FROM report.$v)")
		=~ s/\/.*//r, '0', "report.$v equals its definition after the job");
}

is($node->safe_psql('district', "SELECT cron.unschedule($job)"), 't', 'job unscheduled');
$node->stop;
done_testing();
