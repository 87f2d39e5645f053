using System.Collections.Generic;
using CsCheck;
using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Interrupts;
using Xunit;

namespace XairrosX.Tests.Drivers;

public class IsaIrqMappingTests
{
    // QEMU's MADT (q35/pc): IRQ 0 -> GSI 2 with bus-default flags; PCI IRQs 5, 9, 10, 11 level/active-high (0xD).
    private static readonly List<InterruptOverride> Qemu =
    [
        new(0, 2, 0x0), new(5, 5, 0xD), new(9, 9, 0xD), new(10, 10, 0xD), new(11, 11, 0xD),
    ];

    [Fact]
    public void QemuTimerIrqArrivesAtGsi2EdgeHigh() =>
        Assert.Equal(new GsiRoute(2, false, false), IsaIrqMapping.Resolve(0, Qemu));

    [Fact]
    public void LevelTriggeredOverrideIsHonoured() =>
        Assert.Equal(new GsiRoute(9, false, true), IsaIrqMapping.Resolve(9, Qemu));

    [Fact]
    public void ActiveLowLevelOverride() =>
        Assert.Equal(new GsiRoute(20, true, true), IsaIrqMapping.Resolve(3, [new InterruptOverride(3, 20, 0xF)]));

    [Fact]
    public void IrqWithoutOverrideIsIdentityEdgeHigh() =>
        Assert.Equal(new GsiRoute(4, false, false), IsaIrqMapping.Resolve(4, Qemu));

    [Fact]
    public void AnyOverrideFlagsGiveAValidRoute()
    {
        Gen.Select(Gen.Int[0, 15], Gen.UInt, Gen.UShort).Sample((irq, gsi, flags) =>
        {
            GsiRoute r = IsaIrqMapping.Resolve(irq, [new InterruptOverride((byte)irq, gsi, flags)]);
            Assert.Equal(gsi, r.Gsi);
            Assert.Equal((flags & 3) == 3, r.ActiveLow);
            Assert.Equal(((flags >> 2) & 3) == 3, r.LevelTriggered);
        }, iter: 500);
    }
}
