using System;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>
/// An in-memory directory: children by name, kept sorted so listings are stable. Read-only directories
/// (the initrd's) are filled once by their file system through <see cref="SetChild"/>; writable ones
/// (tmpfs) create children through <see cref="NewChild"/>.
/// </summary>
public abstract class DirectoryNode : VfsNode
{
    private readonly SortedList<string, VfsNode> _children = new(StringComparer.Ordinal);

    /// <summary>Creates an empty directory.</summary>
    protected DirectoryNode(uint permissions, long modifiedSeconds) : base(VfsNodeKind.Directory, permissions, modifiedSeconds) { }

    /// <inheritdoc/>
    public override long Length => 0;

    /// <summary>Number of children.</summary>
    public int Count => _children.Count;

    /// <inheritdoc/>
    public override VfsNode Lookup(string name) => _children.TryGetValue(name, out VfsNode child) ? child : null;

    /// <inheritdoc/>
    public override IReadOnlyList<string> ChildNames() => new List<string>(_children.Keys);

    /// <summary>Adds or replaces a child while the file system is being built (no checks).</summary>
    protected void SetChild(string name, VfsNode child) => _children[name] = child;

    /// <summary>A new, empty child of this file system's kind (writable directories only).</summary>
    protected virtual VfsNode NewChild(VfsNodeKind kind, uint permissions) => null;

    /// <inheritdoc/>
    public override int Create(string name, VfsNodeKind kind, uint permissions, out VfsNode child)
    {
        child = null;
        if (ReadOnly) return -Errno.EROFS;
        if (_children.ContainsKey(name)) return -Errno.EEXIST;
        child = NewChild(kind, permissions);
        if (child == null) return -Errno.EROFS;
        _children.Add(name, child);
        Touch();
        return 0;
    }

    /// <inheritdoc/>
    public override int Remove(string name)
    {
        if (ReadOnly) return -Errno.EROFS;
        if (!_children.TryGetValue(name, out VfsNode child)) return -Errno.ENOENT;
        if (child is DirectoryNode d && d.Count > 0) return -Errno.ENOTEMPTY;
        _children.Remove(name);
        Touch();
        return 0;
    }

    /// <inheritdoc/>
    public override int Attach(string name, VfsNode child)
    {
        if (ReadOnly) return -Errno.EROFS;
        if (_children.TryGetValue(name, out VfsNode existing))
        {
            if (ReferenceEquals(existing, child)) return 0;
            if (existing.Kind == VfsNodeKind.Directory) return -Errno.EISDIR;
            if (child.Kind == VfsNodeKind.Directory) return -Errno.ENOTDIR;
        }
        _children[name] = child;
        Touch();
        return 0;
    }

    /// <inheritdoc/>
    public override int MoveChild(string name, VfsNode toParent, string toName)
    {
        if (ReadOnly) return -Errno.EROFS;
        if (!_children.TryGetValue(name, out VfsNode child)) return -Errno.ENOENT;
        int r = toParent.Attach(toName, child);
        if (r < 0) return r;
        // Detached without Remove's emptiness check: a moved directory keeps its children.
        if (!ReferenceEquals(toParent, this) || toName != name) _children.Remove(name);
        Touch();
        return 0;
    }

    /// <summary>Whether <paramref name="node"/> is this directory or below it (a rename must not move a directory into itself).</summary>
    public bool Contains(VfsNode node)
    {
        if (ReferenceEquals(node, this)) return true;
        foreach (VfsNode child in _children.Values)
            if (child is DirectoryNode d && d.Contains(node)) return true;
        return false;
    }

    private void Touch() => ModifiedSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
