'use strict';
// A lexical scan of a request's query, just deep enough to do what a
// ClickHouse server does before executing it: tell a second statement apart
// from a trailing ';', find the statement kind, and find where an INSERT's
// inline data starts. It works on bytes, since
// inline INSERT data may be binary.

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);
const QUOTES = new Set([0x27, 0x22, 0x60]); // ' " `
const OPEN = new Set([0x28, 0x5b, 0x7b]); // ( [ {
const CLOSE = new Set([0x29, 0x5d, 0x7d]); // ) ] }

const isWordByte = (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
  || b === 0x5f || b === 0x24 || b >= 0x80;

class Scanner {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
  }

  // Skips whitespace and comments (--, #, nested /* */).
  skipSpace() {
    const { buf } = this;
    while (this.pos < buf.length) {
      const b = buf[this.pos];
      if (SPACE.has(b)) {
        this.pos++;
      } else if ((b === 0x2d && buf[this.pos + 1] === 0x2d) || b === 0x23) {
        const nl = buf.indexOf(0x0a, this.pos);
        this.pos = nl < 0 ? buf.length : nl + 1;
      } else if (b === 0x2f && buf[this.pos + 1] === 0x2a) {
        let depth = 0;
        do {
          if (buf[this.pos] === 0x2f && buf[this.pos + 1] === 0x2a) { depth++; this.pos += 2; }
          else if (buf[this.pos] === 0x2a && buf[this.pos + 1] === 0x2f) { depth--; this.pos += 2; }
          else this.pos++;
        } while (depth > 0 && this.pos < buf.length);
      } else {
        return;
      }
    }
  }

  // Reads one token at pos (after skipSpace); returns a word or null.
  next() {
    const { buf } = this;
    const b = buf[this.pos];
    if (QUOTES.has(b)) {
      for (this.pos++; this.pos < buf.length; this.pos++) {
        if (buf[this.pos] === 0x5c) this.pos++; // backslash escape
        else if (buf[this.pos] === b) {
          if (buf[this.pos + 1] !== b) break;
          this.pos++; // doubled quote
        }
      }
      this.pos++;
      return null;
    }
    if (b === 0x24) { // $tag$ heredoc ... $tag$
      const m = /^\$[A-Za-z0-9_]*\$/.exec(buf.toString('latin1', this.pos, this.pos + 64));
      if (m) {
        const close = buf.indexOf(m[0], this.pos + m[0].length, 'latin1');
        if (close >= 0) {
          this.pos = close + m[0].length;
          return null;
        }
      }
    }
    if (isWordByte(b)) {
      const start = this.pos;
      while (this.pos < buf.length && isWordByte(buf[this.pos])) this.pos++;
      return buf.toString('utf8', start, this.pos);
    }
    this.pos++;
    return null;
  }
}

/**
 * @param {Buffer} buf the whole query, possibly followed by INSERT data
 * @returns {{kind: string, extraStatementAt: number,
 *   insertData: {clauseAt: number, dataAt: number}|null}}
 *   kind: the first keyword, upper case ('' if the query does not start with one);
 *   extraStatementAt: offset of a second statement, or -1;
 *   insertData: for an INSERT with inline data after FORMAT, where its data
 *   starts and where a FROM INFILE clause would go (before SETTINGS/FORMAT).
 */
function scan(buf) {
  const s = new Scanner(buf);
  const result = { kind: '', extraStatementAt: -1, insertData: null };
  let depth = 0;
  let first = true;
  let clauseAt = -1;
  let fromInfile = false;
  for (s.skipSpace(); s.pos < buf.length; s.skipSpace()) {
    const at = s.pos;
    const b = buf[at];
    if (b === 0x3b) { // ';' ends the statement: only space and comments may follow
      s.pos++;
      s.skipSpace();
      if (s.pos < buf.length) result.extraStatementAt = s.pos;
      break;
    }
    if (OPEN.has(b)) depth++;
    else if (CLOSE.has(b)) depth = Math.max(0, depth - 1);
    const word = s.next();
    const upper = word && word.toUpperCase();
    if (first) {
      result.kind = upper || '';
      first = false;
    }
    if (!upper || depth > 0 || result.kind !== 'INSERT') continue;
    if (upper === 'INFILE') fromInfile = true;
    if (upper === 'SETTINGS' && clauseAt < 0) clauseAt = at;
    if (upper === 'FORMAT' && !fromInfile) {
      s.skipSpace();
      s.next(); // the format name
      // As the server does: data starts after the first newline if one follows
      // the format name (after spaces), else after all the whitespace.
      while (s.pos < buf.length && (buf[s.pos] === 0x20 || buf[s.pos] === 0x09 || buf[s.pos] === 0x0c)) s.pos++;
      if (buf[s.pos] === 0x0d) s.pos++;
      if (buf[s.pos] === 0x0a) s.pos++;
      result.insertData = { clauseAt: clauseAt < 0 ? at : clauseAt, dataAt: s.pos };
      break;
    }
  }
  return result;
}

module.exports = { scan };
