using System.Runtime.InteropServices;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Onnx;

/// <summary>
/// An ONNX <c>TensorProto</c>: the values come either as little-endian <see cref="RawData"/> or in
/// one of the typed repeated fields, whose choice depends on the element type (int32_data carries all
/// types of 32 bits or fewer, uint64_data carries UINT32/UINT64).
/// </summary>
public sealed class OnnxTensorProto
{
    /// <summary>Tensor name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Element type code; may be one the engine does not support.</summary>
    public TensorDataType DataType { get; set; }

    /// <summary>Dimensions.</summary>
    public List<long> Dims { get; } = new();

    /// <summary>Little-endian packed values, when present.</summary>
    public byte[]? RawData { get; set; }

    /// <summary>float_data (field 4).</summary>
    public List<float> FloatData { get; } = new();

    /// <summary>int32_data (field 5).</summary>
    public List<int> Int32Data { get; } = new();

    /// <summary>int64_data (field 7).</summary>
    public List<long> Int64Data { get; } = new();

    /// <summary>double_data (field 10).</summary>
    public List<double> DoubleData { get; } = new();

    /// <summary>uint64_data (field 11).</summary>
    public List<ulong> UInt64Data { get; } = new();

    /// <summary>True when the data lives in an external file (not supported: the library does no I/O).</summary>
    public bool HasExternalData { get; set; }

    /// <summary>Parses a serialized TensorProto (an <c>input_0.pb</c> file, for instance).</summary>
    public static OnnxTensorProto Parse(ReadOnlySpan<byte> data) => OnnxParser.ParseTensor(data, 0);

    /// <summary>Converts to an engine tensor, validating the element count against the dimensions.</summary>
    /// <exception cref="OnnxFormatException">Dimensions and data disagree.</exception>
    /// <exception cref="OnnxNotSupportedException">Element type or storage is not supported.</exception>
    public Tensor ToTensor()
    {
        string label = Name.Length > 0 ? $"tensor '{Name}'" : "tensor";
        if (!TensorDataTypes.IsSupported(DataType))
            throw new OnnxNotSupportedException($"{label}: element type {TensorDataTypes.Name(DataType)} is not supported");
        if (HasExternalData)
            throw new OnnxNotSupportedException($"{label}: external data is not supported; embed the weights");
        var shape = new int[Dims.Count];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (Dims[i] < 0 || Dims[i] > int.MaxValue) throw new OnnxFormatException($"{label}: invalid dimension {Dims[i]}");
            shape[i] = (int)Dims[i];
            count *= shape[i];
            if (count > int.MaxValue) throw new OnnxFormatException($"{label}: too many elements");
        }
        int size = TensorDataTypes.ElementSize(DataType);
        if (RawData != null && (RawData.Length > 0 || TypedCount() == 0))
        {
            if (RawData.Length != count * size)
                throw new OnnxFormatException($"{label}: raw_data has {RawData.Length} bytes, shape {TensorShape.Format(shape)} of {TensorDataTypes.Name(DataType)} needs {count * size}");
            Tensor t = Tensor.Create(DataType, shape);
            RawData.CopyTo(t.Bytes());
            if (!BitConverter.IsLittleEndian) throw new OnnxNotSupportedException("big-endian hosts are not supported");
            return t;
        }
        int typed = TypedCount();
        if (typed != count)
            throw new OnnxFormatException($"{label}: holds {typed} values, shape {TensorShape.Format(shape)} needs {count}");
        Tensor result = Tensor.Create(DataType, shape);
        FillTyped(result);
        return result;
    }

    private int TypedCount() => DataType switch
    {
        TensorDataType.Float => FloatData.Count,
        TensorDataType.Int64 => Int64Data.Count,
        TensorDataType.Double => DoubleData.Count,
        TensorDataType.UInt32 or TensorDataType.UInt64 => UInt64Data.Count,
        _ => Int32Data.Count,
    };

    private void FillTyped(Tensor t)
    {
        switch (DataType)
        {
            case TensorDataType.Float: CollectionsMarshal.AsSpan(FloatData).CopyTo(t.Span<float>()); break;
            case TensorDataType.Int64: CollectionsMarshal.AsSpan(Int64Data).CopyTo(t.Span<long>()); break;
            case TensorDataType.Double: CollectionsMarshal.AsSpan(DoubleData).CopyTo(t.Span<double>()); break;
            case TensorDataType.UInt64: CollectionsMarshal.AsSpan(UInt64Data).CopyTo(t.Span<ulong>()); break;
            case TensorDataType.UInt32:
                { Span<uint> d = t.Span<uint>(); for (int i = 0; i < d.Length; i++) d[i] = (uint)UInt64Data[i]; }
                break;
            case TensorDataType.Int32: CollectionsMarshal.AsSpan(Int32Data).CopyTo(t.Span<int>()); break;
            case TensorDataType.Int16:
                { Span<short> d = t.Span<short>(); for (int i = 0; i < d.Length; i++) d[i] = (short)Int32Data[i]; }
                break;
            case TensorDataType.UInt16:
                { Span<ushort> d = t.Span<ushort>(); for (int i = 0; i < d.Length; i++) d[i] = (ushort)Int32Data[i]; }
                break;
            default:
                // INT8, UINT8 and BOOL: one byte each, stored in int32_data.
                { Span<byte> d = t.Bytes(); for (int i = 0; i < d.Length; i++) d[i] = (byte)Int32Data[i]; }
                break;
        }
    }

    /// <summary>Builds a TensorProto (raw_data form) from an engine tensor.</summary>
    public static OnnxTensorProto FromTensor(Tensor tensor, string name)
    {
        Tensor dense = tensor.Contiguous();
        var proto = new OnnxTensorProto { Name = name, DataType = tensor.DataType, RawData = dense.Bytes().ToArray() };
        foreach (int d in tensor.Shape) proto.Dims.Add(d);
        if (!ReferenceEquals(dense, tensor)) dense.Dispose();
        return proto;
    }
}
