# industry: PGXS build.  Sources are found by wildcard so that adding a C file, a
# SQL fragment or a regression test never needs an edit here.

EXTENSION = industry
EXTVERSION = 1.0
MODULE_big = industry
PGFILEDESC = "industry - 亩均论英雄 arithmetic for PostgreSQL"

OBJS = $(patsubst %.c,%.o,$(sort $(wildcard extension/*.c)))
HEADERS = $(wildcard extension/*.h)

# The 1.0 install script is assembled from per-topic fragments (extension/sql/NN_*.sql,
# in name order).  1.0 is frozen once released: later changes go in
# extension/industry--1.0--X.Y.sql upgrade scripts, never in the fragments.
DATA_built = extension/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard extension/$(EXTENSION)--*--*.sql)
DOCS = $(wildcard doc/*.md)

REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
TAP_TESTS = 1
PROVE_TESTS = test/t/*.pl

# The server headers are system headers to the compiler: some of PostgreSQL 15's inline
# functions are not -Wextra clean (unused parameters), and our -Werror build must not
# fail on code that is not ours.
PG_CPPFLAGS = -I$(srcdir)/extension -isystem $(includedir_server)
EXTRA_CLEAN = extension/$(EXTENSION)--$(EXTVERSION).sql

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (small project: simpler than generated deps)
$(OBJS): $(HEADERS)

# Regenerated on every make (a fragment removed must count too), written only when its
# content changes.
extension/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard extension/sql/*.sql)) FORCE
	cat $(filter-out FORCE,$^) > $@.tmp
	cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

.PHONY: FORCE
FORCE:
