-- demo/report_intake.sql: the report's 数据核对 section (psql script; tools/demo.sh runs it
-- after demo/report.sql).  Reads what demo/pipeline.sql's district_raw.run() produced: what
-- was merged, what was not and why.

\set QUIET 1
\set ON_ERROR_STOP 1
\pset footer off
\pset null '—'
SELECT to_regclass('district_raw.merged') IS NOT NULL AS have_intake \gset

\echo
\echo '七、数据核对（原始数据 → 评价输入，demo/pipeline.sql）'
\if :have_intake
\echo
\echo '  1. 税务导出表导入：坏单元格逐一列出（行号为表格行号，表头为第1行）'
SELECT i.line AS "行", i.header AS "列", i.raw AS "原文", t.c1 AS "该行代码", i.reason AS "原因"
  FROM district_raw.import_issue i
  LEFT JOIN district_raw.tax_csv t ON t.line = i.line
 ORDER BY i.line, i.col;

\echo
\echo '  2. 宗地用地分配（2024年，按权利人口径；企业评价法另列）：宗地面积 = 已分配 + 未分配'
SELECT CASE method WHEN 'owner' THEN '权利人口径' ELSE '企业评价法' END AS "口径",
	   count(DISTINCT parcel_id) FILTER (WHERE parcel_id IN (SELECT parcel_id FROM district_raw.parcel)) AS "宗地",
	   (SELECT sum(area) FROM (SELECT DISTINCT parcel_id, area FROM district_raw.parcel) p)::numeric AS "宗地面积(亩)",
	   coalesce(sum(land) FILTER (WHERE role <> '未分配'), '0亩')::numeric AS "已分配(亩)",
	   coalesce(sum(land) FILTER (WHERE role = '未分配'), '0亩')::numeric AS "未分配(亩)",
	   coalesce(sum(land) FILTER (WHERE role = '承租'), '0亩')::numeric AS "其中承租(亩)",
	   count(DISTINCT credit_code) FILTER (WHERE land::numeric > 0) AS "有用地企业"
  FROM district_raw.allocation
 WHERE year = 2024
 GROUP BY method ORDER BY method DESC;

\echo
\echo '  3. 按统一社会信用代码合并（2024年）：各来源合计 = 已合并 + 未合并'
SELECT r.source AS "来源", coalesce(r.measure, '（名单）') AS "指标", r.lines AS "行数", r.amount AS "合计",
	   r.merged_lines AS "已合并行", r.merged AS "已合并", r.unmatched_lines AS "未合并行",
	   r.unmatched AS "未合并", CASE WHEN r.balanced THEN '平' ELSE '不平' END AS "核对"
  FROM (SELECT m.source, m.measure, count(*) AS lines, coalesce(sum(m.amount), 0) AS amount,
			   count(*) FILTER (WHERE m.status = 'merged') AS merged_lines,
			   coalesce(sum(m.amount) FILTER (WHERE m.status = 'merged'), 0) AS merged,
			   count(*) FILTER (WHERE m.status <> 'merged') AS unmatched_lines,
			   coalesce(sum(m.amount) FILTER (WHERE m.status <> 'merged'), 0) AS unmatched,
			   count(*) = count(*) FILTER (WHERE m.status = 'merged') + count(*) FILTER (WHERE m.status <> 'merged')
				 AND coalesce(sum(m.amount), 0) = coalesce(sum(m.amount) FILTER (WHERE m.status = 'merged'), 0)
												  + coalesce(sum(m.amount) FILTER (WHERE m.status <> 'merged'), 0) AS balanced
		  FROM district_raw.merged m WHERE m.year = 2024 GROUP BY 1, 2) r
 ORDER BY 1, 2;

\echo
\echo '  4. 未合并的行及原因'
SELECT m.source AS "来源", m.line AS "行", coalesce(m.raw_code, '（空）') AS "代码", m.measure AS "指标",
	   m.amount AS "数值",
	   CASE m.status WHEN 'invalid_code' THEN '代码无效' WHEN 'duplicate_refused' THEN '重复拒收'
					 WHEN 'not_in_master' THEN '名录外' WHEN 'invalid_amount' THEN '金额无效' END AS "处理", m.reason AS "原因"
  FROM district_raw.merged m
 WHERE m.year = 2024 AND m.status <> 'merged'
 ORDER BY 1, 2;

\echo
\echo '  5. 核对发现（2024年，按类别；逐条见 district_raw.finding）'
SELECT finding AS "类别", count(*) AS "条数", count(DISTINCT credit_code) AS "涉及企业",
	   string_agg(DISTINCT source, '、') AS "来源"
  FROM district_raw.finding WHERE year = 2024
 GROUP BY 1 ORDER BY 2 DESC, 1;

\echo
\echo '  6. 需要人工核实的企业（不含缺少指标与缺少来源两类）'
SELECT f.finding AS "类别", coalesce(f.credit_code::text, f.raw_code, '—') AS "代码", f.source AS "来源",
	   f.value AS "数值", f.detail AS "说明"
  FROM district_raw.finding f
 WHERE f.year = 2024 AND f.finding NOT LIKE '缺少%' AND f.finding <> '亩均异常'
 ORDER BY 1, 2;
\else
\echo '  （未运行 demo/pipeline.sql，从略）'
\endif
