#!/usr/bin/env python3
"""psycopg2 client test of the report views and the types (run by test/t/district_clients.pl).

Connects with the usual libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER) to a
database holding the sample district and the report views, and prints one TAP-style
line per check ('ok - ...' or 'not ok - ...: detail'); exits 1 if any check failed.
"""

import decimal
import io
import struct
import sys

import psycopg2

from tap import check, finish


def read_binary_copy(data):
    """Rows of a COPY ... (FORMAT binary) stream as lists of bytes (None for NULL)."""
    f = io.BytesIO(data)
    if f.read(11) != b"PGCOPY\n\xff\r\n\x00":
        raise ValueError("bad binary COPY signature")
    flags, ext = struct.unpack("!ii", f.read(8))
    f.read(ext)
    rows = []
    while True:
        (nfields,) = struct.unpack("!h", f.read(2))
        if nfields == -1:
            return rows
        row = []
        for _ in range(nfields):
            (n,) = struct.unpack("!i", f.read(4))
            row.append(None if n == -1 else f.read(n))
        rows.append(row)


def numeric_from_binary(b):
    """Decode PostgreSQL's binary numeric (base-10000 digits) to a Decimal."""
    ndigits, weight, sign, dscale = struct.unpack("!hhHh", b[:8])
    digits = struct.unpack("!%dH" % ndigits, b[8:8 + 2 * ndigits])
    value = decimal.Decimal(0)
    for i, d in enumerate(digits):
        value += decimal.Decimal(d).scaleb(4 * (weight - i))
    if sign == 0x4000:
        value = -value
    return value.quantize(decimal.Decimal(1).scaleb(-dscale))


def main():
    decimal.getcontext().prec = 60
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()

    # 1. report views: numeric columns arrive as Decimal, int as int, text as str
    cur.execute("""SELECT credit_code, year, name, employees, land_mu, tax_wan, tax_per_mu,
                          rd_intensity_pct, tax_per_mu::text
                     FROM report.firm_year
                    WHERE tax_per_mu IS NOT NULL AND employees IS NOT NULL
                    ORDER BY credit_code, year LIMIT 50""")
    rows = cur.fetchall()
    check(len(rows) == 50, "report.firm_year returns rows", len(rows))
    types = {tuple(type(v).__name__ for v in r[:7]) for r in rows}
    check(types == {("str", "int", "str", "int", "Decimal", "Decimal", "Decimal")},
          "firm_year columns arrive as str/int/Decimal", types)
    check(all(r[6] == decimal.Decimal(r[8]) and str(r[6]) == r[8] for r in rows),
          "Decimal values carry the exact digits of the server's text", rows[0])
    check(all(len(r[0]) == 18 for r in rows), "credit codes are 18-character text", rows[0][0])

    cur.execute("""SELECT sum(tax_wan), sum(tax_wan)::text FROM report.firm_year WHERE year = 2024""")
    s, s_text = cur.fetchone()
    check(isinstance(s, decimal.Decimal) and str(s) == s_text, "sums stay exact Decimal", (s, s_text))

    # the percentages of a distribution add up to 100.0 on the client too
    cur.execute("""SELECT cohort, firms FROM report.group_year
                    WHERE year = 2024 AND industry_group = '全部' AND cohort <> '全部'""")
    parts = cur.fetchall()
    cur.execute("SELECT firms FROM report.group_year WHERE year = 2024 AND cohort = '全部' AND industry_group = '全部'")
    (total,) = cur.fetchone()
    check(sum(n for _, n in parts) == total and isinstance(total, int),
          "cohort counts are ints that add up to the total", (parts, total))

    # 2. the types arrive as their canonical text (psycopg2 has no caster for unknown OIDs)
    cur.execute("""SELECT '1069亩'::mu_area, '215.39万平方米'::mu_area, '75.02亿元'::yuan,
                          '375.29万元'::yuan, '7199元'::yuan, '32.5万元/亩'::yuan_per_mu,
                          '573564万元'::yuan / '30341亩'::mu_area""")
    got = cur.fetchone()
    want = ("1069", "3230.85", "7502000000", "3752900", "7199", "325000", "189039.2538")
    check(got == want, "types arrive as canonical text: plain numbers in 亩, 元, 元/亩", got)
    check([decimal.Decimal(v) for v in got] == [decimal.Decimal(v) for v in want],
          "the canonical text is a decimal any client reads right", got)
    cur.execute("SELECT %s::yuan = '2298亿元'::yuan, %s::mu_area::numeric", ("2298亿元", "12公顷"))
    eq, mu = cur.fetchone()
    check(eq is True and mu == decimal.Decimal(180), "parameters are parsed by the types", (eq, mu))

    cur.execute("""SELECT land, tax, land::numeric, tax::numeric FROM district.annual WHERE land IS NOT NULL
                    ORDER BY credit_code, year LIMIT 20""")
    typed = cur.fetchall()
    check(len(typed) == 20 and all(isinstance(a, str) and isinstance(t, str) and
                                   decimal.Decimal(a) == an and decimal.Decimal(t) == tn
                                   for a, t, an, tn in typed),
          "table columns of the types arrive as plain numbers in 亩 and 元", typed[0])

    # 3. binary transfer: COPY ... (FORMAT binary) of numeric report columns and of the types
    buf = io.BytesIO()
    cur.copy_expert("""COPY (SELECT credit_code, year, tax_per_mu, tax_wan FROM report.firm_year
                              WHERE tax_per_mu IS NOT NULL ORDER BY credit_code, year LIMIT 200)
                       TO STDOUT (FORMAT binary)""", buf)
    brows = read_binary_copy(buf.getvalue())
    cur.execute("""SELECT credit_code, year, tax_per_mu, tax_wan FROM report.firm_year
                    WHERE tax_per_mu IS NOT NULL ORDER BY credit_code, year LIMIT 200""")
    trows = cur.fetchall()
    decoded = [(b[0].decode(), struct.unpack("!i", b[1])[0], numeric_from_binary(b[2]), numeric_from_binary(b[3]))
               for b in brows]
    check(len(decoded) == 200 and decoded == [tuple(r) for r in trows],
          "binary COPY of numeric report columns equals the text results", decoded[:1])

    # the types' send functions: big-endian int64 in stored units (10^-6 亩, 分)
    buf = io.BytesIO()
    cur.copy_expert("""COPY (SELECT land, tax FROM district.annual WHERE land IS NOT NULL
                              ORDER BY credit_code, year LIMIT 200) TO STDOUT (FORMAT binary)""", buf)
    traw = read_binary_copy(buf.getvalue())
    cur.execute("""SELECT land::numeric, tax::numeric FROM district.annual WHERE land IS NOT NULL
                    ORDER BY credit_code, year LIMIT 200""")
    exact = cur.fetchall()
    ints = [(struct.unpack("!q", a)[0], struct.unpack("!q", t)[0]) for a, t in traw]
    check(len(ints) == 200 and
          all(decimal.Decimal(a).scaleb(-6) == la and decimal.Decimal(t).scaleb(-2) == tx
              for (a, t), (la, tx) in zip(ints, exact)),
          "binary COPY of mu_area/yuan gives int64 10^-6 亩 and 分", (ints[:1], exact[:1]))

    # binary COPY back in: the types' receive functions accept what send produced
    cur.execute("CREATE TEMP TABLE client_roundtrip (land mu_area, tax yuan)")
    cur.copy_expert("COPY client_roundtrip FROM STDIN (FORMAT binary)", io.BytesIO(buf.getvalue()))
    cur.execute("""SELECT count(*) FROM (SELECT land, tax FROM client_roundtrip
                    EXCEPT ALL (SELECT land, tax FROM district.annual WHERE land IS NOT NULL
                                 ORDER BY credit_code, year LIMIT 200)) d""")
    (diff,) = cur.fetchone()
    cur.execute("SELECT count(*) FROM client_roundtrip")
    (n,) = cur.fetchone()
    check(n == 200 and diff == 0, "binary COPY FROM round-trips mu_area and yuan", (n, diff))

    # a bad binary value is rejected by the receive function, not stored
    bad = (b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0) + struct.pack("!h", 2)
           + struct.pack("!i", 4) + b"\x00\x00\x00\x01" + struct.pack("!i", -1) + struct.pack("!h", -1))
    try:
        cur.copy_expert("COPY client_roundtrip FROM STDIN (FORMAT binary)", io.BytesIO(bad))
        check(False, "a 4-byte mu_area in binary COPY is rejected", "accepted")
    except psycopg2.Error as e:
        check(e.pgcode in ("22P03", "08P01"), "a 4-byte mu_area in binary COPY is rejected",
              (e.pgcode, str(e)))

    conn.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
