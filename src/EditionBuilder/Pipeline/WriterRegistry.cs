using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Epub;
using EditionBuilder.Jats;
using EditionBuilder.Pdf;
using EditionBuilder.Themes;
using EditionBuilder.Writers;
using Markdig;

namespace EditionBuilder.Pipeline;

/// <summary>Every output beside the site's pages, in the order the landing page offers them: adding a writer is one line here (and its theme string <c>{name}_download</c>).</summary>
public static class WriterRegistry
{
    /// <summary>The article writers: name, what <c>--no-{name}</c> leaves out (for the command's help), and how a build makes one (null after an error, reported).</summary>
    public static IReadOnlyList<ArticleWriterEntry> ArticleWriters { get; } =
    [
        new("epub", "the EPUB e-book <article>.epub beside each article's pages",
            (setup, diagnostics) => EpubWriter.Create(setup.Theme, setup.Edition, setup.Pipeline, setup.SourceDateEpoch, diagnostics)),
        new("jats", "the JATS XML file <article>.xml beside each article's pages",
            (setup, _) => new JatsWriter(setup.Edition, setup.Theme.Strings.Get("ar", "archived_copy"))),
        new("pdf", "the PDF <article>.pdf beside each article's pages (set by Typst, from tools/node_modules)",
            (setup, diagnostics) => PdfWriter.Create(setup.Theme, setup.Edition, TypstEngine.Find(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory), setup.SourceDateEpoch, diagnostics)),
    ];

    /// <summary>The edition writers (feeds, OAI-PMH, issue pages, home pages in other languages), run once the articles are built.</summary>
    public static IReadOnlyList<EditionWriterEntry> EditionWriters { get; } =
    [
        new("feed", "the Atom feed feed.xml (written when edition.yml sets base_url)", (_, _) => new Feeds.AtomFeedWriter()),
        new("oai", "the OAI-PMH static repository oai.xml (written when edition.yml sets base_url and oai: { gateway, email })", (_, _) => new Feeds.OaiStaticRepositoryWriter()),
        new("issues", "a page per issue of a journal, issues/<volume-issue>/index.html", (_, _) => new Journal.IssuePages()),
        new("homes", "a journal's home pages in English and French, en/index.html and fr/index.html", (_, _) => new Journal.JournalHomes()),
    ];

    /// <summary>The article writers a build runs (every registered one not left out); null when one could not be made (its errors reported).</summary>
    public static IReadOnlyList<IArticleWriter>? CreateArticleWriters(WriterSetup setup, IReadOnlySet<string> leftOut, DiagnosticBag diagnostics)
    {
        var writers = new List<IArticleWriter>();
        var failed = false;
        foreach (var entry in ArticleWriters)
        {
            if (leftOut.Contains(entry.Name)) continue;
            var errorsBefore = diagnostics.ErrorCount;
            if (entry.Create(setup, diagnostics) is { } writer) writers.Add(writer);
            // No writer and no error: its program is not installed (a warning said so), and the build goes on without its files.
            else if (diagnostics.ErrorCount > errorsBefore) failed = true;
        }

        return failed ? null : writers;
    }

    /// <summary>The edition writers a build runs (every registered one not left out); null when one could not be made (its errors reported).</summary>
    public static IReadOnlyList<IEditionWriter>? CreateEditionWriters(WriterSetup setup, IReadOnlySet<string> leftOut, DiagnosticBag diagnostics)
    {
        var writers = new List<IEditionWriter>();
        var failed = false;
        foreach (var entry in EditionWriters)
        {
            if (leftOut.Contains(entry.Name)) continue;
            if (entry.Create(setup, diagnostics) is { } writer) writers.Add(writer);
            else failed = true;
        }

        return failed ? null : writers;
    }

    /// <summary>Every writer's name, article writers first: the <c>--no-{name}</c> options.</summary>
    public static IEnumerable<(string Name, string Description)> Options =>
        ArticleWriters.Select(w => (w.Name, w.Description)).Concat(EditionWriters.Select(w => (w.Name, w.Description)));
}

/// <summary>What a writer is made from in a build: the theme, the edition's metadata, the Markdig pipeline the chapters were parsed with, and SOURCE_DATE_EPOCH (the date of a file whose article has none; a build never reads the clock).</summary>
public sealed record WriterSetup(Theme Theme, EditionMetadata Edition, MarkdownPipeline Pipeline, long? SourceDateEpoch);

/// <summary>A registered article writer.</summary>
public sealed record ArticleWriterEntry(string Name, string Description, Func<WriterSetup, DiagnosticBag, IArticleWriter?> Create);

/// <summary>A registered edition writer.</summary>
public sealed record EditionWriterEntry(string Name, string Description, Func<WriterSetup, DiagnosticBag, IEditionWriter?> Create);
