using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using EditionBuilder.Files;

namespace EditionBuilder.Output;

/// <summary>Writes a site's files into a fresh folder; a file whose bytes the last good site already holds is hard-linked from it rather than written again.</summary>
/// <remarks>Creating an inode costs far more than linking one on ext4, and most files of a rebuild are unchanged. The last good site is only read, never changed.</remarks>
/// <param name="root">The new folder.</param>
/// <param name="previous">The last good site, to link unchanged files from.</param>
/// <param name="previousStamps">How the last build left the last good site; with them an unchanged file is linked without being read (<see cref="TryLinkUnchanged"/>).</param>
/// <param name="recordStamps">Whether to record each file's stamp (<see cref="Stamps"/>) for the next build.</param>
public sealed partial class SiteFolderWriter(string root, string? previous = null, IReadOnlyDictionary<string, FileStamp>? previousStamps = null, bool recordStamps = false)
{
    private readonly ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileStamp> _stamps = new(StringComparer.Ordinal);
    private int _written, _linked;

    public string Root { get; } = root;

    /// <summary>Files written with new bytes.</summary>
    public int Written => _written;

    /// <summary>Files linked unchanged from the last good site.</summary>
    public int Linked => _linked;

    /// <summary>Each file's stamp as written (when recording), for the next build.</summary>
    public IReadOnlyDictionary<string, FileStamp> Stamps => _stamps;

    /// <summary>Links a file of the last good site known only by its length and hash, without reading it: true when the last build's stamp says it holds those bytes and its length and time are unchanged since.</summary>
    public bool TryLinkUnchanged(string relative, long length, string sha256)
    {
        if (previous is null || previousStamps is null || !previousStamps.TryGetValue(relative, out var stamp)) return false;
        if (stamp.Length != length || stamp.Sha256 != sha256 || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        var full = AtomicFolder.SafeCombine(Root, relative);
        try
        {
            var info = RegularFile(AtomicFolder.SafeCombine(previous, relative), length);
            if (info is null || info.LastWriteTimeUtc.Ticks != stamp.ModifiedTicks) return false;
            MakeFolder(full);
            if (Link(info.FullName, full) != 0) return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        if (recordStamps) _stamps[relative] = stamp;
        Interlocked.Increment(ref _linked);
        return true;
    }

    /// <summary>Writes a file (or links it from the last good site when it holds these bytes); <paramref name="sha256"/> is its hash when the caller has it.</summary>
    public void Write(string relative, byte[] bytes, string? sha256 = null)
    {
        var full = AtomicFolder.SafeCombine(Root, relative);
        MakeFolder(full);
        if (previous is not null && TryLinkSame(AtomicFolder.SafeCombine(previous, relative), full, bytes) is { } modified)
        {
            if (recordStamps) _stamps[relative] = new FileStamp(bytes.Length, modified, sha256 ?? FileStamp.Hash(bytes));
            Interlocked.Increment(ref _linked);
            return;
        }

        // A name already in the new folder (an article replayed halfway, then made again) is unlinked, never written through:
        // it may be a link to the last good site's file.
        if (File.Exists(full)) File.Delete(full);
        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
            if (recordStamps) _stamps[relative] = new FileStamp(bytes.Length, File.GetLastWriteTimeUtc(handle).Ticks, sha256 ?? FileStamp.Hash(bytes));
        }

        Interlocked.Increment(ref _written);
    }

    // One lstat: the file when it is a regular file of that length; a symbolic link is never linked (link(2) would link the symlink itself, not the file).
    private static FileInfo? RegularFile(string path, long length)
    {
        var info = new FileInfo(path);
        return info.Exists && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.Length == length ? info : null;
    }

    // Each folder is made once; a second writer to the same folder waits for the first.
    private void MakeFolder(string file) =>
        _ = _folders.GetOrAdd(Path.GetDirectoryName(file)!, f => new Lazy<bool>(() => Directory.CreateDirectory(f).Exists)).Value;

    // The linked file's modification time when the last good site holds these bytes at that path; null when it does not.
    private static long? TryLinkSame(string existing, string created, byte[] bytes)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        try
        {
            var info = RegularFile(existing, bytes.Length);
            if (info is null) return null;
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
            try
            {
                // Opened only if it is still a regular file: something swapped in since (a FIFO, a link) is never waited on or followed.
                using (var handle = NativeFiles.OpenRegular(existing, out _))
                {
                    if (handle is null) return null;
                    var read = 0;
                    while (read < bytes.Length)
                    {
                        var n = RandomAccess.Read(handle, buffer.AsSpan(read, bytes.Length - read), read);
                        if (n == 0) return null;
                        read += n;
                    }
                }

                if (!buffer.AsSpan(0, bytes.Length).SequenceEqual(bytes)) return null;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return Link(existing, created) == 0 ? info.LastWriteTimeUtc.Ticks : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
