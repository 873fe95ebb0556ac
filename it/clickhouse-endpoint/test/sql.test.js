'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { scan } = require('../lib/sql');

const s = (text) => scan(Buffer.from(text));

test('statement kind', () => {
  assert.strictEqual(s('  -- c\n/* a /* nested */ */ select 1').kind, 'SELECT');
  assert.strictEqual(s('(SELECT 1)').kind, '');
  assert.strictEqual(s('insert into t values (1)').kind, 'INSERT');
});

test('a second statement is found, a trailing semicolon is not one', () => {
  assert.strictEqual(s('SELECT 1;').extraStatementAt, -1);
  assert.strictEqual(s('SELECT 1; -- done\n').extraStatementAt, -1);
  assert.strictEqual(s('SELECT 1; SELECT 2').extraStatementAt, 10);
  for (const text of ["SELECT ';x'", 'SELECT ";x"', 'SELECT `;x`', "SELECT 'a\\';b'", "SELECT 'a'';b'",
    'SELECT $$;x$$', 'SELECT $t$;x$t$', 'SELECT 1 /* ; x */', 'SELECT 1 -- ; x', 'SELECT 1 # ; x']) {
    assert.strictEqual(s(text).extraStatementAt, -1, text);
  }
});

test('inline INSERT data starts after FORMAT name and its newline', () => {
  const text = 'INSERT INTO t (a) SETTINGS x = 1 FORMAT CSV\n1;2\n';
  const { insertData, extraStatementAt } = s(text);
  assert.strictEqual(extraStatementAt, -1);
  assert.strictEqual(text.slice(insertData.dataAt), '1;2\n');
  assert.strictEqual(text.slice(insertData.clauseAt, insertData.clauseAt + 8), 'SETTINGS');
  const binary = Buffer.concat([Buffer.from('INSERT INTO t FORMAT RowBinary\n'), Buffer.from([0x0a, 0x3b, 0x0a])]);
  assert.strictEqual(scan(binary).insertData.dataAt, binary.length - 3);
  assert.strictEqual(s('INSERT INTO t FORMAT CSV 1,2').insertData.dataAt, 25);
  assert.strictEqual(s("INSERT INTO t VALUES (1, 'FORMAT')").insertData, null);
  assert.strictEqual(s("INSERT INTO t FROM INFILE 'f' FORMAT CSV").insertData, null);
});
