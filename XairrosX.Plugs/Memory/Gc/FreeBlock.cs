using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// Free space inside a heap segment, formatted as an object so that segments stay walkable:
/// [header word = next free block][MethodTable* = the free type][int32 length][int32 zeroed flag][payload].
/// The free type is a private copy of byte[]'s MethodTable head (ComponentSize 1, BaseSize 24), so the
/// ordinary object-size rule (BaseSize + length) gives the block's size, while its distinct address tells
/// free blocks from real byte arrays. The header word, unused by a free block, links the free
/// list. The flag says the payload is known to be zero (fresh pages), which spares zeroing on reuse.
/// </summary>
public static unsafe class FreeBlock
{
    /// <summary>Smallest object (and free block) in bytes: header, MethodTable, one word.</summary>
    public const int MinSize = 24;

    /// <summary>Writes the free-block format over [block, block + size).</summary>
    internal static void Format(byte* block, nuint size, MethodTable* freeType, bool zeroed)
    {
        *(byte**)block = null;
        *(MethodTable**)(block + ObjectLayout.HeaderSize) = freeType;
        *(uint*)(block + 16) = (uint)(size - MinSize);
        *(uint*)(block + 20) = zeroed ? 1u : 0u;
    }

    /// <summary>Size in bytes of a formatted free block.</summary>
    public static nuint SizeOf(byte* block) => MinSize + (nuint)(*(uint*)(block + 16));

    /// <summary>True when the payload past the 24-byte head is known to be zero.</summary>
    public static bool IsZeroed(byte* block) => *(uint*)(block + 20) != 0;

    /// <summary>Next block on the same free list.</summary>
    public static byte* Next(byte* block) => *(byte**)block;

    /// <summary>Links <paramref name="block"/> to <paramref name="next"/>.</summary>
    public static void SetNext(byte* block, byte* next) => *(byte**)block = next;

    /// <summary>True when the object at <paramref name="block"/> is a free block.</summary>
    internal static bool IsFree(byte* block, MethodTable* freeType) =>
        (MethodTable*)(*(nuint*)(block + ObjectLayout.HeaderSize) & ~(nuint)1) == freeType;
}
