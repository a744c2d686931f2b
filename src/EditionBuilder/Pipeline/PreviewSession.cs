using System.Diagnostics;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Output;
using EditionBuilder.Search;
using EditionBuilder.Themes;

namespace EditionBuilder.Pipeline;

/// <summary>The live preview's site: the one pipeline in memory (verified, neither minified nor compressed), built again after each change with unchanged articles replayed from memory. A failed rebuild, whatever its cause, keeps the last good site.</summary>
/// <remarks>With the edition's own index, each article's records are kept in memory and an edit makes only the edited article's records and the index files again, in the rebuild. With Pagefind, the pages are rebuilt at once and the index follows in the background (Pagefind takes seconds on a large journal): until it is ready the last index is served with the new pages.</remarks>
/// <param name="contentFolder">The content folder to build.</param>
/// <param name="loadTheme">Loads the theme in use (reported errors go to the bag; null when it has errors).</param>
/// <param name="search">The preview's search (its engine, and the Pagefind program for Pagefind's); null for a preview without search.</param>
/// <param name="indexed">Told when a background index is ready (its report) or failed (the reason).</param>
public sealed class PreviewSession(string contentFolder, Func<DiagnosticBag, Theme?> loadTheme, SiteSearch? search = null, Action<PreviewIndexReport>? indexed = null)
{
    private readonly MemoryBuildCache _cache = new();
    private readonly SearchRecordMemo _records = new();
    private readonly object _gate = new();
    private readonly object _filesGate = new();
    private IReadOnlyDictionary<string, byte[]> _index = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    private SearchInput? _pendingIndex;
    // The last index's shards by the key of their pages (touched by the one indexer only).
    private Dictionary<string, ShardIndex> _shards = new(StringComparer.Ordinal);
    private string? _indexedKey;
    private Task _indexing = Task.CompletedTask;
    private bool _indexerRunning;

    /// <summary>Completes when the index of the last good build is in <see cref="Files"/> (at once without search).</summary>
    public Task Indexed
    {
        get { lock (_filesGate) return _indexing; }
    }
    private IReadOnlyDictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    private TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What one rebuild did.</summary>
    public sealed record Report(bool Succeeded, BuildReport? Build, TimeSpan Elapsed);

    /// <summary>The last good site by path; empty before the first good build.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Completes at the next good rebuild (the open pages then reload).</summary>
    public Task NextRebuild
    {
        get { lock (_gate) return _rebuilt.Task; }
    }

    /// <summary>Builds the site again; on failure the diagnostics say why and <see cref="Files"/> stays the last good site.</summary>
    public Report Rebuild(DiagnosticBag diagnostics)
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            BuildReport? report = null;
            try
            {
                var content = ContentFolder.Read(contentFolder, diagnostics, deferText: true, memo: _cache);
                var theme = content is null ? null : loadTheme(diagnostics);
                if (content is not null && theme is not null)
                {
                    var sink = new MemorySink();
                    report = new SiteBuild(theme, new BuildOptions { Minify = false, Compression = null, Cache = _cache, Search = search, SearchRecords = _records, IndexLater = search is { Engine: SearchEngine.Pagefind } })
                        .Run(content, sink, diagnostics);
                    if (report.Succeeded)
                    {
                        var files = sink.Files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
                        lock (_filesGate)
                        {
                            foreach (var (path, bytes) in _index) files[path] = bytes;
                            _files = files;
                        }

                        if (report.SearchPages is { } pages) IndexInBackground(pages);
                    }
                }
            }
            catch (Exception e)
            {
                // An editor's half-written file, a source the importer fails on, or a fault of ours: the preview says so and keeps
                // serving the last good site. Out of memory too: it comes from one allocation too big (a hostile source), already given up.
                var why = e is OutOfMemoryException ? "it ran out of memory" : e.Message.Split('\n')[0];
                diagnostics.Error(DiagnosticCodes.InternalFailure, contentFolder, 0, 0, $"the rebuild failed unexpectedly ({why}); still serving the last good build");
            }

            var succeeded = report is { Succeeded: true } && !diagnostics.HasErrors;
            if (succeeded)
            {
                var previous = _rebuilt;
                _rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                previous.TrySetResult();
            }

            return new Report(succeeded, report, clock.Elapsed);
        }
    }

    // One index at a time; a newer set of pages replaces one still waiting, and an unchanged set is not indexed again.
    // Only the pages' key is looked at here: the pages are decoded by the indexer, off the rebuild.
    private void IndexInBackground(SearchInput pages)
    {
        lock (_filesGate)
        {
            if (pages.Key is not null && pages.Key == _indexedKey) return;
            _indexedKey = pages.Key;
            _pendingIndex = pages;
            if (!_indexerRunning)
            {
                // The flag, not the task's state: the indexer clears it under this lock as it leaves, so a set of pages
                // given just as it finishes still gets an indexer (the task may not be completed yet at that moment).
                _indexerRunning = true;
                _indexing = Task.Run(IndexPending);
            }
        }
    }

    private void IndexPending()
    {
        while (true)
        {
            SearchInput? input;
            lock (_filesGate)
            {
                input = _pendingIndex;
                _pendingIndex = null;
                if (input is null)
                {
                    _indexerRunning = false;
                    return;
                }
            }

            var clock = Stopwatch.StartNew();
            try
            {
                // Only the shards whose pages changed are indexed again; the others keep the files of the last index.
                var index = new SearchIndex(search!.Pagefind!);
                var shards = SearchShards.SplitEven(input.Listed.Select(p => p.Path), SearchShards.Preview, input.OldestFirst);
                var hashes = input.Listed.ToDictionary(p => p.Path, p => p.Sha256, StringComparer.Ordinal);
                var keys = shards.Select(s => s.Paths.Any(p => hashes[p] is null) ? null
                    : BuildCache.Key([index.Fingerprint, s.Folder, .. s.Paths.SelectMany(p => new[] { p, hashes[p]! })])).ToList();
                var results = new ShardIndex?[shards.Count];
                for (var i = 0; i < shards.Count; i++) results[i] = keys[i] is { } key && _shards.TryGetValue(key, out var kept) ? kept : null;
                var missing = Enumerable.Range(0, shards.Count).Where(i => results[i] is null).ToList();
                var built = index.BuildShards(missing.Select(i => shards[i]).ToList(), shard => shard.Paths.Select(input.Read));
                for (var m = 0; m < missing.Count; m++) results[missing[m]] = built[m];
                var shardsNow = new Dictionary<string, ShardIndex>(StringComparer.Ordinal);
                for (var i = 0; i < shards.Count; i++) if (keys[i] is { } key) shardsNow[key] = results[i]!;
                _shards = shardsNow;

                var bundle = results.SelectMany(r => r!.Files).Append(SearchIndex.Manifest(results!)).ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
                lock (_filesGate)
                {
                    var files = _files.Where(f => !f.Key.StartsWith(SearchIndex.Folder, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
                    foreach (var (path, bytes) in bundle) files[path] = bytes;
                    _index = bundle;
                    _files = files;
                }

                indexed?.Invoke(new PreviewIndexReport(true, input.Count, bundle.Count, clock.Elapsed, string.Empty, shards.Count, missing.Count));
            }
            catch (Exception e) when (e is PagefindException or IOException or System.ComponentModel.Win32Exception)
            {
                lock (_filesGate) _indexedKey = null;
                indexed?.Invoke(new PreviewIndexReport(false, input.Count, 0, clock.Elapsed, e.Message));
            }
        }
    }
}

/// <summary>What one background index of the preview did: pages, files, shards (and how many were indexed again) and time, or the reason it failed.</summary>
public sealed record PreviewIndexReport(bool Succeeded, int Pages, int Files, TimeSpan Elapsed, string Problem, int Shards = 0, int ShardsIndexed = 0);
