using System.Collections.Concurrent;
using System.Diagnostics;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Minify;
using EditionBuilder.Render;
using EditionBuilder.Verify;

namespace EditionBuilder.Build;

/// <summary>Render, minify, verify, compress: the stages between Markdown chapters and a finished site. Articles go through in parallel and each file goes to the sink as soon as it is made, so memory does not grow with the number of articles.</summary>
public static class EditionPipeline
{
    /// <summary>A stage's name, what it counted and how long it took, for the progress output.</summary>
    public sealed record StageReport(string Stage, string Counts, TimeSpan Elapsed);

    /// <summary>How to build: compressed copies or not, at which level, and the incremental cache (none for a clean build).</summary>
    public sealed record Options(bool Precompress = true, Precompressor.Level Level = Precompressor.Level.Best, BuildCache? Cache = null);

    /// <summary>Builds the site in memory; null when any stage reported an error.</summary>
    public static IReadOnlyList<SiteFile>? Run(EditionContent content, TemplateSet templates, DiagnosticBag diagnostics, Action<StageReport>? progress = null,
        bool precompress = true, Precompressor.Level level = Precompressor.Level.Best)
    {
        var sink = new MemorySink();
        return Build(content, templates, sink, new Options(precompress, level), diagnostics, progress) ? sink.Files : null;
    }

    /// <summary>Builds the site into the sink; false when any stage reported an error (the sink then holds an unusable partial site).</summary>
    public static bool Build(EditionContent content, TemplateSet templates, ISiteSink sink, Options options, DiagnosticBag diagnostics, Action<StageReport>? progress = null)
    {
        var run = new BuildRun(content, templates, sink, options, diagnostics);
        var clock = Stopwatch.StartNew();
        var summaries = new ArticleSummary?[content.Articles.Count];
        Parallel.For(0, content.Articles.Count, i => summaries[i] = run.Article(content.Articles[i]));
        if (diagnostics.HasErrors) return false;

        var articlePaths = run.Paths.ToList();
        foreach (var file in run.Renderer.RenderSitePages(content, summaries.Select(s => s!).ToList(), articlePaths, diagnostics)) run.File(file);
        if (diagnostics.HasErrors) return false;
        progress?.Invoke(new StageReport("render", $"{content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters, {run.PageCount} pages; {run.ArticlesRendered} article(s) rendered, {content.Articles.Count - run.ArticlesRendered} unchanged", run.RenderTime));
        progress?.Invoke(new StageReport("minify", $"{run.Minified} files minified, {run.Reused} reused from the cache", run.MinifyTime));

        clock.Restart();
        var report = SiteVerifier.CheckLinks(run.Paths.ToList(), run.Facts.ToList(), run.Stylesheets, diagnostics);
        if (diagnostics.HasErrors) return false;
        progress?.Invoke(new StageReport("verify", $"{report.Pages} pages, {report.Links} links, {report.NoteReferences} note references", run.VerifyTime + clock.Elapsed));
        if (options.Precompress) progress?.Invoke(new StageReport("compress", $"{run.Compressed} files as .gz and .br", run.CompressTime));
        options.Cache?.Prune();
        return true;
    }

    /// <summary>One build's shared state: the renderer, what was written, the facts for the link check, and time per stage.</summary>
    private sealed class BuildRun(EditionContent content, TemplateSet templates, ISiteSink sink, Options options, DiagnosticBag diagnostics)
    {
        private long _renderTicks, _minifyTicks, _verifyTicks, _compressTicks;
        private int _articlesRendered, _minified, _reused, _compressed, _pages;

        public SiteRenderer Renderer { get; } = new(templates, leaveOutBodies: true);

        public ConcurrentBag<string> Paths { get; } = new();

        public ConcurrentBag<SiteVerifier.PageFacts> Facts { get; } = new();

        public ConcurrentBag<SiteFile> Stylesheets { get; } = new();

        public int ArticlesRendered => _articlesRendered;

        public int Minified => _minified;

        public int Reused => _reused;

        public int Compressed => _compressed;

        public int PageCount => _pages;

        public TimeSpan RenderTime => TimeSpan.FromTicks(_renderTicks);

        public TimeSpan MinifyTime => TimeSpan.FromTicks(_minifyTicks);

        public TimeSpan VerifyTime => TimeSpan.FromTicks(_verifyTicks);

        public TimeSpan CompressTime => TimeSpan.FromTicks(_compressTicks);

        /// <summary>An article from the cache when nothing it depends on changed; otherwise rendered and processed page by page.</summary>
        public ArticleSummary? Article(ArticleContent article)
        {
            // Read here, not at import: only the articles in flight hold their text.
            article = ContentFolder.WithText(article);
            var key = options.Cache is null ? null : ArticleKey(article);
            if (key is not null && options.Cache!.GetArticle(key) is { } cached && Replay(cached)) return cached.Summary;

            var clock = Stopwatch.StartNew();
            var rendered = Renderer.RenderArticle(article, content, diagnostics);
            Interlocked.Add(ref _renderTicks, clock.Elapsed.Ticks);
            if (rendered is null) return null;
            Interlocked.Increment(ref _articlesRendered);
            var files = rendered.Pages.Select(p => new BuildCache.CachedFile(p.Path, File(p) ?? string.Empty)).ToList();
            if (key is not null && files.All(f => f.Key.Length > 0)) options.Cache!.PutArticle(key, new BuildCache.Article(rendered.Summary, files));
            return rendered.Summary;
        }

        // Every page of a cached article must still be in the cache; a missing one means the article is made again.
        private bool Replay(BuildCache.Article article)
        {
            var pages = article.Files.Select(f => (f.Path, Page: options.Cache!.GetPage(f.Key))).ToList();
            if (pages.Any(p => p.Page is null || (p.Path.EndsWith(".html", StringComparison.Ordinal) && p.Page.Facts is null))) return false;
            foreach (var (path, page) in pages) Emit(path, page!, reused: true);
            return true;
        }

        /// <summary>Minifies, verifies and compresses one file (or takes it from the cache) and writes it; returns its cache key, null for uncached files.</summary>
        public string? File(SiteFile file)
        {
            var extension = Path.GetExtension(file.Path);
            var minifiable = extension is ".html" or ".css" or ".js";
            var key = options.Cache is not null
                ? BuildCache.Key($"{file.Path}\0{options.Precompress}\0{options.Level}\0{templates.Fingerprint}", file)
                : null;
            if (key is not null && options.Cache!.GetPage(key) is { } cached && (extension != ".html" || cached.Facts is not null))
            {
                Emit(file.Path, cached, reused: true);
                return key;
            }

            var clock = Stopwatch.StartNew();
            var errorsBefore = diagnostics.ErrorCount;
            var minified = minifiable ? SiteMinifier.MinifyFile(file, diagnostics) : file;
            if (minifiable) Interlocked.Increment(ref _minified);
            Interlocked.Add(ref _minifyTicks, clock.Elapsed.Ticks);

            clock.Restart();
            var facts = extension == ".html" ? SiteVerifier.CheckPage(minified, diagnostics) : null;
            Interlocked.Add(ref _verifyTicks, clock.Elapsed.Ticks);

            clock.Restart();
            var compress = options.Precompress && Precompressor.IsCompressible(file.Path);
            var page = new BuildCache.Page(minified.Bytes,
                compress ? Precompressor.Gzip(minified.Bytes, options.Level) : null,
                compress ? Precompressor.Brotli(minified.Bytes, options.Level) : null,
                facts);
            Interlocked.Add(ref _compressTicks, clock.Elapsed.Ticks);

            Emit(file.Path, page, reused: false);
            if (key is null || diagnostics.ErrorCount > errorsBefore) return null;
            options.Cache!.PutPage(key, page);
            return key;
        }

        private void Emit(string path, BuildCache.Page page, bool reused)
        {
            var file = new SiteFile(path, page.Minified);
            sink.Write(file);
            Paths.Add(path);
            if (path.EndsWith(".html", StringComparison.Ordinal)) Interlocked.Increment(ref _pages);
            if (path.EndsWith(".css", StringComparison.Ordinal)) Stylesheets.Add(file);
            if (page.Facts is not null) Facts.Add(page.Facts with { Path = path });
            if (reused) Interlocked.Increment(ref _reused);
            if (page.Gzip is not null)
            {
                sink.Write(new SiteFile(path + ".gz", page.Gzip));
                Paths.Add(path + ".gz");
            }

            if (page.Brotli is not null)
            {
                sink.Write(new SiteFile(path + ".br", page.Brotli));
                Paths.Add(path + ".br");
                Interlocked.Increment(ref _compressed);
            }
        }

        // Everything an article's pages depend on: the templates, the edition's metadata, whether it is a journal, and the article's own files.
        private string ArticleKey(ArticleContent article)
        {
            var edition = content.Edition;
            var parts = new List<string>
            {
                templates.Fingerprint, options.Precompress.ToString(), options.Level.ToString(), content.IsJournal.ToString(),
                string.Join("\u0001", edition.Name.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key + "=" + n.Value)),
                edition.Publisher, edition.BaseUrl, edition.Licence, edition.Version,
                article.Slug, Content.MetadataYaml.Write(article.Metadata, string.Empty),
            };
            parts.AddRange(article.Chapters.Concat(article.Abstracts).SelectMany(f => new[] { f.Path, f.Text }));
            return BuildCache.Key([.. parts]);
        }
    }
}
