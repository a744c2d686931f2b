using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EditionBuilder.Search;

/// <summary>How the searchable pages are split into shards, each a Pagefind index of its own that the search page merges: whole articles (the first folder of a page's path) in folder order, a shard ending after an article whose name hashes to a boundary, so adding, editing, renaming or deleting an article changes its own shard and no other.</summary>
/// <remarks>Fixed-size groups in content order would shift every later shard when an article is added or deleted in the middle; a boundary chosen by the article's own name (content-defined chunking) moves nothing else. The first shard is the search bundle's root folder, which also holds Pagefind's script and WebAssembly (Pagefind loads them from its first index); the others are named after their first article, so a shard keeps its folder while its first article stays.</remarks>
public static class SearchShards
{
    /// <summary>The fewest articles in a shard (but the last): fewer, larger shards keep a first query light (docs/search.md has the measurements behind these numbers).</summary>
    public const int FewestArticles = 4;

    /// <summary>Past <see cref="FewestArticles"/>, one article in this many ends its shard (by its name's hash): about 12 articles a shard.</summary>
    public const int BoundaryOneIn = 8;

    /// <summary>The most articles in one shard, whatever the names' hashes say.</summary>
    public const int MostArticles = 24;

    /// <summary>The manifest the search page reads: every shard's folder and languages.</summary>
    public const string ManifestName = "shards.json";

    /// <summary>One shard: its folder inside the search bundle (empty for the root) and its pages' paths, in path order.</summary>
    public sealed record Shard(string Folder, IReadOnlyList<string> Paths);

    /// <summary>Splits the pages, given by site path, into shards in a fixed order.</summary>
    public static IReadOnlyList<Shard> Split(IEnumerable<string> paths)
    {
        var byArticle = paths.GroupBy(ArticleOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shards = new List<Shard>();
        var current = new List<string>();
        var articles = 0;
        string? first = null;
        foreach (var article in byArticle)
        {
            first ??= article.Key;
            current.AddRange(article);
            articles++;
            if (articles >= MostArticles || (articles >= FewestArticles && Hash(article.Key) % BoundaryOneIn == 0)) Close();
        }

        Close();
        return shards;

        void Close()
        {
            if (current.Count == 0) return;
            current.Sort(StringComparer.Ordinal);
            shards.Add(new Shard(shards.Count == 0 ? string.Empty : FolderFor(first!), current.ToList()));
            current.Clear();
            articles = 0;
            first = null;
        }
    }

    // The article a page belongs to: its first folder; pages at the site's root make a group of their own.
    private static string ArticleOf(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    // Hex, so it never meets Pagefind's own folders (index/, fragment/, filter/), and short.
    private static string FolderFor(string article) => "s" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article)).AsSpan(0, 5)) + "/";

    private static uint Hash(string article) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("shard\0" + article)));
}
