using System.Diagnostics;
using EditionBuilder.Cache;
using EditionBuilder.Diagnostics;
using EditionBuilder.Search;
using EditionBuilder.Themes;

namespace EditionBuilder.Pipeline;

/// <summary>The edition's own search index over the verified site's searchable pages: each article's records made once and kept in the cache under its pages' paths and hashes, made again only for an article whose pages changed, then all merged into <c>search/</c> (<see cref="EditionIndexWriter"/>).</summary>
internal sealed class EditionSearchStep(BuildOptions options, SiteFileStep files, CacheReplay? replay)
{
    /// <summary>Changes when what a record holds or how it is read from a page changes, so cached records of another reading are not used.</summary>
    public const string RecordFormat = "records 2";

    /// <summary>Makes the index; null after an error.</summary>
    public SearchReport? Index()
    {
        var clock = Stopwatch.StartNew();
        var groups = files.SearchPages.GroupBy(p => ArticleOf(p.Path), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Path, StringComparer.Ordinal).ToList())
            .ToList();
        var keys = groups.Select(KeyOf).ToList();
        // Every article's pages as last time: the whole index is the last one, replayed from the cache without reading a record.
        var indexKey = keys.Any(k => k is null) ? null : BuildCache.Key([EditionIndexWriter.Folder, "index", .. keys!]);
        if (indexKey is not null && options.Cache!.GetArticle(indexKey) is { } last && replay!.Replay(last))
        {
            PhaseClock.Mark("search: the index unchanged, replayed from the cache");
            return new SearchReport(groups.Sum(g => g.Count), last.Files.Count, Reused: true, groups.Count, 0);
        }

        var made = new IReadOnlyList<SearchRecord>?[groups.Count];
        var again = 0;
        var failed = 0;
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var group = groups[i];
            var key = keys[i];
            if (key is not null && options.SearchRecords?.Get(key) is { } kept)
            {
                made[i] = kept;
                return;
            }

            if (key is not null && options.Cache!.GetPage(key) is { } cached && SearchRecordCodec.Read(cached.Bytes) is { } records && Matches(records, group))
            {
                made[i] = records;
                options.SearchRecords?.Put(key, records);
                return;
            }

            var fresh = new List<SearchRecord>(group.Count);
            foreach (var page in group)
            {
                if (files.PageBytes(page) is not { } bytes)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }

                fresh.Add(SearchRecord.Of(page.Path, System.Text.Encoding.UTF8.GetString(bytes)));
            }

            made[i] = fresh;
            Interlocked.Increment(ref again);
            if (key is null) return;
            options.Cache!.PutPage(key, new BuildCache.Page(SearchRecordCodec.Write(fresh), null, null, null));
            options.SearchRecords?.Put(key, fresh);
        });
        if (failed > 0) return null;
        options.SearchRecords?.Finish();
        // Pages in ordinal path order across folders: folder "a" sorts before "a-b", but "a-b/x" before "a/x".
        var records = made.SelectMany(r => r!).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        PhaseClock.Mark($"search: records of {groups.Count} article(s), {again} made now ({clock.Elapsed.TotalMilliseconds:F0} ms)");

        clock.Restart();
        var index = EditionIndexWriter.Write(records);
        PhaseClock.Mark($"search: merged {records.Count} records into {index.Count} files, {index.Sum(f => (long)f.Bytes.Length) / 1024} KiB ({clock.Elapsed.TotalMilliseconds:F0} ms)");
        // Each file minified by no one, verified by no one: compressed (or taken from the cache) and written, on every core.
        var written = new BuildCache.CachedFile?[index.Count];
        Parallel.For(0, index.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => written[i] = files.File(index[i], asIs: true));
        if (indexKey is not null && written.All(f => f is not null))
        {
            options.Cache!.PutArticle(indexKey, new BuildCache.ArticleEntry(new ArticleSummary(EditionIndexWriter.Folder, string.Empty, [], EditionIndexWriter.Folder), written!));
        }

        PhaseClock.Mark("search: files written");
        return new SearchReport(records.Count, index.Count, again == 0, groups.Count, again);
    }

    // An article's records depend only on its pages' bytes (known by their hashes) and on how records are read and stored.
    private string? KeyOf(List<SearchPage> group) =>
        options.Cache is null || group.Any(p => string.IsNullOrEmpty(p.Sha256)) ? null
            : BuildCache.Key([EditionIndexWriter.Folder, RecordFormat, EditionIndexWriter.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), .. group.SelectMany(p => new[] { p.Path, p.Sha256! })]);

    // Cached records are used only for exactly these pages, in this order (a key collision or a damaged entry is a miss).
    private static bool Matches(IReadOnlyList<SearchRecord> records, List<SearchPage> group) =>
        records.Count == group.Count && records.Select(r => r.Path).SequenceEqual(group.Select(p => p.Path), StringComparer.Ordinal);

    // The article a page belongs to: its first folder; pages at the site's root make a group of their own.
    private static string ArticleOf(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
