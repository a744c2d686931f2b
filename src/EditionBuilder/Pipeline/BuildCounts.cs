using EditionBuilder.Content;
using EditionBuilder.Verify;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>One build's counts and times, added up from every article's thread, its stage lines in order, and the <see cref="BuildReport"/> made of them.</summary>
internal sealed class BuildCounts(EditionContent content, IReadOnlyList<IArticleWriter> writers)
{
    private readonly List<StageReport> _stages = new();
    private long _parseTicks, _minifyTicks, _verifyTicks, _compressTicks;
    private int _articlesRendered, _minified, _reused, _reusedMinified, _compressed, _compressedNow, _pages, _files;

    /// <summary>What each article writer made in this build, by its name.</summary>
    public IReadOnlyDictionary<string, WriterTally> Tallies { get; } = writers.ToDictionary(w => w.Name, _ => new WriterTally(), StringComparer.Ordinal);

    public int ArticlesRendered => _articlesRendered;

    public int Minified => _minified;

    /// <summary>Files the minifier would take (HTML, CSS, JS, not the search index) reused from the cache: the minify line's other half.</summary>
    public int ReusedMinified => _reusedMinified;

    public int Compressed => _compressed;

    /// <summary>Files compressed in this build (the others' copies came from the cache).</summary>
    public int CompressedNow => _compressedNow;

    public int PageCount => _pages;

    /// <summary>The time the articles took to parse, on every thread.</summary>
    public TimeSpan ParseTime => TimeSpan.FromTicks(_parseTicks);

    public TimeSpan MinifyTime => TimeSpan.FromTicks(_minifyTicks);

    public TimeSpan VerifyTime => TimeSpan.FromTicks(_verifyTicks);

    public TimeSpan CompressTime => TimeSpan.FromTicks(_compressTicks);

    /// <summary>The link check's counts, once it ran.</summary>
    public SiteVerifier.Report? Links { get; set; }

    /// <summary>The pages to index later (<see cref="BuildOptions.IndexLater"/>).</summary>
    public SearchInput? SearchInput { get; set; }

    public SearchReport? Indexed { get; set; }

    public void AddParse(TimeSpan elapsed) => Interlocked.Add(ref _parseTicks, elapsed.Ticks);

    public void AddMinify(TimeSpan elapsed) => Interlocked.Add(ref _minifyTicks, elapsed.Ticks);

    public void AddVerify(TimeSpan elapsed) => Interlocked.Add(ref _verifyTicks, elapsed.Ticks);

    public void AddCompress(TimeSpan elapsed) => Interlocked.Add(ref _compressTicks, elapsed.Ticks);

    public void ArticleRendered() => Interlocked.Increment(ref _articlesRendered);

    public void FileMinified() => Interlocked.Increment(ref _minified);

    /// <summary>Counts a file written to the site: its copies, whether it is a page, came from the cache, was minified before, was compressed now.</summary>
    public void FileWritten(int copies, bool page, bool reused, bool minifiable, bool compressed)
    {
        Interlocked.Add(ref _files, copies);
        if (page) Interlocked.Increment(ref _pages);
        if (reused) Interlocked.Increment(ref _reused);
        if (reused && minifiable) Interlocked.Increment(ref _reusedMinified);
        if (!compressed) return;
        Interlocked.Increment(ref _compressed);
        if (!reused) Interlocked.Increment(ref _compressedNow);
    }

    /// <summary>Adds a stage line and hands it to <paramref name="progress"/>.</summary>
    public void Stage(Action<StageReport>? progress, string stage, string counts, TimeSpan elapsed, bool acrossThreads = true)
    {
        var report = new StageReport(stage, counts, elapsed, acrossThreads);
        _stages.Add(report);
        progress?.Invoke(report);
    }

    public BuildReport Report(bool succeeded) => new(
        succeeded, content.Articles.Count, content.Articles.Sum(a => a.Chapters.Count), _articlesRendered, _pages, _files,
        _minified, _reused, _compressed, Links?.Links ?? 0, Links?.NoteReferences ?? 0, _stages, succeeded ? SearchInput : null,
        Tallies.ToDictionary(t => t.Key, t => t.Value.Files, StringComparer.Ordinal))
    {
        ReusedMinified = _reusedMinified,
        CompressedNow = _compressedNow,
        Indexed = Indexed,
    };
}
