// Reads {"txs": [{key, type, chainId, nonce, gasPrice, maxFee, maxTip, gasLimit, to, value, data, accessList}]} on stdin
// (numbers as decimal strings, bytes as 0x-hex), signs each with ethers and prints one JSON line per tx:
// {"raw": "0x..", "from": "0x..", "hash": "0x..", "signingHash": "0x.."}.
import { Wallet, Transaction } from 'ethers';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const lines = [];
for (const t of JSON.parse(input).txs) {
  const wallet = new Wallet(t.key);
  const req = {
    type: t.type, chainId: BigInt(t.chainId), nonce: Number(t.nonce), gasLimit: BigInt(t.gasLimit),
    to: t.to, value: BigInt(t.value), data: t.data,
  };
  if (t.type === 2) { req.maxFeePerGas = BigInt(t.maxFee); req.maxPriorityFeePerGas = BigInt(t.maxTip); }
  else req.gasPrice = BigInt(t.gasPrice);
  if (t.type !== 0) req.accessList = t.accessList;
  const raw = await wallet.signTransaction(req);
  const parsed = Transaction.from(raw);
  lines.push(JSON.stringify({ raw, from: parsed.from, hash: parsed.hash, signingHash: parsed.unsignedHash }));
}
process.stdout.write(lines.join('\n') + '\n');
