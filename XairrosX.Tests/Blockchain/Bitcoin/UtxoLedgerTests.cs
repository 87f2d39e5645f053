using System;
using System.Collections.Generic;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;
using XairrosX.Blockchain.Bitcoin.Utxo;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Store;
using Xunit;

namespace XairrosX.Tests.Blockchain.Bitcoin;

public class UtxoLedgerTests
{
    internal const ScriptFlags Flags = ScriptFlags.P2SH | ScriptFlags.StrictEnc | ScriptFlags.DerSig | ScriptFlags.LowS |
        ScriptFlags.NullDummy | ScriptFlags.Witness | ScriptFlags.CleanStack | ScriptFlags.NullFail | ScriptFlags.WitnessPubKeyType |
        ScriptFlags.CheckLockTimeVerify | ScriptFlags.CheckSequenceVerify;

    internal sealed class Wallet
    {
        public readonly ECPrivKey Key;
        public readonly byte[] PubKey = new byte[33];

        public Wallet(byte seed)
        {
            byte[] k = new byte[32];
            k[0] = 0x33;
            k[31] = seed;
            Key = ECPrivKey.Create(k);
            Key.CreatePubKey().WriteToSpan(true, PubKey, out _);
        }

        public byte[] Hash160 => Ripemd160.Hash(Sha256.Hash(PubKey));

        public byte[] P2pkh => [Op.Dup, Op.Hash160, 20, .. Hash160, Op.EqualVerify, Op.CheckSig];

        public byte[] P2wpkh => [Op.Zero, 20, .. Hash160];

        public byte[] Sign(Hash32 sighash)
        {
            byte[] h = sighash.ToArray();
            Assert.True(Key.TrySignECDSA(h, out SecpECDSASignature? sig));
            byte[] der = new byte[80];
            sig!.WriteDerToSpan(der, out int len);
            der[len] = SigHash.All;
            return der.AsSpan(0, len + 1).ToArray();
        }
    }

    internal static readonly Wallet Alice = new(1), Bob = new(2), Miner = new(3);

    internal static BtcTransaction Coinbase(int height, long value, byte[] script)
    {
        BtcTransaction tx = new();
        tx.Inputs.Add(new TxIn { PrevOut = OutPoint.Null, ScriptSig = [0x03, (byte)height, (byte)(height >> 8), 0] });
        tx.Outputs.Add(new TxOut { Value = value, ScriptPubKey = script });
        return tx;
    }

    internal static BtcBlock Block(Hash32 prev, params BtcTransaction[] txs)
    {
        BtcBlock b = new() { Header = new BtcBlockHeader { PrevBlock = prev, Time = 1_700_000_000 } };
        b.Transactions.AddRange(txs);
        b.Header.MerkleRoot = b.ComputeMerkleRoot(out _);
        return b;
    }

    internal sealed class Chain
    {
        public readonly MemoryKeyValueStore Backing = new();
        public readonly CoinsStore Store;
        public readonly CoinsViewCache View;
        public readonly BlockConnector Connector = new(ReferenceScriptCrypto.Production, Flags);
        public readonly List<(BtcBlock Block, BlockUndo Undo)> Blocks = new();

        public Chain()
        {
            Store = new CoinsStore(Backing);
            View = new CoinsViewCache(Store);
        }

        public int Height => Blocks.Count;

        public Hash32 Tip => Blocks.Count == 0 ? Hash32.Zero : Blocks[^1].Block.Header.Hash;

        public string? TryConnect(BtcBlock b)
        {
            BlockUndo? undo = Connector.Connect(b, Height, View, out string? error);
            if (undo != null) Blocks.Add((b, BlockUndo.Parse(undo.Serialize())));
            return error;
        }
    }

    internal static BtcTransaction Spend(OutPoint from, byte[] prevScript, long prevValue, Wallet signer, params TxOut[] outputs)
    {
        BtcTransaction tx = new() { Version = 2 };
        tx.Inputs.Add(new TxIn { PrevOut = from });
        tx.Outputs.AddRange(outputs);
        if (ScriptReader.IsWitnessProgram(prevScript, out _, out _))
        {
            byte[] scriptCode = [Op.Dup, Op.Hash160, 20, .. signer.Hash160, Op.EqualVerify, Op.CheckSig];
            byte[] sig = signer.Sign(SigHash.WitnessV0(tx, 0, scriptCode, prevValue, SigHash.All));
            tx.Inputs[0].Witness = [sig, signer.PubKey];
        }
        else
        {
            byte[] sig = signer.Sign(SigHash.Legacy(tx, 0, prevScript, SigHash.All));
            tx.Inputs[0].ScriptSig = [.. ScriptReader.PushOf(sig), .. ScriptReader.PushOf(signer.PubKey)];
        }
        return tx;
    }

    [Fact]
    public void ConnectSpendDisconnectAndPersist()
    {
        Chain c = new();
        BtcTransaction cb0 = Coinbase(0, BlockConnector.Subsidy(0), Alice.P2pkh);
        Assert.Null(c.TryConnect(Block(c.Tip, cb0)));
        for (int h = 1; h <= 100; h++) Assert.Null(c.TryConnect(Block(c.Tip, Coinbase(h, 1000, Miner.P2pkh))));

        OutPoint aliceCoin = new(cb0.TxId, 0);
        BtcTransaction pay = Spend(aliceCoin, Alice.P2pkh, 50_0000_0000, Alice,
            new TxOut { Value = 30_0000_0000, ScriptPubKey = Bob.P2wpkh }, new TxOut { Value = 19_0000_0000, ScriptPubKey = Alice.P2pkh },
            new TxOut { Value = 0, ScriptPubKey = [Op.Return, 4, 1, 2, 3, 4] });
        Assert.Equal("bad-cb-amount", c.TryConnect(Block(c.Tip, Coinbase(101, BlockConnector.Subsidy(101) + 1_0000_0001, Miner.P2pkh), pay)));
        Assert.True(c.View.TryGetCoin(aliceCoin, out _)); // failed connect left the view untouched
        Assert.Null(c.TryConnect(Block(c.Tip, Coinbase(101, BlockConnector.Subsidy(101) + 1_0000_0000, Miner.P2pkh), pay)));
        Assert.False(c.View.TryGetCoin(aliceCoin, out _));
        Assert.False(c.View.TryGetCoin(new OutPoint(pay.TxId, 2), out _)); // OP_RETURN never enters the set

        OutPoint bobCoin = new(pay.TxId, 0);
        BtcTransaction bobPays = Spend(bobCoin, Bob.P2wpkh, 30_0000_0000, Bob, new TxOut { Value = 29_9999_0000, ScriptPubKey = Alice.P2wpkh });
        Assert.NotEqual(bobPays.TxId, bobPays.WTxId);
        Assert.Null(c.TryConnect(Block(c.Tip, Coinbase(102, BlockConnector.Subsidy(102), Miner.P2pkh), bobPays)));
        Assert.True(c.View.TryGetCoin(new OutPoint(bobPays.TxId, 0), out Coin? got));
        Assert.Equal(29_9999_0000, got!.Output.Value);

        // Double spend of Bob's coin in the next block is rejected.
        Assert.Equal("bad-txns-inputs-missingorspent", c.TryConnect(Block(c.Tip, Coinbase(103, 1, Miner.P2pkh), bobPays)));

        c.View.Flush();
        CoinsViewCache reopened = new(new CoinsStore(c.Backing));
        Assert.True(reopened.TryGetCoin(new OutPoint(bobPays.TxId, 0), out _));

        // Disconnect 102 and 101: Alice's original coinbase coin is back, the new coins are gone.
        for (int k = 0; k < 2; k++)
        {
            (BtcBlock b, BlockUndo u) = c.Blocks[^1];
            Assert.True(BlockConnector.Disconnect(b, u, c.View, out string? err), err);
            c.Blocks.RemoveAt(c.Blocks.Count - 1);
        }
        Assert.True(c.View.TryGetCoin(aliceCoin, out Coin? restored));
        Assert.True(restored!.IsCoinbase);
        Assert.False(c.View.TryGetCoin(bobCoin, out _));
        c.View.Flush();
        Assert.True(new CoinsStore(c.Backing).TryGetCoin(aliceCoin, out _));
    }

    [Fact]
    public void BlockRulesAreEnforcedWithReasons()
    {
        Chain c = new();
        BtcTransaction cb0 = Coinbase(0, BlockConnector.Subsidy(0), Alice.P2pkh);
        Assert.Null(c.TryConnect(Block(c.Tip, cb0)));
        OutPoint coin = new(cb0.TxId, 0);
        BtcTransaction early = Spend(coin, Alice.P2pkh, 50_0000_0000, Alice, new TxOut { Value = 1, ScriptPubKey = Bob.P2pkh });
        Assert.Equal("bad-txns-premature-spend-of-coinbase", c.TryConnect(Block(c.Tip, Coinbase(1, 1, Miner.P2pkh), early)));
        for (int h = 1; h <= 100; h++) Assert.Null(c.TryConnect(Block(c.Tip, Coinbase(h, 1, Miner.P2pkh))));

        BtcTransaction stolen = Spend(coin, Alice.P2pkh, 50_0000_0000, Bob, new TxOut { Value = 1, ScriptPubKey = Bob.P2pkh });
        Assert.Equal("mandatory-script-verify-flag-failed (EQUALVERIFY)", c.TryConnect(Block(c.Tip, Coinbase(101, 1, Miner.P2pkh), stolen)));
        BtcTransaction over = Spend(coin, Alice.P2pkh, 50_0000_0000, Alice, new TxOut { Value = 51_0000_0000, ScriptPubKey = Bob.P2pkh });
        Assert.Equal("bad-txns-in-belowout", c.TryConnect(Block(c.Tip, Coinbase(101, 1, Miner.P2pkh), over)));

        BtcBlock badRoot = Block(c.Tip, Coinbase(101, 1, Miner.P2pkh));
        badRoot.Header.MerkleRoot = Hash32.Zero;
        Assert.Equal("bad-txnmrklroot", c.TryConnect(badRoot));
        Assert.Equal("bad-cb-missing", c.TryConnect(Block(c.Tip, early)));
        Assert.True(c.View.TryGetCoin(coin, out _));
    }

    [Fact]
    public void MalformedBlocksAndUndoRecordsFailCleanly()
    {
        BtcBlock b = Block(Hash32.Zero, Coinbase(5, 7, Alice.P2pkh), Spend(new OutPoint(Hash32.Zero, 1), Alice.P2pkh, 1, Alice, new TxOut { Value = 1, ScriptPubKey = Bob.P2wpkh }));
        byte[] blockBytes = b.Serialize();
        BlockUndo undo = new();
        undo.SpentByTransaction.Add([new Coin(new TxOut { Value = 5, ScriptPubKey = Alice.P2pkh }, 3, true)]);
        byte[] undoBytes = undo.Serialize();
        Assert.Equal(Convert.ToHexString(blockBytes), Convert.ToHexString(BtcBlock.Parse(blockBytes).Serialize()));
        Random rng = new(12);
        for (int i = 0; i < 10_000; i++)
        {
            byte[] src = i % 2 == 0 ? blockBytes : undoBytes;
            byte[] m = (byte[])src.Clone();
            for (int e = rng.Next(1, 4); e > 0; e--) m[rng.Next(m.Length)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) m = m.AsSpan(0, rng.Next(m.Length)).ToArray();
            try
            {
                if (i % 2 == 0) BlockConnector.CheckBlock(BtcBlock.Parse(m));
                else BlockUndo.Parse(m);
            }
            catch (BitcoinFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Reason));
            }
        }
    }

    [Fact]
    public void MutatedBlocksNeverThrowWhenConnectedAndLeaveTheViewUnchanged()
    {
        Chain c = new();
        BtcTransaction cb0 = Coinbase(0, BlockConnector.Subsidy(0), Alice.P2pkh);
        Assert.Null(c.TryConnect(Block(c.Tip, cb0)));
        for (int h = 1; h <= 100; h++) Assert.Null(c.TryConnect(Block(c.Tip, Coinbase(h, 1, Miner.P2pkh))));
        BtcTransaction pay = Spend(new OutPoint(cb0.TxId, 0), Alice.P2pkh, 50_0000_0000, Alice, new TxOut { Value = 49_0000_0000, ScriptPubKey = Bob.P2wpkh });
        byte[] good = Block(c.Tip, Coinbase(101, BlockConnector.Subsidy(101), Miner.P2pkh), pay).Serialize();
        c.View.Flush();
        Random rng = new(13);
        int connected = 0, rejected = 0;
        for (int i = 0; i < 400; i++)
        {
            byte[] m = (byte[])good.Clone();
            m[80 + rng.Next(m.Length - 80)] ^= (byte)rng.Next(1, 256);
            BtcBlock block;
            try
            {
                block = BtcBlock.Parse(m);
            }
            catch (BitcoinFormatException)
            {
                continue;
            }
            block.Header.MerkleRoot = block.ComputeMerkleRoot(out _); // get past the merkle check to reach deeper rules
            BlockUndo? undo = c.Connector.Connect(block, 101, c.View, out string? error);
            if (undo == null)
            {
                rejected++;
                Assert.False(string.IsNullOrEmpty(error));
                Assert.True(c.View.TryGetCoin(new OutPoint(cb0.TxId, 0), out _));
            }
            else
            {
                connected++;
                Assert.True(BlockConnector.Disconnect(block, undo, c.View, out string? why), why);
            }
        }
        Assert.True(rejected > 0);
    }
}
