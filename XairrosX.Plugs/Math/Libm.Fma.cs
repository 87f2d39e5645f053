using System;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Export for C fma (CoreLib's Math.FusedMultiplyAdd imports it when the JIT cannot emit VFMADD).
// With the FMA instruction the hardware answers; otherwise the exact product and sum are built in
// 128-bit integers and rounded once, subnormal and overflowing results included.
public static partial class Libm
{
    /// <summary>a * b + c with a single rounding (C <c>fma</c>).</summary>
    /// <param name="a">First factor.</param>
    /// <param name="b">Second factor.</param>
    /// <param name="c">Addend.</param>
    /// <returns>The correctly rounded a*b + c.</returns>
    public static double Fma(double a, double b, double c) =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Math.FusedMultiplyAdd(a, b, c) : SoftwareFma(a, b, c);

    /// <summary>The integer-arithmetic fma used without the FMA instruction (internal for tests).</summary>
    internal static double SoftwareFma(double a, double b, double c)
    {
        // Non-finite operands, zero factors and a zero addend: plain IEEE arithmetic is already exact.
        if (IsNotFinite(a) || IsNotFinite(b) || a == 0.0 || b == 0.0) return a * b + c;
        if (IsNotFinite(c)) return c; // a*b is finite here even if fl(a*b) would overflow
        if (c == 0.0) return a * b;

        bool productNegative = IsNegative(a) != IsNegative(b);
        UInt128 product = (UInt128)Significand(a, out int ea) * Significand(b, out int eb);
        int shift = 125 - HighestBit(product);
        UInt128 x = product << shift;
        int ex = ea + eb - shift;
        UInt128 y = (UInt128)Significand(c, out int ec) << 73;
        ec -= 73;
        bool addendNegative = IsNegative(c);

        // Align on the larger exponent; bits shifted out below a 72-bit guard zone only matter as a sticky bit.
        int exponent;
        if (ex >= ec)
        {
            y = ShiftRightSticky(y, ex - ec);
            exponent = ex;
        }
        else
        {
            x = ShiftRightSticky(x, ec - ex);
            exponent = ec;
        }

        UInt128 sum;
        bool negative;
        if (productNegative == addendNegative)
        {
            sum = x + y;
            negative = productNegative;
        }
        else if (x >= y)
        {
            sum = x - y;
            negative = productNegative;
        }
        else
        {
            sum = y - x;
            negative = addendNegative;
        }
        if (sum == UInt128.Zero) return 0.0; // exact cancellation rounds to +0

        double magnitude = RoundToDouble(sum, exponent);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>Rounds sum * 2^exponent to nearest-even double (subnormal and overflow handled).</summary>
    private static double RoundToDouble(UInt128 sum, int exponent)
    {
        int top = HighestBit(sum);
        int quantum = top + exponent - 52; // exponent of the result's last bit, floored at the subnormal quantum
        if (quantum < -1074) quantum = -1074;
        int drop = quantum - exponent;
        // Integers below 2^53 convert through long: signed CVTSI2SD, no unsigned-conversion helper in the kernel.
        if (drop <= 0) return ScaleB((long)(ulong)sum, exponent); // at most 53 bits: exact
        ulong kept;
        bool roundUp;
        if (drop > 127)
        {
            kept = 0;
            roundUp = false; // sum < 2^127 <= half a quantum
        }
        else
        {
            kept = (ulong)(sum >> drop);
            UInt128 rest = sum & ((UInt128.One << drop) - 1);
            UInt128 half = UInt128.One << (drop - 1);
            roundUp = rest > half || (rest == half && (kept & 1) != 0);
        }
        if (roundUp) kept++;
        return ScaleB((long)kept, quantum); // kept <= 2^53: exact unless it overflows to inf
    }

    private static UInt128 ShiftRightSticky(UInt128 v, int n)
    {
        if (n == 0) return v;
        if (n >= 127) return v == UInt128.Zero ? v : UInt128.One;
        UInt128 lost = v & ((UInt128.One << n) - 1);
        return (v >> n) | (lost != UInt128.Zero ? UInt128.One : UInt128.Zero);
    }

    /// <summary>Integer significand m and exponent e with |v| = m * 2^e, m &lt; 2^53, for finite non-zero v.</summary>
    private static ulong Significand(double v, out int e)
    {
        ulong bits = Bits(v) & ~SignMask;
        int biased = (int)(bits >> 52);
        if (biased == 0)
        {
            e = -1074;
            return bits;
        }
        e = biased - 1075;
        return (bits & FractionMask) | (1UL << 52);
    }

    private static int HighestBit(UInt128 v) => 127 - (int)UInt128.LeadingZeroCount(v);
}
