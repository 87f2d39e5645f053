using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>Math (the kernel's own libm under System.Math), SIMD, bit operations, big numbers.</summary>
internal static class NumericCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("math.trigonometry", t =>
        {
            t.Near(0.8414709848078965, Math.Sin(1.0), 1e-15, "sin(1)");
            t.Near(-0.4161468365471424, Math.Cos(2.0), 1e-15, "cos(2)");
            t.Near(1.5574077246549023, Math.Tan(1.0), 1e-15, "tan(1)");
            t.Near(Math.PI / 4, Math.Atan2(1, 1), 1e-15, "atan2");
            t.Near(0.5235987755982989, Math.Asin(0.5), 1e-15, "asin");
            t.Near(0.0, Math.Sin(Math.PI), 1e-15, "sin(pi)");
        }),
        new("math.exp_log_pow_sqrt", t =>
        {
            t.Near(Math.E, Math.Exp(1.0), 1e-15, "exp(1)");
            t.Near(2.302585092994046, Math.Log(10.0), 1e-15, "log(10)");
            t.Near(3.0, Math.Log10(1000.0), 1e-15, "log10");
            t.Equal(1024.0, Math.Pow(2, 10), "pow exact");
            t.Near(1.4142135623730951, Math.Sqrt(2), 0, "sqrt");
            t.Near(2.0, Math.Cbrt(8), 1e-15, "cbrt");
            t.True(double.IsNaN(Math.Log(-1)), "log of negative is NaN");
            t.Equal(double.PositiveInfinity, Math.Exp(1000), "exp overflow");
            t.Near(2.0f, MathF.Sqrt(4f), 0, "float sqrt");
            t.Near(0.5f, MathF.Sin(MathF.PI / 6), 1e-6, "float sin");
        }),
        new("math.rounding", t =>
        {
            t.Equal(2.0, Math.Floor(2.7), "floor");
            t.Equal(-3.0, Math.Floor(-2.1), "floor negative");
            t.Equal(3.0, Math.Ceiling(2.1), "ceiling");
            t.Equal(2.0, Math.Round(2.5), "banker's rounding");
            t.Equal(3.0, Math.Round(2.5, MidpointRounding.AwayFromZero), "away from zero");
            t.Equal(-2.0, Math.Truncate(-2.9), "truncate");
            t.Equal(1.0, Math.IEEERemainder(10, 3), "IEEERemainder");
            t.Equal(1.0, 10.0 % 3.0, "fmod");
        }),
        new("math.decimal_int128_biginteger", t =>
        {
            decimal price = 19.99m;
            t.Equal(59.97m, price * 3, "decimal multiply");
            t.Equal("0.3333333333333333333333333333", (1m / 3m).ToString(), "decimal division");
            Int128 big = Int128.MaxValue / 3;
            t.Equal("56713727820156410577229101238628035242", big.ToString(), "Int128");
            BigInteger f = 1;
            for (int i = 2; i <= 30; i++) f *= i;
            t.Equal("265252859812191058636308480000000", f.ToString(), "30! as BigInteger");
            t.Equal(new BigInteger(52), BigInteger.Parse("123456789012345678901234567890") % 97, "BigInteger modulo");
        }),
        new("simd.vector128", t =>
        {
            var a = Vector128.Create(1, 2, 3, 4);
            var b = Vector128.Create(10, 20, 30, 40);
            Vector128<int> sum = a + b;
            t.Equal(110, Vector128.Sum(sum), "Vector128 add + sum");
            t.Equal(Vector128.Create(10, 40, 90, 160), a * b, "Vector128 multiply");
            t.True(Vector128.IsHardwareAccelerated, "Vector128 accelerated (SSE)");
            var f = Vector128.Create(1.5f, -2f, 3f, -4f);
            t.Equal(Vector128.Create(1.5f, 2f, 3f, 4f), Vector128.Abs(f), "float abs");
        }),
        new("simd.vector256_avx2", t =>
        {
            var a = Vector256.Create(1, 2, 3, 4, 5, 6, 7, 8);
            Vector256<int> doubled = a + a;
            t.Equal(72, Vector256.Sum(doubled), "Vector256 sum");
            if (Avx2.IsSupported)
            {
                Vector256<int> max = Avx2.Max(a, Vector256.Create(4));
                t.Equal(Vector256.Create(4, 4, 4, 4, 5, 6, 7, 8), max, "AVX2 vpmaxsd");
                t.Equal(Vector256.Create(2, 4, 6, 8, 10, 12, 14, 16), Avx2.ShiftLeftLogical(a, 1), "AVX2 shift");
            }
            float[] data = new float[100];
            for (int i = 0; i < data.Length; i++) data[i] = i;
            var acc = Vector<float>.Zero;
            int k = 0;
            for (; k <= data.Length - Vector<float>.Count; k += Vector<float>.Count) acc += new Vector<float>(data, k);
            float total = Vector.Sum(acc);
            for (; k < data.Length; k++) total += data[k];
            t.Equal(4950f, total, "Vector<T> reduction");
        }),
        new("bits.bitoperations_and_binaryprimitives", t =>
        {
            t.Equal(3, BitOperations.PopCount(0b1011u) - 0, "PopCount");
            t.Equal(60, BitOperations.LeadingZeroCount(0b1011ul), "LeadingZeroCount");
            t.Equal(4, BitOperations.TrailingZeroCount(16), "TrailingZeroCount");
            t.Equal(0x80000001u, BitOperations.RotateRight(3u, 1), "RotateRight");
            t.Equal(16u, BitOperations.RoundUpToPowerOf2(9u), "RoundUpToPowerOf2");
            Span<byte> buf = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(buf, 0xDEADBEEF);
            t.Equal((byte)0xDE, buf[0], "big-endian write");
            BinaryPrimitives.WriteInt64LittleEndian(buf, -2);
            t.Equal(-2L, BinaryPrimitives.ReadInt64LittleEndian(buf), "little-endian round trip");
            t.Equal(0x78563412u, BinaryPrimitives.ReverseEndianness(0x12345678u), "ReverseEndianness");
        }),
        new("numerics.random", t =>
        {
            var r = new Random(12345);
            int first = r.Next();
            t.Equal(first, new Random(12345).Next(), "seeded Random is deterministic");
            var hist = new int[4];
            for (int i = 0; i < 4000; i++) hist[Random.Shared.Next(4)]++;
            t.True(hist[0] > 800 && hist[1] > 800 && hist[2] > 800 && hist[3] > 800, "Random.Shared spreads values");
        }),
    ];
}
