using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace EditionBuilder.Files;

/// <summary>
/// One folder's entries, each with what <see cref="NativeFiles.Stat"/> says of it (not following a link), in the fewest system
/// calls Linux allows: the folder opened once, its entries read a buffer at a time (getdents64), and each entry's statx taken
/// relative to the open folder, so the kernel does not look up the whole path again for every file.
/// </summary>
/// <remarks>
/// The two walks of a rebuild (the content folder and the spare copy of the site) look at every file: 340,000 at 10,000
/// articles. Through <see cref="Directory.EnumerateFileSystemEntries(string)"/> and a statx of each full path they cost
/// about seven system calls a folder and two to three a file (opendir's fstat, an lstat and a geteuid per entry for its
/// attributes, a readlink per component for a real path); this takes three a folder and one a file
/// (docs/performance.md, "Rebuilds"). Elsewhere (not Linux, a libc without getdents64, no statx) <see cref="List"/>
/// returns null and callers list the folder the managed way.
/// </remarks>
public static unsafe partial class FolderListing
{
    /// <summary>An entry of a folder: its name and what statx says of it, a link not followed; <paramref name="RawName"/> is the name's bytes when they are not UTF-8 text (then <paramref name="Name"/> shows them with U+FFFD, and no .NET path can name the entry: see <see cref="Remove"/>).</summary>
    public readonly record struct Entry(string Name, PathStat Stat, byte[]? RawName = null);

    private const int OCloseOnExec = 0x80000;

    // O_DIRECTORY differs between architectures (include/uapi/asm-generic/fcntl.h against arch/arm64).
    private static readonly int ODirectory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 ? 0x4000 : 0x10000;
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 ? 0x8000 : 0x20000;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMtime = 0x40, StatxCtime = 0x80, StatxIno = 0x100, StatxSize = 0x200;
    private const int EACCES = 13, EPERM = 1, ENOENT = 2, ENOTDIR = 20, ENOSYS = 38, EINTR = 4, EISDIR = 21, ENOTEMPTY = 39;
    private const int AtRemoveDir = 0x200;
    private const int BufferSize = 32 * 1024;

    private static volatile bool _unavailable = !OperatingSystem.IsLinux()
        || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64); // the O_DIRECTORY values below are these architectures'

    /// <summary>
    /// The folder's entries (not <c>.</c> and <c>..</c>) in the order the file system gives them, each with its stat; null when
    /// this way is not available here (the caller then lists the folder itself). An entry removed while the folder is read is
    /// passed over; an entry that cannot be examined (no permission) has the kind <see cref="FileType.Other"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist, or is not a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be read.</exception>
    /// <exception cref="IOException">Reading it failed otherwise.</exception>
    public static List<Entry>? List(string folder)
    {
        if (_unavailable) return null;
        int fd;
        try
        {
            fd = Open(folder, ODirectory | OCloseOnExec);
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        if (fd < 0) throw Failure(Marshal.GetLastPInvokeError(), folder);
        try
        {
            var entries = new List<Entry>();
            var statx = new byte[256];
            var listed = Visit(fd, folder, (terminated, name) =>
            {
                if (_unavailable) return;
                if (Stat(fd, terminated, statx) is not { } stat) return; // gone since it was listed (or statx is unavailable: _unavailable says)
                entries.Add(System.Text.Unicode.Utf8.IsValid(name)
                    ? new Entry(Encoding.UTF8.GetString(name), stat)
                    : new Entry(Encoding.UTF8.GetString(name), stat, name.ToArray()));
            });
            if (!listed) _unavailable = true;
            return _unavailable ? null : entries;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private delegate void NameVisitor(byte* terminated, ReadOnlySpan<byte> name);

    /// <summary>Reads an open folder a buffer at a time and hands each entry's name but . and .. to <paramref name="visit"/> (with a pointer to it, NUL-terminated); false when getdents64 is not available here.</summary>
    private static bool Visit(int fd, string where, NameVisitor visit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var visited = false;
        try
        {
            fixed (byte* start = buffer)
            {
                while (true)
                {
                    long read;
                    try
                    {
                        read = GetDents64(fd, start, BufferSize);
                    }
                    catch (EntryPointNotFoundException)
                    {
                        return false;
                    }

                    if (read == 0) return true;
                    if (read < 0)
                    {
                        var errno = Marshal.GetLastPInvokeError();
                        if (errno == EINTR) continue;
                        if (errno is ENOSYS or EPERM && !visited) return false;
                        throw Failure(errno, where);
                    }

                    // struct linux_dirent64: d_ino u64, d_off i64, d_reclen u16 at 16, d_type u8 at 18, d_name (NUL-terminated) at 19.
                    for (var at = 0; at < read;)
                    {
                        var record = start + at;
                        var length = *(ushort*)(record + 16);
                        var name = new ReadOnlySpan<byte>(record + 19, length - 19);
                        name = name[..name.IndexOf((byte)0)];
                        at += length;
                        if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8)) continue;
                        visited = true;
                        visit(record + 19, name);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // statx of a name in the open folder, not following a link; null when it is gone (or statx is unavailable: _unavailable says).
    private static PathStat? Stat(int fd, byte* name, byte[] buffer)
    {
        int result;
        try
        {
            result = Statx(fd, name, AtSymlinkNoFollow, StatxType | StatxMtime | StatxCtime | StatxIno | StatxSize, ref MemoryMarshal.GetArrayDataReference(buffer));
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        if (result == 0) return NativeFiles.FromStatx(buffer);
        var errno = Marshal.GetLastPInvokeError();
        if (errno is ENOENT or ENOTDIR) return null;
        if (errno is ENOSYS or EPERM)
        {
            _unavailable = true;
            return null;
        }

        return new PathStat(FileType.Other, 0, 0, 0, 0); // there, but not to be examined (EACCES…): never taken for missing
    }

    /// <summary>
    /// Removes an entry of <paramref name="folder"/> known only by its bytes (<see cref="Entry.RawName"/>): a file or link is
    /// unlinked, a folder emptied first, everything named relative to its open parent. Nothing is followed: a link to a folder
    /// is removed, not what it leads to.
    /// </summary>
    /// <exception cref="IOException">It could not be removed.</exception>
    public static void Remove(string folder, byte[] rawName)
    {
        var fd = Open(folder, ODirectory | OCloseOnExec);
        if (fd < 0) throw Failure(Marshal.GetLastPInvokeError(), folder);
        try
        {
            RemoveAt(fd, rawName, folder);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static void RemoveAt(int parent, byte[] rawName, string where)
    {
        var name = new byte[rawName.Length + 1];
        rawName.CopyTo(name, 0);
        fixed (byte* pointer = name)
        {
            if (UnlinkAt(parent, pointer, 0) == 0) return;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == ENOENT) return;
            if (errno is not (EISDIR or EPERM)) throw Failure(errno, where);

            // A folder: emptied, then removed.
            var child = OpenAt(parent, pointer, ODirectory | ONoFollow | OCloseOnExec);
            if (child < 0) throw Failure(Marshal.GetLastPInvokeError(), where);
            try
            {
                foreach (var entry in RawNames(child, where)) RemoveAt(child, entry, where);
            }
            finally
            {
                _ = Close(child);
            }

            if (UnlinkAt(parent, pointer, AtRemoveDir) != 0 && Marshal.GetLastPInvokeError() is not ENOENT and var failed) throw Failure(failed, where);
        }
    }

    // Every name in an open folder but . and .., as bytes.
    private static List<byte[]> RawNames(int fd, string where)
    {
        var names = new List<byte[]>();
        return Visit(fd, where, (_, name) => names.Add(name.ToArray())) ? names : throw new IOException($"{where}: the folder cannot be listed here");
    }

    private static Exception Failure(int errno, string folder) => errno switch
    {
        ENOENT or ENOTDIR => new DirectoryNotFoundException($"{folder}: no such folder"),
        EACCES or EPERM => new UnauthorizedAccessException($"{folder}: permission denied"),
        _ => new IOException($"{folder}: {Marshal.GetPInvokeErrorMessage(errno)}"),
    };

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static partial int OpenAt(int directory, byte* name, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    private static partial int UnlinkAt(int directory, byte* name, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static partial long GetDents64(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Statx(int directory, byte* name, int flags, uint mask, ref byte buffer);
}
