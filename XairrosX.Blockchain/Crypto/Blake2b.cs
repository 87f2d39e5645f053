using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>BLAKE2b (RFC 7693): keyed or unkeyed, any digest length from 1 to 64 bytes.</summary>
public struct Blake2b : IIncrementalHash<Blake2b>
{
    /// <summary>Largest digest and key length in bytes.</summary>
    public const int MaxOutputLength = 64;

    private State8x64 _state;
    private Block128 _buffer;
    private Block128 _key;
    private UInt128 _counter;
    private int _buffered;
    private int _keyLength;
    private int _outputLength;

    /// <summary>An unkeyed hasher with the full 64-byte digest.</summary>
    public Blake2b() : this(64, default)
    {
    }

    /// <summary>Creates a hasher.</summary>
    /// <param name="outputLength">Digest length, 1 to 64 bytes (it is part of the parameter block, so shorter digests are not prefixes).</param>
    /// <param name="key">MAC key, 0 to 64 bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is out of range.</exception>
    public Blake2b(int outputLength, ReadOnlySpan<byte> key)
    {
        if (outputLength < 1 || outputLength > 64) throw new ArgumentOutOfRangeException(nameof(outputLength));
        if (key.Length > 64) throw new ArgumentOutOfRangeException(nameof(key), "Key is longer than 64 bytes.");
        _outputLength = outputLength;
        _keyLength = key.Length;
        key.CopyTo(_key);
        Reset();
    }

    /// <summary>Digest length in bytes of the parameterless form.</summary>
    public static int HashSizeInBytes => 64;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 128;

    /// <inheritdoc/>
    public static Blake2b Create() => new();

    /// <summary>Digest length this instance produces.</summary>
    public readonly int OutputLength => _outputLength;

    /// <summary>Hashes <paramref name="data"/>; the digest length is <c>destination.Length</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination or key length is out of range.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination, ReadOnlySpan<byte> key = default)
    {
        if (destination.Length < 1 || destination.Length > 64) throw new ArgumentOutOfRangeException(nameof(destination));
        var hasher = new Blake2b(destination.Length, key);
        hasher.Append(data);
        hasher.Finish(destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new array of <paramref name="outputLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The output or key length is out of range.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength = 64, ReadOnlySpan<byte> key = default)
    {
        if (outputLength < 1 || outputLength > 64) throw new ArgumentOutOfRangeException(nameof(outputLength));
        byte[] digest = new byte[outputLength];
        Hash(data, digest, key);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_outputLength == 0) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        Span<byte> buffer = _buffer;
        // The final block must be compressed with the last-block flag, so a full buffer waits until more input arrives.
        int room = 128 - _buffered;
        if (data.Length > room)
        {
            data.Slice(0, room).CopyTo(buffer.Slice(_buffered));
            data = data.Slice(room);
            CompressBlock(buffer, isLast: false);
            _buffered = 0;
            while (data.Length > 128)
            {
                CompressBlock(data.Slice(0, 128), isLast: false);
                data = data.Slice(128);
            }
        }
        data.CopyTo(buffer.Slice(_buffered));
        _buffered += data.Length;
    }

    /// <summary>Writes the <see cref="OutputLength"/>-byte digest and resets the instance (keeping key and length).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="OutputLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination)
    {
        if (_outputLength == 0) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        ByteOps.RequireLength(destination, _outputLength, nameof(destination));
        Span<byte> buffer = _buffer;
        buffer.Slice(_buffered).Clear();
        _counter -= (UInt128)(128 - _buffered);
        CompressBlock(buffer, isLast: true);
        Span<byte> full = stackalloc byte[64];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(full.Slice(i * (64 / 8)), _state[i]);
        full.Slice(0, _outputLength).CopyTo(destination);
        Reset();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Sha512Compression.InitialState.CopyTo(_state);
        _state[0] ^= 0x01010000u ^ (uint)(_keyLength << 8) ^ (uint)_outputLength;
        _counter = 0;
        _buffered = 0;
        if (_keyLength > 0)
        {
            Span<byte> buffer = _buffer;
            buffer.Clear();
            ((ReadOnlySpan<byte>)_key).Slice(0, _keyLength).CopyTo(buffer);
            _buffered = 128;
        }
    }

    private void CompressBlock(ReadOnlySpan<byte> block, bool isLast)
    {
        _counter += 128;
        Blake2bCompression.Compress(_state, block, (ulong)_counter, (ulong)(_counter >> 64), isLast);
    }
}
