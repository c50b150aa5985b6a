
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

CREATE FUNCTION @extschema@.credit_code_or_null(text) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_or_null' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_or_null(text) IS
	'the text as a credit_code, or NULL when it is not a valid code (never raises)';

-- One spreadsheet cell to a typed value, or NULL and the reason (never raises for bad text).
CREATE FUNCTION @extschema@.parse_cell(raw text, kind anyelement, unit text DEFAULT NULL,
		OUT value anyelement, OUT reason text)
	AS 'MODULE_PATHNAME', 'parse_cell' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_cell(text, anyelement, text) IS
	'a spreadsheet cell as the type of kind (NULL::yuan), with the column unit for bare numbers; (NULL, reason) when it is not one, (NULL, NULL) when empty';

-- A cell without surrounding spaces of any kind (no-break, ideographic, zero-width).
CREATE FUNCTION @extschema@.trim_cell(text) RETURNS text
	AS 'MODULE_PATHNAME', 'trim_cell' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_cell(text) IS
	'the text without surrounding white space, no-break (U+00A0), ideographic (U+3000) and zero-width spaces included';

-- A column header split into its name and the unit in brackets: 实缴税金(万元) -> 实缴税金 | 万元.
CREATE FUNCTION @extschema@.header_unit(header text, OUT name text, OUT unit text)
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN (SELECT ROW(@extschema@.trim_cell(coalesce(r.m[1], r.h)), @extschema@.trim_cell(r.m[2]))
			  FROM (SELECT x.h, pg_catalog.regexp_match(x.h, '^(.*?)[(（]([^()（）]*)[)）]$') AS m
					  FROM (SELECT @extschema@.trim_cell(header) AS h) x) r);
COMMENT ON FUNCTION @extschema@.header_unit(text) IS
	'a column header split into name and unit: 实缴税金(万元) -> (实缴税金, 万元); unit NULL without brackets';

-- import_cells(staging, target): parse a CSV loaded as text (first line = header) into
-- target's typed columns; good lines are inserted, every bad cell is returned.
CREATE FUNCTION @extschema@.import_cells(staging regclass, target regclass)
	RETURNS TABLE (line bigint, col integer, header text, raw text, reason text)
	LANGUAGE plpgsql VOLATILE STRICT
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
	used text[] := '{}';		-- target columns already given a CSV column
	issues text := 'SELECT NULL::bigint, NULL::int, NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.text WHERE false';
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
					WHERE a.attrelid OPERATOR(pg_catalog.=) staging
					  AND a.attname OPERATOR(pg_catalog.=) 'line' AND NOT a.attisdropped) THEN
		RAISE EXCEPTION 'staging table % has no column "line"', staging
			USING ERRCODE = '42703',
				  HINT = 'Create it as (line bigint GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, ...) and load the file with COPY ... (FORMAT csv) without HEADER, so that the header is line 1.';
	END IF;
	SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname::pg_catalog.text) ORDER BY a.attnum)
	  INTO cols
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) staging AND a.attnum OPERATOR(pg_catalog.>) 0
	   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line';
	EXECUTE pg_catalog.format('SELECT pg_catalog.min(line) FROM %s', staging) INTO header_line;
	IF header_line IS NULL THEN
		RETURN;
	END IF;
	EXECUTE pg_catalog.format('SELECT ARRAY[%s]::pg_catalog.text[] FROM %s WHERE line OPERATOR(pg_catalog.=) $1',
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
		sel := sel OPERATOR(pg_catalog.||) pg_catalog.format(', s.%s AS raw%s', cols[i], i);
		CONTINUE WHEN hdr[i] IS NULL OR pg_catalog.btrim(hdr[i]) OPERATOR(pg_catalog.=) '';
		SELECT h.name, h.unit INTO hn FROM @extschema@.header_unit(hdr[i]) h;
		-- the target column named like the header, or whose comment is the header's name
		SELECT a.attname, pg_catalog.format_type(a.atttypid, NULL) AS typ,
			   a.attnotnull AS required
		  INTO tcol
		  FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0
		   AND NOT a.attisdropped AND a.attname OPERATOR(pg_catalog.<>) 'line'
		   AND (a.attname::pg_catalog.text OPERATOR(pg_catalog.=) hn.name
				OR pg_catalog.col_description(target, a.attnum) OPERATOR(pg_catalog.=) hn.name)
		 ORDER BY a.attname::pg_catalog.text OPERATOR(pg_catalog.=) hn.name DESC
		 LIMIT 1;
		IF NOT FOUND THEN
			issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
				' UNION ALL SELECT %s::bigint, %s, %L, %L, %L', header_line, i, hdr[i], hdr[i],
				'No column of the target table has this name or this comment: the column is not loaded.');
			CONTINUE;
		END IF;
		IF tcol.attname::pg_catalog.text OPERATOR(pg_catalog.=) ANY (used) THEN
			issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
				' UNION ALL SELECT %s::bigint, %s, %L, %L, %L', header_line, i, hdr[i], hdr[i],
				'An earlier column of the file already loads into the same target column: this column is not loaded.');
			CONTINUE;
		END IF;
		used := used OPERATOR(pg_catalog.||) tcol.attname::pg_catalog.text;
		lat := lat OPERATOR(pg_catalog.||) pg_catalog.format(
			' CROSS JOIN LATERAL @extschema@.parse_cell(s.%s, NULL::%s, %L) p%s',
			cols[i], tcol.typ, hn.unit, i);
		sel := sel OPERATOR(pg_catalog.||) pg_catalog.format(
			', p%s.value AS v%s, CASE WHEN p%s.reason IS NULL AND p%s.value IS NULL AND %L'
			' THEN %L ELSE p%s.reason END AS r%s',
			i, i, i, i, tcol.required, 'A value is required in this column.', i, i);
		ins_cols := ins_cols OPERATOR(pg_catalog.||) CASE WHEN ins_cols OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			OPERATOR(pg_catalog.||) pg_catalog.quote_ident(tcol.attname::pg_catalog.text);
		ins_vals := ins_vals OPERATOR(pg_catalog.||) CASE WHEN ins_vals OPERATOR(pg_catalog.=) '' THEN '' ELSE ', ' END
			OPERATOR(pg_catalog.||) 'v' OPERATOR(pg_catalog.||) i;
		ok := ok OPERATOR(pg_catalog.||) pg_catalog.format(' AND r%s IS NULL', i);
		issues := issues OPERATOR(pg_catalog.||) pg_catalog.format(
			' UNION ALL SELECT line, %s, %L, raw%s, r%s FROM p WHERE r%s IS NOT NULL',
			i, hdr[i], i, i, i);
	END LOOP;
	-- lines whose cells are all empty (spreadsheet padding) are skipped
	RETURN QUERY EXECUTE pg_catalog.format(
		'WITH p AS MATERIALIZED (SELECT s.line%s FROM %s s%s'
		' WHERE s.line OPERATOR(pg_catalog.>) $1 AND @extschema@.trim_cell(pg_catalog.concat(%s)) OPERATOR(pg_catalog.<>) ''''),'
		' ins AS (INSERT INTO %s (%s) SELECT %s FROM p WHERE %s RETURNING 1)'
		' SELECT * FROM (%s) x ORDER BY 1, 2',
		sel, staging, lat,
		pg_catalog.array_to_string(ARRAY(SELECT 's.' OPERATOR(pg_catalog.||) c FROM pg_catalog.unnest(cols) c), ', '),
		target, ins_cols, ins_vals, ok, issues)
		USING header_line;
END;
$import$;
COMMENT ON FUNCTION @extschema@.import_cells(regclass, regclass) IS
	'parse a CSV staged as text (line 1 = header) into target''s typed columns by header name or column comment; inserts good lines, returns every bad cell (line, column, header, raw text, reason)';

-- land_allocation(parcels, leases, year, method): every parcel's land to the firms that
-- use it in the evaluation year, exactly (Σ land of the rows = Σ parcel areas).
CREATE FUNCTION @extschema@.land_allocation(parcels text, leases text, year integer,
		method text DEFAULT 'enterprise')
	RETURNS TABLE (parcel_id text, credit_code @extschema@.credit_code, role text,
				   land @extschema@.mu_area, reason text)
	LANGUAGE plpgsql VOLATILE STRICT
AS $alloc$
DECLARE
	bad text;
BEGIN
	IF method IS NULL OR NOT method OPERATOR(pg_catalog.=) ANY ('{enterprise,owner}'::pg_catalog.text[]) THEN
		RAISE EXCEPTION 'unknown land allocation method: "%"', method
			USING ERRCODE = '22023',
				  HINT = 'Use ''enterprise'' (企业评价法: own parcels minus what is leased out plus what is leased in) or ''owner'' (the registered holders only).';
	END IF;
	IF year IS NULL THEN
		RAISE EXCEPTION 'evaluation year must not be null' USING ERRCODE = '22004';
	END IF;
	-- one area per parcel: a parcel is one registered 宗地 whatever its rows
	EXECUTE pg_catalog.format(
		'SELECT q.parcel_id::pg_catalog.text FROM (%s) q GROUP BY 1'
		' HAVING pg_catalog.min(q.area::@extschema@.mu_area::numeric) OPERATOR(pg_catalog.<>) pg_catalog.max(q.area::@extschema@.mu_area::numeric) OR pg_catalog.bool_or(q.area IS NULL)'
		'     OR pg_catalog.bool_or(q.area::@extschema@.mu_area::numeric OPERATOR(pg_catalog.<) 0)'
		'     OR pg_catalog.bool_or(q.share::numeric OPERATOR(pg_catalog.<) 0) LIMIT 1', parcels)
		INTO bad;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'parcel "%" has no single non-negative area, or a negative share', bad
			USING ERRCODE = '22023',
				  DETAIL = 'Every row of a parcel (one per holder) must carry the same area of the whole parcel, and a share that is not negative.';
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH p AS (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.holder::pg_catalog.text AS holder,
			   pg_catalog.round(q.area::@extschema@.mu_area::numeric OPERATOR(pg_catalog.*) 1000000)::numeric AS area_u,
			   q.share::numeric AS share, q.floor_area::numeric AS floor_area
		  FROM (%1$s) q
	), pa AS (
		SELECT p.parcel_id, pg_catalog.max(p.area_u) AS area_u, pg_catalog.max(p.floor_area) AS floor_area,
			   pg_catalog.count(*) AS holders
		  FROM p GROUP BY p.parcel_id
	), yr AS (
		SELECT pg_catalog.make_date($1, 1, 1) AS y0, pg_catalog.make_date($1, 12, 31) AS y1,
			   (pg_catalog.make_date($1 OPERATOR(pg_catalog.+) 1, 1, 1) OPERATOR(pg_catalog.-) pg_catalog.make_date($1, 1, 1))::numeric AS ydays
	), l AS (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.lessee::pg_catalog.text AS lessee,
			   q.starts::pg_catalog.date AS starts, q.ends::pg_catalog.date AS ends,
			   q.land::@extschema@.mu_area AS lland, q.floor_area::numeric AS lfloor,
			   pa.area_u, pa.floor_area AS pfloor,
			   greatest(0, least(coalesce(q.ends::pg_catalog.date, yr.y1), yr.y1)
						   OPERATOR(pg_catalog.-) greatest(coalesce(q.starts::pg_catalog.date, yr.y0), yr.y0) OPERATOR(pg_catalog.+) 1)::numeric AS days,
			   yr.ydays
		  FROM (%2$s) q CROSS JOIN yr LEFT JOIN pa ON pa.parcel_id OPERATOR(pg_catalog.=) q.parcel_id::pg_catalog.text
		 WHERE $2 OPERATOR(pg_catalog.=) 'enterprise'
	), lw AS (
		-- land of a lease: its land, else the parcel pro rata by floor area; then pro
		-- rata by the days of the evaluation year it covers (四舍五入 to 10^-6 亩)
		SELECT l.*,
			   CASE WHEN l.area_u IS NULL THEN NULL
					WHEN l.lland IS NOT NULL
						THEN pg_catalog.round(pg_catalog.round(l.lland::numeric OPERATOR(pg_catalog.*) 1000000) OPERATOR(pg_catalog.*) l.days OPERATOR(pg_catalog./) l.ydays)
					WHEN l.lfloor IS NOT NULL AND l.pfloor OPERATOR(pg_catalog.>) 0
						THEN pg_catalog.round(l.area_u OPERATOR(pg_catalog.*) l.lfloor OPERATOR(pg_catalog.*) l.days OPERATOR(pg_catalog./) (l.pfloor OPERATOR(pg_catalog.*) l.ydays))
			   END AS want_u
		  FROM l
	), lc AS (
		-- leases take land in order of start; what exceeds the parcel is not given
		SELECT lw.*,
			   CASE WHEN lw.want_u IS NOT NULL THEN
					greatest(0, least(lw.want_u, lw.area_u OPERATOR(pg_catalog.-) coalesce(pg_catalog.sum(lw.want_u) OVER w OPERATOR(pg_catalog.-) lw.want_u, 0)))
			   END AS got_u
		  FROM lw
		WINDOW w AS (PARTITION BY lw.parcel_id COLLATE pg_catalog."C" ORDER BY lw.starts NULLS FIRST, lw.lessee COLLATE pg_catalog."C", lw.ends
					 ROWS UNBOUNDED PRECEDING)
	), leased AS (
		SELECT lc.parcel_id, pg_catalog.sum(lc.got_u) AS got_u FROM lc WHERE lc.got_u IS NOT NULL GROUP BY 1
	), rest AS (
		-- parcels shared by several holders or leased (few): their rest for the windows below
		SELECT pa.parcel_id, pa.area_u OPERATOR(pg_catalog.-) coalesce(le.got_u, 0) AS rest_u
		  FROM pa LEFT JOIN leased le ON le.parcel_id OPERATOR(pg_catalog.=) pa.parcel_id
		 WHERE pa.holders OPERATOR(pg_catalog.>) 1 OR le.parcel_id IS NOT NULL
	), ow AS (
		-- the holders share the rest by their shares (equal when not given), largest
		-- remainder so that the pieces add up to the rest exactly
		SELECT p.parcel_id, p.holder, @extschema@.credit_code_or_null(p.holder) AS code,
			   CASE WHEN pg_catalog.sum(coalesce(p.share, 1)) OVER w OPERATOR(pg_catalog.=) 0 THEN r.rest_u OPERATOR(pg_catalog./) pg_catalog.count(*) OVER w
					ELSE r.rest_u OPERATOR(pg_catalog.*) coalesce(p.share, 1) OPERATOR(pg_catalog./) pg_catalog.sum(coalesce(p.share, 1)) OVER w END AS exact_u,
			   pg_catalog.sum(coalesce(p.share, 1)) OVER w OPERATOR(pg_catalog.=) 0 AS zero_shares,
			   r.rest_u
		  FROM p JOIN rest r ON r.parcel_id OPERATOR(pg_catalog.=) p.parcel_id
		WINDOW w AS (PARTITION BY p.parcel_id COLLATE pg_catalog."C")
	), orank AS (
		SELECT ow.*, pg_catalog.floor(ow.exact_u) AS base_u,
			   pg_catalog.row_number() OVER (PARTITION BY ow.parcel_id COLLATE pg_catalog."C"
								  ORDER BY ow.exact_u OPERATOR(pg_catalog.-) pg_catalog.floor(ow.exact_u) DESC, ow.holder COLLATE pg_catalog."C") AS rk,
			   ow.rest_u OPERATOR(pg_catalog.-) pg_catalog.sum(pg_catalog.floor(ow.exact_u)) OVER (PARTITION BY ow.parcel_id COLLATE pg_catalog."C") AS left_u
		  FROM ow
	), pieces AS (
		SELECT o.parcel_id, o.holder AS who, o.code,
			   o.base_u OPERATOR(pg_catalog.+) CASE WHEN o.rk OPERATOR(pg_catalog.<=) o.left_u THEN 1 ELSE 0 END AS u,
			   '自有' AS role,
			   CASE WHEN o.zero_shares THEN '宗地各权利人份额均为0，按等份分配' END AS why
		  FROM orank o
		UNION ALL
		-- a parcel of one holder, not leased (most): all of it to the holder
		SELECT p.parcel_id, p.holder, @extschema@.credit_code_or_null(p.holder), p.area_u, '自有', NULL
		  FROM p JOIN pa ON pa.parcel_id OPERATOR(pg_catalog.=) p.parcel_id AND pa.holders OPERATOR(pg_catalog.=) 1
		 WHERE NOT EXISTS (SELECT FROM leased le WHERE le.parcel_id OPERATOR(pg_catalog.=) p.parcel_id)
		UNION ALL
		SELECT lc.parcel_id, lc.lessee, @extschema@.credit_code_or_null(lc.lessee),
			   coalesce(lc.got_u, 0), '承租',
			   CASE WHEN lc.area_u IS NULL THEN '租赁的宗地不在宗地表中'
					WHEN lc.want_u IS NULL THEN '租赁既无租赁面积也无可按建筑面积折算的依据'
					WHEN lc.got_u OPERATOR(pg_catalog.<) lc.want_u THEN '租赁面积超出宗地剩余面积，超出部分未计'
			   END
		  FROM lc
		UNION ALL
		SELECT l.parcel_id, l.lessee, @extschema@.credit_code_or_null(l.lessee), 0, '承租',
			   CASE WHEN NOT EXISTS (SELECT FROM pa WHERE pa.parcel_id OPERATOR(pg_catalog.=) l.parcel_id)
					THEN '租赁的宗地不在宗地表中' ELSE '按权利人口径，租赁不计用地' END
		  FROM (SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.lessee::pg_catalog.text AS lessee FROM (%2$s) q) l
		 WHERE $2 OPERATOR(pg_catalog.=) 'owner'
	)
	SELECT y.parcel_id, y.code, y.role, y.land, y.reason
	  FROM (SELECT x.parcel_id, x.who,
				   x.code,
				   CASE WHEN x.code IS NULL THEN '未分配' ELSE x.role END AS role,
				   (x.u OPERATOR(pg_catalog./) 1000000)::@extschema@.mu_area AS land,
				   CASE WHEN x.who IS NULL THEN pg_catalog.concat_ws('；', x.role OPERATOR(pg_catalog.||) '方缺少统一社会信用代码', x.why)
						WHEN x.code IS NULL
							THEN pg_catalog.concat_ws('；', x.role OPERATOR(pg_catalog.||) '方代码无效：' OPERATOR(pg_catalog.||) @extschema@.credit_code_check(x.who), x.why)
						ELSE x.why END AS reason
			  FROM pieces x) y
	 ORDER BY y.parcel_id COLLATE pg_catalog."C", y.role COLLATE pg_catalog."C", y.who COLLATE pg_catalog."C"$q$, parcels, leases)
	USING year, method;
END;
$alloc$;
COMMENT ON FUNCTION @extschema@.land_allocation(text, text, integer, text) IS
	'parcels (parcel_id, holder, area, share, floor_area) and leases (parcel_id, lessee, land, floor_area, starts, ends) to land per firm and parcel for the year: 企业评价法 (enterprise) or holders only (owner); Σ land = Σ parcel areas exactly, unallocated land listed with the reason';

-- merge_sources(query, master, refuse_duplicates): every line of every source, in long
-- form (source, line, credit_code, name, measure, amount), with what the merge did with
-- it.  Every input line comes out exactly once, so Σ input = Σ merged + Σ unmatched.
CREATE FUNCTION @extschema@.merge_sources(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (source text, line bigint, raw_code text, credit_code @extschema@.credit_code,
				   name text, measure text, amount numeric, status text, reason text)
	LANGUAGE plpgsql VOLATILE
AS $merge$
BEGIN
	IF query IS NULL THEN
		RAISE EXCEPTION 'query must not be null' USING ERRCODE = '22004';
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH src AS (
		SELECT q.source::pg_catalog.text AS source, q.line::bigint AS line, q.credit_code::pg_catalog.text AS raw_code,
			   q.name::pg_catalog.text AS name, q.measure::pg_catalog.text AS measure, q.amount::numeric AS amount,
			   @extschema@.credit_code_or_null(q.credit_code::pg_catalog.text) AS code
		  FROM (%s) q
	), d AS (
		-- one sort by firm, source and measure serves both windows: several lines of one
		-- firm and measure in one source (with their line numbers where they are named:
		-- sources whose duplicates are refused), and whether the firm is in the master list
		SELECT src.*,
			   src.source IS NOT NULL AND pg_catalog.count(*) OVER w OPERATOR(pg_catalog.>) 1 AS dup,
			   pg_catalog.string_agg(src.line::pg_catalog.text, ',')
				   FILTER (WHERE src.source OPERATOR(pg_catalog.=) ANY ($2)) OVER w AS lines,
			   src.source OPERATOR(pg_catalog.=) ANY ($2) AS refuse,
			   $1 IS NULL OR coalesce(pg_catalog.bool_or(src.source OPERATOR(pg_catalog.=) $1)
										  OVER (PARTITION BY src.code), false) AS listed
		  FROM src
		WINDOW w AS (PARTITION BY src.code, src.source, coalesce(src.measure, ''))
	)
	SELECT d.source, d.line, d.raw_code, d.code, d.name, d.measure, d.amount,
		   CASE WHEN d.code IS NULL THEN 'invalid_code'
				WHEN d.dup AND d.refuse THEN 'duplicate_refused'
				WHEN NOT d.listed THEN 'not_in_master'
				ELSE 'merged' END,
		   CASE WHEN d.code IS NULL THEN
					CASE WHEN d.raw_code IS NULL OR pg_catalog.btrim(d.raw_code) OPERATOR(pg_catalog.=) '' THEN '缺少统一社会信用代码'
						 ELSE @extschema@.credit_code_check(d.raw_code) END
				WHEN d.dup AND d.refuse
					THEN '同一来源重复（行 ' OPERATOR(pg_catalog.||) pg_catalog.array_to_string(
							ARRAY(SELECT x FROM pg_catalog.unnest(pg_catalog.string_to_array(d.lines, ',')::bigint[]) x ORDER BY x), ',') OPERATOR(pg_catalog.||) '），按该来源规则拒收'
				WHEN NOT d.listed THEN '不在' OPERATOR(pg_catalog.||) $1 OPERATOR(pg_catalog.||) '中'
				WHEN d.dup THEN '同一来源多行，已合计'
		   END
	  FROM d$q$, query)
	USING master, coalesce(refuse_duplicates, '{}');
END;
$merge$;
COMMENT ON FUNCTION @extschema@.merge_sources(text, text, text[]) IS
	'source lines (source, line, credit_code, name, measure, amount) merged by 统一社会信用代码: status merged / invalid_code / duplicate_refused / not_in_master with the reason, every line exactly once';

-- merge_reconcile: per source and measure, Σ input = Σ merged + Σ unmatched, checked.
CREATE FUNCTION @extschema@.merge_reconcile(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (source text, measure text, lines bigint, amount numeric,
				   merged_lines bigint, merged numeric, unmatched_lines bigint, unmatched numeric,
				   balanced boolean)
	LANGUAGE plpgsql VOLATILE
AS $rec$
BEGIN
	IF query IS NULL THEN
		RAISE EXCEPTION 'query must not be null' USING ERRCODE = '22004';
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH i AS (
		SELECT q.source::pg_catalog.text AS source, q.measure::pg_catalog.text AS measure,
			   pg_catalog.count(*) AS lines, coalesce(pg_catalog.sum(q.amount::numeric), 0) AS amount
		  FROM (%s) q GROUP BY 1, 2
	), o AS (
		SELECT m.source, m.measure,
			   pg_catalog.count(*) FILTER (WHERE m.status OPERATOR(pg_catalog.=) 'merged') AS merged_lines,
			   coalesce(pg_catalog.sum(m.amount) FILTER (WHERE m.status OPERATOR(pg_catalog.=) 'merged'), 0) AS merged,
			   pg_catalog.count(*) FILTER (WHERE m.status OPERATOR(pg_catalog.<>) 'merged') AS unmatched_lines,
			   coalesce(pg_catalog.sum(m.amount) FILTER (WHERE m.status OPERATOR(pg_catalog.<>) 'merged'), 0) AS unmatched
		  FROM @extschema@.merge_sources($1, $2, $3) m GROUP BY 1, 2
	)
	SELECT i.source, i.measure, i.lines, i.amount, o.merged_lines, o.merged,
		   o.unmatched_lines, o.unmatched,
		   i.lines OPERATOR(pg_catalog.=) (o.merged_lines OPERATOR(pg_catalog.+) o.unmatched_lines)
		   AND i.amount OPERATOR(pg_catalog.=) (o.merged OPERATOR(pg_catalog.+) o.unmatched)
	  FROM i LEFT JOIN o ON o.source OPERATOR(pg_catalog.=) i.source AND (o.measure OPERATOR(pg_catalog.=) i.measure OR (o.measure IS NULL AND i.measure IS NULL))
	 ORDER BY 1, 2$q$, query)
	USING query, master, refuse_duplicates;
END;
$rec$;
COMMENT ON FUNCTION @extschema@.merge_reconcile(text, text, text[]) IS
	'per source and measure: lines and Σ amount in, merged and unmatched, and whether they balance exactly';

-- merge_findings: what an analyst must look at before evaluating.
CREATE FUNCTION @extschema@.merge_findings(query text, master text DEFAULT NULL,
		refuse_duplicates text[] DEFAULT '{}')
	RETURNS TABLE (finding text, credit_code @extschema@.credit_code, raw_code text,
				   source text, line bigint, value text, detail text)
	LANGUAGE plpgsql VOLATILE
AS $find$
BEGIN
	IF query IS NULL THEN
		RAISE EXCEPTION 'query must not be null' USING ERRCODE = '22004';
	END IF;
	RETURN QUERY EXECUTE $q$
	WITH m AS MATERIALIZED (SELECT * FROM @extschema@.merge_sources($1, $2, $3)),
	ok AS (SELECT DISTINCT m.source, m.credit_code FROM m WHERE m.status OPERATOR(pg_catalog.=) 'merged'),
	names AS (
		SELECT m.credit_code, m.source, pg_catalog.min(m.name) AS name
		  FROM m WHERE m.credit_code IS NOT NULL AND m.name IS NOT NULL
		 GROUP BY 1, 2
	), srcs AS (SELECT DISTINCT m.source FROM m)
	SELECT '代码无效', NULL::@extschema@.credit_code, m.raw_code, m.source, m.line,
		   m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'invalid_code'
	UNION ALL
	SELECT '重复拒收', m.credit_code, m.raw_code, m.source, m.line, m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'duplicate_refused'
	UNION ALL
	SELECT '名录外', m.credit_code, m.raw_code, m.source, m.line, m.measure OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) m.amount, m.reason
	  FROM m WHERE m.status OPERATOR(pg_catalog.=) 'not_in_master'
	UNION ALL
	SELECT DISTINCT '组织机构代码校验位不符', m.credit_code, m.raw_code, m.source, NULL::bigint, NULL,
		   @extschema@.credit_code_strict_check(m.raw_code)
	  FROM m WHERE m.credit_code IS NOT NULL AND NOT @extschema@.credit_code_org_check_ok(m.credit_code)
	UNION ALL
	SELECT '名称不一致', n.credit_code, NULL, n.source, NULL, n.name, '各来源名称：' OPERATOR(pg_catalog.||) a.names
	  FROM names n
	  JOIN (SELECT names.credit_code,
				   pg_catalog.string_agg(names.source OPERATOR(pg_catalog.||) '=' OPERATOR(pg_catalog.||) names.name, '；' ORDER BY names.source) AS names
			  FROM names GROUP BY 1 HAVING pg_catalog.count(DISTINCT names.name) OPERATOR(pg_catalog.>) 1) a
		ON a.credit_code OPERATOR(@extschema@.=) n.credit_code
	UNION ALL
	SELECT '缺少' OPERATOR(pg_catalog.||) s.source, c.credit_code, NULL, s.source, NULL, NULL, '见于：' OPERATOR(pg_catalog.||) c.seen
	  FROM (SELECT ok.credit_code, pg_catalog.string_agg(ok.source, '、' ORDER BY ok.source) AS seen
			  FROM ok GROUP BY 1) c
	 CROSS JOIN srcs s
	 WHERE NOT EXISTS (SELECT FROM ok o WHERE o.credit_code OPERATOR(@extschema@.=) c.credit_code AND o.source OPERATOR(pg_catalog.=) s.source)
	 ORDER BY 1, 2, 4, 5$q$
	USING query, master, refuse_duplicates;
END;
$find$;
COMMENT ON FUNCTION @extschema@.merge_findings(text, text, text[]) IS
	'findings of a merge: invalid codes, refused duplicates, codes outside the master list, GB 11714 failures, names that differ between sources, firms missing from a source (有税无地, 有地无税)';

-- quality_findings(input, year): checks of the merged engine input before evaluation.
-- input is a table or view with credit_code, year, land, tax and optionally refund
-- (留抵退税, positive), parcel_key (the firm's parcels, e.g. sorted ids) and the other
-- shared attribute names; sources maps a column to the source it came from.
CREATE FUNCTION @extschema@.quality_findings(input regclass, year integer,
		sources jsonb DEFAULT '{}', outlier_factor numeric DEFAULT 10)
	RETURNS TABLE (finding text, credit_code @extschema@.credit_code, source text,
				   col text, value text, detail text)
	LANGUAGE plpgsql VOLATILE STRICT
AS $qual$
DECLARE
	c text;
	has_col jsonb;
	src text;
BEGIN
	IF year IS NULL OR outlier_factor IS NULL OR outlier_factor OPERATOR(pg_catalog.<=) 1 THEN
		RAISE EXCEPTION 'year must not be null and outlier_factor must be greater than 1'
			USING ERRCODE = '22023';
	END IF;
	SELECT pg_catalog.jsonb_object_agg(a.attname, pg_catalog.format_type(a.atttypid, NULL))
	  INTO has_col
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid OPERATOR(pg_catalog.=) input AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	FOREACH c IN ARRAY ARRAY['credit_code', 'year', 'land', 'tax'] LOOP
		IF NOT has_col OPERATOR(pg_catalog.?) c THEN
			RAISE EXCEPTION 'input % has no column "%"', input, c USING ERRCODE = '42703';
		END IF;
	END LOOP;

	-- a value in the wrong unit: 10000 times (元 for 万元) or a 10000th of the year before;
	-- flagged from a factor of 1000
	FOREACH c IN ARRAY ARRAY['tax', 'value_added', 'revenue', 'main_revenue', 'rd'] LOOP
		CONTINUE WHEN NOT has_col OPERATOR(pg_catalog.?) c;
		src := coalesce(sources OPERATOR(pg_catalog.->>) c, c);
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '单位疑误', t.credit_code::@extschema@.credit_code, $2, $3,
				   t.%1$I::numeric::pg_catalog.text, '上年为' OPERATOR(pg_catalog.||) p.%1$I::numeric OPERATOR(pg_catalog.||) '，相差' OPERATOR(pg_catalog.||)
				   pg_catalog.round(pg_catalog.abs(t.%1$I::numeric OPERATOR(pg_catalog./) p.%1$I::numeric), 1) OPERATOR(pg_catalog.||) '倍，疑为元与万元混用'
			  FROM %2$s t JOIN %2$s p ON p.credit_code::pg_catalog.text OPERATOR(pg_catalog.=) t.credit_code::pg_catalog.text AND p.year OPERATOR(pg_catalog.=) (t.year OPERATOR(pg_catalog.-) 1)
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.%1$I::numeric OPERATOR(pg_catalog.<>) 0 AND p.%1$I::numeric OPERATOR(pg_catalog.<>) 0
			   AND (pg_catalog.abs(t.%1$I::numeric) OPERATOR(pg_catalog.>=) (1000 OPERATOR(pg_catalog.*) pg_catalog.abs(p.%1$I::numeric))
					OR 1000 OPERATOR(pg_catalog.*) pg_catalog.abs(t.%1$I::numeric) OPERATOR(pg_catalog.<=) pg_catalog.abs(p.%1$I::numeric))
			 ORDER BY 2$q$, c, input)
			USING year, src, c;
	END LOOP;

	-- missing indicators, per column and source
	FOREACH c IN ARRAY ARRAY['land', 'tax', 'value_added', 'revenue', 'main_revenue', 'rd',
							 'energy_tce', 'emission_t', 'employees', 'electricity'] LOOP
		CONTINUE WHEN NOT has_col OPERATOR(pg_catalog.?) c;
		src := coalesce(sources OPERATOR(pg_catalog.->>) c, c);
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '缺少指标', t.credit_code::@extschema@.credit_code, $2, $3, NULL::pg_catalog.text,
				   $2 OPERATOR(pg_catalog.||) '无' OPERATOR(pg_catalog.||) $3 OPERATOR(pg_catalog.||) '数据'
			  FROM %2$s t WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.%1$I IS NULL ORDER BY 2$q$, c, input)
			USING year, src, c;
	END LOOP;

	-- 亩均税收 far from the year's median (outlier_factor times above or below)
	RETURN QUERY EXECUTE pg_catalog.format($q$
		WITH r AS (
			SELECT t.credit_code, t.tax::numeric OPERATOR(pg_catalog./) t.land::numeric AS per_mu
			  FROM %1$s t
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.land::numeric OPERATOR(pg_catalog.>) 0 AND t.tax::numeric OPERATOR(pg_catalog.>) 0
		), med AS (SELECT pg_catalog.percentile_disc(0.5) WITHIN GROUP (ORDER BY r.per_mu) AS m FROM r)
		SELECT '亩均异常', r.credit_code::@extschema@.credit_code, $2, 'tax/land',
			   pg_catalog.round(r.per_mu, 2)::pg_catalog.text,
			   '亩均税收' OPERATOR(pg_catalog.||) pg_catalog.round(r.per_mu OPERATOR(pg_catalog./) 10000, 2) OPERATOR(pg_catalog.||) '万元/亩，全区中位数'
				 OPERATOR(pg_catalog.||) pg_catalog.round(med.m OPERATOR(pg_catalog./) 10000, 2) OPERATOR(pg_catalog.||) '万元/亩'
		  FROM r, med
		 WHERE r.per_mu OPERATOR(pg_catalog.>) (med.m OPERATOR(pg_catalog.*) $3) OR r.per_mu OPERATOR(pg_catalog.*) $3 OPERATOR(pg_catalog.<) med.m
		 ORDER BY 2$q$, input)
		USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'tax', 'tax') OPERATOR(pg_catalog.||) '/' OPERATOR(pg_catalog.||) coalesce(sources OPERATOR(pg_catalog.->>) 'land', 'land'),
			  outlier_factor;

	-- land that changed while the parcels did not
	IF has_col OPERATOR(pg_catalog.?) 'parcel_key' THEN
		RETURN QUERY EXECUTE pg_catalog.format($q$
			SELECT '用地变化无宗地变化', t.credit_code::@extschema@.credit_code, $2, 'land',
				   t.land::numeric::pg_catalog.text, '上年' OPERATOR(pg_catalog.||) p.land::numeric OPERATOR(pg_catalog.||) '亩，宗地未变（' OPERATOR(pg_catalog.||) t.parcel_key::pg_catalog.text OPERATOR(pg_catalog.||) '）'
			  FROM %1$s t JOIN %1$s p ON p.credit_code::pg_catalog.text OPERATOR(pg_catalog.=) t.credit_code::pg_catalog.text AND p.year OPERATOR(pg_catalog.=) (t.year OPERATOR(pg_catalog.-) 1)
			 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.parcel_key::pg_catalog.text OPERATOR(pg_catalog.=) p.parcel_key::pg_catalog.text
			   AND t.land::numeric OPERATOR(pg_catalog.<>) p.land::numeric
			 ORDER BY 2$q$, input)
			USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'land', 'land');
	END IF;

	-- negative tax beyond the refunds (留抵退税)
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT '负税超出退税', t.credit_code::@extschema@.credit_code, $2, 'tax', t.tax::numeric::pg_catalog.text,
			   CASE WHEN %2$s IS NULL THEN '税收为负且无留抵退税记录'
					ELSE '税收为负，超出留抵退税' OPERATOR(pg_catalog.||) %2$s OPERATOR(pg_catalog.||) '元' END
		  FROM %1$s t
		 WHERE t.year OPERATOR(pg_catalog.=) $1 AND t.tax::numeric OPERATOR(pg_catalog.<) 0 AND t.tax::numeric OPERATOR(pg_catalog.+) coalesce(%2$s, 0) OPERATOR(pg_catalog.<) 0
		 ORDER BY 2$q$, input,
		CASE WHEN has_col OPERATOR(pg_catalog.?) 'refund' THEN 't.refund::numeric' ELSE 'NULL::numeric' END)
		USING year, coalesce(sources OPERATOR(pg_catalog.->>) 'tax', 'tax');
END;
$qual$;
COMMENT ON FUNCTION @extschema@.quality_findings(regclass, integer, jsonb, numeric) IS
	'data-quality findings of the engine input for a year: 单位疑误 (x1000 or more against the year before), 缺少指标, 亩均异常, 用地变化无宗地变化, 负税超出退税; each names firm, source, column and value';

-- parcel_units(allocation, amounts, digits): 地块评价法, one evaluation unit per parcel.
-- Each firm's amounts are split over its parcels pro rata to its land on each (largest
-- remainder at 10^-digits, so Σ over units = Σ over firms exactly); the unit's land is the
-- parcel's whole area.  Amounts of firms without land go to the unit with parcel_id NULL.
CREATE FUNCTION @extschema@.parcel_units(allocation text, amounts text, digits integer DEFAULT 2)
	RETURNS TABLE (parcel_id text, measure text, amount numeric, users bigint)
	LANGUAGE plpgsql VOLATILE STRICT
AS $units$
BEGIN
	IF digits IS NULL OR digits OPERATOR(pg_catalog.<) 0 OR digits OPERATOR(pg_catalog.>) 10 THEN
		RAISE EXCEPTION 'digits must be between 0 and 10' USING ERRCODE = '22023';
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH a AS MATERIALIZED (
		SELECT q.parcel_id::pg_catalog.text AS parcel_id, q.credit_code::@extschema@.credit_code AS code,
			   q.land::@extschema@.mu_area::numeric AS land
		  FROM (%1$s) q
	), fa AS (
		SELECT a.parcel_id, a.code, pg_catalog.sum(a.land) AS land FROM a
		 WHERE a.code IS NOT NULL AND a.land OPERATOR(pg_catalog.>) 0 GROUP BY 1, 2
	), tot AS (SELECT fa.code, pg_catalog.sum(fa.land) AS t FROM fa GROUP BY 1),
	v AS (
		SELECT q.credit_code::@extschema@.credit_code AS code, q.measure::pg_catalog.text AS measure,
			   pg_catalog.round(pg_catalog.sum(q.amount::numeric) OPERATOR(pg_catalog.*) (10::numeric OPERATOR(pg_catalog.^) $1)) AS total
		  FROM (%2$s) q GROUP BY 1, 2
	), s AS (
		SELECT fa.parcel_id, v.code, v.measure, v.total,
			   v.total OPERATOR(pg_catalog.*) fa.land OPERATOR(pg_catalog./) tot.t AS exact
		  FROM v JOIN fa ON fa.code OPERATOR(@extschema@.=) v.code JOIN tot ON tot.code OPERATOR(@extschema@.=) v.code
	), r AS (
		SELECT s.*, pg_catalog.floor(s.exact) AS base,
			   pg_catalog.row_number() OVER (PARTITION BY s.code, s.measure
								  ORDER BY s.exact OPERATOR(pg_catalog.-) pg_catalog.floor(s.exact) DESC, s.parcel_id) AS rk,
			   s.total OPERATOR(pg_catalog.-) pg_catalog.sum(pg_catalog.floor(s.exact)) OVER (PARTITION BY s.code, s.measure) AS left_n
		  FROM s
	), pieces AS (
		SELECT r.parcel_id, r.measure, r.code, r.base OPERATOR(pg_catalog.+) CASE WHEN r.rk OPERATOR(pg_catalog.<=) r.left_n THEN 1 ELSE 0 END AS n
		  FROM r
		UNION ALL
		SELECT NULL, v.measure, v.code, v.total
		  FROM v WHERE NOT EXISTS (SELECT FROM tot WHERE tot.code OPERATOR(@extschema@.=) v.code)
	)
	SELECT p.parcel_id, p.measure, pg_catalog.trim_scale(pg_catalog.sum(p.n) OPERATOR(pg_catalog./) (10::numeric OPERATOR(pg_catalog.^) $1)), pg_catalog.count(DISTINCT p.code)
	  FROM pieces p GROUP BY 1, 2
	UNION ALL
	SELECT a.parcel_id, 'land', pg_catalog.trim_scale(pg_catalog.sum(a.land)), pg_catalog.count(DISTINCT a.code) FILTER (WHERE a.land OPERATOR(pg_catalog.>) 0)
	  FROM a GROUP BY 1
	 ORDER BY 1, 2$q$, allocation, amounts)
	USING digits;
END;
$units$;
COMMENT ON FUNCTION @extschema@.parcel_units(text, text, integer) IS
	'地块评价法: per parcel, its whole land and its users'' amounts (long form credit_code, measure, amount) split pro rata to their land on it, exactly (largest remainder at 10^-digits)';
