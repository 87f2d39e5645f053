namespace XairrosX.AI.Tensors;

/// <summary>
/// The memory of one model's intermediate tensors: a single pooled block laid out by a
/// <see cref="MemoryPlan"/>. Tensors handed out are views, so running the model allocates nothing.
/// </summary>
public sealed class TensorArena : IDisposable
{
    private readonly TensorMemoryPool _pool;
    private NativeBuffer? _buffer;

    /// <summary>Creates an arena of <paramref name="byteLength"/> bytes rented from <paramref name="pool"/>.</summary>
    public TensorArena(long byteLength, TensorMemoryPool? pool = null)
    {
        _pool = pool ?? TensorMemoryPool.Shared;
        _buffer = _pool.Rent(Math.Max(byteLength, NativeBuffer.Alignment));
        ByteLength = byteLength;
    }

    /// <summary>Bytes the plan asked for.</summary>
    public long ByteLength { get; }

    /// <summary>A tensor at a planned offset.</summary>
    public Tensor TensorAt(long byteOffset, TensorDataType type, ReadOnlySpan<int> shape)
        => Tensor.View(_buffer ?? throw new ObjectDisposedException(nameof(TensorArena)), byteOffset, type, shape);

    /// <summary>Returns the block to the pool; tensors handed out become invalid.</summary>
    public void Dispose()
    {
        if (_buffer != null) _pool.Return(_buffer);
        _buffer = null;
    }
}
