namespace XairrosX.Plugs.Exceptions;

/// <summary>Locates functions in the kernel image through its unwind information.</summary>
internal static unsafe class Unwinder
{
    /// <summary>Start address of the function containing <paramref name="codeAddress"/>, or null.</summary>
    public static void* FindFunctionStart(void* codeAddress) =>
        EhFrame.TryFind((ulong)codeAddress, out EhFrame.Entry e) ? (void*)e.Start : null;
}
