using System.Globalization;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EditionBuilder.Render;

/// <summary>Turns an edition's Markdown into the pages of DESIGN.md, "The site": landing, chapters, full text, abstracts, index, 404, robots.txt, assets.</summary>
public sealed class SiteRenderer
{
    private readonly TemplateSet _templates;
    private readonly MarkdownPipeline _pipeline;
    private readonly bool _leaveOutBodies;

    /// <param name="templates">The theme.</param>
    /// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
    public SiteRenderer(TemplateSet templates, bool leaveOutBodies = false)
    {
        _templates = templates;
        _pipeline = EditionMarkdown.CreatePipeline();
        _leaveOutBodies = leaveOutBodies;
    }

    /// <summary>Renders every page in memory; null when an error was reported.</summary>
    public IReadOnlyList<SiteFile>? Render(EditionContent content, DiagnosticBag diagnostics)
    {
        // Articles render in parallel: the Markdig pipeline and parsed templates are shared, each page gets its own renderer and context.
        var rendered = new RenderedArticle?[content.Articles.Count];
        Parallel.For(0, content.Articles.Count, i => rendered[i] = RenderArticle(content.Articles[i], content, diagnostics));
        if (diagnostics.HasErrors) return null;

        var files = rendered.SelectMany(r => r!.Pages).ToList();
        var summaries = rendered.Select(r => r!.Summary).ToList();
        files.AddRange(RenderSitePages(content, summaries, files.Select(f => f.Path).ToList(), diagnostics));
        return diagnostics.HasErrors ? null : files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pages that belong to no one article: the journal index, 404.html, robots.txt, sitemap.xml and the theme's assets.</summary>
    public IReadOnlyList<SiteFile> RenderSitePages(EditionContent content, IReadOnlyList<ArticleSummary> articles, IReadOnlyCollection<string> articlePaths, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        var siteName = content.Edition.NameIn("ar");
        if (content.IsJournal)
        {
            var title = siteName.Length > 0 ? siteName : "المجلة";
            AddPage(files, "index.html", "journal.html", "journal", "ar", "rtl", title, siteName, [], JournalModel(articles, content.Edition), content, diagnostics);
        }

        AddPage(files, "404.html", "404.html", "404", "ar", "rtl", "الصفحة غير موجودة", siteName, [], JournalModel([], content.Edition), content, diagnostics);
        files.Add(SiteFile.Text("robots.txt", RobotsTxt(content.Edition)));
        if (content.Edition.BaseUrl.Length > 0) files.Add(SiteFile.Text("sitemap.xml", Sitemap(content.Edition.BaseUrl, articlePaths.Concat(files.Select(f => f.Path)))));
        foreach (var (path, bytes) in _templates.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            files.Add(new SiteFile("assets/" + path, bytes));
        }

        return files;
    }

    /// <summary>Renders one article's pages (and, for a one-article edition, the root index); null when an error was reported.</summary>
    public RenderedArticle? RenderArticle(ArticleContent article, EditionContent content, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        var siteName = content.Edition.NameIn("ar");
        if (RenderArticle(article, content, siteName, files, diagnostics) is not { } rendered) return null;
        var view = rendered.View;
        if (!content.IsJournal)
        {
            AddPage(files, "index.html", "index.html", "index", "ar", "rtl", view.Title, siteName, Alternates(view), new ArticlePageModel(view), content, diagnostics, rendered.Describe);
        }

        return new RenderedArticle(ArticleViews.Summary(view, article.Metadata), files);
    }

    private static JournalPageModel JournalModel(IReadOnlyList<ArticleSummary> articles, EditionMetadata edition) =>
        new(articles, edition.Publisher)
        {
            Volumes = JournalIndex.Group(articles),
            LicenceInfo = ArticleViews.View(Licences.Find(edition.Licence)),
            Issns = edition.Issns.ToList(),
        };

    private (ArticleView View, Func<string, PageMetadata> Describe)? RenderArticle(ArticleContent article, EditionContent content, string siteName, List<SiteFile> files, DiagnosticBag diagnostics)
    {
        var chapters = article.Chapters.Select(f => Parse(f, diagnostics)).OfType<ParsedChapter>()
            .OrderBy(c => c.FrontMatter.Order).ThenBy(c => c.File.Path, StringComparer.Ordinal).ToList();
        var parsedAbstracts = article.Abstracts.Select(f => Parse(f, diagnostics)).OfType<ParsedChapter>()
            .OrderBy(c => c.FrontMatter.Lang, StringComparer.Ordinal).ToList();
        // The Arabic abstract is shown on the landing page; the others have pages of their own.
        var arabicAbstract = parsedAbstracts.FirstOrDefault(a => a.FrontMatter.Lang == "ar");
        var abstracts = parsedAbstracts.Where(a => a.FrontMatter.Lang != "ar").ToList();
        if (chapters.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, article.MetadataPath, 0, 0, "the article has no chapter");
            return null;
        }

        var noteHome = NoteHomes(chapters, diagnostics);
        if (diagnostics.HasErrors) return null;

        var slug = article.Slug;
        var metadata = article.Metadata;
        var title = metadata.TitleIn("ar");
        var abstractLinks = abstracts.Select(a => new LinkView(a.FrontMatter.Title, $"{slug}/{a.FrontMatter.Lang}/index.html", a.FrontMatter.Lang)).ToList();
        var chapterLinks = chapters.Select(c => new LinkView(ChapterTitle(c, title), $"{slug}/{c.PageName}")).ToList();
        var parts = new ArticleViews.Parts(slug, chapterLinks, abstractLinks, noteHome.Count,
            new HtmlFragment(arabicAbstract is null ? string.Empty : RenderHtml(arabicAbstract, _ => null, isolateLatin: true)), arabicAbstract?.FrontMatter.Title ?? string.Empty);
        var view = ArticleViews.Create(metadata, content.Edition, parts, "ar");
        var alternates = Alternates(view);
        var articleUrl = Absolute(content.Edition, view.Href);
        files.Add(SiteFile.Text($"{slug}/cite.bib", CitationFiles.BibTeX(slug, metadata, articleUrl, content.Edition)));
        files.Add(SiteFile.Text($"{slug}/cite.ris", CitationFiles.Ris(metadata, articleUrl, content.Edition)));
        files.Add(SiteFile.Text($"{slug}/cite.json", CitationFiles.CslJson(slug, metadata, articleUrl, content.Edition)));
        var abstractTexts = abstracts.Select(a => (a.FrontMatter.Lang, a.FrontMatter.Title, PlainText(a.Document))).ToList();
        Func<string, PageMetadata> describe = path => Describe(article, view, abstractTexts, content.Edition, path);

        AddPage(files, $"{slug}/index.html", "article.html", "article", "ar", "rtl", title, siteName, alternates, new ArticlePageModel(view), content, diagnostics, describe);

        var chapterViews = new List<ChapterView>();
        var citesOtherPages = new bool[chapters.Count];
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            var index = i;
            var body = RenderHtml(chapter, n =>
            {
                citesOtherPages[index] = true;
                return noteHome.TryGetValue(n, out var home) ? $"{home}#fn-{n}" : null;
            }, isolateLatin: true);
            var chapterView = new ChapterView(
                chapter.FrontMatter.Order, ChapterTitle(chapter, title), $"chapter-{chapter.FrontMatter.Order}", new HtmlFragment(body),
                i > 0 ? chapterLinks[i - 1] : null, i + 1 < chapters.Count ? chapterLinks[i + 1] : null);
            chapterViews.Add(chapterView);
            AddPage(files, $"{slug}/{chapter.PageName}", "chapter.html", "chapter", "ar", "rtl", $"{chapterView.Title} — {title}", siteName, alternates,
                new ChapterPageModel(view, chapterView), content, diagnostics);
        }

        // The full text shows every chapter's notes on the same page, so every reference is an in-page link.
        // A chapter that cites no note of another chapter reads the same there; only the others are rendered again.
        var fullText = chapters.Select((c, i) => citesOtherPages[i] ? chapterViews[i] with { Body = new HtmlFragment(RenderHtml(c, n => $"#fn-{n}", isolateLatin: true)) } : chapterViews[i]).ToList();
        AddPage(files, $"{slug}/full.html", "fulltext.html", "fulltext", "ar", "rtl", title, siteName, alternates, new FullTextPageModel(view, fullText), content, diagnostics, describe);

        foreach (var summary in abstracts)
        {
            var lang = summary.FrontMatter.Lang;
            var others = abstractLinks.Where(l => l.Lang != lang).ToList();
            var abstractView = new AbstractView(lang, summary.FrontMatter.Title, new HtmlFragment(RenderHtml(summary, _ => null, isolateLatin: false)), others);
            AddPage(files, $"{slug}/{lang}/index.html", "abstract.html", "abstract", lang, "ltr", summary.FrontMatter.Title, content.Edition.NameIn(lang), alternates,
                new AbstractPageModel(ArticleViews.Create(metadata, content.Edition, parts, lang), abstractView), content, diagnostics);
        }

        return (view, describe);
    }

    /// <summary>A page's machine-readable description: meta tags and JSON-LD.</summary>
    private sealed record PageMetadata(IReadOnlyList<ScholarlyMetadata.MetaTag> Tags, RawHtml JsonLd);

    private static PageMetadata Describe(ArticleContent article, ArticleView view, IReadOnlyList<(string Lang, string Title, string Text)> abstracts, EditionMetadata edition, string pagePath)
    {
        // Without a base URL the addresses are relative to the page, which is all the edition knows.
        string Url(string path) => Absolute(edition, path) ?? Relative(pagePath, path);
        var abstractUrls = view.Abstracts.ToDictionary(a => a.Lang, a => Url(a.Href), StringComparer.Ordinal);
        var tags = ScholarlyMetadata.Tags(article.Metadata, edition, Absolute(edition, view.Href), abstractUrls, Url(view.FullTextHref));
        var jsonLd = ScholarlyMetadata.JsonLd(article.Metadata, edition, abstracts.Select(a => (a.Lang, a.Title, a.Text)).ToList(), Absolute(edition, view.Href));
        return new PageMetadata(tags, new RawHtml(jsonLd));
    }

    private static string? Absolute(EditionMetadata edition, string path) =>
        edition.BaseUrl.Length > 0 ? edition.BaseUrl.TrimEnd('/') + "/" + path : null;

    private static string Relative(string fromPage, string path) =>
        SiteFile.RootOf(fromPage) + path;

    private static string PlainText(MarkdownDocument document) =>
        string.Join("\n\n", document.OfType<ParagraphBlock>().Select(p => string.Concat(p.Inline?.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()) ?? [])));

    private static string ChapterTitle(ParsedChapter chapter, string articleTitle) =>
        string.IsNullOrWhiteSpace(chapter.FrontMatter.Title) ? articleTitle : chapter.FrontMatter.Title;

    private static List<LinkView> Alternates(ArticleView article) =>
        [new LinkView(article.Title, article.Href, "ar"), .. article.Abstracts];

    private ParsedChapter? Parse(MarkdownFile file, DiagnosticBag diagnostics)
    {
        var parts = FrontMatter.Split(file.Text);
        var front = FrontMatter.Read(file.Path, parts.Yaml, diagnostics);
        if (front is null) return null;
        var document = Markdig.Markdown.Parse(parts.Body, _pipeline);
        return new ParsedChapter(file, front, document, parts.BodyLine);
    }

    // Where each note is defined; every reference must find its note on its page or another chapter's.
    private static Dictionary<int, string> NoteHomes(List<ParsedChapter> chapters, DiagnosticBag diagnostics)
    {
        var homes = new Dictionary<int, string>();
        foreach (var chapter in chapters)
        {
            foreach (var definition in chapter.Document.Descendants<NoteDefinition>())
            {
                if (!homes.TryAdd(definition.Number, chapter.PageName))
                {
                    diagnostics.Error(DiagnosticCodes.ChapterNoteDuplicate, chapter.File.Path, definition.Line + chapter.BodyLine, 1,
                        $"note {definition.Number} is defined twice in this article (also in {homes[definition.Number]})");
                }
            }
        }

        foreach (var chapter in chapters)
        {
            foreach (var reference in chapter.Document.Descendants<NoteReferenceInline>().Where(r => r.Definition is null && !homes.ContainsKey(r.Number)))
            {
                diagnostics.Error(DiagnosticCodes.ChapterNoteUndefined, chapter.File.Path, reference.Line + chapter.BodyLine, reference.Column + 1,
                    $"reference [^{reference.Number}] has no note {reference.Number} in any chapter");
            }
        }

        return homes;
    }

    private string RenderHtml(ParsedChapter chapter, Func<int, string?> externalNoteHref, bool isolateLatin)
    {
        var document = chapter.Document;
        var paragraphs = document.OfType<ParagraphBlock>().ToList();
        if (isolateLatin && document.GetData(IsolatedKey) is null)
        {
            LatinRunIsolator.Isolate(paragraphs);
            AnchorParagraphs(chapter.FrontMatter.Order, paragraphs);
            document.SetData(IsolatedKey, true);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.FindExact<HtmlNoteReferenceRenderer>()!.ExternalNoteHref = externalNoteHref;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static readonly object IsolatedKey = new();

    // Stable ids p-<chapter>-<paragraph> and a small visible number, so a scholar can cite and link "paragraph 3.7".
    private static void AnchorParagraphs(int chapter, List<ParagraphBlock> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var number = $"{chapter.ToString(CultureInfo.InvariantCulture)}.{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var id = $"p-{chapter.ToString(CultureInfo.InvariantCulture)}-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            paragraphs[i].GetAttributes().Id = id;
            if (paragraphs[i].Inline?.FirstChild is { } first)
            {
                first.InsertBefore(new Markdig.Syntax.Inlines.HtmlInline($"<a class=\"para\" href=\"#{id}\" aria-label=\"الفقرة {number}\">{number}</a> "));
            }
        }
    }

    private void AddPage(List<SiteFile> files, string path, string template, string kind, string lang, string dir, string title, string siteName,
        IReadOnlyList<LinkView> alternates, object model, EditionContent content, DiagnosticBag diagnostics, Func<string, PageMetadata>? describe = null)
    {
        var root = SiteFile.RootOf(path);
        var canonical = Absolute(content.Edition, path) ?? string.Empty;
        var metadata = describe?.Invoke(path);
        var page = new PageView(kind, lang, dir, title, root, siteName, path, alternates, canonical, metadata?.Tags ?? [], metadata?.JsonLd ?? new RawHtml(string.Empty));
        var leftOut = _leaveOutBodies ? new List<HtmlFragment>() : null;
        var body = _templates.Render(template, page, model, diagnostics, leftOut);
        if (body is null) return;
        var html = _templates.Render("layout.html", page, new RawHtml(body), diagnostics, leftOut);
        if (html is null) return;
        files.Add(SiteFile.Text(path, html) with { Fragments = leftOut is { Count: > 0 } ? leftOut : null });
    }

    private static string RobotsTxt(EditionMetadata edition) =>
        "User-agent: *\nAllow: /\n" + (edition.BaseUrl.Length > 0 ? $"Sitemap: {edition.BaseUrl.TrimEnd('/')}/sitemap.xml\n" : string.Empty);

    private static string Sitemap(string baseUrl, IEnumerable<string> paths)
    {
        var builder = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html").Distinct().Order(StringComparer.Ordinal))
        {
            builder.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(baseUrl.TrimEnd('/') + "/" + path)).Append("</loc></url>\n");
        }

        return builder.Append("</urlset>\n").ToString();
    }
}
