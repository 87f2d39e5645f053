using System.Runtime.CompilerServices;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>Receives the address of each reference field of an object.</summary>
internal unsafe interface IReferenceVisitor
{
    /// <summary>Called once per reference slot (the slot may hold null).</summary>
    void Visit(nint* slot);
}

/// <summary>
/// Enumerates an object's reference fields precisely from the GCDesc that ilc places in front of the
/// MethodTable of every type with references (layout as in dotnet/runtime src/coreclr/gc/gcdesc.h):
/// ((nint*)mt)[-1] is the series count N.
/// N &gt; 0: N series {nuint size; nuint offset} lie below the count, highest first; a series covers
/// (size + object size) bytes of references starting at object + offset (the stored size has the base
/// size subtracted, so one rule serves fixed objects and arrays of references).
/// N &lt; 0: an array of structs with references: from object + offset (of the highest series) the
/// pattern of -N items {uint32 pointer count; uint32 bytes to skip} repeats up to the end of the object.
/// Offsets are from the object pointer (the MethodTable word); the object size includes the header word.
/// </summary>
internal static unsafe class GcDescWalker
{
    /// <summary>Visits every reference slot of <paramref name="obj"/> (type <paramref name="type"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void VisitReferences<TVisitor>(byte* obj, MethodTable* type, ref TVisitor visitor)
        where TVisitor : struct, IReferenceVisitor
    {
        if (!type->ContainsGCPointers) return;
        nuint size = type->BaseSize;
        uint componentSize = type->ComponentSize;
        if (componentSize != 0) size += componentSize * (nuint)(*(uint*)(obj + ObjectLayout.ArrayLengthOffset));
        nint count = ((nint*)type)[-1];
        nuint* highest = (nuint*)type - 3;
        if (count > 0)
        {
            nuint* series = highest;
            for (nint i = 0; i < count; i++, series -= 2)
            {
                nint* slot = (nint*)(obj + series[1]);
                nint* stop = (nint*)((byte*)slot + (series[0] + size));
                for (; slot < stop; slot++) visitor.Visit(slot);
            }
        }
        else if (count < 0)
        {
            byte* p = obj + highest[1];
            byte* end = obj + size - ObjectLayout.HeaderSize;
            uint* items = (uint*)highest;
            while (p < end)
            {
                for (nint i = 0; i > count; i--)
                {
                    uint pointers = items[2 * i];
                    uint skip = items[2 * i + 1];
                    nint* slot = (nint*)p;
                    for (uint k = 0; k < pointers; k++) visitor.Visit(slot + k);
                    p += pointers * (nuint)sizeof(nint) + skip;
                }
            }
        }
    }
}
