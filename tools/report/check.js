#!/usr/bin/env node
// tools/report/check.js: opens report.html in headless Chromium and checks what it drew.
//
//   node tools/report/check.js REPORT_HTML [EXPECTED_JSON|-] [SCREENSHOT_PNG] [PDF]
//
// Prints one 'ok - ' / 'not ok - ' line per check and exits 1 if any failed:
//   - the page loads offline (every request other than the file itself is refused and
//     counted) with no console error and no uncaught exception;
//   - every .chart element holds an ECharts instance whose every series has data, and
//     the instance drew SVG shapes;
//   - with EXPECTED_JSON ({"chart-id": {"series": [[...], ...], "markLine": [[...], ...]}}),
//     each chart's series data (and mark-line values) equal the expected arrays exactly;
//   - the Chinese text is rendered with a CJK font (the platform fonts Chromium used);
//   - printed (print media, A4) every chart fits the printable width;
// then writes a full-page screenshot (SCREENSHOT_PNG) and the A4 print (PDF) if asked.
// Chromium: $CHROMIUM or /usr/bin/chromium (Debian package chromium).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [htmlFile, expectedFile, screenshot, pdf] = process.argv.slice(2);
if (!htmlFile) {
	process.stderr.write('usage: node check.js REPORT_HTML [EXPECTED_JSON|-] [SCREENSHOT_PNG] [PDF]\n');
	process.exit(2);
}
const expected = expectedFile && expectedFile !== '-' ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : null;
let failures = 0;

// check(ok, what, detail): one result line.
function check(ok, what, detail) {
	if (!ok)
		failures++;
	process.stdout.write(`${ok ? 'ok' : 'not ok'} - ${what}${!ok && detail ? ` (${detail})` : ''}\n`);
}

// same(a, b): deep equality of JSON values (numbers compared as numbers).
function same(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}

// The printable width of A4 with the page's 12 mm side margins, in CSS px.
const PRINT_WIDTH_PX = (210 - 2 * 12) / 25.4 * 96;

(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		const errors = [];
		const foreign = [];
		page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith('file:'))
				return route.continue();
			foreign.push(url);
			return route.abort();
		});
		await page.goto('file://' + path.resolve(htmlFile), { waitUntil: 'load' });
		await page.waitForFunction(() => document.documentElement.hasAttribute('data-charts'), null, { timeout: 30000 });

		check(foreign.length === 0, 'the page needs no network (self-contained)', foreign.join(' '));
		check(errors.length === 0, 'no console errors', errors.join(' | '));

		const charts = await page.evaluate(() => Array.from(document.querySelectorAll('.chart')).map((el) => {
			const inst = window.echarts && echarts.getInstanceByDom(el);
			if (!inst)
				return { id: el.id, instance: false };
			const value = (d) => (d !== null && typeof d === 'object' && !Array.isArray(d) ? d.value : d);
			const option = inst.getOption();
			return {
				id: el.id,
				instance: true,
				series: option.series.map((s) => (s.data || []).map(value)),
				markLine: option.series.map((s) => ((s.markLine && s.markLine.data) || []).map((d) => d.yAxis)),
				shapes: el.querySelectorAll('svg path, svg rect').length,
				texts: el.querySelectorAll('svg text').length,
			};
		}));
		check(charts.length >= 5, `${charts.length} charts on the page`);
		for (const c of charts) {
			check(c.instance, `${c.id}: an ECharts instance`);
			if (!c.instance)
				continue;
			check(c.series.length > 0 && c.series.every((d) => d.length > 0 && d.some((v) => v !== null && v !== undefined)),
				`${c.id}: every series has data`, JSON.stringify(c.series));
			check(c.shapes > c.series.length && c.texts > 0, `${c.id}: drew ${c.shapes} shapes and ${c.texts} labels`);
			if (expected) {
				const e = expected[c.id];
				check(e !== undefined, `${c.id}: expected values given`);
				if (e === undefined)
					continue;
				check(same(c.series, e.series), `${c.id}: series data equal the report view`,
					`drawn ${JSON.stringify(c.series)} expected ${JSON.stringify(e.series)}`);
				if (e.markLine)
					check(same(c.markLine, e.markLine), `${c.id}: district lines equal the report view`,
						`drawn ${JSON.stringify(c.markLine)} expected ${JSON.stringify(e.markLine)}`);
			}
		}
		if (expected)
			for (const id of Object.keys(expected))
				check(charts.some((c) => c.id === id), `${id}: on the page`);

		// the fonts Chromium actually used for the title and for a chart's labels
		const cdp = await context.newCDPSession(page);
		await cdp.send('DOM.enable');
		await cdp.send('CSS.enable');
		const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
		for (const selector of ['h1', '#chart-tax svg text']) {
			const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
			if (!nodeId) {
				check(false, `${selector}: found`);
				continue;
			}
			const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
			const names = fonts.map((f) => `${f.familyName} (${f.glyphCount})`).join(', ');
			check(fonts.length > 0 && fonts.every((f) => /CJK|Han Sans|WenQuanYi|YaHei|PingFang|Hiragino|SimHei|Noto Sans SC/i.test(f.familyName)),
				`${selector}: Chinese rendered with a CJK font: ${names}`, names);
		}

		if (screenshot) {
			await page.screenshot({ path: screenshot, fullPage: true });
			check(fs.statSync(screenshot).size > 10000, `screenshot ${path.resolve(screenshot)}`);
		}

		// printed on A4: print media, the charts re-laid out to the page width
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		const widths = await page.evaluate(() => Array.from(document.querySelectorAll('.chart svg'))
			.map((s) => Math.round(s.getBoundingClientRect().width)));
		check(widths.length >= 5 && widths.every((w) => w > 300 && w <= Math.ceil(PRINT_WIDTH_PX)),
			`printed, every chart fits the A4 width of ${Math.floor(PRINT_WIDTH_PX)} px: ${widths.join(', ')}`);
		if (pdf) {
			await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
			const pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
			check(pages >= 2, `A4 print ${path.resolve(pdf)}: ${pages} pages`);
		}
	} finally {
		await browser.close();
	}
	process.exit(failures ? 1 : 0);
})().catch((e) => {
	process.stdout.write(`not ok - the browser check ran (${e && e.stack ? e.stack : e})\n`);
	process.exit(1);
});
