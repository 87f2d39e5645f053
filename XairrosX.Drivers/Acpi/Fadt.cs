using System;
using System.Buffers.Binary;

namespace XairrosX.Drivers.Acpi;

/// <summary>What power management needs from the FADT, and the S5 (soft-off) sleep type from the DSDT.</summary>
public readonly record struct PowerInfo(ushort Pm1aControlPort, ushort Pm1bControlPort, ushort SleepTypeS5, ushort SciInterrupt, ushort ResetPort)
{
    /// <summary>Reads the FADT ("FACP") and finds \_S5 in the DSDT; null when the FADT is absent.</summary>
    public static PowerInfo? From(AcpiTables tables)
    {
        AcpiTable fadt = tables.Find("FACP");
        if (fadt == null || fadt.Data.Length < 68) return null;
        byte[] f = fadt.Data;
        ushort sci = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(46));
        ushort pm1a = (ushort)BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(64));
        ushort pm1b = f.Length >= 72 ? (ushort)BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(68)) : (ushort)0;
        // RESET_REG (generic address structure at 116) when it is an I/O port (address space 1).
        ushort reset = f.Length >= 129 && f[116] == 1 ? (ushort)BinaryPrimitives.ReadUInt64LittleEndian(f.AsSpan(120)) : (ushort)0;
        AcpiTable dsdt = tables.Find("DSDT");
        ushort s5 = dsdt != null && TryFindSleepType(dsdt.Data, "_S5_"u8, out ushort slp) ? slp : (ushort)0;
        return new PowerInfo(pm1a, pm1b, s5, sci, reset);
    }

    /// <summary>
    /// Finds a \_Sx package in AML without an interpreter: NameOp "_S5_" PackageOp PkgLength NumElements,
    /// then the first element (SLP_TYPa) as ZeroOp, OneOp or BytePrefix n.
    /// </summary>
    public static bool TryFindSleepType(ReadOnlySpan<byte> aml, ReadOnlySpan<byte> name, out ushort sleepType)
    {
        sleepType = 0;
        for (int i = aml.IndexOf(name); i >= 0; )
        {
            int p = i + name.Length;
            bool named = i >= 1 && (aml[i - 1] == 0x08 || (i >= 2 && aml[i - 2] == 0x08 && aml[i - 1] == (byte)'\\'));
            if (named && p + 4 < aml.Length && aml[p] == 0x12)
            {
                int lead = aml[p + 1];
                p += 2 + ((lead >> 6) & 3);      // PkgLength: lead byte + (bits 7..6) following bytes
                p++;                              // NumElements
                if (p < aml.Length)
                {
                    switch (aml[p])
                    {
                        case 0x00: sleepType = 0; return true;
                        case 0x01: sleepType = 1; return true;
                        case 0x0A when p + 1 < aml.Length: sleepType = aml[p + 1]; return true;
                    }
                }
            }
            int next = aml.Slice(i + 1).IndexOf(name);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }
}
