using System.Collections.Generic;
using System.IO;
using System.Text;

namespace XairrosX.Tests.Kernel.FileSystem;

/// <summary>Hand-made newc archives for cases GNU cpio will not produce (odd names, missing directory members).</summary>
internal static class NewcBuilder
{
    public static byte[] Build(IEnumerable<(string Name, uint Mode, byte[] Data)> members, bool trailer = true)
    {
        var s = new MemoryStream();
        void Add(string name, uint mode, byte[] data)
        {
            byte[] n = Encoding.UTF8.GetBytes(name);
            var h = new StringBuilder("070701");
            foreach (uint f in new uint[] { 1, mode, 0, 0, 1, 0, (uint)data.Length, 0, 0, 0, 0, (uint)n.Length + 1, 0 }) h.Append(f.ToString("X8"));
            s.Write(Encoding.ASCII.GetBytes(h.ToString()));
            s.Write(n);
            s.WriteByte(0);
            while (s.Length % 4 != 0) s.WriteByte(0);
            s.Write(data);
            while (s.Length % 4 != 0) s.WriteByte(0);
        }
        foreach (var m in members) Add(m.Name, m.Mode, m.Data);
        if (trailer) Add("TRAILER!!!", 0, []);
        return s.ToArray();
    }

    public static (string, uint, byte[]) File(string name, string text) => (name, 0x81A4, Encoding.UTF8.GetBytes(text));
    public static (string, uint, byte[]) Dir(string name) => (name, 0x41ED, []);
}
