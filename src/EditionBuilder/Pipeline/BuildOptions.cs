using EditionBuilder.Cache;
using EditionBuilder.Output;

namespace EditionBuilder.Pipeline;

/// <summary>How to build: minified or not, compressed copies at which level (none when null), and the incremental cache (none for a clean build).</summary>
public sealed record BuildOptions
{
    /// <summary>Minify HTML, CSS and JS (the published site); the preview leaves pages as the templates wrote them.</summary>
    public bool Minify { get; init; } = true;

    /// <summary>.gz and .br copies of every text file at this level (fast by default: brotli 11 was most of a journal's clean build); none when null.</summary>
    public Precompressor.Level? Compression { get; init; } = Precompressor.Level.Fast;

    /// <summary>The writers left out by name (<c>edition build --no-epub</c>, <c>--no-jats</c>…); every writer of <see cref="WriterRegistry"/> runs otherwise, and the landing page offers what it made.</summary>
    public IReadOnlySet<string> WritersLeftOut { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The writers a build runs, in order (<see cref="WriterRegistry.Default"/>; a test adds its own with <see cref="WriterRegistry.WithArticleWriter"/>).</summary>
    public WriterRegistry Writers { get; init; } = WriterRegistry.Default;

    /// <summary>These options with the named writers left out as well.</summary>
    public BuildOptions Without(params string[] writers) => this with { WritersLeftOut = new HashSet<string>(WritersLeftOut.Concat(writers), StringComparer.Ordinal) };

    /// <summary>SOURCE_DATE_EPOCH, read by the command line: the date of a file (an EPUB) whose article has none (a build never reads the clock).</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>The incremental cache; null for a clean build.</summary>
    public IBuildCache? Cache { get; init; }

    /// <summary>The site's search: the engine that makes its index (the edition's own, or Pagefind with its program); null for a site without search (no search page, no link to it).</summary>
    public Search.SiteSearch? Search { get; init; }

    /// <summary>With the edition's own index: records kept decoded in memory between builds (the live preview), looked up before the cache; null for none.</summary>
    public Search.SearchRecordMemo? SearchRecords { get; init; }

    /// <summary>With the Pagefind engine: the shards the published search index is split into at most (<c>edition build --search-shards</c>, 1 to <see cref="EditionBuilder.Search.SearchShards.Most"/>): one index by default, the lightest first query for readers; more make editing the newest article re-index that article alone (<see cref="EditionBuilder.Search.SearchShards"/>).</summary>
    public int SearchShardCount { get; init; } = EditionBuilder.Search.SearchShards.Published;

    /// <summary>With <see cref="Search"/>: pages get the search page and its links, but the searchable pages are returned in the report (<see cref="BuildReport.SearchPages"/>) instead of indexed, so the live preview can index them in the background.</summary>
    public bool IndexLater { get; init; }

    /// <summary>The published site as <c>edition build</c> makes it by default: minified, compressed at the fast level, no cache.</summary>
    public static BuildOptions Published { get; } = new();

    /// <summary>Minified, not compressed: what tests and benchmarks usually compare.</summary>
    public static BuildOptions Uncompressed { get; } = new() { Compression = null };

    /// <summary>Pages as the templates wrote them, neither minified nor compressed.</summary>
    public static BuildOptions AsRendered { get; } = new() { Minify = false, Compression = null };
}
