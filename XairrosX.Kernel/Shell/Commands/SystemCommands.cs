using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Power;
using XairrosX.Drivers.Timers;
using XairrosX.Kernel.Boot;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Buddy;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>help, echo, mem, uptime, cpuinfo, shutdown, reboot.</summary>
internal static class SystemCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("help", "", "list the commands", Help),
        new("echo", "[words…]", "print the words", (c, a) => { c.Out.WriteLine(string.Join(' ', a)); return 0; }),
        new("mem", "", "memory: physical pages, managed heap, native heap", Mem),
        new("uptime", "", "time since boot and boot timings", Uptime),
        new("cpuinfo", "", "processor identification and features", CpuInfo),
        new("shutdown", "", "power the machine off", (c, a) => { c.Out.WriteLine("powering off"); PowerControl.PowerOff(); return c.Error("power-off failed"); }),
        new("reboot", "", "reset the machine", (c, a) => { c.Out.WriteLine("rebooting"); PowerControl.Reboot(); return c.Error("reset failed"); }),
    ];

    private static int Help(ShellContext c, IReadOnlyList<string> args)
    {
        var names = new List<string>(c.Commands.Keys);
        names.Sort(StringComparer.Ordinal);
        foreach (string name in names)
        {
            ShellCommand cmd = c.Commands[name];
            c.Out.WriteLine($"  {(name + " " + cmd.Usage).PadRight(28)} {cmd.Description}");
        }
        return 0;
    }

    private static int Mem(ShellContext c, IReadOnlyList<string> args)
    {
        const double MiB = 1024 * 1024;
        c.Out.WriteLine($"physical: {PageAllocator.TotalBytes / MiB:F1} MiB usable, {PageAllocator.UsedBytes / MiB:F1} MiB allocated, {(PageAllocator.TotalBytes - PageAllocator.UsedBytes) / MiB:F1} MiB free");
        ref readonly BuddyAllocator buddy = ref PageAllocator.Buddy;
        var orders = new StringBuilder();
        for (int k = 0; k < BuddyAllocator.OrderCount; k++)
            if (buddy.FreeBlocks(k) != 0) orders.Append($" {FormatBlockSize(BuddyAllocator.BlockSize(k))}:{buddy.FreeBlocks(k)}");
        var ranges = new StringBuilder();
        for (int i = 0; i < buddy.RangeCount; i++) ranges.Append($" 0x{buddy.Range(i).Start:X}-0x{buddy.Range(i).End:X}");
        c.Out.WriteLine($"buddy: ranges{ranges}");
        c.Out.WriteLine($"buddy: free blocks by size{orders}");
        c.Out.WriteLine($"buddy: largest free {buddy.LargestFreeBlock / MiB:F1} MiB, fragmentation {buddy.Fragmentation * 100:F2}% (1 - largest/free), {buddy.UnusableFreeFraction(9) * 100:F2}% of free memory below 2 MiB blocks, bitmaps {buddy.MetadataBytes / 1024} KiB");
        c.Out.WriteLine($"managed heap: {ManagedHeap.SegmentCount} segments ({ManagedHeap.SegmentBytes / MiB:F1} MiB), {ManagedHeap.AllocatedBytes / MiB:F2} MiB in {ManagedHeap.AllocationCount} objects allocated since boot");
        c.Out.WriteLine($"GC: total memory {GC.GetTotalMemory(false)} bytes, {GC.CollectionCount(0)} collections");
        c.Out.WriteLine($"native heap: {NativeHeap.BytesInUse} bytes in use; GC handles: {HandleTable.InUse}");
        return 0;
    }

    private static string FormatBlockSize(ulong bytes) =>
        bytes >= 1UL << 30 ? $"{bytes >> 30}G" : bytes >= 1UL << 20 ? $"{bytes >> 20}M" : $"{bytes >> 10}K";

    private static int Uptime(ShellContext c, IReadOnlyList<string> args)
    {
        double seconds = Tsc.NanosecondsSinceBoot() / 1e9;
        c.Out.WriteLine($"up {seconds:F3} s (TSC {Tsc.Frequency / 1e6:F1} MHz)");
        if (Kernel.PromptTimestamp != 0)
        {
            ulong cycles = Kernel.PromptTimestamp - KernelEntry.EntryTimestamp;
            c.Out.WriteLine($"boot: kernel entry -> first prompt {cycles} TSC cycles ({cycles * 1e3 / Tsc.Frequency:F1} ms)");
        }
        return 0;
    }

    private static int CpuInfo(ShellContext c, IReadOnlyList<string> args)
    {
        CpuidResult v = Cpu.Cpuid(0);
        Span<byte> vendor = stackalloc byte[12];
        BitConverter.TryWriteBytes(vendor, v.Ebx);
        BitConverter.TryWriteBytes(vendor.Slice(4), v.Edx);
        BitConverter.TryWriteBytes(vendor.Slice(8), v.Ecx);
        var brand = new StringBuilder();
        if (Cpu.Cpuid(0x80000000).Eax >= 0x80000004)
        {
            Span<byte> regs = stackalloc byte[16];
            for (uint leaf = 0x80000002; leaf <= 0x80000004; leaf++)
            {
                CpuidResult r = Cpu.Cpuid(leaf);
                BitConverter.TryWriteBytes(regs, r.Eax); BitConverter.TryWriteBytes(regs.Slice(4), r.Ebx);
                BitConverter.TryWriteBytes(regs.Slice(8), r.Ecx); BitConverter.TryWriteBytes(regs.Slice(12), r.Edx);
                foreach (byte b in regs) if (b != 0) brand.Append((char)b);
            }
        }
        CpuidResult f = Cpu.Cpuid(1);
        uint family = (f.Eax >> 8) & 0xF, model = (f.Eax >> 4) & 0xF, stepping = f.Eax & 0xF;
        if (family == 0xF) family += (f.Eax >> 20) & 0xFF;
        if (family >= 6) model |= ((f.Eax >> 16) & 0xF) << 4;
        c.Out.WriteLine($"cpu 0: {Encoding.ASCII.GetString(vendor)} {brand.ToString().Trim()}");
        c.Out.WriteLine($"  family {family} model {model} stepping {stepping}, APIC id {f.Ebx >> 24}");
        c.Out.WriteLine($"  TSC {Tsc.Frequency / 1e6:F1} MHz");
        c.Out.WriteLine($"  features: {KernelEntry.CpuFeatures}");
        c.Out.WriteLine($"  SHA-NI: {((KernelEntry.CpuFeatures & CpuFeature.Sha) != 0 ? "yes" : "no")}, AES-NI: {((KernelEntry.CpuFeatures & CpuFeature.Aes) != 0 ? "yes" : "no")}, AVX2: {(System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "yes" : "no")}");
        if (XairrosX.Drivers.Interrupts.LocalApic.IsEnabled)
            c.Out.WriteLine($"  local APIC id {XairrosX.Drivers.Interrupts.LocalApic.Id}, timer {XairrosX.Drivers.Timers.LapicTimer.CountFrequency / 1e6:F2} MHz (divide 16), TSC-deadline: {(XairrosX.Drivers.Timers.LapicTimer.TscDeadlineAvailable ? "yes" : "no")}");
        return 0;
    }
}
