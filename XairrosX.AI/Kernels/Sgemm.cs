using System.Runtime.Intrinsics.X86;

namespace XairrosX.AI.Kernels;

/// <summary>
/// Single-precision GEMM, C = alpha·op(A)·op(B) (+ C when accumulating), in the Goto/BLIS layout:
/// B is packed into KC×NR panels that stay in L2, A into MR×KC panels that stay in L1, and a
/// register-blocked microkernel (AVX-512, AVX2+FMA, or scalar) computes MR×NR tiles.
/// <see cref="MultiplyParallel"/> splits M over the cores: each worker runs the same blocked GEMM on its rows with
/// its own <see cref="GemmWorkspace"/> (rows never share output; each worker packs B itself).
/// </summary>
public static unsafe class Sgemm
{
    private const int KC = 256;
    private const int MC = 96;
    private const int NC = 1024;

    /// <summary>Which microkernel the host runs ("avx512", "avx2-fma", "scalar").</summary>
    public static string Path => SgemmMicroKernel.Name;

    /// <summary>
    /// Row-major GEMM on raw pointers. op(A) is M×K, op(B) is K×N, C is M×N with row stride
    /// <paramref name="ldc"/>. When <paramref name="accumulate"/> is false C is overwritten.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, bool accumulate, float* c, int ldc, GemmWorkspace workspace)
    {
        if (m <= 0 || n <= 0) return;
        if (k <= 0)
        {
            if (!accumulate) for (int i = 0; i < m; i++) new Span<float>(c + (long)i * ldc, n).Clear();
            return;
        }
        if (m < SmallM && !transA && !transB)
        {
            SmallRows(m, n, k, alpha, a, lda, b, ldb, accumulate, c, ldc);
            return;
        }
        Blocked(transA, transB, m, n, k, alpha, a, lda, b, ldb, null, accumulate, c, ldc, workspace);
    }

    private static void Blocked(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda,
        float* b, int ldb, int* bRowOffsets, bool accumulate, float* c, int ldc, GemmWorkspace workspace)
    {
        // One read of the kernel family per call: packing and tiles must agree even if a test switches families.
        SgemmMicroKernel.Kind kind = SgemmMicroKernel.Current;
        int mr = SgemmMicroKernel.TileRows(kind), nr = SgemmMicroKernel.TileCols(kind);
        int ncMax = Math.Min(NC, RoundUp(n, nr));
        int kcMax = Math.Min(KC, k);
        float* packedB = workspace.PackedB((long)kcMax * ncMax);
        float* packedA = workspace.PackedA((long)kcMax * Math.Min(MC, RoundUp(m, mr)));
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                bool add = accumulate || pc > 0;
                // Rows given by offsets are read in place for full panels: for the few-row GEMMs of
                // convolution, packing B would cost as much as the arithmetic (see MacroKernel).
                bool direct = bRowOffsets != null && kind != SgemmMicroKernel.Kind.Scalar;
                if (!direct) PackB(transB, b, ldb, bRowOffsets, pc, jc, kc, nc, nr, packedB);
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    PackA(transA, a, lda, ic, pc, mc, kc, mr, alpha, packedA);
                    MacroKernel(kind, mr, nr, mc, nc, kc, packedA, packedB, c + (long)ic * ldc + jc, ldc, add,
                        direct ? b + jc : null, direct ? bRowOffsets + pc : null);
                }
            }
        }
    }

    /// <summary>
    /// GEMM whose B rows start at arbitrary offsets: B(p, j) = b[rowOffsets[p] + j]. Convolution uses it
    /// to read shifted windows of the (padded) image directly, with no im2col matrix.
    /// </summary>
    internal static void MultiplyRowOffsetB(int m, int n, int k, float* a, int lda, float* b, int* rowOffsets,
        bool accumulate, float* c, int ldc, GemmWorkspace workspace)
        => Blocked(false, false, m, n, k, 1f, a, lda, b, 0, rowOffsets, accumulate, c, ldc, workspace);

    /// <summary>Fewest multiply-adds (M·N·K) worth splitting over threads.</summary>
    public const long ParallelThreshold = 2_000_000;

    [ThreadStatic] private static GemmWorkspace? t_workspace;

    /// <summary>
    /// <see cref="Multiply(bool, bool, int, int, int, float, float*, int, float*, int, bool, float*, int, GemmWorkspace)"/>
    /// on all cores: M is split into row ranges (whole <c>MC</c> blocks) computed by <c>Parallel.For</c>
    /// workers, each with its own packing workspace (per thread, reused across calls). Rows never share output and every
    /// element is summed in the same order as the single-threaded path, so the result is bit-identical.
    /// Small products, one core (the kernel today) or <paramref name="maxWorkers"/> = 1 run single-threaded, in
    /// <paramref name="workspace"/> when one is given.
    /// </summary>
    public static void MultiplyParallel(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, bool accumulate, float* c, int ldc, int maxWorkers = 0, GemmWorkspace? workspace = null)
    {
        int cores = maxWorkers > 0 ? maxWorkers : Environment.ProcessorCount;
        int workers = Math.Min(cores, (m + MC - 1) / MC);
        if (workers <= 1 || (long)m * n * k < ParallelThreshold)
        {
            Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, accumulate, c, ldc, workspace ?? (t_workspace ??= new GemmWorkspace()));
            return;
        }
        int rowsPer = RoundUp((m + workers - 1) / workers, MC);
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        System.Threading.Tasks.Parallel.For(0, workers, w =>
        {
            int r0 = w * rowsPer, rows = Math.Min(rowsPer, m - r0);
            if (rows <= 0) return;
            // op(A)'s row r0 starts r0 rows down in A, or r0 columns across when A is stored transposed.
            float* aw = (float*)pa + (transA ? r0 : (long)r0 * lda);
            Multiply(transA, transB, rows, n, k, alpha, aw, lda, (float*)pb, ldb, accumulate, (float*)pc + (long)r0 * ldc, ldc,
                t_workspace ??= new GemmWorkspace());
        });
    }

    /// <summary>Span convenience overload for dense row-major matrices.</summary>
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        GemmWorkspace workspace, bool accumulate = false, float alpha = 1f)
    {
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException("matrix spans are shorter than M×K, K×N, M×N");
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
            Multiply(false, false, m, n, k, alpha, pa, k, pb, n, accumulate, pc, n, workspace);
    }

    /// <summary>Below this many rows packing costs more than it saves (MNIST's final layer is 1×256 · 256×10).</summary>
    private const int SmallM = 4;

    /// <summary>Few rows: each output row accumulates alpha·a[i,p]·B[p,:] over contiguous rows of B.</summary>
    private static void SmallRows(int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, bool accumulate, float* c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + (long)i * ldc, n);
            if (!accumulate) row.Clear();
            float* ai = a + (long)i * lda;
            for (int p = 0; p < k; p++)
            {
                float s = alpha * ai[p];
                if (s != 0f) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(b + (long)p * ldb, n), s, row, row);
            }
        }
    }

    private static void MacroKernel(SgemmMicroKernel.Kind kind, int mr, int nr, int mc, int nc, int kc, float* packedA, float* packedB,
        float* c, int ldc, bool add, float* directB, int* directRows)
    {
        float* edge = stackalloc float[SgemmMicroKernel.MaxMR * SgemmMicroKernel.MaxNR];
        for (int jr = 0; jr < nc; jr += nr)
        {
            int nEff = Math.Min(nr, nc - jr);
            if (directB != null)
            {
                if (nEff == nr)
                {
                    DirectPanel(kind, mr, nr, mc, kc, packedA, new OffsetRows(directB + jr, directRows), c + jr, ldc, add, edge);
                    continue;
                }
                // The last, partial panel would read past the rows' ends: pack just that one.
                PackPanel(directB + jr, directRows, kc, nEff, nr, packedB);
                DirectPanel(kind, mr, nr, mc, kc, packedA, new PackedRows(packedB, nr), c + jr, ldc, add, edge, nEff);
                continue;
            }
            float* bPanel = packedB + (long)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int mEff = Math.Min(mr, mc - ir);
                float* aPanel = packedA + (long)ir * kc;
                float* cTile = c + (long)ir * ldc + jr;
                if (mEff == mr && nEff == nr)
                {
                    SgemmMicroKernel.Run(kind, kc, aPanel, bPanel, cTile, ldc, add);
                    continue;
                }
                // Partial tile: compute the full tile into a scratch block, then merge the valid part.
                SgemmMicroKernel.Run(kind, kc, aPanel, bPanel, edge, nr, false);
                for (int i = 0; i < mEff; i++)
                    for (int j = 0; j < nEff; j++)
                        cTile[(long)i * ldc + j] = add ? cTile[(long)i * ldc + j] + edge[i * nr + j] : edge[i * nr + j];
            }
        }
    }

    private static void DirectPanel<TRows>(SgemmMicroKernel.Kind kind, int mr, int nr, int mc, int kc, float* packedA, TRows rows,
        float* c, int ldc, bool add, float* edge, int nEff = int.MaxValue) where TRows : struct, IPanelRows
    {
        nEff = Math.Min(nEff, nr);
        for (int ir = 0; ir < mc; ir += mr)
        {
            int mEff = Math.Min(mr, mc - ir);
            float* cTile = c + (long)ir * ldc;
            if (mEff == mr && nEff == nr)
            {
                SgemmMicroKernel.Run(kind, kc, packedA + (long)ir * kc, rows, cTile, ldc, add);
                continue;
            }
            SgemmMicroKernel.Run(kind, kc, packedA + (long)ir * kc, rows, edge, nr, false);
            for (int i = 0; i < mEff; i++)
                for (int j = 0; j < nEff; j++)
                    cTile[(long)i * ldc + j] = add ? cTile[(long)i * ldc + j] + edge[i * nr + j] : edge[i * nr + j];
        }
    }

    private static void PackPanel(float* b, int* rowOffsets, int kc, int cols, int nr, float* dst)
    {
        for (int p = 0; p < kc; p++, dst += nr)
        {
            new ReadOnlySpan<float>(b + rowOffsets[p], cols).CopyTo(new Span<float>(dst, cols));
            new Span<float>(dst + cols, nr - cols).Clear();
        }
    }

    private static void PackA(bool transA, float* a, int lda, int ic, int pc, int mc, int kc, int mr, float alpha, float* dst)
    {
        // Panel layout: for each MR rows, k-major (MR consecutive values per k); rows past M are zero.
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            for (int p = 0; p < kc; p++)
            {
                int i = 0;
                for (; i < rows; i++)
                {
                    long row = ic + ir + i, col = pc + p;
                    float v = transA ? a[col * lda + row] : a[row * lda + col];
                    dst[i] = v * alpha;
                }
                for (; i < mr; i++) dst[i] = 0f;
                dst += mr;
            }
        }
    }

    private static void PackB(bool transB, float* b, int ldb, int* rowOffsets, int pc, int jc, int kc, int nc, int nr, float* dst)
    {
        // Panel layout: for each NR columns, k-major (NR consecutive values per k); columns past N are zero.
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            for (int p = 0; p < kc; p++)
            {
                long row = pc + p;
                float* rowStart = rowOffsets != null ? b + rowOffsets[row] : b + row * ldb;
                if (!transB && cols == nr)
                {
                    new ReadOnlySpan<float>(rowStart + jc + jr, nr).CopyTo(new Span<float>(dst, nr));
                }
                else if (!transB)
                {
                    new ReadOnlySpan<float>(rowStart + jc + jr, cols).CopyTo(new Span<float>(dst, cols));
                    new Span<float>(dst + cols, nr - cols).Clear();
                }
                else
                {
                    int j = 0;
                    for (; j < cols; j++)
                    {
                        long col = jc + jr + j;
                        dst[j] = transB ? b[col * ldb + row] : b[row * ldb + col];
                    }
                    for (; j < nr; j++) dst[j] = 0f;
                }
                dst += nr;
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>True when the FMA microkernel is available (for reports).</summary>
    public static bool IsAccelerated => Fma.IsSupported || Avx512F.IsSupported;
}
