using System.Collections.Concurrent;
using System.Diagnostics;
using EditionBuilder.Cache;
using EditionBuilder.Diagnostics;
using EditionBuilder.Minify;
using EditionBuilder.Output;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Verify;

namespace EditionBuilder.Pipeline;

/// <summary>One file's way into the site: minified, verified and compressed (or taken from the cache), written to the sink, and remembered for the site-wide checks (the link check, the search index).</summary>
internal sealed class SiteFileStep(ISiteSink sink, BuildOptions options, ArticleCacheKey keys, BuildCounts counts, DiagnosticBag diagnostics)
{
    private readonly ConcurrentDictionary<string, SearchPage> _searchPages = new(StringComparer.Ordinal);

    /// <summary>Every path written, compressed copies included.</summary>
    public ConcurrentBag<string> Paths { get; } = new();

    /// <summary>What the link check needs of every page.</summary>
    public ConcurrentBag<PageFacts> Facts { get; } = new();

    /// <summary>The stylesheets written, whose links the link check follows.</summary>
    public ConcurrentBag<SiteFile> Stylesheets { get; } = new();

    /// <summary>The pages the search index takes, by path.</summary>
    public ICollection<SearchPage> SearchPages => _searchPages.Values;

    /// <summary>Minifies, verifies and compresses one file (or takes it from the cache) and writes it; returns what the cache keeps of it, null without a cache or after an error.</summary>
    public BuildCache.CachedFile? File(SiteFile file) => File(file, asIs: false);

    /// <summary>Like <see cref="File(SiteFile)"/>; a file made <paramref name="asIs"/> by another tool (the search index) is not minified.</summary>
    public BuildCache.CachedFile? File(SiteFile file, bool asIs)
    {
        var extension = Path.GetExtension(file.Path);
        var minify = options.Minify && !asIs && MinifierTakes(file.Path);
        var key = options.Cache is not null ? keys.Of(file) : null;
        if (key is not null && options.Cache!.GetPage(key) is { } cached && (extension != ".html" || cached.Facts is not null))
        {
            var reused = Write(file.Path, cached, reused: true, key);
            Record(reused);
            return Cached(reused, key);
        }

        var clock = Stopwatch.StartNew();
        var errorsBefore = diagnostics.ErrorCount;
        var processed = minify ? SiteMinifier.MinifyFile(file, diagnostics) : file.Composed();
        if (minify) counts.FileMinified();
        counts.AddMinify(clock.Elapsed);

        clock.Restart();
        var facts = extension == ".html" ? SiteVerifier.CheckPage(processed, diagnostics) : null;
        if (facts is not null && options.Search is not null && SearchIndex.IsSearchable(processed.AsText())) facts = facts with { Searchable = true };
        counts.AddVerify(clock.Elapsed);

        clock.Restart();
        var compress = options.Compression is not null && Precompressor.IsCompressible(file.Path);
        // The edition's search index is fetched in small pieces, one per query, and made again after every edit: the fast level
        // always (brotli 11 on every chunk would cost seconds for a few percent).
        var level = file.Path.StartsWith(EditionIndexWriter.Folder, StringComparison.Ordinal) ? Precompressor.Level.Fast : options.Compression.GetValueOrDefault();
        var page = new BuildCache.Page(processed.Bytes,
            compress ? Precompressor.Gzip(processed.Bytes, level) : null,
            compress ? Precompressor.Brotli(processed.Bytes, level) : null,
            facts);
        counts.AddCompress(clock.Elapsed);

        var written = Write(file.Path, page, reused: false, key);
        Record(written);
        if (key is null || diagnostics.ErrorCount > errorsBefore) return null;
        options.Cache!.PutPage(key, page);
        return Cached(written, key);
    }

    /// <summary>Writes a processed file and its compressed copies to the sink (each hashed once, here, for both the cache entry and the sink's stamps); counted only once <see cref="Record"/> takes it.</summary>
    public Emitted Write(string path, BuildCache.Page page, bool reused, string? key)
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

    /// <summary>Adds a written file to the site-wide checks and counts.</summary>
    public void Record(Emitted file)
    {
        foreach (var output in file.Outputs) Paths.Add(output.Path);
        if (file.Stylesheet is not null) Stylesheets.Add(file.Stylesheet);
        if (file.Facts is not null) Facts.Add(file.Facts with { Path = file.Path });
        if (file.Facts is { Searchable: true }) _searchPages[file.Path] = new SearchPage(file.Path, file.Key, file.Outputs.FirstOrDefault()?.Sha256, file.Bytes);
        counts.FileWritten(file.Outputs.Count, page: file.Path.EndsWith(".html", StringComparison.Ordinal), file.Reused, IsMinifiable(file.Path),
            compressed: file.Outputs.Any(o => o.Path.EndsWith(".br", StringComparison.Ordinal)));
    }

    private static BuildCache.CachedFile Cached(Emitted written, string key) =>
        new(written.Path, key, written.Outputs, written.Facts);

    private static bool MinifierTakes(string path) => Path.GetExtension(path) is ".html" or ".css" or ".js";

    // What the minify line counts: the search index's scripts are written compact by their engine and never minified.
    private static bool IsMinifiable(string path) =>
        MinifierTakes(path) && !path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal) && !path.StartsWith(EditionIndexWriter.Folder, StringComparison.Ordinal);

    /// <summary>A searchable page's bytes: read in this build, or, for a page linked unchanged from the last site, from the cache; null, with an error, when neither has them.</summary>
    public byte[]? PageBytes(SearchPage page)
    {
        var bytes = page.Bytes ?? (page.Key is null ? null : options.Cache?.GetPage(page.Key)?.Bytes);
        if (bytes is null) diagnostics.Error(DiagnosticCodes.SearchIndexFailed, page.Path, 0, 0, "the page to index is missing from the build cache; build again with --no-cache");
        return bytes;
    }
}

/// <summary>What a written file adds to the site-wide checks and counts: its files (with their hashes when there is a cache), facts and stylesheet; for the search index, its cache key and, when in hand, its bytes.</summary>
internal sealed record Emitted(string Path, IReadOnlyList<BuildCache.OutputFile> Outputs, PageFacts? Facts, SiteFile? Stylesheet, bool Reused, string? Key = null, byte[]? Bytes = null);

/// <summary>A page for the search index: the key of its processed page in the cache and its SHA-256 (with a cache), and its bytes when this build had them in hand.</summary>
internal sealed record SearchPage(string Path, string? Key, string? Sha256, byte[]? Bytes);
