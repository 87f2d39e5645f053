using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory.Gc;
using XairrosX.Plugs.Runtime;
using Xunit;

namespace XairrosX.Tests.Plugs.Gc;

public unsafe class GcDescWalkerTests
{
    private unsafe struct Recorder : IReferenceVisitor
    {
        public byte* Object;
        public List<int> Offsets;
        public void Visit(nint* slot) => Offsets.Add((int)((byte*)slot - Object));
    }

    private static List<int> Walk(MethodTable* type, byte* obj)
    {
        var r = new Recorder { Object = obj, Offsets = new List<int>() };
        GcDescWalker.VisitReferences(obj, type, ref r);
        return r.Offsets;
    }

    private static nint Item(uint pointers, uint skip) => (nint)(pointers | ((ulong)skip << 32));

    [Fact]
    public void FixedObjectSeriesAreRelativeToTheBaseSize()
    {
        using var types = new FakeTypes();
        // References at 8 and at 24..40; the stored series sizes have the base size (48) subtracted.
        MethodTable* type = types.Make(48, 0, -32, 24, -40, 8, 2);
        byte* obj = (byte*)NativeMemory.AllocZeroed(64);
        Assert.Equal(new[] { 8, 24, 32 }, Walk(type, obj));
        NativeMemory.Free(obj);
    }

    [Fact]
    public void ArrayOfReferencesCoversEveryElement()
    {
        using var types = new FakeTypes();
        MethodTable* type = types.Make(24, 8, -24, 16, 1);
        byte* obj = (byte*)NativeMemory.AllocZeroed(128);
        *(uint*)(obj + 8) = 5;
        Assert.Equal(new[] { 16, 24, 32, 40, 48 }, Walk(type, obj));
        *(uint*)(obj + 8) = 0;
        Assert.Empty(Walk(type, obj));
        NativeMemory.Free(obj);
    }

    [Fact]
    public void ArrayOfStructsRepeatsThePattern()
    {
        using var types = new FakeTypes();
        // struct { object a; long x; object b; object c; } (32 bytes): items {1 ref, skip 8} then {2 refs, skip 0}.
        MethodTable* type = types.Make(24, 32, Item(2, 0), Item(1, 8), 16, -2);
        byte* obj = (byte*)NativeMemory.AllocZeroed(160);
        *(uint*)(obj + 8) = 3;
        var expected = new List<int>();
        for (int e = 0; e < 3; e++) expected.AddRange(new[] { 16 + 32 * e, 32 + 32 * e, 40 + 32 * e });
        Assert.Equal(expected, Walk(type, obj));
        NativeMemory.Free(obj);
    }

    [Fact]
    public void TypeWithoutReferencesVisitsNothing()
    {
        using var types = new FakeTypes();
        MethodTable* type = types.Make(40);
        byte* obj = (byte*)NativeMemory.AllocZeroed(40);
        Assert.Empty(Walk(type, obj));
        NativeMemory.Free(obj);
    }
}
