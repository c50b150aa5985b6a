#!/usr/bin/env bash
# tools/demo.sh: the main job. Installs what is missing, builds and installs the extension,
# starts a scratch server (own socket and port, removed afterwards) and prints a worked
# demonstration on published figures.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_packages
build
say "installing into $(pg_config --pkglibdir)"
make -C "$REPO" -s install PG_CONFIG="$PG_SYS_BIN/pg_config" >/dev/null
trap cluster_stop EXIT
say "starting a scratch server"
cluster_start demo "$PG_SYS_BIN"
as_pg psql -X -q -v ON_ERROR_STOP=1 -d postgres -f "$REPO/demo/types.sql"
