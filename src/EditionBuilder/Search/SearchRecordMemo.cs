using System.Collections.Concurrent;

namespace EditionBuilder.Search;

/// <summary>The live preview's search records in memory, decoded, by the key of their article's pages: an edit makes the edited article's records again and every other article's are at hand without reading the cache.</summary>
public sealed class SearchRecordMemo
{
    private ConcurrentDictionary<string, IReadOnlyList<SearchRecord>> _kept = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, IReadOnlyList<SearchRecord>> _used = new(StringComparer.Ordinal);

    /// <summary>The records kept under this key, or null.</summary>
    public IReadOnlyList<SearchRecord>? Get(string key)
    {
        if (!_kept.TryGetValue(key, out var records) && !_used.TryGetValue(key, out records)) return null;
        _used[key] = records;
        return records;
    }

    /// <summary>Keeps an article's records under its key.</summary>
    public void Put(string key, IReadOnlyList<SearchRecord> records) => _used[key] = records;

    /// <summary>The build is over: only the records it used are kept, so the memo holds one site's worth.</summary>
    public void Finish()
    {
        _kept = _used;
        _used = new ConcurrentDictionary<string, IReadOnlyList<SearchRecord>>(StringComparer.Ordinal);
    }
}
