using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Feeds;
using EditionBuilder.Import;
using EditionBuilder.Journal;
using EditionBuilder.Minify;
using EditionBuilder.Output;
using EditionBuilder.Parse;
using EditionBuilder.Render;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Verify;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>The one pipeline from Markdown chapters to a finished site, used by <c>edition build</c>, <c>edition serve</c>, the tests and the benchmarks: parse → the article writers (EPUB, JATS…, see <see cref="WriterRegistry"/>) and render → minify → verify → compress → sink, then the search index over the verified pages. Articles go through in parallel and each file goes to the sink as soon as it is made, so memory does not grow with the number of articles.</summary>
/// <param name="theme">The theme.</param>
/// <param name="options">What to do besides rendering and verifying: minify, compress, cache.</param>
public sealed class SiteBuild(Theme theme, BuildOptions options)
{
    private readonly ArticleParser _parser = new();

    /// <summary>The search page's path in a site with search.</summary>
    public const string SearchPagePath = "search.html";

    /// <summary>Builds the site into the sink; the report says whether it succeeded (on failure the sink holds an unusable partial site).</summary>
    public BuildReport Run(EditionContent content, ISiteSink sink, DiagnosticBag diagnostics, Action<StageReport>? progress = null)
    {
        var site = SiteContext.Of(content) with
        {
            SearchPage = options.Search is null ? null : SearchPagePath,
            // What the edition writers add that every page or the journal index links: the feed, the issue pages, the homes in other languages.
            FeedPath = !options.WritersLeftOut.Contains("feed") && AtomFeedWriter.Writes(content.Edition) ? AtomFeedWriter.FeedPath : null,
            IssuePages = content.IsJournal && !options.WritersLeftOut.Contains("issues"),
            HomeLanguages = content.IsJournal && !options.WritersLeftOut.Contains("homes") ? JournalHomes.Languages : [],
        };
        var renderer = new SiteRenderer(theme, site, _parser.Pipeline, leaveOutBodies: options.Minify);
        var writers = WriterRegistry.CreateArticleWriters(new WriterSetup(theme, content.Edition, _parser.Pipeline, options.SourceDateEpoch), options.WritersLeftOut, diagnostics);
        var run = new BuildRun(content, theme, sink, options, diagnostics, _parser, renderer, writers ?? []);
        if (writers is null) return run.Report(false);
        var clock = Stopwatch.StartNew();
        var summaries = new ArticleSummary?[content.Articles.Count];
        // At most two articles per core in flight: an article waiting for its PDF blocks its thread, and without a bound the thread pool
        // kept adding threads, each holding another article's pages, books and compressed copies (1.28 GB peak at 200 articles).
        var inFlight = new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount };
        Parallel.For(0, content.Articles.Count, inFlight, i => summaries[i] = run.Article(content.Articles[i]));
        PhaseClock.Mark("articles");
        if (diagnostics.HasErrors) return run.Report(false);

        // The edition writers (feeds, OAI-PMH, issue pages…) read every article's metadata and summary, so they come after the articles, and
        // before the site's own pages, whose sitemap lists the pages they make.
        var articles = summaries.Select(s => s!).ToList();
        var editionWriters = WriterRegistry.CreateEditionWriters(new WriterSetup(theme, content.Edition, _parser.Pipeline, options.SourceDateEpoch), options.WritersLeftOut, diagnostics);
        if (editionWriters is null) return run.Report(false);
        foreach (var writer in editionWriters)
        {
            clock.Restart();
            var files = writer.Write(new EditionWriterInput(content, articles, site, theme), diagnostics);
            if (files is null || diagnostics.HasErrors) return run.Report(false);
            foreach (var file in files) run.File(file);
            var absent = files.Count == 0 && writer is IExplainsAbsence explains ? explains.WhyNothing(content) : null;
            // A writer with nothing to write for this edition (the issue pages of a single article) says nothing, unless it has a reason to give.
            if (files.Count > 0 || absent is not null) run.Stage(progress, writer.Name, absent is null ? $"{files.Count} file(s)" : $"nothing written: {absent}", clock.Elapsed, acrossThreads: false);
        }

        var articlePaths = run.Paths.ToList();
        foreach (var file in run.Renderer.RenderSitePages(articles, articlePaths, diagnostics)) run.File(file);
        if (diagnostics.HasErrors) return run.Report(false);
        run.Stage(progress, "render", $"{content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters, {run.PageCount} pages; {run.ArticlesRendered} article(s) rendered, {content.Articles.Count - run.ArticlesRendered} unchanged", run.RenderTime);
        foreach (var writer in writers) run.Stage(progress, writer.Name, run.Tallies[writer.Name].Summary(content.Articles.Count), run.Tallies[writer.Name].Time);
        if (options.Minify) run.Stage(progress, "minify", $"{run.Minified} files minified, {run.ReusedMinified} reused from the cache", run.MinifyTime);

        PhaseClock.Mark("site pages");
        clock.Restart();
        var links = SiteVerifier.CheckLinks(run.Paths.ToList(), run.Facts.ToList(), run.Stylesheets, diagnostics, run.Resolutions, run.LinkPlaces.Find);
        if (diagnostics.HasErrors) return run.Report(false);
        run.Links = links;
        PhaseClock.Mark("link check");
        run.RememberArticles();
        run.Stage(progress, "verify", $"{links.Pages} pages, {links.Links} links, {links.NoteReferences} note references", run.VerifyTime + clock.Elapsed);
        if (options.Compression is not null) run.Stage(progress, "compress", $"{run.Compressed} files as .gz and .br ({run.CompressedNow} compressed now, {run.Compressed - run.CompressedNow} reused)", run.CompressTime);

        if (options.Search is not null && options.IndexLater)
        {
            run.SearchInput = run.LaterIndex();
            if (run.SearchInput is null) return run.Report(false);
        }
        else if (options.Search is { } tool)
        {
            // Only a verified site is indexed; a failed index fails the build, so a site never has half an index.
            clock.Restart();
            var search = run.Index(new SearchIndex(tool));
            if (search is null || diagnostics.HasErrors) return run.Report(false);
            var (pages, files, shards, indexed) = search.Value;
            run.Indexed = new SearchReport(pages, files, indexed == 0, shards, indexed);
            var how = indexed == 0 ? $", unchanged from the cache ({shards} shard(s))" : indexed == shards ? $" in {shards} shard(s)" : $"; {indexed} of {shards} shards indexed again, the others reused";
            run.Stage(progress, "search", $"{pages} pages indexed, {files} index files{how}", clock.Elapsed, acrossThreads: false);
        }

        options.Cache?.Finish();
        PhaseClock.Mark("cache written");
        return run.Report(true);
    }

    /// <summary>Builds a site in memory (tests, benchmarks); null when any stage reported an error.</summary>
    public static IReadOnlyList<SiteFile>? InMemory(EditionContent content, Theme theme, BuildOptions options, DiagnosticBag diagnostics)
    {
        var sink = new MemorySink();
        return new SiteBuild(theme, options).Run(content, sink, diagnostics).Succeeded ? sink.Files : null;
    }

    /// <summary>One build's shared state: what was written, the facts for the link check, counts and time per stage.</summary>
    private sealed class BuildRun(EditionContent content, Theme theme, ISiteSink sink, BuildOptions options, DiagnosticBag diagnostics,
        ArticleParser parser, SiteRenderer renderer, IReadOnlyList<IArticleWriter> writers)
    {
        private readonly List<StageReport> _stages = new();
        private readonly ConcurrentDictionary<string, SearchPage> _searchPages = new(StringComparer.Ordinal);
        private long _renderTicks, _minifyTicks, _verifyTicks, _compressTicks;
        private int _articlesRendered, _minified, _reused, _reusedMinified, _compressed, _compressedNow, _pages;

        public SiteRenderer Renderer { get; } = renderer;

        public ConcurrentBag<string> Paths { get; } = new();

        public ConcurrentBag<PageFacts> Facts { get; } = new();

        public ConcurrentBag<SiteFile> Stylesheets { get; } = new();

        public SiteVerifier.Report? Links { get; set; }

        /// <summary>Where the links of the articles parsed in this build were written, for the link check's errors.</summary>
        public MarkdownLinkPlaces LinkPlaces { get; } = new();

        /// <summary>Resolves link addresses once per build, for the link check and for the articles' cache entries.</summary>
        public SiteVerifier.LinkResolver Resolutions { get; } = new();

        // Articles made in this build, cached only once the whole site's links are checked (see RememberArticles).
        private readonly ConcurrentBag<(string Key, string Folder, BuildCache.ArticleEntry Entry)> _made = new();

        public int ArticlesRendered => _articlesRendered;

        public int Minified => _minified;

        public int Reused => _reused;

        /// <summary>Files the minifier would take (HTML, CSS, JS, not the search index) reused from the cache: the minify line's other half.</summary>
        public int ReusedMinified => _reusedMinified;

        public int Compressed => _compressed;

        /// <summary>Files compressed in this build (the others' copies came from the cache).</summary>
        public int CompressedNow => _compressedNow;

        public int PageCount => _pages;

        /// <summary>What each article writer made in this build, by its name.</summary>
        public IReadOnlyDictionary<string, WriterTally> Tallies { get; } = writers.ToDictionary(w => w.Name, _ => new WriterTally(), StringComparer.Ordinal);

        public TimeSpan RenderTime => TimeSpan.FromTicks(_renderTicks);

        public TimeSpan MinifyTime => TimeSpan.FromTicks(_minifyTicks);

        public TimeSpan VerifyTime => TimeSpan.FromTicks(_verifyTicks);

        public TimeSpan CompressTime => TimeSpan.FromTicks(_compressTicks);

        public void Stage(Action<StageReport>? progress, string stage, string counts, TimeSpan elapsed, bool acrossThreads = true)
        {
            var report = new StageReport(stage, counts, elapsed, acrossThreads);
            _stages.Add(report);
            progress?.Invoke(report);
        }

        /// <summary>The pages to index later (<see cref="BuildOptions.IndexLater"/>).</summary>
        public SearchInput? SearchInput { get; set; }

        public SearchReport? Indexed { get; set; }

        public BuildReport Report(bool succeeded) => new(
            succeeded, content.Articles.Count, content.Articles.Sum(a => a.Chapters.Count), _articlesRendered, _pages, Paths.Count,
            _minified, _reused, _compressed, Links?.Links ?? 0, Links?.NoteReferences ?? 0, _stages, succeeded ? SearchInput : null,
            Tallies.ToDictionary(t => t.Key, t => t.Value.Files, StringComparer.Ordinal))
        {
            ReusedMinified = _reusedMinified,
            CompressedNow = _compressedNow,
            Indexed = Indexed,
        };

        /// <summary>An article from the cache when nothing it depends on changed; otherwise parsed, rendered and processed page by page.</summary>
        public ArticleSummary? Article(ArticleContent article)
        {
            string? key = null;
            if (options.Cache is { } cache)
            {
                if (article.FolderStamp.Length > 0)
                {
                    // An article folder whose files are as the last build found them (the walk's stamps) keeps its article key: its text is not
                    // read again, nor its source imported.
                    var stamp = BuildCache.Key([.. ContextParts(article), "folder", article.FolderStamp]);
                    key = cache.ArticleKeyFor(stamp);
                    if (key is null)
                    {
                        if (ContentFolder.WithText(article, diagnostics) is not { } read) return null;
                        article = read;
                        key = ArticleKey(article);
                        cache.RememberArticleKey(stamp, key);
                    }
                }
                else
                {
                    key = ArticleKey(article);
                }

                if (cache.GetArticle(key) is { } cached && Replay(cached)) return cached.Summary;
            }

            // Read here, not at import: only the articles in flight hold their text.
            if (ContentFolder.WithText(article, diagnostics) is not { } withText) return null;
            article = withText;
            // What this article reports (also reported as usual): an article that warned is not cached, so its warnings come on every build.
            var own = new DiagnosticBag(diagnostics);
            var clock = Stopwatch.StartNew();
            var parsed = parser.Parse(article, own);
            Interlocked.Add(ref _renderTicks, clock.Elapsed.Ticks);
            if (parsed is null) return null;
            LinkPlaces.Add(parsed);

            // The media first: a file the image rule refuses is the article's error, before any writer (the EPUB, the PDF) takes it in.
            var media = MediaFiles.Of(parsed.Content, own);
            if (own.ErrorCount > 0) return null;

            // The writers' files next: the landing page says how large they are.
            var written = new List<SiteFile>(writers.Count);
            var downloads = new List<(DownloadView, string?)>(writers.Count);
            foreach (var writer in writers)
            {
                if (Tallies[writer.Name].Write(() => writer.Write(parsed, own)) is not { } file) return null;
                written.Add(file);
                downloads.Add((new DownloadView(writer.Name, file.Path, writer.MediaType, file.Bytes.Length), writer.AlternateTitle));
            }

            clock.Restart();
            var rendered = Renderer.RenderArticle(parsed, own, downloads, media);
            Interlocked.Add(ref _renderTicks, clock.Elapsed.Ticks);
            if (rendered is null) return null;
            Interlocked.Increment(ref _articlesRendered);
            // An article's files go through minify, verify and compress side by side: an edit that remakes one article (a chapter, its full
            // text and its JATS file, each compressed with brotli 11) would otherwise leave the other cores idle. They are handed out one
            // at a time from the end, where the largest are (the writers' files, the full text), so those two do not queue behind each other.
            var made = rendered.Pages.Concat(written).ToList();
            var files = new BuildCache.CachedFile?[made.Count];
            Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, made.Count).Reverse(), EnumerablePartitionerOptions.NoBuffering), i => files[i] = File(made[i]));
            if (key is not null && own.Items.Count == 0 && files.All(f => f is not null)) _made.Add((key, article.Slug + "/", new BuildCache.ArticleEntry(rendered.Summary, files!)));
            return rendered.Summary;
        }

        /// <summary>
        /// Caches the articles made in this build, now that the site's links are checked. Each page keeps only its relative links
        /// that leave its article: the others lead to the article's own files, which a replay brings back unchanged, or outside
        /// the site (judged by the address alone), so they were checked once and need not be again. That is what lets a
        /// one-chapter rebuild check the links that could have broken, not all.
        /// </summary>
        public void RememberArticles()
        {
            if (options.Cache is not { } cache) return;
            Parallel.ForEach(_made, made =>
            {
                var (key, folder, entry) = made;
                var within = entry.Files.All(f => f.Path.StartsWith(folder, StringComparison.Ordinal));
                cache.PutArticle(key, within ? entry with { Files = entry.Files.Select(f => f with { Facts = LeavingLinksOnly(f.Path, f.Facts, folder) }).ToList() } : entry);
            });
        }

        private PageFacts? LeavingLinksOnly(string page, PageFacts? facts, string folder)
        {
            if (facts is null) return null;
            var leaving = facts.Links.Where(l => !SiteVerifier.StaysWithin(page, l, folder, Resolutions)).ToList();
            return facts with { Links = leaving, CheckedLinks = facts.CheckedLinks + facts.Links.Count - leaving.Count };
        }

        // An unchanged page whose files the last good site still holds is linked from it without being read; any other is taken
        // from the cache. Nothing is counted until the whole article is in, so a miss halfway makes the article again cleanly
        // (its files are then written over the ones already linked).
        private bool Replay(BuildCache.ArticleEntry article)
        {
            var emitted = new List<Emitted>();
            foreach (var file in article.Files)
            {
                var isPage = file.Path.EndsWith(".html", StringComparison.Ordinal);
                if (isPage && file.Facts is null) return false;
                if (!file.Path.EndsWith(".css", StringComparison.Ordinal) && file.Outputs.Count > 0
                    && file.Outputs.All(o => sink.TryLinkUnchanged(o.Path, o.Length, o.Sha256)))
                {
                    options.Cache!.Keep(file.Key);
                    emitted.Add(new Emitted(file.Path, file.Outputs, file.Facts, null, Reused: true, file.Key));
                    continue;
                }

                if (options.Cache!.GetPage(file.Key) is not { } page || (isPage && page.Facts is null)) return false;
                emitted.Add(Write(file.Path, page, reused: true, file.Key));
            }

            foreach (var file in emitted) Record(file);
            return true;
        }

        /// <summary>Minifies, verifies and compresses one file (or takes it from the cache) and writes it; returns what the cache keeps of it, null without a cache or after an error.</summary>
        public BuildCache.CachedFile? File(SiteFile file) => File(file, asIs: false);

        /// <summary>Like <see cref="File(SiteFile)"/>; a file made <paramref name="asIs"/> by another tool (the search index) is not minified.</summary>
        public BuildCache.CachedFile? File(SiteFile file, bool asIs)
        {
            var extension = Path.GetExtension(file.Path);
            var minify = options.Minify && !asIs && MinifierTakes(file.Path);
            var key = options.Cache is not null ? BuildCache.Key($"{file.Path}\0{OptionsKey}\0{theme.Fingerprint}", file) : null;
            if (key is not null && options.Cache!.GetPage(key) is { } cached && (extension != ".html" || cached.Facts is not null))
            {
                var reused = Write(file.Path, cached, reused: true, key);
                Record(reused);
                return Cached(reused, key);
            }

            var clock = Stopwatch.StartNew();
            var errorsBefore = diagnostics.ErrorCount;
            var processed = minify ? SiteMinifier.MinifyFile(file, diagnostics) : file.Composed();
            if (minify) Interlocked.Increment(ref _minified);
            Interlocked.Add(ref _minifyTicks, clock.Elapsed.Ticks);

            clock.Restart();
            var facts = extension == ".html" ? SiteVerifier.CheckPage(processed, diagnostics) : null;
            if (facts is not null && options.Search is not null && SearchIndex.IsSearchable(processed.AsText())) facts = facts with { Searchable = true };
            Interlocked.Add(ref _verifyTicks, clock.Elapsed.Ticks);

            clock.Restart();
            var compress = options.Compression is { } level && Precompressor.IsCompressible(file.Path);
            var page = new BuildCache.Page(processed.Bytes,
                compress ? Precompressor.Gzip(processed.Bytes, options.Compression!.Value) : null,
                compress ? Precompressor.Brotli(processed.Bytes, options.Compression!.Value) : null,
                facts);
            Interlocked.Add(ref _compressTicks, clock.Elapsed.Ticks);

            var written = Write(file.Path, page, reused: false, key);
            Record(written);
            if (key is null || diagnostics.ErrorCount > errorsBefore) return null;
            options.Cache!.PutPage(key, page);
            return Cached(written, key);
        }

        /// <summary>Indexes the searchable pages shard by shard (<see cref="SearchShards"/>): a shard whose pages are unchanged is replayed from the cache, the others are indexed again, two at a time; then the manifest. Null after an error.</summary>
        public (int Pages, int Files, int Shards, int Indexed)? Index(SearchIndex search)
        {
            var pages = _searchPages.Values.ToDictionary(p => p.Path, StringComparer.Ordinal);
            var shards = SearchShards.Split(pages.Keys, SearchShards.Published);
            var cache = options.Cache;
            var results = new ShardIndex?[shards.Count];
            var keys = new string?[shards.Count];
            var files = 0;
            for (var i = 0; i < shards.Count; i++)
            {
                // A shard's index depends only on its pages' bytes (known by their hashes), its folder, and the tool and its settings.
                var shard = shards[i];
                keys[i] = cache is null || shard.Paths.Any(p => string.IsNullOrEmpty(pages[p].Sha256)) ? null
                    : BuildCache.Key([SearchIndex.Folder, search.Fingerprint, shard.Folder, .. shard.Paths.SelectMany(p => new[] { p, pages[p].Sha256! })]);
                if (keys[i] is { } key && cache!.GetArticle(key) is { } cached && LanguagesOf(cached, shard.Folder) is { } languages && Replay(cached))
                {
                    results[i] = new ShardIndex(shard.Folder, languages, []);
                    files += cached.Files.Count;
                }
            }

            var missing = Enumerable.Range(0, shards.Count).Where(i => results[i] is null).ToList();
            var errorsBefore = diagnostics.ErrorCount;
            try
            {
                // One page at a time, read and decoded as Pagefind takes it: the whole site's text is never in memory at once.
                var built = search.BuildShards(missing.Select(i => shards[i]).ToList(), shard => SearchDocumentsOneByOne(shard.Paths.Select(p => pages[p])));
                if (diagnostics.ErrorCount > errorsBefore) return null;
                for (var m = 0; m < missing.Count; m++)
                {
                    var i = missing[m];
                    results[i] = built[m];
                    var written = built[m].Files.Select(f => File(f, asIs: true)).ToList();
                    files += written.Count;
                    if (keys[i] is { } key && written.All(f => f is not null))
                    {
                        cache!.PutArticle(key, new BuildCache.ArticleEntry(new ArticleSummary(SearchIndex.Folder, string.Empty, [], SearchIndex.Folder), written!));
                    }
                }
            }
            catch (PagefindException e)
            {
                diagnostics.Error(DiagnosticCodes.SearchIndexFailed, SearchIndex.Folder, 0, 0, $"Pagefind failed while indexing the site: {e.Message}");
                return null;
            }

            File(SearchIndex.Manifest(results!), asIs: true);
            return (pages.Count, files + 1, shards.Count, missing.Count);
        }

        // The languages of a cached shard, read from its pagefind-entry.json in the cache; null when the cache cannot give it (the shard is indexed again).
        private IReadOnlyList<string>? LanguagesOf(BuildCache.ArticleEntry cached, string folder)
        {
            var entryPath = SearchIndex.Folder + folder + "pagefind-entry.json";
            if (cached.Files.FirstOrDefault(f => f.Path == entryPath) is not { } entry || options.Cache!.GetPage(entry.Key) is not { } page) return null;
            try
            {
                return SearchIndex.LanguagesOf(page.Bytes);
            }
            catch (PagefindException)
            {
                return null;
            }
        }

        /// <summary>The searchable pages for a later index: keyed by their paths and hashes, their bytes taken now and decoded when the indexer asks (<see cref="BuildOptions.IndexLater"/>); null after an error.</summary>
        public SearchInput? LaterIndex()
        {
            var pages = _searchPages.Values.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
            var bytes = new Dictionary<string, byte[]>(pages.Count, StringComparer.Ordinal);
            foreach (var page in pages)
            {
                if (PageBytes(page) is not { } read) return null;
                bytes[page.Path] = read;
            }

            var key = pages.Any(p => string.IsNullOrEmpty(p.Sha256)) ? null : BuildCache.Key([SearchIndex.Folder, .. pages.SelectMany(p => new[] { p.Path, p.Sha256! })]);
            return new SearchInput(key, pages.Select(p => (p.Path, string.IsNullOrEmpty(p.Sha256) ? null : p.Sha256)).ToList(),
                path => new SearchablePage(path, System.Text.Encoding.UTF8.GetString(bytes[path])));
        }

        // A page linked unchanged from the last site was not read: its bytes come from the cache. Null, with an error, when they cannot.
        private byte[]? PageBytes(SearchPage page)
        {
            var bytes = page.Bytes ?? (page.Key is null ? null : options.Cache?.GetPage(page.Key)?.Bytes);
            if (bytes is null) diagnostics.Error(DiagnosticCodes.SearchIndexFailed, page.Path, 0, 0, "the page to index is missing from the build cache; build again with --no-cache");
            return bytes;
        }

        // The searchable pages in path order (Pagefind's output depends on the order pages arrive in), each read when it is reached;
        // a page the cache cannot give is an error, and ends the list.
        private IEnumerable<SearchablePage> SearchDocumentsOneByOne(IEnumerable<SearchPage> pages)
        {
            foreach (var page in pages)
            {
                if (PageBytes(page) is not { } bytes) yield break;
                yield return new SearchablePage(page.Path, System.Text.Encoding.UTF8.GetString(bytes));
            }
        }

        // Every page's head links the feed unless --no-feed: a page cached with the link must not serve a build without it.
        private string OptionsKey => $"{options.Minify}\0{(options.Compression is Precompressor.Level.Best ? Precompressor.BestRule : options.Compression?.ToString() ?? "none")}\0{(options.Search is null ? "no search" : "search")}\0{(options.WritersLeftOut.Contains("feed") ? "no feed" : "feed")}";

        private static BuildCache.CachedFile Cached(Emitted written, string key) =>
            new(written.Path, key, written.Outputs, written.Facts);

        /// <summary>What a written file adds to the site-wide checks and counts: its files (with their hashes when there is a cache), facts and stylesheet; for the search index, its cache key and, when in hand, its bytes.</summary>
        private sealed record Emitted(string Path, IReadOnlyList<BuildCache.OutputFile> Outputs, PageFacts? Facts, SiteFile? Stylesheet, bool Reused, string? Key = null, byte[]? Bytes = null);

        /// <summary>A page for the search index: the key of its processed page in the cache and its SHA-256 (with a cache), and its bytes when this build had them in hand.</summary>
        private sealed record SearchPage(string Path, string? Key, string? Sha256, byte[]? Bytes);

        // Each file is hashed once, here, for both the cache entry and the sink's stamps.
        private Emitted Write(string path, BuildCache.Page page, bool reused, string? key)
        {
            var outputs = new List<BuildCache.OutputFile>();
            SiteFile? stylesheet = null;
            foreach (var (name, bytes) in new[] { (path, page.Bytes), (path + ".gz", page.Gzip), (path + ".br", page.Brotli) })
            {
                if (bytes is null) continue;
                var sha256 = options.Cache is null ? null : reused ? FileStamp.HashOf(bytes) : FileStamp.Hash(bytes);
                var file = new SiteFile(name, bytes);
                sink.Write(file, sha256);
                outputs.Add(new BuildCache.OutputFile(name, bytes.Length, sha256 ?? string.Empty));
                if (name.EndsWith(".css", StringComparison.Ordinal)) stylesheet = file;
            }

            return new Emitted(path, outputs, page.Facts, stylesheet, reused, key, page.Facts is { Searchable: true } ? page.Bytes : null);
        }

        private static bool MinifierTakes(string path) => Path.GetExtension(path) is ".html" or ".css" or ".js";

        // What the minify line counts: the search index's scripts are Pagefind's own and never minified.
        private static bool IsMinifiable(string path) => MinifierTakes(path) && !path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal);

        private void Record(Emitted file)
        {
            foreach (var output in file.Outputs) Paths.Add(output.Path);
            if (file.Path.EndsWith(".html", StringComparison.Ordinal)) Interlocked.Increment(ref _pages);
            if (file.Stylesheet is not null) Stylesheets.Add(file.Stylesheet);
            if (file.Facts is not null) Facts.Add(file.Facts with { Path = file.Path });
            if (file.Facts is { Searchable: true }) _searchPages[file.Path] = new SearchPage(file.Path, file.Key, file.Outputs.FirstOrDefault()?.Sha256, file.Bytes);
            if (file.Reused) Interlocked.Increment(ref _reused);
            if (file.Reused && IsMinifiable(file.Path)) Interlocked.Increment(ref _reusedMinified);
            if (!file.Outputs.Any(o => o.Path.EndsWith(".br", StringComparison.Ordinal))) return;
            Interlocked.Increment(ref _compressed);
            if (!file.Reused) Interlocked.Increment(ref _compressedNow);
        }

        private string EditionJson => field ??= JsonSerializer.Serialize(content.Edition, CacheJson.Default.EditionMetadata);

        // Everything an article's pages depend on besides its own files: the templates, the options, the edition's metadata, whether it is a journal,
        // and which writers run with what context of theirs (SOURCE_DATE_EPOCH dates only the books of articles without a date).
        private List<string> ContextParts(ArticleContent article)
        {
            return
            [
                theme.Fingerprint, OptionsKey, content.IsJournal.ToString(),
                EditionJson, article.Slug,
                .. writers.Select(w => $"{w.Name}: {w.CacheContext(article.Metadata)}"),
            ];
        }

        // Everything an article's pages depend on: its context, its metadata and its files.
        private string ArticleKey(ArticleContent article)
        {
            var parts = ContextParts(article);
            parts.Add(JsonSerializer.Serialize(article.Metadata, CacheJson.Default.ArticleMetadata));
            parts.AddRange(article.Chapters.Concat(article.Abstracts).SelectMany(f => new[] { f.Path, f.Text }));
            if (article.References is { } references) parts.AddRange(["references", references.Path, references.Text]);
            parts.AddRange(article.Media.SelectMany(m => new[] { m.Path, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(m.Read())) }));
            return BuildCache.Key([.. parts]);
        }
    }
}

/// <summary>What one writer beside the pages (EPUB, JATS…) made in a build: files, bytes and time, counted from every article's thread.</summary>
internal sealed class WriterTally
{
    private long _ticks, _bytes;
    private int _files;

    public int Files => _files;

    public TimeSpan Time => TimeSpan.FromTicks(_ticks);

    /// <summary>Runs the writer for one article and counts what it made; null when it reported an error.</summary>
    public SiteFile? Write(Func<SiteFile?> write)
    {
        var clock = Stopwatch.StartNew();
        var file = write();
        Interlocked.Add(ref _ticks, clock.Elapsed.Ticks);
        if (file is null) return null;
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, file.Bytes.Length);
        return file;
    }

    /// <summary>The stage line: "3 file(s) written (312 KiB), 197 unchanged".</summary>
    public string Summary(int articles) => $"{Files} file(s) written ({_bytes / 1024} KiB), {articles - Files} unchanged";
}
