using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Small byte-span helpers shared by the primitives.</summary>
internal static class ByteOps
{
    /// <summary>destination[i] ^= source[i] for every byte of <paramref name="source"/>.</summary>
    public static void XorInPlace(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination too short.", nameof(destination));
        int i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<byte>.Count)
        {
            ref byte d = ref MemoryMarshal.GetReference(destination);
            ref byte s = ref MemoryMarshal.GetReference(source);
            for (; i <= source.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector<byte> v = Vector.LoadUnsafe(ref d, (nuint)i) ^ Vector.LoadUnsafe(ref s, (nuint)i);
                v.StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < source.Length; i++) destination[i] ^= source[i];
    }

    /// <summary>Compares in time that depends only on the lengths, not on where the spans differ.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length) return false;
        int difference = 0;
        for (int i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
    }

    /// <summary>Throws the documented exception when an output span is too short.</summary>
    public static void RequireLength(Span<byte> destination, int length, string paramName)
    {
        if (destination.Length < length)
            throw new ArgumentException($"Destination needs at least {length} bytes.", paramName);
    }
}
