using System;
using System.Collections.Generic;
using System.Linq;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>System.Collections.Generic and LINQ inside the kernel.</summary>
internal static class CollectionCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("collections.list", t =>
        {
            var list = new List<int>();
            for (int i = 0; i < 1000; i++) list.Add(i * 7 % 1000);
            list.Sort();
            t.Equal(1000, list.Count, "count");
            t.Equal(0, list[0], "min after sort");
            t.Equal(999, list[^1], "max after sort");
            list.RemoveAll(x => x % 2 == 1);
            t.Equal(500, list.Count, "RemoveAll");
            t.Equal(250, list.BinarySearch(500), "BinarySearch");
        }),
        new("collections.dictionary", t =>
        {
            var d = new Dictionary<string, int>();
            for (int i = 0; i < 500; i++) d["key" + i] = i;
            t.Equal(500, d.Count, "count");
            t.Equal(321, d["key321"], "lookup");
            t.True(d.Remove("key0") && !d.ContainsKey("key0"), "remove");
            t.True(!d.TryGetValue("missing", out _), "TryGetValue miss");
            var byInt = new Dictionary<long, string> { [1L << 40] = "big" };
            t.Equal("big", byInt[1L << 40], "long keys");
            t.Throws<KeyNotFoundException>(() => GC.KeepAlive(d["nope"]), "missing key throws");
        }),
        new("collections.hashset", t =>
        {
            var a = new HashSet<string> { "x", "y", "z" };
            var b = new HashSet<string> { "y", "z", "w" };
            a.IntersectWith(b);
            t.Equal(2, a.Count, "intersection size");
            t.True(a.SetEquals(["z", "y"]), "intersection content");
            t.True(!a.Add("y"), "duplicate add");
        }),
        new("collections.queue_and_stack", t =>
        {
            var q = new Queue<int>();
            for (int i = 0; i < 100; i++) q.Enqueue(i);
            int sum = 0;
            while (q.TryDequeue(out int v)) sum += v;
            t.Equal(4950, sum, "queue FIFO sum");
            var s = new Stack<char>("abc");
            t.Equal('c', s.Pop(), "stack LIFO");
            var pq = new PriorityQueue<string, int>();
            pq.Enqueue("low", 5); pq.Enqueue("high", 1); pq.Enqueue("mid", 3);
            t.Equal("high", pq.Dequeue(), "priority queue");
        }),
        new("collections.sorted_dictionary", t =>
        {
            var sd = new SortedDictionary<string, int> { ["pear"] = 3, ["apple"] = 1, ["fig"] = 2 };
            t.Equal("apple,fig,pear", string.Join(",", sd.Keys), "sorted keys");
            var ss = new SortedSet<int> { 5, 1, 9, 3 };
            t.Equal(1, ss.Min, "sorted set min");
            t.Equal(9, ss.Max, "sorted set max");
        }),
        new("collections.linq", t =>
        {
            int[] numbers = Enumerable.Range(1, 20).ToArray();
            t.Equal(110, numbers.Where(n => n % 2 == 0).Sum(), "Where+Sum");
            t.Equal("20,19,18", string.Join(",", numbers.OrderByDescending(n => n).Take(3)), "OrderByDescending+Take");
            var groups = numbers.GroupBy(n => n % 3).ToDictionary(g => g.Key, g => g.Count());
            t.Equal(7, groups[1], "GroupBy");
            t.True(numbers.Any(n => n > 19) && numbers.All(n => n > 0), "Any/All");
            t.Equal(10.5, numbers.Average(), "Average");
            t.Equal("a1b2", string.Concat(new[] { "a", "b" }.Zip([1, 2], (s, n) => s + n)), "Zip");
        }),
        new("collections.array_sort_and_search", t =>
        {
            string[] words = ["kernel", "ACPI", "boot", "Zeta", "apic"];
            Array.Sort(words, StringComparer.OrdinalIgnoreCase);
            t.Equal("ACPI,apic,boot,kernel,Zeta", string.Join(",", words), "sort with comparer");
            int[] data = [9, 3, 7, 1];
            Array.Sort(data, (a, b) => b.CompareTo(a));
            t.Equal("9,7,3,1", string.Join(",", data), "sort with Comparison");
            t.Equal(2, Array.IndexOf(data, 3), "IndexOf");
            Array.Reverse(data);
            t.Equal(1, data[0], "Reverse");
        }),
    ];
}
