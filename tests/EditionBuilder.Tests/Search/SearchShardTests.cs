using System.Text;
using System.Text.Json;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>Search split into shards (issue 30): whole articles per shard in folder order, a change re-indexing only its own shard, and an incremental index with exactly the bytes of a clean one after adding, editing, renaming and deleting articles; a damaged shard in the site or the cache is made again, never served.</summary>
public class SearchShardTests
{
    private static IEnumerable<string> PagesOf(string article) =>
        [$"{article}/01-a.html", $"{article}/02-b.html", $"{article}/en/index.html"];

    private static List<string> Articles(int count) => Enumerable.Range(1, count).Select(i => $"article-{i:D4}").ToList();

    private static IReadOnlyList<SearchShards.Shard> Split(IEnumerable<string> articles, int most = SearchShards.Preview) => SearchShards.Split(articles.SelectMany(PagesOf), most);

    [Fact]
    public void Given_a_journal_When_split_Then_every_page_is_in_one_shard_with_its_whole_article_in_folder_order_and_the_first_shard_is_the_root()
    {
        var articles = Articles(200);

        var shards = Split(articles.AsEnumerable().Reverse());

        Assert.Equal(articles.SelectMany(PagesOf).Order(StringComparer.Ordinal), shards.SelectMany(s => s.Paths).Order(StringComparer.Ordinal));
        Assert.Equal(articles, shards.SelectMany(s => s.Paths.Select(p => p[..p.IndexOf('/')]).Distinct()));
        Assert.Equal(string.Empty, shards[0].Folder);
        Assert.All(shards.Skip(1), s => Assert.Matches("^s[0-9a-f]{10}/$", s.Folder));
        Assert.Equal(shards.Count, shards.Select(s => s.Folder).Distinct().Count());
        var unit = SearchShards.UnitFor(200, SearchShards.Preview);
        Assert.Equal(4, unit);
        Assert.All(shards.SkipLast(1), s => Assert.InRange(s.Paths.Count / 3, unit, 2 * unit));
        Assert.InRange(shards.Count, 200 / (2 * unit), SearchShards.Preview + 1);
        Assert.InRange(Split(articles, SearchShards.Published).Count, 1, SearchShards.Published);
        Assert.Single(Split(["only-article"], SearchShards.Published));
    }

    [Fact]
    public void Given_a_journal_When_any_one_article_is_added_deleted_or_renamed_Then_about_one_shard_changes_and_the_others_keep_their_folder_and_pages()
    {
        var articles = Articles(120);
        var before = Split(articles).Select(s => s.Folder + "|" + string.Join(',', s.Paths)).ToHashSet();
        var changes = new List<List<string>>();
        for (var i = 0; i < articles.Count; i++)
        {
            changes.Add([.. articles.Where((_, at) => at != i)]); // deleted
            changes.Add([.. articles.Select((a, at) => at == i ? a + "-renamed" : a)]); // renamed
            changes.Add([.. articles, articles[i] + "-added"]); // added after it
        }

        // The shard holding the change, and its neighbour when the change moved a boundary; more only when a shard grew past
        // twice the unit and was cut, moving the next boundary (a cascade that ends at the next boundary by hash).
        var counts = changes.Select(changed => Split(changed).Count(s => !before.Contains(s.Folder + "|" + string.Join(',', s.Paths)))).ToList();
        Assert.All(counts, c => Assert.InRange(c, 1, before.Count / 2));
        Assert.True(counts.Average() <= 2.0, $"{counts.Average():F2} shards made again per change on average");
    }

    [Fact]
    public void Given_shards_When_the_manifest_is_written_Then_it_lists_each_folder_and_its_languages_in_order()
    {
        var manifest = SearchIndex.Manifest([new ShardIndex(string.Empty, ["ar", "en"], []), new ShardIndex("s0123456789/", ["ar"], [])]);

        Assert.Equal(SearchIndex.Folder + SearchShards.ManifestName, manifest.Path);
        Assert.Equal("""{"shards":[{"path":"","languages":["ar","en"]},{"path":"s0123456789/","languages":["ar"]}]}""", Encoding.UTF8.GetString(manifest.Bytes));
    }

    [Fact]
    public void Given_an_entry_that_is_not_Pagefinds_When_its_languages_are_read_Then_it_is_a_Pagefind_failure_not_a_crash()
    {
        Assert.Throws<PagefindException>(() => SearchIndex.LanguagesOf(Encoding.UTF8.GetBytes("{\"version\":\"1.6.0\"}")));
        Assert.Throws<PagefindException>(() => SearchIndex.LanguagesOf(Encoding.UTF8.GetBytes("not json")));
        Assert.Equal(["ar", "en"], SearchIndex.LanguagesOf(Encoding.UTF8.GetBytes("{\"languages\":{\"en\":{},\"ar\":{}}}")));
    }

    private static Support.Cli.Result Build(TempFolder temp, string output, params string[] extra) =>
        Support.Cli.Run(temp.Path, ["build", "content", "-o", output, "--theme", Repo.Templates, "--precompress", "none", "--no-epub", "--no-jats", "--no-pdf", .. extra]);

    private static Dictionary<string, string> Index(TempFolder temp, string site) => Folders.Snapshot(Path.Combine(temp.Path, site, "pagefind"));

    // The incremental site's index against a clean build's, file by file.
    private static void AssertSameAsClean(TempFolder temp)
    {
        var clean = Build(temp, "clean", "--no-cache");
        Assert.True(clean.ExitCode == 0, clean.Errors);
        Assert.Equal(Index(temp, "clean"), Index(temp, "site"));
        Directory.Delete(Path.Combine(temp.Path, "clean"), recursive: true);
    }

    private static Support.Cli.Result Incremental(TempFolder temp)
    {
        var result = Build(temp, "site", "--cache", "cache");
        Assert.True(result.ExitCode == 0, result.Errors);
        return result;
    }

    private static int Shards(TempFolder temp) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "site", "pagefind", SearchShards.ManifestName))).RootElement.GetProperty("shards").GetArrayLength();

    [SkippableFact]
    public void Given_a_journal_in_shards_When_articles_are_edited_added_renamed_and_deleted_Then_only_the_changed_shard_is_indexed_and_the_index_is_the_clean_builds()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        for (var i = 1; i <= 13; i++) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, $"article-{i:D2}"));
        Directory.Delete(Path.Combine(content, "small"), recursive: true);
        Incremental(temp);
        var shards = Shards(temp);
        Assert.True(shards >= 2, $"{shards} shard(s)");
        AssertSameAsClean(temp);

        var chapter = Path.Combine(content, "article-07", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        Assert.Contains($"1 of {shards} shards indexed again", Incremental(temp).Output, StringComparison.Ordinal);
        AssertSameAsClean(temp);

        Folders.Copy(Path.Combine(content, "article-03"), Path.Combine(content, "article-03b"));
        Incremental(temp);
        AssertSameAsClean(temp);

        Directory.Move(Path.Combine(content, "article-10"), Path.Combine(content, "article-10-renamed"));
        Incremental(temp);
        AssertSameAsClean(temp);

        Directory.Delete(Path.Combine(content, "article-05"), recursive: true);
        Incremental(temp);
        AssertSameAsClean(temp);

        Assert.Contains("unchanged from the cache", Incremental(temp).Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_a_damaged_or_missing_shard_in_the_site_or_the_cache_When_built_again_Then_it_is_made_again_as_a_clean_build_makes_it()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        for (var i = 1; i <= 13; i++) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, $"article-{i:D2}"));
        Incremental(temp);
        var site = Path.Combine(temp.Path, "site", "pagefind");
        var shard = Directory.GetDirectories(site, "s*").Order(StringComparer.Ordinal).First();

        // In the site: an entry overwritten, a fragment deleted.
        File.WriteAllText(Path.Combine(shard, "pagefind-entry.json"), "{}");
        File.Delete(Directory.GetFiles(Path.Combine(shard, "fragment")).Order(StringComparer.Ordinal).First());
        Incremental(temp);
        AssertSameAsClean(temp);

        // In the cache: every entry holding that shard's pagefind-entry.json damaged (its checksum no longer matches).
        var entry = File.ReadAllBytes(Path.Combine(shard, "pagefind-entry.json"));
        var damaged = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(temp.Path, "cache"), "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var at = bytes.AsSpan().IndexOf(entry);
            if (at < 0) continue;
            bytes[at + 2] ^= 0x20;
            File.WriteAllBytes(file, bytes);
            damaged++;
        }

        Assert.True(damaged > 0, "no cache entry holds the shard's entry");
        Directory.Delete(shard, recursive: true);
        Incremental(temp);
        AssertSameAsClean(temp);
    }
}
