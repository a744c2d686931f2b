using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>One layer of a theme as read from disk: its folder (for diagnostics) and its files by '/'-separated relative path.</summary>
public sealed record ThemeLayer(string Folder, IReadOnlyDictionary<string, byte[]> Files);

/// <summary>Reads theme folders from disk: the default theme shipped with the tool, and a publisher's theme that overrides its files by path.</summary>
public static class ThemeFolder
{
    /// <summary>The default theme, shipped beside the program (the repository's templates/ is copied there at build time).</summary>
    public static string Default => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The theme folder a content folder may hold (<c>content/theme/</c>).</summary>
    public static string InContent(string contentFolder) => Path.Combine(contentFolder, "theme");

    /// <summary>The folders of the theme in use, lowest first: the default theme, then <paramref name="theme"/> when given, else the content folder's theme/ when it exists.</summary>
    public static IReadOnlyList<string> Layers(string? contentFolder, string? theme, string? defaultTheme = null)
    {
        var layers = new List<string> { defaultTheme ?? Default };
        if (theme is not null) layers.Add(theme);
        else if (contentFolder is not null && Directory.Exists(InContent(contentFolder))) layers.Add(InContent(contentFolder));
        return layers;
    }

    /// <summary>Reads every file of a theme folder; null (with an error) when it does not exist, or leads out of <paramref name="boundary"/>.</summary>
    /// <param name="folder">The layer's folder.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="boundary">The folder no link may lead out of: for the content folder's own theme/, the content folder (the theme is read like content, the folder itself included); by default the layer's own folder (a --theme folder is the user's choice, links inside it may not leave it).</param>
    public static ThemeLayer? Read(string folder, DiagnosticBag diagnostics, string? boundary = null)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, folder, 0, 0, "the theme folder does not exist");
            return null;
        }

        var realBoundary = boundary is null ? null : SafeFiles.RealFolder(boundary);
        if (realBoundary is not null && SafeFiles.RealFolder(folder) is var real && !real.StartsWith(realBoundary + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.LinkOutOfFolder, folder, 0, 0,
                $"the theme folder leads to {real}, outside {boundary}; the tool reads nothing outside its input folders (copy the theme in, or name it with --theme)");
            return null;
        }

        var files = SafeFiles.Enumerate(folder, diagnostics, boundary: realBoundary)
            .ToDictionary(f => f.Relative, f => File.ReadAllBytes(f.Full), StringComparer.Ordinal);
        return new ThemeLayer(folder, files);
    }

    /// <summary>The folder no link of a theme layer may lead out of: the content folder for its own theme/ (<see cref="InContent"/>), else none but the layer itself.</summary>
    public static string? BoundaryOf(string layer, string? contentFolder) =>
        contentFolder is not null && Path.GetFullPath(layer).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(InContent(contentFolder)).TrimEnd(Path.DirectorySeparatorChar)
            ? contentFolder
            : null;
}
