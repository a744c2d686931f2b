using System.Diagnostics;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Parse;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Verify;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>The one pipeline from Markdown chapters to a finished site, used by <c>edition build</c>, <c>edition serve</c>, the tests and the benchmarks: parse → the article writers of <see cref="WriterRegistry"/> (the downloads, then the pages) → minify → verify → compress → sink, then the edition writers (feeds, issue pages, the site's own pages), the link check and the search index over the verified pages. Articles go through in parallel and each file goes to the sink as soon as it is made, so memory does not grow with the number of articles.</summary>
/// <param name="theme">The theme.</param>
/// <param name="options">What to do besides rendering and verifying: minify, compress, cache, which writers.</param>
public sealed class SiteBuild(Theme theme, BuildOptions options)
{
    private readonly ArticleParser _parser = new();

    /// <summary>The search page's path in a site with search.</summary>
    public const string SearchPagePath = "search.html";

    /// <summary>Builds the site into the sink; the report says whether it succeeded (on failure the sink holds an unusable partial site).</summary>
    public BuildReport Run(EditionContent content, ISiteSink sink, DiagnosticBag diagnostics, Action<StageReport>? progress = null)
    {
        var registry = options.Writers;
        var site = WriterRegistry.Announce(SiteContext.Of(content) with { SearchPage = options.Search is null ? null : SearchPagePath, SearchEngine = options.Search?.Name ?? string.Empty }, content, options.WritersLeftOut);
        var setup = new WriterSetup(theme, site, _parser.Pipeline, options.SourceDateEpoch, LeaveOutBodies: options.Minify);
        var writers = registry.CreateArticleWriters(setup, options.WritersLeftOut, diagnostics);
        var counts = new BuildCounts(content, writers ?? []);
        if (writers is null) return counts.Report(false);

        var keys = new ArticleCacheKey(content, theme, options, writers);
        var files = new SiteFileStep(sink, options, keys, counts, diagnostics);
        var replay = options.Cache is { } cache ? new CacheReplay(sink, cache, files) : null;
        var articles = new ArticleStep(options, _parser, writers, keys, files, replay, counts, diagnostics);
        var clock = Stopwatch.StartNew();
        var summaries = new ArticleSummary?[content.Articles.Count];
        // At most two articles per core in flight: an article waiting for its PDF blocks its thread, and without a bound the thread pool
        // kept adding threads, each holding another article's pages, EPUBs and compressed copies (1.28 GB peak at 200 articles).
        var inFlight = new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount };
        Parallel.For(0, content.Articles.Count, inFlight, i => summaries[i] = articles.Run(content.Articles[i]));
        PhaseClock.Mark("articles");
        if (diagnostics.HasErrors) return counts.Report(false);

        // The edition writers (feeds, OAI-PMH, issue pages…) read every article's metadata and summary, so they come after the articles;
        // the site's own pages come last, as their sitemap lists the pages the others make.
        var index = summaries.Select(s => s!).ToList();
        var editionWriters = registry.CreateEditionWriters(setup, options.WritersLeftOut, diagnostics);
        if (editionWriters is null) return counts.Report(false);
        foreach (var writer in editionWriters)
        {
            clock.Restart();
            var written = writer.Write(new EditionWriterInput(content, index, site, theme) { Paths = files.Paths.ToList() }, diagnostics);
            if (written is null || diagnostics.HasErrors) return counts.Report(false);
            foreach (var file in written) files.File(file);
            if (!registry.HasOwnStage(writer.Name)) continue;
            var absent = written.Count == 0 && writer is IExplainsAbsence explains ? explains.WhyNothing(content) : null;
            // A writer with nothing to write for this edition (the issue pages of a single article) says nothing, unless it has a reason to give.
            if (written.Count > 0 || absent is not null) counts.Stage(progress, writer.Name, absent is null ? $"{written.Count} file(s)" : $"nothing written: {absent}", clock.Elapsed, acrossThreads: false);
        }

        // The writers that cannot be left out make the site's pages: the render line counts them with the parsing; the others have a line each.
        var pageWriters = writers.Where(w => !registry.HasOwnStage(w.Name)).ToList();
        counts.Stage(progress, "render", $"{content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters, {counts.PageCount} pages; {counts.ArticlesRendered} article(s) rendered, {content.Articles.Count - counts.ArticlesRendered} unchanged",
            counts.ParseTime + pageWriters.Aggregate(TimeSpan.Zero, (sum, w) => sum + counts.Tallies[w.Name].Time));
        foreach (var writer in writers.Except(pageWriters)) counts.Stage(progress, writer.Name, counts.Tallies[writer.Name].Summary(content.Articles.Count), counts.Tallies[writer.Name].Time);
        if (options.Minify) counts.Stage(progress, "minify", $"{counts.Minified} files minified, {counts.ReusedMinified} reused from the cache", counts.MinifyTime);

        PhaseClock.Mark("site pages");
        clock.Restart();
        var links = SiteVerifier.CheckLinks(files.Paths.ToList(), files.Facts.ToList(), files.Stylesheets, diagnostics, articles.Resolutions, articles.LinkPlaces.Find);
        if (diagnostics.HasErrors) return counts.Report(false);
        counts.Links = links;
        PhaseClock.Mark("link check");
        articles.Remember();
        counts.Stage(progress, "verify", $"{links.Pages} pages, {links.Links} links, {links.NoteReferences} note references", counts.VerifyTime + clock.Elapsed);
        if (options.Compression is not null) counts.Stage(progress, "compress", $"{counts.Compressed} files as .gz and .br ({counts.CompressedNow} compressed now, {counts.Compressed - counts.CompressedNow} reused)", counts.CompressTime);

        var search = new SearchStep(content, options, files, replay, diagnostics);
        if (options.Search is { Engine: SearchEngine.Edition })
        {
            // Only a verified site is indexed; a failed index fails the build, so a site never has half an index.
            clock.Restart();
            var indexed = new EditionSearchStep(options, files, replay).Index();
            if (indexed is null || diagnostics.HasErrors) return counts.Report(false);
            counts.Indexed = indexed;
            counts.Stage(progress, "search", $"{indexed.Pages} pages indexed, {indexed.Files} index files; records made for {indexed.ShardsIndexed} of {indexed.Shards} article folder(s), {(options.Cache is null ? "no cache" : "the others from the cache")}", clock.Elapsed, acrossThreads: false);
        }
        else if (options.Search is not null && options.IndexLater)
        {
            counts.SearchInput = search.Later();
            if (counts.SearchInput is null) return counts.Report(false);
        }
        else if (options.Search is { Pagefind: { } tool })
        {
            // Only a verified site is indexed; a failed index fails the build, so a site never has half an index.
            clock.Restart();
            var indexed = search.Index(new SearchIndex(tool));
            if (indexed is null || diagnostics.HasErrors) return counts.Report(false);
            var (pages, made, shards, again) = indexed.Value;
            counts.Indexed = new SearchReport(pages, made, again == 0, shards, again);
            var how = again == 0 ? $", unchanged from the cache ({shards} shard(s))" : again == shards ? $" in {shards} shard(s)" : $"; {again} of {shards} shards indexed again, the others reused";
            counts.Stage(progress, "search", $"{pages} pages indexed, {made} index files{how}", clock.Elapsed, acrossThreads: false);
        }

        options.Cache?.Finish();
        PhaseClock.Mark("cache written");
        return counts.Report(true);
    }

    /// <summary>Builds a site in memory (tests, benchmarks); null when any stage reported an error.</summary>
    public static IReadOnlyList<SiteFile>? InMemory(EditionContent content, Theme theme, BuildOptions options, DiagnosticBag diagnostics)
    {
        var sink = new MemorySink();
        return new SiteBuild(theme, options).Run(content, sink, diagnostics).Succeeded ? sink.Files : null;
    }
}
