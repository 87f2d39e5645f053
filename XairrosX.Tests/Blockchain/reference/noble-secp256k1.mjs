// Reads {"cases": [{op, ...}]} on stdin (bytes as plain hex) and prints one line per case, computed with
// @noble/secp256k1 (pure JS, independent of libsecp256k1). Operations and their output line:
//   pub {sk}                       -> compressed public key
//   sign {sk, h}                   -> "<r‖s> <recovery id>" (RFC 6979, low-S, h used as the 32-byte hash)
//   verify {sig, h, pk}            -> "1" or "0" (low-S required; anything malformed is "0")
//   recover {sig, rec, h}          -> compressed public key or "-" when recovery fails
//   schnorr-sign {sk, m, aux}      -> BIP-340 signature;  schnorr-pub {sk} -> x-only key
//   schnorr-verify {sig, m, pk}    -> "1" or "0"
//   ecdh {sk, pk}                  -> compressed shared point sk·pk
import * as secp from '@noble/secp256k1';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex, hexToBytes as bytes } from '@noble/hashes/utils.js';

secp.hashes.hmacSha256 = (key, msg) => hmac(sha256, key, msg);
secp.hashes.sha256 = sha256;

const verdict = (f) => { try { return f() ? '1' : '0'; } catch { return '0'; } };

function run(t) {
  switch (t.op) {
    case 'pub': return hex(secp.getPublicKey(bytes(t.sk)));
    case 'sign': {
      const sig = secp.sign(bytes(t.h), bytes(t.sk), { prehash: false, format: 'recovered' });
      return hex(sig.subarray(1)) + ' ' + sig[0];
    }
    case 'verify': return verdict(() => secp.verify(bytes(t.sig), bytes(t.h), bytes(t.pk), { prehash: false }));
    case 'recover': {
      const sig = new Uint8Array(65);
      sig[0] = t.rec;
      sig.set(bytes(t.sig), 1);
      try { return hex(secp.recoverPublicKey(sig, bytes(t.h), { prehash: false })); } catch { return '-'; }
    }
    case 'schnorr-pub': return hex(secp.schnorr.getPublicKey(bytes(t.sk)));
    case 'schnorr-sign': return hex(secp.schnorr.sign(bytes(t.m), bytes(t.sk), bytes(t.aux)));
    case 'schnorr-verify': return verdict(() => secp.schnorr.verify(bytes(t.sig), bytes(t.m), bytes(t.pk)));
    case 'ecdh': return hex(secp.getSharedSecret(bytes(t.sk), bytes(t.pk)));
    default: throw new Error('unknown op ' + t.op);
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const lines = JSON.parse(input).cases.map(run);
process.stdout.write(lines.join('\n') + '\n');
