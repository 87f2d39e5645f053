using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;
using Xunit;

namespace XairrosX.Tests.Blockchain.Bitcoin;

public class BitcoinFuzzTests
{
    private static readonly byte[] SampleTx = Convert.FromHexString(
        "0100000000010115e180dc28a2327e687facc33f10f2a20da717e5548406f7ae8b4c811072f8560100000000ffffffff0100b4f505000000001976a9141d7cd6c75c2e86f4cbf98eaed221b30bd9a0b92888ac02483045022100df7b7e5cda14ddf91290e02ea10786e03eb11ee36ec02dd862fe9a326bbcb7fd02203f5b4496b667e6e281cc654a2da9e4f08660c620a1051337fa8965f727eb19190121038262a6c6cec93c2d3ecd6c6072efea86d02ff8e3328bbd0242b20af3425990ac00000000");

    [Fact]
    public void MutatedTransactionsParseOrThrowBitcoinFormatExceptionOnly()
    {
        Random rng = new(4);
        Assert.Equal(Convert.ToHexString(SampleTx), Convert.ToHexString(BtcTransaction.Parse(SampleTx).Serialize()));
        int parsed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] m = (byte[])SampleTx.Clone();
            for (int e = rng.Next(1, 4); e > 0; e--) m[rng.Next(m.Length)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) m = m.AsSpan(0, rng.Next(m.Length)).ToArray();
            try
            {
                BtcTransaction tx = BtcTransaction.Parse(m);
                parsed++;
                TransactionChecks.Check(tx);
                Assert.Equal(Convert.ToHexString(m), Convert.ToHexString(tx.Serialize()));
            }
            catch (BitcoinFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Reason));
            }
        }
        Assert.True(parsed > 0);
    }

    [Fact]
    public void RandomScriptsNeverThrow()
    {
        Random rng = new(9);
        BtcTransaction credit = ScriptTestsVectorTests.Credit([0x51], 1000);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] sig = new byte[rng.Next(0, 30)], pub = new byte[rng.Next(0, 30)];
            rng.NextBytes(sig);
            rng.NextBytes(pub);
            // Bias towards real opcodes and small pushes so that evaluation gets somewhere.
            for (int k = 0; k < pub.Length; k++) if (rng.Next(2) == 0) pub[k] = (byte)rng.Next(0x4f, 0xba);
            byte[][] witness = rng.Next(4) == 0 ? [new byte[rng.Next(0, 4)], pub] : [];
            BtcTransaction spend = ScriptTestsVectorTests.Spend(sig, witness, credit);
            TransactionSignatureChecker checker = new(spend, 0, 1000, ReferenceScriptCrypto.Instance);
            ScriptFlags flags = (ScriptFlags)(uint)rng.Next(0, 1 << 17);
            if ((flags & ScriptFlags.CleanStack) != 0) flags |= ScriptFlags.P2SH | ScriptFlags.Witness;
            if ((flags & ScriptFlags.Witness) != 0) flags |= ScriptFlags.P2SH;
            ScriptError e = ScriptVerifier.Verify(sig, pub, witness, flags, checker);
            Assert.True(Enum.IsDefined(e));
        }
    }
}
