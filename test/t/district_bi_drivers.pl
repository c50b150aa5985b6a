# The drivers BI tools run on, against the report views and the types:
#   psqlODBC (Debian odbc-postgresql, through unixODBC and python3-pyodbc): Excel, Power BI,
#     Tableau;
#   pgjdbc (Debian libpostgresql-jdbc-java, a small Java program compiled here with javac):
#     Metabase, DBeaver, Tableau, Superset via JDBC.
# Each client prints one 'ok - ' / 'not ok - ' line per check (column metadata, values
# against ::numeric, parameters bound as the tools bind them in a filter and an INSERT,
# dimension safety); every line becomes an assertion here.
use strict;
use warnings;
use File::Spec;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();
use File::Basename ();

# REPO: the checkout, or the copy of its demo/ and test/clients/ that tools/test.sh makes
my $repo = $ENV{REPO} // Cwd::abs_path(File::Basename::dirname(__FILE__) . '/../..');
plan skip_all => "$repo/demo/district.sql is not readable"
  unless -r "$repo/demo/district.sql";

my $node = PostgreSQL::Test::Cluster->new('bi_drivers');
$node->init;
# pgjdbc speaks TCP only
$node->append_conf('postgresql.conf', "listen_addresses = '127.0.0.1'");
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE district');
$node->safe_psql('district', 'CREATE EXTENSION industry');
for my $script ('district.sql', 'views.sql')
{
	$node->command_ok(
		[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('district'),
			'-f', "$repo/demo/$script" ],
		"demo/$script loads");
	is($node->safe_psql('district', "SELECT enterprises FROM district.generate(300, 'bi')"),
		'300', 'a district of 300 firms')
	  if $script eq 'district.sql';
}

$ENV{PGHOST} = $node->host;
$ENV{PGPORT} = $node->port;
$ENV{PGDATABASE} = 'district';
$ENV{PGUSER} = $node->safe_psql('postgres', 'SELECT current_user');
delete $ENV{PGSERVICE};

# run_client(NAME, MIN_CHECKS, COMMAND...): one assertion per reported line.
sub run_client
{
	my ($name, $min, @cmd) = @_;
	my ($out, $err) = ('', '');
	my $ran = IPC::Run::run(\@cmd, '>', \$out, '2>', \$err);
	my $n = 0;
	for my $line (split /\n/, $out)
	{
		if ($line =~ /^ok - (.*)/) { pass("$name: $1"); $n++; }
		elsif ($line =~ /^not ok - (.*)/) { fail("$name: $1"); $n++; }
	}
	ok($ran, "$name exits with status 0") or diag("stdout:\n$out\nstderr:\n$err");
	cmp_ok($n, '>=', $min, "$name ran at least $min checks");
}

SKIP:
{
	my $have = IPC::Run::run([ '/usr/bin/python3', '-c', 'import pyodbc' ], '2>', \my $e)
	  && -e '/etc/odbcinst.ini' && `grep -c 'PostgreSQL Unicode' /etc/odbcinst.ini` > 0;
	skip 'psqlODBC or pyodbc is not installed (Debian: odbc-postgresql unixodbc python3-pyodbc)', 2
	  unless $have;
	run_client('psqlODBC', 25, '/usr/bin/python3', "$repo/test/clients/odbc_client.py");
}

SKIP:
{
	my $jar = '/usr/share/java/postgresql.jar';
	my $have = -r $jar && IPC::Run::run([ 'sh', '-c', 'command -v javac && command -v java' ], '>', \my $w);
	skip 'pgjdbc or a JDK is not installed (Debian: libpostgresql-jdbc-java default-jdk-headless)', 3
	  unless $have;
	my $dir = File::Spec->rel2abs(PostgreSQL::Test::Utils::tempdir('jdbc'));
	my ($out, $err) = ('', '');
	my $built = IPC::Run::run(
		[ 'javac', '-encoding', 'UTF-8', '-d', $dir, "$repo/test/clients/JdbcClient.java" ],
		'>', \$out, '2>', \$err);
	ok($built, 'JdbcClient.java compiles') or diag($err);
	run_client('pgjdbc', 70, 'java', '-Dfile.encoding=UTF-8', '-cp', "$jar:$dir", 'JdbcClient');
}

$node->stop;
done_testing();
