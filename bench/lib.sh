# bench/lib.sh: what the bench/*/run.sh scripts share, on top of tools/lib.sh (build, the
# private stage, scratch servers): starting a bench server, psql_do and pair_ms.  Sourced
# by each run.sh; RUNS (rounds of pair_ms) is the sourcing script's.

source "$(dirname "${BASH_SOURCE[0]}")/../tools/lib.sh"

# bench_start NAME: build and stage the extension, start the private scratch server NAME
# (with CLUSTER_EXTRA_CONF when set), stopped when the script exits; the staged psql first
# in PATH.
bench_start() {
	ensure_packages
	build
	stage_install
	trap cluster_stop EXIT
	cluster_start "$1"
	export PATH="$STAGE_BIN:$PATH"
}

# psql_do ARGS...: the staged psql as the server's user, quiet, stopping at the first error.
psql_do() { as_pg "$STAGE_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# pair_ms SETUP_A QUERY_A SETUP_B QUERY_B: A and B interleaved in one session (so a
# change in machine load hits both alike), one warm-up round, then the best of $RUNS
# rounds each.  Prints "ms_a ms_b".  Only the queries are timed, not the setups (which
# may be empty).
pair_ms() {
	alternate_ms "$@" |
		awk 'NR == 1 || $1 + 0 < ba + 0 { ba = $1 } NR == 1 || $2 + 0 < bb + 0 { bb = $2 }
			END { print ba, bb }'
}

# alternate_ms SETUP_A QUERY_A SETUP_B QUERY_B: as pair_ms (A and B alternated in one
# session, setups not timed, one warm-up round), but every timed round is printed, as a
# line "ms_a ms_b", for median_ratio.
alternate_ms() {
	local script='' i
	for ((i = 0; i <= RUNS; i++)); do
		script+="\\timing off"$'\n'"$1"$'\n'"\\timing on"$'\n'"$2"$'\n'
		script+="\\timing off"$'\n'"$3"$'\n'"\\timing on"$'\n'"$4"$'\n'
	done
	psql_do -o /dev/null <<<"$script" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' |
		awk 'NR > 2 { if (NR % 2) a = $1; else print a, $1 }'
}

# median_ratio: reads "ms_a ms_b" lines; prints the medians of ms_a, ms_b and ms_a / ms_b.
median_ratio() {
	awk '{ a[n] = $1; b[n] = $2; r[n] = $1 / $2; n++ }
		function median(x,   i, j, t) {
			for (i = 1; i < n; i++)
				for (j = i; j > 0 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
			return n % 2 ? x[(n - 1) / 2] : (x[n / 2 - 1] + x[n / 2]) / 2
		}
		END { printf "%.0f %.0f %.3f\n", median(a), median(b), median(r) }'
}
