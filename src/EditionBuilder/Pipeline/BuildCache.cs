using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditionBuilder.Output;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Verify;

namespace EditionBuilder.Pipeline;

/// <summary>The content-hash cache of incremental builds (artifacts/.cache): an article whose inputs did not change is not rendered again, and a page whose HTML did not change is not minified, verified or compressed again. Keys include the tool and the templates, so a change to either rebuilds everything.</summary>
public sealed class BuildCache : IBuildCache
{
    private static readonly string ToolVersion = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public BuildCache(string folder) => _folder = folder;

    /// <summary>One processed page: its minified bytes, compressed copies when made, and its verification facts (HTML only).</summary>
    public sealed record Page(byte[] Minified, byte[]? Gzip, byte[]? Brotli, PageFacts? Facts);

    /// <summary>What an unchanged article contributes without rendering: its summary and its files.</summary>
    public sealed record Article(ArticleSummary Summary, IReadOnlyList<CachedFile> Files);

    /// <summary>A file of an article: the key of its processed page, the files it became (itself and its .gz/.br) and its verification facts, so an unchanged page need not be read.</summary>
    public sealed record CachedFile(string Path, string Key, IReadOnlyList<OutputFile> Outputs, PageFacts? Facts);

    /// <summary>A file of the site by its content: path, length and SHA-256.</summary>
    public sealed record OutputFile(string Path, long Length, string Sha256);

    public static string Key(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolVersion));
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The key of a rendered file: its path and settings, its bytes and, for a page with its bodies apart, each body.</summary>
    public static string Key(string prefix, SiteFile file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolVersion + "\0" + prefix + "\0"));
        hash.AppendData(file.Bytes);
        foreach (var fragment in file.Fragments ?? [])
        {
            var bytes = Encoding.UTF8.GetBytes(fragment.Html);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A page entry is one file, read with one call: "EBP1", four lengths (minified, gzip, brotli, facts; -1 when absent), the bytes,
    // then the SHA-256 of all that, so a damaged entry is a miss and never a wrong page.
    private static readonly byte[] PageMagic = "EBP1"u8.ToArray();

    public Page? GetPage(string key)
    {
        try
        {
            var entry = File.ReadAllBytes(EntryPath("pages", key) + ".page");
            if (entry.Length < 20 + SHA256.HashSizeInBytes || !entry.AsSpan(0, 4).SequenceEqual(PageMagic)) return null;
            var bytes = entry[..^SHA256.HashSizeInBytes];
            if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(entry.AsSpan(bytes.Length))) return null;
            var at = 20;
            byte[]? Next(int index)
            {
                var length = BitConverter.ToInt32(bytes, 4 + (4 * index));
                if (length < 0) return null;
                if (length > bytes.Length - at) throw new InvalidDataException("truncated cache entry");
                var part = bytes.AsSpan(at, length).ToArray();
                at += length;
                return part;
            }

            var minified = Next(0);
            var gzip = Next(1);
            var brotli = Next(2);
            var facts = Next(3) is { } json ? JsonSerializer.Deserialize(json, CacheJson.Default.PageFacts) : null;
            if (minified is null || at != bytes.Length) return null;
            _used[key] = 0;
            return new Page(minified, gzip, brotli, facts);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // A missing or damaged entry is a miss; the page is simply made again.
        }
    }

    public void PutPage(string key, Page page)
    {
        var path = EntryPath("pages", key) + ".page";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var facts = page.Facts is null ? null : JsonSerializer.SerializeToUtf8Bytes(page.Facts, CacheJson.Default.PageFacts);
        byte[]?[] parts = [page.Minified, page.Gzip, page.Brotli, facts];
        using var entry = new MemoryStream();
        entry.Write(PageMagic);
        foreach (var part in parts) entry.Write(BitConverter.GetBytes(part?.Length ?? -1));
        foreach (var part in parts) entry.Write(part ?? []);
        entry.Write(SHA256.HashData(entry.GetBuffer().AsSpan(0, (int)entry.Length)));
        WriteAtomically(path, entry.ToArray());
        _used[key] = 0;
    }

    public Article? GetArticle(string key)
    {
        var path = EntryPath("articles", key) + ".json";
        try
        {
            if (!File.Exists(path)) return null;
            var article = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJson.Default.Article);
            if (article is null) return null;
            _used[key] = 0;
            return article;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public void PutArticle(string key, Article article)
    {
        var path = EntryPath("articles", key) + ".json";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(article, CacheJson.Default.Article));
        _used[key] = 0;
    }

    /// <summary>Keeps a page entry through <see cref="Prune"/> without reading it (its page was linked from the last good site).</summary>
    public void Keep(string key) => _used[key] = 0;

    /// <summary>The article key last computed for the article files with these sizes and times (see <see cref="StampKey"/>); null when unknown.</summary>
    public string? ArticleKeyFor(string stampKey)
    {
        try
        {
            var key = File.ReadAllText(EntryPath("stamps", stampKey));
            if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower)) return null;
            _used[stampKey] = 0;
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void RememberArticleKey(string stampKey, string articleKey)
    {
        var path = EntryPath("stamps", stampKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteAtomically(path, Encoding.ASCII.GetBytes(articleKey));
        _used[stampKey] = 0;
    }

    /// <summary>A key for files by path, size and modification time: a file is read again only when one of them changed.</summary>
    public static string StampKey(string prefix, IEnumerable<string> files)
    {
        var parts = new List<string> { prefix };
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            parts.Add(info.Exists ? $"{file}\u0001{info.Length}\u0001{info.LastWriteTimeUtc.Ticks}" : $"{file}\u0001missing");
        }

        return Key([.. parts]);
    }

    /// <summary>The last good site's files as the previous build left them; empty when unknown.</summary>
    public IReadOnlyDictionary<string, FileStamp> LastOutput()
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(_folder, "output.json")), CacheJson.Default.DictionaryStringFileStamp)
                ?? new Dictionary<string, FileStamp>();
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new Dictionary<string, FileStamp>();
        }
    }

    /// <summary>Remembers the site just swapped in, for the next build's quick check.</summary>
    public void RememberOutput(IReadOnlyDictionary<string, FileStamp> files)
    {
        Directory.CreateDirectory(_folder);
        var sorted = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        WriteAtomically(Path.Combine(_folder, "output.json"), JsonSerializer.SerializeToUtf8Bytes(sorted, CacheJson.Default.DictionaryStringFileStamp));
    }

    /// <summary>Deletes every entry this build did not use, so the cache holds one build's worth.</summary>
    public void Prune()
    {
        foreach (var kind in new[] { "pages", "articles", "stamps" })
        {
            var root = Path.Combine(_folder, kind);
            if (!Directory.Exists(root)) continue;
            Parallel.ForEach(Directory.EnumerateDirectories(root), folder =>
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var name = Path.GetFileName(file);
                    var key = name.Contains('.') ? name[..name.IndexOf('.')] : name;
                    if (!_used.ContainsKey(key)) TryDelete(file);
                }
            });
        }
    }

    private string EntryPath(string kind, string key) => Path.Combine(_folder, kind, key[..2], key);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The cache's JSON, generated at compile time: no reflection, nothing to compile when a build starts.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(PageFacts))]
[System.Text.Json.Serialization.JsonSerializable(typeof(BuildCache.Article))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, FileStamp>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Content.ArticleMetadata))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Content.EditionMetadata))]
internal sealed partial class CacheJson : System.Text.Json.Serialization.JsonSerializerContext;
