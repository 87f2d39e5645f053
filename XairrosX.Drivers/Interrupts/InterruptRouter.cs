using System.Collections.Generic;
using System.Runtime.CompilerServices;
using XairrosX.Drivers.Acpi;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The IRQ routing API for drivers, over the local APIC and the I/O APICs of the MADT:
/// <see cref="AllocateVector"/> (0x30–0xEF), <see cref="Register"/> a handler, <see cref="RouteGsi"/> or
/// <see cref="RouteIsaIrq"/> (honouring the MADT overrides), and the EOI, which the router sends itself after the
/// handler returns. Handlers run in interrupt context with interrupts off: they must not allocate, block or
/// throw; they return the <see cref="InterruptFrame"/> to resume (the one they got, or another stack's — see
/// <see cref="InterruptStack"/>). The legacy PIC stays remapped and masked. Single processor.
/// </summary>
public static unsafe class InterruptRouter
{
    /// <summary>First vector handed out to drivers.</summary>
    public const int FirstDeviceVector = 0x30;
    /// <summary>Last vector handed out to drivers (0xF0–0xFF stay for the system).</summary>
    public const int LastDeviceVector = 0xEF;

    [InlineArray(256)]
    private struct HandlerTable { private nint _first; }
    private static HandlerTable s_handlers;
    private static string[] s_sources;
    private static List<IoApic> s_ioApics;
    private static List<InterruptOverride> s_overrides;
    private static int s_nextVector = FirstDeviceVector;

    /// <summary>True once the local APIC is enabled and the I/O APICs are known.</summary>
    public static bool IsInitialized => s_ioApics != null;
    /// <summary>The I/O APICs (empty before <see cref="Initialize"/>).</summary>
    public static IReadOnlyList<IoApic> IoApics => s_ioApics ?? new List<IoApic>();
    /// <summary>The MADT's ISA overrides.</summary>
    public static IReadOnlyList<InterruptOverride> Overrides => s_overrides ?? new List<InterruptOverride>();

    /// <summary>Masks the PIC, enables the local APIC and takes over (masks) every I/O APIC of the MADT.
    /// Returns false when the CPU has no local APIC.</summary>
    public static bool Initialize(Madt madt)
    {
        Pic8259.RemapAndMask();
        if (!LocalApic.Initialize(madt.LocalApicAddress)) return false;
        s_sources = new string[256];
        s_overrides = new List<InterruptOverride>(madt.Overrides);
        var ioApics = new List<IoApic>();
        foreach (IoApicEntry e in madt.IoApics) ioApics.Add(new IoApic(e.Id, e.Address, e.GlobalInterruptBase));
        s_ioApics = ioApics;
        return true;
    }

    /// <summary>A vector no one uses yet, or −1 when all are taken.</summary>
    public static int AllocateVector()
    {
        for (; s_nextVector <= LastDeviceVector; s_nextVector++)
            if (!Idt.HasHandler(s_nextVector)) return s_nextVector++;
        return -1;
    }

    /// <summary>Installs <paramref name="handler"/> for <paramref name="vector"/>; <paramref name="source"/> names it
    /// for the `irq` listing. The router counts, calls the handler and sends the EOI.</summary>
    public static void Register(int vector, delegate*<InterruptFrame*, InterruptFrame*> handler, string source)
    {
        s_handlers[vector] = (nint)handler;
        if (s_sources != null) s_sources[vector] = source;
        Idt.SetFrameHandler(vector, &Dispatch);
    }

    /// <summary>Removes the handler of <paramref name="vector"/> (the vector is not reused).</summary>
    public static void Unregister(int vector)
    {
        Idt.SetHandler(vector, null);
        s_handlers[vector] = 0;
    }

    /// <summary>Who registered <paramref name="vector"/> (null when nobody).</summary>
    public static string SourceOf(int vector) => s_sources?[vector];

    /// <summary>Routes <paramref name="gsi"/> to <paramref name="vector"/> on this processor; false when no I/O APIC
    /// serves it.</summary>
    public static bool RouteGsi(uint gsi, int vector, bool activeLow, bool levelTriggered)
    {
        IoApic apic = Find(gsi);
        if (apic == null) return false;
        apic.Route((int)(gsi - apic.GsiBase), (byte)vector, activeLow, levelTriggered, (byte)LocalApic.Id);
        return true;
    }

    /// <summary>Routes ISA IRQ <paramref name="irq"/> through its MADT override; returns the route taken, or null.</summary>
    public static GsiRoute? RouteIsaIrq(int irq, int vector)
    {
        GsiRoute route = IsaIrqMapping.Resolve(irq, Overrides);
        return RouteGsi(route.Gsi, vector, route.ActiveLow, route.LevelTriggered) ? route : null;
    }

    /// <summary>Masks or unmasks <paramref name="gsi"/>; false when no I/O APIC serves it.</summary>
    public static bool MaskGsi(uint gsi, bool masked)
    {
        IoApic apic = Find(gsi);
        apic?.Mask((int)(gsi - apic.GsiBase), masked);
        return apic != null;
    }

    /// <summary>Sends the EOI for the interrupt in service (the router does this before every handler itself).</summary>
    public static void EndOfInterrupt() => LocalApic.EndOfInterrupt();

    private static IoApic Find(uint gsi)
    {
        if (s_ioApics == null) return null;
        foreach (IoApic a in s_ioApics) if (a.Serves(gsi)) return a;
        return null;
    }

    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        // EOI first: the scheduler's tick may switch threads from inside its handler, and the thread it switches
        // to must not find the LAPIC still waiting for this EOI (no further interrupt of this priority class
        // would arrive). Interrupts stay off until iretq, so nothing nests meanwhile.
        LocalApic.EndOfInterrupt();
        var handler = (delegate*<InterruptFrame*, InterruptFrame*>)s_handlers[(int)(frame->Vector & 0xFF)];
        return handler != null ? handler(frame) : frame;
    }
}
