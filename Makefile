# industry: PGXS build.  Sources are found by wildcard so that adding a C file or a
# regression test never needs an edit here.

EXTENSION = industry
EXTVERSION = 1.1
MODULE_big = industry
PGFILEDESC = "industry - 亩均论英雄 arithmetic for PostgreSQL"

OBJS = $(patsubst %.c,%.o,$(sort $(wildcard extension/*.c)))
HEADERS = $(wildcard extension/*.h)

# Released install scripts are frozen plain files (extension/industry--1.0.sql, guarded by
# extension/released/*.sha256).  Release 1.1 is the upgrade script industry--1.0--1.1.sql;
# the full 1.1 install script is built as the frozen 1.0 script followed by that same
# upgrade body, so a fresh 1.1 and an updated 1.0 run the same statements.
DATA = extension/$(EXTENSION)--1.0.sql extension/$(EXTENSION)--1.0--1.1.sql
DATA_built = extension/$(EXTENSION)--1.1.sql
DOCS = $(wildcard doc/*.md)

REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
TAP_TESTS = 1
PROVE_TESTS = test/t/*.pl

# The server headers are system headers to the compiler: some of PostgreSQL 15's inline
# functions are not -Wextra clean (unused parameters), and our -Werror build must not
# fail on code that is not ours.
PG_CPPFLAGS = -I$(srcdir)/extension -isystem $(includedir_server)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (small project: simpler than generated deps)
$(OBJS): $(HEADERS)

# Regenerated on every make, written only when the content changes.
extension/$(EXTENSION)--1.1.sql: extension/$(EXTENSION)--1.0.sql extension/$(EXTENSION)--1.0--1.1.sql FORCE
	{ cat extension/$(EXTENSION)--1.0.sql; echo; \
	  grep -v '^\\echo ' extension/$(EXTENSION)--1.0--1.1.sql; } > $@.tmp
	cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

.PHONY: FORCE
FORCE:
