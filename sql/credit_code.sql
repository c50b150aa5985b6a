-- credit_code: 统一社会信用代码 (GB 32100-2015) validation, normalisation,
-- parts, generator, binary I/O, indexes and joins.
SET extra_float_digits = 0;

-- Published codes of well-known organisations (both check characters hold).
CREATE TEMP TABLE credit_code_known (name text, code text);
INSERT INTO credit_code_known VALUES
	('阿里巴巴(中国)有限公司',           '91330100799655058B'),
	('华为技术有限公司',                 '914403001922038216'),
	('深圳市腾讯计算机系统有限公司',     '91440300708461136T'),
	('中国石油天然气股份有限公司',       '91110000710925462X'),
	('厦门 事业单位',                    '123502001549897397'),
	('厦门 企业 (MA… organisation code)', '91350503MA31DKY80A');

SELECT code::credit_code AS code,
	credit_code_authority(code::credit_code) AS auth,
	credit_code_authority_label(code::credit_code) AS auth_label,
	credit_code_category(code::credit_code) AS cat,
	credit_code_category_label(code::credit_code) AS cat_label,
	credit_code_division(code::credit_code) AS division,
	credit_code_province(code::credit_code) AS prov,
	credit_code_city(code::credit_code) AS city,
	credit_code_org_code(code::credit_code) AS org_code
FROM credit_code_known ORDER BY code;

-- Every authority/category pair of the GB 32100 table, built by the generator
-- for 余杭区 (330110); the parts read back as given.
SELECT c, credit_code_category(c) AS cat, credit_code_authority_label(c) AS auth_label,
	credit_code_category_label(c) AS cat_label, credit_code_division(c) AS division,
	credit_code_is_valid(c::text) AS valid
FROM (VALUES ('1','1'),('1','2'),('1','3'),('1','9'),('2','1'),('2','9'),
	('3','1'),('3','2'),('3','3'),('3','4'),('3','5'),('3','9'),('4','1'),('4','9'),
	('5','1'),('5','2'),('5','3'),('5','9'),('6','1'),('6','2'),('6','9'),
	('7','1'),('7','2'),('7','9'),('8','1'),('8','9'),('9','1'),('9','2'),('9','3'),
	('A','1'),('A','9'),('N','1'),('N','2'),('N','3'),('N','9'),('Y','1')) AS p(a, k),
	LATERAL credit_code_make('330110', 123456, a, k) AS c
ORDER BY c;

-- Normalisation: case, full-width ASCII, surrounding white space (ASCII,
-- U+3000 ideographic space, U+00A0 no-break space).
SELECT t AS input, t::credit_code AS normalised
FROM (VALUES ('91330100799655058b'),
	('９１３３０１００７９９６５５０５８Ｂ'),
	('９１３３０１００７９９６５５０５８ｂ'),
	('  91330100799655058B  '),
	(E'\t91330100799655058B\n'),
	('　91330100799655058B　'),
	(U&'\00A091330100799655058B\00A0'),
	('9133０１００799655058b')) AS v(t);

-- Inner spaces and separators are rejected, not removed.
SELECT credit_code_check('9133 0100 7996 5505 8B') AS inner_space,
	credit_code_check('91330100-79965505-8B') AS hyphen,
	credit_code_check('91330100799655058B.') AS trailing_dot;

-- Errors: SQLSTATE, message and detail for each kind of problem.
CREATE FUNCTION credit_code_test_error(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; det text;
BEGIN
	PERFORM t::credit_code;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN st || ' | ' || msg || ' | ' || det;
END
$$;
SELECT credit_code_test_error(t) FROM (VALUES
	(''), ('   '), ('9133010079965505'), ('91330100799655058BB'),
	('91330100799655058I'), ('9133010079965505OB'), ('91330100799655058Z'),
	('91330100799655058中'), ('913301007996-5058B'),
	('913A0100799655058B'), ('Z1330100799655058B'), ('B1330100799655058B'),
	('94330100799655058B'), ('Y2330100799655058B'),
	('91330100799655068B'), ('91330100799655058C')) AS v(t);

-- The same errors as a client sees them.
SELECT '91330100799655058C'::credit_code;
SELECT '91330100799655068B'::credit_code;
SELECT '9133010079965505'::credit_code;
SELECT 'X1330100799655058B'::credit_code;

-- Non-throwing checks, and NULL.
SELECT t, credit_code_is_valid(t) AS valid, credit_code_check(t) AS reason
FROM (VALUES ('91330100799655058B'), ('91330100799655058C'), ('hello'), (NULL)) AS v(t);
SELECT NULL::credit_code IS NULL AS null_in, credit_code_division(NULL) IS NULL AS null_part;

-- Every substitution of one character (by any other of 0-9, A-Z: 35 per
-- position, 18 positions) and every deletion of one character is rejected,
-- for every known code: 6 × (18 × 35 + 18) = 3888 corruptions, 0 accepted.
-- (A substitution inside positions 1-17 changes the weighted sum by
-- w·d ≢ 0 mod 31; one at 18 breaks the check directly.)
WITH alphabet AS (
	SELECT substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', i, 1) AS ch FROM generate_series(1, 36) i
), corrupt AS (
	SELECT k.code, overlay(k.code PLACING a.ch FROM p FOR 1) AS t
	FROM credit_code_known k, generate_series(1, 18) p, alphabet a
	WHERE substr(k.code, p, 1) <> a.ch
	UNION ALL
	SELECT k.code, overlay(k.code PLACING '' FROM p FOR 1)
	FROM credit_code_known k, generate_series(1, 18) p
)
SELECT count(*) AS corruptions, count(*) FILTER (WHERE credit_code_is_valid(t)) AS accepted
FROM corrupt;

-- Which check caught them.
WITH alphabet AS (
	SELECT substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', i, 1) AS ch FROM generate_series(1, 36) i
), corrupt AS (
	SELECT k.code, overlay(k.code PLACING a.ch FROM p FOR 1) AS t
	FROM credit_code_known k, generate_series(1, 18) p, alphabet a
	WHERE substr(k.code, p, 1) <> a.ch
)
SELECT CASE
		WHEN r LIKE '%must be digits.' THEN '3-8 not a digit'
		WHEN r LIKE 'Character%' THEN 'not in the code set'
		WHEN r LIKE 'Registration authority%' THEN '1 unknown authority'
		WHEN r LIKE 'Entity category%' THEN '2 unknown category'
		WHEN r LIKE 'Organisation code check%' THEN '17 organisation check'
		WHEN r LIKE 'Check character%' THEN '18 check character'
	END AS caught_by, count(*)
FROM (SELECT credit_code_check(t) AS r FROM corrupt) c
GROUP BY 1 ORDER BY 1;

-- Swapping two different characters within positions 1-17 is always
-- rejected (weights 3^(i-1) mod 31 are pairwise distinct: 3 is a primitive
-- root mod 31).  A swap with the check character itself is not guaranteed
-- to be caught; for these six codes exactly three of the 100 such swaps form
-- another valid code (position 1 ↔ 18), and they are listed.
WITH swaps AS (
	SELECT k.code, i, j,
		overlay(overlay(k.code PLACING substr(k.code, j, 1) FROM i FOR 1)
			PLACING substr(k.code, i, 1) FROM j FOR 1) AS t
	FROM credit_code_known k, generate_series(1, 18) i, generate_series(1, 18) j
	WHERE i < j AND substr(k.code, i, 1) <> substr(k.code, j, 1)
)
SELECT j = 18 AS with_check_char, count(*) AS swaps,
	count(*) FILTER (WHERE credit_code_is_valid(t)) AS accepted
FROM swaps GROUP BY 1 ORDER BY 1;
WITH swaps AS (
	SELECT k.code, i, j,
		overlay(overlay(k.code PLACING substr(k.code, j, 1) FROM i FOR 1)
			PLACING substr(k.code, i, 1) FROM j FOR 1) AS t
	FROM credit_code_known k, generate_series(1, 18) i, generate_series(1, 18) j
	WHERE i < j AND substr(k.code, i, 1) <> substr(k.code, j, 1)
)
SELECT code, i, j, t AS accepted_swap, credit_code_category_label(t::credit_code) AS cat_label
FROM swaps WHERE credit_code_is_valid(t) ORDER BY code;

-- Casts: explicit only, text and varchar in, text out.
SELECT '91330100799655058b'::text::credit_code AS from_text,
	'91330100799655058b'::varchar::credit_code AS from_varchar,
	'91330100799655058B'::credit_code::text AS to_text;
SELECT castcontext, castmethod FROM pg_cast
WHERE castsource = 'credit_code'::regtype OR casttarget = 'credit_code'::regtype ORDER BY 1, 2;
SELECT 'x'::text AS t WHERE '91330100799655058B'::credit_code = '91330100799655058B'::text;

-- Generator: deterministic, valid, distinct; errors.
SELECT credit_code_make('330110', 0) AS first, credit_code_make('330110', 1) AS second,
	credit_code_make('330110', 852891037440) AS last,
	credit_code_make('330110', 42, '9', '2') AS individual,
	credit_code_make('330110', 42, category => '3') AS coop;
SELECT count(*) AS made, count(DISTINCT c) AS distinct_codes,
	count(*) FILTER (WHERE credit_code_is_valid(c::text)) AS valid,
	min(credit_code_division(c)) AS division
FROM (SELECT credit_code_make('330110', s * 7919) AS c FROM generate_series(0, 9999) s) g;
SELECT credit_code_make('33011', 1);
SELECT credit_code_make('3301１0', 1);
SELECT credit_code_make('330110', -1);
SELECT credit_code_make('330110', 852891037441);
SELECT credit_code_make('330110', 1, '9', '4');
SELECT credit_code_make('330110', 1, '91', '1');

-- Order is the text order of the codes (in the C collation).
CREATE TABLE credit_code_t (c credit_code, n int);
INSERT INTO credit_code_t
SELECT credit_code_make(d, s, a, k), s
FROM (VALUES ('330110'), ('330106'), ('330282'), ('110000')) AS dv(d),
	(VALUES ('9','1'), ('9','2'), ('5','1'), ('1','2'), ('Y','1')) AS pk(a, k),
	generate_series(1, 250) s;
SELECT count(*) FROM credit_code_t;
SELECT (SELECT array_agg(c::text ORDER BY c) FROM credit_code_t)
	= (SELECT array_agg(c::text ORDER BY c::text COLLATE "C") FROM credit_code_t) AS same_order;
SELECT credit_code_city(c) AS city, credit_code_category_label(c) AS cat_label, count(*)
FROM credit_code_t GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) FILTER (WHERE a.c < b.c) AS lt, count(*) FILTER (WHERE a.c <= b.c) AS le,
	count(*) FILTER (WHERE a.c = b.c) AS eq, count(*) FILTER (WHERE a.c <> b.c) AS ne,
	count(*) FILTER (WHERE a.c >= b.c) AS ge, count(*) FILTER (WHERE a.c > b.c) AS gt
FROM (SELECT c FROM credit_code_t WHERE n <= 3) a, (SELECT c FROM credit_code_t WHERE n <= 3) b;

-- Binary round trip (COPY BINARY out and in), and recv re-validates.
\getenv abs_builddir PG_ABS_BUILDDIR
\set credit_code_bin :abs_builddir '/results/credit_code.bin'
COPY credit_code_t TO :'credit_code_bin' WITH (FORMAT binary);
CREATE TABLE credit_code_t2 (LIKE credit_code_t);
COPY credit_code_t2 FROM :'credit_code_bin' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE t.c = t2.c) AS equal
FROM credit_code_t t JOIN credit_code_t2 t2 USING (n, c);
SELECT credit_code_send('91330100799655058B') AS send;
-- a bytea field has the same binary layout: feed recv 18 bytes that are not a valid code
CREATE TABLE credit_code_raw (b bytea, n int);
INSERT INTO credit_code_raw VALUES ('\x393133333031303037393936353530353843', 1);
COPY credit_code_raw TO :'credit_code_bin' WITH (FORMAT binary);
COPY credit_code_t2 FROM :'credit_code_bin' WITH (FORMAT binary);
UPDATE credit_code_raw SET b = '\x3931333330313030373939363535303538';
COPY credit_code_raw TO :'credit_code_bin' WITH (FORMAT binary);
COPY credit_code_t2 FROM :'credit_code_bin' WITH (FORMAT binary);
UPDATE credit_code_raw SET b = convert_to('91330100799655058b', 'UTF8');
COPY credit_code_raw TO :'credit_code_bin' WITH (FORMAT binary);
COPY credit_code_t2 FROM :'credit_code_bin' WITH (FORMAT binary);

-- Indexes: btree (equality and ranges) and hash are used and give the same answers.
CREATE INDEX credit_code_t_btree ON credit_code_t (c);
ANALYZE credit_code_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT n FROM credit_code_t WHERE c = credit_code_make('330110', 77, '5', '1');
SELECT n FROM credit_code_t WHERE c = credit_code_make('330110', 77, '5', '1');
EXPLAIN (COSTS OFF) SELECT count(*) FROM credit_code_t
	WHERE c >= credit_code_make('330110', 0) AND c < credit_code_make('330111', 0);
SELECT count(*) FROM credit_code_t
	WHERE c >= credit_code_make('330110', 0) AND c < credit_code_make('330111', 0);
CREATE INDEX credit_code_t_hash ON credit_code_t USING hash (c);
DROP INDEX credit_code_t_btree;
EXPLAIN (COSTS OFF) SELECT n FROM credit_code_t WHERE c = credit_code_make('330110', 77, '5', '1');
SELECT n FROM credit_code_t WHERE c = credit_code_make('330110', 77, '5', '1');
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Unique index and ON CONFLICT on a credit_code key.
CREATE UNIQUE INDEX credit_code_t2_key ON credit_code_t2 (c);
INSERT INTO credit_code_t2 VALUES ('９１３３０１００７９９６５５０５８ｂ', -1);
INSERT INTO credit_code_t2 VALUES ('  91330100799655058b', -2)
	ON CONFLICT (c) DO UPDATE SET n = excluded.n;
INSERT INTO credit_code_t2 VALUES ('91330100799655058B', -3);
SELECT c, n FROM credit_code_t2 WHERE n < 0;

-- Hash join, merge join, hash aggregate.
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM credit_code_t a JOIN credit_code_t2 b USING (c);
SELECT count(*) FROM credit_code_t a JOIN credit_code_t2 b USING (c);
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM credit_code_t a JOIN credit_code_t2 b USING (c);
SELECT count(*) FROM credit_code_t a JOIN credit_code_t2 b USING (c);
RESET enable_hashjoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT c, count(*) FROM credit_code_t GROUP BY c;
SELECT count(*) AS groups FROM (SELECT c, count(*) FROM credit_code_t GROUP BY c) g;
RESET enable_sort;

-- Parallel plans: the functions are PARALLEL SAFE and give the serial answer.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT credit_code_city(c), count(*) FROM credit_code_t
	WHERE credit_code_category(c) = '91' GROUP BY 1;
SELECT credit_code_city(c) AS city, count(*) FROM credit_code_t
	WHERE credit_code_category(c) = '91' GROUP BY 1 ORDER BY 1;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- Hash partitioning by credit_code (hash support 2).
CREATE TABLE credit_code_p (c credit_code) PARTITION BY HASH (c);
CREATE TABLE credit_code_p0 PARTITION OF credit_code_p FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE credit_code_p1 PARTITION OF credit_code_p FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO credit_code_p SELECT c FROM credit_code_t;
SELECT count(*) AS rows, count(DISTINCT tableoid) AS partitions,
	count(*) FILTER (WHERE satisfies_hash_partition('credit_code_p'::regclass, 2,
		CASE tableoid WHEN 'credit_code_p0'::regclass THEN 0 ELSE 1 END, c)) AS placed_right
FROM credit_code_p;

-- Operator classes validate; operators carry commutators, negators, estimators.
SELECT opc.opcname, am.amname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'credit_code'::regtype ORDER BY 2;
SELECT oprname, oprcom::regoper, oprnegate::regoper, oprrest, oprjoin, oprcanhash, oprcanmerge
FROM pg_operator WHERE oprleft = 'credit_code'::regtype ORDER BY oprname;

-- Labels of the extension's credit_code functions.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel, p.proleakproof
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
	AND d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'industry')
WHERE p.proname LIKE 'credit\_code\_%'
ORDER BY p.proname;

DROP TABLE credit_code_p, credit_code_t, credit_code_t2, credit_code_raw;
DROP FUNCTION credit_code_test_error(text);
DROP TABLE credit_code_known;

-- Other database encodings: input is converted to UTF-8 before normalising
-- (full-width digits arrive as GB2312 bytes in EUC_CN), labels are converted
-- back; SQL_ASCII passes UTF-8 bytes through.
SELECT current_database() AS credit_code_orig_db \gset
CREATE DATABASE credit_code_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE credit_code_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
\c credit_code_euc_cn
\encoding UTF8
CREATE EXTENSION industry;
SELECT c, credit_code_authority_label(c), credit_code_category_label(c),
	convert_to(credit_code_category_label(c), 'EUC_CN') AS euc_cn_bytes
FROM (SELECT '９１３３０１００７９９６５５０５８ｂ　'::credit_code AS c) v;
SELECT credit_code_check('９１３３０１００７９９６５５０５８Ｃ'), credit_code_is_valid('　91330100799655058b');
SELECT credit_code_check('91330100799655058中');
\c credit_code_sql_ascii
\encoding UTF8
CREATE EXTENSION industry;
SELECT c, credit_code_category_label(c) FROM (SELECT '９１３３０１００７９９６５５０５８ｂ'::credit_code AS c) v;
\c :credit_code_orig_db
DROP DATABASE credit_code_euc_cn;
DROP DATABASE credit_code_sql_ascii;
