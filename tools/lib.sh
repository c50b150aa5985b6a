# tools/lib.sh: shared by tools/test.sh (all tests) and tools/demo.sh (main job).
# Source it; it defines functions and a few variables and changes nothing by itself.
#
#   ensure_packages     apt-get install what is missing (as root), else fail with the list
#   build               make with -Wall -Wextra -Werror
#   stage_install       copy the PostgreSQL tree into $STAGE and install the extension there
#   cluster_start       initdb + start a scratch server on its own socket and port
#   cluster_stop        stop it and remove its data directory
#   as_pg CMD...        run a command as the cluster's OS user
#
# $STAGE is a private, relocated copy of the PostgreSQL 15 binaries with the extension
# installed into it, so tests never touch (or depend on) a system-wide install and several
# checkouts can test side by side.  Override it with INDUSTRY_STAGE.

set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGVER=15
PG_SYS_BIN=/usr/lib/postgresql/$PGVER/bin
STAGE=${INDUSTRY_STAGE:-/tmp/industry-stage-$(printf '%s' "$REPO" | md5sum | cut -c1-10)}
STAGE_BIN=$STAGE/usr/lib/postgresql/$PGVER/bin
CFLAGS_STRICT="-Wall -Wextra -Werror"

say() { printf '\n== %s\n' "$*"; }

# Install what a bare Debian 12 machine lacks.  Package list in one place.
ensure_packages() {
	local pkgs=(make gcc clang-14 libclang-rt-14-dev perl libipc-run-perl
		postgresql-$PGVER postgresql-client-$PGVER postgresql-server-dev-$PGVER
		postgresql-$PGVER-cron python3 python3-psycopg2
		odbc-postgresql unixodbc python3-pyodbc	# psqlODBC, the driver of Excel, Power BI, Tableau
		libpostgresql-jdbc-java default-jdk-headless	# pgjdbc, the driver of Metabase, DBeaver
		chromium fonts-noto-cjk	# report.html: screenshot, browser test, CJK glyphs
		"$@")
	local missing=() p
	command -v npm >/dev/null || pkgs+=(nodejs npm)	# node-postgres client tests
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
		return 1
	fi
	say "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o Acquire::Retries=3 update -qq
	apt-get -o Acquire::Retries=3 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
	say "building (PG_CFLAGS=$CFLAGS_STRICT)"
	make -C "$REPO" -s PG_CONFIG="$PG_SYS_BIN/pg_config" PG_CFLAGS="$CFLAGS_STRICT ${EXTRA_CFLAGS:-}"
}

stage_install() {
	say "staging PostgreSQL $PGVER + industry in $STAGE"
	# a fresh copy each time (about 50 MB, under a second) so packages installed since,
	# such as pg_cron, are there too
	rm -rf "$STAGE/usr"
	mkdir -p "$STAGE/usr/lib/postgresql" "$STAGE/usr/share/postgresql"
	cp -a "/usr/lib/postgresql/$PGVER" "$STAGE/usr/lib/postgresql/"
	cp -a "/usr/share/postgresql/$PGVER" "$STAGE/usr/share/postgresql/"
	make -C "$REPO" -s install DESTDIR="$STAGE" PG_CONFIG="$PG_SYS_BIN/pg_config" >/dev/null
	chmod -R a+rX "$STAGE/usr"
}

# The OS user that runs servers: ourselves, or 'postgres' when we are root.
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

# (from /, so that a checkout the postgres user cannot enter, such as one under /root, is
# never its working directory; feed it files on standard input or copy them to $STAGE)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- env PATH="$PATH" "$@")
	else
		"$@"
	fi
}

# A free TCP port on loopback, starting from a per-checkout offset.
free_port() {
	local p=$((54000 + 0x$(printf '%s' "$REPO$1" | md5sum | cut -c1-3) % 900))
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
	echo "$p"
}

# cluster_start NAME [BIN_DIR]: sets PGHOST PGPORT PGDATA PGUSER for the scratch server.
cluster_start() {
	local name=$1 bin=${2:-$STAGE_BIN}
	local dir=$STAGE/clusters/$name
	cluster_stop_dir "$dir" "$bin"
	mkdir -p "$dir/sock"
	chmod 755 "$STAGE" "$STAGE/clusters" 2>/dev/null || true
	[ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
	export PGHOST=$dir/sock PGPORT PGDATA=$dir/data PGUSER=$(pg_user) PGDATABASE=postgres
	PGPORT=$(free_port "$name")
	as_pg "$bin/initdb" -D "$PGDATA" -U "$PGUSER" -E UTF8 --locale=C.UTF-8 -A trust >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log"; return 1; }
	cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGHOST'
fsync = off
synchronous_commit = off
full_page_writes = off
max_parallel_workers_per_gather = 2
shared_buffers = 256MB
${CLUSTER_EXTRA_CONF:-}
CONF
	as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$dir/server.log" -w -t 60 start >/dev/null \
		|| { cat "$dir/server.log"; return 1; }
	CLUSTER_DIR=$dir
	CLUSTER_BIN=$bin
}

cluster_stop_dir() {
	local dir=$1 bin=$2
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

cluster_stop() {
	[ -n "${CLUSTER_DIR:-}" ] && cluster_stop_dir "$CLUSTER_DIR" "$CLUSTER_BIN"
	CLUSTER_DIR=
}
