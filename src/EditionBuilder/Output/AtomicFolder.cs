using System.IO.Enumeration;
using System.Text;
using EditionBuilder.Files;

namespace EditionBuilder.Output;

/// <summary>Writes a whole folder beside its target and swaps it in, so a reader, a failed run or a killed one never sees half of it.</summary>
/// <remarks>
/// The swap is one renameat2(RENAME_EXCHANGE) where the file system has it (ext4, XFS, Btrfs, tmpfs on Linux ≥ 3.15): at every instant
/// the target is the old folder or the new one. Where it has not (EINVAL/ENOSYS/EOPNOTSUPP: some network and FUSE file systems,
/// other systems), the old folder is renamed aside and the new one renamed in: a kill between the two renames leaves the target
/// missing for that instant, and the next run (<see cref="CleanLeftovers"/>) puts the old folder back before anything else.
/// Deleting never follows a symbolic link: a link is removed, never what it points to.
/// </remarks>
public static class AtomicFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>For the fault-injection tests only: behave as on a file system without RENAME_EXCHANGE.</summary>
    public static bool NoExchangeForTests { get; set; } = Environment.GetEnvironmentVariable("EDITION_TEST_NO_EXCHANGE") == "1";

    /// <summary>Replaces <paramref name="target"/> with the files (and the marker of its kind, written last), keeping nothing of the old folder; returns the number of files.</summary>
    public static int Replace(string target, IEnumerable<(string Path, byte[] Bytes)> files, OutputKind kind) => Replace(target, files, kind, []);

    /// <summary>
    /// Replaces <paramref name="target"/> with the files (and the marker of its kind, written last), keeping the old folder's
    /// files at <paramref name="keep"/> (relative paths): each copied into the new folder (a symbolic link as a link with the
    /// same target), so the old folder stays whole until the swap. Returns the number of files written.
    /// </summary>
    public static int Replace(string target, IEnumerable<(string Path, byte[] Bytes)> files, OutputKind kind, IReadOnlyList<string> keep)
    {
        CleanLeftovers(target);
        var staging = StagingFolder(target, "staging");
        try
        {
            Directory.CreateDirectory(staging);
            var count = 0;
            foreach (var (path, bytes) in files)
            {
                WriteFile(staging, path, bytes);
                count++;
            }

            foreach (var relative in keep)
            {
                var from = SafeCombine(target, relative);
                var to = SafeCombine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                if (NativeFiles.Kind(from) == FileType.SymbolicLink)
                {
                    File.CreateSymbolicLink(to, new FileInfo(from).LinkTarget!);
                    continue;
                }

                File.Copy(from, to);
                File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
            }

            WriteMarker(staging, kind);
            Swap(staging, target);
            return count;
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    public static int Replace(string target, IEnumerable<(string Path, string Text)> files, OutputKind kind) =>
        Replace(target, files.Select(f => (f.Path, Utf8.GetBytes(f.Text))), kind);

    /// <summary>Writes the marker of an output kind into a folder (the last file of a complete output).</summary>
    public static void WriteMarker(string folder, OutputKind kind)
    {
        if (OutputGuard.MarkerFile(kind) is { } marker) File.WriteAllBytes(Path.Combine(folder, marker), OutputGuard.MarkerText(kind));
    }

    /// <summary>Moves a fully written folder into place; the old folder, if any, is deleted afterwards.</summary>
    public static void Swap(string staging, string target) => Swap(staging, target, keepOld: false);

    /// <summary>Moves a fully written folder into place; the old folder, if any, is deleted, or with <paramref name="keepOld"/> left under a name of this process (for the spare copy of a site). Returns where the old folder was kept, or null.</summary>
    public static string? Swap(string staging, string target, bool keepOld)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        CrashPoint.Reach("swap-ready");
        var kind = NativeFiles.Kind(full);
        if (kind == FileType.Missing)
        {
            Check(NativeFiles.RenameNew(staging, full), staging, full);
            return null;
        }

        if (kind != FileType.Directory) throw new IOException($"{target} is {FileTypeText.Describe(kind)}, not a folder; it was not replaced");
        var exchanged = NoExchangeForTests ? NativeFiles.EINVAL : NativeFiles.Exchange(staging, full);
        if (exchanged == 0)
        {
            // The staging name now holds the old folder.
            CrashPoint.Reach("swap-exchanged");
            return Keep(staging, keepOld);
        }

        if (exchanged is not (NativeFiles.EINVAL or NativeFiles.ENOSYS or NativeFiles.EOPNOTSUPP)) Check(exchanged, staging, full);

        // No exchange on this file system: two renames; CleanLeftovers repairs a kill between them.
        var old = StagingFolder(target, "old");
        Check(NativeFiles.RenameNew(full, old), full, old);
        CrashPoint.Reach("swap-moved-aside");
        var moved = NativeFiles.RenameNew(staging, full);
        if (moved != 0)
        {
            NativeFiles.RenameNew(old, full);
            Check(moved, staging, full);
        }

        return Keep(old, keepOld);
    }

    // The old folder, swapped out: kept where it is, or deleted.
    private static string? Keep(string old, bool keep)
    {
        if (keep) return old;
        TryDelete(old);
        return null;
    }

    /// <summary>Repairs and removes what a killed run left beside the target: the old folder put back when a kill came between the two renames of a swap, then every dead run's staging and old folders deleted. Returns what was done, for the progress output.</summary>
    public static IReadOnlyList<string> CleanLeftovers(string target)
    {
        var done = new List<string>();
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent)) return done;
        var name = Path.GetFileName(full);
        var leftovers = Directory.EnumerateFileSystemEntries(parent, $".{name}.*")
            .Where(p => IsLeftoverOf(name, Path.GetFileName(p), "staging") || IsLeftoverOf(name, Path.GetFileName(p), "old"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (leftovers.Count == 0) return done;

        if (NativeFiles.Kind(full) == FileType.Missing)
        {
            var old = leftovers.Where(p => IsLeftoverOf(name, Path.GetFileName(p), "old") && NativeFiles.Kind(p) == FileType.Directory)
                .OrderByDescending(p => Directory.GetLastWriteTimeUtc(p)).FirstOrDefault();
            if (old is not null && NativeFiles.RenameNew(old, full) == 0)
            {
                done.Add($"put back {target} from {Path.GetFileName(old)} (a run killed in the middle of its swap)");
                leftovers.Remove(old);
            }
        }

        foreach (var leftover in leftovers)
        {
            TryDelete(leftover);
            done.Add($"removed {Path.GetFileName(leftover)} (left by a killed run)");
        }

        return done;
    }

    // ".<name>.<purpose>-<pid>-<guid>" of a process that is no longer running (this one has made none yet).
    private static bool IsLeftoverOf(string name, string entry, string purpose)
    {
        var prefix = $".{name}.{purpose}-";
        if (!entry.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = entry[prefix.Length..];
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !int.TryParse(rest[..dash], out var pid)) return false;
        return pid == Environment.ProcessId || !NativeFiles.IsRunning(pid);
    }

    /// <summary>A fresh folder name beside the target, on the same file system so a rename is atomic: <c>.&lt;name&gt;.&lt;purpose&gt;-&lt;pid&gt;-&lt;guid&gt;</c>.</summary>
    public static string StagingFolder(string target, string purpose)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(full)}.{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>Writes a file at a relative path under a root, making its folders; a path that would leave the root is refused.</summary>
    public static void WriteFile(string root, string relative, byte[] bytes)
    {
        var full = SafeCombine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Joins a relative path under a root, refusing any path that would leave it.</summary>
    public static string SafeCombine(string root, string relative)
    {
        var rootFull = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(rootFull, relative));
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the path '{relative}' leaves its folder");
        }

        return full;
    }

    /// <summary>Deletes a folder and everything in it, never following a symbolic link (a link is removed, not what it points to); a file or link given is removed itself. Failures are ignored: a leftover never replaces a good folder.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            var kind = NativeFiles.Kind(path);
            if (kind == FileType.Missing) return;
            if (kind != FileType.Directory)
            {
                File.Delete(path);
                return;
            }

            // A journal's site holds thousands of files in one folder per article: the folders go in parallel.
            var (folders, files) = Entries(path);
            foreach (var file in files) TryDeleteEntry(file);
            Parallel.ForEach(folders, DeleteTree);
            Directory.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteTree(string folder)
    {
        try
        {
            var (folders, files) = Entries(folder);
            foreach (var file in files) TryDeleteEntry(file);
            foreach (var sub in folders) DeleteTree(sub);
            Directory.Delete(folder);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteEntry(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // A folder's entries without following links: real folders apart, everything else (files, links, FIFOs…) to unlink.
    private static (List<string> Folders, List<string> Others) Entries(string folder)
    {
        var folders = new List<string>();
        var others = new List<string>();
        var entries = new FileSystemEnumerable<(string Path, bool Folder)>(folder,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false });
        foreach (var (path, isFolder) in entries) (isFolder ? folders : others).Add(path);
        return (folders, others);
    }

    private static void Check(int errno, string from, string to)
    {
        if (errno != 0) throw new IOException($"could not rename {from} to {to} (errno {errno})");
    }
}
