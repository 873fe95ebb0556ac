'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { compress, decompress } = require('../lib/compression');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoint-server-test-'));
const readyFile = path.join(dir, 'port');
let server;
let base;

test.before(async () => {
  server = spawn(process.execPath, [path.join(__dirname, '..', 'server.js'),
    '--port', '0', '--data', path.join(dir, 'data'), '--ready-file', readyFile], { stdio: 'inherit' });
  for (let i = 0; !fs.existsSync(readyFile); i++) {
    if (i > 300) throw new Error('endpoint did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  base = `http://127.0.0.1:${fs.readFileSync(readyFile, 'utf8').trim()}`;
});

test.after(async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query(sql, { params = '', headers = {}, body } = {}) {
  const res = await fetch(`${base}/?${params}`, { method: 'POST', headers, body: body ?? sql });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString() };
}

test('health checks', async () => {
  for (const url of [`${base}/`, `${base}/ping`]) {
    const res = await fetch(url);
    assert.strictEqual(await res.text(), 'Ok.\n');
  }
});

test('select answers with ClickHouse headers', async () => {
  const r = await query('SELECT 1 AS one', { headers: { 'X-ClickHouse-Query-Id': 'q-1' } });
  assert.strictEqual(r.text, '1\n');
  assert.strictEqual(r.headers.get('x-clickhouse-query-id'), 'q-1');
  assert.strictEqual(r.headers.get('x-clickhouse-format'), 'TabSeparated');
  assert.strictEqual(r.headers.get('x-clickhouse-timezone'), 'UTC');
  assert.strictEqual(JSON.parse(r.headers.get('x-clickhouse-summary')).result_rows, '1');
});

test('inserts report written rows; inline and compressed data work', async () => {
  assert.strictEqual((await query('CREATE DATABASE db')).status, 200);
  const db = { 'X-ClickHouse-Database': 'db' };
  assert.strictEqual((await query('CREATE TABLE t (a Int64, s String) ENGINE = MergeTree ORDER BY a', { headers: db })).status, 200);

  let r = await query("INSERT INTO t VALUES (1, 'a'), (2, 'b')", { headers: db });
  assert.strictEqual(r.bytes.length, 0);
  assert.strictEqual(JSON.parse(r.headers.get('x-clickhouse-summary')).written_rows, '2');

  // RowBinary with blank lines in the data, the query in the URL, as the driver's insert API sends it.
  const row = Buffer.concat([Buffer.from([3, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([3, 0x0a, 0x0a, 0x3b])]);
  r = await query(null, { params: `database=db&query=${encodeURIComponent('INSERT INTO t FORMAT RowBinary')}`, body: row });
  assert.strictEqual(JSON.parse(r.headers.get('x-clickhouse-summary')).written_rows, '1', r.text);

  r = await query(null, { params: 'database=db&decompress=1&compress=1', body: compress(Buffer.from('SELECT a, hex(s) FROM t ORDER BY a')) });
  assert.strictEqual(decompress(r.bytes).toString(), '1\t61\n2\t62\n3\t0A0A3B\n');
});

test('errors carry the ClickHouse code', async () => {
  let r = await query('SELECT 1; SELECT 2');
  assert.strictEqual(r.status, 400);
  assert.strictEqual(r.headers.get('x-clickhouse-exception-code'), '62');
  assert.match(r.text, /^Code: 62\. DB::Exception: Syntax error \(Multi-statements are not allowed\)/);

  r = await query('SELECT * FROM nowhere');
  assert.strictEqual(r.status, 404);
  assert.strictEqual(r.headers.get('x-clickhouse-exception-code'), '60');

  r = await query('SELECT 1', { headers: { 'X-ClickHouse-Database': 'missing' } });
  assert.strictEqual(r.headers.get('x-clickhouse-exception-code'), '81');
});

test('a query failing after its header leaves nothing in the next answer', async () => {
  const names = { params: 'default_format=TabSeparatedWithNames' };
  const failed = await query("SELECT throwIf(count() >= 0, 'seeded failure') AS x FROM system.one", names);
  assert.strictEqual(failed.headers.get('x-clickhouse-exception-code'), '395');
  assert.strictEqual((await query('SELECT 1 AS a, 2 AS b', names)).text, 'a\tb\n1\t2\n');
});

test('settings apply to their own request only', async () => {
  const get = "SELECT getSetting('mutations_sync'), getSetting('implicit_select'), getSetting('async_insert')";
  assert.strictEqual((await query(get, { params: 'mutations_sync=2&unknown_param=1' })).text, '2\tfalse\tfalse\n');
  assert.strictEqual((await query(get)).text, '0\tfalse\tfalse\n');
  assert.strictEqual((await query('SET mutations_sync = 1')).status, 200);
  assert.strictEqual((await query(get)).text, '0\tfalse\tfalse\n');
});

test('stops cleanly on SIGTERM', async () => {
  server.kill('SIGTERM');
  const code = await new Promise((r) => server.once('exit', r));
  assert.strictEqual(code, 0);
  assert.ok(!fs.existsSync(readyFile));
});
