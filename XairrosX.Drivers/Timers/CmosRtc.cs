using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>The CMOS real-time clock: reads date and time (BCD or binary, 12/24 h), waiting out updates.</summary>
public static class CmosRtc
{
    private static byte Read(byte register)
    {
        Ports.Out8(0x70, register);
        return Ports.In8(0x71);
    }

    private static bool UpdateInProgress => (Read(0x0A) & 0x80) != 0;

    /// <summary>Reads the clock as UTC: year, month, day, hour, minute, second.</summary>
    public static (int Year, int Month, int Day, int Hour, int Minute, int Second) ReadUtc()
    {
        for (int guard = 0; UpdateInProgress && guard < 1_000_000; guard++) Cpu.Pause();
        byte second = Read(0x00), minute = Read(0x02), hour = Read(0x04), day = Read(0x07), month = Read(0x08), year = Read(0x09);
        byte status = Read(0x0B);
        bool binary = (status & 0x04) != 0, hours24 = (status & 0x02) != 0;
        bool pm = (hour & 0x80) != 0;
        hour &= 0x7F;
        if (!binary)
        {
            second = FromBcd(second); minute = FromBcd(minute); hour = FromBcd(hour);
            day = FromBcd(day); month = FromBcd(month); year = FromBcd(year);
        }
        if (!hours24) hour = (byte)(hour % 12 + (pm ? 12 : 0));
        return (2000 + year, month, day, hour, minute, second);
    }

    /// <summary>Converts a BCD byte to binary.</summary>
    public static byte FromBcd(byte value) => (byte)((value & 0x0F) + (value >> 4) * 10);
}
