using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;
using XairrosX.Kernel.Shell.Commands;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>
/// One boot running the crypto and ledger shell commands; expected outputs are computed here on the host by the
/// same library (the kernel must agree with the JIT-compiled library byte for byte), plus one malformed input per
/// command family, which must give one "error:" line and leave the shell running.
/// </summary>
public sealed class CryptoShellFixture : IAsyncLifetime
{
    public static readonly byte[] Secret = HexCodec.Parse("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
    public static readonly byte[] MessageHash = Sha256.Hash("integration"u8);
    public static readonly byte[] Aux = Sha256.Hash("aux"u8);
    public static readonly string[] Leaves = new[] { "01", "02", "03" }.Select(s => HexCodec.ToHex(Sha256.Hash(HexCodec.Parse(s)))).ToArray();
    public static readonly Address Recipient = Address.Parse("00000000000000000000000000000000000000aa");
    public static readonly byte[] Transfer = XairrosX.Kernel.SelfTests.Cases.LedgerCases.SignTransfer(DevChain.DevSecret(1), 0, Recipient, 12345UL);

    public BootTranscript Transcript { get; private set; } = null!;

    /// <summary>The commands, in order; each is typed once.</summary>
    public static IReadOnlyList<string> Commands()
    {
        string sig = HexCodec.ToHex(EcdsaSignature());
        string schnorr = HexCodec.ToHex(SchnorrSignature());
        string pub = HexCodec.ToHex(CompressedPublicKey());
        string xOnly = pub.Substring(2);
        string hash = HexCodec.ToHex(MessageHash), aux = HexCodec.ToHex(Aux), sk = HexCodec.ToHex(Secret);
        return
        [
            "hash sha256 616263", "hash sha512 616263", "hash sha3-256 ''", "hash sha3-512 00ff", "hash keccak256", "hash blake2b 616263",
            "hash blake2s 616263", "hash ripemd160 616263", "hash md5 00", "hash sha256 abc", "hash sha256 zz",
            $"secp256k1 pub {sk}", "secp256k1 pub " + new string('0', 64), $"secp256k1 sign {sk} {hash}",
            $"secp256k1 verify {pub} {hash} {sig}", $"secp256k1 verify {pub} {HexCodec.ToHex(Sha256.Hash(MessageHash))} {sig}",
            $"secp256k1 verify 05{xOnly} {hash} {sig}", $"secp256k1 sign {sk} {hash[..62]}",
            $"schnorr sign {sk} {hash} {aux}", $"schnorr verify {xOnly} {hash} {schnorr}", $"schnorr verify {xOnly} {aux} {schnorr}",
            $"schnorr verify {xOnly} {hash} {schnorr[..126]}",
            $"merkle {string.Join(' ', Leaves)}", $"merkle {Leaves[0]}", "merkle 00",
            "rlp decode c88363617483646f67", "rlp decode 8100",
            "trie put 646f 76657262", "trie put 646f67 7075707079", "trie put 646f6765 636f696e", "trie root", "trie proof 646f67",
            "trie proof 6361", "trie del 6361", "trie del 646f", "trie root",
            "chain tx 00", "chain init", $"chain tx {HexCodec.ToHex(Transfer)}", "chain tx 02c0", "chain mempool", "chain mine",
            $"chain balance {HexCodec.ToHex(Recipient.ToArray())}", "chain block 1", "chain block 7",
            "echo crypto-shell-done",
        ];
    }

    public async Task InitializeAsync() =>
        Transcript = await QemuSession.RunAsync(string.Join('\n', Commands()) + "\nshutdown\n", timeoutSeconds: 240);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The lines a command printed: between its echoed prompt line and the next prompt.</summary>
    public IReadOnlyList<string> OutputOf(string command, bool lastOccurrence = false)
    {
        string text = Transcript.Text;
        string marker = "xairrosx> " + command + "\n";
        int at = lastOccurrence ? text.LastIndexOf(marker, StringComparison.Ordinal) : text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"command not echoed: {command}\n{text}");
        int start = at + marker.Length;
        int end = text.IndexOf("xairrosx> ", start, StringComparison.Ordinal);
        string block = end < 0 ? text[start..] : text[start..end];
        return block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static byte[] CompressedPublicKey()
    {
        byte[] pub = new byte[33];
        Secp256k1.TryGetPublicKey(Secret, pub);
        return pub;
    }

    public static byte[] EcdsaSignature()
    {
        byte[] sig = new byte[64];
        Secp256k1Ecdsa.TrySign(Secret, MessageHash, sig, out _);
        return sig;
    }

    public static byte[] SchnorrSignature()
    {
        byte[] sig = new byte[64];
        Bip340Schnorr.TrySign(Secret, MessageHash, Aux, sig);
        return sig;
    }
}

[Collection("qemu")]
public class CryptoShellTests(CryptoShellFixture session) : IClassFixture<CryptoShellFixture>
{
    private void Expect(string command, params string[] lines) => Assert.Equal(lines, session.OutputOf(command));

    private void ExpectError(string command) =>
        Assert.Matches(@"^error: \S.*$", Assert.Single(session.OutputOf(command)));

    private static string Hex(byte[] b) => HexCodec.ToHex(b);

    [Fact]
    public void SessionCompletesAndPowersOff()
    {
        Assert.False(session.Transcript.TimedOut, session.Transcript.Text);
        Assert.Equal(0, session.Transcript.ExitCode);
        Assert.Contains("crypto-shell-done", session.Transcript.Text);
    }

    [Fact]
    public void HashCommandsMatchTheLibrary()
    {
        Expect("hash sha256 616263", Hex(Sha256.Hash("abc"u8)));
        Expect("hash sha512 616263", Hex(Sha512.Hash("abc"u8)));
        Expect("hash sha3-256 ''", Hex(Sha3_256.Hash([])));
        Expect("hash sha3-512 00ff", Hex(Sha3_512.Hash([0x00, 0xff])));
        Expect("hash keccak256", Hex(Keccak256.Hash([])));
        Expect("hash blake2b 616263", Hex(Blake2b.Hash("abc"u8)));
        Expect("hash blake2s 616263", Hex(Blake2s.Hash("abc"u8)));
        Expect("hash ripemd160 616263", Hex(Ripemd160.Hash("abc"u8)));
        ExpectError("hash md5 00");
        ExpectError("hash sha256 abc");
        ExpectError("hash sha256 zz");
    }

    [Fact]
    public void Secp256k1CommandsMatchTheLibrary()
    {
        string sk = Hex(CryptoShellFixture.Secret), hash = Hex(CryptoShellFixture.MessageHash);
        string pub = Hex(CryptoShellFixture.CompressedPublicKey()), sig = Hex(CryptoShellFixture.EcdsaSignature());
        Expect($"secp256k1 pub {sk}", pub);
        Expect($"secp256k1 sign {sk} {hash}", sig);
        Expect($"secp256k1 verify {pub} {hash} {sig}", "valid");
        Expect($"secp256k1 verify {pub} {Hex(Sha256.Hash(CryptoShellFixture.MessageHash))} {sig}", "invalid");
        ExpectError("secp256k1 pub " + new string('0', 64));
        ExpectError($"secp256k1 verify 05{pub[2..]} {hash} {sig}");
        ExpectError($"secp256k1 sign {sk} {hash[..62]}");
    }

    [Fact]
    public void SchnorrCommandsMatchTheLibrary()
    {
        string sk = Hex(CryptoShellFixture.Secret), hash = Hex(CryptoShellFixture.MessageHash), aux = Hex(CryptoShellFixture.Aux);
        string xOnly = Hex(CryptoShellFixture.CompressedPublicKey())[2..], sig = Hex(CryptoShellFixture.SchnorrSignature());
        Expect($"schnorr sign {sk} {hash} {aux}", sig);
        Expect($"schnorr verify {xOnly} {hash} {sig}", "valid");
        Expect($"schnorr verify {xOnly} {aux} {sig}", "invalid");
        ExpectError($"schnorr verify {xOnly} {hash} {sig[..126]}");
    }

    [Fact]
    public void MerkleCommandMatchesTheLibrary()
    {
        string[] leaves = CryptoShellFixture.Leaves;
        byte[] root = new byte[32];
        BitcoinMerkle.TryComputeRoot(HexCodec.Parse(string.Concat(leaves)), root);
        Expect($"merkle {string.Join(' ', leaves)}", Hex(root));
        Expect($"merkle {leaves[0]}", leaves[0]);
        ExpectError("merkle 00");
    }

    [Fact]
    public void RlpAndTrieCommandsMatchTheLibrary()
    {
        Expect("rlp decode c88363617483646f67", RlpItem.Decode(HexCodec.Parse("c88363617483646f67")).ToString());
        ExpectError("rlp decode 8100");
        var trie = new PatriciaTrie();
        trie.Put("do"u8, "verb"u8);
        Expect("trie put 646f 76657262", "root " + Hex(trie.RootHash.ToArray()));
        trie.Put("dog"u8, "puppy"u8);
        trie.Put("doge"u8, "coin"u8);
        Expect("trie root", Hex(trie.RootHash.ToArray()));
        Expect("trie proof 646f67", [.. trie.Prove("dog"u8).Select(n => "node " + Hex(n)), "value " + Hex("puppy"u8.ToArray())]);
        Assert.Equal("absent", session.OutputOf("trie proof 6361")[^1]);
        ExpectError("trie del 6361");
        trie.Delete("do"u8);
        Expect("trie del 646f", "root " + Hex(trie.RootHash.ToArray()));
        Assert.Equal([Hex(trie.RootHash.ToArray())], session.OutputOf("trie root", lastOccurrence: true));
    }

    [Fact]
    public void ChainCommandsRunASignedTransferThroughABlock()
    {
        ExpectError("chain tx 00");
        string hash = Hex(Keccak256.Hash(CryptoShellFixture.Transfer));
        Expect($"chain tx {Hex(CryptoShellFixture.Transfer)}", "accepted " + hash);
        ExpectError("chain tx 02c0");
        IReadOnlyList<string> pool = session.OutputOf("chain mempool");
        Assert.Equal("mempool 1 pending 1", pool[0]);
        Assert.StartsWith($"tx {hash} from {Hex(DevChain.AddressOf(DevChain.DevSecret(1)).ToArray())}", pool[1]);

        // The same chain run on the host must produce the block the kernel mined, byte for byte.
        var chain = new DevChain();
        Assert.True(chain.TrySubmit(CryptoShellFixture.Transfer, out _, out string? error), error);
        EthBlock block = chain.Mine();
        Assert.Equal($"genesis {Hex(new DevChain().Head.Hash.ToArray())} state {Hex(new DevChain().Head.Header.StateRoot.ToArray())}", session.OutputOf("chain init")[0]);
        Expect("chain mine", $"block 1 {Hex(block.Hash.ToArray())} txs 1 gas 21000");
        Expect($"chain balance {Hex(CryptoShellFixture.Recipient.ToArray())}", "balance 12345 nonce 0");
        IReadOnlyList<string> shown = session.OutputOf("chain block 1");
        Assert.Equal($"block 1 {Hex(block.Hash.ToArray())}", shown[0]);
        Assert.StartsWith($"tx {hash} ", shown[^1]);
        ExpectError("chain block 7");
    }
}
