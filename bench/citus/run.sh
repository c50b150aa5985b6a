#!/usr/bin/env bash
# bench/citus/run.sh: min/max against sum over a distributed district.annual, and against
# min/max as 1.0 declared them (LANGUAGE internal int8smaller/int8larger), on a Citus
# coordinator with two workers started by tools/citus_check.sh.  Needs Citus (system-wide
# or CITUS_INSTALL, see tools/citus_check.sh).  FIRMS (default 5000) sets the district.
#
#   CITUS_INSTALL=/tmp/citus-install bash bench/citus/run.sh
exec env CITUS_BENCH=1 CITUS_FIRMS="${FIRMS:-5000}" CITUS_BENCH_RUNS="${RUNS:-5}" \
	bash "$(dirname "${BASH_SOURCE[0]}")/../../tools/citus_check.sh"
