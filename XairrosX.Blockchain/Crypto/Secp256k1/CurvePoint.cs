using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>A point of secp256k1 (y² = x³ + 7) in affine coordinates, or the point at infinity.</summary>
internal readonly struct AffinePoint
{
    public readonly FieldElement X, Y;
    public readonly bool IsInfinity;

    public AffinePoint(in FieldElement x, in FieldElement y)
    {
        X = x; Y = y; IsInfinity = false;
    }

    private AffinePoint(bool infinity)
    {
        X = default; Y = default; IsInfinity = infinity;
    }

    public static AffinePoint Infinity => new(true);

    /// <summary>The generator G.</summary>
    public static AffinePoint Generator => new(
        new FieldElement(0x59F2815B16F81798UL, 0x029BFCDB2DCE28D9UL, 0x55A06295CE870B07UL, 0x79BE667EF9DCBBACUL),
        new FieldElement(0x9C47D08FFB10D4B8UL, 0xFD17B448A6855419UL, 0x5DA4FBFC0E1108A8UL, 0x483ADA7726A3C465UL));

    public static FieldElement CurveB => new(7, 0, 0, 0);

    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return false;
            FieldElement rightSide = FieldElement.Add(FieldElement.Multiply(FieldElement.Square(X), X), CurveB);
            return FieldElement.Equal(FieldElement.Square(Y), rightSide);
        }
    }

    public AffinePoint Negate() => IsInfinity ? this : new AffinePoint(X, FieldElement.Negate(Y));

    /// <summary>The point with this x whose y has the requested parity; false when x is not on the curve.</summary>
    public static bool TryLiftX(in FieldElement x, bool oddY, out AffinePoint point)
    {
        FieldElement rightSide = FieldElement.Add(FieldElement.Multiply(FieldElement.Square(x), x), CurveB);
        if (!FieldPowers.TrySqrt(rightSide, out FieldElement y))
        {
            point = Infinity;
            return false;
        }
        y = y.Normalize();
        if (y.IsOdd != oddY) y = FieldElement.Negate(y);
        point = new AffinePoint(x.Normalize(), y.Normalize());
        return true;
    }
}

/// <summary>A point in Jacobian coordinates (x = X/Z², y = Y/Z³); formulas for a = 0.</summary>
internal readonly partial struct JacobianPoint
{
    public readonly FieldElement X, Y, Z;
    public readonly bool IsInfinity;

    public JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x; Y = y; Z = z; IsInfinity = false;
    }

    private JacobianPoint(bool infinity)
    {
        X = default; Y = default; Z = default; IsInfinity = infinity;
    }

    public static JacobianPoint Infinity => new(true);

    public static JacobianPoint FromAffine(in AffinePoint p) => p.IsInfinity ? Infinity : new JacobianPoint(p.X, p.Y, FieldElement.One);

    public JacobianPoint Negate() => IsInfinity ? this : new JacobianPoint(X, FieldElement.Negate(Y), Z);

    public AffinePoint ToAffine()
    {
        if (IsInfinity) return AffinePoint.Infinity;
        FieldElement zInverse = FieldPowers.Invert(Z);
        FieldElement zInverse2 = FieldElement.Square(zInverse);
        return new AffinePoint(FieldElement.Multiply(X, zInverse2).Normalize(),
            FieldElement.Multiply(Y, FieldElement.Multiply(zInverse2, zInverse)).Normalize());
    }

    /// <summary>2P (dbl-2009-l, 2M + 5S). secp256k1 has no point of order 2, so Y is never 0 here.</summary>
    public static JacobianPoint Double(in JacobianPoint p)
    {
        if (p.IsInfinity) return p;
        FieldElement a = FieldElement.Square(p.X);
        FieldElement b = FieldElement.Square(p.Y);
        FieldElement c = FieldElement.Square(b);
        FieldElement xPlusB = FieldElement.Add(p.X, b);
        FieldElement d = FieldElement.Double(FieldElement.Subtract(FieldElement.Square(xPlusB), FieldElement.Add(a, c)));
        FieldElement e = FieldElement.MultiplySmall(a, 3);
        FieldElement f = FieldElement.Square(e);
        FieldElement x3 = FieldElement.Subtract(f, FieldElement.Double(d));
        FieldElement y3 = FieldElement.Subtract(FieldElement.Multiply(e, FieldElement.Subtract(d, x3)), FieldElement.MultiplySmall(c, 8));
        FieldElement z3 = FieldElement.Double(FieldElement.Multiply(p.Y, p.Z));
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>P + Q with Q affine (madd-2007-bl, 7M + 4S), handling the equal and opposite cases.</summary>
    public static JacobianPoint AddMixed(in JacobianPoint p, in AffinePoint q)
    {
        if (q.IsInfinity) return p;
        if (p.IsInfinity) return FromAffine(q);
        MixedDifferences(p, q, p.Z, out FieldElement z1z1, out FieldElement h, out FieldElement r);
        if (h.IsZero) return r.IsZero ? Double(p) : Infinity;
        MixedSum(p, h, r, out FieldElement hh, out FieldElement x3, out FieldElement y3);
        FieldElement z3 = FieldElement.Subtract(FieldElement.Square(FieldElement.Add(p.Z, h)), FieldElement.Add(z1z1, hh));
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>
    /// The first half of madd-2007-bl with <paramref name="z"/> standing for P's Z (it differs on an isomorphic curve):
    /// z², H = x_Q·z² - X_P and r = 2·(y_Q·z³ - Y_P). H = 0 means equal x coordinates.
    /// </summary>
    private static void MixedDifferences(in JacobianPoint p, in AffinePoint q, in FieldElement z, out FieldElement zz, out FieldElement h, out FieldElement r)
    {
        zz = FieldElement.Square(z);
        FieldElement u2 = FieldElement.Multiply(q.X, zz);
        FieldElement s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(z, zz));
        h = FieldElement.Subtract(u2, p.X);
        r = FieldElement.Double(FieldElement.Subtract(s2, p.Y));
    }

    /// <summary>The second half of madd-2007-bl: X3 and Y3 from H and r (Z3 = 2·Z_P·H is left to the caller), and H².</summary>
    private static void MixedSum(in JacobianPoint p, in FieldElement h, in FieldElement r, out FieldElement hh, out FieldElement x3, out FieldElement y3)
    {
        hh = FieldElement.Square(h);
        FieldElement i = FieldElement.MultiplySmall(hh, 4);
        FieldElement j = FieldElement.Multiply(h, i);
        FieldElement v = FieldElement.Multiply(p.X, i);
        x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Double(v));
        y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Double(FieldElement.Multiply(p.Y, j)));
    }

    /// <summary>P + Q, both Jacobian (add-2007-bl, 11M + 5S), handling the equal and opposite cases.</summary>
    public static JacobianPoint Add(in JacobianPoint p, in JacobianPoint q)
    {
        if (q.IsInfinity) return p;
        if (p.IsInfinity) return q;
        FieldElement z1z1 = FieldElement.Square(p.Z);
        FieldElement z2z2 = FieldElement.Square(q.Z);
        FieldElement u1 = FieldElement.Multiply(p.X, z2z2);
        FieldElement u2 = FieldElement.Multiply(q.X, z1z1);
        FieldElement s1 = FieldElement.Multiply(p.Y, FieldElement.Multiply(q.Z, z2z2));
        FieldElement s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(p.Z, z1z1));
        FieldElement h = FieldElement.Subtract(u2, u1);
        FieldElement r = FieldElement.Double(FieldElement.Subtract(s2, s1));
        if (h.IsZero) return r.IsZero ? Double(p) : Infinity;
        FieldElement i = FieldElement.Square(FieldElement.Double(h));
        FieldElement j = FieldElement.Multiply(h, i);
        FieldElement v = FieldElement.Multiply(u1, i);
        FieldElement x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Double(v));
        FieldElement y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Double(FieldElement.Multiply(s1, j)));
        FieldElement zSum = FieldElement.Add(p.Z, q.Z);
        FieldElement z3 = FieldElement.Multiply(FieldElement.Subtract(FieldElement.Square(zSum), FieldElement.Add(z1z1, z2z2)), h);
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>Converts many points with one inversion (Montgomery's trick); none may be infinity.</summary>
    public static void ToAffineBatch(ReadOnlySpan<JacobianPoint> points, Span<AffinePoint> result)
    {
        Span<FieldElement> prefix = points.Length <= 64 ? stackalloc FieldElement[points.Length] : new FieldElement[points.Length];
        FieldElement running = FieldElement.One;
        for (int i = 0; i < points.Length; i++)
        {
            prefix[i] = running;
            running = FieldElement.Multiply(running, points[i].Z);
        }
        FieldElement inverse = FieldPowers.Invert(running);
        for (int i = points.Length - 1; i >= 0; i--)
        {
            FieldElement zInverse = FieldElement.Multiply(inverse, prefix[i]);
            inverse = FieldElement.Multiply(inverse, points[i].Z);
            FieldElement zInverse2 = FieldElement.Square(zInverse);
            result[i] = new AffinePoint(FieldElement.Multiply(points[i].X, zInverse2).Normalize(),
                FieldElement.Multiply(points[i].Y, FieldElement.Multiply(zInverse2, zInverse)).Normalize());
        }
    }
}
