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

    /// <summary>Reads every file of a theme folder; null (with an error) when it does not exist.</summary>
    public static ThemeLayer? Read(string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, folder, 0, 0, "the theme folder does not exist");
            return null;
        }

        var files = SafeFiles.Enumerate(folder, diagnostics)
            .ToDictionary(f => f.Relative, f => File.ReadAllBytes(f.Full), StringComparer.Ordinal);
        return new ThemeLayer(folder, files);
    }
}
