using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// GHASH, the GF(2^128) universal hash of GCM (SP 800-38D). PCLMULQDQ when available
/// (Intel's reflected multiply-and-reduce), otherwise a constant-time bit-serial multiply.
/// </summary>
internal struct Ghash
{
    private readonly Vector128<byte> _hReflected, _h2Reflected, _h3Reflected, _h4Reflected;
    private readonly ulong _hHigh, _hLow;
    private readonly bool _useClmul;
    private Vector128<byte> _accumulatorReflected;
    private ulong _accHigh, _accLow;

    /// <param name="hashKey">H = E_K(0^128), 16 bytes.</param>
    /// <param name="allowHardware">False forces the portable path (tests).</param>
    public Ghash(ReadOnlySpan<byte> hashKey, bool allowHardware)
    {
        _useClmul = allowHardware && Pclmulqdq.IsSupported && Ssse3.IsSupported;
        _hHigh = BinaryPrimitives.ReadUInt64BigEndian(hashKey);
        _hLow = BinaryPrimitives.ReadUInt64BigEndian(hashKey.Slice(8));
        if (_useClmul)
        {
            _hReflected = Reverse(Vector128.Create(hashKey.Slice(0, 16)));
            _h2Reflected = MultiplyReflected(_hReflected, _hReflected);
            _h3Reflected = MultiplyReflected(_h2Reflected, _hReflected);
            _h4Reflected = MultiplyReflected(_h3Reflected, _hReflected);
        }
    }

    /// <summary>Absorbs <paramref name="data"/>, zero-padding its last partial block.</summary>
    public void Update(ReadOnlySpan<byte> data)
    {
        if (_useClmul)
        {
            // Four blocks at a time: X' = (X ^ b0)·H^4 ^ b1·H^3 ^ b2·H^2 ^ b3·H. The four products are independent,
            // so the multiplier pipelines them instead of waiting on one long dependency chain.
            while (data.Length >= 64)
            {
                Vector128<byte> x = _accumulatorReflected ^ Reverse(Vector128.Create(data.Slice(0, 16)));
                _accumulatorReflected = MultiplyReflected(x, _h4Reflected)
                    ^ MultiplyReflected(Reverse(Vector128.Create(data.Slice(16, 16))), _h3Reflected)
                    ^ MultiplyReflected(Reverse(Vector128.Create(data.Slice(32, 16))), _h2Reflected)
                    ^ MultiplyReflected(Reverse(Vector128.Create(data.Slice(48, 16))), _hReflected);
                data = data.Slice(64);
            }
        }
        Span<byte> padded = stackalloc byte[16];
        while (data.Length > 0)
        {
            scoped ReadOnlySpan<byte> block = data;
            if (data.Length < 16)
            {
                padded.Clear();
                data.CopyTo(padded);
                block = padded;
            }
            if (_useClmul)
            {
                _accumulatorReflected = MultiplyReflected(_accumulatorReflected ^ Reverse(Vector128.Create(block.Slice(0, 16))), _hReflected);
            }
            else
            {
                _accHigh ^= BinaryPrimitives.ReadUInt64BigEndian(block);
                _accLow ^= BinaryPrimitives.ReadUInt64BigEndian(block.Slice(8));
                MultiplyPortable(ref _accHigh, ref _accLow, _hHigh, _hLow);
            }
            data = data.Slice(Math.Min(16, data.Length));
        }
    }

    /// <summary>Absorbs the length block [len(A)]64 ‖ [len(C)]64 (in bits) and writes the 16-byte result.</summary>
    public void Finish(ulong associatedBytes, ulong cipherBytes, Span<byte> output)
    {
        Span<byte> lengths = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, associatedBytes * 8);
        BinaryPrimitives.WriteUInt64BigEndian(lengths.Slice(8), cipherBytes * 8);
        Update(lengths);
        if (_useClmul)
        {
            Reverse(_accumulatorReflected).CopyTo(output);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(output, _accHigh);
            BinaryPrimitives.WriteUInt64BigEndian(output.Slice(8), _accLow);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Reverse(Vector128<byte> v) =>
        Ssse3.Shuffle(v, Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));

    /// <summary>a·b in GCM's field on byte-reversed operands: 256-bit carry-less product, shift left by one, reduce.</summary>
    private static Vector128<byte> MultiplyReflected(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<ulong> x = a.AsUInt64(), y = b.AsUInt64();
        Vector128<ulong> low = Pclmulqdq.CarrylessMultiply(x, y, 0x00);
        Vector128<ulong> middle = Pclmulqdq.CarrylessMultiply(x, y, 0x10) ^ Pclmulqdq.CarrylessMultiply(x, y, 0x01);
        Vector128<ulong> high = Pclmulqdq.CarrylessMultiply(x, y, 0x11);
        low ^= Sse2.ShiftLeftLogical128BitLane(middle.AsByte(), 8).AsUInt64();
        high ^= Sse2.ShiftRightLogical128BitLane(middle.AsByte(), 8).AsUInt64();

        // Shift the 256-bit high:low left by one bit (the operands are bit-reflected).
        Vector128<uint> lo = low.AsUInt32(), hi = high.AsUInt32();
        Vector128<uint> loCarry = Sse2.ShiftRightLogical(lo, 31);
        Vector128<uint> hiCarry = Sse2.ShiftRightLogical(hi, 31);
        lo = Sse2.ShiftLeftLogical(lo, 1);
        hi = Sse2.ShiftLeftLogical(hi, 1);
        Vector128<uint> crossCarry = Sse2.ShiftRightLogical128BitLane(loCarry.AsByte(), 12).AsUInt32();
        hiCarry = Sse2.ShiftLeftLogical128BitLane(hiCarry.AsByte(), 4).AsUInt32();
        loCarry = Sse2.ShiftLeftLogical128BitLane(loCarry.AsByte(), 4).AsUInt32();
        lo |= loCarry;
        hi |= hiCarry | crossCarry;

        // Reduce modulo x^128 + x^7 + x^2 + x + 1 in two phases.
        Vector128<uint> t = Sse2.ShiftLeftLogical(lo, 31) ^ Sse2.ShiftLeftLogical(lo, 30) ^ Sse2.ShiftLeftLogical(lo, 25);
        Vector128<uint> spill = Sse2.ShiftRightLogical128BitLane(t.AsByte(), 4).AsUInt32();
        lo ^= Sse2.ShiftLeftLogical128BitLane(t.AsByte(), 12).AsUInt32();
        Vector128<uint> u = Sse2.ShiftRightLogical(lo, 1) ^ Sse2.ShiftRightLogical(lo, 2) ^ Sse2.ShiftRightLogical(lo, 7) ^ spill;
        lo ^= u;
        return (hi ^ lo).AsByte();
    }

    /// <summary>Algorithm 1 of SP 800-38D with masks instead of branches: X ← X·H.</summary>
    private static void MultiplyPortable(ref ulong xHigh, ref ulong xLow, ulong hHigh, ulong hLow)
    {
        ulong zHigh = 0, zLow = 0, vHigh = hHigh, vLow = hLow;
        for (int i = 0; i < 128; i++)
        {
            ulong bit = i < 64 ? (xHigh >> (63 - i)) & 1 : (xLow >> (127 - i)) & 1;
            ulong mask = 0 - bit;
            zHigh ^= vHigh & mask;
            zLow ^= vLow & mask;
            ulong reduce = 0 - (vLow & 1);
            vLow = (vLow >> 1) | (vHigh << 63);
            vHigh = (vHigh >> 1) ^ (0xE100000000000000UL & reduce);
        }
        xHigh = zHigh;
        xLow = zLow;
    }
}
