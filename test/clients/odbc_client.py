#!/usr/bin/env python3
"""psqlODBC (through unixODBC and pyodbc) against the report views and the types, as
Excel, Power BI and Tableau reach PostgreSQL over ODBC (run by test/t/district_bi_drivers.pl).

Connects DSN-less with the 'PostgreSQL Unicode' driver that Debian's odbc-postgresql
registers, to PGHOST (a socket directory or host), PGPORT, PGDATABASE as PGUSER, and prints
one TAP-style line per check ('ok - ...' or 'not ok - ...: detail'); exits 1 if any failed.
"""

import decimal
import os
import sys

import pyodbc

from tap import check, finish

# ODBC SQL data types (sql.h / sqlext.h)
SQL_NUMERIC, SQL_INTEGER, SQL_SMALLINT, SQL_BIGINT = 2, 4, 5, -5
SQL_VARCHAR, SQL_LONGVARCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR = 12, -1, -9, -10
SQL_TYPE_DATE, SQL_BIT = 91, -7
PLAIN = {SQL_NUMERIC, SQL_INTEGER, SQL_SMALLINT, SQL_BIGINT, SQL_VARCHAR, SQL_LONGVARCHAR,
         SQL_WVARCHAR, SQL_WLONGVARCHAR, SQL_TYPE_DATE, SQL_BIT}


def sqlstate(err):
    """The SQLSTATE of a pyodbc error (its first argument)."""
    return err.args[0] if err.args else ""


def scalar(cur, sql, *params):
    cur.execute(sql, *params)
    return cur.fetchone()[0]


def metadata(cur):
    """What a BI tool's navigator sees: SQLColumns and the result set description."""
    # SQLTables lists the materialized views as MATVIEW; SQLColumns also lists the
    # columns of their indexes, which a navigator ignores
    tables = {t.table_name for t in cur.tables(schema="report")}
    cols = [c for c in cur.columns(schema="report").fetchall() if c.table_name in tables]
    expected = scalar(cur, """SELECT count(*) FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
                               WHERE r.relnamespace = 'report'::regnamespace AND r.relkind IN ('m', 'v', 'r')
                                 AND a.attnum > 0 AND NOT a.attisdropped""")
    check(len(cols) == expected and expected > 0, "SQLTables and SQLColumns list every column of schema report",
          (len(cols), expected))
    odd = [(c.table_name, c.column_name, c.type_name, c.data_type) for c in cols
           if c.data_type not in PLAIN or c.type_name not in
           ("numeric", "int4", "int8", "int2", "text", "varchar", "date", "bool")]
    check(not odd, "every report column is numeric, integer, text, date or bool", odd)
    numeric = [c for c in cols if c.type_name == "numeric"]
    check(numeric and all(c.data_type == SQL_NUMERIC for c in numeric),
          "report measures are SQL_NUMERIC", [(c.column_name, c.data_type) for c in numeric][:3])

    typed = [(c.column_name, c.type_name, c.data_type in (SQL_VARCHAR, SQL_WVARCHAR))
             for c in cur.columns(table="annual", schema="district") if c.column_name in ("land", "tax")]
    check(typed == [("land", "mu_area", True), ("tax", "yuan", True)],
          "type columns are character columns carrying their type name", typed)

    cur.execute("""SELECT f.credit_code, year, f.land_mu, f.tax_per_mu, a.land, a.tax, a.land::numeric AS land_n
                     FROM report.firm_year f JOIN district.annual a USING (year) WHERE false""")
    got = [(d[0], d[1].__name__) for d in cur.description]
    want = [("credit_code", "str"), ("year", "int"), ("land_mu", "Decimal"), ("tax_per_mu", "Decimal"),
            ("land", "str"), ("tax", "str"), ("land_n", "Decimal")]
    check(got == want, "result columns: report measures and ::numeric are Decimal, the types text", got)


def values(cur):
    """The types' text is the ::numeric text: Decimal and float of it equal the numeric."""
    cur.execute("""SELECT tax, tax::numeric, land, land::numeric, tax / land, (tax / land)::numeric
                     FROM district.annual WHERE tax IS NOT NULL AND land > 0
                    ORDER BY credit_code, year LIMIT 300""")
    rows = cur.fetchall()
    bad = []
    for r in rows:
        for i in (0, 2, 4):
            try:
                ok = (decimal.Decimal(r[i]) == r[i + 1] and r[i] == str(r[i + 1])
                      and float(r[i]) == float(r[i + 1]))
            except (decimal.InvalidOperation, ValueError):
                ok = False
            if not ok:
                bad.append((r[i], r[i + 1]))
    check(len(rows) == 300, "300 rows of district.annual", len(rows))
    check(not bad, "yuan, mu_area, yuan_per_mu read as Decimal, float and text equal their ::numeric",
          bad[:3])

    cur.execute("""SELECT tax_per_mu, tax_per_mu::text, tax_wan, tax_wan::text FROM report.firm_year
                    WHERE tax_per_mu IS NOT NULL ORDER BY credit_code, year LIMIT 300""")
    rows = cur.fetchall()
    check(len(rows) == 300 and all(isinstance(r[0], decimal.Decimal) and str(r[0]) == r[1]
                                   and str(r[2]) == r[3] for r in rows),
          "report numeric columns arrive as Decimal with every digit", rows[:1])


def bindings(cur):
    """Parameters as pyodbc binds them (str, Decimal, float, int, None), filter and INSERT."""
    median = scalar(cur, """SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY tax::numeric)::text
                              FROM district.annual WHERE tax > 1000""")
    m = decimal.Decimal(median)
    whole = int(m.to_integral_value(rounding=decimal.ROUND_FLOOR))
    above = scalar(cur, "SELECT count(*) FROM district.annual WHERE tax::numeric > " + median)
    above_whole = scalar(cur, "SELECT count(*) FROM district.annual WHERE tax::numeric > %d" % whole)
    total = scalar(cur, "SELECT count(*) FROM district.annual WHERE tax IS NOT NULL")
    check(0 < above < total and above_whole >= above, "the median splits the rows", (above, total))

    cases = [("str", median, above), ("str with a unit", str(m.scaleb(-4)) + "万元", above),
             ("Decimal", m, above), ("float", float(m), above), ("int", whole, above_whole),
             ("None", None, 0)]
    for name, value, want in cases:
        try:
            got = scalar(cur, "SELECT count(*) FROM district.annual WHERE tax > ?", value)
        except pyodbc.Error as e:
            got = sqlstate(e)
        check(got == want, "WHERE tax > ? with %s" % name, (got, want))
    land = scalar(cur, "SELECT count(*) FROM district.annual WHERE land::numeric >= 30")
    check(land > 0 and scalar(cur, "SELECT count(*) FROM district.annual WHERE ? <= land", 30) == land,
          "WHERE ? <= land with int", land)

    cur.execute("CREATE TEMP TABLE odbc_insert (label text, tax yuan, land mu_area, per_mu yuan_per_mu)")
    inserts = [("str", "5263956.71", "5263956.71"), ("str with a unit", "526.395671万元", "5263956.71"),
               ("Decimal", decimal.Decimal("5263956.705"), "5263956.71"), ("float", 5263956.71, "5263956.71"),
               ("int", 5263957, "5263957"), ("None", None, None)]
    for name, value, want in inserts:
        try:
            cur.execute("INSERT INTO odbc_insert (label, tax) VALUES (?, ?)", name, value)
            got = scalar(cur, "SELECT tax::numeric::text FROM odbc_insert WHERE label = ?", name)
        except pyodbc.Error as e:
            got = sqlstate(e)
        check(got == want, "INSERT of a yuan with %s" % name, (got, want))
    cur.execute("INSERT INTO odbc_insert (label, land, per_mu) VALUES ('area', ?, ?)",
                10.5, decimal.Decimal("325000"))
    got = scalar(cur, "SELECT land::numeric || ' ' || per_mu::numeric FROM odbc_insert WHERE label = 'area'")
    check(got == "10.5 325000", "INSERT of mu_area (float) and yuan_per_mu (Decimal)", got)


def dimension_safety(cur):
    """No query and no binding compares or mixes yuan with mu_area."""
    for sql, want in [("SELECT count(*) FROM district.annual WHERE tax > land", "42883"),
                      ("SELECT count(*) FROM district.annual WHERE tax = land", "42883"),
                      ("SELECT sum(tax + land) FROM district.annual", "42883"),
                      ("INSERT INTO odbc_insert (tax) SELECT land FROM district.annual", "42804")]:
        try:
            cur.execute(sql)
            got = "none"
        except pyodbc.Error as e:
            got = sqlstate(e)
        check(got == want, "refused with %s: %s" % (want, sql), got)
    try:
        cur.execute("SELECT count(*) FROM district.annual WHERE tax > ?", "30亩")
        got = "none"
    except pyodbc.Error as e:
        got = sqlstate(e)
    check(got == "22P02", "a string with an area unit bound against yuan is refused (22P02)", got)


def main():
    conn = pyodbc.connect("DRIVER={PostgreSQL Unicode};SERVER=%s;PORT=%s;DATABASE=%s;UID=%s"
                          % (os.environ["PGHOST"], os.environ["PGPORT"], os.environ["PGDATABASE"],
                             os.environ["PGUSER"]))
    conn.autocommit = True
    cur = conn.cursor()
    metadata(cur)
    values(cur)
    bindings(cur)
    dimension_safety(cur)
    conn.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
