using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.AI.Kernels;

/// <summary>
/// MR×NR register tiles for <see cref="Sgemm"/>: C_tile (+)= Apanel·Bpanel over kc steps.
/// AVX-512: 8×32 in 16 zmm accumulators (of 32 registers); AVX2+FMA: 6×16 in 12 ymm accumulators (of 16);
/// scalar: 6×16 in plain loops. Panels come from the packers, so loads are unit-stride.
/// </summary>
internal static unsafe class SgemmMicroKernel
{
    /// <summary>Microkernel families, weakest first.</summary>
    public enum Kind
    {
        /// <summary>Plain loops.</summary>
        Scalar,
        /// <summary>128-bit vectors (SSE2 on x64, the NativeAOT baseline; NEON on Arm), multiply then add.</summary>
        Vector128,
        /// <summary>256-bit AVX2 with fused multiply-add.</summary>
        Avx2Fma,
        /// <summary>512-bit AVX-512F.</summary>
        Avx512,
    }

    /// <summary>The family in use: the best the CPU supports, unless a test selected another.</summary>
    public static Kind Current { get; private set; } = Best;

    /// <summary>Tile rows of the current family.</summary>
    public static int MR => TileRows(Current);

    /// <summary>Tile columns of the current family.</summary>
    public static int NR => TileCols(Current);

    private static Kind Best =>
        Avx512F.IsSupported ? Kind.Avx512
        : Fma.IsSupported && Avx2.IsSupported ? Kind.Avx2Fma
        : Vector128.IsHardwareAccelerated ? Kind.Vector128
        : Kind.Scalar;

    /// <summary>Rows of a register tile.</summary>
    public static int TileRows(Kind k) => k == Kind.Avx512 ? 8 : 6;

    /// <summary>Columns of a register tile.</summary>
    public static int TileCols(Kind k) => k switch { Kind.Avx512 => 32, Kind.Vector128 => 8, _ => 16 };

    /// <summary>Selects a family the CPU supports (tests use it to cover every path on one machine); false otherwise.</summary>
    public static bool TrySelect(Kind kind)
    {
        bool supported = kind switch
        {
            Kind.Avx512 => Avx512F.IsSupported,
            Kind.Avx2Fma => Fma.IsSupported && Avx2.IsSupported,
            Kind.Vector128 => Vector128.IsHardwareAccelerated,
            _ => true,
        };
        if (!supported) return false;
        Current = kind;
        return true;
    }

    /// <summary>Upper bound of MR over all paths (sizes scratch tiles).</summary>
    public const int MaxMR = 8;
    public static string Name => Current switch { Kind.Avx512 => "avx512", Kind.Avx2Fma => "avx2-fma", Kind.Vector128 => "vector128", _ => "scalar" };

    /// <summary>Upper bound of NR over all paths (sizes scratch tiles).</summary>
    public const int MaxNR = 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(Kind kind, int kc, float* a, float* b, float* c, int ldc, bool add)
        => Run(kind, kc, a, new PackedRows(b, TileCols(kind)), c, ldc, add);

    /// <summary>The tile product with B rows supplied by <paramref name="rows"/> (packed panel or rows read in place).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TRows>(Kind kind, int kc, float* a, TRows rows, float* c, int ldc, bool add) where TRows : struct, IPanelRows
    {
        if (Avx512F.IsSupported && kind == Kind.Avx512) Avx512Kernel(kc, a, rows, c, ldc, add);
        else if (Fma.IsSupported && Avx2.IsSupported && kind == Kind.Avx2Fma) Avx2Kernel(kc, a, rows, c, ldc, add);
        else if (Vector128.IsHardwareAccelerated && kind == Kind.Vector128) Vector128Kernel(kc, a, rows, c, ldc, add);
        else ScalarKernel(kind, kc, a, rows, c, ldc, add);
    }

    /// <summary>6×8 in 12 xmm accumulators: the path of builds that target only the x64 baseline (SSE2).</summary>
    private static void Vector128Kernel<TRows>(int kc, float* a, TRows rows, float* c, int ldc, bool add) where TRows : struct, IPanelRows
    {
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector128<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            float* b = rows.Row(p);
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> av = Vector128.Create(a[0]);
            c00 += av * b0; c01 += av * b1;
            av = Vector128.Create(a[1]);
            c10 += av * b0; c11 += av * b1;
            av = Vector128.Create(a[2]);
            c20 += av * b0; c21 += av * b1;
            av = Vector128.Create(a[3]);
            c30 += av * b0; c31 += av * b1;
            av = Vector128.Create(a[4]);
            c40 += av * b0; c41 += av * b1;
            av = Vector128.Create(a[5]);
            c50 += av * b0; c51 += av * b1;
            a += 6;
        }
        Store128(c, c00, c01, add); c += ldc;
        Store128(c, c10, c11, add); c += ldc;
        Store128(c, c20, c21, add); c += ldc;
        Store128(c, c30, c31, add); c += ldc;
        Store128(c, c40, c41, add); c += ldc;
        Store128(c, c50, c51, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store128(float* c, Vector128<float> lo, Vector128<float> hi, bool add)
    {
        if (add)
        {
            lo += Vector128.Load(c);
            hi += Vector128.Load(c + 4);
        }
        lo.Store(c);
        hi.Store(c + 4);
    }

    private static void Avx2Kernel<TRows>(int kc, float* a, TRows rows, float* c, int ldc, bool add) where TRows : struct, IPanelRows
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            float* b = rows.Row(p);
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> av = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(av, b0, c00); c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(av, b0, c10); c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(av, b0, c20); c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(av, b0, c30); c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(av, b0, c40); c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(av, b0, c50); c51 = Fma.MultiplyAdd(av, b1, c51);
            a += 6;
        }
        Store256(c, c00, c01, add); c += ldc;
        Store256(c, c10, c11, add); c += ldc;
        Store256(c, c20, c21, add); c += ldc;
        Store256(c, c30, c31, add); c += ldc;
        Store256(c, c40, c41, add); c += ldc;
        Store256(c, c50, c51, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(float* c, Vector256<float> lo, Vector256<float> hi, bool add)
    {
        if (add)
        {
            lo += Avx.LoadVector256(c);
            hi += Avx.LoadVector256(c + 8);
        }
        Avx.Store(c, lo);
        Avx.Store(c + 8, hi);
    }

    private static void Avx512Kernel<TRows>(int kc, float* a, TRows rows, float* c, int ldc, bool add) where TRows : struct, IPanelRows
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            float* b = rows.Row(p);
            Vector512<float> b0 = Avx512F.LoadVector512(b);
            Vector512<float> b1 = Avx512F.LoadVector512(b + 16);
            Vector512<float> av = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(av, b0, c00); c01 = Avx512F.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(av, b0, c10); c11 = Avx512F.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(av, b0, c20); c21 = Avx512F.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(av, b0, c30); c31 = Avx512F.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(av, b0, c40); c41 = Avx512F.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(av, b0, c50); c51 = Avx512F.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(av, b0, c60); c61 = Avx512F.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(av, b0, c70); c71 = Avx512F.FusedMultiplyAdd(av, b1, c71);
            a += 8;
        }
        Store512(c, c00, c01, add); c += ldc;
        Store512(c, c10, c11, add); c += ldc;
        Store512(c, c20, c21, add); c += ldc;
        Store512(c, c30, c31, add); c += ldc;
        Store512(c, c40, c41, add); c += ldc;
        Store512(c, c50, c51, add); c += ldc;
        Store512(c, c60, c61, add); c += ldc;
        Store512(c, c70, c71, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* c, Vector512<float> lo, Vector512<float> hi, bool add)
    {
        if (add)
        {
            lo += Avx512F.LoadVector512(c);
            hi += Avx512F.LoadVector512(c + 16);
        }
        Avx512F.Store(c, lo);
        Avx512F.Store(c + 16, hi);
    }

    private static void ScalarKernel<TRows>(Kind kind, int kc, float* a, TRows rows, float* c, int ldc, bool add) where TRows : struct, IPanelRows
    {
        int nr = TileCols(kind), mr = TileRows(kind);
        float* acc = stackalloc float[MaxMR * MaxNR];
        new Span<float>(acc, mr * nr).Clear();
        for (int p = 0; p < kc; p++)
        {
            float* b = rows.Row(p);
            for (int i = 0; i < mr; i++)
            {
                float av = a[i];
                float* row = acc + i * nr;
                for (int j = 0; j < nr; j++) row[j] += av * b[j];
            }
            a += mr;
        }
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++)
                c[(long)i * ldc + j] = add ? c[(long)i * ldc + j] + acc[i * nr + j] : acc[i * nr + j];
    }
}

/// <summary>Where the microkernel finds row <c>p</c> (of NR values) of its B panel.</summary>
internal unsafe interface IPanelRows
{
    /// <summary>Start of row <paramref name="p"/>.</summary>
    float* Row(int p);
}

/// <summary>A packed panel: rows of NR values, one after another.</summary>
internal readonly unsafe struct PackedRows : IPanelRows
{
    private readonly float* _panel;
    private readonly int _nr;

    public PackedRows(float* panel, int nr)
    {
        _panel = panel;
        _nr = nr;
    }

    public float* Row(int p) => _panel + (long)p * _nr;
}

/// <summary>Rows read in place from an unpacked B whose row starts are listed (convolution's shifted windows).</summary>
internal readonly unsafe struct OffsetRows : IPanelRows
{
    private readonly float* _base;
    private readonly int* _offsets;

    public OffsetRows(float* columnBase, int* rowOffsets)
    {
        _base = columnBase;
        _offsets = rowOffsets;
    }

    public float* Row(int p) => _base + _offsets[p];
}
