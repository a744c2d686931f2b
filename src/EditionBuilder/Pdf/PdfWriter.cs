using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Pdf;

/// <summary>The PDF writer: one <c>&lt;article-slug&gt;/&lt;article-slug&gt;.pdf</c> per article, set by Typst as a printed journal sets it: A4 (the theme's page), right to left, a title page, the chapters with their paragraph numbers and each footnote at the foot of the page where it is referenced under the author's mark, endnotes at the end, the abstracts in their own languages; the theme's Arabic font embedded, the same bytes for the same inputs.</summary>
public sealed class PdfWriter : IArticleWriter
{
    private readonly TypstEngine _engine;
    private readonly TypstArticle _document;
    private readonly IReadOnlyList<byte[]> _fonts;
    private readonly long? _sourceDateEpoch;
    private readonly TimeSpan _timeout;

    private PdfWriter(TypstEngine engine, TypstArticle document, IReadOnlyList<byte[]> fonts, long? sourceDateEpoch, TimeSpan timeout)
    {
        _engine = engine;
        _document = document;
        _fonts = fonts;
        _sourceDateEpoch = sourceDateEpoch;
        _timeout = timeout;
    }

    /// <summary>The writer for a build; null when the engine is missing (one warning: the build goes on without PDFs) or the theme cannot give the PDF its page or font (errors naming the theme's files).</summary>
    /// <param name="theme">The theme: its strings, its theme.yml page settings and its pdf/fonts/.</param>
    /// <param name="edition">The edition's metadata.</param>
    /// <param name="engine">What the search for the Typst compiler found (<see cref="TypstEngine.Find"/>).</param>
    /// <param name="sourceDateEpoch">SOURCE_DATE_EPOCH, the date of a PDF whose article has none.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="timeout">How long one article may take (default <see cref="TypstEngine.Timeout"/>).</param>
    public static PdfWriter? Create(Theme theme, EditionMetadata edition, TypstEngine.Lookup engine, long? sourceDateEpoch, DiagnosticBag diagnostics, TimeSpan? timeout = null)
    {
        var page = PdfPageStyle.From(theme, diagnostics);
        var fonts = theme.PdfFiles.Where(f => f.Key.StartsWith("fonts/", StringComparison.Ordinal) && IsFont(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToList();
        if (fonts.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.PdfThemeSetting, theme.PathOf("pdf/fonts"), 0, 0,
                "the theme has no font for the PDF (a .ttf or .otf under pdf/fonts/); copy the default theme's, or build with --no-pdf");
            return null;
        }

        if (page is null) return null;
        if (engine.Engine is null)
        {
            diagnostics.Warning(DiagnosticCodes.PdfEngineMissing, ".", 0, 0, $"no PDF is made: {engine.Problem}; or pass --no-pdf to say so on purpose");
            return null;
        }

        return new PdfWriter(engine.Engine, new TypstArticle(edition, theme.Strings, page), fonts, sourceDateEpoch, timeout ?? TypstEngine.Timeout);
    }

    /// <inheritdoc/>
    public string Name => "pdf";

    /// <summary>The file's media type, for the landing page's link.</summary>
    public string MediaType => "application/pdf";

    /// <summary>No <c>&lt;link rel="alternate"&gt;</c> in the landing page's head: the PDF is offered by its download link and <c>citation_pdf_url</c>.</summary>
    public string? AlternateTitle => null;

    /// <summary>Where an article's PDF goes in the site.</summary>
    public string PathOf(string slug) => $"{slug}/{slug}.pdf";

    /// <summary>The PDF depends on the compiler's version and on its date (the article's, else SOURCE_DATE_EPOCH); the theme's fonts and strings are in the theme's own key.</summary>
    public string CacheContext(ArticleMetadata metadata) => $"typst-ts-node-compiler {_engine.Version}; date {DateOf(metadata)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

    /// <summary>The article's PDF, offered on its landing page; null when the compiler failed (an error names the article).</summary>
    public ArticleOutput? Write(ArticleWriterInput input, DiagnosticBag diagnostics) =>
        ArticleOutput.Download(Write(input.Article, diagnostics), Name, MediaType, AlternateTitle);

    /// <summary>The article's PDF; null when the compiler failed (an error names the article).</summary>
    public SiteFile? Write(ParsedArticle article, DiagnosticBag diagnostics)
    {
        var path = PathOf(article.Slug);
        var media = article.Content.Media.Where(m => IsImage(m.Path)).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var source = _document.Write(article, media.Select(m => m.Path).ToHashSet(StringComparer.Ordinal), DateOf(article.Metadata));
        var files = media.ToDictionary(m => "/" + m.Path, m => m.Read(), StringComparer.Ordinal);
        TypstResult result;
        try
        {
            result = _engine.Compile(source, _fonts, files, _timeout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            result = new TypstResult(null, $"the compiler could not be run ({e.Message})", []);
        }

        if (result.Pdf is not null) return new SiteFile(path, result.Pdf);
        var messages = result.Messages.Count > 0 ? ": " + string.Join("; ", result.Messages.Take(5)) : string.Empty;
        diagnostics.Error(DiagnosticCodes.PdfCompileFailed, article.Content.MetadataPath, 0, 0,
            $"the article's PDF could not be made: {result.Problem}{messages}. Build with --no-pdf meanwhile, and report it with the article");
        return null;
    }

    // The article's date at midnight, else SOURCE_DATE_EPOCH's day, else none: the PDF's date is never the clock's.
    private DateOnly? DateOf(ArticleMetadata metadata)
    {
        if (PublicationDate.Parse(metadata.Date) is { } date) return new DateOnly(date.Year, date.Month ?? 1, date.Day ?? 1);
        if (_sourceDateEpoch is { } seconds && seconds >= 0 && seconds <= 253402300799) return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        return null;
    }

    private static bool IsFont(string path) =>
        path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase);

    // The images Typst can place; others stay on the web pages (their alt text stands in the PDF).
    private static bool IsImage(string path) =>
        new[] { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" }.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
