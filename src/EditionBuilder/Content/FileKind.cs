using System.Runtime.InteropServices;

namespace EditionBuilder.Content;

/// <summary>What a path is, without following it: a regular file, a folder, a symbolic link, something that is no file to read (a FIFO, a device, a socket), or nothing.</summary>
public enum FileKind
{
    Missing,
    File,
    Folder,
    Link,
    Special,
}

/// <summary>Tells the kind of a path with lstat(2), which .NET does not expose: to .NET a FIFO or a device is a "normal" file, and reading one hangs or never ends.</summary>
public static partial class FileKinds
{
    // The runtime's own lstat wrapper; its FileStatus begins with Flags and Mode (int32 each), the file type in Mode's S_IFMT bits.
    private const int IfMt = 0xF000, IfDir = 0x4000, IfReg = 0x8000, IfLnk = 0xA000;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return Fallback(path);
        Span<byte> status = stackalloc byte[256];
        if (LStat(path, ref MemoryMarshal.GetReference(status)) != 0) return FileKind.Missing;
        return (BitConverter.ToInt32(status[4..8]) & IfMt) switch
        {
            IfReg => FileKind.File,
            IfDir => FileKind.Folder,
            IfLnk => FileKind.Link,
            _ => FileKind.Special,
        };
    }

    private static FileKind Fallback(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.Link;
        return info.Exists ? FileKind.File : Directory.Exists(path) ? FileKind.Folder : FileKind.Missing;
    }

    /// <summary>The path with every symbolic link resolved, or null when it leads nowhere.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }

        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte status);
}
