using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Epub;
using EditionBuilder.Feeds;
using EditionBuilder.Jats;
using EditionBuilder.Journal;
using EditionBuilder.Pdf;
using EditionBuilder.Render;
using EditionBuilder.Themes;
using EditionBuilder.Writers;
using Markdig;

namespace EditionBuilder.Pipeline;

/// <summary>Every output of a build, in the order it runs: adding a writer is one line in <see cref="Default"/> (and its theme string <c>{name}_download</c>); a build takes its registry from <see cref="BuildOptions.Writers"/>.</summary>
/// <param name="articleWriters">The article writers in order: each one's input holds the downloads of those before it, so the pages come last.</param>
/// <param name="editionWriters">The edition writers in order, run once the articles are built: the site's own pages last, so the sitemap lists every page.</param>
public sealed class WriterRegistry(IReadOnlyList<ArticleWriterEntry> articleWriters, IReadOnlyList<EditionWriterEntry> editionWriters)
{
    /// <summary>The writers of <c>edition build</c>.</summary>
    public static WriterRegistry Default { get; } = new(
    [
        new("epub", "the EPUB e-book <article>.epub beside each article's pages",
            (setup, diagnostics) => EpubWriter.Create(setup.Theme, setup.Edition, setup.Pipeline, setup.SourceDateEpoch, diagnostics)),
        new("jats", "the JATS XML file <article>.xml beside each article's pages",
            (setup, _) => new JatsWriter(setup.Edition, setup.Theme.Strings.Get("ar", "archived_copy"))),
        new("pdf", "the PDF <article>.pdf beside each article's pages (set by Typst, from tools/node_modules)",
            (setup, diagnostics) => PdfWriter.Create(setup.Theme, setup.Edition, TypstEngine.Find(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory), setup.SourceDateEpoch, diagnostics)),
        ArticleWriterEntry.Always(ArticlePagesWriter.WriterName, "each article's pages, media and citation files",
            (setup, _) => ArticlePagesWriter.Create(setup.Theme, setup.Site, setup.Pipeline, setup.LeaveOutBodies)),
    ],
    [
        new("feed", "the Atom feed feed.xml (written when edition.yml sets base_url)", (_, _) => new AtomFeedWriter()),
        new("oai", "the OAI-PMH static repository oai.xml (written when edition.yml sets base_url and oai: { gateway, email })", (_, _) => new OaiStaticRepositoryWriter()),
        new("issues", "a page per issue of a journal, issues/<volume-issue>/index.html", (_, _) => new IssuePages()),
        new("homes", "a journal's home pages in English and French, en/index.html and fr/index.html", (_, _) => new JournalHomes()),
        EditionWriterEntry.Always(SitePagesWriter.WriterName, "the journal index, 404.html, the search page, robots.txt, sitemap.xml and the theme's assets",
            (setup, _) => SitePagesWriter.Create(setup.Theme, setup.Site, setup.LeaveOutBodies)),
    ]);

    /// <summary>The article writers, in the order they run.</summary>
    public IReadOnlyList<ArticleWriterEntry> ArticleWriters { get; } = articleWriters;

    /// <summary>The edition writers (feeds, OAI-PMH, issue pages, home pages in other languages, the site's own pages), in the order they run.</summary>
    public IReadOnlyList<EditionWriterEntry> EditionWriters { get; } = editionWriters;

    /// <summary>This registry with <paramref name="writer"/> run just before the article writer named <paramref name="before"/> (the pages, so they offer its download).</summary>
    public WriterRegistry WithArticleWriter(ArticleWriterEntry writer, string before = ArticlePagesWriter.WriterName)
    {
        var at = ArticleWriters.Select(w => w.Name).ToList().IndexOf(before);
        if (at < 0) throw new ArgumentException($"no article writer is named {before}", nameof(before));
        return new WriterRegistry([.. ArticleWriters.Take(at), writer, .. ArticleWriters.Skip(at)], EditionWriters);
    }

    /// <summary>The article writers a build runs (every registered one not left out); null when one could not be made (its errors reported).</summary>
    public IReadOnlyList<IArticleWriter>? CreateArticleWriters(WriterSetup setup, IReadOnlySet<string> leftOut, DiagnosticBag diagnostics)
    {
        var writers = new List<IArticleWriter>();
        var failed = false;
        foreach (var entry in ArticleWriters)
        {
            if (entry.Optional && leftOut.Contains(entry.Name)) continue;
            var errorsBefore = diagnostics.ErrorCount;
            if (entry.Create(setup, diagnostics) is { } writer) writers.Add(writer);
            // No writer and no error: its program is not installed (a warning said so), and the build goes on without its files.
            else if (diagnostics.ErrorCount > errorsBefore) failed = true;
        }

        return failed ? null : writers;
    }

    /// <summary>The edition writers a build runs (every registered one not left out); null when one could not be made (its errors reported).</summary>
    public IReadOnlyList<IEditionWriter>? CreateEditionWriters(WriterSetup setup, IReadOnlySet<string> leftOut, DiagnosticBag diagnostics)
    {
        var writers = new List<IEditionWriter>();
        var failed = false;
        foreach (var entry in EditionWriters)
        {
            if (entry.Optional && leftOut.Contains(entry.Name)) continue;
            if (entry.Create(setup, diagnostics) is { } writer) writers.Add(writer);
            else failed = true;
        }

        return failed ? null : writers;
    }

    /// <summary>Whether the writer named so reports on a stage line of its own: one that cannot be left out makes the site's pages, which the render line counts.</summary>
    public bool HasOwnStage(string name) =>
        ArticleWriters.Any(w => w.Name == name && w.Optional) || EditionWriters.Any(w => w.Name == name && w.Optional);

    /// <summary>What the edition writers that run add to every page (the feed's link) and to the journal's index (the issue pages, the homes in other languages).</summary>
    public static SiteContext Announce(SiteContext site, EditionContent content, IReadOnlySet<string> leftOut) => site with
    {
        FeedPath = !leftOut.Contains("feed") && AtomFeedWriter.Writes(content.Edition) ? AtomFeedWriter.FeedPath : null,
        IssuePages = content.IsJournal && !leftOut.Contains("issues"),
        HomeLanguages = content.IsJournal && !leftOut.Contains("homes") ? JournalHomes.Languages : [],
    };

    /// <summary>Every writer that can be left out, article writers first: the <c>--no-{name}</c> options.</summary>
    public IEnumerable<(string Name, string Description)> Options =>
        ArticleWriters.Where(w => w.Optional).Select(w => (w.Name, w.Description)).Concat(EditionWriters.Where(w => w.Optional).Select(w => (w.Name, w.Description)));
}

/// <summary>What a writer is made from in a build: the theme, the site (the edition's metadata and what its pages link), the Markdig pipeline the chapters were parsed with, and SOURCE_DATE_EPOCH (the date of a file whose article has none; a build never reads the clock).</summary>
/// <param name="LeaveOutBodies">Pages keep their Markdown bodies apart so the build minifies each once (see <see cref="ArticlePagesWriter.Create"/>).</param>
public sealed record WriterSetup(Theme Theme, SiteContext Site, MarkdownPipeline Pipeline, long? SourceDateEpoch, bool LeaveOutBodies)
{
    /// <summary>The edition's metadata.</summary>
    public EditionMetadata Edition => Site.Edition;
}

/// <summary>A registered article writer: its name, what <c>--no-{name}</c> leaves out (for the command's help), and how a build makes one (null after an error, reported, or when its program is missing, warned).</summary>
public sealed record ArticleWriterEntry(string Name, string Description, Func<WriterSetup, DiagnosticBag, IArticleWriter?> Create)
{
    /// <summary>Whether <c>--no-{name}</c> may leave it out; the site's pages may not.</summary>
    public bool Optional { get; init; } = true;

    /// <summary>A writer every build runs, with no <c>--no-</c> option.</summary>
    public static ArticleWriterEntry Always(string name, string description, Func<WriterSetup, DiagnosticBag, IArticleWriter?> create) =>
        new(name, description, create) { Optional = false };
}

/// <summary>A registered edition writer, like <see cref="ArticleWriterEntry"/>.</summary>
public sealed record EditionWriterEntry(string Name, string Description, Func<WriterSetup, DiagnosticBag, IEditionWriter?> Create)
{
    /// <summary>Whether <c>--no-{name}</c> may leave it out; the site's own pages may not.</summary>
    public bool Optional { get; init; } = true;

    /// <summary>A writer every build runs, with no <c>--no-</c> option.</summary>
    public static EditionWriterEntry Always(string name, string description, Func<WriterSetup, DiagnosticBag, IEditionWriter?> create) =>
        new(name, description, create) { Optional = false };
}
