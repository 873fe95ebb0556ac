'use strict';
// CityHash128 as of CityHash v1.0.2, the version ClickHouse checksums its
// compressed blocks with (later CityHash releases give different values).
// 64-bit arithmetic is done on BigInt, every result masked to 64 bits.

const MASK = (1n << 64n) - 1n;
const K0 = 0xc3a5c85c97cb3127n;
const K1 = 0xb492b66fbe98f273n;
const K2 = 0x9ae16a3b2f90404fn;
const K3 = 0xc949d7c7509e6557n;
const KMUL = 0x9ddfea08eb382d69n;

const add = (a, b) => (a + b) & MASK;
const sub = (a, b) => (a - b) & MASK;
const mul = (a, b) => (a * b) & MASK;
const rotate = (v, s) => (s === 0n ? v : ((v >> s) | (v << (64n - s))) & MASK);
const shiftMix = (v) => v ^ (v >> 47n);

function hashLen16(u, v) {
  let a = mul(u ^ v, KMUL);
  a ^= a >> 47n;
  let b = mul(v ^ a, KMUL);
  b ^= b >> 47n;
  return mul(b, KMUL);
}

function hashLen0to16(buf, off, len) {
  const n = BigInt(len);
  if (len > 8) {
    const a = buf.readBigUInt64LE(off);
    const b = buf.readBigUInt64LE(off + len - 8);
    return hashLen16(a, rotate(add(b, n), n)) ^ b;
  }
  if (len >= 4) {
    const a = BigInt(buf.readUInt32LE(off));
    return hashLen16(add(n, (a << 3n) & MASK), BigInt(buf.readUInt32LE(off + len - 4)));
  }
  if (len > 0) {
    const y = BigInt(buf[off] + (buf[off + (len >> 1)] << 8));
    const z = BigInt(len + (buf[off + len - 1] << 2));
    return mul(shiftMix(mul(y, K2) ^ mul(z, K3)), K2);
  }
  return K2;
}

// Hash of 32 bytes at off mixed with seeds a and b; returns a pair.
function weakHashLen32WithSeeds(buf, off, a, b) {
  const w = buf.readBigUInt64LE(off);
  const x = buf.readBigUInt64LE(off + 8);
  const y = buf.readBigUInt64LE(off + 16);
  const z = buf.readBigUInt64LE(off + 24);
  a = add(a, w);
  b = rotate(add(add(b, a), z), 21n);
  const c = a;
  a = add(add(a, x), y);
  b = add(b, rotate(a, 44n));
  return [add(a, z), add(b, c)];
}

// Inputs shorter than 128 bytes.
function cityMurmur(buf, off, len, seedLo, seedHi) {
  let a = seedLo;
  let b = seedHi;
  let c;
  let d;
  let l = len - 16;
  if (l <= 0) {
    a = mul(shiftMix(mul(a, K1)), K1);
    c = add(mul(b, K1), hashLen0to16(buf, off, len));
    d = shiftMix(add(a, len >= 8 ? buf.readBigUInt64LE(off) : c));
  } else {
    c = hashLen16(add(buf.readBigUInt64LE(off + len - 8), K1), a);
    d = hashLen16(add(b, BigInt(len)), add(c, buf.readBigUInt64LE(off + len - 16)));
    a = add(a, d);
    do {
      a ^= mul(shiftMix(mul(buf.readBigUInt64LE(off), K1)), K1);
      a = mul(a, K1);
      b ^= a;
      c ^= mul(shiftMix(mul(buf.readBigUInt64LE(off + 8), K1)), K1);
      c = mul(c, K1);
      d ^= c;
      off += 16;
      l -= 16;
    } while (l > 0);
  }
  a = hashLen16(a, c);
  b = hashLen16(d, b);
  return [a ^ b, hashLen16(b, a)];
}

function cityHash128WithSeed(buf, off, len, seedLo, seedHi) {
  if (len < 128) return cityMurmur(buf, off, len, seedLo, seedHi);

  let x = seedLo;
  let y = seedHi;
  let z = mul(BigInt(len), K1);
  let v0 = add(mul(rotate(y ^ K1, 49n), K1), buf.readBigUInt64LE(off));
  let v1 = add(mul(rotate(v0, 42n), K1), buf.readBigUInt64LE(off + 8));
  let w0 = add(mul(rotate(add(y, z), 35n), K1), x);
  let w1 = mul(rotate(add(x, buf.readBigUInt64LE(off + 88)), 53n), K1);

  // Two 64-byte rounds per 128-byte chunk.
  do {
    for (let round = 0; round < 2; round++) {
      x = mul(rotate(add(add(add(x, y), v0), buf.readBigUInt64LE(off + 16)), 37n), K1);
      y = mul(rotate(add(add(y, v1), buf.readBigUInt64LE(off + 48)), 42n), K1);
      x ^= w1;
      y ^= v0;
      z = rotate(z ^ w0, 33n);
      [v0, v1] = weakHashLen32WithSeeds(buf, off, mul(v1, K1), add(x, w0));
      [w0, w1] = weakHashLen32WithSeeds(buf, off + 32, add(z, w1), y);
      [z, x] = [x, z];
      off += 64;
    }
    len -= 128;
  } while (len >= 128);

  y = add(y, add(mul(rotate(w0, 37n), K0), z));
  x = add(x, mul(rotate(add(v0, z), 49n), K0));
  // Up to four 32-byte chunks from the end of the remaining tail.
  for (let tailDone = 0; tailDone < len;) {
    tailDone += 32;
    y = add(mul(rotate(sub(y, x), 42n), K0), v1);
    w0 = add(w0, buf.readBigUInt64LE(off + len - tailDone + 16));
    x = add(mul(rotate(x, 49n), K0), w0);
    w0 = add(w0, v0);
    [v0, v1] = weakHashLen32WithSeeds(buf, off + len - tailDone, v0, v1);
  }
  x = hashLen16(x, v0);
  y = hashLen16(y, w0);
  return [add(hashLen16(add(x, v1), w1), y), hashLen16(add(x, w1), add(y, v1))];
}

/**
 * CityHash128 (v1.0.2) of buf[off, off + len).
 * @returns {[bigint, bigint]} the low and the high 64 bits
 */
function cityHash128(buf, off = 0, len = buf.length - off) {
  if (len >= 16) {
    return cityHash128WithSeed(buf, off + 16, len - 16,
      buf.readBigUInt64LE(off) ^ K3, buf.readBigUInt64LE(off + 8));
  }
  if (len >= 8) {
    return cityHash128WithSeed(buf, off, 0,
      buf.readBigUInt64LE(off) ^ mul(BigInt(len), K0), buf.readBigUInt64LE(off + len - 8) ^ K1);
  }
  return cityHash128WithSeed(buf, off, len, K0, K1);
}

module.exports = { cityHash128 };
