using System.Text;
using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Themes;

namespace EditionBuilder.Epub;

/// <summary>The theme's e-reader stylesheet (templates/epub/book.css) and what it loads: the fonts it names from the theme's assets, with the licence files beside them. Made once per build; every book carries the same files.</summary>
public sealed partial class EpubStyle
{
    /// <summary>The stylesheet's path in the theme, relative to templates/epub/.</summary>
    public const string StylesheetName = "book.css";

    /// <summary>The stylesheet's href in the book.</summary>
    public const string StylesheetHref = "styles/book.css";

    [GeneratedRegex(@"url\(\s*['""]?([^'"")]+)['""]?\s*\)")]
    private static partial Regex CssUrl();

    private EpubStyle(IReadOnlyList<EpubFile> files) => Files = files;

    /// <summary>The stylesheet, then each font and licence in path order.</summary>
    public IReadOnlyList<EpubFile> Files { get; }

    /// <summary>Reads the stylesheet and resolves what it loads; null (with errors naming the stylesheet) when it is missing or loads what the book cannot hold.</summary>
    public static EpubStyle? From(Theme theme, DiagnosticBag diagnostics)
    {
        var path = theme.PathOf("epub/" + StylesheetName);
        if (!theme.EpubFiles.TryGetValue(StylesheetName, out var stylesheet))
        {
            diagnostics.Error(DiagnosticCodes.EpubThemeIncomplete, path, 0, 0, "the theme has no e-reader stylesheet; add epub/book.css (or build with --no-epub)");
            return null;
        }

        var files = new List<EpubFile> { new(StylesheetHref, "css", "text/css", stylesheet) };
        var loaded = new SortedSet<string>(StringComparer.Ordinal);
        var css = Encoding.UTF8.GetString(stylesheet);
        foreach (Match match in CssUrl().Matches(css))
        {
            var url = match.Groups[1].Value.Trim();
            if (url.StartsWith("data:", StringComparison.Ordinal)) continue;
            var line = css[..match.Index].Count(c => c == '\n') + 1;
            var asset = url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal) ? null : AssetPath(url.Split('#', '?')[0]);
            if (asset is null || !theme.Assets.ContainsKey(asset) || EpubFile.MediaTypeOf(asset) is null)
            {
                diagnostics.Error(DiagnosticCodes.EpubStylesheetReference, path, line, 1,
                    $"the e-reader stylesheet loads '{url}', which is not a font or image of the theme's assets/ (a book fetches nothing from outside itself)");
                continue;
            }

            loaded.Add(asset);
        }

        if (diagnostics.HasErrors) return null;

        // Each loaded file's folder gives its licences too (fonts/OFL-….txt): the OFL asks that they travel with the font.
        var licences = theme.Assets.Keys.Where(a => a.EndsWith(".txt", StringComparison.Ordinal) && loaded.Any(l => Folder(l) == Folder(a)));
        var index = 0;
        foreach (var asset in loaded.Concat(licences).Distinct().Order(StringComparer.Ordinal))
        {
            files.Add(new EpubFile(asset, $"res-{++index}", EpubFile.MediaTypeOf(asset)!, theme.Assets[asset]));
        }

        return new EpubStyle(files);
    }

    // The stylesheet sits in styles/; "../fonts/x.woff2" is the theme's assets/fonts/x.woff2, kept at the same path in the book.
    private static string? AssetPath(string url) =>
        Site.SitePath.Resolve("styles/book.css", url) is { Length: > 0 } path && path != "styles" && !path.StartsWith("styles/", StringComparison.Ordinal) ? path : null;

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : string.Empty;
}
