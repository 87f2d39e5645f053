namespace XairrosX.Drivers.Storage.Virtio;

/// <summary>
/// The legacy (virtio 0.9.5, "transitional") PCI interface: registers at fixed offsets in the I/O BAR 0, the device
/// configuration right after them (offset 20 while MSI-X is off, which it is: the kernel polls).
/// </summary>
public static class VirtioLegacyRegisters
{
    /// <summary>Features the device offers (32 bits, read).</summary>
    public const ushort DeviceFeatures = 0x00;
    /// <summary>Features the driver accepts (32 bits, write).</summary>
    public const ushort DriverFeatures = 0x04;
    /// <summary>Physical page number of the selected queue (32 bits); 0 disables it.</summary>
    public const ushort QueueAddress = 0x08;
    /// <summary>Entries in the selected queue (16 bits, read; 0 = no such queue).</summary>
    public const ushort QueueSize = 0x0C;
    /// <summary>Queue the other queue registers refer to (16 bits).</summary>
    public const ushort QueueSelect = 0x0E;
    /// <summary>Write a queue index to tell the device it has new buffers (16 bits).</summary>
    public const ushort QueueNotify = 0x10;
    /// <summary>Device status (8 bits); writing 0 resets the device.</summary>
    public const ushort DeviceStatus = 0x12;
    /// <summary>Interrupt status (8 bits; reading acknowledges).</summary>
    public const ushort IsrStatus = 0x13;
    /// <summary>Device-specific configuration without MSI-X.</summary>
    public const ushort DeviceConfig = 0x14;

    /// <summary>Status bit: the guest noticed the device.</summary>
    public const byte StatusAcknowledge = 1;
    /// <summary>Status bit: the guest has a driver for it.</summary>
    public const byte StatusDriver = 2;
    /// <summary>Status bit: the driver is ready.</summary>
    public const byte StatusDriverOk = 4;
    /// <summary>Status bit: the device hit an error and needs a reset.</summary>
    public const byte StatusNeedsReset = 64;
    /// <summary>Status bit: the driver gave up on the device.</summary>
    public const byte StatusFailed = 128;

    /// <summary>PCI vendor of virtio devices (Red Hat / Qumranet).</summary>
    public const ushort PciVendor = 0x1AF4;
    /// <summary>PCI device ID of a transitional (legacy-capable) virtio-blk.</summary>
    public const ushort PciDeviceBlockTransitional = 0x1001;
    /// <summary>PCI device ID of a modern-only virtio-blk (virtio 1.x, 0x1040 + device type 2).</summary>
    public const ushort PciDeviceBlockModern = 0x1042;
}

/// <summary>virtio-blk protocol constants (virtio 1.x §5.2).</summary>
public static class VirtioBlk
{
    /// <summary>Feature: the device is read-only.</summary>
    public const int FeatureReadOnly = 5;
    /// <summary>Feature: the device reports its logical block size.</summary>
    public const int FeatureBlockSize = 6;
    /// <summary>Feature: the device has a write cache and accepts FLUSH.</summary>
    public const int FeatureFlush = 9;

    /// <summary>Request type: read.</summary>
    public const uint RequestIn = 0;
    /// <summary>Request type: write.</summary>
    public const uint RequestOut = 1;
    /// <summary>Request type: flush the write cache.</summary>
    public const uint RequestFlush = 4;

    /// <summary>Status byte: success.</summary>
    public const byte StatusOk = 0;
    /// <summary>Status byte: I/O error.</summary>
    public const byte StatusIoError = 1;
    /// <summary>Status byte: unsupported request.</summary>
    public const byte StatusUnsupported = 2;

    /// <summary>virtio-blk addresses 512-byte sectors whatever the logical block size.</summary>
    public const int SectorSize = 512;
}
