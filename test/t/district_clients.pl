# Real clients against the report views and the types: psycopg2 (Debian's
# python3-psycopg2) and node-postgres (npm pg, installed here with `npm ci` from
# test/clients/package-lock.json).  Each client prints one 'ok - ' / 'not ok - ' line
# per check; every line becomes an assertion here.
use strict;
use warnings;
use File::Copy;
use File::Spec;
use IPC::Run;
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

my $node = PostgreSQL::Test::Cluster->new('clients');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
		'-f', "$repo/demo/district.sql" ],
	'demo/district.sql loads');
is($node->safe_psql('district', "SELECT enterprises FROM district.generate(300, 'clients')"),
	'300', 'a district of 300 firms');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
		'-f', "$repo/demo/views.sql" ],
	'demo/views.sql loads');

$ENV{PGHOST} = $node->host;
$ENV{PGPORT} = $node->port;
$ENV{PGDATABASE} = 'district';
delete $ENV{PGSERVICE};

# run_client(NAME, MIN_CHECKS, DIR, COMMAND...): one assertion per reported line.
sub run_client
{
	my ($name, $min, $dir, @cmd) = @_;
	my ($out, $err) = ('', '');
	my $ran = IPC::Run::run(\@cmd, '>', \$out, '2>', \$err, init => sub { chdir $dir });
	my $n = 0;
	for my $line (split /\n/, $out)
	{
		if ($line =~ /^ok - (.*)/) { pass("$name: $1"); $n++; }
		elsif ($line =~ /^not ok - (.*)/) { fail("$name: $1"); $n++; }
	}
	ok($ran, "$name exits with status 0") or diag("stdout:\n$out\nstderr:\n$err");
	cmp_ok($n, '>=', $min, "$name ran at least $min checks");
}

# psycopg2: Debian's python3 (not whatever python3 comes first in PATH)
run_client('psycopg2', 13, "$repo/test/clients", '/usr/bin/python3', "$repo/test/clients/client.py");

# node-postgres: installed into a scratch copy of test/clients (the checkout may not be
# writable by the server's OS user)
SKIP:
{
	my $have_node = IPC::Run::run([ 'sh', '-c', 'command -v node && command -v npm' ], '>', \my $where);
	skip 'node and npm are not installed (Debian: apt-get install nodejs npm)', 3 unless $have_node;
	my $dir = File::Spec->rel2abs(PostgreSQL::Test::Utils::tempdir('clients'));
	copy("$repo/test/clients/$_", "$dir/$_") or die "copy $_: $!"
	  for qw(package.json package-lock.json client.js);
	# the registry is across the network: a transient failure gets two more tries
	my ($out, $err, $installed);
	for my $attempt (1 .. 3)
	{
		($out, $err) = ('', '');
		$installed = IPC::Run::run(
			[ 'npm', 'ci', '--no-audit', '--no-fund', '--no-update-notifier' ],
			'>', \$out, '2>', \$err, init => sub { chdir $dir });
		last if $installed;
		diag("npm ci attempt $attempt failed:\n$err");
		sleep 5 * $attempt;
	}
	ok($installed, 'npm ci installs pg from package-lock.json') or diag($err);
	run_client('node-postgres', 9, $dir, 'node', "$dir/client.js");
}

$node->stop;
done_testing();
