namespace XairrosX.AI.Tensors;

/// <summary>Element types, numbered exactly as ONNX's <c>TensorProto.DataType</c> so values pass through unchanged.</summary>
public enum TensorDataType
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,
    /// <summary>Unsigned byte.</summary>
    UInt8 = 2,
    /// <summary>Signed byte.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,
    /// <summary>Strings (not supported by the engine).</summary>
    String = 8,
    /// <summary>Boolean stored as one byte.</summary>
    Bool = 9,
    /// <summary>IEEE half (not supported by the engine).</summary>
    Float16 = 10,
    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
}

/// <summary>Facts about <see cref="TensorDataType"/> values.</summary>
public static class TensorDataTypes
{
    /// <summary>True when the engine can hold tensors of this type.</summary>
    public static bool IsSupported(TensorDataType type) => ElementSizeOrZero(type) != 0;

    /// <summary>Size of one element in bytes.</summary>
    /// <exception cref="NotSupportedException">The type is not one the engine stores.</exception>
    public static int ElementSize(TensorDataType type)
    {
        int size = ElementSizeOrZero(type);
        if (size == 0) throw new NotSupportedException($"tensor element type {Name(type)} is not supported");
        return size;
    }

    /// <summary>ONNX-style name of the type (e.g. "FLOAT", "FLOAT8E4M3FN", or "type 42").</summary>
    public static string Name(TensorDataType type) => (int)type switch
    {
        0 => "UNDEFINED", 1 => "FLOAT", 2 => "UINT8", 3 => "INT8", 4 => "UINT16", 5 => "INT16",
        6 => "INT32", 7 => "INT64", 8 => "STRING", 9 => "BOOL", 10 => "FLOAT16", 11 => "DOUBLE",
        12 => "UINT32", 13 => "UINT64", 14 => "COMPLEX64", 15 => "COMPLEX128", 16 => "BFLOAT16",
        17 => "FLOAT8E4M3FN", 18 => "FLOAT8E4M3FNUZ", 19 => "FLOAT8E5M2", 20 => "FLOAT8E5M2FNUZ",
        21 => "UINT4", 22 => "INT4", 23 => "FLOAT4E2M1", 24 => "FLOAT8E8M0", 25 => "UINT2", 26 => "INT2",
        _ => "type " + ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int ElementSizeOrZero(TensorDataType type) => type switch
    {
        TensorDataType.Float or TensorDataType.Int32 or TensorDataType.UInt32 => 4,
        TensorDataType.UInt8 or TensorDataType.Int8 or TensorDataType.Bool => 1,
        TensorDataType.UInt16 or TensorDataType.Int16 => 2,
        TensorDataType.Int64 or TensorDataType.UInt64 or TensorDataType.Double => 8,
        _ => 0,
    };

    /// <summary>The enum value matching a CLR element type.</summary>
    public static TensorDataType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return TensorDataType.Float;
        if (typeof(T) == typeof(byte)) return TensorDataType.UInt8;
        if (typeof(T) == typeof(sbyte)) return TensorDataType.Int8;
        if (typeof(T) == typeof(ushort)) return TensorDataType.UInt16;
        if (typeof(T) == typeof(short)) return TensorDataType.Int16;
        if (typeof(T) == typeof(int)) return TensorDataType.Int32;
        if (typeof(T) == typeof(long)) return TensorDataType.Int64;
        if (typeof(T) == typeof(bool)) return TensorDataType.Bool;
        if (typeof(T) == typeof(double)) return TensorDataType.Double;
        if (typeof(T) == typeof(uint)) return TensorDataType.UInt32;
        if (typeof(T) == typeof(ulong)) return TensorDataType.UInt64;
        throw new NotSupportedException($"CLR type {typeof(T).Name} has no tensor element type");
    }
}
