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
        MixedDifferences(p, q, p.Z, out _, out FieldElement h, out FieldElement r);
        MixedSum(p, h, r, out _, out FieldElement x3, out FieldElement y3);
        zRatio = FieldElement.Double(h);
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
        MixedDifferences(p, q, FieldElement.Multiply(p.Z, k), out _, out FieldElement h, out FieldElement r);
        if (h.IsZero) return r.IsZero ? Double(p) : Infinity;
        MixedSum(p, h, r, out _, out FieldElement x3, out FieldElement y3);
        return new JacobianPoint(x3, y3, FieldElement.Double(FieldElement.Multiply(p.Z, h)));
    }
}
