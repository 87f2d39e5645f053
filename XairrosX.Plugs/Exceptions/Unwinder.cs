namespace XairrosX.Plugs.Exceptions;

/// <summary>Locates functions and their unwind information in the kernel image (.eh_frame).</summary>
internal static unsafe class Unwinder
{
    /// <summary>Start address of the function containing <paramref name="codeAddress"/>, or null.</summary>
    public static void* FindFunctionStart(void* codeAddress) => null;
}
