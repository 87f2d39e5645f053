using System;

namespace XairrosX.Blockchain.Rlp;

/// <summary>
/// Builds RLP into a growable buffer that can be reused (<see cref="Reset"/>), so steady-state
/// encoding allocates nothing. Lists are opened with <see cref="StartList"/> and closed with
/// <see cref="EndList"/>: one byte is reserved for the header and the payload is shifted only
/// when the finished list needs the long form.
/// </summary>
public sealed class RlpWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with an initial capacity in bytes.</summary>
    public RlpWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The encoding written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Forgets everything written; keeps the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>Copies the encoding into a new array.</summary>
    public byte[] ToArray() => Written.ToArray();

    /// <summary>Writes a byte string item.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            Ensure(1);
            _buffer[_length++] = value[0];
            return;
        }
        WriteHeader(0x80, value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Writes an unsigned integer as a minimal big-endian byte string (zero is empty).</summary>
    public void WriteUInt64(ulong value)
    {
        Span<byte> tmp = stackalloc byte[8];
        int n = Rlp.WriteMinimalBigEndian(value, tmp);
        WriteBytes(tmp.Slice(8 - n));
    }

    /// <summary>Writes a big-endian unsigned integer after stripping leading zero bytes.</summary>
    public void WriteInteger(ReadOnlySpan<byte> bigEndian)
    {
        int i = 0;
        while (i < bigEndian.Length && bigEndian[i] == 0) i++;
        WriteBytes(bigEndian.Slice(i));
    }

    /// <summary>Copies an already encoded item verbatim.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> encodedItem)
    {
        Ensure(encodedItem.Length);
        encodedItem.CopyTo(_buffer.AsSpan(_length));
        _length += encodedItem.Length;
    }

    /// <summary>Opens a list; pass the returned mark to <see cref="EndList"/>.</summary>
    public int StartList()
    {
        Ensure(1);
        return _length++;
    }

    /// <summary>Closes the list opened at <paramref name="mark"/> and writes its header.</summary>
    public void EndList(int mark)
    {
        int payloadStart = mark + 1;
        int payload = _length - payloadStart;
        if (payload < RlpHeader.ShortLimit)
        {
            _buffer[mark] = (byte)(0xC0 + payload);
            return;
        }
        int lengthOfLength = Rlp.ByteLength((ulong)payload);
        Ensure(lengthOfLength);
        Buffer.BlockCopy(_buffer, payloadStart, _buffer, payloadStart + lengthOfLength, payload);
        _buffer[mark] = (byte)(0xF7 + lengthOfLength);
        WriteLengthAt(mark + 1, payload, lengthOfLength);
        _length += lengthOfLength;
    }

    private void WriteHeader(byte shortBase, int payloadLength)
    {
        if (payloadLength < RlpHeader.ShortLimit)
        {
            Ensure(1);
            _buffer[_length++] = (byte)(shortBase + payloadLength);
            return;
        }
        int lengthOfLength = Rlp.ByteLength((ulong)payloadLength);
        Ensure(1 + lengthOfLength);
        _buffer[_length++] = (byte)(shortBase + 55 + lengthOfLength);
        WriteLengthAt(_length, payloadLength, lengthOfLength);
        _length += lengthOfLength;
    }

    private void WriteLengthAt(int at, int value, int byteCount)
    {
        for (int i = byteCount - 1; i >= 0; i--)
        {
            _buffer[at + i] = (byte)value;
            value >>= 8;
        }
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        int size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
