using System;
using System.Diagnostics;
using XairrosX.Drivers.Platform;
using static XairrosX.Drivers.Storage.Ata.AtaRegisters;

namespace XairrosX.Drivers.Storage.Ata;

/// <summary>What probing one drive position found.</summary>
public enum AtaProbeResult
{
    /// <summary>An ATA disk answered IDENTIFY.</summary>
    Disk,
    /// <summary>Nothing there (floating bus, or status 0 after IDENTIFY).</summary>
    Absent,
    /// <summary>An ATAPI (CD/DVD) or SATA-signature device: not driven here.</summary>
    NotAta,
    /// <summary>The device stayed busy or reported an error.</summary>
    Failed,
}

/// <summary>
/// One legacy IDE channel (primary: ports 0x1F0–0x1F7 and 0x3F6; secondary: 0x170–0x177 and 0x376) in PIO mode with
/// interrupts off. Every wait is bounded by <see cref="Timeout"/>; a floating bus (status 0xFF: no controller or
/// no drives) is recognized before any command is sent. The channel serializes its two drives: one command at a time.
/// </summary>
public sealed class AtaChannel
{
    /// <summary>The default bound of a single wait for the device.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly IPortIo _io;
    private int _selected = -1;

    /// <summary>A channel with task-file registers at <paramref name="ioBase"/> and device control at <paramref name="controlPort"/>;
    /// each wait for the device gives up after <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</summary>
    public AtaChannel(IPortIo io, ushort ioBase, ushort controlPort, TimeSpan? timeout = null)
    {
        _io = io ?? throw new ArgumentNullException(nameof(io));
        IoBase = ioBase;
        ControlPort = controlPort;
        Timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>How long any single wait for the device may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The primary channel's legacy ports.</summary>
    public static AtaChannel Primary(IPortIo io) => new(io, 0x1F0, 0x3F6);

    /// <summary>The secondary channel's legacy ports.</summary>
    public static AtaChannel Secondary(IPortIo io) => new(io, 0x170, 0x376);

    /// <summary>First task-file port.</summary>
    public ushort IoBase { get; }

    /// <summary>Device control / alternate status port.</summary>
    public ushort ControlPort { get; }

    /// <summary>Whether the status register floats (reads 0xFF): no controller or no drive on this channel.</summary>
    public bool IsFloating => _io.In8((ushort)(IoBase + Command)) == 0xFF;

    /// <summary>Sends IDENTIFY DEVICE to drive 0 (master) or 1 (slave) and decodes the answer.</summary>
    public AtaProbeResult Identify(int drive, out AtaIdentity identity)
    {
        identity = null;
        if (IsFloating) return AtaProbeResult.Absent;
        _io.Out8(ControlPort, ControlNoInterrupts);
        Select(drive, 0);
        _io.Out8((ushort)(IoBase + SectorCount), 0);
        _io.Out8((ushort)(IoBase + LbaLow), 0);
        _io.Out8((ushort)(IoBase + LbaMid), 0);
        _io.Out8((ushort)(IoBase + LbaHigh), 0);
        _io.Out8((ushort)(IoBase + Command), CommandIdentify);
        byte status = _io.In8((ushort)(IoBase + Command));
        if (status == 0 || status == 0xFF) return AtaProbeResult.Absent;
        if (!WaitNotBusy(out status)) return AtaProbeResult.Failed;
        // ATAPI and SATA devices abort IDENTIFY DEVICE and leave their signature in LBA mid/high.
        if (_io.In8((ushort)(IoBase + LbaMid)) != 0 || _io.In8((ushort)(IoBase + LbaHigh)) != 0) return AtaProbeResult.NotAta;
        if (!WaitDataRequest(out status)) return (status & StatusError) != 0 ? AtaProbeResult.NotAta : AtaProbeResult.Failed;
        Span<ushort> words = stackalloc ushort[256];
        for (int i = 0; i < 256; i++) words[i] = _io.In16((ushort)(IoBase + Data));
        identity = AtaIdentity.TryParse(words);
        return identity == null ? AtaProbeResult.NotAta : AtaProbeResult.Disk;
    }

    /// <summary>
    /// Reads or writes <paramref name="count"/> (1–256) sectors by PIO; LBA48 commands when <paramref name="lba48"/>.
    /// Returns 0, or -EIO on a device error or timeout.
    /// </summary>
    public int Transfer(int drive, bool write, bool lba48, long lba, int count, Span<byte> buffer)
    {
        if (count < 1 || count > 256 || buffer.Length < count * 512) return -BlockErrno.EINVAL;
        Select(drive, lba48 ? 0 : (int)(lba >> 24) & 0x0F);
        if (!WaitNotBusy(out _)) return -BlockErrno.EIO;
        if (lba48)
        {
            _io.Out8((ushort)(IoBase + SectorCount), (byte)(count >> 8));
            _io.Out8((ushort)(IoBase + LbaLow), (byte)(lba >> 24));
            _io.Out8((ushort)(IoBase + LbaMid), (byte)(lba >> 32));
            _io.Out8((ushort)(IoBase + LbaHigh), (byte)(lba >> 40));
        }
        _io.Out8((ushort)(IoBase + SectorCount), (byte)count); // 256 is sent as 0 (LBA28) or 0x0100 (LBA48)
        _io.Out8((ushort)(IoBase + LbaLow), (byte)lba);
        _io.Out8((ushort)(IoBase + LbaMid), (byte)(lba >> 8));
        _io.Out8((ushort)(IoBase + LbaHigh), (byte)(lba >> 16));
        _io.Out8((ushort)(IoBase + Command), write
            ? (lba48 ? CommandWriteSectorsExt : CommandWriteSectors)
            : (lba48 ? CommandReadSectorsExt : CommandReadSectors));
        for (int sector = 0; sector < count; sector++)
        {
            Delay400ns();
            if (!WaitDataRequest(out _)) return -BlockErrno.EIO;
            Span<byte> data = buffer.Slice(sector * 512, 512);
            for (int i = 0; i < 512; i += 2)
            {
                if (write) _io.Out16((ushort)(IoBase + Data), (ushort)(data[i] | (data[i + 1] << 8)));
                else
                {
                    ushort w = _io.In16((ushort)(IoBase + Data));
                    data[i] = (byte)w;
                    data[i + 1] = (byte)(w >> 8);
                }
            }
        }
        Delay400ns();
        if (!WaitNotBusy(out byte status) || (status & (StatusError | StatusDeviceFault)) != 0) return -BlockErrno.EIO;
        return 0;
    }

    /// <summary>FLUSH CACHE (EXT): waits until the drive's write cache is on the medium; 0 or -EIO.</summary>
    public int FlushCache(int drive, bool lba48)
    {
        Select(drive, 0);
        if (!WaitNotBusy(out _)) return -BlockErrno.EIO;
        _io.Out8((ushort)(IoBase + Command), lba48 ? CommandFlushCacheExt : CommandFlushCache);
        Delay400ns();
        if (!WaitNotBusy(out byte status) || (status & (StatusError | StatusDeviceFault)) != 0) return -BlockErrno.EIO;
        return 0;
    }

    private void Select(int drive, int lbaHighNibble)
    {
        byte value = (byte)(0xE0 | (drive << 4) | lbaHighNibble);
        _io.Out8((ushort)(IoBase + Drive), value);
        if (_selected != drive) Delay400ns(); // a newly selected drive needs 400 ns before its status is valid
        _selected = drive;
    }

    // Each read of the alternate status takes ~100 ns on real hardware.
    private void Delay400ns()
    {
        for (int i = 0; i < 4; i++) _io.In8(ControlPort);
    }

    private bool WaitNotBusy(out byte status)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (((status = _io.In8((ushort)(IoBase + Command))) & StatusBusy) != 0)
            if (Stopwatch.GetTimestamp() > deadline) return false;
        return status != 0xFF;
    }

    private bool WaitDataRequest(out byte status)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            status = _io.In8((ushort)(IoBase + Command));
            if (status == 0xFF) return false;
            if ((status & StatusBusy) == 0)
            {
                if ((status & (StatusError | StatusDeviceFault)) != 0) return false;
                if ((status & StatusDataRequest) != 0) return true;
            }
            if (Stopwatch.GetTimestamp() > deadline) return false;
        }
    }
}
