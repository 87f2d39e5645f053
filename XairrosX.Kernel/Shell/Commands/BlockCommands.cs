using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using XairrosX.Drivers.Storage;
using XairrosX.Kernel.Storage;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// lsblk, blkread, blkwrite, blkfill, blkcheck, blkbench: the block devices from the shell. Reads are always allowed;
/// every command that writes needs the device named on its line, and blkbench writes only with <c>--write</c>.
/// Device errors come back as errno lines; the shell goes on.
/// </summary>
internal static class BlockCommands
{
    private const int MaxDumpSectors = 64, CheckBlockSectors = 8, CheckQueueDepth = 32;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("lsblk", "", "list block devices (name, driver, size, sectors, read-only)", ListDevices),
        new("blkread", "<dev> <lba> [count]", "hex dump of sectors (count ≤ 64)", Read),
        new("blkwrite", "<dev> <lba> <text…>", "write the text into one sector (zero-padded), then flush", Write),
        new("blkfill", "<dev> <lba> <count> [seed]", "write the test pattern of <seed> to sectors, then flush", Fill),
        new("blkcheck", "<dev> <lba> <count> [seed]", "verify the test pattern through a 32-deep request queue", Check),
        new("blkbench", "<dev> [--write]", "sequential/random 4 KiB read (and write) MB/s and IOPS", BlockBench.Run),
    ];

    /// <summary>The device named by the first argument, or an error line.</summary>
    internal static bool TryDevice(ShellContext c, string name, out IBlockDevice device)
    {
        device = BlockStorage.Registry.Find(name);
        if (device != null) return true;
        c.Error($"no block device '{(name.Length > 20 ? name[..20] + "…" : name)}' (see lsblk)");
        return false;
    }

    private static bool TryNumber(ShellContext c, string text, string what, long max, out long value)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max) return true;
        c.Error($"{what} must be a number from 0 to {max}");
        return false;
    }

    private static int ListDevices(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 0) return c.Error("usage: lsblk");
        c.Out.WriteLine($"{"NAME",-6} {"DRIVER",-11} {"SIZE",10} {"SECTORS",12} RO  DETAIL");
        foreach (BlockDeviceEntry e in BlockStorage.Registry.Entries)
        {
            IBlockDevice d = e.Device;
            c.Out.WriteLine($"{d.Name,-6} {e.Driver,-11} {BlockDeviceRegistry.FormatSize(d.SectorCount * d.SectorSize),10} {d.SectorCount,12} {(d.IsReadOnly ? 1 : 0),2}  {e.Detail}");
        }
        if (BlockStorage.Registry.Entries.Count == 0) c.Out.WriteLine("(no block devices: attach one with ./xairrosx run --disk <image>)");
        return 0;
    }

    private static int Read(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count is < 2 or > 3) return c.Error("usage: blkread <dev> <lba> [count]");
        if (!TryDevice(c, a[0], out IBlockDevice device) || !TryNumber(c, a[1], "lba", long.MaxValue, out long lba)) return 1;
        long count = 1;
        if (a.Count == 3 && !TryNumber(c, a[2], "count", MaxDumpSectors, out count)) return 1;
        var buffer = new byte[(int)count * device.SectorSize];
        int result = device.Read(lba, buffer);
        if (result != 0) return c.Error($"blkread {device.Name} lba {lba} count {count}: {BlockErrno.Describe(result)}");
        HexDump.Write(c.Out, buffer, lba * device.SectorSize);
        return 0;
    }

    private static int Write(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count < 3) return c.Error("usage: blkwrite <dev> <lba> <text…>");
        if (!TryDevice(c, a[0], out IBlockDevice device) || !TryNumber(c, a[1], "lba", long.MaxValue, out long lba)) return 1;
        byte[] text = Encoding.UTF8.GetBytes(string.Join(' ', a.Count == 3 ? [a[2]] : ToArray(a, 2)));
        if (text.Length > device.SectorSize) return c.Error($"text longer than one sector ({device.SectorSize} bytes)");
        var sector = new byte[device.SectorSize];
        text.CopyTo(sector, 0);
        int result = device.Write(lba, sector);
        if (result == 0) result = device.Flush();
        if (result != 0) return c.Error($"blkwrite {device.Name} lba {lba}: {BlockErrno.Describe(result)}");
        c.Out.WriteLine($"wrote {text.Length} bytes to {device.Name} sector {lba}");
        return 0;
    }

    private static string[] ToArray(IReadOnlyList<string> a, int from)
    {
        var r = new string[a.Count - from];
        for (int i = from; i < a.Count; i++) r[i - from] = a[i];
        return r;
    }

    private static bool TryRange(ShellContext c, IReadOnlyList<string> a, string usage, out IBlockDevice device, out long lba, out long count, out ulong seed)
    {
        device = null; lba = count = 0; seed = 1;
        if (a.Count is < 3 or > 4) { c.Error("usage: " + usage); return false; }
        if (!TryDevice(c, a[0], out device) || !TryNumber(c, a[1], "lba", long.MaxValue, out lba) || !TryNumber(c, a[2], "count", int.MaxValue, out count)) return false;
        if (count == 0) { c.Error("count must be at least 1"); return false; }
        if (a.Count == 4)
        {
            if (!TryNumber(c, a[3], "seed", long.MaxValue, out long s)) return false;
            seed = (ulong)s;
        }
        return true;
    }

    private static int Fill(ShellContext c, IReadOnlyList<string> a)
    {
        if (!TryRange(c, a, "blkfill <dev> <lba> <count> [seed]", out IBlockDevice device, out long lba, out long count, out ulong seed)) return 1;
        int check = BlockErrno.CheckRange(device, lba, (int)Math.Min(count * device.SectorSize, int.MaxValue), write: true);
        if (check != 0 || count * device.SectorSize > int.MaxValue) return c.Error($"blkfill {device.Name} lba {lba} count {count}: {BlockErrno.Describe(check != 0 ? check : -BlockErrno.EINVAL)}");
        var block = new byte[CheckBlockSectors * device.SectorSize];
        for (long done = 0; done < count; done += CheckBlockSectors)
        {
            int n = (int)Math.Min(CheckBlockSectors, count - done);
            for (int i = 0; i < n; i++) SectorPattern.Fill(seed, lba + done + i, block.AsSpan(i * device.SectorSize, device.SectorSize));
            int result = device.Write(lba + done, block.AsSpan(0, n * device.SectorSize));
            if (result != 0) return c.Error($"blkfill {device.Name} lba {lba + done}: {BlockErrno.Describe(result)}");
        }
        int flushed = device.Flush();
        if (flushed != 0) return c.Error($"blkfill {device.Name} flush: {BlockErrno.Describe(flushed)}");
        c.Out.WriteLine($"blkfill: {device.Name} sectors {lba}..{lba + count - 1} written with seed {seed}");
        return 0;
    }

    // Reads through a BlockQueue with up to CheckQueueDepth 4 KiB requests in flight, checking each as it completes.
    private static int Check(ShellContext c, IReadOnlyList<string> a)
    {
        if (!TryRange(c, a, "blkcheck <dev> <lba> <count> [seed]", out IBlockDevice device, out long lba, out long count, out ulong seed)) return 1;
        var queue = new BlockQueue(device, CheckQueueDepth);
        var buffers = new byte[CheckQueueDepth][];
        var free = new Stack<int>();
        for (int i = 0; i < CheckQueueDepth; i++) { buffers[i] = new byte[CheckBlockSectors * device.SectorSize]; free.Push(i); }
        long next = 0, verified = 0, badLba = -1;
        int maxInFlight = 0, firstError = 0;
        var started = new long[CheckQueueDepth];
        var lengths = new int[CheckQueueDepth];
        while (verified < count && firstError == 0 && badLba < 0)
        {
            while (next < count && free.Count > 0)
            {
                int slot = free.Pop();
                int n = (int)Math.Min(CheckBlockSectors, count - next);
                started[slot] = lba + next;
                lengths[slot] = n;
                queue.TryEnqueue(BlockOperation.Read, lba + next, buffers[slot].AsMemory(0, n * device.SectorSize), (ulong)slot);
                next += n;
            }
            queue.Submit();
            maxInFlight = Math.Max(maxInFlight, queue.InFlight);
            BlockCompletion done = queue.WaitOne();
            int s = (int)done.Token;
            if (done.Result != 0) { firstError = done.Result; badLba = started[s]; break; }
            for (int i = 0; i < lengths[s] && badLba < 0; i++)
                if (!SectorPattern.Matches(seed, started[s] + i, buffers[s].AsSpan(i * device.SectorSize, device.SectorSize))) badLba = started[s] + i;
            verified += lengths[s];
            free.Push(s);
        }
        while (queue.InFlight > 0 || queue.Pending > 0) queue.WaitOne(); // drain before the buffers go away
        if (firstError != 0) return c.Error($"blkcheck {device.Name} lba {badLba}: {BlockErrno.Describe(firstError)}");
        if (badLba >= 0) return c.Error($"blkcheck {device.Name}: sector {badLba} does not hold the pattern of seed {seed}");
        c.Out.WriteLine($"blkcheck: {device.Name} sectors {lba}..{lba + count - 1} match seed {seed} (at most {Math.Max(maxInFlight, 1)} in flight)");
        return 0;
    }
}
