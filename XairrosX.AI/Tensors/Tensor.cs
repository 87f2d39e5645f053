using System.Runtime.CompilerServices;

namespace XairrosX.AI.Tensors;

/// <summary>
/// An n-dimensional array over 64-byte aligned native memory. A tensor either owns its
/// <see cref="NativeBuffer"/> or is a view (reshape, slice, arena slot) into a buffer owned elsewhere;
/// views never copy. Strides are in elements, so a slice along an outer axis stays a plain view.
/// </summary>
public sealed unsafe class Tensor : IDisposable
{
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly bool _ownsBuffer;

    private Tensor(TensorDataType type, int[] shape, int[] strides, NativeBuffer buffer, long byteOffset, bool ownsBuffer)
    {
        DataType = type;
        _shape = shape;
        _strides = strides;
        Buffer = buffer;
        ByteOffset = byteOffset;
        _ownsBuffer = ownsBuffer;
        ElementCount = TensorShape.ElementCount(shape);
        ElementSize = TensorDataTypes.ElementSize(type);
    }

    /// <summary>Element type.</summary>
    public TensorDataType DataType { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Element strides per dimension.</summary>
    public ReadOnlySpan<int> Strides => _strides;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>Total number of elements.</summary>
    public int ElementCount { get; }

    /// <summary>Bytes per element.</summary>
    public int ElementSize { get; }

    /// <summary>The memory block this tensor lives in.</summary>
    public NativeBuffer Buffer { get; }

    /// <summary>Offset of element 0 inside <see cref="Buffer"/>.</summary>
    public long ByteOffset { get; }

    /// <summary>Bytes spanned by the elements (for contiguous tensors).</summary>
    public long ByteLength => (long)ElementCount * ElementSize;

    /// <summary>True when elements are laid out densely in row-major order.</summary>
    public bool IsContiguous
    {
        get
        {
            if (ElementCount == 0) return true;
            int expected = 1;
            for (int i = _shape.Length - 1; i >= 0; i--)
            {
                if (_shape[i] != 1 && _strides[i] != expected) return false;
                expected *= _shape[i];
            }
            return true;
        }
    }

    /// <summary>A new zeroed tensor that owns its memory.</summary>
    public static Tensor Create(TensorDataType type, ReadOnlySpan<int> shape)
    {
        int[] dims = shape.ToArray();
        long bytes = (long)TensorShape.ElementCount(dims) * TensorDataTypes.ElementSize(type);
        return new Tensor(type, dims, TensorShape.ContiguousStrides(dims), new NativeBuffer(bytes), 0, ownsBuffer: true);
    }

    /// <summary>A new tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<int> shape) where T : unmanaged
    {
        Tensor t = Create(TensorDataTypes.Of<T>(), shape);
        if (data.Length != t.ElementCount)
            throw new ArgumentException($"{data.Length} values do not fill shape {TensorShape.Format(shape)}");
        data.CopyTo(t.Span<T>());
        return t;
    }

    /// <summary>A contiguous view at <paramref name="byteOffset"/> of a buffer owned by someone else (arena slots).</summary>
    public static Tensor View(NativeBuffer buffer, long byteOffset, TensorDataType type, ReadOnlySpan<int> shape)
    {
        int[] dims = shape.ToArray();
        long bytes = (long)TensorShape.ElementCount(dims) * TensorDataTypes.ElementSize(type);
        if (byteOffset < 0 || byteOffset + bytes > buffer.ByteLength)
            throw new ArgumentOutOfRangeException(nameof(byteOffset), "view exceeds its buffer");
        return new Tensor(type, dims, TensorShape.ContiguousStrides(dims), buffer, byteOffset, ownsBuffer: false);
    }

    /// <summary>Typed dense view of the elements; the tensor must be contiguous and of type <typeparamref name="T"/>.</summary>
    public Span<T> Span<T>() where T : unmanaged
    {
        if (TensorDataTypes.Of<T>() != DataType)
            throw new InvalidOperationException($"tensor holds {TensorDataTypes.Name(DataType)}, not {typeof(T).Name}");
        if (!IsContiguous) throw new InvalidOperationException("tensor is a strided view; call Contiguous() first");
        return new Span<T>(Buffer.Pointer + ByteOffset, ElementCount);
    }

    /// <summary>The raw bytes of a contiguous tensor.</summary>
    public Span<byte> Bytes()
    {
        if (!IsContiguous) throw new InvalidOperationException("tensor is a strided view; call Contiguous() first");
        return new Span<byte>(Buffer.Pointer + ByteOffset, checked((int)ByteLength));
    }

    /// <summary>Zero-copy view with a new shape (same element count, contiguous source).</summary>
    public Tensor Reshape(ReadOnlySpan<int> newShape)
    {
        if (!IsContiguous) throw new InvalidOperationException("only contiguous tensors can be reshaped without a copy");
        if (TensorShape.ElementCount(newShape) != ElementCount)
            throw new ArgumentException($"cannot reshape {TensorShape.Format(_shape)} to {TensorShape.Format(newShape)}");
        int[] dims = newShape.ToArray();
        return new Tensor(DataType, dims, TensorShape.ContiguousStrides(dims), Buffer, ByteOffset, ownsBuffer: false);
    }

    /// <summary>Zero-copy view of <paramref name="length"/> indices starting at <paramref name="start"/> along <paramref name="axis"/>.</summary>
    public Tensor Slice(int axis, int start, int length)
    {
        axis = TensorShape.NormalizeAxis(axis, Rank);
        if (start < 0 || length < 0 || start + length > _shape[axis])
            throw new ArgumentOutOfRangeException(nameof(start), $"slice [{start}, {start + length}) outside axis {axis} of size {_shape[axis]}");
        int[] dims = (int[])_shape.Clone();
        dims[axis] = length;
        long offset = ByteOffset + (long)start * _strides[axis] * ElementSize;
        return new Tensor(DataType, dims, (int[])_strides.Clone(), Buffer, offset, ownsBuffer: false);
    }

    /// <summary>This tensor if contiguous, otherwise a dense copy that owns its memory.</summary>
    public Tensor Contiguous()
    {
        if (IsContiguous) return this;
        Tensor copy = Create(DataType, _shape);
        byte* dst = copy.Buffer.Pointer;
        CopyStrided(Buffer.Pointer + ByteOffset, dst);
        return copy;
    }

    private void CopyStrided(byte* src, byte* dst)
    {
        // Walks the view's multi-index like an odometer, copying one element per step.
        int count = ElementCount;
        if (count == 0) return;
        Span<int> index = stackalloc int[Math.Max(Rank, 1)];
        index.Clear();
        for (int n = 0; n < count; n++)
        {
            long srcOffset = 0;
            for (int d = 0; d < Rank; d++) srcOffset += (long)index[d] * _strides[d];
            System.Buffer.MemoryCopy(src + srcOffset * ElementSize, dst + (long)n * ElementSize, ElementSize, ElementSize);
            for (int d = Rank - 1; d >= 0; d--)
            {
                if (++index[d] < _shape[d]) break;
                index[d] = 0;
            }
        }
    }

    /// <summary>Element at a flat (row-major) index, converted to double (for tests and printing, not hot paths).</summary>
    public double GetAsDouble(int flatIndex)
    {
        if (!IsContiguous) throw new InvalidOperationException("tensor is a strided view; call Contiguous() first");
        if ((uint)flatIndex >= (uint)ElementCount) throw new ArgumentOutOfRangeException(nameof(flatIndex));
        byte* p = Buffer.Pointer + ByteOffset + (long)flatIndex * ElementSize;
        return DataType switch
        {
            TensorDataType.Float => *(float*)p,
            TensorDataType.UInt8 => *p,
            TensorDataType.Int8 => *(sbyte*)p,
            TensorDataType.UInt16 => *(ushort*)p,
            TensorDataType.Int16 => *(short*)p,
            TensorDataType.Int32 => *(int*)p,
            TensorDataType.Int64 => *(long*)p,
            TensorDataType.Bool => *p != 0 ? 1 : 0,
            TensorDataType.Double => *(double*)p,
            TensorDataType.UInt32 => *(uint*)p,
            TensorDataType.UInt64 => *(ulong*)p,
            _ => throw new NotSupportedException(TensorDataTypes.Name(DataType)),
        };
    }

    /// <summary>A dense copy that owns its memory.</summary>
    public Tensor Clone()
    {
        Tensor c = Contiguous();
        if (!ReferenceEquals(c, this)) return c;
        Tensor copy = Create(DataType, _shape);
        Bytes().CopyTo(copy.Bytes());
        return copy;
    }

    /// <summary>Frees the buffer if this tensor owns it; views do nothing.</summary>
    public void Dispose()
    {
        if (_ownsBuffer) Buffer.Dispose();
    }

    /// <summary>"FLOAT[1,10]".</summary>
    public override string ToString() => TensorDataTypes.Name(DataType) + TensorShape.Format(_shape);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T* Pointer<T>() where T : unmanaged => (T*)(Buffer.Pointer + ByteOffset);
}
