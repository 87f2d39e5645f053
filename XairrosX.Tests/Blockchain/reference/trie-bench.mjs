// Reference figure for TrieInsertBenchmarks: insert N random 32-byte keys (value = key) into
// @ethereumjs/mpt and compute the root; prints the median of several runs in milliseconds.
import { createMPT } from '@ethereumjs/mpt';
import { randomBytes } from 'crypto';

const n = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 7);
const keys = Array.from({ length: n }, () => Uint8Array.from(randomBytes(32)));
const times = [];
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  const trie = await createMPT();
  for (const k of keys) await trie.put(k, k);
  trie.root();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`@ethereumjs/mpt: insert ${n} + root, median of ${runs}: ${times[Math.floor(runs / 2)].toFixed(1)} ms`);
