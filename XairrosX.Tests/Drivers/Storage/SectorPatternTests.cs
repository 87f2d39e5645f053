using System;
using XairrosX.Drivers.Storage;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class SectorPatternTests
{
    [Fact]
    public void MatchesAnIndependentComputation()
    {
        // Sector 1 of seed 9, computed by a separate Python implementation of the documented rule.
        var sector = new byte[512];
        SectorPattern.Fill(9, 1, sector);
        Assert.Equal(Convert.FromHexString("0100000000000000" + "0900000000000000" + "9ae6739fc8bd41acd7e7c961b5033a24"), sector[..32]);
        Assert.Equal(Convert.FromHexString("3d9421a6d6c7659c557825412a4ebf7e"), sector[496..]);
        Assert.True(SectorPattern.Matches(9, 1, sector));
        Assert.False(SectorPattern.Matches(9, 2, sector));
        Assert.False(SectorPattern.Matches(8, 1, sector));
        sector[300] ^= 1;
        Assert.False(SectorPattern.Matches(9, 1, sector));
    }
}
