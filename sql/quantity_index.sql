-- Comparison, btree and hash opclasses, index scans, hash/merge joins, partitioning.

-- the operator classes are well formed
SELECT opc.opcname, am.amname, amvalidate(opc.oid) AS valid
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcname IN ('mu_area_ops', 'yuan_ops', 'yuan_per_mu_ops')
ORDER BY 1, 2;

-- comparisons, ordering and the range ends
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt
FROM (VALUES ('1万元'::yuan, '10000元'::yuan), ('-0.01元', '0元'),
	('92233720368547758.07元', '-92233720368547758.08元')) v(a, b);
SELECT v FROM (VALUES ('1亿元'::yuan), ('-1元'), ('9999.99元'), ('1万元'), ('0元')) x(v) ORDER BY v;

CREATE TABLE index_t (id int, tax yuan, land mu_area, rate yuan_per_mu);
INSERT INTO index_t SELECT i, yuan(i * 100), mu_area(i % 1000), yuan_per_mu(i % 97)
FROM generate_series(1, 10000) i;
CREATE INDEX index_t_tax ON index_t (tax);
CREATE INDEX index_t_land ON index_t USING hash (land);
ANALYZE index_t;

-- btree and hash index scans
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM index_t WHERE tax = '5万元';
SELECT id FROM index_t WHERE tax = '5万元';
EXPLAIN (COSTS OFF) SELECT count(*) FROM index_t WHERE tax BETWEEN '99万元' AND '1万元'::yuan * 100;
SELECT count(*) FROM index_t WHERE tax BETWEEN '99万元' AND '1万元'::yuan * 100;
EXPLAIN (COSTS OFF) SELECT count(*) FROM index_t WHERE land = '7亩';
SELECT count(*) FROM index_t WHERE land = '7亩';
RESET enable_seqscan;

-- selectivity estimates come from the statistics, not the defaults (1/3 of 10000 for <)
CREATE FUNCTION pg_temp.estimated_rows(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$$;
SELECT q, pg_temp.estimated_rows(q) AS estimated
FROM (VALUES ('SELECT * FROM index_t WHERE tax < ''1万元'''),
	('SELECT * FROM index_t WHERE tax >= ''90万元'''),
	('SELECT * FROM index_t WHERE land = ''7亩'''),
	('SELECT * FROM index_t WHERE land <> ''7亩''')) v(q);
SELECT count(*) FILTER (WHERE tax < '1万元') AS lt_actual, count(*) FILTER (WHERE tax >= '90万元') AS ge_actual,
	count(*) FILTER (WHERE land = '7亩') AS eq_actual, count(*) FILTER (WHERE land <> '7亩') AS ne_actual
FROM index_t;

-- hash join, merge join and hash aggregation on the types
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM index_t a JOIN index_t b ON a.land = b.land;
SELECT count(*) FROM index_t a JOIN index_t b ON a.land = b.land;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM index_t a JOIN index_t b ON a.rate = b.rate;
SELECT count(*) FROM index_t a JOIN index_t b ON a.rate = b.rate;
RESET enable_hashjoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT rate, count(*) FROM index_t GROUP BY rate;
RESET enable_sort;
SELECT count(DISTINCT rate) AS distinct_rates FROM index_t;

-- window RANGE frames in the type's own unit (btree in_range support)
SELECT id, land, count(*) OVER (ORDER BY land RANGE BETWEEN '1亩' PRECEDING AND CURRENT ROW) AS within_one_mu
FROM index_t WHERE id <= 5 ORDER BY id;

-- hash partitioning uses the extended hash function
CREATE TABLE index_part (tax yuan) PARTITION BY HASH (tax);
CREATE TABLE index_part_0 PARTITION OF index_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE index_part_1 PARTITION OF index_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO index_part SELECT tax FROM index_t;
SELECT (SELECT count(*) FROM index_part_0) + (SELECT count(*) FROM index_part_1) AS total,
	(SELECT count(*) FROM index_part_0) BETWEEN 4000 AND 6000 AS balanced;
SELECT hash_yuan, hash_int8 FROM (SELECT yuan_hash_extended('1元', 42) AS hash_yuan,
	hashint8extended(100, 42) AS hash_int8) s;

-- a unique index rejects duplicates; the type works as a key
CREATE UNIQUE INDEX index_t_unique ON index_t (id, tax);
INSERT INTO index_t VALUES (1, '100元', '1亩', '1元/亩');
DROP TABLE index_t, index_part;
