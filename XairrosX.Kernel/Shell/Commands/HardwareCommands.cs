using System;
using System.Collections.Generic;
using System.Linq;
using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Pci;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>lspci, acpi, date.</summary>
internal static class HardwareCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("lspci", "", "list PCI functions (bus:dev.fn class [code]: vendor:device)", Lspci),
        new("acpi", "", "list ACPI tables, processors and power-off settings", Acpi),
        new("date", "", "current date and time (UTC, from the CMOS clock)", (c, a) =>
        {
            c.Out.WriteLine(DateTime.UtcNow.ToString("ddd yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }),
    ];

    private static int Lspci(ShellContext c, IReadOnlyList<string> args)
    {
        foreach (PciDevice d in PciEnumerator.Enumerate(PciConfigPorts.Instance))
        {
            List<PciCapability> caps = PciCapabilities.Read(PciConfigPorts.Instance, d);
            c.Out.WriteLine(caps.Count == 0 ? d.ToString() : $"{d} caps: {string.Join(", ", caps)}");
        }
        return 0;
    }

    private static int Acpi(ShellContext c, IReadOnlyList<string> args)
    {
        AcpiTables tables = Kernel.Acpi;
        if (tables == null) return c.Error("no ACPI tables (the boot loader passed no RSDP, or it was invalid)");
        c.Out.WriteLine($"ACPI revision {tables.Revision}, {tables.Tables.Count} tables");
        foreach (AcpiTable t in tables.Tables)
            c.Out.WriteLine($"  {t.Signature} at 0x{t.Address:x8}, {t.Data.Length} bytes, revision {t.Revision}, OEM '{t.OemId}'");
        foreach (string r in tables.Rejected) c.Out.WriteLine("  rejected: " + r);
        if (tables.Find("MCFG") is AcpiTable mcfg)
        {
            try
            {
                foreach (EcamWindow w in Mcfg.Parse(mcfg.Data))
                    c.Out.WriteLine($"  pcie ecam: segment {w.Segment}, buses {w.StartBus}-{w.EndBus} at 0x{w.BaseAddress:x}");
            }
            catch (FormatException e) { c.Out.WriteLine("  " + e.Message); }
        }
        if (tables.Find("SRAT") is AcpiTable sratTable)
        {
            try
            {
                Srat srat = Srat.Parse(sratTable.Data);
                foreach (uint node in srat.Nodes)
                {
                    var cpus = srat.Processors.Where(p => p.Node == node).Select(p => p.ApicId.ToString());
                    ulong bytes = 0;
                    foreach (MemoryAffinity m in srat.Memory) if (m.Node == node) bytes += m.Length;
                    c.Out.WriteLine($"  numa node {node}: cpus {string.Join(",", cpus)}, memory {bytes >> 20} MiB");
                }
            }
            catch (FormatException e) { c.Out.WriteLine("  " + e.Message); }
        }
        AcpiTable apic = tables.Find("APIC");
        if (apic != null)
        {
            Madt madt = Madt.Parse(apic.Data);
            c.Out.WriteLine($"  local APIC at 0x{madt.LocalApicAddress:x8}; CPUs: {string.Join(", ", madt.Processors.Select(p => $"{p.ApicId}{(p.Enabled ? "" : " (disabled)")}"))}; I/O APICs: {string.Join(", ", madt.IoApics.Select(i => $"{i.Id} at 0x{i.Address:x8} GSI {i.GlobalInterruptBase}"))}");
        }
        if (PowerInfo.From(tables) is PowerInfo power)
            c.Out.WriteLine($"  power: PM1a_CNT port 0x{power.Pm1aControlPort:x4}, S5 sleep type {power.SleepTypeS5}, SCI {power.SciInterrupt}");
        return 0;
    }
}
