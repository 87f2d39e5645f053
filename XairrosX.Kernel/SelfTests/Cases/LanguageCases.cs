using System;
using System.Collections.Generic;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>C# language features compiled by ilc: types, dispatch, casts, boxing, statics, delegates.</summary>
internal static class LanguageCases
{
    private abstract class Shape
    {
        public abstract double Area();
        public virtual string Kind => "shape";
        public T Describe<T>(Func<Shape, T> f) => f(this);
        public virtual T Accept<T>(T seed) => seed;
    }

    private sealed class Square(double side) : Shape
    {
        public override double Area() => side * side;
        public override string Kind => "square";
        public override T Accept<T>(T seed) => seed is int i ? (T)(object)(i + 1) : seed;
    }

    private sealed class Circle(double r) : Shape
    {
        public override double Area() => 3.0 * r * r;
    }

    private interface IGreeter { string Greet(string name); string Polite(string name) => "Dear " + Greet(name); }
    private interface IStore<T> { void Put(T item); T Get(int index); int Count { get; } }
    private sealed class English : IGreeter { public string Greet(string name) => "Hello " + name; }
    private sealed class Formal : IGreeter
    {
        public string Greet(string name) => "Good day " + name;
        public string Polite(string name) => "Most honoured " + name;
    }
    private sealed class ListStore<T> : IStore<T>
    {
        private readonly List<T> _items = new();
        public void Put(T item) => _items.Add(item);
        public T Get(int index) => _items[index];
        public int Count => _items.Count;
    }

    private struct Point(int x, int y) : IEquatable<Point>
    {
        public int X = x, Y = y;
        public readonly bool Equals(Point other) => X == other.X && Y == other.Y;
        public override readonly bool Equals(object obj) => obj is Point p && Equals(p);
        public override readonly int GetHashCode() => HashCode.Combine(X, Y);
    }

    private static class EagerStatics { public static readonly int[] Primes = [2, 3, 5, 7, 11]; }

    private static class LazyStatics
    {
        public static int Touched;
        public static readonly string Stamp;
        static LazyStatics() { Touched++; Stamp = "ran:" + Touched; }
    }

    private record Person(string Name, int Age);

    private static IEnumerable<int> Fibonacci(int count)
    {
        int a = 0, b = 1;
        for (int i = 0; i < count; i++) { yield return a; (a, b) = (b, a + b); }
    }

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("lang.classes_and_virtual", t =>
        {
            Shape[] shapes = [new Square(3), new Circle(2)];
            t.Near(9, shapes[0].Area(), 0, "square area");
            t.Near(12, shapes[1].Area(), 0, "circle area");
            t.Equal("square", shapes[0].Kind, "override");
            t.Equal("shape", shapes[1].Kind, "base virtual");
        }),
        new("lang.generic_virtual_methods", t =>
        {
            Shape s = new Square(2);
            t.Equal(5, s.Accept(4), "generic virtual override with int");
            t.Equal("x", s.Accept("x"), "generic virtual override with string");
            t.Equal(4.0, s.Describe(x => x.Area()), "generic method with lambda");
        }),
        new("lang.interfaces_and_default_methods", t =>
        {
            IGreeter[] greeters = [new English(), new Formal()];
            t.Equal("Hello Ada", greeters[0].Greet("Ada"), "interface dispatch");
            t.Equal("Dear Hello Ada", greeters[0].Polite("Ada"), "default interface method");
            t.Equal("Most honoured Ada", greeters[1].Polite("Ada"), "overridden default method");
        }),
        new("lang.interface_call_sites_cache_and_null", t =>
        {
            IGreeter[] mixed = [new English(), new Formal(), new English(), new Formal()];
            var sb = new System.Text.StringBuilder();
            for (int round = 0; round < 50; round++)
                foreach (IGreeter g in mixed) sb.Append(g.Greet("x")[0]);  // one call site, two receiver types
            t.Equal(string.Concat(System.Linq.Enumerable.Repeat("HGHG", 50)), sb.ToString(), "polymorphic site keeps dispatching right");
            IGreeter none = null;
            t.Throws<NullReferenceException>(() => GC.KeepAlive(none.Greet("x")), "interface call on null");
        }),
        new("lang.generic_interfaces", t =>
        {
            IStore<string> s = new ListStore<string>();
            s.Put("a"); s.Put("b");
            IStore<int> n = new ListStore<int>();
            n.Put(40); n.Put(2);
            t.Equal(2, s.Count, "count");
            t.Equal("b", s.Get(1), "reference instantiation");
            t.Equal(42, n.Get(0) + n.Get(1), "value instantiation");
        }),
        new("lang.casts_is_as", t =>
        {
            object o = new Square(1);
            t.True(o is Shape, "is base class");
            t.True(o is not Circle, "is not sibling");
            t.True((o as Circle) == null, "as sibling is null");
            object list = new List<int>();
            t.True(list is IEnumerable<int>, "is generic interface");
            t.True(list is System.Collections.IList, "is non-generic interface");
            object[] arr = new string[] { "x" };
            t.True(arr is string[], "array covariance");
        }),
        new("lang.boxing_and_unboxing", t =>
        {
            object boxed = 42;
            t.Equal(42, (int)boxed, "unbox int");
            object p = new Point(1, 2);
            t.True(p.Equals(new Point(1, 2)), "boxed struct Equals");
            IEquatable<Point> e = new Point(3, 4);
            t.True(e.Equals(new Point(3, 4)), "struct through interface");
            t.Equal(typeof(int), boxed.GetType(), "boxed type");
        }),
        new("lang.structs_value_semantics", t =>
        {
            var a = new Point(1, 2);
            Point b = a;
            b.X = 10;
            t.Equal(1, a.X, "copy is independent");
            var set = new HashSet<Point> { new(1, 2), new(1, 2), new(2, 1) };
            t.Equal(2, set.Count, "struct hashing");
        }),
        new("lang.nullable", t =>
        {
            int? none = null, some = 5;
            t.True(!none.HasValue, "no value");
            t.Equal(5, some.GetValueOrDefault(), "value");
            t.Equal(7, (none ?? 7), "coalesce");
            object boxedNone = none;
            t.True(boxedNone == null, "boxed null nullable is null");
            object boxedSome = some;
            t.Equal(typeof(int), boxedSome.GetType(), "boxed nullable is the underlying type");
        }),
        new("lang.static_constructors", t =>
        {
            t.Equal(28, EagerStatics.Primes[0] + EagerStatics.Primes[1] + EagerStatics.Primes[2] + EagerStatics.Primes[3] + EagerStatics.Primes[4], "preinitialized static array");
            t.Equal("ran:1", LazyStatics.Stamp, "lazy cctor ran once before first access");
            t.Equal(1, LazyStatics.Touched, "cctor ran exactly once");
        }),
        new("lang.delegates_and_closures", t =>
        {
            int counter = 0;
            Action inc = () => counter++;
            inc(); inc();
            t.Equal(2, counter, "closure captures by reference");
            Func<int, int> square = x => x * x;
            Func<int, int> plusOne = x => x + 1;
            Func<int, int> composed = x => plusOne(square(x));
            t.Equal(10, composed(3), "composition");
            Action multi = null;
            var log = new List<string>();
            multi += () => log.Add("a");
            multi += () => log.Add("b");
            multi();
            t.Equal("ab", string.Concat(log), "multicast delegate");
            string word = "x";
            Func<string> method = word.ToUpperInvariant;
            t.Equal("X", method(), "delegate bound to an instance method");
        }),
        new("lang.iterators_records_tuples_patterns", t =>
        {
            var fib = new List<int>(Fibonacci(10));
            t.Equal(34, fib[9], "yield return");
            var p = new Person("Ada", 36);
            t.True(p == new Person("Ada", 36), "record equality");
            t.Equal("Person { Name = Ada, Age = 36 }", p.ToString(), "record ToString");
            (int q, int r) = Math.DivRem(17, 5);
            t.Equal((3, 2), (q, r), "tuples");
            object o = 3.5;
            string kind = o switch { int => "int", double d when d > 3 => "big double", _ => "other" };
            t.Equal("big double", kind, "pattern matching");
        }),
        new("lang.span_and_stackalloc", t =>
        {
            Span<int> s = stackalloc int[16];
            for (int i = 0; i < s.Length; i++) s[i] = 16 - i;
            s.Sort();
            t.Equal(1, s[0], "sorted first");
            t.Equal(16, s[15], "sorted last");
            ReadOnlySpan<char> text = "kernel:xairrosx".AsSpan();
            int colon = text.IndexOf(':');
            t.Equal("xairrosx", text.Slice(colon + 1).ToString(), "span slicing");
            t.True("abc"u8.SequenceEqual(new byte[] { 97, 98, 99 }), "utf8 literal");
        }),
        new("lang.checked_arithmetic", t =>
        {
            t.Throws<OverflowException>(() => { int x = int.MaxValue; x = checked(x + 1); GC.KeepAlive(x); }, "checked int add");
            t.Throws<OverflowException>(() => { long v = long.MinValue; GC.KeepAlive(checked(-v)); }, "checked negate");
            t.Throws<OverflowException>(() => { double d = 300.0; GC.KeepAlive(checked((byte)d)); }, "checked conversion");
            int wrap = int.MaxValue;
            t.Equal(int.MinValue, unchecked(wrap + 1), "unchecked wraps");
        }),
        new("lang.arrays", t =>
        {
            int[,] grid = new int[3, 4];
            grid[2, 3] = 7;
            t.Equal(12, grid.Length, "2D length");
            t.Equal(7, grid[2, 3], "2D element");
            int[][] jagged = [[1], [2, 3]];
            t.Equal(3, jagged[1][1], "jagged");
            var copy = (int[])jagged[1].Clone();
            copy[0] = 9;
            t.Equal(2, jagged[1][0], "clone is a copy");
            t.Throws<IndexOutOfRangeException>(() => GC.KeepAlive(jagged[0][5]), "bounds check");
        }),
    ];
}
