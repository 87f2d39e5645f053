using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.AI.Kernels;

/// <summary>
/// Integer GEMM for u8/s8 operands with zero points: C(int32) = Σ (A − a0)(B − b0). Operands are
/// widened to int16 with the zero point removed, B is packed as interleaved k-pairs, and AVX2's
/// vpmaddwd (SSE2 pmaddwd on baseline builds) multiplies two k-steps per instruction exactly
/// (|a|,|b| ≤ 255, no saturation possible).
/// </summary>
public static unsafe class IntegerGemm
{
    /// <summary>Shorts of scratch <see cref="Multiply"/> needs for the packed operands.</summary>
    public static long ScratchShorts(int m, int n, int k) => (long)m * (k + 1) + (long)(k + 1) * n;

    /// <summary>
    /// c[m×n] = (a − aZero) · (b − bZero). <paramref name="aZero"/> has 1 or M values (per row),
    /// <paramref name="bZero"/> 1 or N values (per column). <paramref name="scratch"/> holds
    /// <see cref="ScratchShorts"/> shorts.
    /// </summary>
    public static void Multiply<TA, TB>(int m, int n, int k, TA* a, ReadOnlySpan<int> aZero, TB* b, ReadOnlySpan<int> bZero, int* c, short* scratch)
        where TA : unmanaged where TB : unmanaged
    {
        int kPairs = (k + 1) / 2;
        short* aw = scratch;                      // M × 2·kPairs, row-major
        short* bp = scratch + (long)m * kPairs * 2; // kPairs × N × 2, interleaved pairs
        for (int i = 0; i < m; i++)
        {
            int z = aZero.Length == 1 ? aZero[0] : aZero[i];
            short* row = aw + (long)i * kPairs * 2;
            for (int p = 0; p < k; p++) row[p] = (short)(Load(a + (long)i * k + p) - z);
            if ((k & 1) != 0) row[k] = 0;
        }
        for (int p = 0; p < kPairs * 2; p++)
        {
            short* dst = bp + (long)(p >> 1) * n * 2 + (p & 1);
            for (int j = 0; j < n; j++)
            {
                int z = bZero.Length == 1 ? bZero[0] : bZero[j];
                dst[j * 2] = p < k ? (short)(Load(b + (long)p * n + j) - z) : (short)0;
            }
        }
        for (int i = 0; i < m; i++)
        {
            int* crow = c + (long)i * n;
            int* arow = (int*)(aw + (long)i * kPairs * 2); // each int = one k-pair of A
            int j = 0;
            if (Avx2.IsSupported)
            {
                for (; j + 8 <= n; j += 8)
                {
                    Vector256<int> acc = Vector256<int>.Zero;
                    for (int p = 0; p < kPairs; p++)
                    {
                        Vector256<short> av = Vector256.Create(arow[p]).AsInt16();
                        Vector256<short> bv = Avx.LoadVector256(bp + ((long)p * n + j) * 2);
                        acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(av, bv));
                    }
                    Avx.Store(crow + j, acc);
                }
            }
            if (Sse2.IsSupported)
            {
                // x64 baseline (pmaddwd): what builds without AVX2 run.
                for (; j + 4 <= n; j += 4)
                {
                    Vector128<int> acc = Vector128<int>.Zero;
                    for (int p = 0; p < kPairs; p++)
                    {
                        Vector128<short> av = Vector128.Create(arow[p]).AsInt16();
                        Vector128<short> bv = Sse2.LoadVector128(bp + ((long)p * n + j) * 2);
                        acc = Sse2.Add(acc, Sse2.MultiplyAddAdjacent(av, bv));
                    }
                    Sse2.Store(crow + j, acc);
                }
            }
            for (; j < n; j++)
            {
                int sum = 0;
                for (int p = 0; p < kPairs; p++)
                {
                    short* pair = bp + ((long)p * n + j) * 2;
                    short* ap = (short*)(arow + p);
                    sum += ap[0] * pair[0] + ap[1] * pair[1];
                }
                crow[j] = sum;
            }
        }
    }

    private static int Load<T>(T* p) where T : unmanaged
    {
        if (typeof(T) == typeof(byte)) return *(byte*)p;
        if (typeof(T) == typeof(sbyte)) return *(sbyte*)p;
        throw new NotSupportedException($"integer GEMM operand type {typeof(T).Name}");
    }
}
