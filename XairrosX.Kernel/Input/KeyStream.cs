using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using XairrosX.Drivers.Console;

namespace XairrosX.Kernel.Input;

/// <summary>
/// The keyboard and the serial line as an asynchronous stream of key presses (raw: no echo, no line editing).
/// Between keys the enumerator awaits <see cref="Task.Delay(int, CancellationToken)"/>, so a consumer waiting
/// for input holds no thread and no CPU: the BCL timer (a blocked kernel thread woken by the scheduler's
/// deadline list) resumes it on the thread pool. Only one consumer should read at a time, and not while the
/// shell reads lines.
/// </summary>
public static class KeyStream
{
    /// <summary>Polling period while no key is waiting, in milliseconds.</summary>
    public const int PollMilliseconds = 2;

    /// <summary>Key presses as they arrive, until <paramref name="cancellation"/> is cancelled.</summary>
    public static async IAsyncEnumerable<KeyPress> ReadAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (!cancellation.IsCancellationRequested)
        {
            if (KernelConsole.TryReadKey(out KeyPress key))
            {
                yield return key;
                continue;
            }
            try
            {
                await Task.Delay(PollMilliseconds, cancellation).ConfigureAwait(false);
            }
            catch (TaskCanceledException)
            {
                yield break;
            }
        }
    }
}
