using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Runtime;

/// <summary>
/// The fixed head of a NativeAOT MethodTable, as ilc 10 lays it out (src/coreclr/nativeaot/Runtime/inc/
/// MethodTable.h, release/10.0). Only what the allocator and the collector read is declared.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MethodTable
{
    public uint Flags;
    public uint BaseSize;
    public MethodTable* RelatedType;
    public ushort NumVtableSlots;
    public ushort NumInterfaces;
    public uint HashCode;

    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint HasFinalizerFlag = 0x00100000;
    private const uint HasPointersFlag = 0x01000000;

    /// <summary>Bytes per array element or string character; 0 for fixed-size types.</summary>
    public readonly uint ComponentSize => (Flags & HasComponentSizeFlag) != 0 ? Flags & 0xFFFF : 0;

    /// <summary>True when instances have a finalizer.</summary>
    public readonly bool HasFinalizer => (Flags & HasFinalizerFlag) != 0;

    /// <summary>True when instances contain object references (a GCDesc precedes the MethodTable).</summary>
    public readonly bool ContainsGCPointers => (Flags & HasPointersFlag) != 0;
}

/// <summary>Object layout constants (64-bit).</summary>
internal static class ObjectLayout
{
    /// <summary>The header word that sits before each object's MethodTable pointer.</summary>
    public const int HeaderSize = 8;
    /// <summary>Offset of an array's length from the object pointer.</summary>
    public const int ArrayLengthOffset = 8;
    /// <summary>Largest array length the runtime accepts.</summary>
    public const int MaxArrayLength = 0x7FFFFFC7;
}
