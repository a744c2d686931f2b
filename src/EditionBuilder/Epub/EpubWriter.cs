using System.Text;
using System.Text.RegularExpressions;
using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markup;
using EditionBuilder.Model;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Markdig;
using Markdig.Syntax;

namespace EditionBuilder.Epub;

/// <summary>The EPUB stage: one parsed article (the same the site renders) into an EPUB 3 book, <c>&lt;slug&gt;/&lt;slug&gt;.epub</c>: a title page, the navigation document in Arabic, one XHTML document per chapter and one per abstract, the theme's e-reader stylesheet and font; right-to-left page progression; the same bytes for the same inputs.</summary>
public sealed partial class EpubWriter : Writers.IArticleWriter
{
    /// <summary>The templates the theme must have for the book (templates/epub/).</summary>
    public static readonly string[] Templates = ["epub/layout.html", "epub/title.html", "epub/nav.html", "epub/chapter.html", "epub/abstract.html", "epub/references.html"];

    private const string NavHref = "nav.xhtml";
    private const string TitlePageHref = "title.xhtml";

    // Beside the chapters, so the images a reference may show are found at the same media/ path.
    private const string ReferencesHref = "chapters/references.xhtml";

    private readonly Theme _theme;
    private readonly EditionMetadata _edition;
    private readonly ChapterXhtml _xhtml;
    private readonly EpubStyle _style;
    private readonly long? _sourceDateEpoch;

    private EpubWriter(Theme theme, EditionMetadata edition, ChapterXhtml xhtml, EpubStyle style, long? sourceDateEpoch)
    {
        _theme = theme;
        _edition = edition;
        _xhtml = xhtml;
        _style = style;
        _sourceDateEpoch = sourceDateEpoch;
    }

    [GeneratedRegex("^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    /// <summary>The book's path in the site.</summary>
    public static string PathOf(string slug) => $"{slug}/{slug}.epub";

    /// <summary>A writer for a build; null (with errors naming the theme's files) when the theme lacks what a book needs.</summary>
    /// <param name="theme">The theme (its epub/ templates and stylesheet, the fonts of its assets/, its note markup and strings, shared with the web edition).</param>
    /// <param name="edition">The edition the articles belong to.</param>
    /// <param name="pipeline">The pipeline the chapters were parsed with.</param>
    /// <param name="sourceDateEpoch">SOURCE_DATE_EPOCH, the date of a book whose article has none.</param>
    /// <param name="diagnostics">Where the theme's problems go.</param>
    public static EpubWriter? Create(Theme theme, EditionMetadata edition, MarkdownPipeline pipeline, long? sourceDateEpoch, DiagnosticBag diagnostics)
    {
        foreach (var missing in Templates.Where(t => !theme.Has(t)))
        {
            diagnostics.Error(DiagnosticCodes.EpubThemeIncomplete, theme.PathOf(missing), 0, 0,
                "the theme has no such e-book template; add it (see the default theme's epub/ folder) or build with --no-epub");
        }

        // The book's templates are held to what the site's pages are: no script, no handler, nothing from outside.
        var safe = EpubTemplates.Check(theme, EpubTemplates.Of(theme), diagnostics);
        var style = EpubStyle.From(theme, diagnostics);
        return style is null || !safe || Templates.Any(t => !theme.Has(t)) ? null : new EpubWriter(theme, edition, new ChapterXhtml(pipeline, theme.NoteOptions()), style, sourceDateEpoch);
    }

    /// <inheritdoc/>
    public string Name => "epub";

    /// <summary>The book's media type, for the landing page's link.</summary>
    public string MediaType => "application/epub+zip";

    /// <summary>No <c>&lt;link rel="alternate"&gt;</c> in the landing page's head: the book is offered by its download link.</summary>
    public string? AlternateTitle => null;

    /// <summary>The book's date: a book whose article has no date is dated by SOURCE_DATE_EPOCH.</summary>
    public string CacheContext(ArticleMetadata metadata) => "book of " + EpubDate.Format(ModifiedOf(metadata));

    /// <summary>The instant a book says it was last modified (see <see cref="EpubDate"/>); the build cache keys the book on it.</summary>
    public DateTimeOffset ModifiedOf(ArticleMetadata metadata) => EpubDate.Modified(metadata.Date, _sourceDateEpoch);

    /// <summary>The article's book, offered on its landing page; null when a template reported an error.</summary>
    public Writers.ArticleOutput? Write(Writers.ArticleWriterInput input, DiagnosticBag diagnostics) =>
        Writers.ArticleOutput.Download(Write(input.Article, diagnostics), Name, MediaType, AlternateTitle);

    /// <summary>The article's book; null when a template reported an error.</summary>
    public SiteFile? Write(ParsedArticle article, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        WarnUnstorable(article, diagnostics);
        var metadata = article.Metadata;
        var chapterHrefs = article.Chapters.Select(c => $"chapters/{c.FrontMatter.Slug}.xhtml").ToList();
        var abstractHrefs = article.Abstracts.Select((a, i) => $"abstract-{(LanguageTag().IsMatch(a.FrontMatter.Lang) ? a.FrontMatter.Lang : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}.xhtml").ToList();
        var book = View(article, chapterHrefs, abstractHrefs) with
        {
            References = article.References is { } list ? new LinkView(list.Title, ReferencesHref, list.Lang) : null,
        };

        var files = new List<EpubFile>();
        var madeBy = new Dictionary<string, string>(StringComparer.Ordinal); // each document's template, to name it if the document is not XML
        void Add(string href, string id, string properties, EpubPageView page, string template, object model)
        {
            if (Document(page, template, model, diagnostics) is not { } bytes) return;
            EpubTemplates.CheckDocument(PathOf(article.Slug), href, Encoding.UTF8.GetString(bytes), diagnostics);
            files.Add(new EpubFile(href, id, "application/xhtml+xml", bytes, properties, InSpine: true));
            madeBy[href] = template;
        }

        var title = book.Title;
        Add(TitlePageHref, "title-page", string.Empty, new EpubPageView("title", "ar", "rtl", title, string.Empty, "frontmatter"), "epub/title.html", new EpubModel(book));
        Add(NavHref, "nav", "nav", new EpubPageView("nav", "ar", "rtl", title, string.Empty, string.Empty), "epub/nav.html", new EpubModel(book));

        var notes = NotePlaces(article.Chapters, chapterHrefs);
        for (var i = 0; i < article.Chapters.Count; i++)
        {
            var chapter = article.Chapters[i];
            var href = chapterHrefs[i];
            var body = _xhtml.Render(chapter,
                n => notes.Definitions.TryGetValue(n, out var home) && home.Href != href ? new NoteTarget($"{FileName(home.Href)}#{n.HtmlId}", home.Mark) : null,
                n => notes.References.TryGetValue(n, out var places) ? places.Select(p => p.Href == href ? $"#{p.Id}" : $"{FileName(p.Href)}#{p.Id}").ToList() : []);
            var chapterTitle = book.Chapters[i].Title;
            var order = chapter.FrontMatter.Order;
            Add(href, $"chapter-{i + 1}", string.Empty, new EpubPageView("chapter", "ar", "rtl", chapterTitle, "../", "bodymatter"), "epub/chapter.html",
                new EpubChapterModel(book, order, chapterTitle, $"chapter-{order}", new HtmlFragment(body)));
        }

        if (article.References is { } references)
        {
            var dir = references.Dir is "ltr" ? "ltr" : "rtl";
            var body = _xhtml.Render(references.File, _ => null, _ => []);
            Add(ReferencesHref, "references", string.Empty, new EpubPageView("references", references.Lang, dir, references.Title, "../", "backmatter"), "epub/references.html",
                new EpubReferencesModel(book, references.Lang, dir, references.Title, new HtmlFragment(body)));
        }

        for (var i = 0; i < article.Abstracts.Count; i++)
        {
            var summary = article.Abstracts[i];
            var lang = summary.FrontMatter.Lang;
            var dir = summary.FrontMatter.Dir is "rtl" ? "rtl" : "ltr";
            var body = _xhtml.Render(summary, _ => null, _ => []);
            // The article's title in the abstract's language, as article.yml gives it (the web's abstract pages do the same).
            var abstractTitle = metadata.Title.TryGetValue(lang, out var given) && !string.IsNullOrWhiteSpace(given) ? given.Trim() : summary.FrontMatter.Title;
            Add(abstractHrefs[i], $"abstract-{i + 1}", string.Empty, new EpubPageView("abstract", lang, dir, abstractTitle, string.Empty, "backmatter"), "epub/abstract.html",
                new EpubAbstractModel(book, lang, abstractTitle, new HtmlFragment(body)));
        }

        if (diagnostics.ErrorCount > errorsBefore) return null;
        files.AddRange(_style.Files);
        files.AddRange(MediaOf(article, diagnostics));

        var modified = ModifiedOf(metadata);
        var package = PackageDocument.Write(Metadata(article, modified), files);
        foreach (var (name, bytes) in files.Where(f => f.MediaType == "application/xhtml+xml").Select(f => (f.Href, f.Bytes)).Append(("package.opf", Encoding.UTF8.GetBytes(package))))
        {
            if (WellFormedness.Problem(bytes) is { } problem)
            {
                // A theme's template that is not XML is the theme's error at its line; only a document our own parts broke is ours.
                if (madeBy.TryGetValue(name, out var template) && EpubTemplates.ReportNotXml(_theme, [template, "epub/layout.html", .. EpubTemplates.Of(_theme)], diagnostics)) break;
                diagnostics.Error(DiagnosticCodes.EpubNotWellFormed, PathOf(article.Slug), 0, 0,
                    $"internal error: the book's {name} is not well-formed XML ({problem}); please report it with the article");
            }
        }

        if (diagnostics.ErrorCount > errorsBefore) return null;
        return new SiteFile(PathOf(article.Slug), OcfArchive.Zip(package, files, EpubDate.ZipTime(modified)));
    }

    // The images the chapters show (media/… beside the chapter documents, as on the site), as the one image rule publishes them
    // (a refused file is the site's error at the file, MediaFiles). EPUB 3.0's core media types have no WebP: such an image stays on the web pages only.
    private static List<EpubFile> MediaOf(ParsedArticle article, DiagnosticBag diagnostics)
    {
        var files = new List<EpubFile>();
        foreach (var media in article.Content.Media.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            if (ImageRule.Check(media.Read(), media.Path).Bytes is not { } published) continue;
            if (EpubFile.MediaTypeOf(media.Path) is not { } type || !type.StartsWith("image/", StringComparison.Ordinal))
            {
                diagnostics.Warning(DiagnosticCodes.EpubMediaLeftOut, media.Where, 0, 0,
                    "an EPUB 3.0 book can hold PNG, JPEG, GIF and SVG images, not this one: the web pages show it, the book leaves it out; save it as PNG or JPEG to have it in both");
                continue;
            }

            files.Add(new EpubFile("chapters/" + media.Path, $"media-{files.Count + 1}", type, published));
        }

        return files;
    }

    // One document: the page's template inside the layout, as UTF-8 XML whose every character XML can hold.
    private byte[]? Document(EpubPageView page, string template, object model, DiagnosticBag diagnostics)
    {
        var body = _theme.Render(template, page.Lang, page, model, diagnostics);
        if (body is null) return null;
        var document = _theme.Render("epub/layout.html", page.Lang, page, model, diagnostics, content: new RawHtml(body));
        return document is null ? null : Encoding.UTF8.GetBytes(XmlText.Storable(document));
    }

    private EpubView View(ParsedArticle article, IReadOnlyList<string> chapterHrefs, IReadOnlyList<string> abstractHrefs)
    {
        var metadata = article.Metadata;
        var title = metadata.TitleIn("ar");
        var chapters = article.Chapters.Select((c, i) => new LinkView(string.IsNullOrWhiteSpace(c.FrontMatter.Title) ? title : c.FrontMatter.Title, chapterHrefs[i])).ToList();
        // Each abstract's link reads in its own direction, as its document does: an Arabic abstract right to left.
        var abstracts = article.Abstracts.Select((a, i) => new LinkView(a.FrontMatter.Title, abstractHrefs[i], a.FrontMatter.Lang, a.FrontMatter.Dir is "rtl" ? "rtl" : "ltr")).ToList();
        return new EpubView(
            title, metadata.TitleIn("en"), metadata.TitleIn("fr"), Authors(metadata), metadata.Journal.Trim(), metadata.Volume.Trim(), metadata.Issue.Trim(),
            metadata.Date.Trim(), _edition.Publisher.Trim(), Rights(metadata), Citation.Format(metadata, "ar", _theme.Strings.Get("ar", "list_separator")), _edition.NameIn("ar"),
            TitlePageHref, NavHref, chapters, abstracts)
        {
            CitationParts = Citation.Parts(metadata, "ar", _theme.Strings.Get("ar", "list_separator")),
        };
    }

    private EpubMetadata Metadata(ParsedArticle article, DateTimeOffset modified)
    {
        var metadata = article.Metadata;
        var title = metadata.TitleIn("ar");
        var others = new[] { "en", "fr" }
            .Where(l => metadata.Title.TryGetValue(l, out var t) && !string.IsNullOrWhiteSpace(t) && t.Trim() != title)
            .Select(l => (l, metadata.Title[l].Trim())).ToList();
        var languages = new List<string> { "ar" };
        languages.AddRange(article.Abstracts.Select(a => a.FrontMatter.Lang).Where(l => LanguageTag().IsMatch(l) && !languages.Contains(l)).Distinct());
        return new EpubMetadata(
            EpubIdentifier.For(article.Slug, metadata, _edition), title, others, Authors(metadata), languages,
            EpubDate.Published(metadata.Date), _edition.Publisher.Trim(), Rights(metadata), modified);
    }

    private static List<string> Authors(ArticleMetadata metadata) => metadata.Authors.Select(a => a.NameIn("ar").Trim()).Where(a => a.Length > 0).ToList();

    private string Rights(ArticleMetadata metadata) => metadata.Licence.Trim().Length > 0 ? metadata.Licence.Trim() : _edition.Licence.Trim();

    private static string FileName(string href) => href[(href.LastIndexOf('/') + 1)..];

    /// <summary>Where each note is defined and where each of its references stands, by chapter document.</summary>
    private sealed record Places(Dictionary<NoteKey, (string Href, string Mark)> Definitions, Dictionary<NoteKey, List<(string Href, string Id)>> References);

    private static Places NotePlaces(IReadOnlyList<ParsedChapter> chapters, IReadOnlyList<string> hrefs)
    {
        var definitions = new Dictionary<NoteKey, (string, string)>();
        var references = new Dictionary<NoteKey, List<(string, string)>>();
        for (var i = 0; i < chapters.Count; i++)
        {
            foreach (var definition in chapters[i].Document.Descendants<NoteDefinition>()) definitions.TryAdd(definition.Key, (hrefs[i], definition.Mark));
            foreach (var reference in chapters[i].Document.Descendants<NoteReferenceInline>())
            {
                if (!references.TryGetValue(reference.Key, out var list)) references[reference.Key] = list = [];
                list.Add((hrefs[i], reference.Id));
            }
        }

        return new Places(definitions, references);
    }

    // XML has no place for U+FFFE, U+FFFF or most C0 controls: the book shows U+FFFD there; say where.
    private static void WarnUnstorable(ParsedArticle article, DiagnosticBag diagnostics)
    {
        foreach (var file in article.Chapters.Concat(article.Abstracts).Select(c => c.File).Concat(article.References is { } r ? [r.File.File] : []))
        {
            var reported = 0;
            for (var at = XmlText.FirstUnstorable(file.Text); at >= 0 && reported < 20; at = XmlText.FirstUnstorable(file.Text, at + 1))
            {
                var c = file.Text[at];
                if (Model.ControlCharacters.IsSuspicious(c)) continue; // shown as a visible mark, as on the site
                var lineStart = at == 0 ? 0 : file.Text.LastIndexOf('\n', at - 1) + 1;
                var line = file.Text.AsSpan(0, at).Count('\n') + 1;
                diagnostics.Warning(DiagnosticCodes.EpubUnstorableCharacter, file.Path, line, at - lineStart + 1,
                    $"U+{(int)c:X4} cannot be stored in the e-book (XML has no place for it); the book shows U+FFFD there");
                reported++;
            }
        }
    }
}
