namespace EditionBuilder.Files;

/// <summary>Where a path lies relative to a folder, judged by the paths as written (made absolute, links not followed).</summary>
internal static class FolderPaths
{
    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>, both taken from the current folder when relative.</summary>
    public static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }
}
