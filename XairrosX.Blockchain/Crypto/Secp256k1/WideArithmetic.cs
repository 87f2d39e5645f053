using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Multi-word unsigned arithmetic on 64-bit limbs, shared by the scalar fields of secp256k1 and Ed25519 and by GF(2^255-19).</summary>
internal static class WideArithmetic
{
    /// <summary>The 512-bit product of two 256-bit numbers (schoolbook).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplyWide(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong carry;
        carry = MulAdd(a0, b0, 0, 0, out r0);
        carry = MulAdd(a0, b1, 0, carry, out r1);
        carry = MulAdd(a0, b2, 0, carry, out r2);
        r4 = MulAdd(a0, b3, 0, carry, out r3);
        carry = MulAdd(a1, b0, r1, 0, out r1);
        carry = MulAdd(a1, b1, r2, carry, out r2);
        carry = MulAdd(a1, b2, r3, carry, out r3);
        r5 = MulAdd(a1, b3, r4, carry, out r4);
        carry = MulAdd(a2, b0, r2, 0, out r2);
        carry = MulAdd(a2, b1, r3, carry, out r3);
        carry = MulAdd(a2, b2, r4, carry, out r4);
        r6 = MulAdd(a2, b3, r5, carry, out r5);
        carry = MulAdd(a3, b0, r3, 0, out r3);
        carry = MulAdd(a3, b1, r4, carry, out r4);
        carry = MulAdd(a3, b2, r5, carry, out r5);
        r7 = MulAdd(a3, b3, r6, carry, out r6);
    }

    /// <summary>The 512-bit square: the six cross products are computed once and doubled, ten multiplications instead of sixteen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SquareWide(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong carry = MulAdd(a0, a1, 0, 0, out r1);
        carry = MulAdd(a0, a2, 0, carry, out r2);
        r4 = MulAdd(a0, a3, 0, carry, out r3);
        carry = MulAdd(a1, a2, r3, 0, out r3);
        r5 = MulAdd(a1, a3, r4, carry, out r4);
        r6 = MulAdd(a2, a3, r5, 0, out r5);
        r7 = r6 >> 63;
        r6 = (r6 << 1) | (r5 >> 63);
        r5 = (r5 << 1) | (r4 >> 63);
        r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 <<= 1;
        r0 = a0 * a0;
        ulong high = MultiplyHigh(a0, a0);
        carry = 0;
        r1 = AddCarry(r1, high, ref carry);
        ulong low = a1 * a1;
        high = MultiplyHigh(a1, a1);
        r2 = AddCarry(r2, low, ref carry);
        r3 = AddCarry(r3, high, ref carry);
        low = a2 * a2;
        high = MultiplyHigh(a2, a2);
        r4 = AddCarry(r4, low, ref carry);
        r5 = AddCarry(r5, high, ref carry);
        low = a3 * a3;
        high = MultiplyHigh(a3, a3);
        r6 = AddCarry(r6, low, ref carry);
        r7 = AddCarry(r7, high, ref carry);
    }

    /// <summary>
    /// The high word of a · b. MULX for that word alone and a plain multiply for the low one keep both in registers,
    /// where Math.BigMul's out parameter sends the low word through the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>a · b + x + y as a 128-bit (high, low) pair; cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulAdd(ulong a, ulong b, ulong x, ulong y, out ulong low)
    {
        ulong l = a * b;
        ulong high = MultiplyHigh(a, b);
        l += x;
        high += l < x ? 1UL : 0UL;
        l += y;
        high += l < y ? 1UL : 0UL;
        low = l;
        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong c1 = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        ulong c2 = result < sum ? 1UL : 0UL;
        carry = c1 | c2;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong result = difference - borrow;
        ulong b2 = difference < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return result;
    }
}
