using System.Text.RegularExpressions;
using EditionBuilder.Files;

namespace EditionBuilder.Import;

/// <summary>
/// What an import does to the article folder it writes: the import's files go in (article.yml merged beforehand, chapters,
/// abstracts, images), and everything else the folder holds is kept as it is — the source under <c>source/</c>, a theme,
/// the publisher's own notes. A chapter, abstract or image that the import would change or drop may hold the publisher's
/// edits: it is named, and replaced only with --force. The pipeline swaps the folder in whole, so a failed or killed import leaves it
/// as it was.
/// </summary>
public sealed partial class ImportPlan
{
    [GeneratedRegex(@"^(?:ar/[^/]+\.md|ar/media/.+|[a-z]{2}/abstract\.md)$")]
    private static partial Regex ImportedPath();

    private ImportPlan(string folder, IReadOnlyList<(string Path, byte[] Bytes)> files, IReadOnlyList<string> kept, IReadOnlyList<string> changed, IReadOnlyList<string> dropped,
        IReadOnlyList<(string Path, FileType Kind)> blocking)
    {
        Folder = folder;
        Files = files;
        Kept = kept;
        Changed = changed;
        Dropped = dropped;
        Blocking = blocking;
    }

    /// <summary>The article folder the plan was made for, which the pipeline writes.</summary>
    public string Folder { get; }

    /// <summary>The import's files, by path relative to the article folder.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Files { get; }

    /// <summary>Files of the folder the import does not write, kept as they are (source/, theme/…).</summary>
    public IReadOnlyList<string> Kept { get; }

    /// <summary>Chapters, abstracts or images of the folder whose bytes the import would change.</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>Chapters, abstracts or images of the folder the import would not write again (a chapter renamed, split or deleted in the source).</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>Links and files of the folder standing where the import needs a folder (<c>ar</c> or <c>ar/media</c> a symbolic link): the import cannot be written until they are moved, and is never written through them.</summary>
    public IReadOnlyList<(string Path, FileType Kind)> Blocking { get; }

    /// <summary>True when the import would change or drop a file that may hold the publisher's edits.</summary>
    public bool ReplacesEdits => Changed.Count + Dropped.Count > 0;

    /// <summary>True for a path an import writes (and so owns): chapters and images under ar/, abstracts; article.yml is merged, not owned.</summary>
    public static bool IsImported(string relativePath) => ImportedPath().IsMatch(relativePath);

    /// <summary>Compares the import's files with what <paramref name="folder"/> holds (nothing when it does not exist).</summary>
    /// <exception cref="IOException">A FIFO, device or socket in the folder: it cannot be kept safely.</exception>
    public static ImportPlan Make(string folder, IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var written = files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
        var kept = new List<string>();
        var changed = new List<string>();
        var dropped = new List<string>();
        foreach (var (relative, kind) in Existing(folder))
        {
            if (relative == "article.yml") continue;
            if (!IsImported(relative) || kind == FileType.SymbolicLink)
            {
                if (kind is not (FileType.Regular or FileType.SymbolicLink))
                {
                    throw new IOException($"{Path.Combine(folder, relative)} is {FileTypeText.Describe(kind)}; an import keeps only files and links beside what it writes: remove it first");
                }

                if (!written.ContainsKey(relative)) kept.Add(relative);
                else changed.Add(relative);
                continue;
            }

            if (!written.TryGetValue(relative, out var bytes)) dropped.Add(relative);
            else if (!File.ReadAllBytes(Path.Combine(folder, relative)).AsSpan().SequenceEqual(bytes)) changed.Add(relative);
        }

        // A kept link or file named like a folder the import writes into: keeping it and writing the import's files under it cannot both happen.
        var folders = files.SelectMany(f => Parents(f.Path)).ToHashSet(StringComparer.Ordinal);
        var existing = Existing(folder).ToDictionary(e => e.Relative, e => e.Kind, StringComparer.Ordinal);
        var blocking = kept.Concat(changed).Where(folders.Contains).Order(StringComparer.Ordinal).Select(p => (p, existing[p])).ToList();
        return new ImportPlan(folder, files, kept, changed, dropped, blocking);
    }

    // "ar/media/x.png" → "ar", "ar/media".
    private static IEnumerable<string> Parents(string relative)
    {
        for (var slash = relative.IndexOf('/'); slash > 0; slash = relative.IndexOf('/', slash + 1)) yield return relative[..slash];
    }

    // Every file and link under the folder (not following links), by relative path with '/' separators, in ordinal order.
    private static List<(string Relative, FileType Kind)> Existing(string folder)
    {
        var found = new List<(string, FileType)>();
        if (NativeFiles.Kind(folder) != FileType.Directory) return found;
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(folder, relative)))
            {
                var path = relative.Length == 0 ? Path.GetFileName(entry) : relative + "/" + Path.GetFileName(entry);
                var kind = NativeFiles.Kind(entry);
                if (kind == FileType.Directory) pending.Push(path);
                else found.Add((path, kind));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return found;
    }
}
