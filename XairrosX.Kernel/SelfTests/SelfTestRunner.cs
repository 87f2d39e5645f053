using System;
using System.Collections.Generic;
using System.IO;

namespace XairrosX.Kernel.SelfTests;

/// <summary>
/// Runs the kernel's own tests and reports in the exact format the integration tests parse:
/// one "PASS name" or "FAIL name: reason" line per case, then "selftest: N passed, M failed".
/// </summary>
public static class SelfTestRunner
{
    /// <summary>Every registered case, in a stable order.</summary>
    public static IReadOnlyList<SelfTestCase> AllCases()
    {
        var all = new List<SelfTestCase>();
        all.AddRange(Cases.LanguageCases.All());
        all.AddRange(Cases.CollectionCases.All());
        all.AddRange(Cases.TextCases.All());
        all.AddRange(Cases.NumericCases.All());
        all.AddRange(Cases.ExceptionCases.All());
        all.AddRange(Cases.SystemCases.All());
        all.AddRange(Cases.FileSystemCases.All());
        all.AddRange(Cases.FatCases.All());
        all.AddRange(Cases.AiCases.All());
        all.AddRange(Cases.GcCases.All());
        all.AddRange(Cases.CryptoCases.All());
        all.AddRange(Cases.LedgerCases.All());
        all.AddRange(Cases.ThreadingCases.All());
        all.AddRange(Cases.BlockCases.All());
        all.AddRange(Cases.ConsoleCases.All());
        all.AddRange(Cases.InterruptCases.All());
        all.AddRange(Cases.MemoryCases.All());
        all.AddRange(Cases.PagingCases.All());
        return all;
    }

    /// <summary>Runs the cases whose name contains <paramref name="filter"/> (all when null or empty).</summary>
    public static (int Passed, int Failed) Run(IReadOnlyList<SelfTestCase> cases, string filter, TextWriter output)
    {
        int passed = 0, failed = 0;
        foreach (SelfTestCase test in cases)
        {
            if (!string.IsNullOrEmpty(filter) && !test.Name.Contains(filter, StringComparison.Ordinal)) continue;
            var context = new TestContext();
            string reason;
            try
            {
                test.Body(context);
                reason = context.Failures.Count == 0 ? null : string.Join("; ", context.Failures);
            }
            catch (Exception e)
            {
                reason = $"unexpected {e.GetType().Name}: {e.Message}";
            }
            if (reason == null) { passed++; output.WriteLine("PASS " + test.Name); }
            else { failed++; output.WriteLine($"FAIL {test.Name}: {reason}"); }
        }
        output.WriteLine($"selftest: {passed} passed, {failed} failed");
        return (passed, failed);
    }
}
