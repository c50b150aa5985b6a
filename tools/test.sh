#!/usr/bin/env bash
# tools/test.sh: run every test of the industry extension from a bare machine.
#
#   bash tools/test.sh                 everything: build, unit, property, fuzz, regress, tap, citus
#   bash tools/test.sh regress tap     only some phases
#   REGRESS="quantity_io casts" bash tools/test.sh regress    only some pg_regress files
#   TAP="003_upgrade" bash tools/test.sh tap                    only some TAP files
#
# Environment: FUZZ_SECONDS (default 60), PROPERTY_N (default 1000000 per type),
# INDUSTRY_STAGE (private install dir).  Installs missing Debian packages when run as root.
# Ends with a line 'N passed, N failed'; exits non-zero if anything failed.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

phases=("$@")
[ ${#phases[@]} -eq 0 ] && phases=(unit property fuzz regress docs tap citus)
want() { local p; for p in "${phases[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

passed=0
failed=0
failures=()
record() { # record NAME STATUS
	if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

ensure_packages
build
stage_install
trap cluster_stop EXIT
WORK=$STAGE/work
rm -rf "$WORK"
mkdir -p "$WORK"
[ "$(id -u)" -eq 0 ] && chown postgres: "$WORK"

# Backend-free sources that standalone tests and fuzzers link against.
standalone_srcs() { local f; for f in quantity.c uscc.c; do [ -e "$REPO/extension/$f" ] && echo "$REPO/extension/$f"; done; }

# Standalone C tests of the parsers (no server): test/unit/*.c, test/property/*.c
run_c_tests() { # run_c_tests DIR PHASE
	local src bin rc
	for src in "$REPO"/test/"$1"/*.c; do
		[ -e "$src" ] || continue
		bin=$WORK/$(basename "$src" .c)
		say "$2: $(basename "$src")"
		rc=0
		gcc -O2 $CFLAGS_STRICT -I"$REPO/extension" -o "$bin" "$src" $(standalone_srcs) -lm \
			&& "$bin" "${PROPERTY_N:-1000000}" || rc=$?
		record "$2/$(basename "$src" .c)" $rc
	done
}
if want unit; then
	say "unit: install script fragments are representable in EUC_CN"
	rc=0
	python3 "$REPO/tools/check_script_encoding.py" "$REPO"/extension/industry--1.0.sql "$REPO"/extension/industry--1.0--1.1.sql || rc=$?
	record unit/script_encoding $rc
	say "unit: released install scripts are unchanged"
	rc=0
	for h in "$REPO"/extension/released/*.sha256; do
		[ -e "$h" ] || continue
		script=$REPO/extension/$(basename "$h" .sha256)
		if [ "$(sha256sum "$script" | cut -d' ' -f1)" != "$(cat "$h")" ]; then
			echo "$(basename "$script") differs from the released script: released install scripts are never"
			echo "edited; put the change in an upgrade script (doc/dev.md, Releases and upgrades)"
			rc=1
		fi
	done
	record unit/released_scripts $rc
	say "unit: the C files call each other one way (no circles; the kit calls no engine)"
	rc=0
	python3 "$REPO/tools/check_layers.py" "$REPO"/extension/*.o || rc=$?
	record unit/layers $rc
	run_c_tests unit unit
fi
want property && run_c_tests property property

# libFuzzer over the parsers, bounded in time (test/fuzz/*.c).
if want fuzz; then
	for src in "$REPO"/test/fuzz/*.c; do
		[ -e "$src" ] || continue
		name=$(basename "$src" .c)
		say "fuzz: $name for ${FUZZ_SECONDS:-60}s"
		rc=0
		mkdir -p "$WORK/corpus-$name"
		seeds=$REPO/test/fuzz/seeds/$name
		[ -d "$seeds" ] || seeds=$REPO/test/fuzz/seeds
		[ -d "$seeds" ] || seeds=
		clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
			-I"$REPO/extension" -o "$WORK/$name" "$src" $(standalone_srcs) \
			&& "$WORK/$name" -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=0 \
				"$WORK/corpus-$name" $seeds >"$WORK/$name.log" 2>&1 \
			|| { rc=$?; tail -40 "$WORK/$name.log"; }
		grep -E '^#[0-9]+ *DONE|Done [0-9]+ runs' "$WORK/$name.log" | tail -1 || true
		record "fuzz/$name" $rc
	done
fi

if want regress || want docs || want tap; then
	say "starting scratch server"
	cluster_start test
	echo "server on port $PGPORT, socket $PGHOST"
fi

# pg_regress: every sql/*.sql in name order, in one database with the extension loaded.
if want regress; then
	tests=${REGRESS:-$(cd "$REPO/sql" && ls *.sql | sed 's/\.sql$//' | sort | tr '\n' ' ')}
	say "pg_regress: $tests"
	rc=0
	# inputs copied where the server's OS user can read them
	mkdir -p "$WORK/regress-input"
	cp -r "$REPO/sql" "$REPO/expected" "$WORK/regress-input/"
	chmod -R a+rX "$WORK/regress-input"
	as_pg "$STAGE/usr/lib/postgresql/$PGVER/lib/pgxs/src/test/regress/pg_regress" \
		--inputdir="$WORK/regress-input" --outputdir="$WORK/regress" --bindir="$STAGE_BIN" \
		--host="$PGHOST" --port="$PGPORT" --load-extension=industry --dbname=industry_regression \
		$tests >"$WORK/regress.log" 2>&1 || rc=$?
	cat "$WORK/regress.log"
	while read -r line; do
		case "$line" in
			*"... ok"*|*"... FAILED"*|*"... failed"*) ;;
			*) continue ;;
		esac
		t=$(echo "$line" | sed -E 's/^(test |     )?[[:space:]]*([A-Za-z0-9_]+).*/\2/')
		case "$line" in *"... ok"*) record "regress/$t" 0 ;; *) record "regress/$t" 1 ;; esac
	done <"$WORK/regress.log"
	if [ -f "$WORK/regress/regression.diffs" ] && [ -s "$WORK/regress/regression.diffs" ]; then
		say "regression.diffs"
		head -300 "$WORK/regress/regression.diffs"
	fi
	[ $rc -ne 0 ] && ! grep -q FAILED "$WORK/regress.log" && record "regress/pg_regress" $rc
fi

# The docs' checked examples (lines "SELECT ...;  -- → result" in ```sql blocks).
if want docs; then
	say "docs: checked examples in README.md and doc/*.md"
	for f in "$REPO/README.md" "$REPO"/doc/*.md; do
		rc=0
		python3 "$REPO/tools/check_doc_examples.py" "$f" || rc=$?
		grep -q -- '-- →' "$f" && record "docs/$(basename "$f" .md)" $rc
	done
fi

# TAP: test/t/*.pl with PostgreSQL::Test::Cluster, against the staged binaries.
if want tap; then
	if [ -n "${TAP:-}" ]; then	# TAP="003_upgrade district_data": only these files
		tap_files=$(for t in $TAP; do ls "$REPO/test/t/$t.pl"; done)
	else
		tap_files=$(ls "$REPO"/test/t/*.pl 2>/dev/null || true)
	fi
	if [ -n "$tap_files" ]; then
		say "TAP: $(echo $tap_files | xargs -n1 basename | tr '\n' ' ')"
		mkdir -p "$WORK/tap/t" "$WORK/tap/repo/test"
		cp $tap_files "$WORK/tap/t/"
		# what the tests read of the checkout, where the server's OS user can read it
		cp -r "$REPO/demo" "$WORK/tap/repo/"
		(cd "$REPO/test" && tar --exclude=node_modules -cf - clients) | tar -xf - -C "$WORK/tap/repo/test"
		mkdir -p "$WORK/tap/repo/tools"
		(cd "$REPO/tools" && tar --exclude=node_modules -cf - report) | tar -xf - -C "$WORK/tap/repo/tools"
		mkdir -p "$WORK/artifacts"
		[ "$(id -u)" -eq 0 ] && chown -R postgres: "$WORK/tap" "$WORK/artifacts"
		pgxs=$STAGE/usr/lib/postgresql/$PGVER/lib/pgxs
		for f in $tap_files; do
			rc=0
			as_pg sh -c 'cd "$1" && shift && exec "$@"' sh "$WORK/tap" \
				env PATH="$STAGE_BIN:$PATH" PG_REGRESS="$pgxs/src/test/regress/pg_regress" \
				REPO="$WORK/tap/repo" REPORT_ARTIFACTS="$WORK/artifacts" PERL5LIB="$pgxs/src/test/perl" prove -v "t/$(basename "$f")" >"$WORK/tap-$(basename "$f" .pl).log" 2>&1 || rc=$?
			echo "  assertions ok: $(grep -c '^ok' "$WORK/tap-$(basename "$f" .pl).log" || true)"
			[ $rc -ne 0 ] && tail -60 "$WORK/tap-$(basename "$f" .pl).log"
			record "tap/$(basename "$f" .pl)" $rc
		done
		for a in "$WORK"/artifacts/*; do	# the browser test's screenshot and A4 print
			if [ -e "$a" ]; then echo "artifact: $a"; fi
		done
	fi
fi

cluster_stop
trap - EXIT

# The distributed checks (tools/citus_check.sh): on a Citus coordinator and workers of their
# own when Citus is installed (system-wide or CITUS_INSTALL), else "skipped" (status 77).
if want citus; then
	say "citus: distributed checks"
	rc=0
	bash "$REPO/tools/citus_check.sh" >"$WORK/citus.log" 2>&1 || rc=$?
	grep -E '^(ok|not ok) - |^citus: |^  ' "$WORK/citus.log" || true
	if [ $rc -ne 77 ]; then
		[ $rc -ne 0 ] && tail -30 "$WORK/citus.log"
		record citus $rc
	fi
fi

say "summary"
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
