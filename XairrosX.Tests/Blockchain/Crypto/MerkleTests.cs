using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using XairrosX.Blockchain.Crypto;
using Xunit;
using Sha256 = XairrosX.Blockchain.Crypto.Sha256;

namespace XairrosX.Tests.Blockchain.Crypto;

public class MerkleTests
{
    private static byte[] Reversed(string hex)
    {
        byte[] bytes = HexCodec.Parse(hex);
        Array.Reverse(bytes);
        return bytes;
    }

    [Fact]
    public void BitcoinBlock100000Root()
    {
        // Txids and root as block explorers display them (byte-reversed from the internal order hashed here).
        string[] txids =
        [
            "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
            "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
            "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
            "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
        ];
        byte[] leaves = new byte[32 * txids.Length];
        for (int i = 0; i < txids.Length; i++) Reversed(txids[i]).CopyTo(leaves, 32 * i);
        byte[] root = new byte[32];
        Assert.True(BitcoinMerkle.TryComputeRoot(leaves, root));
        Assert.Equal(Reversed("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766"), root);
    }

    [Fact]
    public void BitcoinRootMatchesReferenceDefinitionIncludingOddLevels()
    {
        var random = new Random(81);
        for (int count = 1; count <= 70; count++)
        {
            byte[] leaves = KeccakTests.RandomBytes(random, 32 * count);
            byte[] root = new byte[32];
            Assert.True(BitcoinMerkle.TryComputeRoot(leaves, root));
            Assert.Equal(ReferenceBitcoinRoot(leaves), root);
        }
        Assert.False(BitcoinMerkle.TryComputeRoot([], new byte[32]));
        Assert.False(BitcoinMerkle.TryComputeRoot(new byte[33], new byte[32]));
        Assert.Throws<ArgumentException>(() => BitcoinMerkle.ComputeRootOfData([]));
    }

    /// <summary>The definition, written independently with the BCL's SHA-256 (OpenSSL) as the hash.</summary>
    private static byte[] ReferenceBitcoinRoot(byte[] leaves)
    {
        var level = new List<byte[]>();
        for (int i = 0; i < leaves.Length; i += 32) level.Add(leaves[i..(i + 32)]);
        while (level.Count > 1)
        {
            if (level.Count % 2 == 1) level.Add(level[^1]);
            var next = new List<byte[]>();
            for (int i = 0; i < level.Count; i += 2) next.Add(SHA256.HashData(SHA256.HashData([.. level[i], .. level[i + 1]])));
            level = next;
        }
        return level[0];
    }

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [InlineData(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Rfc6962TestTreeRoots(int size, string expected)
    {
        string[] inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
        var leaves = new List<byte[]>();
        for (int i = 0; i < size; i++) leaves.Add(HexCodec.Parse(inputs[i]));
        Assert.Equal(expected, HexCodec.ToHex(new MerkleTree<Sha256>(leaves).Root));
    }

    [Fact]
    public void InclusionProofsVerifyAndTamperingIsRejected()
    {
        var random = new Random(82);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HexCodec.ToHex(new MerkleTree<Sha256>([]).Root));
        for (int size = 1; size <= 33; size++)
        {
            var leaves = new List<byte[]>();
            for (int i = 0; i < size; i++) leaves.Add(KeccakTests.RandomBytes(random, random.Next(8, 40)));
            var tree = new MerkleTree<Sha256>(leaves);
            for (int index = 0; index < size; index++)
            {
                byte[][] proof = tree.CreateProof(index);
                Assert.True(MerkleTree<Sha256>.VerifyProof(leaves[index], index, size, proof, tree.Root));
                Assert.False(MerkleTree<Sha256>.VerifyProof([.. leaves[index], 1], index, size, proof, tree.Root));
                if (size > 1)
                {
                    Assert.False(MerkleTree<Sha256>.VerifyProof(leaves[index], (index + 1) % size, size, proof, tree.Root));
                    byte[][] damaged = Array.ConvertAll(proof, p => (byte[])p.Clone());
                    damaged[random.Next(damaged.Length)][random.Next(32)] ^= 1;
                    Assert.False(MerkleTree<Sha256>.VerifyProof(leaves[index], index, size, damaged, tree.Root));
                    Assert.False(MerkleTree<Sha256>.VerifyProof(leaves[index], index, size, proof[..^1], tree.Root));
                }
            }
        }
        Assert.False(MerkleTree<Sha256>.VerifyProof([], -1, 1, [], new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MerkleTree<Keccak256>([[1]]).CreateProof(1));
    }
}
