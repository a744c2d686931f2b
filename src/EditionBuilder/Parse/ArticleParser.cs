using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Paragraphs;
using EditionBuilder.Markdown.References;
using EditionBuilder.Markdown.Safety;
using Markdig;
using Markdig.Syntax;

namespace EditionBuilder.Parse;

/// <summary>The parse stage: reads an article's Markdown files with Markdig and the edition's extensions, orders its chapters and checks what spans files (slugs, notes).</summary>
public sealed class ArticleParser
{
    /// <summary>Chapter slugs that would collide with the article's own pages.</summary>
    private static readonly HashSet<string> ReservedSlugs = new(StringComparer.Ordinal) { "index", "full", "cite", "media", "en", "fr", "ar" };

    public ArticleParser() => Pipeline = EditionMarkdown.CreatePipeline();

    /// <summary>The Markdig pipeline the chapters were parsed with; writers render with it.</summary>
    public MarkdownPipeline Pipeline { get; }

    /// <summary>Parses an article; null when an error was reported.</summary>
    public ParsedArticle? Parse(ArticleContent article, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var chapters = article.Chapters.Select(f => Parse(f, diagnostics)).OfType<ParsedChapter>()
            .OrderBy(c => c.FrontMatter.Order).ThenBy(c => c.File.Path, StringComparer.Ordinal).ToList();
        var abstracts = article.Abstracts.Select(f => Parse(f, diagnostics)).OfType<ParsedChapter>()
            .OrderBy(c => c.FrontMatter.Lang, StringComparer.Ordinal).ToList();
        var references = article.References is { } referencesFile ? ParseReferences(referencesFile, diagnostics) : null;
        if (diagnostics.ErrorCount > errorsBefore) return null;
        if (chapters.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, article.MetadataPath, 0, 0, "the article has no chapter");
            return null;
        }

        foreach (var chapter in chapters)
        {
            // Body text only: Latin runs isolated for right-to-left display, paragraphs given their stable anchors.
            LatinRunIsolator.Isolate(chapter.Document.OfType<ParagraphBlock>());
            ParagraphAnchors.Add(chapter.FrontMatter.Order, chapter.Document);
        }

        // The Arabic abstract (ar/abstract.md) is right-to-left body text too.
        foreach (var summary in abstracts.Where(a => a.FrontMatter.Lang == "ar")) LatinRunIsolator.Isolate(summary.Document.OfType<ParagraphBlock>());

        CheckSlugs(chapters, diagnostics, references is not null);
        var notes = NoteLocations.Build(chapters.Select(c => c.NoteSource).ToList(), diagnostics);
        return diagnostics.ErrorCount > errorsBefore ? null : new ParsedArticle(article, chapters, abstracts, notes) { References = references };
    }

    /// <summary>Parses a reference list file (ar/references.md); null when its front matter or body has errors.</summary>
    public ParsedReferences? ParseReferences(MarkdownFile file, DiagnosticBag diagnostics)
    {
        if (Parse(file, diagnostics) is not { } parsed) return null;
        if (parsed.FrontMatter.Slug != ParsedReferences.Slug)
        {
            diagnostics.Error(DiagnosticCodes.ReferencesSlug, file.Path, FrontMatter.LineOf(file.Text, "slug"), 1,
                $"the reference list's slug is '{ParsedReferences.Slug}' (its page is {ParsedReferences.PageName}), not '{parsed.FrontMatter.Slug}'");
            return null;
        }

        var items = ReferenceList.Read(parsed.Document, file.Path, parsed.BodyLine, parsed.FrontMatter.Lang, parsed.FrontMatter.Dir, diagnostics);
        return items is null ? null : new ParsedReferences(parsed, items);
    }

    /// <summary>Parses one chapter or abstract file; null when its front matter or body has errors.</summary>
    public ParsedChapter? Parse(MarkdownFile file, DiagnosticBag diagnostics)
    {
        var parts = FrontMatter.Split(file.Text);
        var front = FrontMatter.Read(file.Path, parts.Yaml, diagnostics, parts.Unclosed);
        if (front is null) return null;
        if (NestingGuard.FirstTooDeep(parts.Body) is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.NestedTooDeep, file.Path, deep.Line + parts.BodyLine - 1, 1,
                $"quotes or lists are nested {deep.Depth} levels deep here; at most {NestingGuard.MaxDepth} are read");
            return null;
        }

        try
        {
            var document = Markdig.Markdown.Parse(parts.Body, Pipeline);
            WarnDroppedLinks(file.Path, parts.BodyLine, document, diagnostics);
            return new ParsedChapter(file, front, document, parts.BodyLine);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own limit, for nesting the guard does not count (inline markup, tables).
            diagnostics.Error(DiagnosticCodes.NestedTooDeep, file.Path, parts.BodyLine, 1, "the Markdown is nested too deeply to be read (quotes, lists, emphasis or links within one another)");
            return null;
        }
    }

    // A link the page would not keep (javascript:, data:, file:…) or an image from outside the site is shown as its text: said at its place.
    private static void WarnDroppedLinks(string path, int bodyLine, MarkdownDocument document, DiagnosticBag diagnostics)
    {
        foreach (var link in LinkSanitizer.DroppedIn(document))
        {
            var shown = link.Url.Length <= 60 ? link.Url : link.Url[..57] + "…";
            var message = link.IsImage
                ? $"the image '{shown}' is not a file of the article (media/…): nothing is loaded from outside the site, so only its alternative text is shown; put the image under ar/media/ and write ![text](media/name.png)"
                : $"the link to '{shown}' is shown as plain text: a page links only to http(s), mailto and files of the site (a {LinkSanitizer.SchemeOf(link.Url)}: link could run a script or open a file on the reader's computer)";
            diagnostics.Warning(DiagnosticCodes.BrokenLink, path, link.Line + bodyLine, link.Column + 1, message);
        }
    }

    // Each chapter is a page of the article's folder: its slug must name no other page, and no two chapters may share one.
    private static void CheckSlugs(IReadOnlyList<ParsedChapter> chapters, DiagnosticBag diagnostics, bool hasReferences)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            var slug = chapter.FrontMatter.Slug;
            if (hasReferences && slug == ParsedReferences.Slug)
            {
                diagnostics.Error(DiagnosticCodes.ChapterSlugIsReferences, chapter.File.Path, FrontMatter.LineOf(chapter.File.Text, "slug"), 1,
                    $"the slug '{slug}' names the page of the article's reference list (ar/references.md); choose another (e.g. '{chapter.FrontMatter.Order:00}-{slug}')");
            }
            else if (ReservedSlugs.Contains(slug))
            {
                diagnostics.Error(DiagnosticCodes.ChapterSlugReserved, chapter.File.Path, FrontMatter.LineOf(chapter.File.Text, "slug"), 1,
                    $"the slug '{slug}' names one of the article's own pages; choose another (e.g. '{chapter.FrontMatter.Order:00}-{slug}')");
            }
            else if (!seen.TryAdd(slug, chapter.File.Path))
            {
                diagnostics.Error(DiagnosticCodes.ChapterSlugDuplicate, chapter.File.Path, FrontMatter.LineOf(chapter.File.Text, "slug"), 1,
                    $"the slug '{slug}' is also the slug of {seen[slug]}; each chapter needs its own");
            }
        }
    }
}
