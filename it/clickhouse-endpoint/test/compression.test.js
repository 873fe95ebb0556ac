'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { compress, decompress, CompressionError } = require('../lib/compression');

test('compress/decompress round trip, empty and multi-block', () => {
  assert.strictEqual(compress(Buffer.alloc(0)).length, 0);
  for (const size of [1, 14, 15, 270, 70000, (1 << 20) * 2 + 5]) {
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = (i * 7) & 0xff;
    assert.ok(decompress(compress(data)).equals(data), `size ${size}`);
  }
});

test('a corrupted block is refused', () => {
  const framed = compress(Buffer.from('hello, world'));
  framed[framed.length - 1] ^= 1;
  assert.throws(() => decompress(framed), CompressionError);
});

test('reads blocks that ClickHouse itself wrote (MergeTree column files)', async () => {
  const { Session } = require('chdb');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoint-test-'));
  const session = new Session(dir);
  try {
    await session.queryAsync('CREATE TABLE t (a UInt64, s String) ENGINE = MergeTree ORDER BY a SETTINGS min_bytes_for_wide_part = 0');
    await session.queryAsync("INSERT INTO t SELECT number, toString(number % 100) FROM numbers(200000)");
    const part = (await session.queryAsync("SELECT path FROM system.parts WHERE table = 't' AND active", { format: 'TSV' })).text().trim();
    const column = decompress(fs.readFileSync(path.join(part, 'a.bin')));
    assert.strictEqual(column.length, 200000 * 8);
    assert.strictEqual(column.readBigUInt64LE(8 * 199999), 199999n);
  } finally {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
