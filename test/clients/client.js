// node-postgres client test of the report views and the types (run by
// test/t/district_clients.pl after `npm ci` of package-lock.json).
//
// Connects with the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER) and prints
// one TAP-style line per check ('ok - ...' or 'not ok - ...: detail'); exits 1 if any
// check failed.
'use strict';

const pg = require('pg');

let failures = 0;

// Print one result line.
function check(cond, name, detail) {
	if (cond) {
		console.log('ok - ' + name);
	} else {
		failures++;
		console.log('not ok - ' + name + ': ' + JSON.stringify(detail));
	}
}

async function main() {
	// PGHOST is a socket directory; node-postgres reads it like libpq
	const client = new pg.Client();
	await client.connect();

	// 1. report views, default parsers: int4 → number, numeric → string with every
	// digit (node-postgres never rounds numeric through a double), text → string
	let r = await client.query(
		`SELECT credit_code, year, employees, tax_per_mu, tax_wan, tax_per_mu::text AS tpm_text
		   FROM report.firm_year
		  WHERE tax_per_mu IS NOT NULL AND employees IS NOT NULL
		  ORDER BY credit_code, year LIMIT 50`);
	check(r.rows.length === 50, 'report.firm_year returns rows', r.rows.length);
	const kinds = new Set(r.rows.map((x) => [typeof x.credit_code, typeof x.year, typeof x.employees,
		typeof x.tax_per_mu, typeof x.tax_wan].join(',')));
	check(kinds.size === 1 && kinds.has('string,number,number,string,string'),
		'int columns arrive as numbers, numeric as exact decimal strings', [...kinds]);
	check(r.rows.every((x) => x.tax_per_mu === x.tpm_text && /^-?\d+\.\d\d$/.test(x.tax_per_mu)),
		'numeric strings are the server\'s exact text (2 decimals for 万元/亩)', r.rows[0]);

	// a numeric parser makes them numbers, as BI code usually wants (per query here)
	const asNumber = {
		getTypeParser: (oid, format) => (oid === pg.types.builtins.NUMERIC ? Number : pg.types.getTypeParser(oid, format)),
	};
	r = await client.query({
		text: `SELECT tax_per_mu, va_per_mu, tax_per_mu::text AS tpm_text FROM report.firm_year
				WHERE va_per_mu IS NOT NULL ORDER BY credit_code, year LIMIT 50`,
		types: asNumber,
	});
	check(r.rows.every((x) => typeof x.tax_per_mu === 'number' && x.tax_per_mu === Number(x.tpm_text)),
		'with a NUMERIC type parser numeric columns arrive as numbers', r.rows[0]);

	r = await client.query(
		`SELECT cohort, firms FROM report.group_year
		  WHERE year = 2024 AND industry_group = '全部' ORDER BY cohort`);
	const total = r.rows.find((x) => x.cohort === '全部').firms;
	const parts = r.rows.filter((x) => x.cohort !== '全部').reduce((s, x) => s + x.firms, 0);
	check(typeof total === 'number' && parts === total, 'cohort counts are numbers that add up', r.rows);

	// 2. the types: unknown OIDs arrive as their canonical text
	r = await client.query(
		`SELECT '1069亩'::mu_area AS a, '215.39万平方米'::mu_area AS b, '75.02亿元'::yuan AS c,
				'375.29万元'::yuan AS d, '7199元'::yuan AS e, '32.5万元/亩'::yuan_per_mu AS f,
				'573564万元'::yuan / '30341亩'::mu_area AS g`);
	const want = { a: '1069', b: '3230.85', c: '7502000000', d: '3752900', e: '7199',
		f: '325000', g: '189039.2538' };
	check(JSON.stringify(r.rows[0]) === JSON.stringify(want),
		'types arrive as canonical text: plain numbers in 亩, 元, 元/亩', r.rows[0]);
	check(Number(r.rows[0].c) === 7502000000, 'the canonical text parses as a number', r.rows[0].c);

	// parameters go through the types' input functions
	r = await client.query('SELECT $1::yuan = \'2298亿元\'::yuan AS eq, $2::mu_area::numeric AS mu',
		['2298亿元', '12公顷']);
	check(r.rows[0].eq === true && r.rows[0].mu === '180', 'parameters are parsed by the types', r.rows[0]);

	// bad input comes back as the standard SQLSTATE with the position in the detail
	try {
		await client.query('SELECT $1::yuan', ['12x万元']);
		check(false, 'bad input is rejected with 22P02', 'accepted');
	} catch (e) {
		check(e.code === '22P02' && /12x万元/.test(e.message), 'bad input is rejected with 22P02',
			[e.code, e.message, e.detail]);
	}

	// 3. a month of the bulletin through the same client, text end to end
	r = await client.query('SELECT count(*)::int AS n FROM report.firm_month');
	check(typeof r.rows[0].n === 'number' && r.rows[0].n > 0, 'report.firm_month is readable', r.rows[0]);

	await client.end();
	console.log(failures + ' failed');
	process.exitCode = failures ? 1 : 0;
}

main().catch((e) => {
	console.log('not ok - client crashed: ' + e.stack);
	process.exitCode = 1;
});
