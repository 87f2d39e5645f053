namespace XairrosX.Drivers.Pci;

/// <summary>A PCI function found by enumeration.</summary>
public sealed record PciDevice(byte Bus, byte Device, byte Function, ushort VendorId, ushort DeviceId,
    byte ClassCode, byte Subclass, byte ProgIf, byte Revision, byte HeaderType, uint[] Bars, byte InterruptLine)
{
    /// <summary>bus:device.function as lspci prints it.</summary>
    public string Address => $"{Bus:x2}:{Device:x2}.{Function:x}";

    /// <summary>One line in the style of `lspci -nn`.</summary>
    public override string ToString() =>
        $"{Address} {PciClassNames.Describe(ClassCode, Subclass)} [{ClassCode:x2}{Subclass:x2}]: {VendorId:x4}:{DeviceId:x4} (rev {Revision:x2})";
}

/// <summary>Access to PCI configuration space (ports in the kernel, a fake in tests).</summary>
public interface IPciConfigSpace
{
    /// <summary>Reads the aligned 32-bit register at <paramref name="offset"/> of a function.</summary>
    uint Read32(byte bus, byte device, byte function, byte offset);
}
