using System;
using XairrosX.Drivers.Platform;

namespace XairrosX.Tests.Drivers.Storage;

/// <summary>
/// One IDE channel with an ATA disk as master (and optionally an ATAPI device as slave), simulated from ATA8-ACS:
/// task-file registers with the LBA48 high-order FIFO, PIO data-in/out a sector at a time, IDENTIFY, FLUSH CACHE.
/// </summary>
public sealed class FakeAtaDrive : IPortIo
{
    private readonly ushort _io, _control;
    private readonly byte[] _disk;
    private readonly bool _lba48;
    private readonly bool _atapiSlave;
    private readonly byte[] _hob = new byte[6], _cur = new byte[6]; // registers 0..5 (count at 2, lba at 3..5)
    private byte _driveReg, _status = 0x50, _error;
    private ushort[] _buffer = Array.Empty<ushort>();
    private int _bufferPos, _sectorsLeft;
    private long _lba;
    private bool _writing;

    public FakeAtaDrive(ushort ioBase, ushort controlPort, int sectors, bool lba48 = true, bool atapiSlave = false)
    {
        _io = ioBase;
        _control = controlPort;
        _disk = new byte[sectors * 512];
        _lba48 = lba48;
        _atapiSlave = atapiSlave;
    }

    public byte[] Disk => _disk;
    public long FailingSector { get; set; } = -1;
    public bool StuckBusy { get; set; }
    public int Flushes { get; private set; }
    public string LastCommand { get; private set; } = "";

    private bool Slave => (_driveReg & 0x10) != 0;

    public byte In8(ushort port)
    {
        if (port == _control) return Status;
        return (port - _io) switch
        {
            1 => _error,
            2 or 3 or 4 or 5 => _cur[port - _io],
            6 => _driveReg,
            7 => Status,
            _ => 0xFF,
        };
    }

    private byte Status => StuckBusy ? (byte)0x80 : Slave ? (_atapiSlave ? _slaveStatus : (byte)0) : _status;
    private byte _slaveStatus = 0x50;

    public ushort In16(ushort port)
    {
        if (port != _io || _writing || _bufferPos >= _buffer.Length) return 0xFFFF;
        ushort w = _buffer[_bufferPos++];
        if (_bufferPos == _buffer.Length) NextSector();
        return w;
    }

    public uint In32(ushort port) => 0xFFFFFFFF;

    public void Out8(ushort port, byte value)
    {
        if (port == _control) return;
        int reg = port - _io;
        if (reg is >= 2 and <= 5) { _hob[reg] = _cur[reg]; _cur[reg] = value; }
        else if (reg == 6) _driveReg = value;
        else if (reg == 7) Command(value);
    }

    public void Out16(ushort port, ushort value)
    {
        if (port != _io || !_writing || _bufferPos >= _buffer.Length) return;
        _buffer[_bufferPos++] = value;
        if (_bufferPos == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, 0, _disk, (int)_lba * 512, 512);
            NextSector();
        }
    }

    public void Out32(ushort port, uint value) { }

    private void Command(byte command)
    {
        _error = 0;
        if (Slave)
        {
            if (!_atapiSlave) return;
            _cur[4] = 0x14; _cur[5] = 0xEB; _slaveStatus = 0x51; // abort with the ATAPI signature
            return;
        }
        LastCommand = command.ToString("x2");
        switch (command)
        {
            case 0xEC:
                _buffer = Identify();
                _bufferPos = 0; _sectorsLeft = 1; _writing = false;
                _status = 0x58;
                break;
            case 0x20 or 0x30 or 0x24 or 0x34:
                bool ext = command is 0x24 or 0x34;
                if (ext && !_lba48) { Abort(); return; }
                long count = ext ? (_hob[2] << 8) | _cur[2] : _cur[2];
                if (count == 0) count = ext ? 65536 : 256;
                long lba = ext
                    ? _cur[3] | ((long)_cur[4] << 8) | ((long)_cur[5] << 16) | ((long)_hob[3] << 24) | ((long)_hob[4] << 32) | ((long)_hob[5] << 40)
                    : _cur[3] | ((long)_cur[4] << 8) | ((long)_cur[5] << 16) | ((long)(_driveReg & 0x0F) << 24);
                if ((_driveReg & 0x40) == 0 || lba + count > _disk.Length / 512) { Abort(); return; }
                _lba = lba; _sectorsLeft = (int)count; _writing = command is 0x30 or 0x34;
                LoadSector();
                break;
            case 0xE7 or 0xEA:
                Flushes++;
                _status = 0x50;
                break;
            default:
                Abort();
                break;
        }
    }

    private void Abort()
    {
        _error = 0x04;
        _status = 0x51;
    }

    private void LoadSector()
    {
        if (_lba == FailingSector) { _error = 0x40; _status = 0x51; _sectorsLeft = 0; return; } // UNC
        _buffer = new ushort[256];
        _bufferPos = 0;
        if (!_writing) Buffer.BlockCopy(_disk, (int)_lba * 512, _buffer, 0, 512);
        _status = 0x58;
    }

    private void NextSector()
    {
        _sectorsLeft--;
        if (_buffer.Length == 256 && _sectorsLeft > 0) { _lba++; LoadSector(); return; }
        _buffer = Array.Empty<ushort>();
        _status = 0x50;
    }

    private ushort[] Identify()
    {
        var w = new ushort[256];
        w[0] = 0x0040;
        w[49] = 0x0200;
        long sectors = _disk.Length / 512;
        w[60] = (ushort)sectors; w[61] = (ushort)(sectors >> 16);
        if (_lba48) { w[83] = 0x0400; w[100] = (ushort)sectors; w[101] = (ushort)(sectors >> 16); }
        string model = "FAKE ATA DISK".PadRight(40);
        for (int i = 0; i < 20; i++) w[27 + i] = (ushort)((model[2 * i] << 8) | model[2 * i + 1]);
        return w;
    }
}
