using System.Collections.Concurrent;

namespace EditionBuilder.Cache;

/// <summary>
/// The article half of the build cache in one file (<c>articles.index</c>): each article's entry (<see cref="ArticleEntryCodec"/>)
/// by its article key, the article key last computed for each article folder's stamps, and what each article.yml said
/// (<see cref="Content.IMetadataMemo"/>, as JSON) by its path and stamp. Read whole, once, when the build
/// first asks; written whole at the end of a good build with what that build used and made, so it holds one build's worth.
/// </summary>
/// <remarks>
/// Before it, a one-chapter rebuild of a 1,000-article journal opened, checked and decoded 2,000 small files (one entry and
/// one key per article). The file is sealed by <see cref="BuildCache"/> like every entry; this reader refuses what is not
/// well formed, and a refused index is empty: every article a miss, made again, never a wrong page. An entry is decoded
/// only when its article asks for it.
/// </remarks>
internal sealed class ArticleIndex
{
    public const string FileName = "articles.index";

    /// <summary>The kind the seal names.</summary>
    public const string Kind = "article index";

    private static readonly byte[] Magic = "EBX1"u8.ToArray();
    private const int KeyBytes = 32;

    private readonly Table<string> _keys;
    private readonly Table<ReadOnlyMemory<byte>> _entries;
    private readonly Table<ReadOnlyMemory<byte>> _metadata;
    private int _made;

    private ArticleIndex(Dictionary<string, string> keys, Dictionary<string, ReadOnlyMemory<byte>> entries, Dictionary<string, ReadOnlyMemory<byte>> metadata)
    {
        _keys = new(keys);
        _entries = new(entries);
        _metadata = new(metadata);
    }

    /// <summary>Whether this build used or made anything other than what the last one left: then the file is written again.</summary>
    public bool Changed => Volatile.Read(ref _made) > 0 || _keys.Changed || _entries.Changed || _metadata.Changed;

    /// <summary>The index in these bytes (the payload of a sealed file); empty when there are none or they are not an index.</summary>
    /// <param name="payload">The index's bytes.</param>
    /// <param name="owner">What holds them (a mapped file), released by <see cref="Release"/>; none for bytes in managed memory.</param>
    public static ArticleIndex Read(ReadOnlyMemory<byte>? payload, IDisposable? owner = null)
    {
        var index = Parse(payload);
        index._owner = owner;
        return index;
    }

    private IDisposable? _owner;

    /// <summary>The build is over: the bytes read are let go (a mapped file is unmapped), and the index holds nothing more.</summary>
    public void Release()
    {
        _keys.Clear();
        _entries.Clear();
        _metadata.Clear();
        Interlocked.Exchange(ref _owner, null)?.Dispose();
    }

    private static ArticleIndex Parse(ReadOnlyMemory<byte>? payload)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        if (payload is not { } bytes || bytes.Length < Magic.Length || !bytes.Span[..Magic.Length].SequenceEqual(Magic)) return new ArticleIndex(keys, entries, metadata);
        try
        {
            var at = Magic.Length;
            int Count()
            {
                var count = ReadCount(bytes.Span, ref at);
                return count <= bytes.Length - at ? count : throw new InvalidDataException("a count out of range");
            }

            string Key()
            {
                if (bytes.Length - at < KeyBytes) throw new InvalidDataException("truncated");
                var key = Convert.ToHexStringLower(bytes.Span.Slice(at, KeyBytes));
                at += KeyBytes;
                return key;
            }

            for (var i = Count(); i > 0; i--) keys[Key()] = Key();
            foreach (var blocks in new[] { entries, metadata })
            {
                for (var i = Count(); i > 0; i--)
                {
                    var key = Key();
                    var length = Count();
                    blocks[key] = bytes.Slice(at, length);
                    at += length;
                }
            }

            if (at != bytes.Length) throw new InvalidDataException("bytes after the end");
            return new ArticleIndex(keys, entries, metadata);
        }
        catch (InvalidDataException)
        {
            return new ArticleIndex(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        }
    }

    /// <summary>The article key last computed for a folder stamp key; null when unknown.</summary>
    public string? ArticleKeyFor(string stampKey) => _keys.TryUse(stampKey, out var key) ? key : null;

    public void RememberArticleKey(string stampKey, string articleKey)
    {
        if (IsKey(articleKey)) Put(_keys, stampKey, articleKey);
    }

    /// <summary>The article's entry, decoded; null when unknown or not well formed.</summary>
    public BuildCache.Article? GetArticle(string key)
    {
        if (!_entries.TryUse(key, out var bytes)) return null;
        var article = ArticleEntryCodec.Read(bytes.ToArray()); // a few kilobytes: decoded from a copy, the index may be a mapped file
        if (article is null) _entries.Forget(key);
        return article;
    }

    public void PutArticle(string key, byte[] entry) => Put(_entries, key, entry);

    /// <summary>What an article.yml said (JSON), by a key of its path and stamp; null when unknown.</summary>
    public ReadOnlyMemory<byte>? GetMetadata(string key) => _metadata.TryUse(key, out var json) ? json : null;

    public void PutMetadata(string key, byte[] json) => Put(_metadata, key, json);

    private void Put<T>(Table<T> table, string key, T value)
    {
        if (!IsKey(key)) return;
        table.Put(key, value);
        Interlocked.Increment(ref _made);
    }

    /// <summary>The bytes of the index of what this build used and made, keys in order (the same builds write the same file).</summary>
    public byte[] Write()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    /// <summary>Writes the index of what this build used and made to a stream, as it is made (see <see cref="Write()"/>).</summary>
    public void Write(Stream stream)
    {
        stream.Write(Magic);
        WriteCount(stream, _keys.Count);
        foreach (var (stamp, key) in _keys.InOrder)
        {
            stream.Write(Convert.FromHexString(stamp));
            stream.Write(Convert.FromHexString(key));
        }

        foreach (var blocks in new[] { _entries, _metadata })
        {
            WriteCount(stream, blocks.Count);
            foreach (var (key, entry) in blocks.InOrder)
            {
                stream.Write(Convert.FromHexString(key));
                WriteCount(stream, entry.Length);
                stream.Write(entry.Span);
            }
        }
    }

    /// <summary>One kind of record: those the last build left, and those this build used or made (what the next file holds).</summary>
    private sealed class Table<T>(Dictionary<string, T> last)
    {
        private readonly ConcurrentDictionary<string, T> _used = new(StringComparer.Ordinal);

        public int Count => _used.Count;

        /// <summary>Whether the records used differ from the last build's (none was made: then they are a subset, and equal when as many).</summary>
        public bool Changed => _used.Count != last.Count;

        /// <summary>Records in key order: the same builds write the same file.</summary>
        public IEnumerable<KeyValuePair<string, T>> InOrder => _used.OrderBy(k => k.Key, StringComparer.Ordinal);

        /// <summary>The record of a key, kept for the next file; false when there is none.</summary>
        public bool TryUse(string key, out T value)
        {
            if (_used.TryGetValue(key, out value!)) return true;
            if (!last.TryGetValue(key, out value!)) return false;
            _used[key] = value;
            return true;
        }

        public void Put(string key, T value) => _used[key] = value;

        public void Forget(string key) => _used.TryRemove(key, out _);

        public void Clear()
        {
            last.Clear();
            _used.Clear();
        }
    }

    // Keys are SHA-256 in lower-case hex (BuildCache.Key): what the file stores as 32 bytes.
    private static bool IsKey(string key) => key.Length == KeyBytes * 2 && key.All(char.IsAsciiHexDigitLower);

    private static void WriteCount(Stream stream, int count)
    {
        var value = (uint)count;
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static int ReadCount(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length) throw new InvalidDataException("truncated");
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value <= int.MaxValue ? (int)value : throw new InvalidDataException("a count out of range");
        }

        throw new InvalidDataException("a count out of range");
    }
}
