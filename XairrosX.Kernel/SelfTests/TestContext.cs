using System;
using System.Collections.Generic;

namespace XairrosX.Kernel.SelfTests;

/// <summary>Collects the failed checks of one self-test case (checks do not throw: a case reports every
/// failed check, and the runner also catches what the case itself throws).</summary>
public sealed class TestContext
{
    private readonly List<string> _failures = new();

    /// <summary>Failed checks so far.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Records a failure unless <paramref name="condition"/> holds.</summary>
    public void True(bool condition, string what)
    {
        if (!condition) _failures.Add(what);
    }

    /// <summary>Records a failure unless the values are equal.</summary>
    public void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) _failures.Add($"{what}: expected {expected}, got {actual}");
    }

    /// <summary>Records a failure unless |expected − actual| ≤ tolerance.</summary>
    public void Near(double expected, double actual, double tolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance)) _failures.Add($"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>Records a failure unless <paramref name="action"/> throws exactly <typeparamref name="TException"/>.</summary>
    public void Throws<TException>(Action action, string what) where TException : Exception
    {
        try
        {
            action();
            _failures.Add($"{what}: no exception, expected {typeof(TException).Name}");
        }
        catch (TException e) when (e.GetType() == typeof(TException)) { }
        catch (Exception e)
        {
            _failures.Add($"{what}: expected {typeof(TException).Name}, got {e.GetType().Name}");
        }
    }
}

/// <summary>A named self-test case.</summary>
/// <param name="Name">Dotted name, area first (e.g. "collections.dictionary").</param>
/// <param name="Body">The checks.</param>
public readonly record struct SelfTestCase(string Name, Action<TestContext> Body);
