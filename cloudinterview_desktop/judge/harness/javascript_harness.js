// Runs a candidate's JavaScript against test inputs inside the sandbox: node javascript_harness.js PAYLOAD RESULT_FD
// PAYLOAD is the header (names and types from the signature). The tests come on stdin, one JSON array of arguments
// per line (for a design class: [operations, arguments]), the next only after this test's record went out.
// Expected outputs never come here; the parent compares and times each test itself.
// Each result is one JSON line on RESULT_FD, in the same shape as the Python harness's; {"event": "ready"} comes
// before the code is loaded.
'use strict';

const fs = require('fs');
const vm = require('vm');

const payloadPath = process.argv[2];
const resultFd = Number(process.argv[3]);
const header = JSON.parse(fs.readFileSync(payloadPath, 'utf8').split('\n')[0]);
fs.unlinkSync(payloadPath);
const OUTPUT_CAP = 8192;

function emit(record) {
  fs.writeSync(resultFd, JSON.stringify(record) + '\n');
}

// LeetCode's node classes, as globals the solution can use.
function ListNode(val, next) {
  this.val = val === undefined ? 0 : val;
  this.next = next === undefined ? null : next;
}
function TreeNode(val, left, right) {
  this.val = val === undefined ? 0 : val;
  this.left = left === undefined ? null : left;
  this.right = right === undefined ? null : right;
}
globalThis.ListNode = ListNode;
globalThis.TreeNode = TreeNode;
// LeetCode's @datastructures-js packages (PriorityQueue, MinPriorityQueue, MaxPriorityQueue, Queue, heaps), as
// globals; vendored from npm in datastructures.js, loaded before "ready" so that it is not the solution's time.
Object.assign(globalThis, require('./datastructures.js'));

class WrongType extends Error {}

// Per-test capture of console output; printing past the limit stops the run at once (it cannot be caught).
let currentIndex = -1;
const capture = { stdout: '', stderr: '', total: 0 };
function captureWrite(stream) {
  return function (chunk, encoding, callback) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    capture.total += text.length;
    if (capture[stream].length < OUTPUT_CAP) {
      capture[stream] += text.slice(0, OUTPUT_CAP - capture[stream].length);
    }
    if (capture.total > header.output_limit) {
      emit({ index: currentIndex, status: 'output_limit', value: null, time_ms: 0, stdout: '', stderr: '',
        error: `printed more than ${header.output_limit} characters` });
      process.exit(0);
    }
    if (typeof encoding === 'function') encoding();
    else if (typeof callback === 'function') callback();
    return true;
  };
}
process.stdout.write = captureWrite('stdout');
process.stderr.write = captureWrite('stderr');

function buildList(values) {
  let head = null;
  for (let i = (values || []).length - 1; i >= 0; i--) head = new ListNode(values[i], head);
  return head;
}

function buildTree(values) {
  if (!values || values.length === 0 || values[0] === null) return null;
  const root = new TreeNode(values[0]);
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < values.length) {
    const node = queue[head++];
    if (i < values.length && values[i] !== null) { node.left = new TreeNode(values[i]); queue.push(node.left); }
    i++;
    if (i < values.length && values[i] !== null) { node.right = new TreeNode(values[i]); queue.push(node.right); }
    i++;
  }
  return root;
}

function parseType(text) {
  text = text.replace(/ /g, '');
  if (text.startsWith('list[') && text.endsWith(']')) return { list: parseType(text.slice(5, -1)) };
  return text;
}

function toArg(value, spec) {
  if (spec === 'ListNode') return buildList(value);
  if (spec === 'TreeNode') return buildTree(value);
  if (typeof spec === 'object' && Array.isArray(value)) return value.map((v) => toArg(v, spec.list));
  return value;
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  if (typeof value === 'object' && value.constructor && value.constructor.name) return value.constructor.name;
  return typeof value;
}

function fromResult(value, spec) {
  if (spec === 'void') return null;
  if (value === null || value === undefined) return spec === 'ListNode' || spec === 'TreeNode' ? [] : null;
  if (spec === 'ListNode') {
    const out = [];
    for (let node = value; node !== null && node !== undefined; node = node.next) {
      if (typeof node !== 'object' || !('val' in node)) throw new WrongType(`expected ListNode, got ${typeName(node)}`);
      out.push(node.val);
      if (out.length > 10000000) throw new WrongType('the returned linked list has a cycle');
    }
    return out;
  }
  if (spec === 'TreeNode') {
    if (typeof value !== 'object' || !('val' in value)) throw new WrongType(`expected TreeNode, got ${typeName(value)}`);
    const out = [];
    const queue = [value];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === null || node === undefined) { out.push(null); continue; }
      out.push(node.val);
      queue.push(node.left === undefined ? null : node.left, node.right === undefined ? null : node.right);
      if (out.length > 10000000) throw new WrongType('the returned tree has a cycle');
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  }
  if (typeof spec === 'object') {
    if (!Array.isArray(value) && !ArrayBuffer.isView(value)) throw new WrongType(`expected an array, got ${typeName(value)}`);
    return Array.from(value, (v) => fromResult(v, spec.list));
  }
  if (spec === 'int') {
    if (typeof value === 'bigint') return Number(value);
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new WrongType(`expected an integer, got ${typeName(value)}`);
    return value;
  }
  if (spec === 'float') {
    if (typeof value !== 'number') throw new WrongType(`expected a number, got ${typeName(value)}`);
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return value;
  }
  if (spec === 'bool') {
    if (typeof value !== 'boolean') throw new WrongType(`expected a boolean, got ${typeName(value)}`);
    return value;
  }
  if (spec === 'str') {
    if (typeof value !== 'string') throw new WrongType(`expected a string, got ${typeName(value)}`);
    return value;
  }
  throw new WrongType(`unsupported type ${spec}`);
}

function camel(name) {
  return name.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
}

function lookup(name) {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  // `var`/`function` declarations become globals; `let`/`const`/`class` live in the global lexical scope.
  return vm.runInThisContext(`typeof ${name} === 'undefined' ? undefined : ${name}`);
}

function errorText(error) {
  if (!(error instanceof Error)) return `Uncaught ${String(error)}`;
  const stack = String(error.stack || `${error.name}: ${error.message}`).split('\n');
  const kept = [stack[0]].concat(stack.slice(1).filter((l) => l.includes('solution.js')).slice(0, 20));
  return kept.join('\n').slice(0, OUTPUT_CAP);
}

function runTest(index, prepare) {
  capture.stdout = '';
  capture.stderr = '';
  capture.total = 0;
  currentIndex = index;
  let status = 'ok';
  let value = null;
  let error = '';
  let elapsed = 0;
  try {
    const [call, convert] = prepare();
    const start = process.hrtime.bigint();
    let result;
    try {
      result = call();
    } finally {
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    value = convert(result);
  } catch (e) {
    if (e instanceof WrongType) { status = 'wrong_type'; error = e.message; }
    else { status = 'error'; error = errorText(e); }
  }
  emit({ index, status, value: status === 'ok' ? value : null, error, time_ms: Math.round(elapsed * 1000) / 1000,
    stdout: capture.stdout, stderr: capture.stderr });
}

// The next test's line from stdin (blocking), or null at the end of the input.
let pending = Buffer.alloc(0);
function nextTest() {
  for (;;) {
    const end = pending.indexOf(10);
    if (end >= 0) {
      const line = pending.subarray(0, end).toString('utf8');
      pending = pending.subarray(end + 1);
      if (line.length > 0) return JSON.parse(line);
      continue;
    }
    const chunk = Buffer.alloc(1 << 16);
    let read;
    try {
      read = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') return null;
      throw e;
    }
    if (read === 0) return null;
    pending = Buffer.concat([pending, chunk.subarray(0, read)]);
  }
}

function main() {
  emit({ event: 'ready' });
  const code = fs.readFileSync(header.source, 'utf8');
  let script;
  try {
    script = new vm.Script(code, { filename: 'solution.js' });
  } catch (e) {
    emit({ event: 'compile_error', error: String(e.stack || e).split('\n').slice(0, 6).join('\n') });
    return;
  }
  runTest(-1, () => [() => script.runInThisContext(), () => null]);
  const sig = header.signature;
  if (sig.class) {
    const cls = lookup(sig.class);
    if (typeof cls !== 'function') {
      emit({ event: 'signature_error', error: `define a class (or constructor function) \`${sig.class}\`` });
      return;
    }
    const ctor = (Array.isArray(sig.constructor) ? sig.constructor : []).map((p) => parseType(p.type));
    const methods = {};
    for (const m of sig.methods) methods[m.name] = { params: m.params.map((p) => parseType(p.type)), returns: parseType(m.returns) };
    for (let i = 0, test = nextTest(); test !== null; i++, test = nextTest()) {
      const [ops, args] = test;
      runTest(i, () => [() => {
        const obj = new cls(...args[0].map((a, k) => toArg(a, ctor[k])));
        const out = [null];
        for (let k = 1; k < ops.length; k++) {
          const m = methods[ops[k]];
          if (!m) throw new Error(`operation ${ops[k]} is not in the signature`);
          const fn = obj[camel(ops[k])] || obj[ops[k]];
          if (typeof fn !== 'function') throw new Error(`${sig.class} has no method ${camel(ops[k])}`);
          out.push(fromResult(fn.apply(obj, args[k].map((a, j) => toArg(a, m.params[j]))), m.returns));
        }
        return out;
      }, (r) => r]);
    }
  } else {
    const names = [camel(sig.function), sig.function];
    const fn = names.map(lookup).find((f) => typeof f === 'function');
    if (!fn) {
      emit({ event: 'signature_error', error: `define a function \`${names[0]}\`` });
      return;
    }
    const params = sig.params.map((p) => parseType(p.type));
    const returns = parseType(sig.returns);
    for (let i = 0, test = nextTest(); test !== null; i++, test = nextTest()) {
      const values = test;
      runTest(i, () => {
        const args = values.map((v, k) => toArg(v, params[k]));
        return [() => fn(...args), (r) => fromResult(r, returns)];
      });
    }
  }
  emit({ event: 'done', max_rss_kb: Math.round(process.resourceUsage().maxRSS) });
}

main();
