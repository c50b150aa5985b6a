
-- ---------------------------------------------------------------- 50 intake
-- Real data in (doc/intake.md): spreadsheet cells parsed without raising, CSV imports
-- that report every bad cell, land from parcels and leases, sources merged by
-- 统一社会信用代码 with their reconciliation, data-quality findings.

-- credit_code: position 17 (GB 11714) is no longer part of validity (NEWS 1.1); the
-- strict check stays available.
CREATE FUNCTION @extschema@.credit_code_strict_check(text) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_strict_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_strict_check(text) IS
	'why the text fails validity or the GB 11714 check of position 17, or NULL if it passes both';
CREATE FUNCTION @extschema@.credit_code_org_check_ok(@extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_org_check_ok' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_org_check_ok(@extschema@.credit_code) IS
	'true if position 17 satisfies GB 11714 (some registered codes do not)';
COMMENT ON FUNCTION @extschema@.credit_code_is_valid(text) IS
	'true if the text is a valid 统一社会信用代码 after normalisation (GB 32100 check of position 18)';

-- One spreadsheet cell to a typed value, or NULL and the reason (never raises for bad text).
CREATE FUNCTION @extschema@.parse_cell(raw text, kind anyelement, unit text DEFAULT NULL,
		OUT value anyelement, OUT reason text)
	AS 'MODULE_PATHNAME', 'parse_cell' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_cell(text, anyelement, text) IS
	'a spreadsheet cell as the type of kind (NULL::yuan), with the column unit for bare numbers; (NULL, reason) when it is not one, (NULL, NULL) when empty';

-- A column header split into its name and the unit in brackets: 实缴税金(万元) -> 实缴税金 | 万元.
CREATE FUNCTION @extschema@.header_unit(header text, OUT name text, OUT unit text)
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN (SELECT ROW(pg_catalog.btrim(coalesce(m[1], header), E' \t\u00a0\u3000'),
					   pg_catalog.btrim(m[2], E' \t\u00a0\u3000'))
			  FROM (SELECT pg_catalog.regexp_match(header,
						E'^(.*?)[\\s\u00a0\u3000]*[(\uff08][\\s\u00a0\u3000]*([^()\uff08\uff09]*?)[\\s\u00a0\u3000]*[)\uff09][\\s\u00a0\u3000]*$') AS m) r);
COMMENT ON FUNCTION @extschema@.header_unit(text) IS
	'a column header split into name and unit: 实缴税金(万元) -> (实缴税金, 万元); unit NULL without brackets';

-- import_cells(staging, target): parse a CSV loaded as text (first line = header) into
-- target's typed columns; good lines are inserted, every bad cell is returned.
CREATE FUNCTION @extschema@.import_cells(staging regclass, target regclass)
	RETURNS TABLE (line bigint, col integer, header text, raw text, reason text)
	LANGUAGE plpgsql VOLATILE
AS $import$
DECLARE
	header_line bigint;
	cols text[];				-- staging's text columns (quoted), in order
	hdr text[];					-- the header line's cells
	hn record;
	tcol record;
	has_line boolean;
	i int;
	sel text := '';				-- raw cells, parsed values and reasons of p
	lat text := '';				-- one lateral parse_cell per mapped column
	ins_cols text := '';
	ins_vals text := '';
	ok text := 'true';
	issues text := 'SELECT NULL::bigint, NULL::int, NULL::text, NULL::text, NULL::text WHERE false';
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
					WHERE a.attrelid OPERATOR(pg_catalog.=) staging
					  AND a.attname OPERATOR(pg_catalog.=) 'line' AND NOT a.attisdropped) THEN
		RAISE EXCEPTION 'staging table % has no column "line"', staging
			USING ERRCODE = '42703',
				  HINT = 'Create it as (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, ...) and load the file with COPY ... (FORMAT csv) without HEADER, so that the header is line 1.';
	END IF;
	SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname::text) ORDER BY a.attnum)
	  INTO cols
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) staging AND a.attnum OPERATOR(pg_catalog.>) 0
	   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line';
	EXECUTE pg_catalog.format('SELECT min(line) FROM %s', staging) INTO header_line;
	IF header_line IS NULL THEN
		RETURN;
	END IF;
	EXECUTE pg_catalog.format('SELECT ARRAY[%s]::text[] FROM %s WHERE line = $1',
							  pg_catalog.array_to_string(cols, ', '), staging)
		INTO hdr USING header_line;
	has_line := EXISTS (SELECT FROM pg_catalog.pg_attribute a
						 WHERE a.attrelid OPERATOR(pg_catalog.=) target
						   AND a.attname OPERATOR(pg_catalog.=) 'line' AND NOT a.attisdropped);
	IF has_line THEN
		ins_cols := 'line';
		ins_vals := 'line';
	END IF;
	FOR i IN 1 .. pg_catalog.array_length(cols, 1) LOOP
		sel := sel || pg_catalog.format(', s.%s AS raw%s', cols[i], i);
		CONTINUE WHEN hdr[i] IS NULL OR pg_catalog.btrim(hdr[i]) OPERATOR(pg_catalog.=) '';
		hn := @extschema@.header_unit(hdr[i]);
		-- the target column named like the header, or whose comment is the header's name
		SELECT a.attname, pg_catalog.format_type(a.atttypid, NULL) AS typ,
			   a.attnotnull AS required
		  INTO tcol
		  FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0
		   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line'
		   AND (a.attname::text OPERATOR(pg_catalog.=) hn.name
				OR pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.=) hn.name)
		 ORDER BY a.attname::text OPERATOR(pg_catalog.=) hn.name DESC
		 LIMIT 1;
		IF NOT FOUND THEN
			issues := issues || pg_catalog.format(
				' UNION ALL SELECT %s::bigint, %s, %L, %L, %L', header_line, i, hdr[i], hdr[i],
				'No column of the target table has this name or this comment: the column is not loaded.');
			CONTINUE;
		END IF;
		lat := lat || pg_catalog.format(
			' CROSS JOIN LATERAL @extschema@.parse_cell(s.%s, NULL::%s, %L) p%s',
			cols[i], tcol.typ, hn.unit, i);
		sel := sel || pg_catalog.format(
			', p%s.value AS v%s, CASE WHEN p%s.reason IS NULL AND p%s.value IS NULL AND %L'
			' THEN %L ELSE p%s.reason END AS r%s',
			i, i, i, i, tcol.required, 'A value is required in this column.', i, i);
		ins_cols := ins_cols || CASE WHEN ins_cols OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			|| pg_catalog.quote_ident(tcol.attname::text);
		ins_vals := ins_vals || CASE WHEN ins_vals OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			|| 'v' || i;
		ok := ok || pg_catalog.format(' AND r%s IS NULL', i);
		issues := issues || pg_catalog.format(
			' UNION ALL SELECT line, %s, %L, raw%s, r%s FROM p WHERE r%s IS NOT NULL',
			i, hdr[i], i, i, i);
	END LOOP;
	-- lines whose cells are all empty (spreadsheet padding) are skipped
	RETURN QUERY EXECUTE pg_catalog.format(
		'WITH p AS MATERIALIZED (SELECT s.line%s FROM %s s%s'
		' WHERE s.line > $1 AND pg_catalog.btrim(pg_catalog.concat(%s), E'' \t\r\n\u00a0\u3000'') <> ''''),'
		' ins AS (INSERT INTO %s (%s) SELECT %s FROM p WHERE %s RETURNING 1)'
		' SELECT * FROM (%s) x ORDER BY 1, 2',
		sel, staging, lat,
		pg_catalog.array_to_string(ARRAY(SELECT 's.' || c FROM pg_catalog.unnest(cols) c), ', '),
		target, ins_cols, ins_vals, ok, issues)
		USING header_line;
END;
$import$;
COMMENT ON FUNCTION @extschema@.import_cells(regclass, regclass) IS
	'parse a CSV staged as text (line 1 = header) into target''s typed columns by header name or column comment; inserts good lines, returns every bad cell (line, column, header, raw text, reason)';
