// judge_harness.js - the function-call harness for JavaScript submissions.
//
//   node judge_harness.js [--check] SOLUTION.js
//
// The submission defines a function: a method NAME of a class Solution
// (instance or static), else a global function/var/let/const NAME, else
// module.exports.NAME, else module.exports itself when it is a function.
// judge_function.json in the current directory names it and, when known,
// its parameter and return types:
//   {"name": "f", "params": [{"name": "a", "type": "int[]"}] | null,
//    "returns": "double" | null}
// Run mode: stdin holds a JSON array of the arguments; the harness calls the
// function (awaiting a returned Promise) and writes the return value as one
// line of JSON to file descriptor 3 (undefined is written as null).  stdout
// belongs to the student's own prints.  The student's exceptions: their
// stack on stderr, exit 1.  Conversion failures and results that are not
// JSON: one "judge: ..." line on stderr, exit 1.
// --check: runs SOLUTION.js and checks that the function exists and does not
// need more parameters than the problem passes; a problem is printed on
// stdout, exit 1.
//
// The student's file runs as a classic script in this context
// (vm.Script.runInThisContext), with module, exports, require, __filename
// and __dirname provided as globals, so its top-level declarations are
// visible and its syntax errors and stack traces name its file and lines.
// Speed: only fs and vm are loaded (path and module are loaded by node
// itself before any user code).
'use strict';

const fs = require('fs');
const vm = require('vm');

const CONFIG = 'judge_function.json';
const HARNESS = __filename;
const harnessRequire = require;

class JudgeError extends Error {}

// ------------------------------------------------------------------ types
//
// A type is {kind, elem}: {kind: 'int'}, {kind: 'array', elem: {kind:
// 'int'}}.  New kinds (linked lists, binary trees) get an entry in
// TYPE_NAMES (or a parse rule) and a converter in CONVERTERS.

const TYPE_NAMES = {
  int: 'int', long: 'int', double: 'double', float: 'double',
  bool: 'bool', boolean: 'bool', string: 'string', str: 'string',
};

function parseType(text) {
  if (typeof text !== 'string') throw new JudgeError(`${CONFIG}: a type must be a string`);
  let s = text.replace(/ /g, '');
  let depth = 0;
  while (s.endsWith('[]')) {
    s = s.slice(0, -2);
    depth++;
  }
  if (!Object.prototype.hasOwnProperty.call(TYPE_NAMES, s)) {
    throw new JudgeError(`${CONFIG}: unknown type ${JSON.stringify(text)}`);
  }
  let t = { kind: TYPE_NAMES[s] };
  for (let i = 0; i < depth; i++) t = { kind: 'array', elem: t };
  return t;
}

function typeName(t) {
  return t.kind === 'array' ? typeName(t.elem) + '[]' : t.kind;
}

// False when the JSON value is already the JavaScript value of type t.
function needsConversion(t) {
  return t.kind === 'array' ? needsConversion(t.elem) : false;
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'number': return Number.isInteger(v) ? `the integer ${v}` : `the number ${v}`;
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    default: return 'an object';
  }
}

const CONVERTERS = {
  int(v) {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new JudgeError(`expected int, got ${describe(v)}`);
    return v;
  },
  double(v) {
    if (typeof v !== 'number') throw new JudgeError(`expected double, got ${describe(v)}`);
    return v;
  },
  bool(v) {
    if (typeof v !== 'boolean') throw new JudgeError(`expected bool, got ${describe(v)}`);
    return v;
  },
  string(v) {
    if (typeof v !== 'string') throw new JudgeError(`expected string, got ${describe(v)}`);
    return v;
  },
  array(v, t) {
    if (!Array.isArray(v)) throw new JudgeError(`expected ${typeName(t)}, got ${describe(v)}`);
    // The judge has checked the elements against the type; only kinds that
    // need a conversion are walked.
    if (!needsConversion(t.elem)) return v;
    const f = CONVERTERS[t.elem.kind];
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      try {
        out[i] = f(v[i], t.elem);
      } catch (e) {
        if (e instanceof JudgeError) throw new JudgeError(`element ${i + 1}: ${e.message}`);
        throw e;
      }
    }
    return out;
  },
};

// ------------------------------------------------------------------ JSON out

const TYPED_ARRAY = Object.getPrototypeOf(Int8Array);

function kindOf(v) {
  if (v instanceof Map) return 'a Map';
  if (v instanceof Set) return 'a Set';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  const ctor = v && v.constructor;
  return ctor && typeof ctor.name === 'string' && ctor.name ? `a ${ctor.name} object` : 'an object';
}

function notJSON(why) {
  return new JudgeError(`the return value cannot be written as JSON: ${why}`);
}

// The JSON text of v; inArray: undefined/functions become null (as in
// JSON.stringify); open: the arrays and objects being written (cycles).
function toJSON(v, open) {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw notJSON(`it contains ${v}`);
      return String(v);                 // -0 is "0"
    case 'string':
      return JSON.stringify(v);         // lone surrogates come out as \udxxx
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'undefined':
      return 'null';
    case 'object':
      break;
    default:
      throw notJSON(`it contains ${kindOf(v)}`);
  }
  if (v === null) return 'null';
  if (open.indexOf(v) >= 0) throw notJSON('it contains itself (a circular reference)');
  if (open.length > 10000) throw notJSON('it is nested too deeply');
  open.push(v);
  let s;
  if (Array.isArray(v)) {
    const n = v.length;
    s = '[';
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (i) s += ',';
      s += typeof x === 'function' || typeof x === 'symbol' ? 'null' : toJSON(x, open);
    }
    s += ']';
  } else if (v instanceof TYPED_ARRAY) {
    s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + toJSON(v[i], open);
    s += ']';
  } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
    s = toJSON(v.valueOf(), open);
  } else if (typeof v.toJSON === 'function') {
    s = toJSON(v.toJSON(), open);
  } else {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw notJSON(`it contains ${kindOf(v)}`);
    s = '{';
    let first = true;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (!first) s += ',';
      first = false;
      s += JSON.stringify(k) + ':' + toJSON(x, open);
    }
    s += '}';
  }
  open.pop();
  return s;
}

// ------------------------------------------------------------------ loading

function readConfig() {
  let cfg;
  try {
    cfg = JSON.parse(fs.readFileSync(CONFIG, 'utf8'));
  } catch (e) {
    throw new JudgeError(`cannot read ${CONFIG}: ${e.message.replace(/\s+/g, ' ')}`);
  }
  if (cfg === null || typeof cfg !== 'object' || typeof cfg.name !== 'string') {
    throw new JudgeError(`${CONFIG}: expected an object with a "name"`);
  }
  let types = null;
  let names = null;
  if (cfg.params !== null && cfg.params !== undefined) {
    if (!Array.isArray(cfg.params)) throw new JudgeError(`${CONFIG}: "params" must be an array or null`);
    types = cfg.params.map((p) => parseType(p && p.type));
    names = cfg.params.map((p) => (p && typeof p.name === 'string' ? p.name : ''));
  }
  return { name: cfg.name, names, types };
}

function readStdin() {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch (e) {
    if (e.code !== 'EAGAIN') throw new JudgeError(`cannot read the input: ${e.message}`);
  }
  // A non-blocking pipe: read until end of file.
  const chunks = [];
  const buf = Buffer.alloc(65536);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      throw new JudgeError(`cannot read the input: ${e.message}`);
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Runs the student's file in this context; their exceptions propagate.
function loadStudent(file) {
  const path = harnessRequire('path');
  const abs = path.resolve(file);
  let source;
  try {
    source = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new JudgeError(`cannot read ${file}: ${e.message}`);
  }
  let realRequire = null;
  const studentRequire = function require(id) {
    if (!realRequire) realRequire = harnessRequire('module').createRequire(abs);
    return realRequire(id);
  };
  studentRequire.resolve = function resolve(id, options) {
    if (!realRequire) realRequire = harnessRequire('module').createRequire(abs);
    return realRequire.resolve(id, options);
  };
  const mod = { exports: {}, id: '.', filename: abs, loaded: false, children: [], paths: [] };
  globalThis.module = mod;
  globalThis.exports = mod.exports;
  globalThis.require = studentRequire;
  globalThis.__filename = abs;
  globalThis.__dirname = path.dirname(abs);
  new vm.Script(source, { filename: file }).runInThisContext();
  mod.loaded = true;
  return mod;
}

function lookupGlobal(name) {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  try {
    return new vm.Script(`typeof ${name} === 'undefined' ? undefined : ${name}`).runInThisContext();
  } catch (e) {
    return undefined;       // a reserved word, or a binding in its TDZ
  }
}

// {fn, self} or throws JudgeError; may construct the student's Solution.
function findFunction(mod, name) {
  let Sol = lookupGlobal('Solution');
  const exp = mod.exports;
  if (typeof Sol !== 'function' && exp && typeof exp.Solution === 'function') Sol = exp.Solution;
  if (typeof Sol === 'function') {
    const proto = Sol.prototype;
    if (proto && typeof proto[name] === 'function' && proto[name] !== Object.prototype[name]) {
      const self = new Sol();
      return { fn: self[name], self };
    }
    if (typeof Sol[name] === 'function' && Sol[name] !== Function.prototype[name]) {
      return { fn: Sol[name], self: Sol };
    }
    if (proto && !(name in proto) && !(name in Sol)) {
      // maybe a class field: construct to see
      const self = new Sol();
      if (self && typeof self[name] === 'function') return { fn: self[name], self };
    }
  }
  let fn = lookupGlobal(name);
  if (fn === undefined && exp !== undefined && exp !== null) {
    if ((typeof exp === 'object' || typeof exp === 'function') && Object.prototype.hasOwnProperty.call(exp, name)) {
      fn = exp[name];
    } else if (typeof exp === 'function') {
      fn = exp;
    }
  }
  if (fn === undefined) {
    throw new JudgeError(`the submission defines no function '${name}' (neither a method of class Solution nor a top-level function)`);
  }
  if (typeof fn !== 'function') {
    throw new JudgeError(`'${name}' is not a function (it is ${fn === null ? 'null' : typeof fn})`);
  }
  return { fn, self: undefined };
}

// ------------------------------------------------------------------ output

// The student's exception as node would print it, without the frames of
// the harness and of vm (everything from the first such frame on).
function traceOf(err) {
  let text;
  if (err instanceof Error || (err && typeof err.stack === 'string')) {
    text = typeof err.stack === 'string' ? err.stack : String(err);
    const lines = text.split('\n');
    const cut = lines.findIndex((l) => /^\s+at /.test(l) && (l.includes(HARNESS) || l.includes('(node:vm:')));
    if (cut >= 0) text = lines.slice(0, cut).join('\n');
  } else {
    text = `Uncaught ${harnessRequire('util').inspect(err)}`;
  }
  return text.replace(/\s+$/, '') + '\n';
}

function writeAll(fd, text) {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

function fail(message, toStdout) {
  writeAll(toStdout ? 1 : 2, message.endsWith('\n') ? message : message + '\n');
  process.exit(1);
}

// ------------------------------------------------------------------ modes

async function run(file) {
  let name;
  let args;
  try {
    const input = readStdin();
    const cfg = readConfig();
    name = cfg.name;
    try {
      args = JSON.parse(input);
    } catch (e) {
      throw new JudgeError(`the input is not valid JSON: ${e.message.replace(/\s+/g, ' ')}`);
    }
    if (!Array.isArray(args)) throw new JudgeError('the input must be a JSON array of the arguments');
    if (cfg.types) {
      if (args.length !== cfg.types.length) {
        throw new JudgeError(`the input has ${args.length} arguments, the function takes ${cfg.types.length}`);
      }
      for (let i = 0; i < args.length; i++) {
        const t = cfg.types[i];
        try {
          args[i] = CONVERTERS[t.kind](args[i], t);
        } catch (e) {
          if (!(e instanceof JudgeError)) throw e;
          const label = cfg.names[i] ? `argument ${i + 1} (${cfg.names[i]})` : `argument ${i + 1}`;
          throw new JudgeError(`${label}: ${e.message}`);
        }
      }
    }
  } catch (e) {
    if (e instanceof JudgeError) fail(`judge: ${e.message}`);
    throw e;
  }

  let result;
  try {
    const mod = loadStudent(file);
    const { fn, self } = findFunction(mod, name);
    result = fn.apply(self, args);
    if (result !== null && (typeof result === 'object' || typeof result === 'function') &&
        typeof result.then === 'function') {
      result = await result;
    }
  } catch (e) {
    if (e instanceof JudgeError) fail(`judge: ${e.message}`);
    fail(traceOf(e));
  }

  let text;
  try {
    text = toJSON(result, []);
  } catch (e) {
    if (e instanceof JudgeError) fail(`judge: ${e.message}`);
    if (e instanceof RangeError) fail('judge: the return value cannot be written as JSON: it is nested too deeply');
    throw e;
  }
  try {
    writeAll(3, text + '\n');
  } catch (e) {
    fail(`judge: cannot write the result to file descriptor 3: ${e.message}`);
  }
  // stdout is a file or a pipe: process.stdout writes were synchronous.
  process.exit(0);
}

function check(file) {
  let cfg;
  let found;
  try {
    cfg = readConfig();
    found = findFunction(loadStudent(file), cfg.name);
  } catch (e) {
    if (e instanceof JudgeError) fail(`judge: ${e.message}`, true);
    fail(traceOf(e), true);
  }
  if (cfg.types) {
    const n = cfg.types.length;
    const k = found.fn.length;       // parameters before the first default or rest
    if (k > n) {
      fail(`judge: ${cfg.name} takes ${k} parameter${k === 1 ? '' : 's'}, the problem passes ${n}`, true);
    }
  }
  process.exit(0);
}

function main() {
  const argv = process.argv.slice(2);
  const checking = argv[0] === '--check';
  if (checking) argv.shift();
  if (argv.length < 1) {
    writeAll(2, 'usage: node judge_harness.js [--check] SOLUTION.js\n');
    process.exit(2);
  }
  if (checking) {
    check(argv[0]);
  } else {
    run(argv[0]).catch((e) => fail(`judge: internal error: ${e && e.stack ? e.stack : e}`));
  }
}

main();
