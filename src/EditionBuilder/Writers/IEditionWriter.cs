using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Writers;

/// <summary>An output made from the whole edition once its articles are built (a feed, OAI-PMH, issue pages, home pages in other languages): one folder and one line in <see cref="WriterRegistry"/>.</summary>
public interface IEditionWriter
{
    /// <summary>The writer's name: its option is <c>--no-{Name}</c> and its stage line is named so.</summary>
    string Name { get; }

    /// <summary>The writer's files; empty when it has nothing to write for this edition, null when it reported an error.</summary>
    IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics);
}

/// <summary>What an edition writer reads: the content (each article's metadata; an article unchanged since the last build is not read again, so its text may be absent), every article's summary in content order, the site's context and the theme (templates and strings for pages).</summary>
public sealed record EditionWriterInput(EditionContent Content, IReadOnlyList<Themes.ArticleSummary> Articles, Themes.SiteContext Site, Themes.Theme Theme)
{
    /// <summary>The paths of the files written before this writer ran (the articles' and the earlier writers'), in no particular order: what a sitemap lists.</summary>
    public IReadOnlyCollection<string> Paths { get; init; } = [];
}
