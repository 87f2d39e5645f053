using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>A point of edwards25519 (-x² + y² = 1 + d·x²·y²) in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.</summary>
internal readonly struct EdwardsPoint
{
    public readonly Field25519 X, Y, Z, T;

    public EdwardsPoint(in Field25519 x, in Field25519 y, in Field25519 z, in Field25519 t)
    {
        X = x; Y = y; Z = z; T = t;
    }

    public static EdwardsPoint Identity => new(Field25519.Zero, Field25519.One, Field25519.One, Field25519.Zero);

    /// <summary>d = -121665/121666.</summary>
    public static Field25519 D => new(0x75EB4DCA135978A3UL, 0x00700A4D4141D8ABUL, 0x8CC740797779E898UL, 0x52036CEE2B6FFE73UL);

    /// <summary>2d.</summary>
    private static Field25519 D2 => new(0xEBD69B9426B2F159UL, 0x00E0149A8283B156UL, 0x198E80F2EEF3D130UL, 0x2406D9DC56DFFCE7UL);

    /// <summary>√-1.</summary>
    private static Field25519 SqrtMinusOne => new(0xC4EE1B274A0EA0B0UL, 0x2F431806AD2FE478UL, 0x2B4D00993DFBD7A7UL, 0x2B8324804FC1DF0BUL);

    /// <summary>The base point B (y = 4/5, x even).</summary>
    public static EdwardsPoint Base
    {
        get
        {
            var x = new Field25519(0xC9562D608F25D51AUL, 0x692CC7609525A7B2UL, 0xC0A4E231FDD6DC5CUL, 0x216936D3CD6E53FEUL);
            var y = new Field25519(0x6666666666666658UL, 0x6666666666666666UL, 0x6666666666666666UL, 0x6666666666666666UL);
            return new EdwardsPoint(x, y, Field25519.One, Field25519.Multiply(x, y));
        }
    }

    public EdwardsPoint Negate() => new(Field25519.Negate(X), Y, Z, Field25519.Negate(T));

    /// <summary>Complete addition for a = -1 (add-2008-hwcd-3): no exceptional inputs, so no branches.</summary>
    public static EdwardsPoint Add(in EdwardsPoint p, in EdwardsPoint q)
    {
        Field25519 a = Field25519.Multiply(Field25519.Subtract(p.Y, p.X), Field25519.Subtract(q.Y, q.X));
        Field25519 b = Field25519.Multiply(Field25519.Add(p.Y, p.X), Field25519.Add(q.Y, q.X));
        Field25519 c = Field25519.Multiply(Field25519.Multiply(p.T, D2), q.T);
        Field25519 zz = Field25519.Multiply(p.Z, q.Z);
        Field25519 d = Field25519.Add(zz, zz);
        Field25519 e = Field25519.Subtract(b, a), f = Field25519.Subtract(d, c), g = Field25519.Add(d, c), h = Field25519.Add(b, a);
        return new EdwardsPoint(Field25519.Multiply(e, f), Field25519.Multiply(g, h), Field25519.Multiply(f, g), Field25519.Multiply(e, h));
    }

    /// <summary>Doubling for a = -1 (dbl-2008-hwcd).</summary>
    public static EdwardsPoint Double(in EdwardsPoint p)
    {
        Field25519 a = Field25519.Square(p.X);
        Field25519 b = Field25519.Square(p.Y);
        Field25519 zz = Field25519.Square(p.Z);
        Field25519 c = Field25519.Add(zz, zz);
        Field25519 h = Field25519.Add(a, b);
        Field25519 e = Field25519.Subtract(h, Field25519.Square(Field25519.Add(p.X, p.Y)));
        Field25519 g = Field25519.Subtract(a, b);
        Field25519 f = Field25519.Add(c, g);
        return new EdwardsPoint(Field25519.Multiply(e, f), Field25519.Multiply(g, h), Field25519.Multiply(f, g), Field25519.Multiply(e, h));
    }

    /// <summary>RFC 8032 encoding: y little-endian with the sign of x in bit 255.</summary>
    public void Encode(Span<byte> output32)
    {
        Field25519 zInverse = Field25519.Invert(Z);
        Field25519 x = Field25519.Multiply(X, zInverse);
        Field25519.Multiply(Y, zInverse).Write(output32);
        if (x.IsNegative) output32[31] |= 0x80;
    }

    /// <summary>RFC 8032 §5.1.3 decoding; false for y ≥ p, no square root, or x = 0 with the sign bit set.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded32, out EdwardsPoint point)
    {
        point = Identity;
        if (encoded32.Length != 32 || !Field25519.TryRead(encoded32, out Field25519 y)) return false;
        bool sign = (encoded32[31] & 0x80) != 0;
        Field25519 yy = Field25519.Square(y);
        Field25519 u = Field25519.Subtract(yy, Field25519.One);
        Field25519 v = Field25519.Add(Field25519.Multiply(D, yy), Field25519.One);
        Field25519 v3 = Field25519.Multiply(Field25519.Square(v), v);
        Field25519 v7 = Field25519.Multiply(Field25519.Square(v3), v);
        Field25519 x = Field25519.Multiply(Field25519.Multiply(u, v3), Field25519.PowP58(Field25519.Multiply(u, v7)));
        Field25519 vxx = Field25519.Multiply(v, Field25519.Square(x));
        if (!Field25519.Equal(vxx, u))
        {
            if (!Field25519.Equal(vxx, Field25519.Negate(u))) return false;
            x = Field25519.Multiply(x, SqrtMinusOne);
        }
        x = x.Normalize();
        if (x.IsZero && sign) return false;
        if (x.IsNegative != sign) x = Field25519.Negate(x).Normalize();
        point = new EdwardsPoint(x, y, Field25519.One, Field25519.Multiply(x, y));
        return true;
    }
}
