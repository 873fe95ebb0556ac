'use strict';
// One chdb session that executes HTTP requests one at a time, giving each the
// database and settings it asks for, the way a server gives each sessionless
// request a fresh context.

const fs = require('fs');
const path = require('path');
const { Session } = require('chdb');
const { scan } = require('./sql');

// The addon behind Session: its raw insert entry is the one path that reports
// rows written (chdb_result_rows_written, materialized-view writes included).
// Not exported by chdb, hence the file path; chdb is pinned in package.json.
const native = require(path.join(path.dirname(require.resolve('chdb/package.json')), 'dist', 'loader.js')).loadNative();

// Where chdb's defaults differ from a server's.
const SESSION_DEFAULTS = { implicit_select: '0', mutations_sync: '0', async_insert: '0' };
// Settings a request may not change: readonly would forbid restoring the others.
const PROTECTED_SETTINGS = new Set(['readonly']);
const NO_DATA = Buffer.alloc(0);

/** An error carrying a ClickHouse error code, like those chdb throws. */
class ClickHouseError extends Error {
  constructor(code, name, text) {
    super(`Code: ${code}. DB::Exception: ${text}. (${name})`);
    this.clickhouseCode = code;
  }
}

// The raw insert entry throws untyped errors, and wraps FROM INFILE ones twice
// ("Code: N. DB::Exception: Code: N. DB::Exception: ... (version V). (NAME)").
function insertError(e) {
  const message = e.message.replace(/^(Code: \d+\. DB::Exception: )\1([\s\S]*) \(version [^)]*\)\. \([A-Z0-9_]+\)$/, '$1$2');
  const code = /^Code: (\d+)\./.exec(message);
  return Object.assign(new Error(message), { clickhouseCode: code ? Number(code[1]) : undefined });
}

const quoteString = (s) => `'${s.replace(/[\\']/g, '\\$&')}'`;
const quoteIdentifier = (s) => `\`${s.replace(/[\\`]/g, '\\$&')}\``;

class Engine {
  constructor(dataDir) {
    this.dataDir = path.resolve(dataDir);
    this.insertFile = path.join(this.dataDir, 'endpoint-insert.data');
    this.tail = Promise.resolve();
  }

  async start() {
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.session = new Session(this.dataDir);
    await this.session.queryAsync(`SET ${Object.entries(SESSION_DEFAULTS)
      .map(([n, v]) => `${n} = ${quoteString(v)}`).join(', ')}`);
    // Every setting's value after start-up, to restore after a request changed it.
    this.baseline = await this.readSettings();
    this.applied = new Map(); // settings now differing from the baseline
    this.database = 'default'; // current database, null when unknown
  }

  /** Whether name is a setting this engine applies when a request gives it. */
  isSetting(name) {
    return this.baseline.has(name) && !PROTECTED_SETTINGS.has(name);
  }

  /**
   * Runs one request's query after those before it.
   * @param {{sql: Buffer, database: string, settings: Map<string, string>,
   *   params: Object<string, string>, format: string}} request
   * @returns {Promise<{bytes: Uint8Array, rowsRead: number, bytesRead: number,
   *   rowsWritten: number, bytesWritten: number, elapsed: number}>}
   */
  execute(request) {
    const run = this.tail.then(() => this.run(request));
    this.tail = run.catch(() => {});
    return run;
  }

  async close() {
    await this.tail;
    if (this.session) this.session.close();
  }

  async run({ sql, database, settings, params, format }) {
    const { kind, extraStatementAt, insertData } = scan(sql);
    if (extraStatementAt >= 0) {
      throw new ClickHouseError(62, 'SYNTAX_ERROR', 'Syntax error (Multi-statements are not allowed): '
        + `failed at position ${extraStatementAt + 1}: ${sql.toString('utf8', extraStatementAt, extraStatementAt + 40)}`);
    }
    if (!kind && !sql.toString().trim()) throw new ClickHouseError(62, 'SYNTAX_ERROR', 'Empty query');

    await this.useDatabase(database);
    await this.applySettings(settings);
    try {
      if (kind === 'INSERT' && Object.keys(params).length === 0) return await this.insert(sql, insertData);
      const result = await this.query(sql, params, format);
      return {
        bytes: result.bytes(), rowsRead: result.rowsRead, bytesRead: result.bytesRead,
        rowsWritten: 0, bytesWritten: 0, elapsed: result.elapsed,
      };
    } finally {
      // A client's own USE or SET must not outlive its request.
      if (kind === 'USE') this.database = null;
      if (kind === 'SET') await this.resyncSettings();
    }
  }

  // chdb keeps what a failed query had already written (the header of a *WithNames format) and prepends it to the
  // next result; a server starts every response afresh. A throwaway query after a failure takes the leftover.
  async query(sql, params, format) {
    try {
      return Object.keys(params).length
        ? await this.session.queryBindAsync(sql.toString(), params, { format })
        : await this.session.queryAsync(sql.toString(), { format });
    } catch (e) {
      await this.session.queryAsync('SELECT 1', { format }).catch(() => {});
      throw e;
    }
  }

  // An INSERT goes through the raw insert entry, for its rows-written count.
  // Inline data after FORMAT is handed over as a file (FROM INFILE): chdb's
  // query text ends inline data at a blank line, which binary data may contain.
  async insert(sql, insertData) {
    let statement = sql.toString();
    if (insertData) {
      fs.writeFileSync(this.insertFile, sql.subarray(insertData.dataAt));
      statement = `${sql.toString('utf8', 0, insertData.clauseAt)}FROM INFILE ${quoteString(this.insertFile)} `
        + sql.toString('utf8', insertData.clauseAt, insertData.dataAt);
    }
    try {
      const r = await native.InsertRawAsyncConnection(this.session.connection, statement, NO_DATA, false)
        .catch((e) => { throw insertError(e); });
      return { bytes: NO_DATA, rowsRead: 0, bytesRead: 0, rowsWritten: r.rowsWritten, bytesWritten: r.bytesWritten, elapsed: r.elapsed };
    } finally {
      if (insertData) fs.rmSync(this.insertFile, { force: true });
    }
  }

  async useDatabase(database) {
    if (database === this.database) return;
    this.database = null;
    await this.session.queryAsync(`USE ${quoteIdentifier(database)}`);
    this.database = database;
  }

  // Sets what the request asks for and restores what an earlier one changed.
  async applySettings(wanted) {
    const changes = [];
    for (const [name, value] of wanted) {
      if ((this.applied.get(name) ?? this.baseline.get(name).value) !== value) changes.push(`${name} = ${quoteString(value)}`);
    }
    for (const name of this.applied.keys()) {
      if (!wanted.has(name)) {
        const { value, changed } = this.baseline.get(name);
        changes.push(`${name} = ${changed ? quoteString(value) : 'DEFAULT'}`);
      }
    }
    if (changes.length === 0) return;
    try {
      await this.session.queryAsync(`SET ${changes.join(', ')}`);
    } catch (e) {
      await this.resyncSettings();
      throw e;
    }
    this.applied = new Map([...wanted].filter(([name, value]) => value !== this.baseline.get(name).value));
  }

  async resyncSettings() {
    const now = await this.readSettings();
    this.applied = new Map([...now]
      .filter(([name, { value }]) => value !== this.baseline.get(name).value)
      .map(([name, { value }]) => [name, value]));
  }

  async readSettings() {
    const result = await this.session.queryAsync('SELECT name, value, changed FROM system.settings', { format: 'JSONCompactEachRow' });
    return new Map(result.text().split('\n').filter(Boolean).map((line) => {
      const [name, value, changed] = JSON.parse(line);
      return [name, { value, changed: changed === 1 }];
    }));
  }
}

module.exports = { Engine, ClickHouseError };
