using System;
using XairrosX.Blockchain.Rlp;
using Xunit;

namespace XairrosX.Tests.Blockchain.Rlp;

public class RlpFuzzTests
{
    [Fact]
    public void RandomBytesDecodeOrThrowRlpExceptionOnly()
    {
        Random rng = new(1234);
        int valid = 0;
        for (int i = 0; i < 50_000; i++)
        {
            byte[] data = new byte[rng.Next(0, 40)];
            rng.NextBytes(data);
            if (TryDecode(data, out RlpItem? item))
            {
                valid++;
                // A decode is only valid if it is canonical: re-encoding gives the same bytes.
                Assert.Equal(TestHex.ToHex(data), TestHex.ToHex(item!.Encode()));
            }
        }
        Assert.True(valid > 0);
    }

    [Fact]
    public void MutatedValidEncodingsDecodeOrThrowRlpExceptionOnly()
    {
        Random rng = new(99);
        for (int i = 0; i < 5_000; i++)
        {
            byte[] data = RandomItem(rng, 0).Encode();
            byte[] mutated = (byte[])data.Clone();
            int edits = rng.Next(1, 4);
            for (int e = 0; e < edits; e++) mutated[rng.Next(mutated.Length)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) mutated = mutated.AsSpan(0, rng.Next(mutated.Length)).ToArray();
            if (TryDecode(mutated, out RlpItem? item)) Assert.Equal(TestHex.ToHex(mutated), TestHex.ToHex(item!.Encode()));
            Assert.Equal(TestHex.ToHex(data), TestHex.ToHex(RlpItem.Decode(data).Encode()));
        }
    }

    private static bool TryDecode(byte[] data, out RlpItem? item)
    {
        try
        {
            item = RlpItem.Decode(data);
            Assert.True(XairrosX.Blockchain.Rlp.Rlp.IsValid(data));
            return true;
        }
        catch (RlpException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Reason));
            Assert.False(XairrosX.Blockchain.Rlp.Rlp.IsValid(data));
            item = null;
            return false;
        }
    }

    private static RlpItem RandomItem(Random rng, int depth)
    {
        if (depth < 3 && rng.Next(3) == 0)
        {
            RlpItem[] items = new RlpItem[rng.Next(0, 5)];
            for (int i = 0; i < items.Length; i++) items[i] = RandomItem(rng, depth + 1);
            return RlpItem.List(items);
        }
        byte[] b = new byte[rng.Next(3) == 0 ? rng.Next(50, 80) : rng.Next(0, 3)];
        rng.NextBytes(b);
        return RlpItem.String(b);
    }
}
