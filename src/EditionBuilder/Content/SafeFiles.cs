using EditionBuilder.Diagnostics;
using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>Lists the files of an input folder (content, theme) the way every reader of the tool must (docs/design.md, "Safety rules"): reading never leaves the folder, never opens a FIFO or a device, and passes over editor lock and backup files.</summary>
public static class SafeFiles
{
    /// <summary>A file found under a root: its path as the root was given (relative when the root was: diagnostics name it as the user did), its '/'-separated path relative to the root, and its size, times and inode when it was listed (of the file a link inside the root leads to).</summary>
    public sealed record Entry(string Full, string Relative, PathStat Stat);

    /// <summary>Every regular file under <paramref name="root"/>, in ordinal path order. Editor lock and backup files, hidden folders and dangling links are passed over; a link out of the root, a FIFO, a device or a socket is an error at its path and skipped. A link inside the root is read as what it points to.</summary>
    /// <param name="root">The folder to list.</param>
    /// <param name="diagnostics">Where links out of the boundary and special files are reported.</param>
    /// <param name="recursive">Whether to list subfolders too.</param>
    /// <param name="boundary">The real folder no link may lead out of (an article folder's is the content folder); <paramref name="root"/> itself by default.</param>
    public static IReadOnlyList<Entry> Enumerate(string root, DiagnosticBag diagnostics, bool recursive = true, string? boundary = null)
    {
        var entries = new List<Entry>();
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var realRoot = boundary ?? RealPath(rootFull) ?? rootFull;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        // Walked by the path as given, so every path found (and every diagnostic at one) is relative when the root was.
        var rootGiven = Path.TrimEndingDirectorySeparator(root);
        Walk(rootGiven, string.Empty, RealPath(rootFull) ?? rootFull);
        return entries.OrderBy(e => e.Relative, StringComparer.Ordinal).ToList();

        void Walk(string folder, string relativeFolder, string realFolder)
        {
            // A link to a folder above it would make the walk endless: each real folder is read once.
            if (!visited.Add(realFolder)) return;
            foreach (var (name, listed, unnamed) in List(folder))
            {
                var path = Path.Combine(folder, name);
                var relative = relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
                if (IsEditorFile(name)) continue;
                if (unnamed)
                {
                    diagnostics.Error(DiagnosticCodes.NameNotText, path, 0, 0, NotTextMessage);
                    continue;
                }

                var linked = false;
                // A regular file or a real folder, as the listing found it, needs no second look; anything else is classified by its path.
                var stat = listed is { Kind: FileType.Regular or FileType.Directory } known ? known : Classify(path, realRoot, diagnostics, out linked, rootGiven);
                switch (stat.Kind)
                {
                    case FileType.Regular:
                        entries.Add(new Entry(path, relative, stat));
                        break;
                    case FileType.Directory when recursive && !name.StartsWith('.'):
                        // A real folder's real path is its parent's and its name: only a link needs resolving.
                        Walk(path, relative, linked ? RealPath(path) ?? path : realFolder + "/" + name);
                        break;
                }
            }
        }
    }

    /// <summary>The paths of a folder's entries, in ordinal order; an entry whose name is not UTF-8 text (which no path can name) is an error at its path and left out.</summary>
    public static IReadOnlyList<string> Paths(string folder, DiagnosticBag diagnostics)
    {
        var paths = new List<string>();
        foreach (var (name, _, unnamed) in List(folder))
        {
            var path = Path.Combine(folder, name);
            if (unnamed && !IsEditorFile(name)) diagnostics.Error(DiagnosticCodes.NameNotText, path, 0, 0, NotTextMessage);
            else if (!unnamed) paths.Add(path);
        }

        return paths;
    }

    private const string NotTextMessage = "this name is not UTF-8 text (shown here with \uFFFD for the bytes that are not), so no file of the edition can be read by it; rename it";

    // A folder's entries in ordinal name order, with their stats when the listing gives them (FolderListing), else to be classified
    // by path; an entry whose name is not UTF-8 text is marked unnamed: no path can name it.
    private static List<(string Name, PathStat? Stat, bool Unnamed)> List(string folder)
    {
        var entries = FolderListing.List(folder) is { } listed
            ? listed.Select(e => (e.Name, (PathStat?)e.Stat, e.RawName is not null)).ToList()
            : Directory.EnumerateFileSystemEntries(folder).Select(path => (Path.GetFileName(path), (PathStat?)null, false)).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return entries;
    }

    /// <summary>What a path found in an input folder is to a reader: a file or folder to read (a link inside the root counts as what it points to), or nothing (a dangling link, something reported as an error).</summary>
    public static FileType Classify(string path, string realRoot, DiagnosticBag diagnostics) => Classify(path, realRoot, diagnostics, out _).Kind;

    // The kind and stamp of what is read at the path (a link inside the root: what it leads to); Missing when nothing is. A link out
    // of the root names the root as the user gave it: the folder of the walk's root (or above it) that is the root, else its real path.
    private static PathStat Classify(string path, string realRoot, DiagnosticBag diagnostics, out bool linked, string? under = null)
    {
        var stat = NativeFiles.Stat(path);
        var kind = stat.Kind;
        linked = kind == FileType.SymbolicLink;
        var nothing = new PathStat(FileType.Missing, 0, 0, 0, 0);
        if (linked)
        {
            var target = RealPath(path);
            if (target is null) return nothing; // dangling, as editors leave them (Emacs's .#file): nothing to read
            if (!IsUnder(target, realRoot))
            {
                diagnostics.Error(DiagnosticCodes.LinkOutOfFolder, path, 0, 0,
                    $"this is a symbolic link to {target}, outside {Named(under ?? Path.GetDirectoryName(path), realRoot)}; the tool reads nothing outside its input folders (copy the file in instead)");
                return nothing;
            }

            stat = NativeFiles.Stat(target);
            kind = stat.Kind;
        }

        if (kind is not (FileType.Regular or FileType.Directory or FileType.Missing))
        {
            diagnostics.Error(DiagnosticCodes.SpecialFile, path, 0, 0, $"this is {FileTypeText.Describe(kind)}, not a regular file, and is never read; remove it from the folder");
            return nothing;
        }

        return stat;
    }

    /// <summary>The real path of a folder, links resolved, for checking that a file stays inside it.</summary>
    public static string RealFolder(string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        return RealPath(full) ?? full;
    }

    /// <summary>Editors' lock, swap and backup files: Emacs <c>.#x</c> and <c>#x#</c>, Vim <c>.x.swp</c>, <c>x~</c>, Word <c>~$x</c>, LibreOffice <c>.~lock.x#</c>.</summary>
    public static bool IsEditorFile(string name) =>
        name.StartsWith(".#", StringComparison.Ordinal)
        || (name.StartsWith('#') && name.EndsWith('#'))
        || name.EndsWith('~')
        || name.StartsWith("~$", StringComparison.Ordinal)
        || name.StartsWith(".~lock.", StringComparison.Ordinal)
        || (name.StartsWith('.') && (name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swo", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)));

    // The real folder as the user named it: the given folder, or the nearest folder above it, whose real path it is; its real path otherwise.
    private static string Named(string? given, string real)
    {
        for (var folder = given; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (RealPath(Path.GetFullPath(folder)) == real) return folder;
        }

        return real;
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The path with every link resolved (realpath(3)), or null when a link on the way leads nowhere.
    private static string? RealPath(string path) => NativeFiles.TryRealPath(path);
}
