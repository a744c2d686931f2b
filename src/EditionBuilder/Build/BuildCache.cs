using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditionBuilder.Render;
using EditionBuilder.Verify;

namespace EditionBuilder.Build;

/// <summary>The content-hash cache of incremental builds (artifacts/.cache): an article whose inputs did not change is not rendered again, and a page whose HTML did not change is not minified, verified or compressed again. Keys include the tool and the templates, so a change to either rebuilds everything.</summary>
public sealed class BuildCache
{
    private static readonly string ToolVersion = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public BuildCache(string folder) => _folder = folder;

    /// <summary>One processed page: its minified bytes, compressed copies when made, and its verification facts (HTML only).</summary>
    public sealed record Page(byte[] Minified, byte[]? Gzip, byte[]? Brotli, SiteVerifier.PageFacts? Facts);

    /// <summary>What an unchanged article contributes without rendering: its summary and its files' paths and keys.</summary>
    public sealed record Article(ArticleSummary Summary, IReadOnlyList<CachedFile> Files);

    /// <summary>A file of an article and the key of its processed bytes.</summary>
    public sealed record CachedFile(string Path, string Key);

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

    public Page? GetPage(string key)
    {
        var path = EntryPath("pages", key);
        try
        {
            if (!File.Exists(path + ".min")) return null;
            var facts = File.Exists(path + ".facts") ? JsonSerializer.Deserialize<SiteVerifier.PageFacts>(File.ReadAllBytes(path + ".facts"), Json) : null;
            var page = new Page(File.ReadAllBytes(path + ".min"), ReadIfExists(path + ".gz"), ReadIfExists(path + ".br"), facts);
            _used[key] = 0;
            return page;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // A damaged entry is a miss; the page is simply made again.
        }
    }

    public void PutPage(string key, Page page)
    {
        var path = EntryPath("pages", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (page.Facts is not null) WriteAtomically(path + ".facts", JsonSerializer.SerializeToUtf8Bytes(page.Facts, Json));
        if (page.Gzip is not null) WriteAtomically(path + ".gz", page.Gzip);
        if (page.Brotli is not null) WriteAtomically(path + ".br", page.Brotli);
        WriteAtomically(path + ".min", page.Minified); // last: its presence marks the entry complete
        _used[key] = 0;
    }

    public Article? GetArticle(string key)
    {
        var path = EntryPath("articles", key) + ".json";
        try
        {
            if (!File.Exists(path)) return null;
            var article = JsonSerializer.Deserialize<Article>(File.ReadAllBytes(path), Json);
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
        WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(article, Json));
        _used[key] = 0;
    }

    /// <summary>Deletes every entry this build did not use, so the cache holds one build's worth.</summary>
    public void Prune()
    {
        foreach (var kind in new[] { "pages", "articles" })
        {
            var root = Path.Combine(_folder, kind);
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                var key = name.Contains('.') ? name[..name.IndexOf('.')] : name;
                if (!_used.ContainsKey(key)) TryDelete(file);
            }
        }
    }

    private string EntryPath(string kind, string key) => Path.Combine(_folder, kind, key[..2], key);

    private static byte[]? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

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
