#!/usr/bin/env node
// tools/report/build.js: writes report.html, the district report with charts.
//
//   node tools/report/build.js REPORT_JSON [TABLES_HTML] > report.html
//
// REPORT_JSON is the output of demo/report_data.sql (the figures of the report views);
// TABLES_HTML, optional, the report's tables as `psql -H -f demo/report.sql` prints them
// (shown after the charts as 附表).  The page is self-contained: ECharts (npm package
// echarts, installed here from package-lock.json), the data and the chart code are
// inlined, so it opens offline.  Charts are drawn as SVG (sharp on paper) with a CJK
// font stack; print CSS lays the page out on A4.
'use strict';
const fs = require('fs');
const path = require('path');

const [jsonFile, tablesFile] = process.argv.slice(2);
if (!jsonFile) {
	process.stderr.write('usage: node build.js REPORT_JSON [TABLES_HTML] > report.html\n');
	process.exit(2);
}
const data = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
const tables = tablesFile ? fs.readFileSync(tablesFile, 'utf8') : '';
const echartsJs = fs.readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
const echartsVersion = require('echarts/package.json').version;

// escape(text): text safe inside HTML element content and attribute values.
function escape(text) {
	return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

// inlineScript(js): js that cannot end its <script> element early (refused rather than
// rewritten: the library's code is inlined as published).
function inlineScript(js) {
	if (/<\/script|<!--/i.test(js))
		throw new Error('script contains </script or <!--: cannot be inlined');
	return js;
}

// inlineJson(value): JSON text with every '<' escaped, safe inside <script>.
function inlineJson(value) {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

const FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei", '
	+ '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", sans-serif';

const css = `
:root { --ink: #1f2329; --muted: #646a73; --rule: #d0d3d6; }
html { font-family: ${FONTS}; color: var(--ink); background: #fff; }
body { margin: 0 auto; padding: 24px 32px 48px; max-width: 1040px; line-height: 1.6; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 6px; padding-bottom: 4px; border-bottom: 2px solid #c23531; }
.note { color: var(--muted); font-size: 13px; margin: 0; }
.headline { font-size: 16px; margin: 10px 0 0; }
.headline b { color: #c23531; }
.chart { width: 100%; height: 380px; }
.chart.tall { height: 460px; }
.chart.empty { height: auto; color: var(--muted); padding: 8px 0; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: var(--muted); font-size: 12px; }
.tables table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 12px; }
.tables td, .tables th { border: 1px solid #999; padding: 2px 6px; }
.tables td { text-align: right; }
.tables pre { font-family: inherit; white-space: pre-wrap; margin: .3em 0; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; border-top: 1px solid var(--rule); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
	body { max-width: none; padding: 0; font-size: 11pt; }
	h1 { font-size: 16pt; }
	h2 { font-size: 13pt; margin-top: 10mm; }
	.chart { width: 186mm; height: 92mm; }
	.chart.tall { height: 115mm; }
	section { break-inside: avoid; page-break-inside: avoid; }
	.tables { break-before: page; page-break-before: always; }
	.tables table { font-size: 8pt; }
	.tables tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

// The chart code, run in the page: one ECharts instance per .chart element, drawn from
// the JSON of <script id="report-data">.
const chartCode = `
(function () {
	'use strict';
	var data = JSON.parse(document.getElementById('report-data').textContent);
	var FONT = ${JSON.stringify(FONTS)};
	var CLASS_COLOR = { A: '#2e7d32', B: '#1f77b4', C: '#f39c12', D: '#c23531' };
	var charts = [];

	// draw(id, option): an SVG chart in element #id, or a note when its data are missing.
	function draw(id, option) {
		var el = document.getElementById(id);
		if (!option) {
			el.className += ' empty';
			el.textContent = '（本图所需的报表视图不存在或没有数据，从略）';
			return;
		}
		option.textStyle = { fontFamily: FONT };
		option.animation = false;
		var chart = echarts.init(el, null, { renderer: 'svg' });
		chart.setOption(option);
		charts.push(chart);
	}

	// number(v, digits): v with thousands separators, '—' when missing.
	function number(v, digits) {
		if (v === null || v === undefined) return '—';
		return Number(v).toLocaleString('zh-CN', { minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0 });
	}

	var cd = data.class_distribution;
	draw('chart-class', cd && cd.categories && {
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
			formatter: function (ps) {
				return ps[0].name + '<br>' + ps.map(function (p) {
					return p.marker + p.seriesName + '：' + cd.classes[p.seriesIndex].firms[p.dataIndex] + '家（' + p.value + '%）';
				}).join('<br>');
			} },
		legend: { top: 0 },
		grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
		yAxis: { type: 'category', inverse: true,
			data: cd.categories.map(function (c) { return c.scope + ' · ' + c.industry_group; }) },
		series: cd.classes.map(function (k) {
			return { name: k.class + ' ' + k.label, type: 'bar', stack: 'class', barWidth: '62%',
				itemStyle: { color: CLASS_COLOR[k.class] },
				label: { show: true, fontSize: 10, formatter: function (p) { return p.value >= 4 ? number(p.value, 1) + '%' : ''; } },
				data: k.percent };
		})
	});

	var tm = data.tax_per_mu;
	function districtLine(value, name) {
		return { symbol: 'none', silent: true, lineStyle: { type: 'dashed' },
			label: { formatter: name + ' {c}', position: 'insideEndTop' },
			data: value === null ? [] : [{ yAxis: value, name: name }] };
	}
	draw('chart-tax', tm && tm.groups && {
		tooltip: { trigger: 'axis', valueFormatter: function (v) { return number(v, 2) + '万元/亩'; } },
		legend: { top: 0 },
		grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: tm.groups },
		yAxis: { type: 'value', name: '万元/亩' },
		series: [
			{ name: '规上企业', type: 'bar', data: tm.guishang, itemStyle: { color: '#c23531' },
				label: { show: true, position: 'top', fontSize: 10 },
				markLine: districtLine(tm.district_guishang, '全区规上') },
			{ name: '规下企业（用地3亩以上）', type: 'bar', data: tm.guixia, itemStyle: { color: '#5470c6' },
				label: { show: true, position: 'top', fontSize: 10 },
				markLine: districtLine(tm.district_guixia, '全区规下') }
		]
	});

	var dm = data.district_month;
	draw('chart-month', dm && dm.months && {
		tooltip: { trigger: 'axis' },
		legend: { top: 0 },
		grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: dm.months },
		// bars in the lower part, growth lines above them
		yAxis: [{ type: 'value', name: '亿元', max: function (v) { return Math.ceil(v.max * 1.6 / 10) * 10; } },
			{ type: 'value', name: '%', splitLine: { show: false },
				min: function (v) { return Math.floor(Math.min(0, v.min - 1.5 * (v.max - v.min) - 1)); } }],
		series: [
			{ name: '当月规上工业产值（亿元）', type: 'bar', data: dm.output_yi, itemStyle: { color: '#5470c6' },
				label: { show: true, position: 'insideTop', color: '#fff', fontSize: 9,
					formatter: function (p) { return number(p.value, 2); } } },
			{ name: '当月同比（%）', type: 'line', yAxisIndex: 1, data: dm.yoy_pct, itemStyle: { color: '#c23531' },
				label: { show: true, fontSize: 9, formatter: function (p) { return number(p.value, 1) + '%'; } } },
			{ name: '累计同比（%）', type: 'line', yAxisIndex: 1, data: dm.ytd_yoy_pct, itemStyle: { color: '#f39c12' },
				lineStyle: { type: 'dashed' } }
		]
	});

	var tf = data.tier_funnel;
	draw('chart-funnel', tf && tf.length && {
		tooltip: { trigger: 'item', formatter: function (p) {
			var t = tf[p.dataIndex];
			return p.name + '<br>逐级符合：' + number(t.ladder_firms) + '家<br>本级单独符合：' + number(t.firms)
				+ '家<br>待补数据：' + number(t.unknown) + '家';
		} },
		series: [{ name: '培育梯队', type: 'funnel', sort: 'none', gap: 3, left: '4%', width: '58%',
			top: 8, bottom: 8, minSize: '4%', maxSize: '100%',
			label: { show: true, position: 'right', color: '#1f2329', fontSize: 13,
				formatter: function (p) { return p.name + '  ' + number(p.value) + '家'; } },
			labelLine: { show: true, length: 12 },
			itemStyle: { borderColor: '#fff' },
			color: ['#9aa5b1', '#5470c6', '#91cc75', '#f39c12', '#c23531'],
			data: tf.map(function (t) { return { name: t.label, value: t.ladder_firms }; }) }]
	});

	var dl = data.d_class_land;
	draw('chart-dland', dl && dl.groups && {
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
			formatter: function (ps) {
				return ps[0].name + '<br>' + ps.map(function (p) {
					var s = dl.scopes[p.seriesIndex];
					return p.marker + p.seriesName + '：' + number(p.value, 1) + '亩，' + s.firms[p.dataIndex]
						+ '家（一票否决' + s.veto[p.dataIndex] + '家）';
				}).join('<br>');
			} },
		legend: { top: 0 },
		grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: dl.groups },
		yAxis: { type: 'value', name: '亩' },
		series: dl.scopes.map(function (s, i) {
			return { name: s.scope + 'D类企业用地', type: 'bar', stack: 'land', data: s.land_mu,
				itemStyle: { color: ['#c23531', '#e98f6f'][i % 2] },
				label: { show: true, fontSize: 10, formatter: function (p) { return p.value ? number(p.value, 1) : ''; } } };
		})
	});

	function resize() { charts.forEach(function (c) { c.resize(); }); }
	window.addEventListener('resize', resize);
	window.addEventListener('beforeprint', resize);
	window.addEventListener('afterprint', resize);
	if (window.matchMedia) {
		var print = window.matchMedia('print');
		if (print.addEventListener) print.addEventListener('change', resize);
	}
	document.documentElement.setAttribute('data-charts', String(charts.length));
})();
`;

const meta = data.meta || {};
const dm = data.district_month || {};
const headlines = [dm.headline, dm.month_headline].filter(Boolean)
	.map((h) => `<p class="headline">${escape(h).replace(/(增长|下降|回落|提高)([0-9.]+(%|倍|个百分点))/g, '$1<b>$2</b>')}</p>`)
	.join('\n');

const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(meta.title || '亩均效益与工业运行报告')}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${escape(meta.title || '亩均效益与工业运行报告')}</h1>
<p class="note">数据为 district.generate() 生成的模拟数据，不代表任何真实企业。企业 ${escape(meta.firms ?? '—')} 家；评价年度 ${escape(meta.year ?? '—')}；月度数据截至 ${escape((meta.as_of || '').slice(0, 7))}。</p>
${headlines}
</header>
<section>
<h2>一、规上工业产值与增长</h2>
<figure><div class="chart" id="chart-month"></div>
<figcaption>柱：当月规上工业产值（亿元）；线：当月同比与累计同比（%，可比口径）。来源：report.district_month。</figcaption></figure>
</section>
<section>
<h2>二、亩均税收：分行业组与全区</h2>
<figure><div class="chart" id="chart-tax"></div>
<figcaption>${escape(meta.year ?? '')}年亩均税收（万元/亩，合计税收 ÷ 合计用地）；虚线为全区水平。来源：report.group_year。</figcaption></figure>
</section>
<section>
<h2>三、亩均效益综合评价：分类结果分布</h2>
<figure><div class="chart tall" id="chart-class"></div>
<figcaption>各行业组 A/B/C/D 类企业占比（%，最大余数法，各组合计100.0%）。来源：report.class_distribution。</figcaption></figure>
</section>
<section>
<h2>四、腾笼换鸟：D类企业用地</h2>
<figure><div class="chart" id="chart-dland"></div>
<figcaption>D类（倒逼整治类，含一票否决）企业占用的土地（亩），按行业组。来源：report.d_class_land。</figcaption></figure>
</section>
<section>
<h2>五、梯度培育：规下 → 规上 → 创新型 → 专精特新 → 小巨人</h2>
<figure><div class="chart" id="chart-funnel"></div>
<figcaption>逐级符合的企业数（同时满足本级及以下各级条件，自规上起；规下为未达规上标准的企业）。来源：report.tier_funnel。</figcaption></figure>
</section>
${tables ? `<section class="tables">\n<h2>附表</h2>\n${tables}\n</section>` : ''}
<footer>industry 扩展样例报告；图表：Apache ECharts ${escape(echartsVersion)}（已内嵌，可离线打开）。</footer>
<script>${inlineScript(echartsJs)}</script>
<script type="application/json" id="report-data">${inlineJson(data)}</script>
<script>${inlineScript(chartCode)}</script>
</body>
</html>
`;
process.stdout.write(html);
