// pgjdbc against the report views and the types, as Metabase, DBeaver, Tableau and
// Superset-via-JDBC use them (run by test/t/district_bi_drivers.pl).
//
// Connects to jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE as $PGUSER and prints one
// TAP-style line per check ('ok - ...' or 'not ok - ...: detail'); exits 1 if any failed.

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

public class JdbcClient
{
	private static int failures = 0;

	/** A parameter binding as a BI tool makes it. */
	private interface Binder
	{
		void bind(PreparedStatement ps, int index) throws SQLException;
	}

	/** Print one result line. */
	private static void check(boolean cond, String name, Object detail)
	{
		if (cond)
			System.out.println("ok - " + name);
		else
		{
			failures++;
			System.out.println("not ok - " + name + ": " + detail);
		}
	}

	/** The single value of a query. */
	private static String scalar(Connection c, String sql) throws SQLException
	{
		try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql))
		{
			rs.next();
			return rs.getString(1);
		}
	}

	/** Connect as the environment says, with extra connection properties. */
	private static Connection connect(String... props) throws SQLException
	{
		String url = "jdbc:postgresql://127.0.0.1:" + System.getenv("PGPORT") + "/"
			+ System.getenv("PGDATABASE");
		Properties p = new Properties();
		p.setProperty("user", System.getenv("PGUSER"));
		for (int i = 0; i + 1 < props.length; i += 2)
			p.setProperty(props[i], props[i + 1]);
		return DriverManager.getConnection(url, p);
	}

	/** Column metadata: what a BI tool's schema sync sees. */
	private static void metadata(Connection c) throws SQLException
	{
		DatabaseMetaData md = c.getMetaData();
		Set<Integer> plain = Set.of(Types.NUMERIC, Types.INTEGER, Types.BIGINT, Types.SMALLINT,
									Types.VARCHAR, Types.DATE, Types.BIT, Types.BOOLEAN);
		int columns = 0;
		List<String> other = new ArrayList<>();
		int numeric = 0;
		try (ResultSet rs = md.getColumns(null, "report", "%", "%"))
		{
			while (rs.next())
			{
				columns++;
				if (!plain.contains(rs.getInt("DATA_TYPE")))
					other.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + ":"
							  + rs.getString("TYPE_NAME"));
				if (rs.getInt("DATA_TYPE") == Types.NUMERIC)
					numeric++;
			}
		}
		String expected = scalar(c, "SELECT count(*) FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid"
								 + " WHERE r.relnamespace = 'report'::regnamespace AND r.relkind IN ('m', 'v', 'r')"
								 + " AND a.attnum > 0 AND NOT a.attisdropped");
		check(columns == Integer.parseInt(expected) && columns > 0,
			  "getColumns lists every column of schema report", columns + " of " + expected);
		check(other.isEmpty(), "every report column is NUMERIC, INTEGER, BIGINT, VARCHAR, DATE or BIT",
			  other);
		check(numeric > 0, "report measures are Types.NUMERIC", numeric);

		try (ResultSet rs = md.getColumns(null, "district", "annual", "%"))
		{
			List<String> got = new ArrayList<>();
			while (rs.next())
			{
				String col = rs.getString("COLUMN_NAME");
				if (col.equals("land") || col.equals("tax"))
					got.add(col + ":" + rs.getInt("DATA_TYPE") + ":" + rs.getString("TYPE_NAME"));
			}
			check(got.equals(List.of("land:" + Types.OTHER + ":mu_area", "tax:" + Types.OTHER + ":yuan")),
				  "type columns are Types.OTHER with their type name", got);
		}

		try (Statement st = c.createStatement();
			 ResultSet rs = st.executeQuery("SELECT f.credit_code, year, f.land_mu, f.tax_wan, f.tax_per_mu, a.land, a.tax,"
											+ " a.land::numeric AS land_n FROM report.firm_year f JOIN district.annual a"
											+ " USING (year) WHERE false"))
		{
			ResultSetMetaData m = rs.getMetaData();
			String got = "";
			for (int i = 1; i <= m.getColumnCount(); i++)
				got += m.getColumnLabel(i) + ":" + m.getColumnType(i) + ":" + m.getColumnTypeName(i) + " ";
			String want = "credit_code:" + Types.VARCHAR + ":text year:" + Types.INTEGER + ":int4 land_mu:"
				+ Types.NUMERIC + ":numeric tax_wan:" + Types.NUMERIC + ":numeric tax_per_mu:" + Types.NUMERIC
				+ ":numeric land:" + Types.OTHER + ":mu_area tax:" + Types.OTHER + ":yuan land_n:"
				+ Types.NUMERIC + ":numeric ";
			check(got.equals(want), "ResultSetMetaData of report columns, type columns and a ::numeric cast", got);
		}
	}

	/** Values: the types read as BigDecimal, double and String equal their ::numeric. */
	private static void values(Connection c) throws SQLException
	{
		int rows = 0;
		List<String> bad = new ArrayList<>();
		try (Statement st = c.createStatement();
			 ResultSet rs = st.executeQuery("SELECT tax, tax::numeric, land, land::numeric, tax / land, (tax / land)::numeric"
											+ " FROM district.annual WHERE tax IS NOT NULL AND land > 0"
											+ " ORDER BY credit_code, year LIMIT 300"))
		{
			while (rs.next())
			{
				rows++;
				for (int i = 1; i <= 5; i += 2)
				{
					try
					{
						BigDecimal v = rs.getBigDecimal(i);
						BigDecimal n = rs.getBigDecimal(i + 1);

						if (!v.equals(n) || rs.getDouble(i) != rs.getDouble(i + 1)
							|| !rs.getString(i).equals(rs.getString(i + 1))
							|| !rs.getObject(i).toString().equals(n.toPlainString()))
							bad.add(rs.getString(i) + " vs " + rs.getString(i + 1));
					}
					catch (SQLException e)
					{
						bad.add(e.getMessage());
					}
				}
			}
		}
		check(rows == 300, "300 rows of district.annual", rows);
		check(bad.isEmpty(), "yuan, mu_area, yuan_per_mu read as BigDecimal, double, String and getObject"
			  + " equal their ::numeric", bad.size() > 3 ? bad.subList(0, 3) : bad);

		rows = 0;
		bad.clear();
		try (Statement st = c.createStatement();
			 ResultSet rs = st.executeQuery("SELECT tax_per_mu, tax_per_mu::text, tax_wan, tax_wan::text FROM report.firm_year"
											+ " WHERE tax_per_mu IS NOT NULL ORDER BY credit_code, year LIMIT 300"))
		{
			while (rs.next())
			{
				rows++;
				for (int i = 1; i <= 3; i += 2)
					if (!(rs.getObject(i) instanceof BigDecimal)
						|| !rs.getBigDecimal(i).toPlainString().equals(rs.getString(i + 1)))
						bad.add(rs.getString(i) + " vs " + rs.getString(i + 1));
			}
		}
		check(rows == 300 && bad.isEmpty(), "report numeric columns arrive as BigDecimal with every digit", bad);
	}

	/** Count of district.annual rows WHERE tax > ? for one binding (-1 and the error on failure). */
	private static long filterCount(Connection c, String sql, Binder b, List<String> errors) throws SQLException
	{
		try (PreparedStatement ps = c.prepareStatement(sql))
		{
			b.bind(ps, 1);
			try (ResultSet rs = ps.executeQuery())
			{
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException e)
		{
			errors.add(e.getSQLState() + " " + e.getMessage().split("\n")[0]);
			return -1;
		}
	}

	/** Parameters bound as BI tools bind them, in a filter and in an INSERT. */
	private static void bindings(Connection c, String setting) throws SQLException
	{
		String median = scalar(c, "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY tax::numeric)"
							   + " FROM district.annual WHERE tax > 1000");
		BigDecimal m = new BigDecimal(median);
		long whole = m.setScale(0, RoundingMode.FLOOR).longValueExact();
		long above = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE tax::numeric > " + median));
		long aboveWhole = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE tax::numeric > " + whole));
		long all = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE tax IS NOT NULL"));
		check(above > 0 && above < all && aboveWhole >= above, setting + ": the median splits the rows",
			  above + " of " + all);

		String sql = "SELECT count(*) FROM district.annual WHERE tax > ?";
		String wan = m.movePointLeft(4).toPlainString() + "万元";
		Object[][] cases = {
			{"setBigDecimal", (Binder) (ps, i) -> ps.setBigDecimal(i, m), above},
			{"setDouble", (Binder) (ps, i) -> ps.setDouble(i, m.doubleValue()), above},
			{"setLong", (Binder) (ps, i) -> ps.setLong(i, whole), aboveWhole},
			{"setInt", (Binder) (ps, i) -> ps.setInt(i, (int) whole), aboveWhole},
			{"setObject(BigDecimal)", (Binder) (ps, i) -> ps.setObject(i, m), above},
			{"setObject(String, Types.NUMERIC)", (Binder) (ps, i) -> ps.setObject(i, median, Types.NUMERIC), above},
			{"setString", (Binder) (ps, i) -> ps.setString(i, median), above},
			{"setString with a unit", (Binder) (ps, i) -> ps.setString(i, wan), above},
			{"setObject(String, Types.OTHER)", (Binder) (ps, i) -> ps.setObject(i, median, Types.OTHER), above},
			{"setNull(NUMERIC)", (Binder) (ps, i) -> ps.setNull(i, Types.NUMERIC), 0L},
			{"setNull(DOUBLE)", (Binder) (ps, i) -> ps.setNull(i, Types.DOUBLE), 0L},
			{"setNull(BIGINT)", (Binder) (ps, i) -> ps.setNull(i, Types.BIGINT), 0L},
			{"setNull(VARCHAR)", (Binder) (ps, i) -> ps.setNull(i, Types.VARCHAR), 0L},
			{"setObject(null)", (Binder) (ps, i) -> ps.setObject(i, null), 0L},
		};
		for (Object[] k : cases)
		{
			List<String> errors = new ArrayList<>();
			long n = filterCount(c, sql, (Binder) k[1], errors);
			check(n == (Long) k[2], setting + ": WHERE tax > ? with " + k[0], n + " want " + k[2] + " " + errors);
		}
		// the same binding on the left and with every operator, and a mu_area filter
		List<String> errors = new ArrayList<>();
		check(filterCount(c, "SELECT count(*) FROM district.annual WHERE ? < tax", (ps, i) -> ps.setBigDecimal(i, m),
						  errors) == above, setting + ": WHERE ? < tax with setBigDecimal", errors);
		long le = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE tax::numeric <= " + median));
		check(filterCount(c, "SELECT count(*) FROM district.annual WHERE tax <= ?", (ps, i) -> ps.setDouble(i, m.doubleValue()),
						  errors) == le, setting + ": WHERE tax <= ? with setDouble", errors);
		long eq = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE tax::numeric = " + median));
		check(eq > 0 && filterCount(c, "SELECT count(*) FROM district.annual WHERE tax = ?",
									(ps, i) -> ps.setString(i, median), errors) == eq,
			  setting + ": WHERE tax = ? with setString", eq + " " + errors);
		long land = Long.parseLong(scalar(c, "SELECT count(*) FROM district.annual WHERE land::numeric >= 30"));
		check(land > 0 && filterCount(c, "SELECT count(*) FROM district.annual WHERE land >= ?",
									  (ps, i) -> ps.setLong(i, 30), errors) == land,
			  setting + ": WHERE land >= ? with setLong", land + " " + errors);

		// INSERT: each binding into yuan, mu_area and yuan_per_mu columns
		try (Statement st = c.createStatement())
		{
			st.execute("CREATE TEMP TABLE IF NOT EXISTS jdbc_insert (label text, tax yuan, land mu_area, per_mu yuan_per_mu)");
			st.execute("TRUNCATE jdbc_insert");
		}
		Object[][] inserts = {
			{"setBigDecimal", (Binder) (ps, i) -> ps.setBigDecimal(i, new BigDecimal("5263956.705")), "5263956.71"},
			{"setDouble", (Binder) (ps, i) -> ps.setDouble(i, 5263956.71), "5263956.71"},
			{"setLong", (Binder) (ps, i) -> ps.setLong(i, 5263957L), "5263957"},
			{"setInt", (Binder) (ps, i) -> ps.setInt(i, 42), "42"},
			{"setString", (Binder) (ps, i) -> ps.setString(i, "5263956.71"), "5263956.71"},
			{"setString with a unit", (Binder) (ps, i) -> ps.setString(i, "526.395671万元"), "5263956.71"},
			{"setObject(String, Types.OTHER)", (Binder) (ps, i) -> ps.setObject(i, "0.5", Types.OTHER), "0.5"},
			{"setNull(NUMERIC)", (Binder) (ps, i) -> ps.setNull(i, Types.NUMERIC), null},
			{"setNull(VARCHAR)", (Binder) (ps, i) -> ps.setNull(i, Types.VARCHAR), null},
			{"setNull(DOUBLE)", (Binder) (ps, i) -> ps.setNull(i, Types.DOUBLE), null},
			{"setObject(null)", (Binder) (ps, i) -> ps.setObject(i, null), null},
		};
		for (Object[] k : inserts)
		{
			String err = "";
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_insert (label, tax) VALUES (?, ?)"))
			{
				ps.setString(1, (String) k[0]);
				((Binder) k[1]).bind(ps, 2);
				ps.executeUpdate();
			}
			catch (SQLException e)
			{
				err = e.getSQLState() + " " + e.getMessage().split("\n")[0];
			}
			String got = err.isEmpty() ? scalar(c, "SELECT tax::numeric FROM jdbc_insert WHERE label = '" + k[0] + "'") : err;
			boolean same = k[2] == null ? got == null : got != null && got.equals(k[2]);
			check(same, setting + ": INSERT of a yuan with " + k[0], got + " want " + k[2]);
		}
		String err = "";
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_insert (label, land, per_mu) VALUES ('area', ?, ?)"))
		{
			ps.setDouble(1, 10.5);
			ps.setBigDecimal(2, new BigDecimal("32.5").movePointRight(4));
			ps.executeUpdate();
		}
		catch (SQLException e)
		{
			err = e.getSQLState() + " " + e.getMessage();
		}
		String got = err.isEmpty() ? scalar(c, "SELECT land::numeric || ' ' || per_mu::numeric FROM jdbc_insert WHERE label = 'area'") : err;
		check("10.5 325000".equals(got), setting + ": INSERT of mu_area (setDouble) and yuan_per_mu (setBigDecimal)", got);
	}

	/** No binding and no query ever compares or mixes yuan with mu_area. */
	private static void dimensionSafety(Connection c) throws SQLException
	{
		String[][] cases = {
			{"SELECT count(*) FROM district.annual WHERE tax > land", "42883"},
			{"SELECT count(*) FROM district.annual WHERE tax = land", "42883"},
			{"SELECT sum(tax + land) FROM district.annual", "42883"},
			{"INSERT INTO jdbc_insert (tax) SELECT land FROM district.annual", "42804"},
		};
		for (String[] k : cases)
		{
			String state = "none";
			try (Statement st = c.createStatement())
			{
				st.execute(k[0]);
			}
			catch (SQLException e)
			{
				state = e.getSQLState();
			}
			check(state.equals(k[1]), "refused with " + k[1] + ": " + k[0], state);
		}
		String state = "none";
		try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM district.annual WHERE tax > ?"))
		{
			ps.setString(1, "30亩");
			ps.executeQuery().close();
		}
		catch (SQLException e)
		{
			state = e.getSQLState();
		}
		check(state.equals("22P02"), "a string with an area unit bound against yuan is refused (22P02)", state);
	}

	public static void main(String[] args) throws Exception
	{
		try (Connection c = connect())
		{
			metadata(c);
			values(c);
			bindings(c, "default");
			dimensionSafety(c);
		}
		try (Connection c = connect("stringtype", "unspecified"))
		{
			bindings(c, "stringtype=unspecified");
		}
		System.out.println(failures + " failed");
		System.exit(failures == 0 ? 0 : 1);
	}
}
