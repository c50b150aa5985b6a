#!/usr/bin/env bash
# bench/scale/run.sh [N ...]: the main job (tools/demo.sh) stage by stage on generated
# districts of N firms (default 10000 100000 1000000), each in a fresh database of one
# private scratch server (bench/lib.sh).  Per stage: wall time, the CPU time of the
# backend that ran it (user + system; on a shared machine the steadier measure) and its
# peak memory.
#
#   generate        SELECT district.generate(N)                  (demo/district.sql)
#   raw_sources     district_raw.generate(true): the raw sources with seeded faults
#                   (demo/raw_sources.sql)
#   intake          district_raw.run() and install(): the intake pipeline rebuilds the
#                   engines' input from them (demo/pipeline.sql)
#   views           demo/views.sql: builds every report view, which runs evaluate(),
#                   evaluation_gap() and tier_check() once each
#   policy          demo/policy.sql: 政策兑现 (report.policy_payment)
#   analyze         ANALYZE
#   report          demo/report.sql, policy_report.sql, report_intake.sql (the printed report)
#   export          every report view as CSV, as tools/demo.sh writes them
#   evaluate        evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year') alone
#   evaluation_gap  evaluation_gap(...) alone (evaluate + the gap of every graded firm)
#   tier_check      tier_check(2024 rows, {guishang,chuangxin,zjtx,xjr}) alone
#   refresh         report.refresh(): REFRESH MATERIALIZED VIEW CONCURRENTLY of them all
#
# The main job is every stage up to export (plus a few seconds of build and server
# start).  Memory: VmHWM of the backend at the end of the stage
# (peak resident set, including the shared buffers it touched) and the peak of its
# private memory (RssAnon, sampled every 0.1 s).  Results: one line per stage on stdout
# and in $OUT (default bench/out/scale.tsv).  Run as root or the server's OS user.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
[ $# -eq 0 ] && set -- 10000 100000 1000000
OUT=${OUT:-$REPO/bench/out/scale.tsv}
mkdir -p "$(dirname "$OUT")"
bench_start scale >/dev/null
TMP=$(mktemp -d)
chmod 777 "$TMP"
cp -r "$REPO/demo" "$TMP/"
chmod -R a+rX "$TMP/demo"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

# stage NAME SCRIPT: run the psql SCRIPT in a new session of database $DB, timed, while
# sampling the backend's private memory; append the result line.
stage() {
	local name=$1 pid= peak=0 anon start end hwm
	rm -f "$TMP/pid" "$TMP/hwm"
	cat >"$TMP/$name.sql" <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv BENCH_PID :pid
\! echo \$BENCH_PID > $TMP/pid
$2
\! grep VmHWM /proc/\$BENCH_PID/status > $TMP/hwm
\! awk '{print \$14 + \$15}' /proc/\$BENCH_PID/stat > $TMP/cpu
SQL
	chmod a+r "$TMP/$name.sql"
	start=$(date +%s.%N)
	as_pg "${PSQL[@]}" -d "$DB" -f "$TMP/$name.sql" >"$TMP/$name.out" &
	local job=$!
	while kill -0 "$job" 2>/dev/null; do
		[ -z "$pid" ] && [ -s "$TMP/pid" ] && pid=$(cat "$TMP/pid")
		if [ -n "$pid" ]; then
			anon=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
			[ "${anon:-0}" -gt "$peak" ] && peak=$anon
		fi
		sleep 0.1
	done
	wait "$job"
	end=$(date +%s.%N)
	hwm=$(awk '{print $2}' "$TMP/hwm")
	printf '%s\t%s\t%.1f\t%.1f\t%d\t%d\n' "$N" "$name" "$(echo "$end - $start" | bc)" \
		"$(echo "$(cat "$TMP/cpu") / $(getconf CLK_TCK)" | bc -l)" "$((hwm / 1024))" "$((peak / 1024))" \
		| tee -a "$OUT"
}

printf 'firms\tstage\tseconds\tbackend_cpu_s\tVmHWM_MB\tpeak_RssAnon_MB\n' | tee "$OUT"
for N in "$@"; do
	DB=district_$N
	as_pg "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
	as_pg "${PSQL[@]}" -d "$DB" -c 'CREATE EXTENSION industry' -f "$TMP/demo/district.sql"
	stage generate "SELECT * FROM district.generate($N);"
	if [ -e "$TMP/demo/raw_sources.sql" ]; then
		as_pg "${PSQL[@]}" -d "$DB" -f "$TMP/demo/raw_sources.sql" -f "$TMP/demo/pipeline.sql"
		stage raw_sources "SELECT * FROM district_raw.generate(true);"
		stage intake "SELECT * FROM district_raw.run(); SELECT district_raw.install();"
	fi
	stage views "\\i $TMP/demo/views.sql"
	[ -e "$TMP/demo/policy.sql" ] && stage policy "\\i $TMP/demo/policy.sql"
	stage analyze 'ANALYZE;'
	stage report "$(for f in report policy_report report_intake; do
		[ -e "$TMP/demo/$f.sql" ] && echo "\\i $TMP/demo/$f.sql"; done)"
	stage export "$(for v in $(as_pg psql -X -At -d "$DB" -c "SELECT c.relname FROM pg_class c WHERE c.relkind = 'm'
			AND c.relnamespace = 'report'::regnamespace ORDER BY c.oid"); do
		echo "\\copy (SELECT * FROM report.$v ORDER BY 1, 2) TO '$TMP/$v.csv' WITH (FORMAT csv, HEADER)"; done)"
	stage evaluate "SELECT count(*) FROM evaluate('zhejiang', 2024, 'SELECT * FROM district.firm_year');"
	stage evaluation_gap "SELECT count(*) FROM evaluation_gap('zhejiang', 2024, 'SELECT * FROM district.firm_year');"
	stage tier_check "SELECT count(*) FROM tier_check('SELECT * FROM district.firm_year WHERE year = 2024',
		ARRAY['guishang', 'chuangxin', 'zjtx', 'xjr']);"
	stage refresh 'SELECT report.refresh();'
	as_pg "${PSQL[@]}" -d "$DB" -At -F ' ' -c "SELECT 'rows: ' || (SELECT count(*) FROM district.annual) || ' annual, '
		|| (SELECT count(*) FROM district.monthly) || ' monthly; database ' || pg_size_pretty(pg_database_size(current_database()))"
	as_pg "${PSQL[@]}" -d postgres -c "DROP DATABASE $DB"
done
rm -rf "$TMP"
