using System;
using System.Buffers.Binary;

namespace XairrosX.Drivers.Storage;

/// <summary>
/// A deterministic content for every sector, so a test can write or check a disk without keeping a copy of it: the
/// first 8 bytes are the LBA, the next 8 the seed (both little-endian), the rest an xorshift64 stream seeded from
/// both. Host tests build disk images with it; the kernel's <c>blkcheck</c>/<c>blkfill</c> commands use the same.
/// </summary>
public static class SectorPattern
{
    /// <summary>Fills <paramref name="sector"/> with the pattern of <paramref name="lba"/> under <paramref name="seed"/>.</summary>
    public static void Fill(ulong seed, long lba, Span<byte> sector)
    {
        Span<byte> head = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(head, lba);
        BinaryPrimitives.WriteUInt64LittleEndian(head[8..], seed);
        head[..Math.Min(16, sector.Length)].CopyTo(sector);
        ulong state = (seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)lba + 0xD1B54A32D192ED03UL) | 1;
        for (int i = 16; i < sector.Length; i += 8)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            int n = Math.Min(8, sector.Length - i);
            for (int k = 0; k < n; k++) sector[i + k] = (byte)(state >> (8 * k));
        }
    }

    /// <summary>Whether <paramref name="sector"/> holds the pattern of <paramref name="lba"/> under <paramref name="seed"/>.</summary>
    public static bool Matches(ulong seed, long lba, ReadOnlySpan<byte> sector)
    {
        Span<byte> expected = stackalloc byte[sector.Length <= 4096 ? sector.Length : 0];
        if (expected.Length == 0 && sector.Length != 0) return false;
        Fill(seed, lba, expected);
        return sector.SequenceEqual(expected);
    }
}
