#!/usr/bin/env bash
# tools/check_newer_pg.sh: compile every C file against a newer PostgreSQL's server headers
# (Debian 13's postgresql-server-dev-17, downloaded and unpacked into a temp dir, not
# installed) with the CI warning flags.  A developer check of the version shims in
# extension/industry.h; not part of the CI run (it needs the Debian 13 package index).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGNEW=${PGNEW:-17}
T=${TMPDIR:-/tmp}/industry-pg$PGNEW
mkdir -p "$T/lists/partial" "$T/cache/archives/partial" "$T/root"
echo "deb http://deb.debian.org/debian trixie main" >"$T/sources.list"
APTO=(-o Dir::Etc::sourcelist="$T/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$T/lists"
	-o Dir::Cache="$T/cache" -o APT::Get::List-Cleanup=0)
if [ ! -d "$T/root/usr/include/postgresql/$PGNEW/server" ]; then
	apt-get "${APTO[@]}" update -qq
	(cd "$T" && apt-get "${APTO[@]}" download "postgresql-server-dev-$PGNEW" libpq-dev >/dev/null 2>&1)
	for d in "$T"/*.deb; do dpkg -x "$d" "$T/root"; done
fi
inc=$T/root/usr/include/postgresql
fails=0
for f in "$REPO"/extension/*.c; do
	if ! gcc -fsyntax-only -std=gnu99 -Wall -Wextra -Werror -Wmissing-prototypes \
		-Wdeclaration-after-statement -I "$REPO/extension" -isystem "$inc/$PGNEW/server" \
		-isystem "$inc/internal" -isystem "$inc" "$f"; then
		fails=$((fails + 1))
	fi
done
echo "PostgreSQL $PGNEW headers: $(ls "$REPO"/extension/*.c | wc -l) files, $fails failed"
[ "$fails" -eq 0 ]
