'use strict';
// ClickHouse's native compressed framing (HTTP compress=1 / decompress=1).
// Each block: 16-byte CityHash128 of the rest of the block, method byte,
// UInt32 LE size of the compressed data plus this 9-byte header, UInt32 LE
// uncompressed size, then the compressed data.

const { cityHash128 } = require('./cityhash');

const METHOD_NONE = 0x02;
const METHOD_LZ4 = 0x82;
const CHECKSUM_SIZE = 16;
const HEADER_SIZE = 9;
const MAX_BLOCK = 1 << 20; // ClickHouse's default max_compress_block_size

class CompressionError extends Error {}

// An LZ4 block holding the whole input as one literal run: valid LZ4 that any
// decoder accepts, with no attempt at compression (enough for loopback tests).
function lz4LiteralBlock(src) {
  const extra = src.length >= 15 ? Math.floor((src.length - 15) / 255) + 1 : 0;
  const out = Buffer.allocUnsafe(1 + extra + src.length);
  let pos = 0;
  out[pos++] = Math.min(src.length, 15) << 4;
  if (src.length >= 15) {
    let rest = src.length - 15;
    for (; rest >= 255; rest -= 255) out[pos++] = 255;
    out[pos++] = rest;
  }
  src.copy(out, pos);
  return out;
}

// Decodes an LZ4 block whose decoded size is known.
function lz4Decode(src, size) {
  const out = Buffer.alloc(size);
  let i = 0;
  let o = 0;
  const readLength = (len) => {
    if (len !== 15) return len;
    let b;
    do {
      if (i >= src.length) throw new CompressionError('LZ4 block is truncated');
      b = src[i++];
      len += b;
    } while (b === 255);
    return len;
  };
  while (i < src.length) {
    const token = src[i++];
    const literals = readLength(token >> 4);
    if (i + literals > src.length || o + literals > size) throw new CompressionError('LZ4 literals overflow');
    src.copy(out, o, i, i + literals);
    i += literals;
    o += literals;
    if (i >= src.length) break; // the last sequence has no match
    const offset = src[i] | (src[i + 1] << 8);
    i += 2;
    const matchLength = readLength(token & 15) + 4;
    if (offset === 0 || offset > o || o + matchLength > size) throw new CompressionError('LZ4 match out of range');
    for (let k = 0; k < matchLength; k++, o++) out[o] = out[o - offset]; // may overlap
  }
  if (o !== size) throw new CompressionError(`LZ4 block decoded to ${o} bytes, expected ${size}`);
  return out;
}

function frame(data) {
  const block = lz4LiteralBlock(data);
  const out = Buffer.allocUnsafe(CHECKSUM_SIZE + HEADER_SIZE + block.length);
  out[CHECKSUM_SIZE] = METHOD_LZ4;
  out.writeUInt32LE(HEADER_SIZE + block.length, CHECKSUM_SIZE + 1);
  out.writeUInt32LE(data.length, CHECKSUM_SIZE + 5);
  block.copy(out, CHECKSUM_SIZE + HEADER_SIZE);
  const [lo, hi] = cityHash128(out, CHECKSUM_SIZE);
  out.writeBigUInt64LE(lo, 0);
  out.writeBigUInt64LE(hi, 8);
  return out;
}

/** Frames data as LZ4 blocks of at most 1 MiB each; empty data gives no block. */
function compress(data) {
  const frames = [];
  for (let off = 0; off < data.length; off += MAX_BLOCK) {
    frames.push(frame(data.subarray(off, Math.min(off + MAX_BLOCK, data.length))));
  }
  return Buffer.concat(frames);
}

/** Reads a sequence of blocks (LZ4 or uncompressed), verifying every checksum. */
function decompress(data) {
  const parts = [];
  let off = 0;
  while (off < data.length) {
    if (off + CHECKSUM_SIZE + HEADER_SIZE > data.length) throw new CompressionError('Truncated block header');
    const method = data[off + CHECKSUM_SIZE];
    const sizeWithHeader = data.readUInt32LE(off + CHECKSUM_SIZE + 1);
    const size = data.readUInt32LE(off + CHECKSUM_SIZE + 5);
    const end = off + CHECKSUM_SIZE + sizeWithHeader;
    if (sizeWithHeader < HEADER_SIZE || end > data.length) throw new CompressionError('Truncated block');
    const [lo, hi] = cityHash128(data, off + CHECKSUM_SIZE, sizeWithHeader);
    if (data.readBigUInt64LE(off) !== lo || data.readBigUInt64LE(off + 8) !== hi) {
      throw new CompressionError('Checksum doesn\'t match: corrupted data');
    }
    const payload = data.subarray(off + CHECKSUM_SIZE + HEADER_SIZE, end);
    if (method === METHOD_LZ4) parts.push(lz4Decode(payload, size));
    else if (method === METHOD_NONE && payload.length === size) parts.push(payload);
    else throw new CompressionError(`Unsupported compression method 0x${method.toString(16)}`);
    off = end;
  }
  return Buffer.concat(parts);
}

module.exports = { compress, decompress, CompressionError };
