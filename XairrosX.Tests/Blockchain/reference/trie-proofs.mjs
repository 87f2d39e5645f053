// Reads [{"ops": [[keyHex, valueHex], ...], "probes": [keyHex, ...]}, ...] on stdin; for every probe prints
// one line: the Merkle proof @ethereumjs/mpt creates, as comma-separated node hexes.
import { createMPT, createMerkleProof } from '@ethereumjs/mpt';

const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const c of JSON.parse(input)) {
  const trie = await createMPT();
  for (const [k, v] of c.ops) await trie.put(hex(k), hex(v));
  for (const p of c.probes) {
    const proof = await createMerkleProof(trie, hex(p));
    out.push(proof.map((n) => Buffer.from(n).toString('hex')).join(','));
  }
}
process.stdout.write(out.join('\n') + '\n');
