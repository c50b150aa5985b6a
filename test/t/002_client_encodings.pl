# Real clients in several encodings: GBK and GB18030 clients of a UTF8 database, EUC_CN
# and UTF8 clients of an EUC_CN database (PostgreSQL converts GBK/GB18030 only to and from
# UTF8).  Input bytes in the client encoding are converted by the server, parsed, and
# output comes back in the client encoding.
use strict;
use warnings;
use utf8;
use Encode qw(encode decode);

# glibc iconv knows GB18030 (Perl's Encode needs an extra module for it)
sub iconv
{
	my ($from, $to, $bytes) = @_;
	my $out;
	IPC::Run::run([ 'iconv', '-f', $from, '-t', $to ], '<', \$bytes, '>', \$out)
	  or die "iconv $from -> $to failed";
	return $out;
}
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('enc');
$node->init;
$node->start;
$node->safe_psql('postgres',
	q{CREATE DATABASE euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C'});
$node->safe_psql('postgres', q{CREATE DATABASE utf8 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'});
$node->safe_psql($_, 'CREATE EXTENSION industry') for qw(euc_cn utf8);

# run SQL given as Perl characters through psql with the client encoding, decode the output
sub psql_in_encoding
{
	my ($db, $client_encoding, $perl_encoding, $sql) = @_;
	my $in = iconv('UTF-8', $perl_encoding, encode('UTF-8', $sql));
	my ($out, $err) = ('', '');
	local $ENV{PGCLIENTENCODING} = $client_encoding;
	IPC::Run::run([ 'psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr($db) ],
		'<', \$in, '>', \$out, '2>', \$err);
	chomp $out;
	return (decode('UTF-8', iconv($perl_encoding, 'UTF-8', $out)),
		decode('UTF-8', iconv($perl_encoding, 'UTF-8', $err)));
}

my %clients = (
	utf8 => [ [ 'GBK', 'GBK' ], [ 'GB18030', 'GB18030' ], [ 'UTF8', 'UTF-8' ] ],
	euc_cn => [ [ 'EUC_CN', 'EUC-CN' ], [ 'UTF8', 'UTF-8' ] ]);
for my $db (qw(euc_cn utf8))
{
	for my $enc (@{ $clients{$db} })
	{
		my ($client, $perl) = @$enc;
		my ($out, $err0) = psql_in_encoding($db, $client, $perl,
			q{SELECT format_auto('75.02亿元'::yuan), format_auto('215.39万平方米'::mu_area), format_auto('３２．５万元每亩'::yuan_per_mu), format_auto('￥1,234'::yuan), '75.02亿元'::yuan;});
		is($out, '75.02亿元|3230.85亩|32.5万元/亩|1234元|7502000000', "$db database, $client client: Chinese units both ways")
		  or diag(encode('UTF-8', $err0));
		my (undef, $err) = psql_in_encoding($db, $client, $perl, q{SELECT '12x万元'::yuan;});
		like($err, qr/invalid input syntax for type yuan: "12x万元"/, "$db database, $client client: error quotes the input");
		like($err, qr/At character 3: Unknown unit/, "$db database, $client client: character position counts characters");
	}
}

# stored values survive a change of client encoding unchanged
my ($stored) = psql_in_encoding('utf8', 'GBK', 'GBK',
	q{CREATE TABLE t (v yuan); INSERT INTO t VALUES ('2298亿元'); SELECT v::numeric FROM t;});
is($stored, '229800000000', 'value entered through a GBK client is exact');

$node->stop;
done_testing();
