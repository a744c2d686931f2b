using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Content;

namespace EditionBuilder.Search;

/// <summary>How the searchable pages are split into shards, each a Pagefind index of its own that the search page merges: whole articles (the first folder of a page's path) by age, oldest first, in shards that shrink towards the newest, so editing or adding a recent article re-indexes only a small shard.</summary>
/// <remarks>A journal's edits and additions happen in its newest articles ("a typo in the newest article should not re-index twenty years of archive"). Anchored at the oldest article: the newest article is a shard of its own (the tail), and the older ones are written as a number in a power-of-two base, each digit a shard of that many times its place (with many shards, a binary counter; with three, one big shard, one of fewer than base articles, the tail). Editing the newest article re-indexes one article; adding one moves the last newest into the lowest digit's shard (and, when that digit carries, merges it upwards); shards above the change keep their articles, so their indexes come from the cache. An edit to an old article costs its big shard; inserting or deleting an article in the middle of the order moves every later boundary. The first shard (the oldest) is the search bundle's root folder, which also holds Pagefind's script and WebAssembly (Pagefind loads them from its first index); the others are named after their first article and their size.</remarks>
public static class SearchShards
{
    /// <summary>Shards of a published site at most, by default: one index. Every shard costs a first query one more Pagefind index chunk (about 60 KB before compression; 21–37 KB for one article), and the reader's first query is held to 150 KB: one index took 119–132 KB at 200 generated articles, three shards by age 170–192 KB (docs/search.md, "The choice"). A publisher who rebuilds a big journal often chooses more with <c>edition build --search-shards 3</c> (<c>BuildOptions.SearchShardCount</c>): then editing the newest article re-indexes that article alone.</summary>
    public const int Published = 1;

    /// <summary>The most shards a published site may be split into (<c>--search-shards</c>).</summary>
    public const int Most = 32;

    /// <summary>Shards of the live preview at most: served from this machine, where a first query's weight does not matter, so an edit re-indexes a small shard (<see cref="SplitEven"/>).</summary>
    public const int Preview = 32;

    /// <summary>The manifest the search page reads: every shard's folder and languages.</summary>
    public const string ManifestName = "shards.json";

    /// <summary>One shard: its folder inside the search bundle (empty for the root) and its pages' paths, in path order.</summary>
    public sealed record Shard(string Folder, IReadOnlyList<string> Paths);

    /// <summary>The articles' folders oldest first: by date (YYYY, YYYY-MM or YYYY-MM-DD as written), then by folder name; an article without a date counts as newer than every dated one (it is being prepared), so a journal without dates is in folder order.</summary>
    public static IReadOnlyList<string> OldestFirst(IEnumerable<ArticleContent> articles) =>
        articles.Select(a => (a.Slug, Date: PublicationDate.Parse(a.Metadata.Date)?.Iso))
            .OrderBy(a => a.Date is null ? 1 : 0)
            .ThenBy(a => a.Date, StringComparer.Ordinal)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .Select(a => a.Slug)
            .ToList();

    /// <summary>Splits the pages, given by site path, into at most <paramref name="most"/> shards by the articles' age (<paramref name="oldestFirst"/>: article folders, oldest first; pages of folders it does not name come first, in folder order; without it, folder order is the age).</summary>
    public static IReadOnlyList<Shard> Split(IEnumerable<string> paths, int most, IReadOnlyList<string>? oldestFirst = null) =>
        Lay(paths, oldestFirst, articles => Sizes(articles, most));

    /// <summary>Splits the pages like <see cref="Split"/>, but into groups of one size (the live preview): the newest article alone, the older ones in groups of <see cref="GroupFor"/> articles from the oldest, so an edit to any article re-indexes at most one group, where <see cref="Split"/>'s big shards make an old article's edit cost most of the site.</summary>
    public static IReadOnlyList<Shard> SplitEven(IEnumerable<string> paths, int most, IReadOnlyList<string>? oldestFirst = null) =>
        Lay(paths, oldestFirst, articles => EvenSizes(articles, most));

    /// <summary>The shards' sizes in articles for <see cref="SplitEven"/>, oldest first: groups of <see cref="GroupFor"/> articles, the last one partly filled, then the newest article alone.</summary>
    public static IReadOnlyList<int> EvenSizes(int articles, int most)
    {
        if (articles <= 0) return [];
        if (most <= 1 || articles == 1) return [articles];
        var older = articles - 1;
        var group = GroupFor(articles, most);
        var sizes = new List<int>();
        for (var left = older; left > 0; left -= group) sizes.Add(Math.Min(group, left));
        sizes.Add(1);
        return sizes;
    }

    /// <summary>The articles in one of <see cref="SplitEven"/>'s groups: the smallest power of two that keeps the groups and the newest article within <paramref name="most"/> shards, so it doubles (and the layout changes) only when the journal passes a power of two times the budget.</summary>
    public static int GroupFor(int articles, int most)
    {
        var group = 1;
        while (group < 1 << 20 && (articles - 1 + group - 1) / group > Math.Max(most - 1, 1)) group *= 2;
        return group;
    }

    private static IReadOnlyList<Shard> Lay(IEnumerable<string> paths, IReadOnlyList<string>? oldestFirst, Func<int, IReadOnlyList<int>> sizesFor)
    {
        var age = new Dictionary<string, int>(StringComparer.Ordinal);
        if (oldestFirst is not null) for (var i = 0; i < oldestFirst.Count; i++) age.TryAdd(oldestFirst[i], i);
        var byArticle = paths.GroupBy(ArticleOf, StringComparer.Ordinal)
            .OrderBy(g => age.TryGetValue(g.Key, out var at) ? at : -1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var shards = new List<Shard>();
        var start = 0;
        foreach (var size in sizesFor(byArticle.Count))
        {
            var articles = byArticle.GetRange(start, size);
            var pages = articles.SelectMany(a => a).Order(StringComparer.Ordinal).ToList();
            shards.Add(new Shard(shards.Count == 0 ? string.Empty : FolderFor(articles[0].Key, size), pages));
            start += size;
        }

        return shards;
    }

    /// <summary>The shards' sizes in articles, oldest first, for this many articles and at most <paramref name="most"/> shards: the older articles written as a number in base <see cref="BaseFor"/> with <paramref name="most"/> − 1 digits, each non-zero digit a shard of that many times its place's articles, highest place first; then the newest article alone (the tail).</summary>
    public static IReadOnlyList<int> Sizes(int articles, int most)
    {
        if (articles <= 0) return [];
        if (most <= 1 || articles == 1) return [articles];
        var older = articles - 1;
        var places = most - 1;
        var radix = BaseFor(articles, most);
        var sizes = new List<int>();
        for (var place = places - 1; place >= 0; place--)
        {
            var weight = 1L;
            for (var i = 0; i < place; i++) weight *= radix;
            // The highest place takes whatever is left, so the count never passes the budget.
            var digit = place == places - 1 ? older / weight : older / weight % radix;
            if (digit > 0) sizes.Add((int)(digit * weight));
        }

        sizes.Add(1);
        return sizes;
    }

    /// <summary>The base of the older articles' digits: the smallest power of two whose places hold them all, so it grows, and the layout with it, only when the journal passes a power of it (at 3 shards: 256, 1,024, 4,096 articles; with 32 shards it stays 2, a binary counter).</summary>
    public static int BaseFor(int articles, int most)
    {
        var places = Math.Max(most - 1, 1);
        var radix = 2;
        while (radix < 1 << 20 && Math.Pow(radix, places) < articles) radix *= 2;
        return radix;
    }

    // The article a page belongs to: its first folder; pages at the site's root make a group of their own.
    private static string ArticleOf(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    // Hex, so it never meets Pagefind's own folders (index/, fragment/, filter/), and short; the size is in the name, so a shard
    // that grew in a carry is a new folder, never the old one's files in place.
    private static string FolderFor(string article, int size) =>
        "s" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{article}\0{size}")).AsSpan(0, 5)) + "/";
}
