/**
 * X25519 (RFC 7748) with BigInt, written independently of libsodium so that it can serve as a
 * second opinion in tests and let the certificate reader check a keypair synchronously
 * (libsodium needs `await sodium.ready`).
 *
 * BigInt arithmetic is not constant-time. That is acceptable for checking a certificate the
 * user already holds in the page; do not use this to derive keys in a setting where an
 * attacker can time the computation.
 */

const P = 2n ** 255n - 19n;
const A24 = 121665n;

function mod(a: bigint): bigint {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function powMod(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

function readLittleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n;
}

function writeLittleEndian(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function checkLength(what: string, bytes: Uint8Array): void {
  if (bytes.length !== 32) throw new Error(`x25519: ${what} is ${bytes.length} bytes; it must be 32`);
}

/** X25519(k, u): scalar multiplication on Curve25519, both arguments and result 32 bytes little-endian. */
export function x25519(scalar: Uint8Array, u: Uint8Array): Uint8Array {
  checkLength('scalar', scalar);
  checkLength('u-coordinate', u);
  // Clamping happens here, not at key generation: libsodium and libzmq store the raw 32 random bytes.
  const k = scalar.slice();
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  const kn = readLittleEndian(k);
  // RFC 7748 5: the top bit of u is ignored.
  const x1 = mod(readLittleEndian(u) & ((1n << 255n) - 1n));

  let x2 = 1n, z2 = 0n, x3 = x1, z3 = 1n;
  let swap = 0n;
  for (let t = 254n; t >= 0n; t--) {
    const kt = (kn >> t) & 1n;
    if (swap ^ kt) [x2, x3, z2, z3] = [x3, x2, z3, z2];
    swap = kt;
    const a = x2 + z2, aa = mod(a * a);
    const b = x2 - z2, bb = mod(b * b);
    const e = aa - bb;
    const c = x3 + z3, d = x3 - z3;
    const da = mod(d * a), cb = mod(c * b);
    x3 = mod((da + cb) ** 2n);
    z3 = mod(x1 * mod((da - cb) ** 2n));
    x2 = mod(aa * bb);
    z2 = mod(e * (aa + A24 * e));
  }
  if (swap) [x2, x3, z2, z3] = [x3, x2, z3, z2];
  // z2^(p-2) is the inverse by Fermat; z2 = 0 yields 0, matching the RFC's all-zero output.
  return writeLittleEndian(mod(x2 * powMod(z2, P - 2n)));
}

const BASE_POINT: Uint8Array = (() => {
  const b = new Uint8Array(32);
  b[0] = 9;
  return b;
})();

/** Public key for a CURVE secret key: X25519(secret, 9), as `crypto_scalarmult_base` computes it. */
export function x25519Base(secret: Uint8Array): Uint8Array {
  return x25519(secret, BASE_POINT);
}
