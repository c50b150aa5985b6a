#!/usr/bin/env python3
"""Fail if an install-script fragment has text an EUC_CN (GB2312) database cannot hold.

CREATE EXTENSION converts the whole UTF-8 script to the database encoding before running
it, so one character outside GB2312 (², −, emoji, traditional-only characters) makes the
extension uninstallable in EUC_CN databases.
"""
import sys

bad = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            for col, ch in enumerate(line, 1):
                if ord(ch) < 128:
                    continue
                try:
                    ch.encode("gb2312")
                except UnicodeEncodeError:
                    print(f"{path}:{lineno}:{col}: U+{ord(ch):04X} {ch!r} is not in GB2312 (EUC_CN)")
                    bad += 1
sys.exit(1 if bad else 0)
