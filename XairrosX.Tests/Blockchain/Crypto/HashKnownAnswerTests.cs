using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class HashKnownAnswerTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256NistExamples(string message, string expected) => Assert.Equal(expected, HexCodec.ToHex(Sha256.Hash(Ascii(message))));

    [Fact]
    public void Sha256MillionA()
    {
        var hasher = new Sha256();
        byte[] chunk = new byte[1000];
        chunk.AsSpan().Fill((byte)'a');
        for (int i = 0; i < 1000; i++) hasher.Append(chunk);
        byte[] digest = new byte[32];
        hasher.Finish(digest);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", HexCodec.ToHex(digest));
    }

    [Theory]
    [InlineData("", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")]
    [InlineData("abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")]
    public void Sha512NistExamples(string message, string expected) => Assert.Equal(expected, HexCodec.ToHex(Sha512.Hash(Ascii(message))));

    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    public void Ripemd160Examples(string message, string expected) => Assert.Equal(expected, HexCodec.ToHex(Ripemd160.Hash(Ascii(message))));

    [Fact]
    public void Blake2KnownAnswersFromReferenceKat()
    {
        using JsonDocument kat = JsonDocument.Parse(System.IO.File.ReadAllBytes(SharedVectors.Path("BLAKE2__BLAKE2", "testvectors", "blake2-kat.json")));
        int checkedCount = 0;
        foreach (JsonElement entry in kat.RootElement.EnumerateArray())
        {
            string kind = entry.GetProperty("hash").GetString()!;
            if (kind != "blake2b" && kind != "blake2s") continue;
            byte[] input = HexCodec.Parse(entry.GetProperty("in").GetString());
            byte[] key = HexCodec.Parse(entry.GetProperty("key").GetString());
            string expected = entry.GetProperty("out").GetString()!;
            byte[] actual = kind == "blake2b"
                ? Blake2b.Hash(input, expected.Length / 2, key)
                : Blake2s.Hash(input, expected.Length / 2, key);
            Assert.Equal(expected, HexCodec.ToHex(actual));
            checkedCount++;
        }
        Assert.Equal(1024, checkedCount);
    }

    [Fact]
    public void Blake2RejectsBadLengths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2b(0, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2b(65, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2s(16, new byte[33]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Blake2s.Hash([], new byte[33]));
        Assert.Throws<InvalidOperationException>(() => default(Blake2b).Append([1]));
        Assert.Throws<InvalidOperationException>(() => default(Sha256).Append([1]));
        Assert.Throws<ArgumentException>(() => Sha512.Hash([], new byte[63]));
    }

    [Fact]
    public void Sha256DoubleHashIsHashOfHash()
    {
        byte[] once = Sha256.Hash(Ascii("hello"));
        byte[] twice = new byte[32];
        Sha256.HashTwice(Ascii("hello"), twice);
        Assert.Equal(Sha256.Hash(once), twice);
        Assert.Equal("9595c9df90075148eb06860365df33584b75bff782a510c6cd4883a419833d50", HexCodec.ToHex(twice));
    }

    private static int s_hookCalls;

    [UnmanagedCallersOnly]
    private static unsafe void CountingBlockFunction(uint* state, byte* blocks, nuint count)
    {
        Interlocked.Increment(ref s_hookCalls);
        Sha256Compression.CompressScalar(new Span<uint>(state, 8), new ReadOnlySpan<byte>(blocks, checked((int)count * 64)));
    }

    [Fact]
    public unsafe void Sha256BlockFunctionHookIsUsedWhenSet()
    {
        Sha256Compression.AcceleratedBlockFunction = &CountingBlockFunction;
        try
        {
            int before = Volatile.Read(ref s_hookCalls);
            Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexCodec.ToHex(Sha256.Hash(Ascii("abc"))));
            Assert.True(Volatile.Read(ref s_hookCalls) > before);
        }
        finally
        {
            Sha256Compression.AcceleratedBlockFunction = null;
        }
    }
}
