using System;

namespace XairrosX.Drivers.Platform;

/// <summary>Read access to physical memory: the identity map in the kernel, a fake in host tests.</summary>
public interface IPhysicalMemory
{
    /// <summary>Bytes at a physical address; an empty span when the range is not readable.</summary>
    ReadOnlySpan<byte> Read(ulong address, int length);
}

/// <summary>The kernel's view: the first 4 GiB are identity-mapped.</summary>
public sealed unsafe class IdentityMappedMemory : IPhysicalMemory
{
    /// <summary>The single instance.</summary>
    public static readonly IdentityMappedMemory Instance = new();
    private const ulong MappedLimit = 4UL << 30;

    /// <inheritdoc/>
    public ReadOnlySpan<byte> Read(ulong address, int length) =>
        address < 0x1000 || length < 0 || address + (ulong)length > MappedLimit ? default : new ReadOnlySpan<byte>((void*)address, length);
}
