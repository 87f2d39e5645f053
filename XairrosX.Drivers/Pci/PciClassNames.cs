namespace XairrosX.Drivers.Pci;

/// <summary>Names of the PCI class/subclass codes (PCI Code and ID Assignment specification).</summary>
public static class PciClassNames
{
    /// <summary>A short name for a class and subclass.</summary>
    public static string Describe(byte classCode, byte subclass) => (classCode, subclass) switch
    {
        (0x01, 0x01) => "IDE interface",
        (0x01, 0x06) => "SATA controller",
        (0x01, 0x08) => "Non-Volatile memory controller",
        (0x01, 0x00) => "SCSI storage controller",
        (0x01, _) => "Mass storage controller",
        (0x02, 0x00) => "Ethernet controller",
        (0x02, _) => "Network controller",
        (0x03, 0x00) => "VGA compatible controller",
        (0x03, _) => "Display controller",
        (0x04, _) => "Multimedia controller",
        (0x05, _) => "Memory controller",
        (0x06, 0x00) => "Host bridge",
        (0x06, 0x01) => "ISA bridge",
        (0x06, 0x04) => "PCI bridge",
        (0x06, 0x80) => "Bridge",
        (0x06, _) => "Bridge",
        (0x07, _) => "Communication controller",
        (0x08, _) => "System peripheral",
        (0x0C, 0x03) => "USB controller",
        (0x0C, 0x05) => "SMBus",
        (0x0C, _) => "Serial bus controller",
        (0xFF, _) => "Unassigned class",
        _ => "Device",
    };
}
