using System;
using System.Collections.Generic;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Kernel.Ledger;

namespace XairrosX.Benchmarks.Ledger;

/// <summary>NBitcoin.Secp256k1 recovery: the reference the library's recovery is compared with.</summary>
internal sealed class NBitcoinRecovery : IEcdsaRecovery
{
    public static NBitcoinRecovery Instance { get; } = new();

    public bool TryRecover(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int recoveryId, Span<byte> publicKey64)
    {
        Span<byte> compact = stackalloc byte[64];
        r32.CopyTo(compact);
        s32.CopyTo(compact.Slice(32));
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact, recoveryId, out SecpRecoverableECDSASignature sig)) return false;
        if (!ECPubKey.TryRecover(Context.Instance, sig, messageHash, out ECPubKey pub)) return false;
        Span<byte> full = stackalloc byte[65];
        pub.WriteToSpan(false, full, out _);
        full.Slice(1).CopyTo(publicKey64);
        return true;
    }
}
