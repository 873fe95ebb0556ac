#!/usr/bin/env node
'use strict';
// Loopback ClickHouse HTTP endpoint over an embedded chdb engine, for tests.
// Usage: node server.js --port <N> --data <dir> [--ready-file <path>]
//                       [--exit-on-stdin-close] [--verbose]

process.env.TZ = 'UTC'; // before the engine loads: it is the server time zone

const fs = require('fs');
const http = require('http');
const { randomUUID } = require('crypto');
const { parseArgs } = require('util');
const { Engine, ClickHouseError } = require('./lib/engine');
const { compress, decompress, CompressionError } = require('./lib/compression');

const DISPLAY_NAME = 'chdb-test-endpoint';
const DEFAULT_FORMAT = 'TabSeparated';

// HTTP status of an error by ClickHouse error code, as the server maps them.
const STATUS_BY_CODE = new Map([
  [[194], 401], // REQUIRED_PASSWORD
  [[192, 193, 497, 512, 516], 403], // UNKNOWN_USER, WRONG_PASSWORD, ACCESS_DENIED, SET_NON_GRANTED_ROLE, AUTHENTICATION_FAILED
  // BAD_ARGUMENTS, CANNOT_PARSE_*, DUPLICATE_COLUMN, ILLEGAL_COLUMN, THERE_IS_NO_COLUMN, *_AST*,
  // SYNTAX_ERROR, INCORRECT_DATA, TYPE_MISMATCH, CANNOT_COMPILE_REGEXP, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
  [[36, 6, 25, 26, 38, 41, 72, 441, 675, 676, 376, 27, 15, 44, 8, 37, 123, 167, 168, 223, 62, 117, 53, 427, 321], 400],
  // UNKNOWN_TABLE, _FUNCTION, _IDENTIFIER, _TYPE, _STORAGE, _DATABASE, _SETTING, _DIRECTION_OF_SORTING,
  // _AGGREGATE_FUNCTION, _FORMAT, _DATABASE_ENGINE, _TYPE_OF_QUERY, _ROLE
  [[60, 46, 47, 50, 56, 81, 115, 152, 63, 73, 336, 78, 511], 404],
  [[229], 413], // QUERY_IS_TOO_LARGE
  [[48], 501], // NOT_IMPLEMENTED
  [[209, 76, 439], 503], // SOCKET_TIMEOUT, CANNOT_OPEN_FILE, CANNOT_SCHEDULE_TASK
  [[381], 411], // HTTP_LENGTH_REQUIRED
  [[159], 408], // TIMEOUT_EXCEEDED
  [[779], 415], // UNSUPPORTED_MEDIA_TYPE
].flatMap(([codes, status]) => codes.map((code) => [code, status])));

const CANNOT_DECOMPRESS = 271;
const STD_EXCEPTION = 1001;

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      'ready-file': { type: 'string' },
      'exit-on-stdin-close': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!values.data || values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('usage: node server.js --port <N> --data <dir> [--ready-file <path>] [--exit-on-stdin-close] [--verbose]');
  }
  return { ...values, port };
}

function contentType(format) {
  if (/^JSON/.test(format)) return 'application/json; charset=UTF-8';
  if (/^(TabSeparated|TSV|CSV|Pretty|Vertical|Markdown|Values|XML)/.test(format)) return 'text/plain; charset=UTF-8';
  return 'application/octet-stream';
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// HTTP-level compression (the driver's client.use_http_compression) is not
// implemented: refuse it rather than answer bytes the client would misread.
function refuseHttpCompression(req, url) {
  const encoding = req.headers['content-encoding'];
  if ((encoding && encoding !== 'identity')
    || (url.searchParams.get('enable_http_compression') === '1' && req.headers['accept-encoding'])) {
    throw new ClickHouseError(48, 'NOT_IMPLEMENTED', 'HTTP compression (Content-Encoding, or Accept-Encoding with '
      + 'enable_http_compression=1) is not supported by this test endpoint; use compress=1 / decompress=1');
  }
}

// Turns an HTTP request into what the engine runs, as the server reads one:
// the query parameter followed by the body, settings from URL parameters.
function toEngineRequest(req, url, body, engine) {
  const p = url.searchParams;
  const data = p.get('decompress') === '1' ? decompress(body) : body;
  const queryParam = p.get('query');
  const sql = queryParam === null ? data
    : Buffer.concat([Buffer.from(data.length ? `${queryParam}\n` : queryParam), data]);
  const settings = new Map();
  const params = {};
  for (const [name, value] of p) {
    if (name.startsWith('param_')) params[name.slice('param_'.length)] = value;
    else if (engine.isSetting(name)) settings.set(name, value);
  }
  return {
    sql,
    settings,
    params,
    database: req.headers['x-clickhouse-database'] || p.get('database') || 'default',
    format: req.headers['x-clickhouse-format'] || p.get('default_format') || DEFAULT_FORMAT,
  };
}

function summary(r) {
  const s = {
    read_rows: r.rowsRead, read_bytes: r.bytesRead,
    written_rows: r.rowsWritten, written_bytes: r.bytesWritten,
    total_rows_to_read: 0, result_rows: r.rowsRead, result_bytes: r.bytes.length,
    elapsed_ns: Math.round(r.elapsed * 1e9),
  };
  // ClickHouse sends every figure as a string.
  return JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])));
}

function createServer(engine, verbose) {
  return http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url, 'http://127.0.0.1');
    const queryId = req.headers['x-clickhouse-query-id'] || url.searchParams.get('query_id') || randomUUID();
    const headers = {
      'X-ClickHouse-Query-Id': queryId,
      'X-ClickHouse-Timezone': 'UTC',
      'X-ClickHouse-Server-Display-Name': DISPLAY_NAME,
    };
    let status = 200;
    let logged = '';
    try {
      const body = await readBody(req);
      if (url.pathname === '/ping' || (url.pathname === '/' && req.method !== 'POST' && !url.searchParams.has('query'))) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
        return;
      }
      if (url.pathname !== '/') {
        status = 404;
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8' }).end(`There is no handle ${url.pathname}\n`);
        return;
      }
      refuseHttpCompression(req, url);
      const request = toEngineRequest(req, url, body, engine);
      logged = request.sql.toString('utf8', 0, 200).replace(/[\s\x00-\x1f\x7f]+/g, ' ');
      const result = await engine.execute(request);
      const bytes = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
      res.writeHead(200, {
        ...headers,
        'Content-Type': contentType(request.format),
        'X-ClickHouse-Format': request.format,
        'X-ClickHouse-Summary': summary(result),
      }).end(url.searchParams.get('compress') === '1' ? compress(bytes) : bytes);
    } catch (e) {
      let { clickhouseCode: code, message } = e;
      if (e instanceof CompressionError) {
        code = CANNOT_DECOMPRESS;
        message = new ClickHouseError(code, 'CANNOT_DECOMPRESS', e.message).message;
      } else if (!Number.isInteger(code)) {
        code = STD_EXCEPTION;
        message = new ClickHouseError(code, 'STD_EXCEPTION', e.message).message;
      }
      status = STATUS_BY_CODE.get(code) || 500;
      res.writeHead(status, {
        ...headers,
        'Content-Type': 'text/plain; charset=UTF-8',
        'X-ClickHouse-Exception-Code': String(code),
      }).end(`${message}\n`);
    } finally {
      if (verbose) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        process.stderr.write(`${req.method} ${req.url} ${status} ${ms.toFixed(1)}ms ${logged}\n`);
      }
    }
  });
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  const engine = new Engine(options.data);
  await engine.start();

  const server = createServer(engine, options.verbose);
  server.keepAliveTimeout = 30_000; // as a ClickHouse server's keep_alive_timeout
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await engine.close();
    if (options['ready-file']) fs.rmSync(options['ready-file'], { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (options['exit-on-stdin-close']) {
    process.stdin.on('close', stop);
    process.stdin.resume();
  }

  if (options['ready-file']) {
    const tmp = `${options['ready-file']}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${port}\n`);
    fs.renameSync(tmp, options['ready-file']);
  }
  if (options.verbose) process.stderr.write(`listening on 127.0.0.1:${port}, data in ${engine.dataDir}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
