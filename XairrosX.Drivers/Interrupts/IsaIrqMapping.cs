using System.Collections.Generic;
using XairrosX.Drivers.Acpi;

namespace XairrosX.Drivers.Interrupts;

/// <summary>Where an ISA IRQ arrives at the I/O APICs and how it is signalled.</summary>
/// <param name="Gsi">Global system interrupt.</param>
/// <param name="ActiveLow">Polarity.</param>
/// <param name="LevelTriggered">Trigger mode.</param>
public readonly record struct GsiRoute(uint Gsi, bool ActiveLow, bool LevelTriggered);

/// <summary>
/// ISA IRQ → GSI through the MADT's interrupt source overrides (QEMU: IRQ0, the PIT, arrives at GSI 2). Without
/// an override an ISA IRQ is identity-mapped, active high, edge-triggered; an override's flags say otherwise
/// (MPS INTI flags: polarity bits 0–1, 1 = high, 3 = low; trigger bits 2–3, 1 = edge, 3 = level; 0 = the bus
/// default).
/// </summary>
public static class IsaIrqMapping
{
    /// <summary>The route of ISA IRQ <paramref name="irq"/> (0–15).</summary>
    public static GsiRoute Resolve(int irq, IReadOnlyList<InterruptOverride> overrides)
    {
        foreach (InterruptOverride o in overrides)
        {
            if (o.Source != irq) continue;
            int polarity = o.Flags & 3, trigger = (o.Flags >> 2) & 3;
            return new GsiRoute(o.GlobalInterrupt, polarity == 3, trigger == 3);
        }
        return new GsiRoute((uint)irq, false, false);
    }
}
