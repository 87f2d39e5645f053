using System;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;
using XairrosX.Plugs.Exceptions;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Boot;

/// <summary>
/// The two managed entry points the boot stub (Boot/boot.asm) calls:
/// <c>kernel_early</c> before CoreLib is initialized (no allocation, no GC statics, no exceptions) and
/// <c>kmain</c> after it (the full BCL is available).
/// </summary>
public static unsafe class KernelEntry
{
    private static uint s_bootMagic;
    private static ulong s_bootInfoAddress;
    private static ulong s_kernelEnd;
    private static CpuFeature s_cpuFeatures;
    private static ulong s_entryTsc;

    // Physical ranges of the GRUB modules (the initrd): kept off the page allocator, which would otherwise
    // hand their pages out before the VFS reads them. Primitive statics only: kernel_early runs before
    // CoreLib is initialized.
    private const int MaxModules = 8;
    private struct ModuleRanges { public fixed ulong Start[MaxModules]; public fixed ulong End[MaxModules]; }
    private static ModuleRanges s_modules;
    private static int s_moduleCount;

    [DllImport("*", EntryPoint = "xx_runtime_set_cpu_features"), SuppressGCTransition]
    private static extern void SetRuntimeCpuFeatures(ulong runtimeFlags);

    /// <summary>CPU features detected at boot.</summary>
    public static CpuFeature CpuFeatures => s_cpuFeatures;

    /// <summary>TSC at kernel entry (before the console and heap existed).</summary>
    public static ulong EntryTimestamp => s_entryTsc;

    /// <summary>First address past the kernel image.</summary>
    public static ulong KernelEnd => s_kernelEnd;

    [UnmanagedCallersOnly(EntryPoint = "kernel_early")]
    private static void KernelEarly(uint magic, ulong bootInfo, ulong kernelEnd)
    {
        Tsc.MarkBoot();
        s_entryTsc = Tsc.BootTimestamp;
        s_bootMagic = magic;
        s_bootInfoAddress = bootInfo;
        s_kernelEnd = kernelEnd;

        s_cpuFeatures = CpuFeatureDecoder.Detect();
        SetRuntimeCpuFeatures(CpuFeatureDecoder.ToRuntimeFlags(s_cpuFeatures));
        HardwareRandom.Configure((s_cpuFeatures & CpuFeature.RdRand) != 0);
        Idt.Install(&HardwareFaults.Handle);

        if (magic != Multiboot2.BootloaderMagic) Panic.Fatal("not booted by a Multiboot2 loader");
        var info = new ReadOnlySpan<byte>((void*)bootInfo, (int)Multiboot2.TotalSize(new ReadOnlySpan<byte>((void*)bootInfo, 8)));
        if (!Multiboot2.ForEachModule(info, &ReserveModule)) Panic.Fatal("malformed Multiboot2 module tag");
        if (!Multiboot2.ForEachAvailableRegion(info, &AddUsableRange)) Panic.Fatal("malformed Multiboot2 memory map");
        if (PageAllocator.TotalBytes == 0) Panic.Fatal("no usable memory above the kernel");

        KernelConsole.Initialize((byte*)PageAllocator.AllocatePagesOrPanic(KernelConsole.MaxLine));
        Gdt.Install(&AllocateZeroed);
        Pic8259.RemapAndMask();
        nint stackLow, stackHigh;
        KernelStackBounds(&stackLow, &stackHigh);
        if (PageTables.UnmapPage((ulong)stackLow, &AllocateZeroed)) Panic.SetStackGuard((ulong)stackLow, (ulong)stackLow + 4096);
    }

    [DllImport("*", EntryPoint = "xx_kernel_stack_bounds"), SuppressGCTransition]
    private static extern void KernelStackBounds(nint* low, nint* high);

    private static void* AllocateZeroed(nuint bytes) => PageAllocator.AllocatePagesOrPanic(bytes);

    // Usable RAM minus the first MiB, the kernel image and the boot information (which kmain still reads).
    private static void AddUsableRange(ulong start, ulong end)
    {
        ulong infoEnd = s_bootInfoAddress + 64 * 1024;
        if (start < s_kernelEnd) start = s_kernelEnd;
        if (start < infoEnd && end > s_bootInfoAddress)
        {
            if (s_bootInfoAddress > start) AddExcludingModules(start, s_bootInfoAddress, 0); // GRUB puts modules below the boot information too
            start = infoEnd;
        }
        AddExcludingModules(start, end, 0);
    }

    private static void ReserveModule(ulong start, ulong end)
    {
        if (s_moduleCount == MaxModules) Panic.Fatal("more than 8 Multiboot2 modules");
        s_modules.Start[s_moduleCount] = start & ~4095UL;
        s_modules.End[s_moduleCount] = (end + 4095) & ~4095UL;
        s_moduleCount++;
    }

    // Adds [start, end) minus the module ranges from index `from` on (splitting around each one it overlaps).
    private static void AddExcludingModules(ulong start, ulong end, int from)
    {
        for (int i = from; i < s_moduleCount && start < end; i++)
        {
            ulong moduleStart = s_modules.Start[i], moduleEnd = s_modules.End[i];
            if (moduleEnd <= start || moduleStart >= end) continue;
            if (moduleStart > start) AddExcludingModules(start, moduleStart, i + 1);
            start = moduleEnd;
        }
        if (end > start) PageAllocator.AddRange(start, end);
    }

    [UnmanagedCallersOnly(EntryPoint = "kmain")]
    private static void KMain()
    {
        var info = new ReadOnlySpan<byte>((void*)s_bootInfoAddress, (int)Multiboot2.TotalSize(new ReadOnlySpan<byte>((void*)s_bootInfoAddress, 8)));
        Kernel.Start(Multiboot2.Parse(info, s_bootInfoAddress), s_bootMagic);
        Panic.Fatal("kernel main returned");
    }
}
