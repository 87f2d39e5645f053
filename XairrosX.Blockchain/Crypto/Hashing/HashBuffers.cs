using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Eight 32-bit chaining words (SHA-256, BLAKE2s).</summary>
[InlineArray(8)]
internal struct State8x32
{
    private uint _word0;
}

/// <summary>Eight 64-bit chaining words (SHA-512, BLAKE2b).</summary>
[InlineArray(8)]
internal struct State8x64
{
    private ulong _word0;
}

/// <summary>Five 32-bit chaining words (RIPEMD-160).</summary>
[InlineArray(5)]
internal struct State5x32
{
    private uint _word0;
}

/// <summary>A 64-byte block buffer kept inside the hash struct.</summary>
[InlineArray(64)]
internal struct Block64
{
    private byte _byte0;
}

/// <summary>A 128-byte block buffer kept inside the hash struct.</summary>
[InlineArray(128)]
internal struct Block128
{
    private byte _byte0;
}
