using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using XairrosX.Kernel.Threading;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// Kernel threads through the BCL: Thread start/join/names, preemption of a thread that never yields, lock,
/// Monitor.Wait/Pulse, SemaphoreSlim, ManualResetEventSlim, SpinLock, Interlocked, [ThreadStatic] and
/// ThreadLocal, sleeping without CPU, idle halting, a thread dying of an unhandled exception while the others go
/// on, Task.Run/WhenAll/async-await and Task.Delay precision, and the collector with threads allocating at once.
/// Every wait has a timeout, so a broken scheduler fails a check instead of hanging the run.
/// </summary>
internal static class ThreadingCases
{
    private const int JoinTimeoutMs = 20_000;

    [ThreadStatic] private static int t_slot;

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("threads.start_join_name", t =>
        {
            int seen = 0, id = 0;
            string name = null;
            var thread = new Thread(() => { seen = 42; id = Environment.CurrentManagedThreadId; name = Thread.CurrentThread.Name; }) { Name = "selftest-worker" };
            thread.Start();
            t.True(thread.Join(JoinTimeoutMs), "Join returns when the thread ends");
            t.Equal(42, seen, "the thread ran its body");
            t.True(id != 0 && id != Environment.CurrentManagedThreadId, $"it has its own managed thread id ({id})");
            t.Equal("selftest-worker", name, "Thread.Name is visible on the thread");
            t.True(!thread.IsAlive, "IsAlive is false after Join");
        }),
        new("threads.preemption_of_a_spinning_thread", t =>
        {
            // The main thread spins without yielding; only the timer can let the other thread set the flag.
            t.True(InterruptState.Enabled, "the boot thread runs with interrupts enabled");
            int flag = 0;
            var setter = new Thread(() => Volatile.Write(ref flag, 1));
            setter.Start();
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref flag) == 0 && clock.ElapsedMilliseconds < 5000) { }
            t.Equal(1, Volatile.Read(ref flag), "a thread made ready runs while another spins (preemption)");
            t.True(setter.Join(JoinTimeoutMs), "joined");
        }),
        new("threads.lock_8_threads_exact_total", t =>
        {
            const int Threads = 8, Increments = 2000;
            object gate = new();
            int locked = 0, unlocked = 0;
            var workers = new Thread[Threads];
            for (int w = 0; w < Threads; w++)
            {
                workers[w] = new Thread(() =>
                {
                    for (int i = 0; i < Increments; i++)
                    {
                        lock (gate)
                        {
                            int v = locked;
                            if ((i & 63) == 0) Thread.Yield(); // another thread may run inside the critical section
                            locked = v + 1;
                        }
                        int u = unlocked;
                        if ((i & 63) == 0) Thread.Yield();
                        unlocked = u + 1;
                    }
                });
                workers[w].Start();
            }
            bool joined = true;
            foreach (Thread w in workers) joined &= w.Join(JoinTimeoutMs);
            t.True(joined, "all 8 threads ended");
            t.Equal(Threads * Increments, locked, "the counter under lock is exact");
            t.True(unlocked < Threads * Increments, $"without the lock updates are lost ({unlocked}), so the threads really interleaved");
        }),
        new("threads.higher_priority_runs_first", t =>
        {
            // A priority-4 thread busy for 30 ms: the normal-priority main thread, spinning meanwhile, must not
            // advance while it runs (strict priorities; with equal priorities the 10 ms slices would let it).
            long mainProgress = 0, seenAtStart = -1, seenAtEnd = -1;
            var high = new Thread(() =>
            {
                while (Volatile.Read(ref mainProgress) < 1000) Thread.Yield(); // the main thread is spinning now
                Scheduler.SetCurrentPriority(4);
                seenAtStart = Volatile.Read(ref mainProgress);
                var busy = Stopwatch.StartNew();
                while (busy.ElapsedMilliseconds < 30) { }
                seenAtEnd = Volatile.Read(ref mainProgress);
            });
            high.Start();
            var clock = Stopwatch.StartNew();
            while (high.IsAlive && clock.ElapsedMilliseconds < 5000) Volatile.Write(ref mainProgress, mainProgress + 1);
            t.True(high.Join(JoinTimeoutMs), "the high-priority thread ended");
            t.True(seenAtStart >= 1000, $"it ran once the main thread was spinning ({seenAtStart})");
            t.Equal(seenAtStart, seenAtEnd, "the normal-priority thread made no progress during the high one's 30 ms (three time slices)");
        }),
        new("threads.monitor_wait_pulse_producer_consumer", t =>
        {
            const int Items = 300, Capacity = 4;
            var queue = new Queue<int>();
            object gate = new();
            long consumed = 0;
            int consumedCount = 0;
            var consumer = new Thread(() =>
            {
                for (int n = 0; n < Items; n++)
                {
                    lock (gate)
                    {
                        while (queue.Count == 0) Monitor.Wait(gate);
                        consumed += queue.Dequeue();
                        consumedCount++;
                        Monitor.PulseAll(gate);
                    }
                }
            });
            consumer.Start();
            int maxSeen = 0;
            for (int i = 1; i <= Items; i++)
            {
                lock (gate)
                {
                    while (queue.Count == Capacity) Monitor.Wait(gate);
                    queue.Enqueue(i);
                    maxSeen = Math.Max(maxSeen, queue.Count);
                    Monitor.PulseAll(gate);
                }
            }
            t.True(consumer.Join(JoinTimeoutMs), "the consumer ended");
            t.Equal(Items, consumedCount, "every item was consumed");
            t.Equal((long)Items * (Items + 1) / 2, consumed, "sum of consumed items");
            t.True(maxSeen <= Capacity, "the bound held");
        }),
        new("threads.semaphore_event_spinlock_interlocked", t =>
        {
            using var semaphore = new SemaphoreSlim(0);
            using var ready = new ManualResetEventSlim(false);
            int interlocked = 0, spinCounted = 0;
            var spin = new SpinLock(enableThreadOwnerTracking: false);
            var workers = new Thread[4];
            for (int w = 0; w < workers.Length; w++)
            {
                workers[w] = new Thread(() =>
                {
                    ready.Wait(JoinTimeoutMs);
                    for (int i = 0; i < 1000; i++)
                    {
                        Interlocked.Increment(ref interlocked);
                        bool taken = false;
                        spin.Enter(ref taken);
                        int v = spinCounted;
                        if ((i & 127) == 0) Thread.Yield();
                        spinCounted = v + 1;
                        spin.Exit();
                    }
                    semaphore.Release();
                });
                workers[w].Start();
            }
            t.True(!semaphore.Wait(20), "SemaphoreSlim.Wait times out while nobody releases");
            ready.Set();
            int acquired = 0;
            for (int i = 0; i < workers.Length; i++) if (semaphore.Wait(JoinTimeoutMs)) acquired++;
            t.Equal(workers.Length, acquired, "each worker released the semaphore once");
            t.Equal(4000, Volatile.Read(ref interlocked), "Interlocked.Increment total");
            t.Equal(4000, spinCounted, "SpinLock-protected total");
            foreach (Thread w in workers) w.Join(JoinTimeoutMs);
        }),
        new("threads.thread_static_and_thread_local", t =>
        {
            using var local = new ThreadLocal<string>(() => "init-" + Environment.CurrentManagedThreadId, trackAllValues: true);
            t_slot = 1;
            int otherSlot = -1, otherAfterYield = -1;
            string otherLocal = null;
            var other = new Thread(() =>
            {
                otherSlot = t_slot;                     // a fresh thread sees the default
                t_slot = 2;
                local.Value = "other";
                Thread.Sleep(5);
                otherAfterYield = t_slot;
                otherLocal = local.Value;
            });
            other.Start();
            t.True(other.Join(JoinTimeoutMs), "joined");
            t.Equal(0, otherSlot, "[ThreadStatic] starts at default on a new thread");
            t.Equal(2, otherAfterYield, "[ThreadStatic] keeps the thread's own value across a sleep");
            t.Equal(1, t_slot, "the main thread's [ThreadStatic] is untouched");
            t.Equal("other", otherLocal, "ThreadLocal value on the other thread");
            t.Equal("init-" + Environment.CurrentManagedThreadId, local.Value, "ThreadLocal value here comes from the factory");
            t.Equal(2, local.Values.Count, "ThreadLocal tracked both values");
        }),
        new("threads.sleep_uses_no_cpu_and_idle_halts", t =>
        {
            ThreadInfo idleBefore = Find(0);
            var sleeper = new Thread(() => Thread.Sleep(200)) { Name = "selftest-sleeper" };
            var clock = Stopwatch.StartNew();
            sleeper.Start();
            Thread.Sleep(50);
            ThreadInfo during = Find(sleeper.ManagedThreadId, "selftest-sleeper");
            t.True(sleeper.Join(JoinTimeoutMs), "the sleeper woke and ended");
            long elapsed = clock.ElapsedMilliseconds;
            ThreadInfo idleAfter = Find(0);
            t.True(elapsed >= 200, $"Thread.Sleep(200) lasted {elapsed} ms");
            t.Equal(ThreadRunState.Blocked, during.State, "a sleeping thread is blocked");
            t.True(during.CpuNanoseconds < 20_000_000, $"the sleeping thread used {during.CpuNanoseconds / 1000} µs of CPU");
            ulong idleMs = (idleAfter.CpuNanoseconds - idleBefore.CpuNanoseconds) / 1_000_000;
            t.True(idleMs >= 100, $"the idle thread (hlt) had the CPU for {idleMs} ms of the {elapsed} ms everyone slept");
        }),
        new("threads.exceptions_on_threads", t =>
        {
            int caught = 0, nulls = 0, spins = 0;
            bool stop = false;
            var spinner = new Thread(() => { while (!Volatile.Read(ref stop)) spins++; });
            spinner.Start();
            var workers = new Thread[2];
            for (int w = 0; w < workers.Length; w++)
            {
                workers[w] = new Thread(() =>
                {
                    for (int i = 0; i < 300; i++)
                    {
                        try { Fail(i % 7); } catch (InvalidOperationException) { Interlocked.Increment(ref caught); }
                        try { NullDeref(null); } catch (NullReferenceException) { Interlocked.Increment(ref nulls); }
                    }
                });
                workers[w].Start();
            }
            bool joined = true;
            foreach (Thread w in workers) joined &= w.Join(JoinTimeoutMs);
            Volatile.Write(ref stop, true);
            joined &= spinner.Join(JoinTimeoutMs);
            t.True(joined, "threads ended");
            t.Equal(600, caught, "exceptions thrown and caught on two threads while a third spins");
            t.Equal(600, nulls, "null dereferences caught as NullReferenceException on threads");
            try { NullDeref(null); } catch (NullReferenceException) { }
            t.True(InterruptState.Enabled, "interrupts are on again after a CPU fault was caught as an exception");
            t.True(spins > 0, "the spinner ran");
        }),
        new("threads.unhandled_exception_ends_only_that_thread", t =>
        {
            int exitsBefore = Scheduler.UnhandledExceptionExits;
            int survivorTicks = 0;
            bool stop = false;
            var survivor = new Thread(() => { while (!Volatile.Read(ref stop)) { survivorTicks++; Thread.Sleep(1); } });
            survivor.Start();
            var doomed = new Thread(() => Fail(3)) { Name = "selftest-doomed" };
            doomed.Start();
            t.True(doomed.Join(JoinTimeoutMs), "Join on a thread that died of an exception returns");
            int ticksAtDeath = Volatile.Read(ref survivorTicks);
            Thread.Sleep(30);
            t.True(Volatile.Read(ref survivorTicks) > ticksAtDeath, "another thread kept running afterwards");
            Volatile.Write(ref stop, true);
            t.True(survivor.Join(JoinTimeoutMs), "the survivor ended normally");
            t.Equal(exitsBefore + 1, Scheduler.UnhandledExceptionExits, "one thread ended by an unhandled exception");
        }),
        new("tasks.run_whenall_async_await", t =>
        {
            var tasks = new Task<long>[4];
            for (int i = 0; i < tasks.Length; i++)
            {
                int seed = i;
                tasks[i] = Task.Run(() => { long s = 0; for (int k = 0; k <= 10_000; k++) s += k * (seed + 1); return s; });
            }
            bool all = Task.WhenAll(tasks).Wait(JoinTimeoutMs);
            t.True(all, "Task.WhenAll completed");
            long total = 0;
            foreach (Task<long> task in tasks) total += task.Result;
            t.Equal(50_005_000L * 10, total, "results of Task.Run bodies");
            Task<int> chained = ChainAsync(5);
            t.True(chained.Wait(JoinTimeoutMs), "async method completed");
            t.Equal(5 + 4 + 3 + 2 + 1, chained.Result, "awaits resumed in order");
        }),
        new("tasks.delay_resolves_on_time", t =>
        {
            // Task.Delay rests on the BCL timer thread (a timed LowLevelMonitor wait, i.e. the scheduler's
            // deadline list drained by the tick) and a thread-pool continuation.
            const int DueMs = 50, Rounds = 9;
            DelayAsync(1).Wait(JoinTimeoutMs); // the first await starts the BCL's timer and thread-pool threads
            var lates = new List<double>();
            for (int round = 0; round < Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                bool done = DelayAsync(DueMs).Wait(JoinTimeoutMs);
                double ms = clock.Elapsed.TotalMilliseconds;
                t.True(done, "the delay completed");
                t.True(ms >= DueMs - 1, $"Task.Delay({DueMs}) did not end early ({ms:F2} ms)");
                lates.Add(ms - DueMs);
            }
            lates.Sort();
            double median = lates[Rounds / 2], worst = lates[^1];
            double tickMs = 1000.0 / PreemptionTimer.FrequencyHz;
            string all = string.Join(" ", lates.ConvertAll(l => l.ToString("F2")));
            // The median is the criterion: under emulation on a busy host a single round can lose the CPU for a while.
            t.True(median <= 2 * tickMs + 1, $"await Task.Delay resolved a median {median:F2} ms late ({all}; 2 ticks = {2 * tickMs:F1} ms, +1 ms for the BCL's millisecond rounding)");
            t.True(worst <= 100, $"and never grossly late (worst {worst:F2} ms)");
        }),
        new("threads.gc_with_four_allocating_threads", t =>
        {
            const int Threads = 4;
            var errors = new string[Threads];
            var workers = new Thread[Threads];
            ulong collectionsBefore = XairrosX.Plugs.Memory.Gc.GcStatistics.Collections;
            for (int w = 0; w < Threads; w++)
            {
                int index = w;
                workers[w] = new Thread(() => errors[index] = AllocateAndVerify(index, 48 * 1024 * 1024 / Threads));
                workers[w].Start();
            }
            bool joined = true;
            foreach (Thread w in workers) joined &= w.Join(60_000);
            t.True(joined, "the allocating threads ended");
            for (int w = 0; w < Threads; w++) t.True(errors[w] == null, $"thread {w}: {errors[w] ?? "lists intact"}");
            t.True(XairrosX.Plugs.Memory.Gc.GcStatistics.Collections > collectionsBefore, "collections ran while the threads allocated");
        }),
    ];

    private static ThreadInfo Find(int id, string name = null)
    {
        foreach (ThreadInfo info in Scheduler.Snapshot())
        {
            if (name != null ? info.Name == name : info.Id == id) return info;
        }
        return default;
    }

    private static void Fail(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("selftest: this thread is meant to die");
        Fail(depth - 1);
    }

    private sealed class Box { public int Value = 1; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int NullDeref(Box box) => box.Value;

    private static async Task<int> ChainAsync(int n)
    {
        if (n == 0) return 0;
        await Task.Yield();
        return n + await ChainAsync(n - 1);
    }

    private static async Task DelayAsync(int ms) => await Task.Delay(ms);

    private sealed class Cell { public int Value; public int[] Data; public Cell Next; }

    // Builds linked lists of cells whose contents are a function of the thread and position, drops most of
    // them, and checks the kept ones after collections triggered by everyone's allocation.
    private static string AllocateAndVerify(int thread, int bytes)
    {
        Cell kept = null;
        int keptCount = 0;
        long allocated = 0;
        for (int i = 0; allocated < bytes; i++)
        {
            var cell = new Cell { Value = thread * 1_000_000 + i, Data = new int[16 + (i % 200)] };
            for (int k = 0; k < cell.Data.Length; k++) cell.Data[k] = cell.Value ^ k;
            allocated += 64 + cell.Data.Length * 4;
            if (i % 50 == 0) { cell.Next = kept; kept = cell; keptCount++; }
            if (i % 5000 == 0)
            {
                int count = 0;
                for (Cell c = kept; c != null; c = c.Next, count++)
                {
                    if (c.Value / 1_000_000 != thread) return $"cell {c.Value} belongs to another thread";
                    for (int k = 0; k < c.Data.Length; k++) if (c.Data[k] != (c.Value ^ k)) return $"cell {c.Value} data corrupted at {k}";
                }
                if (count != keptCount) return $"list has {count} cells, expected {keptCount}";
            }
        }
        return null;
    }
}
