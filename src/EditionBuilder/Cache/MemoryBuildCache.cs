using System.Collections.Concurrent;
using EditionBuilder.Output;

namespace EditionBuilder.Cache;

/// <summary>The build cache of the live preview, in memory: an unchanged article is replayed from its processed pages instead of rendered again.</summary>
public sealed class MemoryBuildCache : IBuildCache
{
    private readonly ConcurrentDictionary<string, BuildCache.Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BuildCache.Article> _articles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public BuildCache.Page? GetPage(string key) => Use(key, _pages.GetValueOrDefault(key));

    public void PutPage(string key, BuildCache.Page page) => _pages[Used(key)] = page;

    public BuildCache.Article? GetArticle(string key) => Use(key, _articles.GetValueOrDefault(key));

    public void PutArticle(string key, BuildCache.Article article) => _articles[Used(key)] = article;

    public void Keep(string key) => _used[key] = 0;

    public string? ArticleKeyFor(string stampKey) => Use(stampKey, _stamps.GetValueOrDefault(stampKey));

    public void RememberArticleKey(string stampKey, string articleKey) => _stamps[Used(stampKey)] = articleKey;

    public Content.ArticleMetadata? Recall(string path, Files.PathStat stat) => RecallJson(BuildCache.MetadataKey(path, stat), CacheJson.Default.ArticleMetadata);

    public void Remember(string path, Files.PathStat stat, Content.ArticleMetadata metadata) =>
        _metadata[Used(BuildCache.MetadataKey(path, stat))] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(metadata, CacheJson.Default.ArticleMetadata);

    public Content.ImportMemo? RecallImport(string folder, string folderStamp) => RecallJson(BuildCache.ImportKey(folder, folderStamp), CacheJson.Default.ImportMemo);

    // A record kept as JSON by its key, as a new object; null when unknown.
    private T? RecallJson<T>(string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class =>
        Use(key, _metadata.GetValueOrDefault(key)) is { } json ? System.Text.Json.JsonSerializer.Deserialize(json, type) : null;

    public void RememberImport(string folder, string folderStamp, Content.ImportMemo memo) =>
        _metadata[Used(BuildCache.ImportKey(folder, folderStamp))] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(memo, CacheJson.Default.ImportMemo);

    // A preview writes no folder, so there is no last site to link from.
    public IReadOnlyDictionary<string, FileStamp> LastOutput() => new Dictionary<string, FileStamp>();

    public void RememberOutput(IReadOnlyDictionary<string, FileStamp> files)
    {
    }

    public void Finish()
    {
        foreach (var store in new IEnumerable<string>[] { _pages.Keys, _articles.Keys, _stamps.Keys, _metadata.Keys })
        {
            foreach (var key in store.Where(k => !_used.ContainsKey(k)).ToList())
            {
                _pages.TryRemove(key, out _);
                _articles.TryRemove(key, out _);
                _stamps.TryRemove(key, out _);
                _metadata.TryRemove(key, out _);
            }
        }

        _used.Clear();
    }

    private string Used(string key)
    {
        _used[key] = 0;
        return key;
    }

    private T? Use<T>(string key, T? value)
    {
        if (value is not null) _used[key] = 0;
        return value;
    }
}
