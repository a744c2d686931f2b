using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EditionBuilder.Files;

/// <summary>The few Linux file-system calls .NET does not offer: the kind of a path without following a link (statx), an exchange of two names in one step (renameat2), the real path of a folder (realpath), and opening a file only when it is a regular one.</summary>
/// <remarks>Elsewhere (macOS, or a libc without these calls) each falls back to the closest managed equivalent, documented at the method. Shared by the stages that read the disk (Content/) and write it (Output/, Package/).</remarks>
public static partial class NativeFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxMtime = 0x40, StatxCtime = 0x80, StatxIno = 0x100, StatxSize = 0x200;
    private const uint RenameNoReplace = 1;
    private const uint RenameExchange = 2;
    private const int OReadOnly = 0, ONonBlock = 0x800, OCloseOnExec = 0x80000;

    // O_NOFOLLOW differs between architectures (include/uapi/asm-generic/fcntl.h against arch/arm64).
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    public const int EPERM = 1, ENOENT = 2, EEXIST = 17, ENOTDIR = 20, EXDEV = 18, EINVAL = 22, ENOSYS = 38, ELOOP = 40, EOPNOTSUPP = 95;

    private static volatile bool _noStatx, _noRenameat2;

    /// <summary>The kind of a path, not following a symbolic link at its end.</summary>
    public static FileType Kind(string path) => Stat(path).Kind;

    /// <summary>The kind of a path, not following a symbolic link at its end, and, for a file, what tells one version from another: its size, modification and change times and inode, from one statx call.</summary>
    /// <remarks>Without statx the times come from <see cref="FileInfo"/>, the inode is 0, and a FIFO is not told from a file.</remarks>
    public static PathStat Stat(string path)
    {
        if (OperatingSystem.IsLinux() && !_noStatx)
        {
            try
            {
                Span<byte> buffer = stackalloc byte[256];
                if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMtime | StatxCtime | StatxIno | StatxSize, ref MemoryMarshal.GetReference(buffer)) == 0)
                {
                    return FromStatx(buffer);
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno is ENOENT or ENOTDIR) return new PathStat(FileType.Missing, 0, 0, 0, 0);
                if (!Unavailable(errno)) return new PathStat(FileType.Other, 0, 0, 0, 0); // there, but not to be examined (EACCES…): never taken for missing
                _noStatx = true;
            }
            catch (EntryPointNotFoundException)
            {
                _noStatx = true;
            }
        }

        // Without statx: links and folders are told apart, anything else counts as a regular file (a FIFO is not recognised).
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return new PathStat(FileType.SymbolicLink, 0, 0, 0, 0);
        if (info.Exists) return new PathStat(FileType.Regular, info.Length, info.LastWriteTimeUtc.Ticks * 100, info.LastWriteTimeUtc.Ticks * 100, 0);
        return new PathStat(Directory.Exists(path) ? FileType.Directory : FileType.Missing, 0, 0, 0, 0);
    }

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) => (BitConverter.ToInt64(timestamp[..8]) * 1_000_000_000L) + BitConverter.ToUInt32(timestamp[8..12]);

    /// <summary>Opens a file for reading only when it is a regular file: a symbolic link at the end of the path is not followed, and a FIFO or device is never waited on. Returns the handle, or null with the kind found.</summary>
    public static SafeFileHandle? OpenRegular(string path, out FileType kind)
    {
        if (!OperatingSystem.IsLinux() || _noStatx)
        {
            kind = Kind(path);
            return kind == FileType.Regular ? File.OpenHandle(path) : null;
        }

        var fd = Open(path, OReadOnly | ONoFollow | ONonBlock | OCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            kind = errno == ELOOP ? FileType.SymbolicLink : Kind(path);
            if (kind == FileType.Regular) throw new IOException($"{path}: cannot be opened (errno {errno})");
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(fd, string.Empty, AtEmptyPath, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            if (!Unavailable(errno)) throw new IOException($"{path}: cannot be examined (errno {errno})");
            _noStatx = true;
            return OpenRegular(path, out kind);
        }

        kind = KindOf(buffer);
        if (kind == FileType.Regular) return handle;
        handle.Dispose();
        return null;
    }

    /// <summary>Swaps two existing names in one step (renameat2 RENAME_EXCHANGE): at every instant each name holds one of the two. Returns 0, or the errno (EINVAL, ENOSYS, EOPNOTSUPP when the file system or kernel cannot).</summary>
    public static int Exchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux() || _noRenameat2) return ENOSYS;
        try
        {
            if (RenameAt2(AtFdCwd, first, AtFdCwd, second, RenameExchange) == 0) return 0;
            var errno = Marshal.GetLastPInvokeError();
            return errno == EPERM ? ENOSYS : errno; // an old seccomp filter answers EPERM for calls it does not know
        }
        catch (EntryPointNotFoundException)
        {
            _noRenameat2 = true;
            return ENOSYS;
        }
    }

    /// <summary>Renames to a name that must not exist yet (renameat2 RENAME_NOREPLACE; elsewhere a check then rename(2)). Returns 0 or the errno (EEXIST when taken).</summary>
    public static int RenameNew(string from, string to)
    {
        if (OperatingSystem.IsLinux() && !_noRenameat2)
        {
            try
            {
                if (RenameAt2(AtFdCwd, from, AtFdCwd, to, RenameNoReplace) == 0) return 0;
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (EINVAL or ENOSYS or EOPNOTSUPP or EPERM)) return errno;
            }
            catch (EntryPointNotFoundException)
            {
                _noRenameat2 = true;
            }
        }

        if (Kind(to) != FileType.Missing) return EEXIST;
        return Rename(from, to) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>rename(2): replaces <paramref name="to"/> in one step when it is a file or a symbolic link (or an empty folder). Returns 0 or the errno.</summary>
    public static int Replace(string from, string to) => Rename(from, to) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>The canonical path of an existing path, every symbolic link resolved; for a path that does not exist yet, its deepest existing folder resolved and the rest appended.</summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rest = new Stack<string>();
        var current = full;
        while (true)
        {
            var resolved = Resolve(current);
            if (resolved is not null)
            {
                while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
                return resolved;
            }

            var parent = Path.GetDirectoryName(current);
            if (parent is null) return full;
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }

    /// <summary>Ends this process at once with SIGKILL, as a power cut or `kill -9` would: no finally block runs.</summary>
    public static void KillSelf()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Kill(Environment.ProcessId, 9);
        Environment.FailFast("killed on purpose by EDITION_TEST_CRASH_AT");
    }

    /// <summary>Whether a process with this id is running (kill(pid, 0)); true when unknown, so its files are left alone.</summary>
    public static bool IsRunning(int pid)
    {
        if (pid <= 0) return false;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return true;
        return Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() != 3; // ESRCH: no such process
    }

    /// <summary>The canonical path of an existing path, every symbolic link resolved; null when it (or a link on the way) leads nowhere.</summary>
    public static string? TryRealPath(string path) => Resolve(path);

    private static string? Resolve(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var pointer = RealPathNative(path, 0);
            if (pointer == 0) return null;
            try
            {
                return Marshal.PtrToStringUTF8(pointer);
            }
            finally
            {
                Free(pointer);
            }
        }

        return Directory.Exists(path) || File.Exists(path) ? path : null;
    }

    /// <summary>What a filled struct statx says: kind, size, modification and change times, inode.</summary>
    internal static PathStat FromStatx(ReadOnlySpan<byte> buffer) =>
        // struct statx: stx_ino u64 at 32, stx_size u64 at 40, stx_ctime at 96 and stx_mtime at 112 (i64 seconds, u32 nanoseconds).
        new(KindOf(buffer), BitConverter.ToInt64(buffer[40..48]), Nanoseconds(buffer[112..]), Nanoseconds(buffer[96..]), BitConverter.ToUInt64(buffer[32..40]));

    // ENOSYS: an old kernel; EPERM: a container's seccomp filter that predates the call.
    private static bool Unavailable(int errno) => errno is ENOSYS or EPERM;

    private static FileType KindOf(ReadOnlySpan<byte> statx)
    {
        // struct statx: stx_mode is the u16 at offset 28; the file type is its S_IFMT bits.
        var mode = BitConverter.ToUInt16(statx[28..30]) & 0xF000;
        return mode switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0xA000 => FileType.SymbolicLink,
            0x1000 => FileType.Fifo,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            0xC000 => FileType.Socket,
            _ => FileType.Other,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

/// <summary>What one statx call says of a path: its kind and, for a file, its size, modification and change times in nanoseconds and its inode. Two stamps of one path differ when the file was written, replaced or touched in between.</summary>
public readonly record struct PathStat(FileType Kind, long Length, long ModifiedNs, long ChangedNs, ulong Inode)
{
    /// <summary>The modification time as <see cref="FileInfo.LastWriteTimeUtc"/>'s ticks give it (100 ns since year 1, rounded down), as <see cref="Cache.FileStamp"/> keeps it.</summary>
    public long ModifiedUtcTicks => DateTime.UnixEpoch.Ticks + (ModifiedNs / 100) - (ModifiedNs % 100 < 0 ? 1 : 0);
}
