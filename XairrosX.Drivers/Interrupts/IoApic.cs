using System.Threading;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// One I/O APIC (MMIO: IOREGSEL at +0, IOWIN at +0x10): its global system interrupts
/// [<see cref="GsiBase"/>, <see cref="GsiBase"/> + <see cref="InputCount"/>) map to redirection entries.
/// Entries are all masked at start; <see cref="Route"/> programs one (fixed delivery, physical destination).
/// </summary>
public sealed unsafe class IoApic
{
    private readonly byte* _base;

    /// <summary>Takes over the I/O APIC at <paramref name="address"/> serving GSIs from <paramref name="gsiBase"/>
    /// and masks every input.</summary>
    public IoApic(byte id, ulong address, uint gsiBase)
    {
        Id = id;
        _base = (byte*)address;
        GsiBase = gsiBase;
        InputCount = (int)((Read(1) >> 16) & 0xFF) + 1;
        for (int i = 0; i < InputCount; i++) Mask(i, true);
    }

    /// <summary>The I/O APIC id (MADT).</summary>
    public byte Id { get; }
    /// <summary>First GSI of this I/O APIC.</summary>
    public uint GsiBase { get; }
    /// <summary>Number of redirection entries.</summary>
    public int InputCount { get; }
    /// <summary>MMIO address.</summary>
    public ulong Address => (ulong)_base;

    /// <summary>True when <paramref name="gsi"/> belongs to this I/O APIC.</summary>
    public bool Serves(uint gsi) => gsi >= GsiBase && gsi < GsiBase + (uint)InputCount;

    /// <summary>Sends input <paramref name="input"/> to <paramref name="vector"/> on the APIC
    /// <paramref name="destinationApicId"/>, unmasked.</summary>
    public void Route(int input, byte vector, bool activeLow, bool levelTriggered, byte destinationApicId)
    {
        uint low = vector | (activeLow ? 1u << 13 : 0) | (levelTriggered ? 1u << 15 : 0);
        Write(0x10 + 2 * (uint)input, low | (1u << 16));       // masked while both halves change
        Write(0x11 + 2 * (uint)input, (uint)destinationApicId << 24);
        Write(0x10 + 2 * (uint)input, low);
    }

    /// <summary>Masks or unmasks input <paramref name="input"/>.</summary>
    public void Mask(int input, bool masked)
    {
        uint low = Read(0x10 + 2 * (uint)input);
        Write(0x10 + 2 * (uint)input, masked ? low | (1u << 16) : low & ~(1u << 16));
    }

    /// <summary>The low half of redirection entry <paramref name="input"/> (vector, flags, mask bit 16).</summary>
    public uint EntryLow(int input) => Read(0x10 + 2 * (uint)input);

    private uint Read(uint register)
    {
        Volatile.Write(ref *(uint*)_base, register);
        return Volatile.Read(ref *(uint*)(_base + 0x10));
    }

    private void Write(uint register, uint value)
    {
        Volatile.Write(ref *(uint*)_base, register);
        Volatile.Write(ref *(uint*)(_base + 0x10), value);
    }
}
