namespace XairrosX.AI.Tensors;

/// <summary>
/// Recycles <see cref="NativeBuffer"/>s by power-of-two size class so repeated model loads and
/// temporary tensors do not churn the allocator. The kernel can replace <see cref="Shared"/> with a
/// pool fed by its own page allocator. Thread-safe: sessions of different models may plan on
/// different threads; renting happens only when a plan is built, so the lock is never hot.
/// </summary>
public sealed class TensorMemoryPool
{
    private const int MinClass = 6;   // 64 bytes
    private const int MaxClass = 40;  // 1 TiB: far beyond any real request
    private readonly Stack<NativeBuffer>[] _free = new Stack<NativeBuffer>[MaxClass + 1];
    private readonly int _maxPerClass;
    private readonly object _gate = new();

    /// <summary>Creates a pool keeping at most <paramref name="maxPerClass"/> idle buffers per size class.</summary>
    public TensorMemoryPool(int maxPerClass = 8)
    {
        _maxPerClass = maxPerClass;
        for (int i = 0; i < _free.Length; i++) _free[i] = new Stack<NativeBuffer>();
    }

    /// <summary>The process-wide pool.</summary>
    public static TensorMemoryPool Shared { get; set; } = new();

    /// <summary>Bytes currently held idle by the pool.</summary>
    public long IdleBytes { get; private set; }

    /// <summary>A zeroed buffer of at least <paramref name="byteLength"/> bytes.</summary>
    public NativeBuffer Rent(long byteLength)
    {
        int sizeClass = SizeClass(byteLength);
        NativeBuffer? buffer;
        lock (_gate)
        {
            if (_free[sizeClass].TryPop(out buffer)) IdleBytes -= buffer.ByteLength;
        }
        if (buffer == null) return new NativeBuffer(1L << sizeClass);
        buffer.Bytes.Clear();
        return buffer;
    }

    /// <summary>Gives a rented buffer back; it must not be used afterwards.</summary>
    public void Return(NativeBuffer buffer)
    {
        if (buffer.IsDisposed) return;
        int sizeClass = SizeClass(buffer.ByteLength);
        lock (_gate)
        {
            if ((1L << sizeClass) == buffer.ByteLength && _free[sizeClass].Count < _maxPerClass)
            {
                _free[sizeClass].Push(buffer);
                IdleBytes += buffer.ByteLength;
                return;
            }
        }
        buffer.Dispose();
    }

    /// <summary>Frees every idle buffer.</summary>
    public void Trim()
    {
        lock (_gate)
        {
            foreach (Stack<NativeBuffer> stack in _free)
                while (stack.TryPop(out NativeBuffer? b)) b.Dispose();
            IdleBytes = 0;
        }
    }

    private static int SizeClass(long byteLength)
    {
        if (byteLength < 0) throw new ArgumentOutOfRangeException(nameof(byteLength));
        int c = MinClass;
        while (c < MaxClass && (1L << c) < byteLength) c++;
        if ((1L << c) < byteLength) throw new ArgumentOutOfRangeException(nameof(byteLength), "request too large");
        return c;
    }
}
