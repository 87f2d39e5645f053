using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The legacy 8259 pair: remapped to vectors 0x20–0x2F (so that a stray IRQ cannot look like a CPU
/// exception) and fully masked; interrupt delivery goes through the APICs.
/// </summary>
public static class Pic8259
{
    /// <summary>First vector of the master PIC after remapping.</summary>
    public const byte VectorBase = 0x20;

    /// <summary>Remaps both controllers and masks every line.</summary>
    public static void RemapAndMask()
    {
        Ports.Out8(0x20, 0x11); Ports.Out8(0xA0, 0x11);           // ICW1: init, ICW4 follows
        Ports.Out8(0x21, VectorBase); Ports.Out8(0xA1, VectorBase + 8); // ICW2: vector offsets
        Ports.Out8(0x21, 0x04); Ports.Out8(0xA1, 0x02);           // ICW3: cascade on IRQ2
        Ports.Out8(0x21, 0x01); Ports.Out8(0xA1, 0x01);           // ICW4: 8086 mode
        Ports.Out8(0x21, 0xFF); Ports.Out8(0xA1, 0xFF);           // mask all
    }
}
