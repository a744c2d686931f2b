using System.Collections.Concurrent;
using System.IO.Enumeration;
using EditionBuilder.Cache;
using EditionBuilder.Files;

namespace EditionBuilder.Output;

/// <summary>
/// The spare copy of a site (<c>.&lt;name&gt;.spare</c> beside it): the folder a build swapped out, kept and brought up to date with
/// the live site by hard links instead of being deleted, so the next build stages into it and replaces only what changed.
/// </summary>
/// <remarks>
/// Without it a rebuild links every unchanged file into a fresh folder and deletes the old folder after the swap: two system calls
/// per file of the site for a one-line edit. With it a rebuild costs one look at each file of the spare (<see cref="Prepare"/>)
/// plus what changed. The spare shares its files' inodes with the live site, so its files are never opened for writing: a file
/// is replaced by writing a new one and renaming it over the name, or by unlinking the name. What the spare holds is never
/// trusted from a record alone: <see cref="Prepare"/> keeps a file only when its length and time are those the last build
/// stamped for that path (the quick check the live site gets), and deletes everything else (a killed run's half-written
/// files, anything put there by hand, links, FIFOs).
/// </remarks>
public static class SpareFolder
{
    /// <summary>The spare's path beside a site folder: <c>.&lt;name&gt;.spare</c>.</summary>
    public static string PathFor(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.spare");
    }

    /// <summary>
    /// Takes the spare for this build: renamed to <paramref name="staging"/>, a name of this process, so one build at a time
    /// has it (another finds none and stages into a fresh folder), then made fit to stage into (<see cref="Prepare"/>).
    /// Returns the files it holds; null when there is none.
    /// </summary>
    public static ConcurrentDictionary<string, FileStamp>? Claim(string target, IReadOnlyDictionary<string, FileStamp> stamps, string staging) =>
        Files.NativeFiles.RenameNew(PathFor(target), staging) == 0 ? Prepare(staging, stamps) : null;

    /// <summary>Puts a claimed spare back after a failed build (the next build checks its files again); deleted when another build has made a spare since.</summary>
    public static void GiveBack(string staging, string target)
    {
        if (Files.NativeFiles.Kind(staging) != Files.FileType.Directory) return;
        if (Files.NativeFiles.RenameNew(staging, PathFor(target)) != 0) AtomicFolder.TryDelete(staging);
    }

    /// <summary>
    /// Keeps the folder a build swapped out (<paramref name="old"/>, still under a name of this process) as the spare: brought
    /// up to the live site (<see cref="Sync"/>) while no other build can take it, then renamed to the spare's name; deleted when
    /// another build has made a spare since.
    /// </summary>
    public static void Keep(string old, string target, IReadOnlyDictionary<string, FileStamp> oldStamps, IReadOnlyDictionary<string, FileStamp> liveStamps)
    {
        Sync(old, target, oldStamps, liveStamps);
        if (Files.NativeFiles.RenameNew(old, PathFor(target)) != 0) AtomicFolder.TryDelete(old);
    }

    /// <summary>
    /// Makes the spare fit to stage into: every regular file whose length and time match its stamp is kept, every other entry is
    /// removed, and so is every folder left empty. Returns the files kept with their stamps; null when there is no spare (a
    /// spare that is not a real folder is removed). The table is the build's to change: the staging writer takes it as it is.
    /// </summary>
    internal static ConcurrentDictionary<string, FileStamp>? Prepare(string spare, IReadOnlyDictionary<string, FileStamp> stamps)
    {
        var kind = Files.NativeFiles.Kind(spare);
        if (kind == Files.FileType.Missing) return null;
        if (kind != Files.FileType.Directory)
        {
            AtomicFolder.TryDelete(spare);
            return null;
        }

        var held = new ConcurrentDictionary<string, FileStamp>(LockStripes.ForWriters, stamps.Count, StringComparer.Ordinal);
        try
        {
            Walk(spare, string.Empty, stamps, held, parallel: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || (e is AggregateException all && all.Flatten().InnerExceptions.All(i => i is IOException or UnauthorizedAccessException)))
        {
            // A spare that cannot be read whole is not used; the build stages into a fresh folder.
            AtomicFolder.TryDelete(spare);
            return null;
        }

        return held;
    }

    /// <summary>
    /// Brings the spare, which held <paramref name="spareHeld"/>, up to the live site just swapped in (<paramref name="live"/>,
    /// stamped <paramref name="liveStamps"/>): each path whose stamp differs is linked from the live site, each path the live site
    /// no longer has is removed. Failures are left for the next <see cref="Prepare"/>, which checks every file again.
    /// </summary>
    private static void Sync(string spare, string live, IReadOnlyDictionary<string, FileStamp> spareHeld, IReadOnlyDictionary<string, FileStamp> liveStamps)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, stamp) in liveStamps)
        {
            if (spareHeld.TryGetValue(path, out var held) && held == stamp) continue;
            CrashPoint.Reach("spare-sync");
            var target = AtomicFolder.SafeCombine(spare, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = TemporaryName(target);
            if (SiteFolderWriter.HardLink(AtomicFolder.SafeCombine(live, path), temporary) != 0) continue;
            try
            {
                File.Move(temporary, target, overwrite: true);
            }
            catch (IOException)
            {
                TryUnlink(temporary);
            }
        }

        foreach (var path in spareHeld.Keys)
        {
            if (liveStamps.ContainsKey(path)) continue;
            TryUnlink(AtomicFolder.SafeCombine(spare, path));
            folders.Add(Path.GetDirectoryName(path)!);
        }

        RemoveEmptyFolders(spare, folders);
    }

    /// <summary>Removes each of these folders (relative to the root) and then its parents while they are empty; the root stays.</summary>
    public static void RemoveEmptyFolders(string root, IEnumerable<string> folders)
    {
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var relative = folder; relative.Length > 0; relative = Path.GetDirectoryName(relative) ?? string.Empty)
            {
                var full = AtomicFolder.SafeCombine(root, relative);
                if (!Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any()) break;
                try
                {
                    Directory.Delete(full);
                }
                catch (IOException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A name beside a file for its replacement before it is renamed over it; a killed run's leftover is removed by the next <see cref="Prepare"/>.</summary>
    private static string TemporaryName(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    // One folder: real files that match their stamps are kept; every other entry goes, folders left empty too. True when anything is kept.
    // The root's folders (a journal's articles) are walked in parallel: the walk is one system call per file.
    private static bool Walk(string root, string relative, IReadOnlyDictionary<string, FileStamp> stamps, ConcurrentDictionary<string, FileStamp> held, bool parallel = false)
    {
        var folder = relative.Length == 0 ? root : Path.Combine(root, relative);
        var kept = 0;
        var list = Entries(folder);
        if (parallel)
        {
            Parallel.ForEach(list.Where(e => e.Kind == EntryKind.Folder), entry => Folder(entry.Name));
        }

        foreach (var (name, kind, length, ticks) in list)
        {
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (kind == EntryKind.Folder)
            {
                if (!parallel) Folder(name);
                continue;
            }

            // Listed the managed way, a FIFO, socket or device shows a length of 0: only then is the kind looked at again.
            if (kind is EntryKind.File or EntryKind.RegularFile && stamps.TryGetValue(path, out var stamp) && stamp.Length == length && stamp.ModifiedTicks == ticks
                && (length > 0 || kind == EntryKind.RegularFile || Files.NativeFiles.Kind(Path.Combine(folder, name)) == Files.FileType.Regular))
            {
                held[path] = stamp;
                kept = 1;
                continue;
            }

            File.Delete(Path.Combine(folder, name));
        }

        return kept != 0;

        void Folder(string name)
        {
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (Walk(root, path, stamps, held)) Volatile.Write(ref kept, 1);
            else Directory.Delete(Path.Combine(folder, name));
        }
    }

    // A folder's entries: their names, kinds and, for files, lengths and modification times (as FileStamp keeps them).
    private static List<(string Name, EntryKind Kind, long Length, long Ticks)> Entries(string folder)
    {
        if (FolderListing.List(folder) is { } listed)
        {
            var entries = new List<(string, EntryKind, long, long)>(listed.Count);
            foreach (var (name, stat, raw) in listed)
            {
                // A name that is not UTF-8 text: no path can name it, so it is removed by its bytes here (put there by hand; never a build's).
                if (raw is not null)
                {
                    FolderListing.Remove(folder, raw);
                    continue;
                }

                entries.Add(stat.Kind switch
                {
                    FileType.Regular => (name, EntryKind.RegularFile, stat.Length, stat.ModifiedUtcTicks),
                    FileType.Directory => (name, EntryKind.Folder, 0, 0),
                    _ => (name, EntryKind.Other, 0, 0),
                });
            }

            return entries;
        }

        return new FileSystemEnumerable<(string Name, EntryKind Kind, long Length, long Ticks)>(folder,
            (ref FileSystemEntry e) =>
            {
                var link = (e.Attributes & FileAttributes.ReparsePoint) != 0;
                if (link) return (e.FileName.ToString(), EntryKind.Other, 0, 0);
                if (e.IsDirectory) return (e.FileName.ToString(), EntryKind.Folder, 0, 0);
                return (e.FileName.ToString(), EntryKind.File, e.Length, e.LastWriteTimeUtc.UtcTicks);
            },
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false }).ToList();
    }

    private static void TryUnlink(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private enum EntryKind
    {
        /// <summary>A file listed the managed way: a FIFO, socket or device may look like one.</summary>
        File,

        /// <summary>A file statx says is a regular file.</summary>
        RegularFile,
        Folder,
        Other,
    }
}
