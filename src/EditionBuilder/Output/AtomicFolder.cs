using System.Text;

namespace EditionBuilder.Output;

/// <summary>Writes a whole folder beside its target and swaps it in with renames, so a reader or a failed run never sees half of it.</summary>
public static class AtomicFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="target"/> with the files, keeping nothing of the old folder; returns the number of files.</summary>
    public static int Replace(string target, IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var staging = StagingFolder(target, "staging");
        try
        {
            var count = 0;
            foreach (var (path, bytes) in files)
            {
                WriteFile(staging, path, bytes);
                count++;
            }

            Swap(staging, target);
            return count;
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    public static int Replace(string target, IEnumerable<(string Path, string Text)> files) =>
        Replace(target, files.Select(f => (f.Path, Utf8.GetBytes(f.Text))));

    /// <summary>Moves a fully written folder into place; the old one is kept as <paramref name="previous"/> when given, else deleted.</summary>
    public static void Swap(string staging, string target, string? previous = null)
    {
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var old = previous ?? StagingFolder(target, "old");
        if (Directory.Exists(full))
        {
            if (previous is not null) TryDelete(previous);
            Directory.Move(full, old);
        }

        try
        {
            Directory.Move(staging, full);
        }
        catch
        {
            // Put the previous folder back: the target must never be left missing.
            if (Directory.Exists(old) && !Directory.Exists(full)) Directory.Move(old, full);
            throw;
        }

        if (previous is null) TryDelete(old);
    }

    /// <summary>A fresh folder name beside the target, on the same file system so a rename is atomic.</summary>
    public static string StagingFolder(string target, string purpose)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
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

    public static void TryDelete(string folder)
    {
        try
        {
            if (!Directory.Exists(folder)) return;
            // A journal's site holds thousands of files in one folder per article: the folders go in parallel.
            Parallel.ForEach(Directory.EnumerateDirectories(folder), sub =>
            {
                try { Directory.Delete(sub, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            });
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover staging folder is harmless; it never replaces a good one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
