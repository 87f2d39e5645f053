namespace XairrosX.Drivers.Storage.Ata;

/// <summary>Task-file register offsets, status bits and commands of an ATA channel (ATA8-ACS, PIO data-in/out).</summary>
public static class AtaRegisters
{
    /// <summary>Data (16-bit PIO).</summary>
    public const ushort Data = 0;
    /// <summary>Error (read) / Features (write).</summary>
    public const ushort Error = 1;
    /// <summary>Sector count.</summary>
    public const ushort SectorCount = 2;
    /// <summary>LBA bits 0–7 (and 24–31 for the high-order byte of LBA48).</summary>
    public const ushort LbaLow = 3;
    /// <summary>LBA bits 8–15 (40–47 high-order); 0x14 after IDENTIFY on an ATAPI device.</summary>
    public const ushort LbaMid = 4;
    /// <summary>LBA bits 16–23 (32–39 high-order); 0xEB after IDENTIFY on an ATAPI device.</summary>
    public const ushort LbaHigh = 5;
    /// <summary>Drive select, LBA mode, LBA28 bits 24–27.</summary>
    public const ushort Drive = 6;
    /// <summary>Status (read) / Command (write).</summary>
    public const ushort Command = 7;

    /// <summary>Status: an error; the Error register says which.</summary>
    public const byte StatusError = 0x01;
    /// <summary>Status: data request — the device wants (or offers) a sector.</summary>
    public const byte StatusDataRequest = 0x08;
    /// <summary>Status: device fault.</summary>
    public const byte StatusDeviceFault = 0x20;
    /// <summary>Status: ready for commands.</summary>
    public const byte StatusReady = 0x40;
    /// <summary>Status: busy; no other bit is valid.</summary>
    public const byte StatusBusy = 0x80;

    /// <summary>Device control: interrupts off (nIEN).</summary>
    public const byte ControlNoInterrupts = 0x02;

    /// <summary>READ SECTORS (LBA28).</summary>
    public const byte CommandReadSectors = 0x20;
    /// <summary>READ SECTORS EXT (LBA48).</summary>
    public const byte CommandReadSectorsExt = 0x24;
    /// <summary>WRITE SECTORS (LBA28).</summary>
    public const byte CommandWriteSectors = 0x30;
    /// <summary>WRITE SECTORS EXT (LBA48).</summary>
    public const byte CommandWriteSectorsExt = 0x34;
    /// <summary>FLUSH CACHE.</summary>
    public const byte CommandFlushCache = 0xE7;
    /// <summary>FLUSH CACHE EXT.</summary>
    public const byte CommandFlushCacheExt = 0xEA;
    /// <summary>IDENTIFY DEVICE.</summary>
    public const byte CommandIdentify = 0xEC;
}
