// Reads {"cases": [{op, m, k, n, s, i, c}]} on stdin (bytes as plain hex) and prints one hex digest per case, computed
// with @noble/hashes. op: sha256 | sha512 | sha3-256 | sha3-512 | keccak256 | shake128 | shake256 | ripemd160 |
// blake2b | blake2s (k = key, may be empty; n = output bytes) | hmac-sha256 | hmac-sha512 (k = key) |
// hkdf-sha256 | hkdf-sha512 (m = ikm, s = salt, i = info, n = length) | pbkdf2-sha512 (m = password, s = salt, c = iterations, n = length).
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_512, keccak_256, shake128, shake256 } from '@noble/hashes/sha3.js';
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { hmac } from '@noble/hashes/hmac.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

const plain = { sha256, sha512, 'sha3-256': sha3_256, 'sha3-512': sha3_512, keccak256: keccak_256, ripemd160 };
const byName = { sha256, sha512 };

function run(t) {
  const m = hexToBytes(t.m ?? '');
  if (plain[t.op]) return plain[t.op](m);
  switch (t.op) {
    case 'shake128': return shake128(m, { dkLen: t.n });
    case 'shake256': return shake256(m, { dkLen: t.n });
    case 'blake2b':
    case 'blake2s': {
      const opts = { dkLen: t.n };
      if (t.k) opts.key = hexToBytes(t.k);
      return (t.op === 'blake2b' ? blake2b : blake2s)(m, opts);
    }
    case 'hmac-sha256':
    case 'hmac-sha512': return hmac(byName[t.op.slice(5)], hexToBytes(t.k), m);
    case 'hkdf-sha256':
    case 'hkdf-sha512': return hkdf(byName[t.op.slice(5)], m, hexToBytes(t.s), hexToBytes(t.i), t.n);
    case 'pbkdf2-sha512': return pbkdf2(sha512, m, hexToBytes(t.s), { c: t.c, dkLen: t.n });
    default: throw new Error('unknown op ' + t.op);
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const lines = JSON.parse(input).cases.map((t) => bytesToHex(run(t)));
process.stdout.write(lines.join('\n') + '\n');
