using System;
using System.Globalization;
using XairrosX.Kernel.Threading;

// Same loops and counts as the kernel's `threads bench`, printed in the same format.
Line("yield round trip", ThreadingWorkloads.YieldRoundTrip(20_000));
Line("uncontended lock", ThreadingWorkloads.UncontendedLock(1_000_000));
Line("contended lock (2 threads)", ThreadingWorkloads.ContendedLock(400_000));
Line("Monitor.Wait/Pulse round trip", ThreadingWorkloads.MonitorPingPong(10_000));
Line("thread start + join", ThreadingWorkloads.ThreadStartJoin(500));

static void Line(string what, double ns) =>
    Console.WriteLine($"threads bench: {what,-30} {ns.ToString("F1", CultureInfo.InvariantCulture),10} ns/op");
