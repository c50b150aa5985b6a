#!/usr/bin/env bash
# tools/demo.sh: the main job.  Builds and installs the extension into this machine's
# PostgreSQL 15, starts a scratch server (own port and socket, removed at exit), shows
# the types on published figures (demo/types.sql), loads the sample district
# (demo/district.sql: 3000 firms, generated deterministically), generates its raw sources
# with seeded faults and rebuilds the engines' input from them (demo/raw_sources.sql,
# demo/pipeline.sql; DEMO_FAULTS=false for clean sources),
# builds the report views (demo/views.sql) and prints the district report
# (demo/report.sql, then the 数据核对 section demo/report_intake.sql).  The report is also
# written as CSV (one file per report view) and as report.html with charts (tools/report:
# ECharts, inlined; report.png is its screenshot in headless Chromium) into ./report/ (or
# $REPORT_DIR).  Safe to repeat.
#
#   bash tools/demo.sh                    as root on a bare Debian 12: installs packages
#   DEMO_FIRMS=10000 bash tools/demo.sh   a bigger district
#   KEEP=1 bash tools/demo.sh             leave the server running to explore it

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=${REPORT_DIR:-$PWD/report}
FIRMS=${DEMO_FIRMS:-3000}
started=$(date +%s)

ensure_packages
build
say "installing into $("$PG_SYS_BIN/pg_config" --pkglibdir) (CREATE EXTENSION industry works in any PostgreSQL 15 server of this machine)"
make -C "$REPO" -s install PG_CONFIG="$PG_SYS_BIN/pg_config" >/dev/null

say "starting a scratch server"
[ -z "${KEEP:-}" ] && trap cluster_stop EXIT
cluster_start demo "$PG_SYS_BIN"
PSQL=("$PG_SYS_BIN/psql" -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c 'CREATE DATABASE district'
export PGDATABASE=district

say "the types on published figures (demo/types.sql)"
"${PSQL[@]}" -f "$REPO/demo/types.sql"	# creates the extension

say "loading the sample district ($FIRMS firms) and the report views"
"${PSQL[@]}" -f "$REPO/demo/district.sql"
"${PSQL[@]}" -P footer=off -c "SELECT enterprises AS \"企业\", annual_rows AS \"年度数据行\", monthly_rows AS \"月度数据行\" FROM district.generate($FIRMS)"
say "raw sources with seeded faults (demo/raw_sources.sql) and the intake pipeline (demo/pipeline.sql)"
"${PSQL[@]}" -f "$REPO/demo/raw_sources.sql" -f "$REPO/demo/pipeline.sql"
"${PSQL[@]}" -P footer=off -c "SELECT source AS \"来源\", rows AS \"行数\" FROM district_raw.generate(${DEMO_FAULTS:-true})" \
	-c "SELECT step AS \"步骤\", result AS \"结果\" FROM district_raw.run()" -c "SELECT district_raw.install() AS \"评价输入行(2023-2024)\""
"${PSQL[@]}" -f "$REPO/demo/views.sql"
"${PSQL[@]}" -f "$REPO/demo/policy.sql"	# 政策兑现 (report.policy_payment)
"${PSQL[@]}" -c 'ANALYZE'

"${PSQL[@]}" -f "$REPO/demo/report.sql"
"${PSQL[@]}" -f "$REPO/demo/policy_report.sql"
"${PSQL[@]}" -f "$REPO/demo/report_intake.sql"

# Files: every report view as CSV (UTF-8 with BOM so that Excel opens it as UTF-8),
# and the report as HTML.
rm -rf "$OUT"
mkdir -p "$OUT"
for v in $("${PSQL[@]}" -At -c "SELECT c.relname FROM pg_class c WHERE c.relkind = 'm'
		AND c.relnamespace = 'report'::regnamespace ORDER BY c.oid"); do
	printf '\xef\xbb\xbf' >"$OUT/$v.csv"
	"${PSQL[@]}" -c "\\copy (SELECT * FROM report.$v ORDER BY 1, 2) TO STDOUT WITH (FORMAT csv, HEADER)" >>"$OUT/$v.csv"
done
# 兑现清单: one CSV per policy, the firms it pays (or charges) with amount and basis.
if [ "$("${PSQL[@]}" -At -c "SELECT to_regclass('report.policy_payment') IS NOT NULL")" = t ]; then
	for sp in $("${PSQL[@]}" -At -F / -c "SELECT DISTINCT policy_set, policy FROM report.policy_payment ORDER BY 1, 2"); do
		printf '\xef\xbb\xbf' >"$OUT/兑现清单_${sp%/*}_${sp#*/}.csv"
		"${PSQL[@]}" -c "\\copy (SELECT credit_code AS 统一社会信用代码, name AS 企业名称, class AS 评价类别, label AS 政策, amount_yuan AS 金额_元, applied AS 封顶或预算, explanation AS 依据 FROM report.policy_payment WHERE policy_set = '${sp%/*}' AND policy = '${sp#*/}' AND eligible ORDER BY amount_yuan DESC, credit_code) TO STDOUT WITH (FORMAT csv, HEADER)" >>"$OUT/兑现清单_${sp%/*}_${sp#*/}.csv"
	done
fi

# report.html: the charts (ECharts, tools/report) of the report views' figures
# (demo/report_data.sql, also kept as report.json), the report's tables after them;
# self-contained.  Then a look at it in headless Chromium: report.png.
"${PSQL[@]}" -At -f "$REPO/demo/report_data.sql" >"$OUT/report.json"
tables=$(mktemp)
{
	printf '<pre>\n'
	"${PSQL[@]}" -H -f "$REPO/demo/report.sql" -f "$REPO/demo/policy_report.sql" -f "$REPO/demo/report_intake.sql" \
		| sed -e 's#^\(<table\)#</pre>\1#' -e 's#^\(</table>\)#\1<pre>#'
	printf '</pre>\n'
} >"$tables"
if [ -d "$REPO/tools/report/node_modules/echarts" ] \
	|| (cd "$REPO/tools/report" && npm ci --no-audit --no-fund --no-update-notifier >/dev/null); then
	node "$REPO/tools/report/build.js" "$OUT/report.json" "$tables" >"$OUT/report.html"
	checked=$(node "$REPO/tools/report/check.js" "$OUT/report.html" - "$OUT/report.png") \
		|| { echo "$checked" | grep -v '^ok - ' >&2; echo "report.html does not display as it should" >&2; exit 1; }
	echo "report.html opened in headless Chromium: $(echo "$checked" | grep -c '^ok - ') checks passed"
else
	echo "npm ci failed in tools/report (no network?): report.html has the tables only, no charts" >&2
	{
		printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>样例区亩均效益与工业运行报告</title>\n'
		printf '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0 1.5em}'
		printf 'td,th{border:1px solid #999;padding:2px 8px}td{text-align:right}</style></head><body>\n'
		cat "$tables"
		printf '</body></html>\n'
	} >"$OUT/report.html"
fi
rm -f "$tables"

say "report files in $OUT: report.html (charts; report.png is how it looks, report.json its figures) and $(ls "$OUT" | grep -c '\.csv$') CSV files ($(cd "$OUT" && ls *.csv | tr '\n' ' '))"
if [ -n "${KEEP:-}" ]; then
	echo "server kept: PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=district psql"
	echo "stop it with: $PG_SYS_BIN/pg_ctl -D $PGDATA stop"
fi
echo "done in $(($(date +%s) - started)) s"
