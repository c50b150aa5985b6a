# The 1.0 -> 1.1 update path.  A database made with the released 1.0 script, holding
# tables of every type, user rule sets (evaluation and tiers) and views over the types,
# is updated with ALTER EXTENSION industry UPDATE TO '1.1'.  Afterwards:
#   - the extension's objects equal a fresh 1.1 install's, object by object: every
#     function with its labels and body, operator, cast, aggregate, operator family with
#     its members, type, table with its columns/constraints/triggers, view, comment,
#     configuration-table registration, and every shipped (builtin) row;
#   - every user row and view is intact (compared by value, not by text: 1.1 changes the
#     types' text output), and the user rule sets evaluate as before;
# and a pg_dump of the 1.0 database restores into the 1.1 server with the same user data.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Cwd ();

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

# Every object that belongs to the extension, one line each, with everything that
# defines it.  Object names are printed without OIDs, so two databases compare.
my $catalog_sql = q{
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'industry'),
member AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
),
line AS (
	SELECT pg_describe_object(m.classid, m.objid, m.objsubid) || ' :: ' || coalesce(
		CASE m.classid
		WHEN 'pg_proc'::regclass THEN (
			SELECT CASE WHEN p.prokind = 'a' THEN
				format('aggregate %s(%s) returns %s; %s %s', p.proname, pg_get_function_identity_arguments(p.oid),
					p.prorettype::regtype, p.proparallel,
					(SELECT format('sfunc=%s stype=%s sspace=%s final=%s/%s/%s combine=%s serial=%s deserial=%s msfunc=%s minv=%s mstype=%s mfinal=%s init=%s minit=%s sortop=%s kind=%s',
						a.aggtransfn::regprocedure, a.aggtranstype::regtype, a.aggtransspace, a.aggfinalfn::regproc,
						a.aggfinalextra, a.aggfinalmodify, a.aggcombinefn::regproc, a.aggserialfn::regproc,
						a.aggdeserialfn::regproc, a.aggmtransfn::regproc, a.aggminvtransfn::regproc,
						a.aggmtranstype::regtype, a.aggmfinalfn::regproc, a.agginitval, a.aggminitval,
						a.aggsortop::regoperator, a.aggkind)
					 FROM pg_aggregate a WHERE a.aggfnoid = p.oid))
			ELSE pg_get_functiondef(p.oid) || format(' leakproof=%s cost=%s rows=%s support=%s', p.proleakproof,
				p.procost, p.prorows, p.prosupport::regproc) END
			FROM pg_proc p WHERE p.oid = m.objid)
		WHEN 'pg_type'::regclass THEN (
			SELECT format('len=%s byval=%s align=%s storage=%s category=%s preferred=%s in=%s out=%s recv=%s send=%s analyze=%s subscript=%s elem=%s delim=%s collation=%s',
				t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory, t.typispreferred, t.typinput::regproc,
				t.typoutput::regproc, t.typreceive::regproc, t.typsend::regproc, t.typanalyze::regproc,
				t.typsubscript::regproc, t.typelem::regtype, t.typdelim, t.typcollation)
			FROM pg_type t WHERE t.oid = m.objid)
		WHEN 'pg_operator'::regclass THEN (
			SELECT format('code=%s rest=%s join=%s com=%s neg=%s merge=%s hash=%s',
				o.oprcode::regproc, o.oprrest::regproc, o.oprjoin::regproc, o.oprcom::regoperator,
				o.oprnegate::regoperator, o.oprcanmerge, o.oprcanhash)
			FROM pg_operator o WHERE o.oid = m.objid)
		WHEN 'pg_cast'::regclass THEN (
			SELECT format('func=%s context=%s method=%s', c.castfunc::regprocedure, c.castcontext, c.castmethod)
			FROM pg_cast c WHERE c.oid = m.objid)
		WHEN 'pg_opclass'::regclass THEN (
			SELECT format('family=%s type=%s default=%s key=%s', pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
				c.opcintype::regtype, c.opcdefault, c.opckeytype::regtype)
			FROM pg_opclass c WHERE c.oid = m.objid)
		WHEN 'pg_opfamily'::regclass THEN (
			SELECT coalesce((SELECT string_agg(format('op %s %s(%s,%s) %s', a.amopstrategy, a.amopopr::regoperator,
						a.amoplefttype::regtype, a.amoprighttype::regtype, a.amoppurpose), '; ' ORDER BY a.amopstrategy, a.amoplefttype::regtype::text, a.amoprighttype::regtype::text)
					FROM pg_amop a WHERE a.amopfamily = m.objid), '')
				|| ' | ' || coalesce((SELECT string_agg(format('proc %s %s(%s,%s)', p.amprocnum, p.amproc::regprocedure,
						p.amproclefttype::regtype, p.amprocrighttype::regtype), '; ' ORDER BY p.amprocnum, p.amproclefttype::regtype::text, p.amprocrighttype::regtype::text)
					FROM pg_amproc p WHERE p.amprocfamily = m.objid), ''))
		WHEN 'pg_class'::regclass THEN (
			SELECT format('kind=%s acl=%s cols=[%s] cons=[%s] idx=[%s] trg=[%s] view=%s',
				c.relkind, c.relacl,
				(SELECT string_agg(format('%s %s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
						CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
						coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')), ', ' ORDER BY a.attnum)
				 FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
				 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
				(SELECT string_agg(pg_get_constraintdef(k.oid), '; ' ORDER BY pg_get_constraintdef(k.oid))
				 FROM pg_constraint k WHERE k.conrelid = c.oid),
				(SELECT string_agg(pg_get_indexdef(i.indexrelid), '; ' ORDER BY pg_get_indexdef(i.indexrelid))
				 FROM pg_index i WHERE i.indrelid = c.oid),
				(SELECT string_agg(pg_get_triggerdef(g.oid), '; ' ORDER BY g.tgname)
				 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal),
				CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END)
			FROM pg_class c WHERE c.oid = m.objid)
		END, '')
		|| coalesce(' -- ' || obj_description(m.objid, m.classid::regclass::text), '') AS l
	FROM member m
)
SELECT l FROM line ORDER BY l
};

# Configuration tables and their shipped rows: the rows pg_dump leaves out (those not
# matching the table's dump condition), as sorted text, per table.
my $shipped_sql = q{
DO $$
DECLARE r record; n bigint; h text;
BEGIN
	CREATE TEMP TABLE shipped (tbl text, cond text, rows bigint, hash text);
	FOR r IN SELECT c.relname, x.cond
		FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg, cond), pg_class c
		WHERE e.extname = 'industry' AND c.oid = x.cfg
	LOOP
		EXECUTE format('SELECT count(*), md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) FROM %I t WHERE NOT coalesce((SELECT true FROM %I u %s AND u = t LIMIT 1), false)',
			E'\n', '', r.relname, r.relname, r.cond) INTO n, h;
		INSERT INTO shipped VALUES (r.relname, r.cond, n, h);
	END LOOP;
END $$;
SELECT string_agg(format('%s %s: %s rows %s', tbl, cond, rows, hash), E'\n' ORDER BY tbl) FROM shipped;
};

# User data of every type and the user's own rule sets, made under 1.0.
my $user_setup = q{
	CREATE TABLE firm (id int PRIMARY KEY, code credit_code, tax yuan NOT NULL, land mu_area,
		rate yuan_per_mu, g growth_state);
	INSERT INTO firm
		SELECT i, CASE WHEN i % 2 = 0 THEN '91330110000000000Q'::credit_code END,
			   yuan((hashint8(i) % 100000000000)::numeric / 100),
			   CASE WHEN i % 10 = 0 THEN NULL ELSE mu_area((hashint8(i + 1) % 1000000000)::numeric / 1000000) END,
			   yuan_per_mu((hashint8(i + 2) % 10000000000)::numeric / 10000), NULL
		FROM generate_series(1, 2000) i;
	INSERT INTO firm VALUES (-1, NULL, '92233720368547758.07元', '9223372036854.775807亩', '-922337203685477.5808元/亩', NULL);
	CREATE INDEX firm_tax ON firm (tax);
	CREATE INDEX firm_wan ON firm (wan_yuan(tax));
	CREATE VIEW firm_report AS
		SELECT id, wan_yuan(tax) AS tax_wan, tax / land AS per_mu FROM firm WHERE land > '0亩';
	CREATE VIEW firm_total AS SELECT sum(tax) AS tax, sum(land) AS land, per_mu(tax, land) AS per_mu FROM firm WHERE id > 0;
	SELECT evaluation_copy_scheme('huangyan', 2022, 'my_county');
	UPDATE evaluation_indicator SET weight = 25 WHERE code = 'my_county' AND indicator = 'tax_per_mu' AND scope = '规上';
	UPDATE evaluation_indicator SET weight = 25 WHERE code = 'my_county' AND indicator = 'va_per_mu' AND scope = '规上';
	SELECT tier_copy('chuangxin', 'miit-2022', 'district-2025');
};
# Values compared as numbers (the text output differs between 1.0 and 1.1 by design).
my $data_sql = q{SELECT count(*), md5(string_agg(concat_ws(':', id, code, tax::numeric, land::numeric, rate::numeric), ',' ORDER BY id)) FROM firm};
my $view_sql = q{SELECT (SELECT md5(string_agg(id || ':' || tax_wan || ':' || per_mu::numeric, ',' ORDER BY id)) FROM firm_report)
	|| ' ' || (SELECT concat_ws(':', tax::numeric, land::numeric, per_mu::numeric) FROM firm_total)};
my $index_sql = q{SET enable_seqscan = off; SELECT count(*) FROM firm WHERE tax > '100万元'};
my $rules_sql = q{SELECT string_agg(t || ' ' || n, ', ' ORDER BY t) FROM (
	SELECT 'evaluation_scheme' t, count(*) n FROM evaluation_scheme WHERE NOT builtin
	UNION ALL SELECT 'evaluation_indicator', count(*) FROM evaluation_indicator WHERE NOT builtin
	UNION ALL SELECT 'evaluation_class', count(*) FROM evaluation_class WHERE NOT builtin
	UNION ALL SELECT 'tier_definition', count(*) FROM tier_definition WHERE NOT builtin
	UNION ALL SELECT 'tier_criterion', count(*) FROM tier_criterion WHERE NOT builtin
	UNION ALL SELECT 'tier_score_band', count(*) FROM tier_score_band WHERE NOT builtin) s};
my $use_rules_sql = q{SELECT (SELECT total FROM evaluate('my_county', 2022, $q$SELECT 'W' AS credit_code, '规上' AS scope,
	'10亩'::mu_area AS land, '300万元'::yuan AS tax, '1500万元'::yuan AS value_added, 750 AS energy_tce, 0.5 AS emission_t,
	75 AS employees, '350万元'::yuan AS rd, '10000万元'::yuan AS main_revenue$q$))
	|| ' ' || (SELECT score FROM tier_check_record('{"employees": 100, "revenue": "2240万元", "main_revenue": "1456万元",
	"main_revenue_prev1": "1300万元", "rd": "89.6万元", "debt_ratio": 0.5, "sei_field": true, "ip_class1_high_value": 0,
	"ip_class1_own": 1}', '{chuangxin}') LIMIT 1)};

# The user's rule rows, compared by value: each is snapshotted into a plain table under
# 1.0 and must still be there, equal column by column, after the update.
my @rule_tables = qw(evaluation_scheme evaluation_indicator evaluation_class
	tier_definition tier_criterion tier_score_band);

$node->safe_psql('postgres', 'CREATE DATABASE old');
$node->safe_psql('old', q{CREATE EXTENSION industry VERSION '1.0'});
is($node->safe_psql('old', q{SELECT extversion FROM pg_extension WHERE extname = 'industry'}), '1.0',
	'the released 1.0 script installs');
$node->safe_psql('old', $user_setup);
for my $t (@rule_tables) {
	$node->safe_psql('old', "CREATE TABLE snap_$t AS SELECT * FROM $t WHERE NOT builtin");
}
my %before = map { $_ => $node->safe_psql('old', ${ \{ data => $data_sql, view => $view_sql,
	rules => $rules_sql, use => $use_rules_sql }->{$_} }) } qw(data view rules use);
like($before{rules}, qr/evaluation_indicator 8,.*tier_score_band [1-9]/, "user rule rows exist under 1.0 ($before{rules})");

my $dir = Cwd::abs_path(PostgreSQL::Test::Utils::tempdir);
my $dump10 = "$dir/old-1.0.dump";
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump10, '-d', $node->connstr('old') ], 'pg_dump of the 1.0 database');

# A shipped row the update corrects (issue 14): 300号 "从业人员1000人以下" includes 1000.
my $sme_edge = q{SELECT eligible FROM tier_check_record('{"employees": 1000, "revenue": 500000000}', '{sme}')};
is($node->safe_psql('old', $sme_edge), 'f', '1.0 stored the SME bound as 不满1000人');

$node->safe_psql('old', q{ALTER EXTENSION industry UPDATE TO '1.1'});
is($node->safe_psql('old', $sme_edge), 't', 'the update corrects the shipped rows: 1000人以下 includes 1000');
is($node->safe_psql('old', q{SELECT extversion FROM pg_extension WHERE extname = 'industry'}), '1.1',
	'ALTER EXTENSION industry UPDATE TO 1.1');

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', q{CREATE EXTENSION industry});

my $cat_updated = $node->safe_psql('old', $catalog_sql);
my $cat_fresh = $node->safe_psql('fresh', $catalog_sql);
my $n = $node->safe_psql('fresh', q{SELECT count(*) FROM pg_depend WHERE deptype = 'e'
	AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry')});
ok($n > 300, "the catalog listing covers the extension ($n objects)");
is_deeply([ split /\n/, $cat_updated ], [ split /\n/, $cat_fresh ],
	'updated 1.0 has exactly the objects of a fresh 1.1, with the same definitions and labels');
is($node->safe_psql('old', $shipped_sql), $node->safe_psql('fresh', $shipped_sql),
	'configuration tables and their shipped rows equal a fresh 1.1');

is($node->safe_psql('old', $data_sql), $before{data}, 'user table data intact after the update');
is($node->safe_psql('old', $view_sql), $before{view}, 'views over the types give the same values');
is($node->safe_psql('old', $index_sql), $node->safe_psql('old', q{SELECT count(*) FROM firm WHERE tax > '100万元'}),
	'index on a type column still answers');
is($node->safe_psql('old', $rules_sql), $before{rules}, 'user rule rows all kept');
for my $t (@rule_tables) {
	my $cols = $node->safe_psql('old', qq{SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
		FROM pg_attribute WHERE attrelid = 'snap_$t'::regclass AND attnum > 0});
	is($node->safe_psql('old', qq{SELECT count(*) FROM (
		(SELECT $cols FROM snap_$t EXCEPT ALL SELECT $cols FROM $t WHERE NOT builtin)
		UNION ALL (SELECT $cols FROM $t WHERE NOT builtin EXCEPT ALL SELECT $cols FROM snap_$t)) d}), '0',
		"user rows of $t equal, column by column");
}
is($node->safe_psql('old', $use_rules_sql), $before{use}, "user rule set and tier copy evaluate as under 1.0 ($before{use})");

# A 1.0 dump restores into the server whose default is 1.1.
$node->safe_psql('postgres', 'CREATE DATABASE restored');
$node->command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('restored'), $dump10 ],
	'pg_restore of the 1.0 dump into 1.1');
is($node->safe_psql('restored', q{SELECT extversion FROM pg_extension WHERE extname = 'industry'}), '1.1',
	'the restore creates the extension at 1.1');
is_deeply([ split /\n/, $node->safe_psql('restored', $catalog_sql) ], [ split /\n/, $cat_fresh ],
	'restored database has the objects of a fresh 1.1');
is($node->safe_psql('restored', $data_sql), $before{data}, 'restored user data equal');
is($node->safe_psql('restored', $view_sql), $before{view}, 'restored views give the same values');
is($node->safe_psql('restored', $rules_sql), $before{rules}, 'restored user rule rows, built-ins not duplicated');
is($node->safe_psql('restored', $use_rules_sql), $before{use}, 'restored user rule sets evaluate as under 1.0');

# growth_phrase and pp_phrase gain arguments in 1.1.  A view that calls the 1.0 functions
# survives the update unchanged (it keeps the renamed 1.0 function), survives a dump into
# a fresh 1.1, and new calls get the 1.1 functions with the same default wording.
$node->safe_psql('postgres', 'CREATE DATABASE phrases');
$node->safe_psql('phrases', q{CREATE EXTENSION industry VERSION '1.0';
	CREATE VIEW bulletin AS SELECT growth_phrase(110, 100) AS g, pp_phrase(5.2, 8.8) AS p,
		growth_phrase('300万元'::yuan, '100万元'::yuan, 1) AS y;});
my $bulletin = q{SELECT g || ' ' || p || ' ' || y FROM bulletin};
is($node->safe_psql('phrases', $bulletin), '增长10.0% 回落3.6个百分点 增长2.00倍', 'a 1.0 view of the phrases');
$node->safe_psql('phrases', q{ALTER EXTENSION industry UPDATE TO '1.1'});
is($node->safe_psql('phrases', $bulletin), '增长10.0% 回落3.6个百分点 增长2.00倍', 'the view works unchanged after the update');
like($node->safe_psql('phrases', q{SELECT pg_get_viewdef('bulletin')}), qr/growth_phrase_1_0\(/,
	'it keeps calling the 1.0 function');
is($node->safe_psql('phrases', q{SELECT growth_phrase(110, 100) || ' ' || growth_phrase(730, 100, multiple_digits => 1)
	|| ' ' || pp_phrase(5.2, 8.8, verbs => '上升/下降')}), '增长10.0% 增长6.3倍 下降3.6个百分点',
	'new calls resolve to the 1.1 functions');
my $pdump = "$dir/phrases.sql";
$node->command_ok([ 'pg_dump', '-f', $pdump, '-d', $node->connstr('phrases') ], 'pg_dump of the updated database');
$node->safe_psql('postgres', 'CREATE DATABASE phrases_restored');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $pdump, '-d', $node->connstr('phrases_restored') ],
	'the dump restores into a fresh 1.1');
is($node->safe_psql('phrases_restored', $bulletin), '增长10.0% 回落3.6个百分点 增长2.00倍', 'the restored view gives the same text');

$node->stop;
done_testing();
