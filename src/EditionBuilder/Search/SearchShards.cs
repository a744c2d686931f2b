using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EditionBuilder.Search;

/// <summary>How the searchable pages are split into shards, each a Pagefind index of its own that the search page merges: whole articles (the first folder of a page's path) in folder order, a shard ending after an article whose name hashes to a boundary, so adding, editing, renaming or deleting an article changes its own shard (rarely a neighbour too).</summary>
/// <remarks>Fixed-size groups in content order would shift every later shard when an article is added or deleted in the middle; a boundary chosen by the article's own name (content-defined chunking) moves at most a neighbour. The first shard is the search bundle's root folder, which also holds Pagefind's script and WebAssembly (Pagefind loads them from its first index); the others are named after their first article, so a shard keeps its folder while its first article stays.</remarks>
public static class SearchShards
{
    /// <summary>Shards of a published site at most, about: every shard costs a first query its metadata and an index chunk per language (about 12 KB at 200 articles, against a budget of 150 KB of which one index already takes 118–132 KB), so a published index stays in two or three (docs/search.md has the measurements).</summary>
    public const int Published = 3;

    /// <summary>Shards of the live preview at most, about: served from this machine, where a first query's weight does not matter, so an edit re-indexes a small shard.</summary>
    public const int Preview = 32;

    /// <summary>The manifest the search page reads: every shard's folder and languages.</summary>
    public const string ManifestName = "shards.json";

    /// <summary>One shard: its folder inside the search bundle (empty for the root) and its pages' paths, in path order.</summary>
    public sealed record Shard(string Folder, IReadOnlyList<string> Paths);

    /// <summary>Splits the pages, given by site path, into about <paramref name="most"/> shards at most, in a fixed order.</summary>
    public static IReadOnlyList<Shard> Split(IEnumerable<string> paths, int most)
    {
        var byArticle = paths.GroupBy(ArticleOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return Split(byArticle, UnitFor(byArticle.Count, most));
    }

    /// <summary>The shards' unit for this many articles: a shard holds at least this many articles and at most twice as many, ending after an article whose name's hash is a multiple of it. A power of two, so it changes (and every shard with it) only when the journal doubles.</summary>
    public static int UnitFor(int articles, int most)
    {
        var unit = 1;
        while (((2 * unit) - 1) * most < articles) unit *= 2;
        return unit;
    }

    private static List<Shard> Split(List<IGrouping<string, string>> byArticle, int unit)
    {
        var shards = new List<Shard>();
        var current = new List<string>();
        var articles = 0;
        string? first = null;
        foreach (var article in byArticle)
        {
            first ??= article.Key;
            current.AddRange(article);
            articles++;
            if (articles >= 2 * unit || (articles >= unit && Hash(article.Key) % (uint)unit == 0)) Close();
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
