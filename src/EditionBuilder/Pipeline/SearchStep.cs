using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Themes;
using EditionBuilder.Search;

namespace EditionBuilder.Pipeline;

/// <summary>The search index over the verified site's searchable pages: made now, shard by shard with unchanged shards replayed from the cache, or handed back for a later index (the live preview).</summary>
internal sealed class SearchStep(EditionContent content, BuildOptions options, SiteFileStep files, CacheReplay? replay, DiagnosticBag diagnostics)
{
    /// <summary>Indexes the searchable pages shard by shard (<see cref="SearchShards"/>): a shard whose pages are unchanged is replayed from the cache, the others are indexed again, two at a time; then the manifest. Null after an error.</summary>
    public (int Pages, int Files, int Shards, int Indexed)? Index(SearchIndex search)
    {
        var pages = files.SearchPages.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var shards = SearchShards.Split(pages.Keys, Math.Clamp(options.SearchShardCount, 1, SearchShards.Most), SearchShards.OldestFirst(content.Articles));
        var cache = options.Cache;
        var results = new ShardIndex?[shards.Count];
        var keys = new string?[shards.Count];
        var written = 0;
        for (var i = 0; i < shards.Count; i++)
        {
            // A shard's index depends only on its pages' bytes (known by their hashes), its folder, and the tool and its settings.
            var shard = shards[i];
            keys[i] = cache is null || shard.Paths.Any(p => string.IsNullOrEmpty(pages[p].Sha256)) ? null
                : BuildCache.Key([SearchIndex.Folder, search.Fingerprint, shard.Folder, .. shard.Paths.SelectMany(p => new[] { p, pages[p].Sha256! })]);
            if (keys[i] is { } key && cache!.GetArticle(key) is { } cached && LanguagesOf(cached, shard.Folder) is { } languages && replay!.Replay(cached))
            {
                results[i] = new ShardIndex(shard.Folder, languages, []);
                written += cached.Files.Count;
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
                var made = built[m].Files.Select(f => files.File(f, asIs: true)).ToList();
                written += made.Count;
                if (keys[i] is { } key && made.All(f => f is not null))
                {
                    cache!.PutArticle(key, new BuildCache.ArticleEntry(new ArticleSummary(SearchIndex.Folder, string.Empty, [], SearchIndex.Folder), made!));
                }
            }
        }
        catch (PagefindException e)
        {
            diagnostics.Error(DiagnosticCodes.SearchIndexFailed, SearchIndex.Folder, 0, 0, $"Pagefind failed while indexing the site: {e.Message}");
            return null;
        }

        files.File(SearchIndex.Manifest(results!), asIs: true);
        return (pages.Count, written + 1, shards.Count, missing.Count);
    }

    /// <summary>The searchable pages for a later index: keyed by their paths and hashes, their bytes taken now and decoded when the indexer asks (<see cref="BuildOptions.IndexLater"/>); null after an error.</summary>
    public SearchInput? Later()
    {
        var pages = files.SearchPages.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var bytes = new Dictionary<string, byte[]>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (files.PageBytes(page) is not { } read) return null;
            bytes[page.Path] = read;
        }

        // The articles' order is in the key: a changed date moves shard boundaries even when no page changed.
        var oldestFirst = SearchShards.OldestFirst(content.Articles);
        var key = pages.Any(p => string.IsNullOrEmpty(p.Sha256)) ? null
            : BuildCache.Key([SearchIndex.Folder, .. pages.SelectMany(p => new[] { p.Path, p.Sha256! }), "\0", .. oldestFirst]);
        return new SearchInput(key, pages.Select(p => (p.Path, string.IsNullOrEmpty(p.Sha256) ? null : p.Sha256)).ToList(),
            path => new SearchablePage(path, System.Text.Encoding.UTF8.GetString(bytes[path])), oldestFirst);
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

    // The searchable pages in path order (Pagefind's output depends on the order pages arrive in), each read when it is reached;
    // a page the cache cannot give is an error, and ends the list.
    private IEnumerable<SearchablePage> SearchDocumentsOneByOne(IEnumerable<SearchPage> pages)
    {
        foreach (var page in pages)
        {
            if (files.PageBytes(page) is not { } bytes) yield break;
            yield return new SearchablePage(page.Path, System.Text.Encoding.UTF8.GetString(bytes));
        }
    }
}
