using EditionBuilder.Diagnostics;
using EditionBuilder.Render;
using EditionBuilder.Site;
using NUglify;
using NUglify.Html;

namespace EditionBuilder.Minify;

/// <summary>Minifies the site's HTML, CSS and JS with NUglify; any minifier error fails the build instead of shipping the page unminified.</summary>
public static class SiteMinifier
{
    // Made once and only read while minifying (NUglify itself shares a default instance); a new one per page would also build
    // its CSS and JS settings each time.
    private static readonly HtmlSettings PageSettings = HtmlSettings();
    private static readonly HtmlSettings FragmentSettings = HtmlSettings(fragment: true);

    private static HtmlSettings HtmlSettings(bool fragment = false) => new()
    {
        // A fragment is minified on its own as a fragment; the block placeholders it replaces leave no whitespace that a whole-page pass would have kept.
        IsFragmentOnly = fragment,
        // Keep what a reader or a validator could notice: comments go, whitespace between inline text stays meaningful.
        RemoveOptionalTags = false,
        RemoveAttributeQuotes = false,
        DecodeEntityCharacters = false,
        // Pages carry no inline CSS or JS; NUglify would "minify" the JSON-LD block as script and unescape "<\/script>" in it.
        MinifyCss = false,
        MinifyJs = false,
        KeepOneSpaceWhenCollapsing = true,
        RemoveComments = true,
    };

    public static IReadOnlyList<SiteFile> Minify(IReadOnlyList<SiteFile> files, DiagnosticBag diagnostics)
    {
        var result = new SiteFile[files.Count];
        Parallel.For(0, files.Count, i => result[i] = MinifyFile(files[i], diagnostics));
        return result;
    }

    // Bodies shared by several pages (a chapter's page and the full text) are minified once; the table forgets them with their pages.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HtmlFragment, MinifiedFragment> MinifiedFragments = new();

    private sealed record MinifiedFragment(UglifyResult Result);

    public static SiteFile MinifyFile(SiteFile file, DiagnosticBag diagnostics)
    {
        if (file.Fragments is { } fragments) return MinifyPage(file, fragments, diagnostics);

        var extension = Path.GetExtension(file.Path);
        UglifyResult? result = extension switch
        {
            ".html" => Uglify.Html(file.AsText(), PageSettings, file.Path),
            ".css" => Uglify.Css(file.AsText(), file.Path),
            ".js" => Uglify.Js(file.AsText(), file.Path),
            _ => null,
        };
        if (result is not { } minified) return file;
        if (Failed(minified, file.Path, diagnostics)) return file;
        return SiteFile.Text(file.Path, minified.Code ?? string.Empty);
    }

    // The page's own markup and each body apart, then put together: the same bytes as minifying the whole page (a test holds this on every seed page).
    private static SiteFile MinifyPage(SiteFile file, IReadOnlyList<HtmlFragment> fragments, DiagnosticBag diagnostics)
    {
        var shell = Uglify.Html(file.AsText(), PageSettings, file.Path);
        var bodies = fragments.Select(f => MinifiedFragments.GetValue(f, static f => new MinifiedFragment(Uglify.Html(f.Html, FragmentSettings))).Result).ToList();
        var failed = Failed(shell, file.Path, diagnostics);
        foreach (var body in bodies) failed |= Failed(body, file.Path, diagnostics);
        if (failed) return file.Composed();
        return SiteFile.Text(file.Path, PageFragments.Compose(shell.Code ?? string.Empty, bodies.Select(b => b.Code ?? string.Empty).ToList()));
    }

    private static bool Failed(UglifyResult result, string path, DiagnosticBag diagnostics)
    {
        if (!result.HasErrors) return false;
        foreach (var error in result.Errors.Where(e => e.IsError))
        {
            diagnostics.Error(DiagnosticCodes.MinifyError, path, error.StartLine, error.StartColumn, $"minifier: {error.Message}");
        }

        return true;
    }
}
