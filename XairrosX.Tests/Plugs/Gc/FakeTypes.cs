using System;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Tests.Plugs.Gc;

/// <summary>
/// MethodTables made in host memory for the collector's host tests: the fixed head the collector reads,
/// with a GCDesc (series count at mt[-1], series below it) in front when the type has references.
/// </summary>
internal sealed unsafe class FakeTypes : IDisposable
{
    private const uint HasComponentSize = 0x80000000, HasPointers = 0x01000000;
    private readonly System.Collections.Generic.List<nint> _blocks = new();

    /// <summary>A type; <paramref name="gcDesc"/> are the words placed below the MethodTable, lowest first
    /// (the last one is the series count).</summary>
    public MethodTable* Make(uint baseSize, ushort componentSize = 0, params nint[] gcDesc)
    {
        int before = gcDesc.Length * 8;
        byte* block = (byte*)NativeMemory.AlignedAlloc((nuint)(before + 64), 16);
        NativeMemory.Clear(block, (nuint)(before + 64));
        _blocks.Add((nint)block);
        for (int i = 0; i < gcDesc.Length; i++) ((nint*)block)[i] = gcDesc[i];
        var mt = (MethodTable*)(block + before);
        mt->BaseSize = baseSize;
        mt->Flags = (componentSize != 0 ? HasComponentSize | componentSize : 0) | (gcDesc.Length != 0 ? HasPointers : 0);
        return mt;
    }

    /// <summary>byte[]'s shape: the collector's free-block type.</summary>
    public MethodTable* MakeFreeType() => Make(24, 1);

    public void Dispose()
    {
        foreach (nint b in _blocks) NativeMemory.AlignedFree((void*)b);
    }
}
