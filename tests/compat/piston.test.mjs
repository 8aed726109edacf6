// tests/compat/piston.test.mjs - the real `piston-client` npm package against
// judge serve's Piston v2 routes.  Usage: node piston.test.mjs URL
// (run by tests/integration/compat.sh with NODE_PATH at the installed package).
// Prints "ok ..." / "FAIL ..." lines and exits 1 if any check failed.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const base = process.argv[2];
const dir = process.env.PISTON_CLIENT_DIR;
const { piston } = await import(pathToFileURL(path.join(dir, 'node_modules/piston-client/index.js')).href);
let failed = 0;
const check = (name, cond, got) => {
  if (cond) console.log(`ok piston-client: ${name}`);
  else { failed++; console.log(`FAIL piston-client: ${name}: ${JSON.stringify(got)}`); }
};

const client = piston({ server: base });
const runtimes = await client.runtimes();
check('runtimes() lists python and c with a version', Array.isArray(runtimes) &&
  runtimes.some(r => r.language === 'python' && r.version) && runtimes.some(r => r.language === 'c'), runtimes);

let r = await client.execute('python', 'print(input()[::-1])', { stdin: 'abc' });
check('execute(python) with stdin: stdout, code 0', r.run && r.run.stdout === 'cba\n' && r.run.code === 0 &&
  r.language === 'python', r);

r = await client.execute('c', '#include <stdio.h>\nint main(void) { printf("%d\\n", 6 * 7); return 3; }');
check('execute(c): compile stage, stdout, exit code 3', r.compile && r.compile.code === 0 &&
  r.run.stdout === '42\n' && r.run.code === 3, r);

r = await client.execute('c', 'int main(void) { return x; }');
check('execute(c) with a compile error: compile.code != 0, the message in stderr',
  r.compile && r.compile.code !== 0 && /x/.test(r.compile.stderr), r);

r = await client.execute('python', 'import time\nwhile True: pass', { runTimeout: 1000 });
check('a run past run_timeout is killed (SIGKILL)', r.run && r.run.signal === 'SIGKILL', r);

r = await client.execute({ language: 'js', files: [{ name: 'x.js', content: 'console.log(process.version.length > 0)' }] });
check('execute({language: "js", files}): an alias, a named file', r.run && r.run.stdout === 'true\n', r);

r = await client.execute('cobol', 'x');
check('an unknown language: Piston\'s error message', r && typeof r.message === 'string' && /unknown/.test(r.message), r);

console.log(`piston-client: ${failed ? failed + ' failed' : 'all passed'}`);
process.exit(failed ? 1 : 0);
