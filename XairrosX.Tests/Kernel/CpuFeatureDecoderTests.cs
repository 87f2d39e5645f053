using XairrosX.Drivers.Platform;
using Xunit;

namespace XairrosX.Tests.Kernel;

public class CpuFeatureDecoderTests
{
    // CPUID of a Haswell-class CPU (the features QEMU's "max" TCG model also reports).
    private static readonly CpuidResult Leaf1 = new(0x306C3, 0, 0x7FFAFBFF, 0xBFEBFBFF);
    private static readonly CpuidResult Leaf7 = new(0, 0x27AB, 0, 0);
    private static readonly CpuidResult Ext1 = new(0, 0, 0x21, 0x2C100800);
    private static readonly CpuidResult Ext7 = new(0, 0, 0, 0x100);

    [Fact]
    public void DecodesAvx2ClassCpu()
    {
        CpuFeature f = CpuFeatureDecoder.Decode(Leaf1, Leaf7, Ext1, Ext7, xcr0: 0x7);
        Assert.True(f.HasFlag(CpuFeature.Avx2 | CpuFeature.Fma | CpuFeature.Bmi2 | CpuFeature.Aes | CpuFeature.InvariantTsc));
        Assert.False(f.HasFlag(CpuFeature.Avx512));
        ulong runtime = CpuFeatureDecoder.ToRuntimeFlags(f);
        Assert.Equal(CpuFeatureDecoder.RuntimeAvx2Flag, runtime & CpuFeatureDecoder.RuntimeAvx2Flag);
    }

    [Fact]
    public void AvxIsNotReportedWhenTheOsHasNotEnabledYmmState()
    {
        CpuFeature f = CpuFeatureDecoder.Decode(Leaf1, Leaf7, Ext1, Ext7, xcr0: 0x3);
        Assert.False(f.HasFlag(CpuFeature.Avx));
        Assert.False(f.HasFlag(CpuFeature.Avx2));
        Assert.Equal(0UL, CpuFeatureDecoder.ToRuntimeFlags(f) & CpuFeatureDecoder.RuntimeAvx2Flag);
    }

    [Fact]
    public void Avx2GroupNeedsEveryMember()
    {
        CpuFeature f = CpuFeatureDecoder.Decode(Leaf1, Leaf7, Ext1, Ext7, xcr0: 0x7) & ~CpuFeature.Movbe;
        Assert.Equal(0UL, CpuFeatureDecoder.ToRuntimeFlags(f) & CpuFeatureDecoder.RuntimeAvx2Flag);
    }
}
