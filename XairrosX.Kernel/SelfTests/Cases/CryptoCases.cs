using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using XairrosX.Blockchain.Crypto;
using XairrosX.Kernel.Crypto;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// The crypto library inside the kernel: known answers for every primitive (NIST FIPS 180-4 / FIPS 202 examples,
/// RFC 7693 and the BLAKE2 KAT files, BIP-340's CSV, Wycheproof ECDSA, AES-GCM and HMAC samples; sources named at each
/// table), the SHA-NI routine against the scalar code, the DRBG and RandomNumberGenerator, and sign/verify/recover
/// round trips on random keys from the kernel DRBG. Cases named "kernel" need the booted kernel's hardware.
/// </summary>
internal static class CryptoCases
{
    // FIPS 180-4 / FIPS 202 examples (NIST CSRC "Examples with Intermediate Values"), RFC 7693 appendices A and B,
    // the RIPEMD-160 authors' page, and Keccak-256 as Ethereum uses it (empty string = EthAccount's empty code hash).
    private const string Abc448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    private const string Abc896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    private static readonly (string Algorithm, string Message, string Digest)[] HashExamples =
    [
        ("sha256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("sha256", Abc448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("sha256", Abc896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        ("sha512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        ("sha512", Abc896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
        ("sha3-256", "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
        ("sha3-256", "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
        ("sha3-256", Abc448, "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376"),
        ("sha3-512", "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26"),
        ("sha3-512", "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0"),
        ("keccak256", "", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("keccak256", "abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        ("blake2b", "abc", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
        ("blake2s", "abc", "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"),
        ("ripemd160", "", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
        ("ripemd160", "abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        ("ripemd160", "message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
        ("ripemd160", Abc448, "12a053384a9c0c88e405a06c27dcf49ada62eb2b"),
    ];

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("crypto.hash_examples", t =>
        {
            foreach ((string algorithm, string message, string digest) in HashExamples)
                t.Equal(digest, HexCodec.ToHex(Shell.Commands.CryptoCommands.Digest(algorithm, Encoding.ASCII.GetBytes(message))), $"{algorithm}(\"{Clip(message)}\")");
        }),
        new("crypto.sha256_million_a", t =>
        {
            // FIPS 180-4 example: one million 'a', fed in uneven pieces through the incremental API.
            var hash = new Sha256();
            byte[] chunk = new byte[997];
            Array.Fill(chunk, (byte)'a');
            int left = 1_000_000;
            while (left > 0) { int n = Math.Min(left, chunk.Length); hash.Append(chunk.AsSpan(0, n)); left -= n; }
            byte[] digest = new byte[32];
            hash.Finish(digest);
            t.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", HexCodec.ToHex(digest), "SHA-256 of 10^6 'a'");
        }),
        new("crypto.blake2_keyed_kat", t =>
        {
            byte[] input = new byte[256];
            for (int i = 0; i < input.Length; i++) input[i] = (byte)i;
            byte[] key = new byte[64];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)i;
            foreach ((int length, string expected) in Blake2bKeyedKat)
                t.Equal(expected, HexCodec.ToHex(Blake2b.Hash(input.AsSpan(0, length), 64, key)), $"BLAKE2b keyed, {length} bytes");
            foreach ((int length, string expected) in Blake2sKeyedKat)
                t.Equal(expected, HexCodec.ToHex(Blake2s.Hash(input.AsSpan(0, length), 32, key.AsSpan(0, 32))), $"BLAKE2s keyed, {length} bytes");
        }),
        new("crypto.hmac_sha256_wycheproof", t =>
        {
            foreach ((int id, string key, string message, string tag) in WycheproofHmacSha256)
                t.Equal(tag, HexCodec.ToHex(Hmac<Sha256>.Compute(HexCodec.Parse(key), HexCodec.Parse(message))), $"tcId {id}");
        }),
        new("crypto.aes_gcm_wycheproof", t =>
        {
            foreach ((int id, string key, string iv, string aad, string message, string ciphertext, string tag, bool valid) in WycheproofAesGcm)
            {
                var gcm = new AesGcmCipher(HexCodec.Parse(key));
                byte[] plain = HexCodec.Parse(message), cipher = new byte[plain.Length], computedTag = new byte[16];
                gcm.Encrypt(HexCodec.Parse(iv), plain, cipher, computedTag, HexCodec.Parse(aad));
                bool matches = HexCodec.ToHex(cipher) == ciphertext && HexCodec.ToHex(computedTag) == tag;
                t.Equal(valid, matches, $"tcId {id} encryption");
                byte[] opened = new byte[plain.Length];
                t.Equal(valid, gcm.TryDecrypt(HexCodec.Parse(iv), HexCodec.Parse(ciphertext), HexCodec.Parse(tag), opened, HexCodec.Parse(aad)), $"tcId {id} decryption");
            }
        }),
        new("crypto.secp256k1_known_keys", t =>
        {
            // Secret 1 gives the generator G (SEC 2); secret n-1 gives -G.
            t.Equal("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", PublicKeyHex("0000000000000000000000000000000000000000000000000000000000000001"), "1·G");
            t.Equal("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", PublicKeyHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"), "(n-1)·G");
            t.True(!Secp256k1.IsValidSecretKey(new byte[32]), "zero secret rejected");
            t.True(!Secp256k1.IsValidSecretKey(HexCodec.Parse("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")), "secret n rejected");
        }),
        new("crypto.ecdsa_wycheproof", t =>
        {
            foreach ((int id, string publicKey, string message, string signature, bool valid) in WycheproofEcdsa)
            {
                bool parsed = Secp256k1PublicKey.TryParse(HexCodec.Parse(publicKey), out Secp256k1PublicKey key);
                bool verified = parsed && Secp256k1Ecdsa.Verify(key, Sha256.Hash(HexCodec.Parse(message)), HexCodec.Parse(signature), allowHighS: true);
                t.Equal(valid, verified, $"tcId {id}");
            }
        }),
        new("crypto.bip340_vectors", t =>
        {
            Span<byte> signature = stackalloc byte[64];
            Span<byte> xOnly = stackalloc byte[32];
            foreach (var v in Bip340Vectors)
            {
                byte[] message = HexCodec.Parse(v.Message);
                if (v.Secret.Length > 0)
                {
                    t.True(Bip340Schnorr.TryGetPublicKey(HexCodec.Parse(v.Secret), xOnly) && HexCodec.ToHex(xOnly) == v.Public, $"vector {v.Index} public key");
                    t.True(Bip340Schnorr.TrySign(HexCodec.Parse(v.Secret), message, HexCodec.Parse(v.Aux), signature) && HexCodec.ToHex(signature) == v.Signature, $"vector {v.Index} signature");
                }
                t.Equal(v.Valid, Bip340Schnorr.Verify(HexCodec.Parse(v.Public), message, HexCodec.Parse(v.Signature)), $"vector {v.Index} verification");
            }
        }),
        new("crypto.ecdsa_random_round_trips", t =>
        {
            // Differential in one implementation: sign, verify, recover and reject a flipped bit on 24 random keys.
            Span<byte> secret = stackalloc byte[32];
            Span<byte> hash = stackalloc byte[32];
            Span<byte> signature = stackalloc byte[64];
            Span<byte> expected = stackalloc byte[33];
            Span<byte> recovered = stackalloc byte[33];
            Span<byte> xOnly = stackalloc byte[32];
            for (int i = 0; i < 24; i++)
            {
                do RandomBytes(secret); while (!Secp256k1.IsValidSecretKey(secret));
                RandomBytes(hash);
                Secp256k1PublicKey.TryCreate(secret, out Secp256k1PublicKey key);
                key.WriteCompressed(expected);
                t.True(Secp256k1Ecdsa.TrySign(secret, hash, signature, out int recoveryId), $"#{i} sign");
                t.True(Secp256k1Ecdsa.IsLowS(signature), $"#{i} low S");
                t.True(Secp256k1Ecdsa.Verify(key, hash, signature), $"#{i} verify");
                t.True(Secp256k1Ecdsa.TryRecover(hash, signature, recoveryId, out Secp256k1PublicKey back), $"#{i} recover");
                back.WriteCompressed(recovered);
                t.True(recovered.SequenceEqual(expected), $"#{i} recovered key");
                hash[i % 32] ^= 1;
                t.True(!Secp256k1Ecdsa.Verify(key, hash, signature), $"#{i} tampered hash rejected");
                t.True(Bip340Schnorr.TrySign(secret, hash, secret, signature) && Bip340Schnorr.TryGetPublicKey(secret, xOnly)
                    && Bip340Schnorr.Verify(xOnly, hash, signature), $"#{i} schnorr round trip");
            }
        }),
        new("crypto.sha256_ni_matches_scalar", t =>
        {
            // The kernel's SHA-NI routine against the library's scalar code on random lengths (scalar-only CPUs:
            // the scalar path must still answer the FIPS example; the hook is left alone there).
            bool wasActive = Sha256Acceleration.Active;
            byte[] data = new byte[1500];
            Span<byte> fast = stackalloc byte[32];
            Span<byte> slow = stackalloc byte[32];
            try
            {
                // Availability follows CPUID as decoded at boot (on the host, where no boot ran, both are off).
                t.Equal((Boot.KernelEntry.CpuFeatures & XairrosX.Drivers.Platform.CpuFeature.Sha) != 0, Sha256Acceleration.Available, "SHA-NI availability matches CPUID");
                if (!Sha256Acceleration.Available)
                {
                    t.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexCodec.ToHex(Sha256.Hash("abc"u8)), "scalar SHA-256");
                    return;
                }
                for (int i = 0; i < 64; i++)
                {
                    RandomBytes(data);
                    int length = (int)(RandomUInt64() % (ulong)data.Length);
                    Sha256Acceleration.SetActive(true);
                    Sha256.Hash(data.AsSpan(0, length), fast);
                    Sha256Acceleration.SetActive(false);
                    Sha256.Hash(data.AsSpan(0, length), slow);
                    t.True(fast.SequenceEqual(slow), $"length {length}");
                }
            }
            finally { if (Sha256Acceleration.Available) Sha256Acceleration.SetActive(wasActive); }
        }),
        new("crypto.kernel_drbg_and_rng", t =>
        {
            t.True(KernelRandom.Seeded, $"DRBG seeded from {HardwareEntropy.SourceName} ({KernelRandom.Failure})");
            t.True(HardwareEntropy.StartupTest(out string failure), $"entropy health: {failure}");
            byte[] a = new byte[64], b = new byte[64];
            RandomNumberGenerator.Fill(a);
            RandomNumberGenerator.Fill(b);
            t.True(!a.AsSpan().SequenceEqual(b), "RandomNumberGenerator gives fresh bytes");
            t.True(Array.Exists(a, x => x != 0), "RandomNumberGenerator output is not all zero");
            t.True(Guid.NewGuid() != Guid.NewGuid(), "Guid.NewGuid through the PAL's secure source");
            ulong before = KernelRandom.Reseeds;
            Span<byte> small = stackalloc byte[8];
            for (ulong i = 0; i <= KernelRandom.ReseedInterval; i++) KernelRandom.Fill(small);
            t.True(KernelRandom.Reseeds > before, "the DRBG reseeds from hardware");
        }),
    ];

    private static string PublicKeyHex(string secret)
    {
        Span<byte> pub = stackalloc byte[33];
        return Secp256k1.TryGetPublicKey(HexCodec.Parse(secret), pub) ? HexCodec.ToHex(pub) : "(invalid)";
    }

    // The kernel DRBG when seeded; elsewhere (the host runs these cases too) a fixed-seed DRBG of the same kind.
    private static ChaCha20Drbg s_fallback;

    internal static void RandomBytes(Span<byte> destination)
    {
        if (KernelRandom.TryFill(destination)) return;
        s_fallback ??= new ChaCha20Drbg(Sha256.Hash("XairrosX selftest fallback seed"u8));
        s_fallback.Fill(destination);
    }

    private static ulong RandomUInt64()
    {
        Span<byte> b = stackalloc byte[8];
        RandomBytes(b);
        return BitConverter.ToUInt64(b);
    }

    private static string Clip(string s) => s.Length <= 12 ? s : s.Substring(0, 12) + "…";

    // BLAKE2/BLAKE2 testvectors/blake2b-kat.txt (keyed, key = 00..3f, input = 00 01 02 …): entries by input length
    private static readonly (int Length, string Hash)[] Blake2bKeyedKat =
    [
        (0, "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"),
        (1, "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd"),
        (2, "da2cfbe2d8409a0f38026113884f84b50156371ae304c4430173d08a99d9fb1b983164a3770706d537f49e0c916d9f32b95cc37a95b99d857436f0232c88a965"),
        (3, "33d0825dddf7ada99b0e7e307104ad07ca9cfd9692214f1561356315e784f3e5a17e364ae9dbb14cb2036df932b77f4b292761365fb328de7afdc6d8998f5fc1"),
        (31, "eba51acffb4cea31db4b8d87e9bf7dd48fe97b0253ae67aa580f9ac4a9d941f2bea518ee286818cc9f633f2a3b9fb68e594b48cdd6d515bf1d52ba6c85a203a7"),
        (32, "86221f3ada52037b72224f105d7999231c5e5534d03da9d9c0a12acb68460cd375daf8e24386286f9668f72326dbf99ba094392437d398e95bb8161d717f8991"),
        (63, "bd965bf31e87d70327536f2a341cebc4768eca275fa05ef98f7f1b71a0351298de006fba73fe6733ed01d75801b4a928e54231b38e38c562b2e33ea1284992fa"),
        (64, "65676d800617972fbd87e4b9514e1c67402b7a331096d3bfac22f1abb95374abc942f16e9ab0ead33b87c91968a6e509e119ff07787b3ef483e1dcdccf6e3022"),
        (65, "939fa189699c5d2c81ddd1ffc1fa207c970b6a3685bb29ce1d3e99d42f2f7442da53e95a72907314f4588399a3ff5b0a92beb3f6be2694f9f86ecf2952d5b41c"),
        (127, "76d2d819c92bce55fa8e092ab1bf9b9eab237a25267986cacf2b8ee14d214d730dc9a5aa2d7b596e86a1fd8fa0804c77402d2fcd45083688b218b1cdfa0dcbcb"),
        (128, "72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4"),
        (129, "64475dfe7600d7171bea0b394e27c9b00d8e74dd1e416a79473682ad3dfdbb706631558055cfc8a40e07bd015a4540dcdea15883cbbf31412df1de1cd4152b91"),
        (255, "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"),
    ];
    // BLAKE2/BLAKE2 testvectors/blake2s-kat.txt (keyed, key = 00..1f, input = 00 01 02 …)
    private static readonly (int Length, string Hash)[] Blake2sKeyedKat =
    [
        (0, "48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49"),
        (1, "40d15fee7c328830166ac3f918650f807e7e01e177258cdc0a39b11f598066f1"),
        (2, "6bb71300644cd3991b26ccd4d274acd1adeab8b1d7914546c1198bbe9fc9d803"),
        (3, "1d220dbe2ee134661fdf6d9e74b41704710556f2f6e5a091b227697445dbea6b"),
        (31, "b6156f72d380ee9ea6acd190464f2307a5c179ef01fd71f99f2d0f7a57360aea"),
        (32, "c03bc642b20959cbe133a0303e0c1abff3e31ec8e1a328ec8565c36decff5265"),
        (63, "c65382513f07460da39833cb666c5ed82e61b9e998f4b0c4287cee56c3cc9bcd"),
        (64, "8975b0577fd35566d750b362b0897a26c399136df07bababbde6203ff2954ed4"),
        (65, "21fe0ceb0052be7fb0f004187cacd7de67fa6eb0938d927677f2398c132317a8"),
        (127, "ddbfea75cc467882eb3483ce5e2e756a4f4701b76b445519e89f22d60fa86e06"),
        (128, "0c311f38c35a4fb90d651c289d486856cd1413df9b0677f53ece2cd9e477c60a"),
        (129, "46a73a8dd3e70f59d3942c01df599def783c9da82fd83222cd662b53dce7dbdf"),
        (255, "3fb735061abc519dfe979e54c1ee5bfad0a9d858b3315bad34bde999efd724dd"),
    ];
    // bitcoin/bips bip-0340/test-vectors.csv, every row: index, secret key, x-only public key, aux, message, signature, result
    private static readonly (int Index, string Secret, string Public, string Aux, string Message, string Signature, bool Valid)[] Bip340Vectors =
    [
        (0, "0000000000000000000000000000000000000000000000000000000000000003", "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9", "0000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000000", "e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce2dca821525f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f477df4900d310536c0", true),
        (1, "b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "0000000000000000000000000000000000000000000000000000000000000001", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "6896bd60eeae296db48a229ff71dfe071bde413e6d43f917dc8dcf8c78de33418906d11ac976abccb20b091292bff4ea897efcb639ea871cfa95f6de339e4b0a", true),
        (2, "c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b14e5c9", "dd308afec5777e13121fa72b9cc1b7cc0139715309b086c960e18fd969774eb8", "c87aa53824b4d7ae2eb035a2b5bbbccc080e76cdc6d1692c4b0b62d798e6d906", "7e2d58d8b3bcdf1abadec7829054f90dda9805aab56c77333024b9d0a508b75c", "5831aaeed7b44bb74e5eab94ba9d4294c49bcf2a60728d8b4c200f50dd313c1bab745879a5ad954a72c45a91c3a51d3c7adea98d82f8481e0e1e03674a6f3fb7", true),
        (3, "0b432b2677937381aef05bb02a66ecd012773062cf3fa2549e44f58ed2401710", "25d1dff95105f5253c4022f628a996ad3a0d95fbf21d468a1b33f8c160d8f517", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "7eb0509757e246f19449885651611cb965ecc1a187dd51b64fda1edc9637d5ec97582b9cb13db3933705b32ba982af5af25fd78881ebb32771fc5922efc66ea3", true),
        (4, "", "d69c3509bb99e412e68b0fe8544e72837dfa30746d8be2aa65975f29d22dc7b9", "", "4df3c3f68fcc83b27e9d42c90431a72499f17875c81a599b566c9889b9696703", "00000000000000000000003b78ce563f89a0ed9414f5aa28ad0d96d6795f9c6376afb1548af603b3eb45c9f8207dee1060cb71c04e80f593060b07d28308d7f4", true),
        (5, "", "eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "6cff5c3ba86c69ea4b7376f31a9bcb4f74c1976089b2d9963da2e5543e17776969e89b4c5564d00349106b8497785dd7d1d713a8ae82b32fa79d5f7fc407d39b", false),
        (6, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "fff97bd5755eeea420453a14355235d382f6472f8568a18b2f057a14602975563cc27944640ac607cd107ae10923d9ef7a73c643e166be5ebeafa34b1ac553e2", false),
        (7, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "1fa62e331edbc21c394792d2ab1100a7b432b013df3f6ff4f99fcb33e0e1515f28890b3edb6e7189b630448b515ce4f8622a954cfe545735aaea5134fccdb2bd", false),
        (8, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "6cff5c3ba86c69ea4b7376f31a9bcb4f74c1976089b2d9963da2e5543e177769961764b3aa9b2ffcb6ef947b6887a226e8d7c93e00c5ed0c1834ff0d0c2e6da6", false),
        (9, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "0000000000000000000000000000000000000000000000000000000000000000123dda8328af9c23a94c1feecfd123ba4fb73476f0d594dcb65c6425bd186051", false),
        (10, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "00000000000000000000000000000000000000000000000000000000000000017615fbaf5ae28864013c099742deadb4dba87f11ac6754f93780d5a1837cf197", false),
        (11, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "4a298dacae57395a15d0795ddbfd1dcb564da82b0f269bc70a74f8220429ba1d69e89b4c5564d00349106b8497785dd7d1d713a8ae82b32fa79d5f7fc407d39b", false),
        (12, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f69e89b4c5564d00349106b8497785dd7d1d713a8ae82b32fa79d5f7fc407d39b", false),
        (13, "", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "6cff5c3ba86c69ea4b7376f31a9bcb4f74c1976089b2d9963da2e5543e177769fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", false),
        (14, "", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30", "", "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89", "6cff5c3ba86c69ea4b7376f31a9bcb4f74c1976089b2d9963da2e5543e17776969e89b4c5564d00349106b8497785dd7d1d713a8ae82b32fa79d5f7fc407d39b", false),
        (15, "0340034003400340034003400340034003400340034003400340034003400340", "778caa53b4393ac467774d09497a87224bf9fab6f6e68b23086497324d6fd117", "0000000000000000000000000000000000000000000000000000000000000000", "", "71535db165ecd9fbbc046e5ffaea61186bb6ad436732fccc25291a55895464cf6069ce26bf03466228f19a3a62db8a649f2d560fac652827d1af0574e427ab63", true),
        (16, "0340034003400340034003400340034003400340034003400340034003400340", "778caa53b4393ac467774d09497a87224bf9fab6f6e68b23086497324d6fd117", "0000000000000000000000000000000000000000000000000000000000000000", "11", "08a20a0afef64124649232e0693c583ab1b9934ae63b4c3511f3ae1134c6a303ea3173bfea6683bd101fa5aa5dbc1996fe7cacfc5a577d33ec14564cec2bacbf", true),
        (17, "0340034003400340034003400340034003400340034003400340034003400340", "778caa53b4393ac467774d09497a87224bf9fab6f6e68b23086497324d6fd117", "0000000000000000000000000000000000000000000000000000000000000000", "0102030405060708090a0b0c0d0e0f1011", "5130f39a4059b43bc7cac09a19ece52b5d8699d1a71e3c52da9afdb6b50ac370c4a482b77bf960f8681540e25b6771ece1e5a37fd80e5a51897c5566a97ea5a5", true),
        (18, "0340034003400340034003400340034003400340034003400340034003400340", "778caa53b4393ac467774d09497a87224bf9fab6f6e68b23086497324d6fd117", "0000000000000000000000000000000000000000000000000000000000000000", "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999", "403b12b0d8555a344175ea7ec746566303321e5dbfa8be6f091635163eca79a8585ed3e3170807e7c03b720fc54c7b23897fcba0e9d0b4a06894cfd249f22367", true),
    ];
    // C2SP/wycheproof testvectors_v1/ecdsa_secp256k1_sha256_p1363_test.json: a sample of tcIds (plain ECDSA: high S is valid)
    private static readonly (int TcId, string PublicKey, string Message, string Signature, bool Valid)[] WycheproofEcdsa =
    [
        (1, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365900e75ad233fcc908509dbff5922647db37c21f4afd3203ae8dc4ae7794b0f87", true),
        (7, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "016ff18a52dcc0336f7af62400a6dd9b7fc1e197d8aebe203c96c87232272172fb006ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", false),
        (13, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "0000000000000000000000000000000000000000000000000000000000000000fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", false),
        (19, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001", false),
        (25, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd03641410000000000000000000000000000000000000000000000000000000000000000", false),
        (31, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30", false),
        (37, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", false),
        (43, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142", false),
        (49, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2ffffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", false),
        (55, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "313233343030", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", false),
        (61, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "343236343739373234", "95c29267d972a043d955224546222bba343fc1d4db0fec262a33ac61305696ae6edfe96713aed56f8a28a6653f57e0b829712e5eddc67f34682b24f0676b2640", true),
        (67, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "333433363838373132", "2bdea41cda63a2d14bf47353bd20880a690901de7cd6e3cc6d8ed5ba0cdb1091c31599433036064073835b1e3eba8335a650c8fd786f94fe235ad7d41dc94c7a", true),
        (73, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "35393837333530303431", "f3ac2523967482f53d508522712d583f4379cd824101ff635ea0935117baa54f27f10812227397e02cea96fb0e680761636dab2b080d1fc5d11685cbe8500cfe", true),
        (79, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "31383436353937313935", "eeb692c9b262969b231c38b5a7f60649e0c875cd64df88f33aa571fa3d29ab0e218b3a1eb06379c2c18cf51b06430786d1c64cd2d24c9b232b23e5bac7989acd", true),
        (85, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "31353431313033353938", "c5771016d0dd6357143c89f684cd740423502554c0c59aa8c99584f1ff38f609ab4bfa0bb88ab99791b9b3ab9c4b02bd2a57ae8dde50b9064063fcf85315cfe5", true),
        (91, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "31303534323430373035", "f8abecaa4f0c502de4bf5903d48417f786bf92e8ad72fec0bd7fcb7800c0bbe34c7f9e231076a30b7ae36b0cebe69ccef1cd194f7cce93a5588fd6814f437c0e", true),
        (97, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "39363738373831303934", "6852e9d3cd9fe373c2d504877967d365ab1456707b6817a042864694e1960ccff9b4d815ebd4cf77847b37952334d05b2045cb398d4c21ba207922a7a4714d84", true),
        (103, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "3130363836363535353436", "0bf6c0188dc9571cd0e21eecac5fbb19d2434988e9cc10244593ef3a98099f694864a562661f9221ec88e3dd0bc2f6e27ac128c30cc1a80f79ec670a22b042ee", true),
        (109, "04b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6ff0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9", "33303936343537353132", "79e88bf576b74bc07ca142395fda28f03d3d5e640b0b4ff0752c6d94cd55340832cea05bd2d706c8f6036a507e2ab7766004f0904e2e5c5862749c0073245d6a", true),
        (115, "0407310f90a9eae149a08402f54194a0f7b4ac427bf8d9bd6c7681071dc47dc36226a6d37ac46d61fd600c0bf1bff87689ed117dda6b0e59318ae010a197a26ca0", "313233343030", "000000000000000000000000000000014551231950b75fc4402da1722fc9baebfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd036413e", true),
        (117, "04bc97e7585eecad48e16683bc4091708e1a930c683fc47001d4b383594f2c4e22705989cf69daeadd4e4e4b8151ed888dfec20fb01728d89d56b3f38f2ae9c8c5", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd036413ffffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd036413e", true),
        (118, "0444ad339afbc21e9abf7b602a5ca535ea378135b6d10d81310bdd8293d1df3252b63ff7d0774770f8fe1d1722fa83acd02f434e4fc110a0cc8f6dddd37d56c463", "313233343030", "7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3e9a7582886089c62fb840cf3b83061cd1cff3ae4341808bb5bdee6191174177", true),
        (119, "041260c2122c9e244e1af5151bede0c3ae23b54d7c596881d3eebad21f37dd878c5c9a0c1a9ade76737a8811bd6a7f9287c978ee396aa89c11e47229d2ccb552f0", "313233343030", "7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc24238e70b431b1a64efdf9032669939d4b77f249503fc6905feb7540dea3e6d2", true),
        (120, "041877045be25d34a1d0600f9d5c00d0645a2a54379b6ceefad2e6bf5c2a3352ce821a532cc1751ee1d36d41c3d6ab4e9b143e44ec46d73478ea6a79a5c0e54159", "313233343030", "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001", true),
        (122, "04455439fcc3d2deeceddeaece60e7bd17304f36ebb602adf5a22e0b8f1db46a50aec38fb2baf221e9a8d1887c7bf6222dd1834634e77263315af6d23609d04f77", "313233343030", "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002", true),
        (124, "042e1f466b024c0c3ace2437de09127fed04b706f94b19a21bb1c2acf35cece7180449ae3523d72534e964972cfd3b38af0bddd9619e5af223e4d1a40f34cf9f1d", "313233343030", "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000003", true),
        (126, "048e7abdbbd18de7452374c1879a1c3b01d13261e7d4571c3b47a1c76c55a2337326ed897cd517a4f5349db809780f6d2f2b9f6299d8b5a89077f1119a718fd7b3", "313233343030", "00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000001", true),
        (128, "047b333d4340d3d718dd3e6aff7de7bbf8b72bfd616c8420056052842376b9af1942117c5afeac755d6f376fc6329a7d76051b87123a4a5d0bc4a539380f03de7b", "313233343030", "00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000002", true),
        (130, "04d30ca4a0ddb6616c851d30ced682c40f83c62758a1f2759988d6763a88f1c0e503a80d5415650d41239784e8e2fb1235e9fe991d112ebb81186cbf0da2de3aff", "313233343030", "00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000003", true),
        (133, "0448969b39991297b332a652d3ee6e01e909b39904e71fa2354a7830c7750baf24b4012d1b830d199ccb1fc972b32bfded55f09cd62d257e5e844e27e57a1594ec", "313233343030", "0000000000000000000000000000000000000000000000000000000000000002fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd04917c8", false),
        (134, "0402ef4d6d6cfd5a94f1d7784226e3e2a6c0a436c55839619f38fb4472b5f9ee777eb4acd4eebda5cd72875ffd2a2f26229c2dc6b46500919a432c86739f3ae866", "313233343030", "0000000000000000000000000000000000000000000000000000000000000101c58b162c58b162c58b162c58b162c58a1b242973853e16db75c8a1a71da4d39d", true),
        (135, "04464f4ff715729cae5072ca3bd801d3195b67aec65e9b01aad20a2943dcbcb584b1afd29d31a39a11d570aa1597439b3b2d1971bf2f1abf15432d0207b10d1d08", "313233343030", "000000000000000000000000000000000000000000000000002d9b4d347952ccfcbc5103d0da267477d1791461cf2aa44bf9d43198f79507bd8779d69a13108e", true),
        (136, "04157f8fddf373eb5f49cfcf10d8b853cf91cbcd7d665c3522ba7dd738ddb79a4cdeadf1a5c448ea3c9f4191a8999abfcc757ac6d64567ef072c47fec613443b8f", "313233343030", "000000000000000000000000000000000000001033e67e37b32b445580bf4efc906f906f906f906f906f906f906f906ed8e426f7b1968c35a204236a579723d2", true),
        (137, "040934a537466c07430e2c48feb990bb19fb78cecc9cee424ea4d130291aa237f0d4f92d23b462804b5b68c52558c01c9996dbf727fccabbeedb9621a400535afa", "313233343030", "0000000000000000000000000000000000000000000000000000000000000101783266e90f43dafe5cd9b3b0be86de22f9de83677d0f50713a468ec72fcf5d57", true),
        (138, "04d6ef20be66c893f741a9bf90d9b74675d1c2a31296397acb3ef174fd0b300c654a0c95478ca00399162d7f0f2dc89efdc2b28a30fbabe285857295a4b0c4e265", "313233343030", "00000000000000000000000000000000000000062522bbd3ecbe7c39e93e7c26783266e90f43dafe5cd9b3b0be86de22f9de83677d0f50713a468ec72fcf5d57", true),
        (139, "04b7291d1404e0c0c07dab9372189f4bd58d2ceaa8d15ede544d9514545ba9ee0629c9a63d5e308769cc30ec276a410e6464a27eeafd9e599db10f053a4fe4a829", "313233343030", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd03640c155555555555555555555555555555554e8e4f44ce51835693ff0ca2ef01215c0", true),
        (140, "046e28303305d642ccb923b722ea86b2a0bc8e3735ecb26e849b19c9f76b2fdbb8186e80d64d8cab164f5238f5318461bf89d4d96ee6544c816c7566947774e0f6", "313233343030", "0000000000000000000000000000000000000000000000009c44febf31c3594d000000000000000000000000000000000000000000000000839ed28247c2b06b", true),
        (142, "04375bda93f6af92fb5f8f4b1b5f0534e3bafab34cb7ad9fb9d0b722e4a5c302a9a00b9f387a5a396097aa2162fc5bbcf4a5263372f681c94da51e9799120990fd", "313233343030", "0000000000000000000000000000000000000009df8b682430beef6f5fd7c7cf000000000000000000000000000000000000000fd0a62e13778f4222a0d61c8a", true),
        (144, "04d75b68216babe03ae257e94b4e3bf1c52f44e3df266d1524ff8c5ea69da73197da4bff9ed1c53f44917a67d7b978598e89df359e3d5913eaea24f3ae259abc44", "313233343030", "000000000000000000000000000000008a598e563a89f526c32ebec8de26367a0000000000000000000000000000000084f633e2042630e99dd0f1e16f7a04bf", true),
        (146, "0478bcda140aed23d430cb23c3dc0d01f423db134ee94a3a8cb483f2deac2ac653118114f6f33045d4e9ed9107085007bfbddf8f58fe7a1a2445d66a990045476e", "313233343030", "000000000000000000000000aa6eeb5823f7fa31b466bb473797f0d0314c0bdf000000000000000000000000e2977c479e6d25703cebbc6bd561938cc9d1bfb9", true),
    ];
    // C2SP/wycheproof testvectors_v1/aes_gcm_test.json: 128- and 256-bit keys, 96-bit IVs, a sample
    private static readonly (int TcId, string Key, string Iv, string Aad, string Message, string Ciphertext, string Tag, bool Valid)[] WycheproofAesGcm =
    [
        (1, "5b9604fe14eadba931b0ccf34843dab9", "028318abc1824029138141a2", "", "001d0c231287c1182784554ca3a21908", "26073cc1d851beff176384dc9896d5ff", "0a3ea7a5487cb5f7d70fb6c58d038554", true),
        (4, "bedcfb5a011ebc84600fcb296c15af0d", "438a547a94ea88dce46c6c85", "", "", "", "960247ba5cde02e41a313c4c0136edc3", true),
        (7, "dd6197cd63c963919cf0c273ef6b28bf", "ecb0c42f7000ef0e6f95f24d", "", "4dcc1485365866e25ac3f2ca6aba97", "8a9992388e735f80ee18f4a63c10ad", "1486a91cccf92c9a5b00f7b0e034891c", true),
        (10, "a8ee11b26d7ceb7f17eaa1e4b83a2cf6", "fbbc04fd6e025b7193eb57f6", "", "c08f085e6a9e0ef3636280c11ecfadf0c1e72919ffc17eaf", "7cd9f4e4f365704fff3b9900aa93ba54b672bac554275650", "f4eb193241226db017b32ec38ca47217", true),
        (13, "38449890234eb8afab0bbf82e2385454", "33e90658416e7c1a7c005f11", "4020855c66ac4595058395f367201c4c", "f762776bf83163b323ca63a6b3adeac1e1357262", "a6f2ef3c7ef74a126dd2d5f6673964e27d5b34b6", "b8bbdc4f5014bc752c8b4e9b87f650a3", true),
        (16, "e12260fcd355a51a0d01bb1f6fa538c2", "5dfc37366f5688275147d3f9", "", "d902deeab175c008329a33bfaccd5c0eb3a6a152a1510e7db04fa0aff7ce4288530db6a80fa7fea582aa7d46d7d56e708d2bb0c5edd3d26648d336c3620ea55e", "d33bf6722fc29384fad75f990248b9528e0959aa67ec66869dc3996c67a2d559e7d77ce5955f8cad2a4df5fdc3acccafa7bc0def53d848111256903e5add0420", "8bc833de510863b4b432c3cbf45aa7cc", true),
        (91, "92ace3e348cd821092cd921aa3546374299ab46209691bc28b8752d17f123c20", "00112233445566778899aabb", "00000000ffffffff", "00010203040506070809", "e27abdd2d2a53d2f136b", "9a4a2579529301bcfb71c78d4060f52c", true),
        (94, "cc56b680552eb75008f5484b4cb803fa5063ebd6eab91f6ab6aef4916a766273", "99e23ec48985bccdeeab60f1", "", "2a", "06", "633c1e9703ef744ffffb40edf9d14355", true),
        (97, "59d4eafb4de0cfc7d3db99a8f54b15d7b39f0acc8da69763b019c1699f87674a", "2fcb1b38a99e71b84740ad9b", "", "549b365af913f3b081131ccb6b825588", "f58c16690122d75356907fd96b570fca", "28752c20153092818faba2a334640d6e", true),
        (100, "b279f57e19c8f53f2f963f5f2519fdb7c1779be2ca2b3ae8e1128b7d6c627fc4", "98bc2c7438d5cd7665d76f6e", "c0", "fcc515b294408c8645c9183e3f4ecee5127846d1", "eb5500e3825952866d911253f8de860c00831c81", "ecb660e1fb0541ec41e8d68a64141b3a", true),
        (103, "ff0089ee870a4a39f645b0a5da774f7a5911e9696fc9cad646452c2aa8595a12", "bc2a7757d0ce2d8b1f14ccd9", "972ab4e06390caae8f99dd6e2187be6c7ff2c08a24be16ef", "748b28031621d95ee61812b4b4f47d04c6fc2ff3", "a929ee7e67c7a2f91bbcec6389a3caf43ab49305", "ebec6774b955e789591c822dab739e12", true),
        (106, "81b6b27e5ed90ab99fe6756d4cb41e3f07269687f5afabdb426e29096b5e4466", "13e727486031cca21f733375", "", "9a95a23cfb1e35d89a7597570df0fb0efcbb7429f53bebcbbfa49fa247b251a8508ad497066855d08688576188e4ffb12d1d084dcabec3d57806daf215dcc97edd", "7ede7368bca3c93d9f1d7f7750d6e44b1cb92c30e3c9834b0b69efd2470911644ae6f6d75715e13aea8781f8da611a13ac6364c406c1a715b7e97acb22b6e6156e", "74e20a93802f43407c8989a37f013802", true),
    ];
    // C2SP/wycheproof testvectors_v1/hmac_sha256_test.json: full-length tags, valid entries
    private static readonly (int TcId, string Key, string Message, string Tag)[] WycheproofHmacSha256 =
    [
        (1, "1e225cafb90339bba1b24076d4206c3e79c355805d851682bc818baa4f5a7779", "", "b175b57d89ea6cb606fb3363f2538abd73a4c00b4a1386905bac809004cf1933"),
        (2, "8159fd15133cd964c9a6964c94f0ea269a806fd9f43f0da58b6cd1b33d189b2a", "77", "dfc5105d5eecf7ae7b8b8de3930e7659e84c4172f2555142f1e568fc1872ad93"),
        (3, "85a7cbaae825bb82c9b6f6c5c2af5ac03d1f6daa63d2a93c189948ec41b9ded9", "a59b", "0fe2f13bba2198f6dda1a084be928e304e9cb16a56bc0b7b939a073280244373"),
        (4, "48f3029334e55cfbd574ccc765fb2c3685aab1f4837d23370874a3e634c3a76d", "c7b8b2", "6c13f79bb2d5b6f9a315fe8fd6cbb5cb817a660687009deccd88c377429e596d"),
        (5, "de8b5b5b2f09645be47ecb6407a4e1d9c6b33ae3c2d22517d3357da0357a3139", "cc021d65", "e87538eb167e62d7cb236690ff3f034a9c12d417aa8dfa694d7405f9e1f85fe8"),
        (6, "b7938910f518f13205ca1492c669001a14ff913c8ab4a0dc3564e7418e91297c", "a4a6ef6ebd", "01a93f4ed216d0b280896301e366aa67b25e6b6a5a6e84f291a13391c6e496c5"),
        (7, "1bb997ff4de8a5a391de5c08a33bc2c7c2891e47ad5b9c63110192f78b98fe78", "667e015df7fc", "06b5d8c5392323a802bc5cdd0b3c527454a873d9651c368836eaa4ad982ba546"),
        (8, "32fdeda39f98b4f4426c2d2ac00ab5dd4bfabb68f311447256ed6d3d3a51b154", "4163a9f77e41f5", "1b0103729f48c2772bb132aef9ebd6dd6aafc9145df6d5c514b233ee92ef4a00"),
    ];
}
