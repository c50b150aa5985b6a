-- demo/policy_report.sql: the report's section 政策兑现 (psql script; tools/demo.sh runs it
-- after demo/report.sql, and writes one CSV 兑现清单 per policy).  Reads the views of
-- demo/policy.sql.

\set QUIET 1
\set ON_ERROR_STOP 1
\pset footer off
\pset null '—'
SELECT to_regclass('report.policy_payment') IS NOT NULL AS have_policy \gset

\echo
\if :have_policy
\echo '六、政策兑现（按政策规则逐户测算；金额为应兑现额，已含封顶与预算分配）'
\echo
\echo '  1. 各项政策：符合企业、金额、预算使用（收费类为企业多缴，减免类为企业少缴）'
SELECT policy_set AS "政策集", label AS "政策",
	   CASE direction WHEN 'pay' THEN '兑付' WHEN 'charge' THEN '加价' ELSE '减免' END AS "类型",
	   firms AS "符合企业", unknown AS "待补数据", amount_wan AS "金额(万元)",
	   budget_wan AS "预算(万元)", budget_used_pct AS "预算使用(%)"
  FROM report.policy_summary
 ORDER BY policy_set, policy;
\echo '  2. 金额最大的十笔兑付（补贴、奖励、减免；加价见下节）'
SELECT name AS "企业名称", label AS "政策", round(amount_yuan / 10000, 2) AS "金额(万元)",
	   explanation AS "依据"
  FROM report.policy_payment
 WHERE eligible AND direction <> 'charge'
 ORDER BY amount_yuan DESC, credit_code, policy
 LIMIT 10;
\echo '  3. D类企业的差别化成本（D类企业合计）'
SELECT coalesce(label, '合计') AS "项目", count(DISTINCT credit_code) FILTER (WHERE eligible) AS "D类企业",
	   round(sum(amount_yuan) / 10000, 2) AS "合计(万元)",
	   round(sum(amount_yuan) / nullif(count(DISTINCT credit_code) FILTER (WHERE eligible), 0) / 10000, 2)
		 AS "户均(万元)"
  FROM report.policy_payment
 WHERE class = 'D' AND direction = 'charge'
 GROUP BY GROUPING SETS ((policy, label), ())
 ORDER BY GROUPING(label), policy;
\echo '  （兑现清单：每项政策一个 CSV 文件，report/兑现清单_<政策集>_<政策>.csv）'
\else
\echo '六、政策兑现'
\echo '  （本节需要政策引擎 policy_evaluate() 及评价、梯度培育结果，从略）'
\endif
