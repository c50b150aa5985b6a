-- bench/intake/round.sql: one round, included 5 times by bench.sql: the plain joins, then
-- the intake path step by step.  Each step prints "step wall_ms cpu_ms" (cpu: the
-- backend's own time on a CPU, from /proc/self/schedstat, less disturbed by the other
-- work on a shared machine); run.sh takes the medians.
TRUNCATE plain2;
SELECT clock_timestamp() AS w0, cpu_ns() AS c0 \gset
INSERT INTO plain2
SELECT f.code, p.land, t.tax, s.revenue
  FROM firm f
  LEFT JOIN (SELECT holder, sum(area) AS land FROM parcel GROUP BY 1) p ON p.holder = f.code
  LEFT JOIN (SELECT code, sum(amount) AS tax FROM tax GROUP BY 1) t ON t.code = f.code
  LEFT JOIN (SELECT code, sum(revenue) AS revenue FROM stat GROUP BY 1) s ON s.code = f.code;
SELECT 'step plain', round(extract(epoch FROM clock_timestamp() - :'w0') * 1000, 1), round((cpu_ns() - :c0) / 1e6, 1);
TRUNCATE alloc;
SELECT clock_timestamp() AS w0, cpu_ns() AS c0 \gset
INSERT INTO alloc SELECT * FROM land_allocation('SELECT * FROM parcel', 'SELECT * FROM lease', 2024, 'owner');
SELECT 'step land_allocation', round(extract(epoch FROM clock_timestamp() - :'w0') * 1000, 1), round((cpu_ns() - :c0) / 1e6, 1);
TRUNCATE merged;
SELECT clock_timestamp() AS w0, cpu_ns() AS c0 \gset
INSERT INTO merged SELECT * FROM merge_sources('SELECT * FROM long_form()', '名录', '{统计}');
SELECT 'step merge_sources', round(extract(epoch FROM clock_timestamp() - :'w0') * 1000, 1), round((cpu_ns() - :c0) / 1e6, 1);
TRUNCATE intake1;
SELECT clock_timestamp() AS w0, cpu_ns() AS c0 \gset
INSERT INTO intake1 SELECT credit_code, sum(amount) FILTER (WHERE measure = 'land'),
	   sum(amount) FILTER (WHERE measure = 'tax'), sum(amount) FILTER (WHERE measure = 'revenue')
  FROM merged WHERE status = 'merged' GROUP BY 1;
SELECT 'step pivot', round(extract(epoch FROM clock_timestamp() - :'w0') * 1000, 1), round((cpu_ns() - :c0) / 1e6, 1);
