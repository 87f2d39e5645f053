using System;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory.Gc;
using Xunit;

namespace XairrosX.Tests.Plugs.Gc;

public unsafe class ObjectStartMapTests
{
    [Fact]
    public void FindsTheNearestStartAtOrBelowAgainstANaiveModel()
    {
        const int granules = 4096;
        ulong* map = (ulong*)NativeMemory.AllocZeroed(ObjectStartMap.BytesFor(granules * 8));
        try
        {
            var rng = new Random(1234);
            var model = new bool[granules];
            for (int i = 0; i < 300; i++)
            {
                int g = rng.Next(granules);
                model[g] = true;
                ObjectStartMap.Set(map, (nuint)g);
            }
            for (int i = 0; i < 50; i++)
            {
                int g = rng.Next(granules);
                model[g] = false;
                ObjectStartMap.Clear(map, (nuint)g);
            }
            for (int q = 0; q < granules; q++)
            {
                int expected = -1;
                for (int g = q; g >= 0; g--) if (model[g]) { expected = g; break; }
                Assert.Equal(expected, (int)ObjectStartMap.FindStartAtOrBelow(map, (nuint)q));
                Assert.Equal(model[q], ObjectStartMap.IsSet(map, (nuint)q));
            }
        }
        finally { NativeMemory.Free(map); }
    }

    [Fact]
    public void WordBoundariesAndEmptyMap()
    {
        ulong* map = (ulong*)NativeMemory.AllocZeroed(64);
        try
        {
            Assert.Equal(-1, (int)ObjectStartMap.FindStartAtOrBelow(map, 200));
            ObjectStartMap.Set(map, 63);
            ObjectStartMap.Set(map, 64);
            Assert.Equal(63, (int)ObjectStartMap.FindStartAtOrBelow(map, 63));
            Assert.Equal(64, (int)ObjectStartMap.FindStartAtOrBelow(map, 127));
            Assert.Equal(-1, (int)ObjectStartMap.FindStartAtOrBelow(map, 62));
            ObjectStartMap.Set(map, 0);
            Assert.Equal(0, (int)ObjectStartMap.FindStartAtOrBelow(map, 62));
            Assert.Equal(8u, (uint)ObjectStartMap.BytesFor(512));
        }
        finally { NativeMemory.Free(map); }
    }
}
