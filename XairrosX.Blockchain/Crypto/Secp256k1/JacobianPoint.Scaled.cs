namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// Additions for the variable-time joint multiplication, which keeps its accumulator on a curve isomorphic to
/// secp256k1 so that the per-call table of the public point is affine there.
/// </summary>
/// <remarks>
/// For a curve y² = x³ + b (a = 0) the map (x, y) ↦ (K²x, K³y) is an isomorphism onto y² = x³ + K⁶b, and the
/// Jacobian formulas never use b, so they work unchanged on the image. In Jacobian coordinates the map is
/// (X : Y : Z) ↦ (X : Y : Z/K): a point whose Z is K becomes affine. Choosing K as the common Z of the table
/// turns every table addition into a mixed one (7M + 4S instead of 11M + 5S); the generator's fixed affine
/// table is mapped on the fly by <see cref="AddMixedScaled"/> at one extra multiplication per addition.
/// </remarks>
internal readonly partial struct JacobianPoint
{
    /// <summary>P + Q with Q affine (madd-2007-bl), also returning Z(result) / Z(P) for rescaling tables.</summary>
    /// <remarks>For table building only: P and Q are distinct small multiples of one point, never equal or opposite.</remarks>
    public static JacobianPoint AddMixedWithRatio(in JacobianPoint p, in AffinePoint q, out FieldElement zRatio)
    {
        FieldElement z1z1 = FieldElement.Square(p.Z);
        FieldElement u2 = FieldElement.Multiply(q.X, z1z1);
        FieldElement s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(p.Z, z1z1));
        FieldElement h = FieldElement.Subtract(u2, p.X);
        FieldElement r = FieldElement.Double(FieldElement.Subtract(s2, p.Y));
        // Z3 = (Z1 + H)² - Z1² - H² = 2·Z1·H.
        zRatio = FieldElement.Double(h);
        FieldElement hh = FieldElement.Square(h);
        FieldElement i = FieldElement.MultiplySmall(hh, 4);
        FieldElement j = FieldElement.Multiply(h, i);
        FieldElement v = FieldElement.Multiply(p.X, i);
        FieldElement x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Double(v));
        FieldElement y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Double(FieldElement.Multiply(p.Y, j)));
        return new JacobianPoint(x3, y3, FieldElement.Multiply(p.Z, zRatio));
    }

    /// <summary>
    /// P + ψ(Q) where P lives on the image curve of the isomorphism ψ with scale <paramref name="k"/> and Q is an
    /// affine point of secp256k1: ψ(Q) is Q with Z = 1/K, so the mixed formula runs with Z1·K in place of Z1.
    /// Variable time; handles infinity and the equal and opposite cases.
    /// </summary>
    public static JacobianPoint AddMixedScaled(in JacobianPoint p, in AffinePoint q, in FieldElement k)
    {
        if (q.IsInfinity) return p;
        if (p.IsInfinity)
        {
            FieldElement k2 = FieldElement.Square(k);
            return new JacobianPoint(FieldElement.Multiply(q.X, k2), FieldElement.Multiply(q.Y, FieldElement.Multiply(k2, k)), FieldElement.One);
        }
        FieldElement scaledZ = FieldElement.Multiply(p.Z, k);
        FieldElement zz = FieldElement.Square(scaledZ);
        FieldElement u2 = FieldElement.Multiply(q.X, zz);
        FieldElement s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(scaledZ, zz));
        FieldElement h = FieldElement.Subtract(u2, p.X);
        FieldElement r = FieldElement.Double(FieldElement.Subtract(s2, p.Y));
        if (h.IsZero) return r.IsZero ? Double(p) : Infinity;
        FieldElement hh = FieldElement.Square(h);
        FieldElement i = FieldElement.MultiplySmall(hh, 4);
        FieldElement j = FieldElement.Multiply(h, i);
        FieldElement v = FieldElement.Multiply(p.X, i);
        FieldElement x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Double(v));
        FieldElement y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Double(FieldElement.Multiply(p.Y, j)));
        return new JacobianPoint(x3, y3, FieldElement.Double(FieldElement.Multiply(p.Z, h)));
    }
}
