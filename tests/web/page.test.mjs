// tests/web/page.test.mjs - drives the web page of `judge serve` in headless
// Chromium (playwright-core) against real servers; run by
// tests/integration/web.sh, which starts the servers and installs what this
// needs.  Prints one "ok ..." / "FAIL ..." line per check; exits 1 when any
// failed.
//
//   node tests/web/page.test.mjs --playwright DIR --url URL --locked-url URL
//        --token T --archive PROBLEM.tar.gz --root REPO --screenshot FILE
//
// --url: a server without a token; --locked-url: one with --token T and
// --max-wait 1 (so that a slower run answers 202 and the page polls).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2)
	args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['playwright', 'url', 'locked-url', 'token', 'archive', 'root', 'screenshot'])
	if (!args[k]) {
		console.error(`page.test.mjs: --${k} is missing`);
		process.exit(2);
	}

const { chromium } = createRequire(import.meta.url)(args.playwright);
const JUDGE_TIMEOUT = 180000;    // one judged run, at most (a cold Java or Go compile is slow)

let failures = 0;
function check(name, cond, detail) {
	if (cond) {
		console.log(`ok ${name}`);
	} else {
		failures++;
		console.log(`FAIL ${name}${detail !== undefined ? ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail)) : ''}`);
	}
	return cond;
}

// Console errors and uncaught exceptions of a page, since `mark`.
function watch(page) {
	const log = [];
	page.on('console', (m) => { if (m.type() === 'error') log.push('console: ' + m.text()); });
	page.on('pageerror', (e) => log.push('exception: ' + e.message));
	page.on('requestfailed', (r) => log.push('request failed: ' + r.url() + ' ' + (r.failure() || {}).errorText));
	return log;
}

async function result(page) {
	await page.waitForFunction(() => !document.getElementById('run').disabled &&
		(document.querySelector('#report .summary') || !document.getElementById('error').hidden),
	null, { timeout: JUDGE_TIMEOUT });
	return page.evaluate(() => ({
		verdict: (document.querySelector('#report .summary') || { dataset: {} }).dataset.verdict || null,
		error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
		status: document.getElementById('status').textContent,
		compile: (document.querySelector('#report details.compile pre') || {}).textContent || null,
		compileOpen: !!(document.querySelector('#report details.compile') || {}).open,
		// one <tbody> per test: its row, then its output (stdout, stderr) if any
		rows: [...document.querySelectorAll('#report table.tests tbody')].map((tb) => ({
			name: tb.querySelector('th').textContent,
			verdict: tb.dataset.verdict,
			cells: [...tb.querySelector('tr').querySelectorAll('td')].map((td) => td.textContent),
			out: [...tb.querySelectorAll('pre')].map((p) => p.textContent),
		})),
	}));
}

// Chooses the language, types the code and the input, runs, waits.
async function runInput(page, { language, code, stdin = '', expected = '', time = '' }) {
	await page.check('input[name="mode"][value="input"]');
	await page.selectOption('#language', language);
	if (code !== undefined)
		await page.fill('#code', code);
	await page.fill('#stdin', stdin);
	await page.fill('#expected', expected);
	if (time !== null) {
		await page.evaluate(() => { document.querySelector('details.limits').open = true; });
		await page.fill('#time-limit', time);
	}
	await page.click('#run');
	return result(page);
}

const show = (r) => JSON.stringify({ verdict: r.verdict, error: r.error, status: r.status, rows: r.rows.length });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	// ---- the open server ----
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	const log = watch(page);
	const res = await page.goto(args.url + '/', { waitUntil: 'load' });
	check('GET / answers 200 with the page', res && res.status() === 200 && (await page.title()) === 'judge',
		res && res.status());
	const spec = await page.evaluate(async () => {
		const r = await fetch('/v1/openapi.json');
		const j = await r.json().catch(() => null);
		return { status: r.status, openapi: j && j.openapi, paths: j && j.paths ? Object.keys(j.paths).length : 0 };
	});
	check('GET /v1/openapi.json is the OpenAPI document', spec.status === 200 && /^3\./.test(spec.openapi) && spec.paths > 5, spec);

	const serverLangs = await page.evaluate(async () => {
		const j = await (await fetch('/v1/languages')).json().catch(() => null);
		return Array.isArray(j) ? j.map((l) => l.name) : [];
	});
	await page.waitForFunction(() => document.querySelectorAll('#language option[value]:not([value=""])').length > 0,
		null, { timeout: 10000 }).catch(() => {});
	const pageLangs = await page.$$eval('#language option', (o) => o.map((x) => x.value));
	check('the language list is filled from GET /v1/languages', serverLangs.length > 0 &&
		JSON.stringify(pageLangs) === JSON.stringify(serverLangs), { server: serverLangs, page: pageLangs });
	await page.waitForFunction(() => /judge \S+ · \d+ worker/.test(document.getElementById('server').textContent),
		null, { timeout: 5000 }).catch(() => {});
	check('the header shows the server (GET /v1/health)',
		/judge \S+ · 2 workers/.test(await page.textContent('#server')), await page.textContent('#server'));
	check('the page loads with no console error', log.length === 0, log);

	// every language's template runs clean and greets
	for (const lang of ['python', 'c', 'cpp', 'java', 'javascript', 'go'].filter((l) => serverLangs.includes(l))) {
		await page.selectOption('#language', lang);
		const code = await page.inputValue('#code');
		const r = await runInput(page, { language: lang, stdin: 'Ada\n' });
		const out = r.rows[0] && r.rows[0].out[0];
		check(`${lang}: the template runs on stdin "Ada": AC, stdout "Hello, Ada!"`,
			code.length > 0 && r.verdict === 'AC' && r.rows.length === 1 && out === 'Hello, Ada!\n', { ...JSON.parse(show(r)), out });
	}

	let r = await runInput(page, { language: 'python', code: 'import sys\nnums = list(map(int, sys.stdin.read().split()))\nprint(sum(nums))\nprint("note", file=sys.stderr)\n', stdin: '1 2 3 4\n' });
	check('python with stdin: AC, its stdout and stderr shown',
		r.verdict === 'AC' && r.rows.length === 1 && r.rows[0].out[0] === '10\n' && r.rows[0].out[1] === 'note\n',
		{ ...JSON.parse(show(r)), out: r.rows[0] && r.rows[0].out });
	check('execute mode (no expected output) says the program ran cleanly',
		/ran cleanly/.test(await page.textContent('#report .summary')), await page.textContent('#report .summary'));
	check('the test row has time, memory and exit code',
		r.rows[0] && /^\d+\.\d{3}$/.test(r.rows[0].cells[1]) && /^\d+\.\d$/.test(r.rows[0].cells[2]) && r.rows[0].cells[3] === '0',
		r.rows[0] && r.rows[0].cells);

	r = await runInput(page, { language: 'c', code: '#include <stdio.h>\nint main(void)\n{\n\tprintf("%d\\n", undeclared_thing);\n\treturn 0;\n}\n' });
	check('C with a compile error: CE and the compiler message',
		r.verdict === 'CE' && r.compileOpen && /undeclared_thing/.test(r.compile || '') && /error/.test(r.compile || ''),
		{ ...JSON.parse(show(r)), compile: r.compile });

	r = await runInput(page, { language: 'python', code: 'print(int(input()) * 2)\n', stdin: '2\n', expected: '5\n' });
	check('an expected output that differs: WA', r.verdict === 'WA' && r.rows.length === 1 && r.rows[0].verdict === 'WA',
		{ ...JSON.parse(show(r)), row: r.rows[0] });
	r = await runInput(page, { language: 'python', code: 'print(int(input()) * 2)\n', stdin: '2\n', expected: '4\n' });
	check('an expected output that matches: AC', r.verdict === 'AC', show(r));

	r = await runInput(page, { language: 'python', code: 'raise SystemExit(3)\n' });
	check('a program that exits 3: RTE with exit code 3', r.verdict === 'RTE' && r.rows[0] && r.rows[0].cells[3] === '3', r.rows[0]);
	check('no console error while judging', log.length === 0, log);

	// ---- problems ----
	await page.check('input[name="mode"][value="problem"]');
	await page.setInputFiles('#archive', args.archive);
	await page.click('#upload');
	await page.waitForFunction(() => /^(Uploaded|Upload failed)/.test(document.getElementById('upload-status').textContent),
		null, { timeout: 30000 }).catch(() => {});
	const up = await page.textContent('#upload-status');
	const problems = await page.evaluate(async () => { const r = await fetch('/v1/problems'); return r.ok ? r.json() : []; });
	const hello = problems.find((p) => p.name === 'A plus B');
	check('uploading a problem archive (problems/hello as .tar.gz) shows it', /^Uploaded "A plus B"/.test(up) && !!hello, up);
	if (hello) {
		check('the uploaded problem is chosen in the list', (await page.inputValue('#problem')) === hello.id,
			await page.inputValue('#problem'));
		await page.selectOption('#problem', hello.id);
		await page.selectOption('#language', 'c');
		await page.fill('#code', readFileSync(join(args.root, 'problems/hello/submissions/accepted/sum.c'), 'utf8'));
		await page.fill('#time-limit', '');
		await page.click('#run');
		r = await result(page);
		check(`a problem's accepted solution: AC with one row per test (${hello.tests})`,
			r.verdict === 'AC' && r.rows.length === hello.tests && r.rows.every((x) => x.verdict === 'AC') &&
			r.rows.some((x) => x.name.startsWith('sample/')) && r.rows.some((x) => x.name.startsWith('secret/')),
			{ ...JSON.parse(show(r)), names: r.rows.map((x) => x.name + ' ' + x.verdict) });
		await page.selectOption('#language', 'python');
		await page.fill('#code', readFileSync(join(args.root, 'problems/hello/submissions/wrong_answer/plus_one_when_negative.py'), 'utf8'));
		await page.click('#run');
		r = await result(page);
		check('a wrong solution: WA, with the failing rows WA and a message',
			r.verdict === 'WA' && r.rows.length === hello.tests && r.rows.some((x) => x.verdict === 'WA' && x.cells[4]) &&
			r.rows.some((x) => x.verdict === 'AC'), { ...JSON.parse(show(r)), rows: r.rows.map((x) => x.name + ' ' + x.verdict + ' ' + x.cells[4]) });
	}

	await page.setInputFiles('#archive', { name: 'junk.zip', mimeType: 'application/zip', buffer: Buffer.from('not an archive') });
	await page.click('#upload');
	await page.waitForFunction(() => /^(Uploaded|Upload failed)/.test(document.getElementById('upload-status').textContent),
		null, { timeout: 30000 }).catch(() => {});
	const bad = await page.textContent('#upload-status');
	check('a bad archive: the upload fails with the server\'s message', /^Upload failed: HTTP 400: \S/.test(bad), bad);

	// ---- errors ----
	await page.check('input[name="mode"][value="input"]');
	r = await runInput(page, { language: 'python', code: 'print(1)\n', time: '100' });
	check('a bad request (time limit 100 s) shows the 400 and the server\'s message',
		r.verdict === null && /HTTP 400: .*time_limit/.test(r.error || ''), r.error);
	await page.fill('#time-limit', '');
	r = await runInput(page, { language: 'python', code: 'print(1)\n' });
	check('the error goes away on the next run', r.verdict === 'AC' && r.error === null, show(r));

	// a screenshot of a result with a table (the accepted C solution of the problem, if any, else the last run)
	if (hello) {
		await page.check('input[name="mode"][value="problem"]');
		await page.selectOption('#problem', hello.id);
		await page.selectOption('#language', 'python');
		await page.fill('#code', readFileSync(join(args.root, 'problems/hello/submissions/wrong_answer/plus_one_when_negative.py'), 'utf8'));
		await page.click('#run');
		await result(page);
	}
	await page.screenshot({ path: args.screenshot, fullPage: true });
	const unexpected = log.filter((l) => !/Failed to load resource: the server responded with a status of 400/.test(l));
	check('no console error but the 400s asked for', unexpected.length === 0, unexpected);
	await ctx.close();

	// ---- a server with a token; --max-wait 1 ----
	const ctx2 = await browser.newContext();
	const p2 = await ctx2.newPage();
	const log2 = watch(p2);
	const res2 = await p2.goto(args['locked-url'] + '/', { waitUntil: 'load' });
	check('with --token, the page itself needs no token', res2 && res2.status() === 200 && (await p2.title()) === 'judge',
		res2 && res2.status());
	await p2.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: 10000 }).catch(() => {});
	const err401 = await p2.evaluate(() => document.getElementById('error').hidden ? '' : document.getElementById('error').textContent);
	check('without the token: the 401 is shown, with a hint', /401/.test(err401) && /token/i.test(err401), err401);
	await p2.fill('#token', args.token);
	await p2.press('#token', 'Tab');   // change event
	await p2.waitForFunction(() => document.querySelectorAll('#language option[value]:not([value=""])').length > 0,
		null, { timeout: 10000 }).catch(() => {});
	check('with the token typed, the languages load', (await p2.$$eval('#language option', (o) => o.length)) > 1);
	await p2.reload({ waitUntil: 'load' });
	await p2.waitForFunction(() => document.querySelectorAll('#language option[value]:not([value=""])').length > 0,
		null, { timeout: 10000 }).catch(() => {});
	check('the token is remembered (localStorage) across a reload',
		(await p2.inputValue('#token')) === args.token && (await p2.$$eval('#language option', (o) => o.length)) > 1);
	const seen = [];
	const watcher = setInterval(() => p2.textContent('#status').then((t) => seen.push(t)).catch(() => {}), 200);
	r = await runInput(p2, { language: 'python', code: 'import time\ntime.sleep(2.5)\nprint("late")\n', time: '5' });
	clearInterval(watcher);
	check('a run longer than --max-wait: the page polls until done (202, then GET)',
		r.verdict === 'AC' && r.rows[0] && r.rows[0].out[0] === 'late\n' && seen.some((t) => /still waiting/.test(t)),
		{ ...JSON.parse(show(r)), seen: [...new Set(seen)] });
	const unexpected2 = log2.filter((l) => !/Failed to load resource: the server responded with a status of 401/.test(l));
	check('no console error on the token server but the 401s', unexpected2.length === 0, unexpected2);
	await ctx2.close();

	// ---- a server that is gone ----
	const ctx3 = await browser.newContext();
	const p3 = await ctx3.newPage();
	await p3.goto(args.url + '/', { waitUntil: 'load' });
	await p3.waitForFunction(() => document.querySelectorAll('#language option[value]:not([value=""])').length > 0,
		null, { timeout: 10000 }).catch(() => {});
	await p3.route('**/v1/submissions**', (route) => route.abort('connectionrefused'));
	r = await runInput(p3, { language: 'python', code: 'print(1)\n' });
	check('a network error is shown', r.verdict === null && /cannot reach the server/.test(r.error || ''), r.error);
	await ctx3.close();
} catch (e) {
	check('the browser session', false, e.stack || String(e));
} finally {
	await browser.close();
}
process.exit(failures ? 1 : 0);
