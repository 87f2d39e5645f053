// Reads a JSON array of cases from stdin; each case is {"secure": bool, "ops": [[keyHex, valueHex|null], ...]}.
// Prints one root hash (hex, no 0x) per case, computed by @ethereumjs/mpt.
import { createMPT } from '@ethereumjs/mpt';

const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const c of JSON.parse(input)) {
  const trie = await createMPT({ useKeyHashing: c.secure });
  for (const [k, v] of c.ops) {
    if (v === null) await trie.del(hex(k));
    else await trie.put(hex(k), hex(v));
  }
  out.push(Buffer.from(trie.root()).toString('hex'));
}
process.stdout.write(out.join('\n') + '\n');
