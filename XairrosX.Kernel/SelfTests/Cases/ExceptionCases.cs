using System;
using System.Collections.Generic;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>Exception dispatch: throw/catch across frames, finally, filters, rethrow, runtime exceptions.</summary>
internal static class ExceptionCases
{
    private sealed class KernelTestException(string message, int code) : Exception(message) { public int Code { get; } = code; }

    private static void Fail(string message) => throw new InvalidOperationException(message);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowFromNamedMethod() => throw new FormatException("named");

    private static int Recurse(int depth) => depth == 0 ? throw new KernelTestException("deep", 20) : Recurse(depth - 1) + 1;

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("exceptions.catch_and_message", t =>
        {
            string caught = null;
            try { Fail("boom"); }
            catch (InvalidOperationException e) { caught = e.Message; }
            t.Equal("boom", caught, "message seen in the catch block");
        }),
        new("exceptions.across_20_frames", t =>
        {
            try { Recurse(20); t.True(false, "no exception"); }
            catch (KernelTestException e) { t.Equal(20, e.Code, "custom exception data"); }
        }),
        new("exceptions.finally_order", t =>
        {
            var log = new List<string>();
            try
            {
                try { log.Add("try"); throw new ArgumentException("x"); }
                finally { log.Add("finally"); }
            }
            catch (ArgumentException) { log.Add("catch"); }
            t.Equal("try,finally,catch", string.Join(",", log), "order");
        }),
        new("exceptions.filters", t =>
        {
            int filtered = 0;
            try { throw new KernelTestException("f", 7); }
            catch (KernelTestException e) when (e.Code == 6) { filtered = 6; }
            catch (KernelTestException e) when (e.Code == 7) { filtered = 7; }
            t.Equal(7, filtered, "second filter chosen");
        }),
        new("exceptions.rethrow", t =>
        {
            Exception caught = null;
            try
            {
                try { throw new KernelTestException("inner", 1); }
                catch (KernelTestException) { throw; }
            }
            catch (Exception e) { caught = e; }
            t.True(caught is KernelTestException { Code: 1 }, "same exception after rethrow");
        }),
        new("exceptions.stack_trace_names_and_rethrow", t =>
        {
            Exception caught = null;
            try
            {
                try { ThrowFromNamedMethod(); }
                catch (FormatException) { throw; }
            }
            catch (FormatException e) { caught = e; }
            string trace = caught?.StackTrace ?? "";
            t.True(trace.Contains("ExceptionCases.ThrowFromNamedMethod"), "trace names the throwing method: " + trace);
            t.True(caught?.ToString().StartsWith("System.FormatException: named") == true, "ToString starts with type and message");
        }),
        new("exceptions.runtime_raised", t =>
        {
            t.Throws<InvalidCastException>(() => GC.KeepAlive((string)(object)42), "invalid cast");
            t.Throws<DivideByZeroException>(() => { int zero = 0; GC.KeepAlive(10 / zero); }, "integer division by zero");
            t.Throws<NullReferenceException>(() => { string s = null; GC.KeepAlive(s.Length); }, "null dereference");
            t.Throws<ArgumentOutOfRangeException>(() => new List<int>()[3] = 1, "list index");
        }),
    ];
}
