using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Consensus;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Consensus;

public class ProofOfWorkTests
{
    [Theory]
    [InlineData(0x01123456u, "12", 0x01120000u)]
    [InlineData(0x02123456u, "1234", 0x02123400u)]
    [InlineData(0x03123456u, "123456", 0x03123456u)]
    [InlineData(0x04123456u, "12345600", 0x04123456u)]
    [InlineData(0x05009234u, "92340000", 0x05009234u)]
    [InlineData(0x20123456u, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456u)]
    public void CompactEncodingMatchesCore(uint bits, string hex, uint reencoded)
    {
        Assert.True(CompactTarget.TryDecode(bits, out UInt256 target));
        Assert.Equal(UInt256.Parse("0x" + hex), target);
        Assert.Equal(reencoded, CompactTarget.Encode(target));
    }

    [Theory]
    [InlineData(0x04923456u)] // negative
    [InlineData(0xff123456u)] // overflow
    [InlineData(0x01003456u)] // shifts to zero
    public void InvalidCompactTargetsAreRejected(uint bits) => Assert.False(CompactTarget.TryDecode(bits, out _));

    [Theory] // Bitcoin Core pow_tests.cpp
    [InlineData(1261130161L, 1262152739L, 0x1d00ffffu, 0x1d00d86au)]
    [InlineData(1231006505L, 1233061996L, 0x1d00ffffu, 0x1d00ffffu)]
    [InlineData(1279008237L, 1279297671L, 0x1c05a3f4u, 0x1c0168fdu)]
    [InlineData(1263163443L, 1269211443L, 0x1c387f6fu, 0x1d00e1fdu)]
    public void RetargetMatchesCore(long first, long last, uint bits, uint expected) =>
        Assert.Equal(expected, ProofOfWork.NextBits(bits, first, last, PowParameters.Mainnet));

    [Fact]
    public void BitcoinGenesisHeaderMeetsItsTarget()
    {
        BtcBlockHeader genesis = new()
        {
            Version = 1, PrevBlock = Hash32.Zero,
            MerkleRoot = Display("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"),
            Time = 1231006505, Bits = 0x1d00ffff, Nonce = 2083236893,
        };
        Assert.Equal(Display("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"), genesis.Hash);
        Assert.True(ProofOfWork.Check(genesis.Hash, genesis.Bits, PowParameters.Mainnet));
        genesis.Nonce++;
        Assert.False(ProofOfWork.Check(genesis.Hash, genesis.Bits, PowParameters.Mainnet));
        Assert.False(ProofOfWork.Check(Hash32.Zero, 0x207fffff, PowParameters.Mainnet)); // easier than the limit
    }

    [Fact]
    public void MiningAndRetargetingOnASmallChain()
    {
        PowParameters p = new(0x1f7fffff, 10, 8); // at 0x207fffff target × timespan would overflow 256 bits (Core disables retargeting there)
        List<BtcBlockHeader> chain = new();
        uint time = 1_000_000;
        for (int h = 0; h < 18; h++)
        {
            BtcBlockHeader header = new()
            {
                PrevBlock = h == 0 ? Hash32.Zero : chain[h - 1].Hash, Time = time,
                Bits = ProofOfWork.RequiredBits(chain, h, p),
            };
            Assert.True(ProofOfWork.TryMine(header, p, 1_000_000));
            Assert.True(ProofOfWork.Check(header.Hash, header.Bits, p));
            chain.Add(header);
            time += 2; // blocks come 5x too fast: difficulty must rise (target fall), clamped to 4x per period
        }
        CompactTarget.TryDecode(chain[7].Bits, out UInt256 t0);
        CompactTarget.TryDecode(chain[8].Bits, out UInt256 t1);
        CompactTarget.TryDecode(chain[16].Bits, out UInt256 t2);
        Assert.True(t1 < t0);
        Assert.True(t2 < t1);
        Assert.Equal(CompactTarget.Encode(UInt256.DivRem(t0, 4, out _)), chain[8].Bits);
    }

    private static Hash32 Display(string hex)
    {
        byte[] b = Convert.FromHexString(hex);
        Array.Reverse(b);
        return new Hash32(b);
    }
}
