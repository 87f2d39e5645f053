using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// The Keccak sponge over Keccak-f[1600] with a configurable rate and domain-separation byte:
/// 0x01 for original Keccak (Ethereum), 0x06 for SHA-3, 0x1F for SHAKE.
/// </summary>
/// <remarks>
/// Partial blocks are XORed straight into the state's byte view, which matches the lane order
/// only on little-endian hosts (x86_64, the only target); whole blocks go through explicit
/// little-endian loads.
/// </remarks>
public struct KeccakSponge
{
    private KeccakState _state;
    private readonly int _rate;
    private readonly byte _domain;
    private int _position;
    private bool _squeezing;

    /// <summary>Creates an empty sponge.</summary>
    /// <param name="rateInBytes">Rate (block size) in bytes: a multiple of 8 below 200.</param>
    /// <param name="domainSeparator">Padding byte that starts the pad10*1 padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not a positive multiple of 8 below 200.</exception>
    public KeccakSponge(int rateInBytes, byte domainSeparator)
    {
        if (rateInBytes <= 0 || rateInBytes >= 200 || rateInBytes % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(rateInBytes));
        _rate = rateInBytes;
        _domain = domainSeparator;
    }

    /// <summary>Rate in bytes.</summary>
    public readonly int RateInBytes => _rate;

    /// <summary>Absorbs input.</summary>
    /// <exception cref="InvalidOperationException">Output was already squeezed, or the sponge is a default value.</exception>
    public void Absorb(ReadOnlySpan<byte> data)
    {
        if (_squeezing || _rate == 0) throw new InvalidOperationException("Sponge is squeezing or uninitialised; call Reset or use a constructor.");
        Span<byte> stateBytes = MemoryMarshal.AsBytes((Span<ulong>)_state);
        if (_position != 0)
        {
            int take = Math.Min(_rate - _position, data.Length);
            ByteOps.XorInPlace(stateBytes.Slice(_position), data.Slice(0, take));
            _position += take;
            data = data.Slice(take);
            if (_position < _rate) return;
            KeccakPermutation.Permute(ref _state);
            _position = 0;
        }
        while (data.Length >= _rate)
        {
            AbsorbBlock(data.Slice(0, _rate));
            KeccakPermutation.Permute(ref _state);
            data = data.Slice(_rate);
        }
        if (data.Length > 0)
        {
            ByteOps.XorInPlace(stateBytes, data);
            _position = data.Length;
        }
    }

    /// <summary>Pads (on the first call) and writes output; may be called repeatedly to read a longer stream.</summary>
    /// <exception cref="InvalidOperationException">The sponge is a default value.</exception>
    public void Squeeze(Span<byte> output)
    {
        if (_rate == 0) throw new InvalidOperationException("Sponge is uninitialised; use a constructor.");
        Span<byte> stateBytes = MemoryMarshal.AsBytes((Span<ulong>)_state);
        if (!_squeezing)
        {
            stateBytes[_position] ^= _domain;
            stateBytes[_rate - 1] ^= 0x80;
            KeccakPermutation.Permute(ref _state);
            _position = 0;
            _squeezing = true;
        }
        while (output.Length > 0)
        {
            if (_position == _rate)
            {
                KeccakPermutation.Permute(ref _state);
                _position = 0;
            }
            int take = Math.Min(_rate - _position, output.Length);
            stateBytes.Slice(_position, take).CopyTo(output);
            _position += take;
            output = output.Slice(take);
        }
    }

    /// <summary>Clears the state; rate and padding are kept.</summary>
    public void Reset()
    {
        ((Span<ulong>)_state).Clear();
        _position = 0;
        _squeezing = false;
    }

    /// <summary>One-shot hash: a fresh sponge absorbs <paramref name="data"/> and writes <paramref name="length"/> bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="length"/>.</exception>
    internal static void Hash(int rateInBytes, byte domainSeparator, ReadOnlySpan<byte> data, Span<byte> destination, int length)
    {
        ByteOps.RequireLength(destination, length, nameof(destination));
        var sponge = new KeccakSponge(rateInBytes, domainSeparator);
        sponge.Absorb(data);
        sponge.Squeeze(destination.Slice(0, length));
    }

    /// <summary>Writes a fixed-length digest and starts over, as <see cref="IIncrementalHash{TSelf}.Finish"/> does.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="length"/>.</exception>
    internal void Finish(Span<byte> destination, int length)
    {
        ByteOps.RequireLength(destination, length, nameof(destination));
        Squeeze(destination.Slice(0, length));
        Reset();
    }

    private void AbsorbBlock(ReadOnlySpan<byte> block)
    {
        Span<ulong> lanes = _state;
        int laneCount = _rate >> 3;
        if (BitConverter.IsLittleEndian)
        {
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(block).Slice(0, laneCount);
            for (int i = 0; i < words.Length; i++) lanes[i] ^= words[i];
        }
        else
        {
            for (int i = 0; i < laneCount; i++) lanes[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8));
        }
    }
}
