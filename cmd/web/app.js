// cmd/web/app.js - the page of `judge serve` (docs/web.md): plain JavaScript,
// no framework, talks to the v1 API on the same origin.
'use strict';

(function () {
	const $ = (id) => document.getElementById(id);

	const TEMPLATES = {
		python: 'import sys\n\nname = sys.stdin.readline().strip() or "world"\nprint(f"Hello, {name}!")\n',
		c: '#include <stdio.h>\n#include <string.h>\n\nint main(void)\n{\n\tchar name[256] = "";\n\n' +
			'\tif (!fgets(name, sizeof name, stdin))\n\t\tname[0] = \'\\0\';\n' +
			'\tname[strcspn(name, "\\r\\n")] = \'\\0\';\n' +
			'\tprintf("Hello, %s!\\n", name[0] ? name : "world");\n\treturn 0;\n}\n',
		cpp: '#include <iostream>\n#include <string>\n\nint main()\n{\n\tstd::string name;\n\n' +
			'\tif (!std::getline(std::cin, name) || name.empty())\n\t\tname = "world";\n' +
			'\tstd::cout << "Hello, " << name << "!\\n";\n\treturn 0;\n}\n',
		java: 'import java.util.Scanner;\n\npublic class Main {\n\tpublic static void main(String[] args) {\n' +
			'\t\tScanner in = new Scanner(System.in);\n' +
			'\t\tString name = in.hasNextLine() ? in.nextLine().trim() : "";\n' +
			'\t\tSystem.out.println("Hello, " + (name.isEmpty() ? "world" : name) + "!");\n\t}\n}\n',
		javascript: "const input = require('fs').readFileSync(0, 'utf8');\n" +
			"const name = input.split('\\n')[0].trim() || 'world';\n" +
			'console.log(`Hello, ${name}!`);\n',
		go: 'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nfunc main() {\n' +
			'\tname, _ := bufio.NewReader(os.Stdin).ReadString(\'\\n\')\n' +
			'\tname = strings.TrimSpace(name)\n\tif name == "" {\n\t\tname = "world"\n\t}\n' +
			'\tfmt.Printf("Hello, %s!\\n", name)\n}\n',
	};

	const VERDICTS = {
		AC: 'accepted', WA: 'wrong answer', TLE: 'time limit exceeded', MLE: 'memory limit exceeded',
		RTE: 'run-time error', OLE: 'output limit exceeded', CE: 'compile error', JE: 'judge error',
		SKIPPED: 'not run',
	};

	const state = {
		langs: [],
		drafts: {},          // language -> code typed so far
		lang: '',
		problems: [],
		run: 0,              // id of the latest run; older polls stop
	};

	// ---- HTTP ----

	function token() { return $('token').value.trim(); }

	class ApiError extends Error {
		constructor(status, message) { super(message); this.status = status; }
	}

	// fetch + JSON; throws ApiError with the server's {"error"} or a network message.
	async function api(method, path, body, type) {
		const headers = {};
		if (token())
			headers.Authorization = 'Bearer ' + token();
		if (body !== undefined)
			headers['Content-Type'] = type || 'application/json';
		let res;
		try {
			res = await fetch(path, { method, headers, body, cache: 'no-store' });
		} catch (e) {
			throw new ApiError(0, 'cannot reach the server (' + e.message + ')');
		}
		const text = await res.text();
		let data = null;
		if (text) {
			try { data = JSON.parse(text); } catch (e) { data = null; }
		}
		if (!res.ok) {
			let msg = data && typeof data.error === 'string' ? data.error : text.slice(0, 300) || res.statusText;
			if (res.status === 401)
				msg += ' (set the token at the top of the page)';
			if (res.status === 503 && res.headers.get('Retry-After'))
				msg += ' (retry in ' + res.headers.get('Retry-After') + ' s)';
			throw new ApiError(res.status, 'HTTP ' + res.status + ': ' + msg);
		}
		return { status: res.status, data };
	}

	// ---- small DOM helpers ----

	function el(tag, attrs, ...children) {
		const e = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) {
			if (v === null || v === undefined || v === false)
				continue;
			if (k === 'class')
				e.className = v;
			else
				e.setAttribute(k, v === true ? '' : v);
		}
		for (const c of children)
			if (c !== null && c !== undefined && c !== false)
				e.append(c instanceof Node ? c : String(c));
		return e;
	}

	function setStatus(text, busy) {
		$('status').textContent = text;
		$('result').setAttribute('aria-busy', busy ? 'true' : 'false');
	}

	function showError(msg) {
		const box = $('error');
		box.textContent = msg || '';
		box.hidden = !msg;
	}

	function verdictBadge(v) {
		return el('span', { class: 'verdict v-' + String(v || 'none').toLowerCase(), title: VERDICTS[v] || '' }, v || '?');
	}

	const seconds = (t) => (typeof t === 'number' ? t.toFixed(3) : '');
	const mib = (b) => (typeof b === 'number' ? (b / 1048576).toFixed(1) : '');

	// ---- languages and the editor ----

	async function loadLanguages() {
		const sel = $('language');
		try {
			const { data } = await api('GET', '/v1/languages');
			state.langs = Array.isArray(data) ? data : [];
			sel.replaceChildren(...state.langs.map((l) => el('option', { value: l.name },
				l.name + (l.extensions && l.extensions.length ? ' (.' + l.extensions[0] + ')' : ''))));
			const saved = localStorage.getItem('judge.language');
			const pick = state.langs.find((l) => l.name === saved) || state.langs.find((l) => l.name === 'python') || state.langs[0];
			if (pick)
				sel.value = pick.name;
			switchLanguage(sel.value);
			if (/^Languages: /.test($('error').textContent))
				showError('');
		} catch (e) {
			sel.replaceChildren(el('option', { value: '' }, 'unavailable'));
			showError('Languages: ' + e.message);
		}
	}

	function switchLanguage(name) {
		const code = $('code');
		if (state.lang)
			state.drafts[state.lang] = code.value;
		state.lang = name;
		code.value = state.drafts[name] !== undefined ? state.drafts[name] : TEMPLATES[name] || '';
		localStorage.setItem('judge.language', name);
	}

	// Tab indents; Esc first lets the next Tab leave the field (keyboard users).
	function editorKeys(ev) {
		const t = ev.target;
		if (ev.key === 'Escape') {
			t.dataset.escaped = '1';
			return;
		}
		if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
			ev.preventDefault();
			$('form').requestSubmit();
			return;
		}
		if (ev.key === 'Tab' && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && !t.dataset.escaped) {
			ev.preventDefault();
			const s = t.selectionStart, e = t.selectionEnd;
			t.setRangeText('\t', s, e, 'end');
			return;
		}
		delete t.dataset.escaped;
	}

	// ---- problems ----

	function problemLabel(p) {
		const bits = [];
		if (typeof p.tests === 'number')
			bits.push(p.tests + (p.tests === 1 ? ' test' : ' tests'));
		if (typeof p.time_limit === 'number')
			bits.push(p.time_limit + ' s');
		if (typeof p.memory_limit === 'number')
			bits.push(p.memory_limit + ' MiB');
		return (p.name || p.id) + (bits.length ? ' — ' + bits.join(', ') : '');
	}

	async function loadProblems(select) {
		const sel = $('problem');
		try {
			const { data } = await api('GET', '/v1/problems');
			state.problems = Array.isArray(data) ? data : Array.isArray(data && data.problems) ? data.problems : [];
			if (!state.problems.length) {
				sel.replaceChildren(el('option', { value: '' }, 'none uploaded'));
			} else {
				const keep = select || sel.value;
				sel.replaceChildren(...state.problems.map((p) => el('option', { value: p.id }, problemLabel(p))));
				if (keep && state.problems.some((p) => p.id === keep))
					sel.value = keep;
			}
			showProblemInfo();
		} catch (e) {
			sel.replaceChildren(el('option', { value: '' }, 'unavailable'));
			$('problem-info').textContent = 'Problems: ' + e.message;
		}
	}

	function showProblemInfo() {
		const p = state.problems.find((x) => x.id === $('problem').value);
		const info = $('problem-info');
		if (!p) {
			info.textContent = state.problems.length ? '' : 'Upload a problem archive below.';
			return;
		}
		const bits = ['id ' + p.id];
		if (p.function)
			bits.push('function-call problem' + (typeof p.function === 'object' && p.function.name ? ': ' + p.function.name : ''));
		if (p.validation)
			bits.push('validation: ' + p.validation);
		info.textContent = bits.join(' · ');
	}

	async function upload() {
		const file = $('archive').files[0];
		const out = $('upload-status');
		if (!file) {
			out.textContent = 'Choose an archive first.';
			return;
		}
		$('upload').disabled = true;
		out.textContent = 'Uploading ' + file.name + '…';
		try {
			const body = await file.arrayBuffer();
			const { data } = await api('POST', '/v1/problems', body, 'application/octet-stream');
			out.textContent = 'Uploaded "' + (data.name || data.id) + '" (' + data.tests + ' tests).';
			await loadProblems(data.id);
		} catch (e) {
			out.textContent = 'Upload failed: ' + e.message;
		} finally {
			$('upload').disabled = false;
		}
	}

	// ---- running ----

	function mode() { return document.querySelector('input[name="mode"]:checked').value; }

	function showMode() {
		const m = mode();
		$('input-panel').hidden = m !== 'input';
		$('problem-panel').hidden = m !== 'problem';
		if (m === 'problem' && !state.problems.length)
			loadProblems();
	}

	function request() {
		const req = { language: $('language').value, code: $('code').value };
		if (!req.language)
			throw new Error('Choose a language.');
		if (!req.code.trim())
			throw new Error('Write some code first.');
		if (mode() === 'problem') {
			if (!$('problem').value)
				throw new Error('Choose a problem (or upload one).');
			req.problem = $('problem').value;
		} else {
			const test = { input: $('stdin').value };
			if ($('expected').value !== '')
				test.expected_output = $('expected').value;
			req.tests = [test];
		}
		const tl = $('time-limit').value, ml = $('memory-limit').value;
		if (tl !== '')
			req.time_limit = Number(tl);
		if (ml !== '')
			req.memory_limit = Number(ml);
		return req;
	}

	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

	async function run(ev) {
		ev.preventDefault();
		const me = ++state.run;
		let req;
		showError('');
		try {
			req = request();
		} catch (e) {
			showError(e.message);
			return;
		}
		$('report').replaceChildren();
		$('run').disabled = true;
		setStatus('Judging…', true);
		const t0 = performance.now();
		try {
			let { status, data } = await api('POST', '/v1/submissions?wait=true', JSON.stringify(req));
			let delay = 500;
			while (me === state.run && data && (data.status === 'queued' || data.status === 'running' || status === 202 && !data.status)) {
				setStatus('Submission ' + data.id + ' is ' + (data.status || 'queued') + '… (still waiting)', true);
				await sleep(delay);
				delay = Math.min(delay * 2, 3000);
				({ status, data } = await api('GET', '/v1/submissions/' + encodeURIComponent(data.id)));
			}
			if (me !== state.run)
				return;
			showJob(data, (performance.now() - t0) / 1000,
				{ problem: !!req.problem, execute: !!req.tests && !req.tests.some((t) => 'expected_output' in t) });
		} catch (e) {
			if (me === state.run) {
				setStatus('Failed.', false);
				showError(e.message);
			}
		} finally {
			if (me === state.run)
				$('run').disabled = false;
		}
	}

	// ctx: {problem, execute} of the request that was sent.
	function showJob(job, secs, ctx) {
		if (!job || typeof job !== 'object') {
			setStatus('Failed.', false);
			showError('The server answered with no submission.');
			return;
		}
		if (job.status === 'error') {
			setStatus('Submission ' + job.id + ' could not be judged.', false);
			showError('Judge error: ' + (job.error || 'unknown error'));
			return;
		}
		const sub = job.result && Array.isArray(job.result.submissions) ? job.result.submissions[0] : null;
		if (!sub) {
			setStatus('Submission ' + job.id + ': ' + job.status, false);
			showError('The result holds no submission.');
			return;
		}
		setStatus('Submission ' + job.id + ' judged in ' + secs.toFixed(1) + ' s: ' + sub.verdict +
			(VERDICTS[sub.verdict] ? ' (' + VERDICTS[sub.verdict] + ')' : '') + '.', false);
		$('report').replaceChildren(renderSubmission(sub, job.result, ctx));
	}

	function pre(text, label) {
		return el('pre', { class: 'output', tabindex: '0', 'aria-label': label }, text);
	}

	function renderSubmission(sub, report, ctx) {
		const frag = document.createDocumentFragment();
		const head = el('div', { class: 'summary' },
			verdictBadge(sub.verdict),
			el('span', { class: 'verdict-text', id: 'verdict' },
				ctx.execute && sub.verdict === 'AC' ? 'ran cleanly (exit code 0)' : VERDICTS[sub.verdict] || sub.verdict),
			el('span', { class: 'meta' },
				[sub.language, ctx.problem && report.problem && report.problem.name,
				 typeof sub.time_max === 'number' ? 'max ' + seconds(sub.time_max) + ' s' : '',
				 typeof sub.memory_max === 'number' ? mib(sub.memory_max) + ' MiB' : '']
					.filter(Boolean).join(' · ')));
		head.dataset.verdict = sub.verdict;
		frag.append(head);
		if (report.incomplete)
			frag.append(el('p', { class: 'warn' }, 'The run was interrupted: the report is incomplete.'));
		if (sub.message)
			frag.append(el('p', { class: 'message' }, sub.message));
		const comp = sub.compile || {};
		if (comp.output || comp.status === 'failed') {
			const d = el('details', { class: 'compile', open: sub.verdict === 'CE' },
				el('summary', null, 'Compiler output' + (comp.status ? ' (' + comp.status + ')' : '')),
				pre((comp.output || '(none)') + (comp.output_truncated ? '\n[' + comp.output_truncated + ' more bytes]' : ''),
					'compiler output'));
			frag.append(d);
		}
		const tests = Array.isArray(sub.tests) ? sub.tests : [];
		if (tests.length)
			frag.append(renderTests(tests));
		else if (sub.verdict !== 'CE')
			frag.append(el('p', { class: 'hint' }, 'No test was run.'));
		return frag;
	}

	function stream(t, key) {
		const s = t[key];
		if (s === null || s === undefined)
			return null;
		const cut = t[key + '_truncated'] ? '\n[' + t[key + '_truncated'] + ' more bytes]' : '';
		return s + cut;
	}

	// One <tbody> per test: its row, then (when it printed anything) a row
	// across the table with its stdout and stderr.
	function renderTests(tests) {
		const cols = ['Test', 'Verdict', 'Time (s)', 'Memory (MiB)', 'Exit', 'Message'];
		const table = el('table', { class: 'tests' },
			el('caption', null, tests.length + (tests.length === 1 ? ' test' : ' tests')),
			el('thead', null, el('tr', null, ...cols.map((h, i) => el('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : null }, h)))));
		for (const t of tests) {
			const ran = t.verdict !== 'SKIPPED';
			let exit = '';
			if (t.signal !== null && t.signal !== undefined)
				exit = 'signal ' + t.signal;
			else if (t.exit_code !== null && t.exit_code !== undefined)
				exit = String(t.exit_code);
			const group = el('tbody', { 'data-test': t.name, 'data-verdict': t.verdict },
				el('tr', null,
					el('th', { scope: 'row' }, t.name),
					el('td', null, verdictBadge(t.verdict)),
					el('td', { class: 'num', title: ran && typeof t.wall === 'number' ? 'wall ' + seconds(t.wall) + ' s' : null },
						ran ? seconds(t.time) : ''),
					el('td', { class: 'num' }, ran ? mib(t.memory) : ''),
					el('td', { class: 'num' }, exit + (t.limit ? ' (' + t.limit + ' limit)' : '')),
					el('td', { class: 'msg' }, t.message || '')));
			const out = stream(t, 'stdout'), err = stream(t, 'stderr');
			if (out || err) {
				const d = el('details', { open: tests.length <= 3 ? true : null },
					el('summary', null, 'Output of ' + t.name + ': ' +
						[out ? 'stdout' : null, err ? 'stderr' : null].filter(Boolean).join(' and ')));
				if (out)
					d.append(el('div', { class: 'io-label' }, 'stdout'), pre(out, 'stdout of ' + t.name));
				if (err)
					d.append(el('div', { class: 'io-label' }, 'stderr'), pre(err, 'stderr of ' + t.name));
				group.append(el('tr', { class: 'io' }, el('td', { colspan: cols.length }, d)));
			}
			table.append(group);
		}
		return el('div', { class: 'table-wrap' }, table);
	}

	// ---- start ----

	async function health() {
		try {
			const { data } = await api('GET', '/v1/health');
			$('server').textContent = 'judge ' + data.version + ' · ' + data.workers + ' worker' + (data.workers === 1 ? '' : 's') +
				' · ' + data.queued + ' queued, ' + data.running + ' running';
		} catch (e) {
			$('server').textContent = 'server: ' + e.message;
		}
	}

	function init() {
		const tok = $('token');
		tok.value = localStorage.getItem('judge.token') || '';
		tok.addEventListener('change', () => {
			if (token())
				localStorage.setItem('judge.token', token());
			else
				localStorage.removeItem('judge.token');
			loadLanguages();
			if (mode() === 'problem')
				loadProblems();
		});
		$('language').addEventListener('change', (e) => switchLanguage(e.target.value));
		$('reset').addEventListener('click', () => {
			$('code').value = TEMPLATES[state.lang] || '';
			$('code').focus();
		});
		$('code').addEventListener('keydown', editorKeys);
		$('code').addEventListener('blur', (e) => delete e.target.dataset.escaped);
		for (const r of document.querySelectorAll('input[name="mode"]'))
			r.addEventListener('change', showMode);
		$('problem').addEventListener('change', showProblemInfo);
		$('refresh').addEventListener('click', () => loadProblems());
		$('upload').addEventListener('click', upload);
		$('form').addEventListener('submit', run);
		showMode();
		health();
		loadLanguages();
	}

	init();
})();
