using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using EditionBuilder.Cache;
using EditionBuilder.Files;

namespace EditionBuilder.Output;

/// <summary>Writes a site's files into a staging folder; a file whose bytes the last good site already holds is hard-linked from it rather than written again, or, in the spare copy of the site, left where it is.</summary>
/// <remarks>Creating an inode costs far more than linking one on ext4, and most files of a rebuild are unchanged. The last good site is only read, never changed.</remarks>
/// <param name="root">The staging folder: a fresh one, or the spare copy of the site (<see cref="SpareFolder"/>) when <paramref name="held"/> is given.</param>
/// <param name="previous">The last good site, to link unchanged files from.</param>
/// <param name="previousStamps">How the last build left the last good site; with them an unchanged file is linked without being read (<see cref="TryLinkUnchanged"/>).</param>
/// <param name="recordStamps">Whether to record each file's stamp (<see cref="Stamps"/>) for the next build (always, in the spare).</param>
/// <param name="held">The files the spare holds, checked against their stamps by <see cref="SpareFolder.Prepare"/>: each stays unless the build makes other bytes at its path or none (<see cref="Finish"/>). The writer takes the table and changes it (a copy of 170,000 entries at 10,000 articles was one of a rebuild's larger allocations).</param>
public sealed partial class SiteFolderWriter(string root, string? previous = null, IReadOnlyDictionary<string, FileStamp>? previousStamps = null, bool recordStamps = false,
    ConcurrentDictionary<string, FileStamp>? held = null)
{
    private readonly ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
    // Sized for the whole site at once: growing a concurrent dictionary locks every writer.
    private readonly ConcurrentDictionary<string, FileStamp> _stamps = new(LockStripes.ForWriters, held?.Count ?? previousStamps?.Count ?? 31, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileStamp>? _held = held;
    private readonly bool _recordStamps = recordStamps || held is not null;
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
        if (Keep(relative, length, sha256)) return true;
        if (previous is null || previousStamps is null || !previousStamps.TryGetValue(relative, out var stamp)) return false;
        if (stamp.Length != length || stamp.Sha256 != sha256 || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        var full = AtomicFolder.SafeCombine(Root, relative);
        try
        {
            var info = RegularFile(AtomicFolder.SafeCombine(previous, relative), length);
            if (info is null || info.LastWriteTimeUtc.Ticks != stamp.ModifiedTicks) return false;
            MakeFolder(full);
            if (_held is not null && _held.TryRemove(relative, out _)) File.Delete(full);
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

        Made(relative, stamp);
        Interlocked.Increment(ref _linked);
        return true;
    }

    /// <summary>In the spare: removes every file it held that this build did not make, and the folders left empty; a fresh folder needs nothing.</summary>
    public void Finish()
    {
        if (_held is null) return;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _held.Keys.Where(p => !_stamps.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            File.Delete(AtomicFolder.SafeCombine(Root, path));
            folders.Add(Path.GetDirectoryName(path)!);
        }

        SpareFolder.RemoveEmptyFolders(Root, folders);
    }

    // A file the spare already holds with these bytes stays where it is: no system call.
    private bool Keep(string relative, long length, string sha256)
    {
        if (_held is null || !_held.TryGetValue(relative, out var stamp) || stamp.Length != length || stamp.Sha256 != sha256) return false;
        Made(relative, stamp);
        Interlocked.Increment(ref _linked);
        return true;
    }

    // In the spare every made file is recorded: Finish removes what was not made.
    private void Made(string relative, FileStamp stamp)
    {
        if (_recordStamps) _stamps[relative] = stamp;
    }

    /// <summary>Writes a file (or links it from the last good site when it holds these bytes); <paramref name="sha256"/> is its hash when the caller has it.</summary>
    public void Write(string relative, byte[] bytes, string? sha256 = null)
    {
        if (_held is not null)
        {
            sha256 ??= FileStamp.Hash(bytes);
            if (Keep(relative, bytes.Length, sha256)) return;

            // Other bytes at a held path: the name is unlinked below, so the spare no longer holds that file.
            _held.TryRemove(relative, out _);
        }

        var full = AtomicFolder.SafeCombine(Root, relative);
        MakeFolder(full);
        if (File.Exists(full)) File.Delete(full);
        if (previous is not null && TryLinkSame(AtomicFolder.SafeCombine(previous, relative), full, bytes) is { } modified)
        {
            Made(relative, new FileStamp(bytes.Length, modified, sha256 ?? FileStamp.Hash(bytes)));
            Interlocked.Increment(ref _linked);
            return;
        }

        // A name already in the folder (an article replayed halfway then made again, or a file of the spare) was unlinked above,
        // never written through: it may be a link to the last good site's file.
        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
            Made(relative, new FileStamp(bytes.Length, File.GetLastWriteTimeUtc(handle).Ticks, sha256 ?? FileStamp.Hash(bytes)));
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

    /// <summary>link(2): 0 when <paramref name="created"/> is now a second name of <paramref name="existing"/>.</summary>
    internal static int HardLink(string existing, string created) => Link(existing, created);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
