namespace XairrosX.AI.Onnx;

/// <summary>
/// Minimal protobuf encoder into a growable buffer. Nested messages are written into a child writer
/// first and then copied with their length prefix: simple, and model files are small enough.
/// </summary>
public sealed class ProtoWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => Written.ToArray();

    /// <summary>Writes a field key.</summary>
    public void Key(int field, WireType type) => Varint(((ulong)field << 3) | (ulong)type);

    /// <summary>Writes a raw varint.</summary>
    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    /// <summary>Writes an int64 varint field.</summary>
    public void Int64(int field, long value)
    {
        Key(field, WireType.Varint);
        Varint((ulong)value);
    }

    /// <summary>Writes a float (fixed32) field.</summary>
    public void Float(int field, float value)
    {
        Key(field, WireType.Fixed32);
        Ensure(4);
        BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Writes a bytes field.</summary>
    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Key(field, WireType.LengthDelimited);
        Varint((ulong)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    public void String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a nested message field.</summary>
    public void Message(int field, ProtoWriter child) => Bytes(field, child.Written);

    /// <summary>Writes a packed repeated int64 field.</summary>
    public void PackedInt64(int field, IReadOnlyList<long> values)
    {
        var inner = new ProtoWriter();
        foreach (long v in values) inner.Varint((ulong)v);
        Bytes(field, inner.Written);
    }

    /// <summary>Writes a packed repeated float field.</summary>
    public void PackedFloat(int field, IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * 4];
        for (int i = 0; i < values.Count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), values[i]);
        Bytes(field, bytes);
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
