using System;

namespace XairrosX.Kernel.FileSystem;

/// <summary>Open flags, numbered as the PAL's Interop.Sys.OpenFlags so that SystemNative_Open passes them through.</summary>
[Flags]
public enum VfsOpenFlags
{
    /// <summary>Read only.</summary>
    ReadOnly = 0x0,
    /// <summary>Write only.</summary>
    WriteOnly = 0x1,
    /// <summary>Read and write.</summary>
    ReadWrite = 0x2,
    /// <summary>The access bits.</summary>
    AccessMask = 0x3,
    /// <summary>Close on exec (no processes yet: ignored).</summary>
    CloseOnExec = 0x10,
    /// <summary>Create the file when missing.</summary>
    Create = 0x20,
    /// <summary>With Create: fail with EEXIST when the file exists.</summary>
    Exclusive = 0x40,
    /// <summary>Truncate to zero length.</summary>
    Truncate = 0x80,
    /// <summary>Synchronous writes (RAM file systems: ignored).</summary>
    Sync = 0x100,
    /// <summary>Do not follow a final symbolic link (there are none).</summary>
    NoFollow = 0x200,
}

/// <summary>Seek origins (SEEK_SET, SEEK_CUR, SEEK_END).</summary>
public enum VfsSeekOrigin
{
    /// <summary>From the start.</summary>
    Begin = 0,
    /// <summary>From the current position.</summary>
    Current = 1,
    /// <summary>From the end.</summary>
    End = 2,
}
