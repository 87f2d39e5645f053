using System;

namespace XairrosX.Drivers.Storage.Ata;

/// <summary>
/// An ATA disk on a legacy IDE channel, driven by PIO (see <see cref="AtaChannel"/>): READ/WRITE SECTORS EXT (LBA48)
/// when the drive supports the 48-bit feature set, else the LBA28 commands (whose capacity then bounds every request).
/// Requests larger than 256 sectors are split. Synchronous only: PIO moves every word through the CPU anyway.
/// </summary>
public sealed class AtaDisk : IBlockDevice
{
    private const int MaxSectorsPerCommand = 256;
    private readonly AtaChannel _channel;
    private readonly int _drive;

    /// <summary>The disk at position <paramref name="drive"/> (0 master, 1 slave) of <paramref name="channel"/>.</summary>
    public AtaDisk(string name, AtaChannel channel, int drive, AtaIdentity identity)
    {
        Name = name;
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _drive = drive;
        Identity = identity ?? throw new ArgumentNullException(nameof(identity));
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int SectorSize => 512;
    /// <inheritdoc/>
    public long SectorCount => Identity.SectorCount;
    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <summary>What the drive reported.</summary>
    public AtaIdentity Identity { get; }

    /// <inheritdoc/>
    public int Read(long lba, Span<byte> destination)
    {
        int check = BlockErrno.CheckRange(this, lba, destination.Length, write: false);
        return check != 0 ? check : Transfer(false, lba, destination);
    }

    /// <inheritdoc/>
    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        int check = BlockErrno.CheckRange(this, lba, source.Length, write: true);
        // The channel only reads the span when writing; the cast keeps one transfer loop for both directions.
        return check != 0 ? check : Transfer(true, lba, System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(source), source.Length));
    }

    /// <inheritdoc/>
    public int Flush() => _channel.FlushCache(_drive, Identity.SupportsLba48);

    private int Transfer(bool write, long lba, Span<byte> buffer)
    {
        int sectors = buffer.Length / 512;
        for (int done = 0; done < sectors;)
        {
            int count = Math.Min(sectors - done, MaxSectorsPerCommand);
            long first = lba + done;
            int result = _channel.Transfer(_drive, write, Identity.SupportsLba48, first, count, buffer.Slice(done * 512, count * 512));
            if (result != 0) return result;
            done += count;
        }
        return 0;
    }
}
