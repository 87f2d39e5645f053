using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>What distinguishes BLAKE2b from BLAKE2s for the shared driver: word size, block size, IV and F.</summary>
internal interface IBlake2Variant<TState> where TState : struct
{
    /// <summary>Block length in bytes (128 or 64).</summary>
    static abstract int BlockSize { get; }

    /// <summary>Largest digest and key length (64 or 32).</summary>
    static abstract int MaxOutputLength { get; }

    /// <summary>h = IV with the parameter block's first word XORed in.</summary>
    static abstract void Initialize(ref TState state, uint parameterWord);

    /// <summary>F over one block; <paramref name="counter"/> counts message bytes including this block.</summary>
    static abstract void Compress(ref TState state, ReadOnlySpan<byte> block, UInt128 counter, bool isLast);

    /// <summary>Writes all eight state words little-endian (the caller truncates).</summary>
    static abstract void WriteState(ref TState state, Span<byte> destination);
}

/// <summary>BLAKE2 buffering, keying and finalisation (RFC 7693 §3.3), shared by <see cref="Blake2b"/> and <see cref="Blake2s"/>.</summary>
internal struct Blake2Core<TVariant, TState>
    where TVariant : IBlake2Variant<TState>
    where TState : struct
{
    private TState _state;
    private Block128 _buffer;
    private Block128 _key;
    private UInt128 _counter;
    private int _buffered;
    private int _keyLength;
    private int _outputLength;

    public Blake2Core(int outputLength, ReadOnlySpan<byte> key)
    {
        int max = TVariant.MaxOutputLength;
        if (outputLength < 1 || outputLength > max) throw new ArgumentOutOfRangeException(nameof(outputLength));
        if (key.Length > max) throw new ArgumentOutOfRangeException(nameof(key), $"Key is longer than {max} bytes.");
        _outputLength = outputLength;
        _keyLength = key.Length;
        key.CopyTo(_key);
        Reset();
    }

    public readonly int OutputLength => _outputLength;

    public void Append(ReadOnlySpan<byte> data)
    {
        RequireInitialized();
        int blockSize = TVariant.BlockSize;
        Span<byte> buffer = ((Span<byte>)_buffer).Slice(0, blockSize);
        // The final block must be compressed with the last-block flag, so a full buffer waits until more input arrives.
        int room = blockSize - _buffered;
        if (data.Length > room)
        {
            data.Slice(0, room).CopyTo(buffer.Slice(_buffered));
            data = data.Slice(room);
            CompressBlock(buffer, isLast: false);
            _buffered = 0;
            while (data.Length > blockSize)
            {
                CompressBlock(data.Slice(0, blockSize), isLast: false);
                data = data.Slice(blockSize);
            }
        }
        data.CopyTo(buffer.Slice(_buffered));
        _buffered += data.Length;
    }

    public void Finish(Span<byte> destination)
    {
        RequireInitialized();
        ByteOps.RequireLength(destination, _outputLength, nameof(destination));
        int blockSize = TVariant.BlockSize;
        Span<byte> buffer = ((Span<byte>)_buffer).Slice(0, blockSize);
        buffer.Slice(_buffered).Clear();
        _counter -= (UInt128)(blockSize - _buffered);
        CompressBlock(buffer, isLast: true);
        Span<byte> full = stackalloc byte[64];
        TVariant.WriteState(ref _state, full);
        full.Slice(0, _outputLength).CopyTo(destination);
        full.Clear();
        Reset();
    }

    public void Reset()
    {
        TVariant.Initialize(ref _state, 0x01010000u ^ (uint)(_keyLength << 8) ^ (uint)_outputLength);
        _counter = 0;
        _buffered = 0;
        if (_keyLength > 0)
        {
            // A key is absorbed as a whole zero-padded first block.
            Span<byte> buffer = _buffer;
            buffer.Clear();
            ((ReadOnlySpan<byte>)_key).Slice(0, _keyLength).CopyTo(buffer);
            _buffered = TVariant.BlockSize;
        }
    }

    private void CompressBlock(ReadOnlySpan<byte> block, bool isLast)
    {
        _counter += (UInt128)TVariant.BlockSize;
        TVariant.Compress(ref _state, block, _counter, isLast);
    }

    private readonly void RequireInitialized()
    {
        if (_outputLength == 0) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
    }
}

/// <summary>BLAKE2b parameters: 64-bit words, 128-byte blocks, SHA-512's IV.</summary>
internal struct Blake2bVariant : IBlake2Variant<State8x64>
{
    public static int BlockSize => 128;

    public static int MaxOutputLength => 64;

    public static void Initialize(ref State8x64 state, uint parameterWord)
    {
        Sha512Compression.InitialState.CopyTo(state);
        state[0] ^= parameterWord;
    }

    public static void Compress(ref State8x64 state, ReadOnlySpan<byte> block, UInt128 counter, bool isLast) =>
        Blake2bCompression.Compress(state, block, (ulong)counter, (ulong)(counter >> 64), isLast);

    public static void WriteState(ref State8x64 state, Span<byte> destination)
    {
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(8 * i), state[i]);
    }
}

/// <summary>BLAKE2s parameters: 32-bit words, 64-byte blocks, SHA-256's IV, a 64-bit counter.</summary>
internal struct Blake2sVariant : IBlake2Variant<State8x32>
{
    public static int BlockSize => 64;

    public static int MaxOutputLength => 32;

    public static void Initialize(ref State8x32 state, uint parameterWord)
    {
        Sha256Compression.InitialState.CopyTo(state);
        state[0] ^= parameterWord;
    }

    public static void Compress(ref State8x32 state, ReadOnlySpan<byte> block, UInt128 counter, bool isLast) =>
        Blake2sCompression.Compress(state, block, (ulong)counter & 0xFFFFFFFF, (ulong)(counter >> 32) & 0xFFFFFFFF, isLast);

    public static void WriteState(ref State8x32 state, Span<byte> destination)
    {
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4 * i), state[i]);
    }
}
