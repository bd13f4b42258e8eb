// ChaCha20-Poly1305 (RFC 8439), synchronous. Customer data in browser storage is sealed with it because the
// last writes happen on `pagehide`, where a page runs no promise continuation: WebCrypto (async only) cannot
// be on that path. Checked against the RFC's test vectors and Node's OpenSSL implementation.

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

function words(bytes: Uint8Array, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) => view.getUint32(i * 4, true));
}

function rotl(v: number, n: number): number {
  return (v << n) | (v >>> (32 - n));
}

function quarterRound(x: Uint32Array, a: number, b: number, c: number, d: number): void {
  let [xa, xb, xc, xd] = [x[a] ?? 0, x[b] ?? 0, x[c] ?? 0, x[d] ?? 0];
  xa = (xa + xb) | 0;
  xd = rotl(xd ^ xa, 16);
  xc = (xc + xd) | 0;
  xb = rotl(xb ^ xc, 12);
  xa = (xa + xb) | 0;
  xd = rotl(xd ^ xa, 8);
  xc = (xc + xd) | 0;
  xb = rotl(xb ^ xc, 7);
  [x[a], x[b], x[c], x[d]] = [xa, xb, xc, xd];
}

/** One 64-byte keystream block. */
function block(key: number[], counter: number, nonce: number[], out: Uint8Array): void {
  const input = Uint32Array.from([...SIGMA, ...key, counter, ...nonce]);
  const x = input.slice();
  for (let i = 0; i < 10; i++) {
    quarterRound(x, 0, 4, 8, 12);
    quarterRound(x, 1, 5, 9, 13);
    quarterRound(x, 2, 6, 10, 14);
    quarterRound(x, 3, 7, 11, 15);
    quarterRound(x, 0, 5, 10, 15);
    quarterRound(x, 1, 6, 11, 12);
    quarterRound(x, 2, 7, 8, 13);
    quarterRound(x, 3, 4, 9, 14);
  }
  const view = new DataView(out.buffer, out.byteOffset, 64);
  for (let i = 0; i < 16; i++) view.setUint32(i * 4, ((x[i] ?? 0) + (input[i] ?? 0)) >>> 0, true);
}

/** XORs `data` with the ChaCha20 keystream starting at block `counter`. */
export function chacha20(key: Uint8Array, nonce: Uint8Array, counter: number, data: Uint8Array): Uint8Array {
  const k = words(key, 8);
  const n = words(nonce, 3);
  const out = new Uint8Array(data.length);
  const stream = new Uint8Array(64);
  for (let at = 0; at < data.length; at += 64) {
    block(k, counter + at / 64, n, stream);
    const end = Math.min(64, data.length - at);
    for (let i = 0; i < end; i++) out[at + i] = (data[at + i] ?? 0) ^ (stream[i] ?? 0);
  }
  return out;
}

function littleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

const P1305 = (1n << 130n) - 5n;
const CLAMP = 0x0ffffffc0ffffffc0ffffffc0fffffffn;
const MASK128 = (1n << 128n) - 1n;

/** The one-time authenticator; BigInt keeps it short and obviously right (entries are a few KB). */
export function poly1305(oneTimeKey: Uint8Array, message: Uint8Array): Uint8Array {
  const r = littleEndian(oneTimeKey.subarray(0, 16)) & CLAMP;
  const s = littleEndian(oneTimeKey.subarray(16, 32));
  let acc = 0n;
  for (let at = 0; at < message.length; at += 16) {
    const chunk = message.subarray(at, at + 16);
    acc = ((acc + littleEndian(chunk) + (1n << BigInt(8 * chunk.length))) * r) % P1305;
  }
  let tag = (acc + s) & MASK128;
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++, tag >>= 8n) out[i] = Number(tag & 0xffn);
  return out;
}

function macData(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const padded = (n: number) => Math.ceil(n / 16) * 16;
  const out = new Uint8Array(padded(aad.length) + padded(ciphertext.length) + 16);
  out.set(aad, 0);
  out.set(ciphertext, padded(aad.length));
  const view = new DataView(out.buffer, out.length - 16);
  view.setUint32(0, aad.length, true);
  view.setUint32(8, ciphertext.length, true);
  return out;
}

function tagOf(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const oneTimeKey = chacha20(key, nonce, 0, new Uint8Array(32));
  return poly1305(oneTimeKey, macData(aad, ciphertext));
}

/** The ciphertext followed by its 16-byte tag; `aad` is authenticated, not encrypted. */
export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES || nonce.length !== NONCE_BYTES)
    throw new RangeError('ChaCha20-Poly1305 needs a 32-byte key and a 12-byte nonce');
  const ciphertext = chacha20(key, nonce, 1, plaintext);
  const out = new Uint8Array(ciphertext.length + TAG_BYTES);
  out.set(ciphertext, 0);
  out.set(tagOf(key, nonce, aad, ciphertext), ciphertext.length);
  return out;
}

/** The plaintext, or undefined when the tag does not match (another key, another `aad`, altered bytes). */
export function open(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Uint8Array | undefined {
  if (key.length !== KEY_BYTES || nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) return undefined;
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  const expected = tagOf(key, nonce, aad, ciphertext);
  let difference = 0;
  for (let i = 0; i < TAG_BYTES; i++) difference |= (expected[i] ?? 0) ^ (sealed[ciphertext.length + i] ?? 0);
  return difference === 0 ? chacha20(key, nonce, 1, ciphertext) : undefined;
}
