using System;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Gc;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>Outcome of <see cref="GcStress.Run"/>: collections seen, longest pause, or what was corrupted.</summary>
internal readonly record struct GcStressResult(ulong Collections, double MaxPauseMilliseconds, string Error);

/// <summary>
/// The collector's torture test: a live graph (nodes with payloads, a ring plus pseudo-random cross links)
/// whose checksum is verified after every collection, while short-lived objects of mixed kinds and sizes
/// (small objects, byte and int arrays up to 48 KiB, strings, object arrays holding other temporaries) are
/// allocated until the requested amount is reached. A small ring of recent temporaries survives a while,
/// and each one's contents are checked when it leaves the ring, so reuse of live memory is caught too;
/// every 8th collection the whole heap is checked for references to freed memory (<see cref="HeapVerifier"/>).
/// </summary>
internal static class GcStress
{
    private sealed class Node
    {
        public int Id;
        public Node Next;
        public Node Cross;
        public byte[] Payload;
        public string Name;
    }

    private sealed class Temporary
    {
        public int Seed;
        public byte[] Bytes;
        public object[] Links;
    }

    private const int PayloadBytes = 1000;

    /// <summary>Runs the stress for <paramref name="megabytes"/> MB around a graph of about <paramref name="liveBytes"/>.</summary>
    /// <param name="megabytes">MB to allocate.</param>
    /// <param name="liveBytes">Size of the live graph.</param>
    /// <param name="sharedStart">For several threads stressing together: the heap's allocation count when the
    /// run began, so that each thread stops when all of them together have allocated <paramref name="megabytes"/>.</param>
    public static GcStressResult Run(int megabytes, int liveBytes, ulong sharedStart = ulong.MaxValue)
    {
        Node[] graph = BuildGraph(liveBytes / (PayloadBytes + 128));
        ulong expected = Checksum(graph);
        ulong startCollections = GcStatistics.Collections, seenCollections = startCollections;
        ulong maxPause = 0;
        ulong target = (ulong)megabytes * 1024 * 1024, start = sharedStart != ulong.MaxValue ? sharedStart : ManagedHeap.AllocatedBytes;
        var recent = new Temporary[64];
        uint random = 0x9E3779B9;
        int step = 0;
        while (ManagedHeap.AllocatedBytes - start < target)
        {
            random ^= random << 13; random ^= random >> 17; random ^= random << 5;
            Temporary made = MakeTemporary(random, recent);
            int slot = (int)(random >> 26);
            if (recent[slot] != null && !Intact(recent[slot])) return new(0, 0, $"short-lived object {recent[slot].Seed:x8} corrupted");
            recent[slot] = made;
            if ((++step & 7) == 0) _ = new string((char)('a' + (random & 15)), (int)(random >> 24));
            ulong collections = GcStatistics.Collections;
            if (collections == seenCollections) continue;
            seenCollections = collections;
            if (GcStatistics.LastPauseTicks > maxPause) maxPause = GcStatistics.LastPauseTicks;
            ulong actual = Checksum(graph);
            if (actual != expected)
                return new(0, 0, $"live graph checksum {actual:x16} after collection {collections}, expected {expected:x16}");
            // Every 8th collection also checks that no object refers to freed memory.
            if ((collections & 7) == 0 && HeapVerifier.Verify() is string problem) return new(0, 0, "heap inconsistent: " + problem);
        }
        GC.KeepAlive(graph);
        ulong total = GcStatistics.Collections - startCollections;
        if (total == 0) return new(0, 0, $"no collection ran while {megabytes} MB were allocated");
        return new(total, GcStatistics.TicksToMilliseconds(maxPause), null);
    }

    private static Node[] BuildGraph(int count)
    {
        var nodes = new Node[count];
        for (int i = 0; i < count; i++)
        {
            var payload = new byte[PayloadBytes];
            for (int k = 0; k < payload.Length; k++) payload[k] = (byte)(i * 31 + k);
            nodes[i] = new Node { Id = i, Payload = payload, Name = "node" + i.ToString() };
        }
        for (int i = 0; i < count; i++)
        {
            nodes[i].Next = nodes[(i + 1) % count];
            nodes[i].Cross = nodes[(int)((uint)i * 2654435761u % (uint)count)];
        }
        return nodes;
    }

    /// <summary>Checksum of the graph reached through the ring (not through the array).</summary>
    private static ulong Checksum(Node[] graph)
    {
        ulong sum = 14695981039346656037;
        Node n = graph[0];
        for (int i = 0; i < graph.Length; i++, n = n.Next)
        {
            sum = (sum ^ (ulong)n.Id) * 1099511628211;
            sum = (sum ^ (ulong)n.Cross.Id) * 1099511628211;
            sum = (sum ^ (ulong)n.Name.Length) * 1099511628211;
            byte[] p = n.Payload;
            ulong local = 0;
            for (int k = 0; k < p.Length; k += 8) local += BitConverter.ToUInt64(p, k) * (ulong)(k + 1);
            sum = (sum ^ local) * 1099511628211;
        }
        return n == graph[0] ? sum : ~sum;
    }

    private static Temporary MakeTemporary(uint random, Temporary[] recent)
    {
        int kind = (int)(random & 7);
        int length = kind switch
        {
            0 => 16 + (int)(random >> 20 & 0xFFF),          // up to 4 KiB
            1 => 16 * 1024 + (int)(random >> 17 & 0x7FFF),  // large: 16–48 KiB
            _ => 8 + (int)(random >> 24),                   // small
        };
        var t = new Temporary { Seed = (int)random, Bytes = new byte[length] };
        byte fill = (byte)(random >> 8);
        t.Bytes.AsSpan().Fill(fill);
        if (kind == 2) t.Links = [recent[random >> 26], new int[(int)(random >> 25)], random.ToString()];
        if (kind == 3) _ = new int[1 + (int)(random >> 22)];
        return t;
    }

    private static bool Intact(Temporary t)
    {
        byte fill = (byte)((uint)t.Seed >> 8);
        foreach (byte b in t.Bytes) if (b != fill) return false;
        return t.Links == null || (t.Links.Length == 3 && t.Links[1] is int[] && t.Links[2] is string s && s == ((uint)t.Seed).ToString());
    }
}
