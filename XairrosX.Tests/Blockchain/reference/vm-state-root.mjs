// Reads on stdin: {"chainId": n, "baseFee": "dec", "coinbase": "0x..", "alloc": [["0x..", "dec"]], "txs": ["0x.."]}
// Runs the transactions with @ethereumjs/vm (London rules) and prints the state root (hex, no 0x).
import { createCustomCommon, Mainnet, Hardfork } from '@ethereumjs/common';
import { createVM, runTx } from '@ethereumjs/vm';
import { createBlock } from '@ethereumjs/block';
import { createTxFromRLP } from '@ethereumjs/tx';
import { createAddressFromString, createAccount, hexToBytes, bytesToHex } from '@ethereumjs/util';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const c = JSON.parse(input);
const common = createCustomCommon({ chainId: Number(c.chainId) }, Mainnet, { hardfork: Hardfork.London });
const vm = await createVM({ common });
for (const [addr, bal] of c.alloc) {
  await vm.stateManager.putAccount(createAddressFromString(addr), createAccount({ nonce: 0n, balance: BigInt(bal) }));
}
const block = createBlock({ header: { baseFeePerGas: BigInt(c.baseFee), coinbase: c.coinbase, gasLimit: 30000000n, number: 1n } }, { common });
for (const raw of c.txs) {
  const tx = createTxFromRLP(hexToBytes(raw), { common });
  await runTx(vm, { tx, block, skipBlockGasLimitValidation: true });
}
const root = await vm.stateManager.getStateRoot();
process.stdout.write(bytesToHex(root).slice(2) + '\n');
