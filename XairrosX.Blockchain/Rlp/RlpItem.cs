using System;
using System.Collections.Generic;
using System.Text;

namespace XairrosX.Blockchain.Rlp;

/// <summary>
/// A decoded RLP value as a tree, for tools, tests and the shell. Hot paths use
/// <see cref="RlpReader"/> directly instead.
/// </summary>
public sealed class RlpItem
{
    private RlpItem(byte[]? bytes, List<RlpItem>? items)
    {
        Bytes = bytes;
        Items = items;
    }

    /// <summary>Payload of a string item; null for lists.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Elements of a list item; null for strings.</summary>
    public IReadOnlyList<RlpItem>? Items { get; }

    /// <summary>True if this is a list.</summary>
    public bool IsList => Items != null;

    /// <summary>A string item.</summary>
    public static RlpItem String(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), null);

    /// <summary>A list item.</summary>
    public static RlpItem List(params RlpItem[] items) => new(null, new List<RlpItem>(items));

    /// <summary>Decodes exactly one canonical item (throws <see cref="RlpException"/> otherwise).</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        RlpReader reader = new(data);
        RlpItem item = Read(ref reader, 0);
        reader.ExpectEnd();
        return item;
    }

    private static RlpItem Read(ref RlpReader reader, int depth)
    {
        if (!reader.NextIsList) return String(reader.ReadBytes());
        if (depth >= Rlp.MaxDepth) throw new RlpException("lists nested too deeply");
        RlpReader inner = reader.ReadList();
        List<RlpItem> items = new();
        while (inner.HasMore) items.Add(Read(ref inner, depth + 1));
        return new RlpItem(null, items);
    }

    /// <summary>Encodes this item.</summary>
    public byte[] Encode()
    {
        RlpWriter writer = new();
        Write(writer);
        return writer.ToArray();
    }

    /// <summary>Appends this item's encoding to <paramref name="writer"/>.</summary>
    public void Write(RlpWriter writer)
    {
        if (Bytes != null)
        {
            writer.WriteBytes(Bytes);
            return;
        }
        int mark = writer.StartList();
        foreach (RlpItem item in Items!) item.Write(writer);
        writer.EndList(mark);
    }

    /// <summary>Readable form: strings as 0x-hex, lists in brackets.</summary>
    public override string ToString()
    {
        StringBuilder sb = new();
        Append(sb);
        return sb.ToString();
    }

    private void Append(StringBuilder sb)
    {
        if (Bytes != null)
        {
            sb.Append("0x").Append(Convert.ToHexStringLower(Bytes));
            return;
        }
        sb.Append('[');
        for (int i = 0; i < Items!.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            ((RlpItem)Items[i]).Append(sb);
        }
        sb.Append(']');
    }
}
