#!/usr/bin/env python3
"""Run the SQL examples of the docs and check the results they claim.

Every ```sql block of a Markdown file runs, in order, in one psql session on a fresh
database with the extension installed.  A line of the form

    SELECT wan_yuan('75.02亿元');  -- → 750200

is a checked example: its output (unaligned, columns joined by " | ") must equal the text
after "→".  Other statements run as setup and their output is ignored.  Usage:

    check_doc_examples.py FILE.md...      (PG* environment variables name the server)

Prints one line per file, 'ok' or the mismatches, and exits 1 if any example fails.
"""
import os
import re
import subprocess
import sys

CHECKED = re.compile(r"^(?P<sql>.*;)\s*--\s*→\s*(?P<expected>.*?)\s*$")


def blocks(text):
    inside = False
    lines = []
    for line in text.splitlines():
        if not inside and line.strip().startswith("```sql"):
            inside, lines = True, []
        elif inside and line.strip().startswith("```"):
            inside = False
            yield lines
        elif inside:
            lines.append(line)


def check(path, dbname):
    script = ["\\set ON_ERROR_STOP 0", "\\pset footer off", "SET client_min_messages = warning;"]
    expected = []
    for lines in blocks(open(path, encoding="utf-8").read()):
        for line in lines:
            m = CHECKED.match(line)
            if m:
                script.append("\\echo @@%d" % len(expected))
                script.append(m.group("sql"))
                script.append("\\echo @@end")
                expected.append((m.group("sql").strip(), m.group("expected")))
            else:
                script.append(line)
    if not expected:
        return 0, 0
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", " | ", "-d", dbname],
        input="\n".join(script) + "\n", capture_output=True, text=True,
        env=dict(os.environ, PGCLIENTENCODING="UTF8"))
    got, current = {}, None
    for line in (out.stdout + "\n").splitlines():
        if line.startswith("@@end"):
            current = None
        elif line.startswith("@@"):
            current = int(line[2:])
            got[current] = []
        elif current is not None:
            got[current].append(line)
    failures = 0
    for i, (sql, want) in enumerate(expected):
        have = " / ".join(got.get(i, []))
        if have != want:
            failures += 1
            print("  %s: %s\n    expected: %s\n    got:      %s" % (path, sql, want, have or "(error or nothing; see below)"))
    if failures and out.stderr:
        print("  psql said:\n    " + "\n    ".join(out.stderr.splitlines()[:20]))
    return len(expected), failures


def main():
    total_failures = 0
    for path in sys.argv[1:]:
        db = "industry_doc_" + re.sub(r"\W", "_", os.path.basename(path)).lower()
        subprocess.run(["psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS %s" % db,
                        "-c", "CREATE DATABASE %s" % db], check=True, capture_output=True)
        subprocess.run(["psql", "-X", "-q", "-d", db, "-c", "CREATE EXTENSION industry"], check=True)
        n, failures = check(path, db)
        subprocess.run(["psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE %s" % db],
                       check=True, capture_output=True)
        print("%s: %d examples, %s" % (path, n, "ok" if not failures else "%d failed" % failures))
        total_failures += failures
    sys.exit(1 if total_failures else 0)


if __name__ == "__main__":
    main()
