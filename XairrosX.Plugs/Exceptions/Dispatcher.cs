using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Plugs.Exports;

namespace XairrosX.Plugs.Exceptions;

/// <summary>
/// Two-pass managed exception dispatch over ilc's unwind (.eh_frame CFI) and EH information (LSDA).
/// Pass 1 walks frames from the throw point, records the stack trace (CoreLib's AppendExceptionStackFrame)
/// and finds the first typed clause whose type matches or filter that accepts. Pass 2 walks again, runs the
/// fault/finally funclets of the frames it leaves, calls the catch funclet and resumes at the continuation
/// it returns, with the handler frame's stack pointer and callee-saved registers.
/// An exception escaping a catch or finally funclet continues in the funclet's parent frame with the
/// clauses that enclose the one whose funclet was running (the "collided unwind" of NativeAOT).
/// Entries: XairrosX_DispatchException (RhpThrowEx/RhpRethrow), <see cref="DispatchHardwareFault"/>.
/// </summary>
internal static unsafe class Dispatcher
{
    private const int MaxNestedFunclets = 32;
    private const int FirstFrameFlag = 1, FirstRethrowFrameFlag = 2;

    internal struct FuncletInvocation
    {
        public MachineContext Parent;
        public int ClauseIndex;
        public bool ParentPcIsReturnAddress;
        public nint Exception;
        public bool IsCatch;
        public bool IsFilter;
    }

    [InlineArray(MaxNestedFunclets)]
    internal struct InvocationStack { private FuncletInvocation _first; }

    /// <summary>The dispatcher's per-thread state: the funclets running on the thread (each thread unwinds
    /// its own stack, and a funclet may block and let another thread throw meanwhile).</summary>
    internal struct DispatchState
    {
        internal InvocationStack Invocations;
        internal int InvocationCount;
        internal int DispatchDepth;
    }

    private static ref DispatchState Current => ref Threading.Scheduler.Current->Exceptions;
    private static ref InvocationStack Invocations => ref Current.Invocations;
    private static ref int InvocationCount => ref Current.InvocationCount;
    private static ref int DispatchDepth => ref Current.DispatchDepth;

    [DllImport("*", EntryPoint = "xx_call_funclet"), SuppressGCTransition]
    private static extern ulong CallFunclet(ulong funclet, MachineContext* context, nint exception);

    [DllImport("*", EntryPoint = "xx_funclet_return_address"), SuppressGCTransition]
    private static extern ulong FuncletReturnAddress();

    [DllImport("*", EntryPoint = "xx_resume"), SuppressGCTransition]
    private static extern void Resume(MachineContext* context, ulong address);

    [DllImport("*", EntryPoint = "RhTypeCast_AreTypesAssignable"), SuppressGCTransition]
    private static extern byte AreTypesAssignable(void* sourceType, void* targetType);

    [UnmanagedCallersOnly(EntryPoint = "XairrosX_DispatchException")]
    private static void DispatchException(nint exception, MachineContext* context, int isRethrow)
    {
        if (isRethrow != 0)
        {
            exception = 0;
            for (int i = InvocationCount - 1; i >= 0 && exception == 0; i--)
                if (Invocations[i].IsCatch) exception = Invocations[i].Exception;
            if (exception == 0) Panic.Fatal("rethrow outside of a catch block");
        }
        Dispatch(exception, *context, faulting: false, rethrow: isRethrow != 0);
    }

    /// <summary>Dispatches a managed exception raised for a CPU fault at <paramref name="context"/>.Rip (or,
    /// with <paramref name="atReturnAddress"/>, at the call that returns there).</summary>
    internal static void DispatchHardwareFault(nint exception, MachineContext context, bool atReturnAddress = false) =>
        Dispatch(exception, context, faulting: !atReturnAddress, rethrow: false);

    private struct Walker
    {
        public MachineContext Frame;
        public bool PcIsReturnAddress;
        public int SkipClausesUpTo;
        public int ThunksPassed;
        public EhFrame.Entry Fde;
        public MethodEhInfo Info;
        public uint Offset;

        /// <summary>Positions on the current frame's method; false when the frame is not managed code.</summary>
        public bool AtFilterBoundary;

        public bool Load()
        {
            while (Frame.Rip == FuncletReturnAddress())
            {
                int record = InvocationCount - 1 - ThunksPassed;
                if (record < 0) return false;
                ref FuncletInvocation inv = ref Invocations[record];
                if (inv.IsFilter) { AtFilterBoundary = true; return false; }
                ThunksPassed++;
                Frame = inv.Parent;
                PcIsReturnAddress = inv.ParentPcIsReturnAddress;
                SkipClausesUpTo = inv.ClauseIndex;
            }
            ulong pc = PcIsReturnAddress ? Frame.Rip - 1 : Frame.Rip;
            if (!EhFrame.TryFind(pc, out Fde)) return false;
            Info = MethodEhInfo.Read(Fde.Lsda, Fde.Start);
            Offset = (uint)(pc - Info.MethodStart);
            return true;
        }

        public bool Next()
        {
            ulong pc = PcIsReturnAddress ? Frame.Rip - 1 : Frame.Rip;
            if (!CfiUnwinder.Unwind(ref Frame, Fde, pc)) return false;
            PcIsReturnAddress = true;
            SkipClausesUpTo = -1;
            return true;
        }
    }

    private static void Dispatch(nint exception, MachineContext throwContext, bool faulting, bool rethrow)
    {
        if (++DispatchDepth > 8) Panic.Fatal("exception dispatch recursed too deeply");
        void* exceptionType = *(void**)exception;
        var append = (delegate*<object, nint, int, void>)ModuleInit.ClasslibFunction(3);
        object exceptionObject = Unsafe.As<nint, object>(ref exception);

        // Pass 1: find the handler.
        var walk = new Walker { Frame = throwContext, PcIsReturnAddress = !faulting, SkipClausesUpTo = -1 };
        int handlerFrame = -1, handlerClause = -1;
        EhClause handler = default;
        bool firstFrame = true;
        for (int frameIndex = 0; handlerFrame < 0; frameIndex++)
        {
            if (!walk.Load())
            {
                // An exception escaping a filter makes that filter decline (ECMA-335 I.12.4.2.5): it is
                // "caught" at the filter's call site with the verdict false.
                if (walk.AtFilterBoundary) { handlerFrame = frameIndex; handlerClause = -1; }
                break;
            }
            if (append != null)
            {
                append(exceptionObject, (nint)walk.Frame.Rip, (firstFrame ? FirstFrameFlag : 0) | (firstFrame && rethrow ? FirstRethrowFrameFlag : 0));
                firstFrame = false;
            }
            MethodEhInfo info = walk.Info;
            for (int index = 0; info.Next(out EhClause clause); index++)
            {
                if (index <= walk.SkipClausesUpTo || !clause.Covers(walk.Offset)) continue;
                bool matches = clause.Kind switch
                {
                    ClauseKind.Typed => AreTypesAssignable(exceptionType, clause.TargetType) != 0,
                    ClauseKind.Filter => RunFilter(clause, walk, exception),
                    _ => false,
                };
                if (!matches) continue;
                handlerFrame = frameIndex;
                handlerClause = index;
                handler = clause;
                break;
            }
            if (handlerFrame < 0 && !walk.Next()) break;
        }
        if (handlerFrame < 0)
        {
            DispatchDepth = 0;
            Unhandled(exception);
            return;
        }

        // Pass 2: run fault/finally funclets up to the handler, then the catch funclet.
        walk = new Walker { Frame = throwContext, PcIsReturnAddress = !faulting, SkipClausesUpTo = -1 };
        for (int frameIndex = 0; ; frameIndex++)
        {
            if (!walk.Load())
            {
                if (frameIndex != handlerFrame || !walk.AtFilterBoundary) Panic.Fatal("exception dispatch: the second pass lost the handler frame");
                InvocationCount -= walk.ThunksPassed + 1;
                MachineContext filterCaller = walk.Frame;
                DispatchDepth = 0;
                Resume(&filterCaller, 0); // rax = 0: the filter declines
                return;
            }
            MethodEhInfo info = walk.Info;
            for (int index = 0; info.Next(out EhClause clause); index++)
            {
                if (frameIndex == handlerFrame && index >= handlerClause) break;
                if (index <= walk.SkipClausesUpTo || clause.Kind != ClauseKind.Fault || !clause.Covers(walk.Offset)) continue;
                Invoke(clause.Handler, ref walk, index, exception, isCatch: false);
            }
            if (frameIndex == handlerFrame) break;
            if (!walk.Next()) Panic.Fatal("exception dispatch: unwinding failed in the second pass");
        }

        // Funclet invocations below the handler frame are dead from here on.
        InvocationCount -= walk.ThunksPassed;
        ulong continuation = Invoke(handler.Handler, ref walk, handlerClause, exception, isCatch: true);
        MachineContext target = walk.Frame;
        DispatchDepth = 0;
        Resume(&target, continuation);
    }

    private static bool RunFilter(in EhClause clause, in Walker walk, nint exception)
    {
        if (InvocationCount == MaxNestedFunclets) Panic.Fatal("exception handlers nested too deeply");
        ref FuncletInvocation inv = ref Invocations[InvocationCount++];
        inv = default;
        inv.IsFilter = true;
        MachineContext frame = walk.Frame;
        ulong verdict = CallFunclet(clause.Filter, &frame, exception);
        InvocationCount--;
        return verdict != 0;
    }

    private static ulong Invoke(ulong funclet, ref Walker walk, int clauseIndex, nint exception, bool isCatch)
    {
        if (InvocationCount == MaxNestedFunclets) Panic.Fatal("exception handlers nested too deeply");
        ref FuncletInvocation inv = ref Invocations[InvocationCount++];
        inv.Parent = walk.Frame;
        inv.ClauseIndex = clauseIndex;
        inv.ParentPcIsReturnAddress = walk.PcIsReturnAddress;
        inv.Exception = exception;
        inv.IsCatch = isCatch;
        inv.IsFilter = false;
        MachineContext frame = walk.Frame;
        ulong result = CallFunclet(funclet, &frame, exception);
        walk.Frame.Rbx = frame.Rbx; walk.Frame.Rbp = frame.Rbp; walk.Frame.R12 = frame.R12;
        walk.Frame.R13 = frame.R13; walk.Frame.R14 = frame.R14; walk.Frame.R15 = frame.R15;
        InvocationCount--;
        return result;
    }

    /// <summary>Reports an exception nobody catches. On a thread other than the boot thread, the report names
    /// the thread and the thread ends (its Join waiters are released); the kernel and the other threads go on.
    /// On the boot thread it is a panic. Each part of the report is produced under its own handler, so a failure
    /// while describing the exception cannot hide it.</summary>
    internal static void Unhandled(nint exceptionObject)
    {
        Exception e = Unsafe.As<nint, Exception>(ref exceptionObject);
        Threading.KernelThread* thread = Threading.Scheduler.Current;
        if (Threading.Scheduler.Started && thread->Id > 1)
        {
            InvocationCount = 0;
            Threading.Scheduler.DisablePreemption();
            Threading.Scheduler.WriteThreadLabel(thread);
            KernelConsole.Write(" ended by an unhandled exception: ");
            WriteException(e);
            Threading.Scheduler.EnablePreemption();
            Threading.Scheduler.CountUnhandled();
            Threading.ThreadExit.Run();
        }
        if (!Panic.BeginReport()) return;
        KernelConsole.Write("Unhandled managed exception: ");
        WriteException(e);
        Panic.Stop();
    }

    // "Type: message", then the stack trace.
    private static void WriteException(Exception e)
    {
        KernelConsole.Write(Describe(e, static x => x.GetType().FullName));
        KernelConsole.Write(": ");
        KernelConsole.Write(Describe(e, static x => x.Message));
        KernelConsole.Write("\n");
        KernelConsole.Write(Describe(e, static x => x.StackTrace));
        KernelConsole.Write("\n");
    }

    private static string Describe(Exception e, Func<Exception, string> part)
    {
        try { return part(e) ?? ""; }
        catch (Exception inner) { return "<" + inner.GetType().Name + " while describing>"; }
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpFallbackFailFast")]
    private static void FallbackFailFast() => Panic.Fatal("runtime fail-fast (RhpFallbackFailFast)");
}

/// <summary>Registers of a frame being unwound; layout shared with Native/runtime.asm.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MachineContext
{
#pragma warning disable CS1591
    public ulong Rip, Rsp, Rbp, Rbx, R12, R13, R14, R15;
#pragma warning restore CS1591
}
