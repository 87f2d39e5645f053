using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>A validated secp256k1 public key (a curve point other than infinity).</summary>
public readonly partial struct Secp256k1PublicKey : IEquatable<Secp256k1PublicKey>
{
    /// <summary>Length of the compressed SEC1 encoding (0x02/0x03 ‖ x).</summary>
    public const int CompressedSize = 33;

    /// <summary>Length of the uncompressed SEC1 encoding (0x04 ‖ x ‖ y).</summary>
    public const int UncompressedSize = 65;

    private readonly AffinePoint _point;
    private readonly bool _initialized;

    internal Secp256k1PublicKey(in AffinePoint point)
    {
        _point = point;
        _initialized = !point.IsInfinity;
    }

    internal AffinePoint Point => _point;

    /// <summary>False for the <c>default</c> value, which is not a key.</summary>
    public bool IsValid => _initialized;

    /// <summary>True when the y coordinate is odd.</summary>
    public bool HasOddY => _point.Y.IsOdd;

    /// <summary>
    /// Parses a SEC1 encoding: 33 bytes compressed (0x02/0x03) or 65 bytes uncompressed (0x04).
    /// Hybrid encodings (0x06/0x07), coordinates ≥ p and points off the curve are rejected.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> encoded, out Secp256k1PublicKey key)
    {
        key = default;
        if (encoded.Length == CompressedSize && (encoded[0] == 0x02 || encoded[0] == 0x03))
        {
            if (!FieldElement.TryRead(encoded.Slice(1), out FieldElement x)) return false;
            if (!AffinePoint.TryLiftX(x, encoded[0] == 0x03, out AffinePoint point)) return false;
            key = new Secp256k1PublicKey(point);
            return true;
        }
        if (encoded.Length == UncompressedSize && encoded[0] == 0x04)
        {
            if (!FieldElement.TryRead(encoded.Slice(1, 32), out FieldElement x)) return false;
            if (!FieldElement.TryRead(encoded.Slice(33, 32), out FieldElement y)) return false;
            var point = new AffinePoint(x, y);
            if (!point.IsOnCurve) return false;
            key = new Secp256k1PublicKey(point);
            return true;
        }
        return false;
    }

    /// <summary>Parses a 32-byte BIP-340 x-only key (the point with even y).</summary>
    public static bool TryParseXOnly(ReadOnlySpan<byte> xOnly, out Secp256k1PublicKey key)
    {
        key = default;
        if (xOnly.Length != 32 || !FieldElement.TryRead(xOnly, out FieldElement x)) return false;
        if (!AffinePoint.TryLiftX(x, oddY: false, out AffinePoint point)) return false;
        key = new Secp256k1PublicKey(point);
        return true;
    }

    /// <summary>Derives the public key of a secret key; false when the secret is zero, ≥ n or not 32 bytes.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> secretKey, out Secp256k1PublicKey key)
    {
        key = default;
        if (!Secp256k1.TryReadSecretKey(secretKey, out Scalar secret)) return false;
        key = new Secp256k1PublicKey(PointMultiplication.MultiplyGenerator(secret).ToAffine());
        return true;
    }

    /// <summary>Writes the 33-byte compressed encoding.</summary>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">The key is a <c>default</c> value.</exception>
    public void WriteCompressed(Span<byte> destination)
    {
        RequireValid();
        ByteOps.RequireLength(destination, CompressedSize, nameof(destination));
        destination[0] = _point.Y.IsOdd ? (byte)0x03 : (byte)0x02;
        _point.X.Write(destination.Slice(1, 32));
    }

    /// <summary>Writes the 65-byte uncompressed encoding.</summary>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">The key is a <c>default</c> value.</exception>
    public void WriteUncompressed(Span<byte> destination)
    {
        RequireValid();
        ByteOps.RequireLength(destination, UncompressedSize, nameof(destination));
        destination[0] = 0x04;
        _point.X.Write(destination.Slice(1, 32));
        _point.Y.Write(destination.Slice(33, 32));
    }

    /// <summary>Writes the 32-byte x coordinate (the BIP-340 x-only form).</summary>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">The key is a <c>default</c> value.</exception>
    public void WriteXOnly(Span<byte> destination)
    {
        RequireValid();
        ByteOps.RequireLength(destination, 32, nameof(destination));
        _point.X.Write(destination.Slice(0, 32));
    }

    /// <summary>The compressed encoding as a new array.</summary>
    public byte[] ToCompressed()
    {
        byte[] result = new byte[CompressedSize];
        WriteCompressed(result);
        return result;
    }

    /// <summary>The uncompressed encoding as a new array.</summary>
    public byte[] ToUncompressed()
    {
        byte[] result = new byte[UncompressedSize];
        WriteUncompressed(result);
        return result;
    }

    /// <inheritdoc/>
    public bool Equals(Secp256k1PublicKey other) =>
        _initialized == other._initialized
        && FieldElement.Equal(_point.X, other._point.X) && FieldElement.Equal(_point.Y, other._point.Y);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Secp256k1PublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _point.X.Normalize().L0.GetHashCode();

    private void RequireValid()
    {
        if (!_initialized) throw new InvalidOperationException("Default Secp256k1PublicKey is not a key.");
    }
}
