using EditionBuilder.Diagnostics;
using EditionBuilder.Render;
using NUglify;
using NUglify.Html;

namespace EditionBuilder.Minify;

/// <summary>Minifies the site's HTML, CSS and JS with NUglify; any minifier error fails the build instead of shipping the page unminified.</summary>
public static class SiteMinifier
{
    private static HtmlSettings HtmlSettings() => new()
    {
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

    public static SiteFile MinifyFile(SiteFile file, DiagnosticBag diagnostics)
    {
        var extension = Path.GetExtension(file.Path);
        UglifyResult? result = extension switch
        {
            ".html" => Uglify.Html(file.AsText(), HtmlSettings(), file.Path),
            ".css" => Uglify.Css(file.AsText(), file.Path),
            ".js" => Uglify.Js(file.AsText(), file.Path),
            _ => null,
        };
        if (result is not { } minified) return file;
        if (minified.HasErrors)
        {
            foreach (var error in minified.Errors.Where(e => e.IsError))
            {
                diagnostics.Error(DiagnosticCodes.MinifyError, file.Path, error.StartLine, error.StartColumn, $"minifier: {error.Message}");
            }

            return file;
        }

        return SiteFile.Text(file.Path, minified.Code ?? string.Empty);
    }
}
