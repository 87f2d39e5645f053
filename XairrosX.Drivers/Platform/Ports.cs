using System.Runtime.InteropServices;

namespace XairrosX.Drivers.Platform;

/// <summary>x86 I/O port access (in/out instructions), through Native/cpu.asm.</summary>
public static unsafe class Ports
{
    /// <summary>Reads a byte from an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_inb"), SuppressGCTransition] public static extern byte In8(ushort port);
    /// <summary>Reads a 16-bit word from an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_inw"), SuppressGCTransition] public static extern ushort In16(ushort port);
    /// <summary>Reads a 32-bit value from an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_inl"), SuppressGCTransition] public static extern uint In32(ushort port);
    /// <summary>Writes a byte to an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_outb"), SuppressGCTransition] public static extern void Out8(ushort port, byte value);
    /// <summary>Writes a 16-bit word to an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_outw"), SuppressGCTransition] public static extern void Out16(ushort port, ushort value);
    /// <summary>Writes a 32-bit value to an I/O port.</summary>
    [DllImport("*", EntryPoint = "xx_outl"), SuppressGCTransition] public static extern void Out32(ushort port, uint value);
}
