using System;
using System.Collections.Generic;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// <c>irq</c>: interrupt controllers, timers and per-vector counts (vectors that fired or have a handler, with
/// who registered them). <c>irq bench [samples]</c> (also <c>bench irq</c>): latency from the LAPIC timer's expiry
/// to its handler's entry, p50/p99 in TSC ticks, over one-shots of 100 µs, and the cost of the interrupt path alone
/// (<c>int 0x81</c> to handler entry, and the round trip back). Under QEMU TCG these are emulated
/// times, not hardware figures. Output format: one "key: value" line per fact, then one line per vector.
/// </summary>
internal static unsafe class IrqCommands
{
    private static volatile bool s_fired;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("irq", "[bench [samples]]", "interrupt vectors, counts and sources; timer latency", Run),
    ];

    private static int Run(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count >= 1 && args[0] == "bench") return Bench(c, args.Count >= 2 ? args[1] : null);
        if (args.Count != 0) return c.Error("usage: irq [bench [samples]]");
        if (!LocalApic.IsEnabled) return c.Error("interrupts are not set up (no MADT or no local APIC)");
        c.Out.WriteLine($"lapic: id {LocalApic.Id}, version 0x{LocalApic.Version & 0xFF:X2}, base 0x{LocalApic.BaseAddress:X}, {LocalApic.EoiCount} EOIs, spurious vector 0x{LocalApic.SpuriousVector:X2}");
        foreach (IoApic a in InterruptRouter.IoApics)
        {
            int routed = 0;
            for (int i = 0; i < a.InputCount; i++) if ((a.EntryLow(i) & (1u << 16)) == 0) routed++;
            c.Out.WriteLine($"ioapic: id {a.Id}, base 0x{a.Address:X}, gsi {a.GsiBase}-{a.GsiBase + (uint)a.InputCount - 1}, {routed} unmasked");
        }
        foreach (var o in InterruptRouter.Overrides) c.Out.WriteLine($"override: isa irq {o.Source} -> gsi {o.GlobalInterrupt} (flags 0x{o.Flags:X})");
        if (LapicTimer.Instance is LapicTimer lapic)
            c.Out.WriteLine($"timer: {lapic.Name}, count {LapicTimer.CountFrequency / 1e6:F2} MHz at divide 16, tsc-deadline {(LapicTimer.TscDeadlineAvailable ? "available" : "not available")}");
        if (PitTickTimer.Instance is PitTickTimer pit) c.Out.WriteLine($"timer: {pit.Name}, {pit.FrequencyHz} Hz, gsi {PitTickTimer.Gsi}");
        c.Out.WriteLine($"total: {Idt.Count} interrupts and exceptions dispatched");
        for (int v = 0; v < 256; v++)
        {
            ulong count = Idt.CountOf(v);
            string source = InterruptRouter.SourceOf(v) ?? (v < 32 ? "cpu exception" : v == LocalApic.SpuriousVector ? "lapic spurious" : v == Idt.SoftwareSwitchVector ? "software switch" : null);
            if (count == 0 && !Idt.HasHandler(v)) continue;
            c.Out.WriteLine($"  0x{v:X2} {count,12} {source ?? "-"}");
        }
        return 0;
    }

    /// <summary>The <c>bench irq</c> / <c>irq bench</c> body.</summary>
    public static int Bench(ShellContext c, string samplesArgument)
    {
        int samples = 200;
        if (samplesArgument != null && (!int.TryParse(samplesArgument, out samples) || samples < 10 || samples > 100_000))
            return c.Error("samples: a number from 10 to 100000");
        if (LapicTimer.Instance is not LapicTimer timer) return c.Error("no LAPIC timer");
        ulong[] latencies = MeasureLatency(timer, samples, out int missed);
        if (latencies.Length == 0) return c.Error("the timer never fired");
        Array.Sort(latencies);
        ulong p50 = latencies[latencies.Length / 2], p99 = latencies[Math.Min(latencies.Length - 1, latencies.Length * 99 / 100)];
        double nsPerTick = 1e9 / Tsc.Frequency;
        c.Out.WriteLine($"irq latency ({timer.Name}, {latencies.Length} one-shots of 100 us, {missed} missed): p50 {p50} TSC ticks ({p50 * nsPerTick:F0} ns), p99 {p99} ({p99 * nsPerTick:F0} ns), min {latencies[0]}, max {latencies[^1]}");
        if (!Idt.HasHandler(Idt.SoftwareSwitchVector))
        {
            var entry = new ulong[samples];
            var roundTrip = new ulong[samples];
            Idt.SetFrameHandler(Idt.SoftwareSwitchVector, &StampEntry);
            for (int i = 0; i < samples; i++)
            {
                ulong raised = Cpu.ReadTsc();
                Idt.RaiseSoftwareSwitch();
                roundTrip[i] = Cpu.ReadTsc() - raised;
                entry[i] = s_entryTsc - raised;
            }
            Idt.SetHandler(Idt.SoftwareSwitchVector, null);
            Array.Sort(entry);
            Array.Sort(roundTrip);
            c.Out.WriteLine($"int 0x81 ({samples} times): to handler entry p50 {entry[samples / 2]} p99 {entry[samples * 99 / 100]} TSC ticks; round trip p50 {roundTrip[samples / 2]} p99 {roundTrip[samples * 99 / 100]}");
        }
        c.Out.WriteLine("note: under QEMU TCG the TSC and the timer are emulated: not hardware figures");
        return 0;
    }

    private static ulong s_entryTsc;

    private static InterruptFrame* StampEntry(InterruptFrame* frame)
    {
        s_entryTsc = Cpu.ReadTsc();
        return frame;
    }

    /// <summary>Arms <paramref name="samples"/> one-shots of 100 µs one after another and collects the TSC ticks from
    /// each expiry to its handler's entry (<see cref="LapicTimer.LastLatencyTsc"/>).</summary>
    public static ulong[] MeasureLatency(ITickTimer timer, int samples, out int missed)
    {
        var latencies = new ulong[samples];
        using var loan = XairrosX.Kernel.Threading.PreemptionTimer.Borrow(timer);
        int count = 0;
        missed = 0;
        ulong patience = Tsc.Frequency / 10; // 100 ms per shot at most
        for (int i = 0; i < samples; i++)
        {
            s_fired = false;
            timer.StartOneShot(100_000, &Fired);
            ulong start = Cpu.ReadTsc();
            while (!s_fired && Cpu.ReadTsc() - start < patience) Cpu.Pause();
            if (s_fired) latencies[count++] = LapicTimer.LastLatencyTsc;
            else { missed++; timer.Stop(); }
        }
        Array.Resize(ref latencies, count);
        return latencies;
    }

    private static InterruptFrame* Fired(InterruptFrame* frame)
    {
        s_fired = true;
        return frame;
    }
}
