# pg_dump / pg_restore of tables holding the types, with an index expression and a view
# over extension functions (restored under pg_dump's empty search_path), and a binary
# COPY round trip.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();

my $node = PostgreSQL::Test::Cluster->new('dump');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql('src', q{
	CREATE EXTENSION industry;
	CREATE TABLE firm (id int PRIMARY KEY, tax yuan NOT NULL, land mu_area, rate yuan_per_mu);
	INSERT INTO firm
		SELECT i, yuan((hashint8(i) % 100000000000)::numeric / 100),
			   CASE WHEN i % 10 = 0 THEN NULL ELSE mu_area((hashint8(i + 1) % 1000000000)::numeric / 1000000) END,
			   yuan_per_mu((hashint8(i + 2) % 10000000000)::numeric / 10000)
		FROM generate_series(1, 5000) i;
	INSERT INTO firm VALUES (-1, '92233720368547758.07元', '9223372036854.775807亩', '-922337203685477.5808元/亩');
	CREATE INDEX firm_tax_wan ON firm (wan_yuan(tax));
	CREATE INDEX firm_land_hash ON firm USING hash (land);
	CREATE VIEW firm_report AS SELECT id, wan_yuan(tax) AS tax_wan, tax / land AS per_mu FROM firm WHERE land > '0亩';
	-- the guarded 亩均 of 1.1 in a view and in a stored generated column (land 0 and NULL included)
	UPDATE firm SET land = '0亩' WHERE id % 7 = 0;
	CREATE VIEW firm_guarded AS SELECT id, per_mu_or_null(tax, land) AS per_mu FROM firm;
	CREATE TABLE firm_gen (id int PRIMARY KEY, tax yuan, land mu_area,
		per_mu yuan_per_mu GENERATED ALWAYS AS (per_mu_or_null(tax, land)) STORED);
	INSERT INTO firm_gen (id, tax, land) SELECT id, tax, land FROM firm WHERE id BETWEEN 1 AND 100;
});
my $guarded_sql = q{SELECT count(*) FILTER (WHERE per_mu IS NULL) || ' ' || md5(string_agg(id || ':' || coalesce(per_mu::text, '-'), ',' ORDER BY id))
	FROM (SELECT id, per_mu FROM firm_guarded UNION ALL SELECT -id, per_mu FROM firm_gen) g};
my $guarded_before = $node->safe_psql('src', $guarded_sql);
like($guarded_before, qr/^[1-9]\d* /, "guarded 亩均 has NULLs for zero and missing land ($guarded_before)");
# user rule data in the extension's configuration tables: a county's own copy of a rule
# set with an edited weight, and a district's own version of a tier
$node->safe_psql('src', q{
	SELECT evaluation_copy_scheme('huangyan', 2022, 'my_county');
	UPDATE evaluation_indicator SET weight = 25 WHERE code = 'my_county' AND indicator = 'tax_per_mu' AND scope = '规上';
	UPDATE evaluation_indicator SET weight = 25 WHERE code = 'my_county' AND indicator = 'va_per_mu' AND scope = '规上';
	INSERT INTO evaluation_indicator_def (indicator, name, unit, numerator, denominator)
	VALUES ('my_va_per_water', '单位用水量工业增加值', '万元/立方米', '{value_added}', '{water_m3}');
	INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
	VALUES ('my_county', 2022, '规下', 'my_va_per_water', 10, 1);
	SELECT tier_copy('chuangxin', 'miit-2022', 'district-2025');
});
my $rules_sql = q{SELECT (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM evaluation_scheme)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM evaluation_indicator)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM evaluation_class)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM evaluation_indicator_def)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM tier_definition)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM tier_criterion)
	|| ' ' || (SELECT count(*) FILTER (WHERE builtin) || '/' || count(*) FILTER (WHERE NOT builtin) FROM tier_score_band)};
my $use_rules_sql = q{SELECT (SELECT total FROM evaluate('my_county', 2022, $q$SELECT 'W' AS credit_code, '规上' AS scope,
	'10亩'::mu_area AS land, '300万元'::yuan AS tax, '1500万元'::yuan AS value_added, 750 AS energy_tce, 0.5 AS emission_t,
	75 AS employees, '350万元'::yuan AS rd, '10000万元'::yuan AS main_revenue$q$))
	|| ' ' || (SELECT eligible FROM tier_check_record('{"employees": 100, "revenue": "2240万元", "main_revenue": "1456万元",
	"main_revenue_prev1": "1300万元", "rd": "89.6万元", "debt_ratio": 0.5, "sei_field": true, "ip_class1_high_value": 0,
	"ip_class1_own": 1}', '{chuangxin}') LIMIT 1)};
my $rules_before = $node->safe_psql('src', $rules_sql);
my $use_rules_before = $node->safe_psql('src', $use_rules_sql);
like($rules_before, qr{^\d+/2 \d+/9 \d+/8 9/1 \d+/1 \d+/[1-9]\d* \d+/[1-9]\d*$}, "user rule rows exist ($rules_before)");

my $checksum_sql = q{SELECT count(*), md5(string_agg(id || ':' || tax || ':' || coalesce(land::text, '-') || ':' || rate, ',' ORDER BY id)) FROM firm};
my $view_sql = q{SELECT md5(string_agg(id || ':' || tax_wan || ':' || per_mu, ',' ORDER BY id)) FROM firm_report};
my $before = $node->safe_psql('src', $checksum_sql);
my $view_before = $node->safe_psql('src', $view_sql);

my $dir = Cwd::abs_path(PostgreSQL::Test::Utils::tempdir);
my $dumpfile = "$dir/src.dump";
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dumpfile, '-d', $node->connstr('src') ], 'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE dst');
$node->command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('dst'), $dumpfile ], 'pg_restore');
is($node->safe_psql('dst', $checksum_sql), $before, 'table data identical after dump and restore');
is($node->safe_psql('dst', $view_sql), $view_before, 'view over extension functions identical after restore');
is($node->safe_psql('dst', $guarded_sql), $guarded_before, 'per_mu_or_null view and generated column restore');
is($node->safe_psql('dst', $rules_sql), $rules_before, 'user rule rows restored once, built-in rows not duplicated');
is($node->safe_psql('dst', $use_rules_sql), $use_rules_before, 'restored user rule set and tier evaluate as before');
is($node->safe_psql('dst', q{SELECT count(*) FROM firm WHERE wan_yuan(tax) > 0}),
	$node->safe_psql('src', q{SELECT count(*) FROM firm WHERE wan_yuan(tax) > 0}), 'expression index usable');

# a plain SQL dump replays with psql too
my $plain = "$dir/src.sql";
$node->command_ok([ 'pg_dump', '-f', $plain, '-d', $node->connstr('src') ], 'pg_dump plain');
$node->safe_psql('postgres', 'CREATE DATABASE dst_plain');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $plain, '-d', $node->connstr('dst_plain') ],
	'plain dump replays');
is($node->safe_psql('dst_plain', $checksum_sql), $before, 'plain dump restores identical data');
is($node->safe_psql('dst_plain', $guarded_sql), $guarded_before, 'plain dump restores the guarded 亩均');

# why per_mu_or_null: the same guard written with NULLIF does not restore, because NULLIF is
# deparsed without its operator and the restore's empty search_path has no mu_area = mu_area
$node->safe_psql('postgres', 'CREATE DATABASE nullif_src');
$node->safe_psql('nullif_src', q{CREATE EXTENSION industry;
	CREATE TABLE f (tax yuan, land mu_area);
	CREATE VIEW f_per_mu AS SELECT tax / NULLIF(land, '0亩') AS per_mu FROM f;});
my $nullif_dump = "$dir/nullif.sql";
$node->command_ok([ 'pg_dump', '-f', $nullif_dump, '-d', $node->connstr('nullif_src') ], 'pg_dump of a NULLIF view');
$node->safe_psql('postgres', 'CREATE DATABASE nullif_dst');
my ($nret, $nout, $nerr) = $node->psql('nullif_dst', undef, extra_params => [ '-v', 'ON_ERROR_STOP=1', '-f', $nullif_dump ]);
isnt($nret, 0, 'a view guarded with NULLIF(land, 0亩) does not restore');
like($nerr, qr/operator does not exist: public\.mu_area = public\.mu_area/, 'because NULLIF finds no = for mu_area');
is($node->safe_psql('dst_plain', $rules_sql), $rules_before, 'plain dump restores the user rule rows');

# binary COPY: out of one table, into another, identical
my $binfile = "$dir/firm.bin";
chmod 0777, $dir;
$node->safe_psql('src', qq{COPY firm TO '$binfile' (FORMAT binary)});
$node->safe_psql('src', qq{CREATE TABLE firm_copy (LIKE firm); COPY firm_copy FROM '$binfile' (FORMAT binary)});
is($node->safe_psql('src', $checksum_sql =~ s/FROM firm$/FROM firm_copy/r), $before, 'binary COPY round trip');

# binary input rejects a truncated value (recv validates the message length, 22P03)
my ($ret, $stdout, $stderr) = $node->psql('src',
	q{COPY firm_copy FROM PROGRAM 'printf "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\4\0\0\0\4\0\0\0\1\0\0\0\3AAA\377\377\377\377\377\377\377\377\377\377\377\377" ' (FORMAT binary)});
isnt($ret, 0, 'binary COPY with a 3-byte yuan is rejected');
like($stderr, qr/invalid external "yuan" value/, 'with the binary input error (22P03) of every type');

$node->stop;
done_testing();
