using System.Text;
using System.Text.Json;
using EditionBuilder.Content;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>Search split into shards (issue 30): whole articles per shard by age, the newest alone, so editing or adding the newest article re-indexes one small shard, and an incremental index with exactly the bytes of a clean one after adding, editing, renaming and deleting articles; a damaged shard in the site or the cache is made again, never served.</summary>
public class SearchShardTests
{
    private static IEnumerable<string> PagesOf(string article) =>
        [$"{article}/01-a.html", $"{article}/02-b.html", $"{article}/en/index.html"];

    private static List<string> Articles(int count) => Enumerable.Range(1, count).Select(i => $"article-{i:D4}").ToList();

    // The shards a publisher chooses with --search-shards 3 (one index is the default): the layout these tests follow.
    private const int ByAge = 3;

    private static IReadOnlyList<SearchShards.Shard> Split(IEnumerable<string> articles, int most = SearchShards.Preview) => SearchShards.Split(articles.SelectMany(PagesOf), most);

    [Fact]
    public void Given_a_journal_When_split_Then_every_page_is_in_one_shard_with_its_whole_article_oldest_first_and_the_first_shard_is_the_root()
    {
        var articles = Articles(200);

        var shards = Split(articles.AsEnumerable().Reverse());

        Assert.Equal(articles.SelectMany(PagesOf).Order(StringComparer.Ordinal), shards.SelectMany(s => s.Paths).Order(StringComparer.Ordinal));
        Assert.Equal(articles, shards.SelectMany(s => s.Paths.Select(p => p[..p.IndexOf('/')]).Distinct()));
        Assert.Equal(string.Empty, shards[0].Folder);
        Assert.All(shards.Skip(1), s => Assert.Matches("^s[0-9a-f]{10}/$", s.Folder));
        Assert.Equal(shards.Count, shards.Select(s => s.Folder).Distinct().Count());
        // 199 older articles in binary (128 + 64 + 4 + 2 + 1), then the newest alone.
        Assert.Equal([128, 64, 4, 2, 1, 1], shards.Select(s => s.Paths.Count / 3));
        Assert.Equal([$"article-0200/01-a.html", "article-0200/02-b.html", "article-0200/en/index.html"], shards[^1].Paths);
        // Published: a big shard, fewer than the base (16 at 200 articles) and the newest.
        Assert.Equal([192, 7, 1], Split(articles, ByAge).Select(s => s.Paths.Count / 3));
        Assert.Single(Split(["only-article"], ByAge));
        Assert.Equal(string.Empty, Split(["only-article"], ByAge)[0].Folder);
    }

    [Fact]
    public void Given_any_number_of_articles_up_to_2000_When_laid_out_Then_the_shards_stay_within_the_budget_shrink_towards_the_newest_and_the_newest_is_alone()
    {
        foreach (var most in new[] { 1, 2, ByAge, 4, SearchShards.Preview })
        {
            for (var articles = 1; articles <= 2000; articles++)
            {
                var sizes = SearchShards.Sizes(articles, most);
                Assert.InRange(sizes.Count, 1, most);
                Assert.Equal(articles, sizes.Sum());
                Assert.All(sizes, size => Assert.True(size > 0));
                Assert.True(sizes.SkipLast(1).Zip(sizes.Skip(1)).All(p => p.First >= p.Second), $"{articles} articles in {most}: {string.Join(' ', sizes)}");
                if (most > 1 && articles > 1) Assert.Equal(1, sizes[^1]);
            }
        }
    }

    [Fact]
    public void Given_any_number_of_articles_up_to_2000_When_laid_out_for_the_preview_Then_every_shard_is_one_small_group_and_the_newest_is_alone()
    {
        foreach (var most in new[] { 2, 4, SearchShards.Preview })
        {
            for (var articles = 1; articles <= 2000; articles++)
            {
                var sizes = SearchShards.EvenSizes(articles, most);
                var group = SearchShards.GroupFor(articles, most);
                Assert.InRange(sizes.Count, 1, most);
                Assert.Equal(articles, sizes.Sum());
                Assert.All(sizes, size => Assert.InRange(size, 1, group));
                // Whole groups first: only the last group before the newest is partly filled.
                Assert.All(sizes.SkipLast(2), size => Assert.Equal(group, size));
                if (articles > 1) Assert.Equal(1, sizes[^1]);
            }
        }

        // At 200 articles an edit in the preview re-indexes at most 8 articles, where the published layout's oldest shard holds 128 or 192.
        Assert.Equal(8, SearchShards.EvenSizes(200, SearchShards.Preview).Max());
        Assert.Equal(128, SearchShards.Sizes(200, SearchShards.Preview).Max());
    }

    [Fact]
    public void Given_a_growing_journal_in_the_preview_When_the_newest_article_is_added_Then_at_most_one_group_and_the_newest_are_indexed_again()
    {
        for (var count = 2; count < 1000; count++)
        {
            var before = SearchShards.SplitEven(Articles(count).SelectMany(PagesOf), SearchShards.Preview).Select(s => s.Folder + "|" + string.Join(',', s.Paths)).ToHashSet();
            var after = SearchShards.SplitEven(Articles(count + 1).SelectMany(PagesOf), SearchShards.Preview);
            var changed = after.Where(s => !before.Contains(s.Folder + "|" + string.Join(',', s.Paths))).ToList();
            var group = SearchShards.GroupFor(count + 1, SearchShards.Preview);
            // Unless the group size doubled (the whole layout changes, once per doubling), the new newest and the group the last newest joined.
            if (group == SearchShards.GroupFor(count, SearchShards.Preview)) Assert.InRange(changed.Sum(s => s.Paths.Count / 3), 1, group + 1);
            Assert.Contains(after[^1], changed);
        }
    }

    [Fact]
    public void Given_articles_with_dates_When_split_Then_they_go_oldest_first_by_date_then_folder_and_undated_ones_count_as_newest()
    {
        static ArticleContent Article(string slug, string date) => new(slug, slug + "/article.yml", new ArticleMetadata { Date = date }, [], []);

        var oldestFirst = SearchShards.OldestFirst([Article("c", "2019-05"), Article("a", ""), Article("b", "2019"), Article("d", "2001-12-31"), Article("e", "2019")]);

        Assert.Equal(["d", "b", "e", "c", "a"], oldestFirst);
        var shards = SearchShards.Split(new[] { "a", "b", "c", "d", "e" }.SelectMany(PagesOf).Append("root.html"), SearchShards.Preview, oldestFirst);
        // Pages of no article (the site's root) come before every article; the undated article is the newest, alone.
        // Six groups: 5 older in binary (4 + 1), then the newest.
        Assert.Equal(["b/01-a.html", "b/02-b.html", "b/en/index.html", .. PagesOf("d"), .. PagesOf("e"), "root.html"], shards[0].Paths);
        Assert.Equal(PagesOf("c"), shards[1].Paths);
        Assert.Equal(PagesOf("a"), shards[2].Paths);
    }

    [Fact]
    public void Given_a_growing_journal_When_the_newest_article_is_added_Then_only_small_shards_change_and_the_oldest_keeps_its_pages()
    {
        foreach (var most in new[] { ByAge, SearchShards.Preview })
        {
            var reindexed = new List<int>();
            for (var count = 2; count < 1000; count++)
            {
                var before = Split(Articles(count), most).Select(s => s.Folder + "|" + string.Join(',', s.Paths)).ToHashSet();
                var after = Split(Articles(count + 1), most);
                var changed = after.Where(s => !before.Contains(s.Folder + "|" + string.Join(',', s.Paths))).ToList();
                Assert.Contains(after[^1], changed);
                reindexed.Add(changed.Sum(s => s.Paths.Count / 3));
                // The oldest shard changes only when the highest digit grows (every base articles) or the base doubles.
                var radix = SearchShards.BaseFor(count + 1, most);
                if (changed.Contains(after[0])) Assert.True(count % radix == 0 || radix != SearchShards.BaseFor(count, most) || after.Count == 1, $"{count} -> {count + 1} in {most}: the oldest shard changed");
            }

            // Articles indexed again per added article, on average: about log2(articles) / 2 with a binary counter, about the base with three shards.
            Assert.True(reindexed.Average() <= (most == SearchShards.Preview ? 6 : 40), $"{reindexed.Average():F1} articles indexed again per article added ({most} shards)");
        }
    }

    [Fact]
    public void Given_a_journal_When_an_article_is_edited_renamed_or_deleted_Then_the_shards_before_it_keep_their_pages()
    {
        var articles = Articles(200);
        var before = Split(articles, ByAge);
        var afterDelete = Split(articles.Where(a => a != "article-0150"), ByAge);
        var afterRename = Split(articles.Select(a => a == "article-0150" ? "article-0150-renamed" : a), ByAge);

        // article-0150 is in the oldest shard (192 articles): deleting it moves the next article into that shard, so every later
        // shard changes too (the cost of a delete in the middle, rare in a journal); renaming keeps its place.
        Assert.Equal([192, 6, 1], afterDelete.Select(s => s.Paths.Count / 3));
        Assert.Contains("article-0193/01-a.html", afterDelete[0].Paths);
        Assert.Equal(before.Skip(1).Select(s => s.Folder), afterRename.Skip(1).Select(s => s.Folder));
        Assert.Equal(before.Skip(1).Select(s => string.Join(',', s.Paths)), afterRename.Skip(1).Select(s => string.Join(',', s.Paths)));
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
        Support.Cli.Run(temp.Path, ["build", "content", "-o", output, "--theme", Repo.Templates, "--precompress", "none", "--no-epub", "--no-jats", "--no-pdf", "--search-engine", "pagefind", "--search-shards", "3", .. extra]);

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

    // The small edition's article thirteen times over (article-01 … article-13), in temp's content folder.
    private static string ThirteenArticles(TempFolder temp)
    {
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        for (var i = 1; i <= 13; i++) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, $"article-{i:D2}"));
        Directory.Delete(Path.Combine(content, "small"), recursive: true);
        return content;
    }

    private static int Shards(TempFolder temp) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "site", "pagefind", SearchShards.ManifestName))).RootElement.GetProperty("shards").GetArrayLength();

    [SkippableFact]
    public void Given_a_journal_in_shards_When_articles_are_edited_added_renamed_and_deleted_Then_only_the_changed_shard_is_indexed_and_the_index_is_the_clean_builds()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        var content = ThirteenArticles(temp);
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

    private static FolderBuilds.Built LibraryBuild(TempFolder temp, string site, string? cache) =>
        FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, site), Repo.Templates, cache is null ? null : Path.Combine(temp.Path, cache),
            BuildOptions.Uncompressed with { SearchShardCount = ByAge }, search: FolderBuilds.Search(Path.Combine(temp.Path, "content"), null, required: true));

    [SkippableFact]
    public void Given_a_journal_When_built_with_the_default_options_Then_its_index_is_one_shard_the_lightest_first_query()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        var content = ThirteenArticles(temp);
        var built = FolderBuilds.Run(content, Path.Combine(temp.Path, "site"), Repo.Templates, null, BuildOptions.Uncompressed,
            search: FolderBuilds.Search(content, null, required: true));
        Assert.True(built.Succeeded, built.Said);
        Assert.Equal(1, built.Build.Indexed!.Shards);
        Assert.Empty(Directory.GetDirectories(Path.Combine(temp.Path, "site", "pagefind"), "s*"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    public void Given_a_shard_count_out_of_range_When_building_Then_it_is_refused_before_anything_is_built(string count)
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var result = Support.Cli.Run(temp.Path, ["build", "content", "-o", "site", "--search-shards", count]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--search-shards takes 1 to 32", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    // The library build's index against a clean library build's, file by file.
    private static void AssertSameAsCleanLibraryBuild(TempFolder temp)
    {
        var clean = LibraryBuild(temp, "clean", cache: null);
        Assert.True(clean.Succeeded, clean.Said);
        Assert.Equal(Index(temp, "clean"), Index(temp, "site"));
        Directory.Delete(Path.Combine(temp.Path, "clean"), recursive: true);
    }

    private static void Dated(string content, string article, string date) =>
        File.AppendAllText(Path.Combine(content, article, "article.yml"), $"date: \"{date}\"\n");

    [SkippableFact]
    public void Given_a_dated_journal_When_its_newest_article_is_edited_or_a_newer_one_added_Then_one_small_shard_is_indexed_and_the_index_is_the_clean_builds()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        // Folder names against the dates: article-01 is the newest (2013), article-13 the oldest (2001).
        for (var i = 1; i <= 13; i++)
        {
            Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, $"article-{i:D2}"));
            Dated(content, $"article-{i:D2}", $"{2014 - i}");
        }

        Directory.Delete(Path.Combine(content, "small"), recursive: true);
        var first = LibraryBuild(temp, "site", "cache");
        Assert.True(first.Succeeded, first.Said);
        Assert.Equal(2, first.Build.Indexed!.Shards);
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "site", "pagefind", SearchShards.ManifestName)));
        var newest = manifest.RootElement.GetProperty("shards")[1].GetProperty("path").GetString()!;
        var before = Index(temp, "site");

        // The newest article edited: its shard alone, and every file outside it as it was.
        var chapter = Path.Combine(content, "article-01", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        var edited = LibraryBuild(temp, "site", "cache");
        Assert.True(edited.Succeeded, edited.Said);
        Assert.Equal((2, 1), (edited.Build.Indexed!.Shards, edited.Build.Indexed.ShardsIndexed));
        var after = Index(temp, "site");
        Assert.Equal(before.Where(f => !f.Key.StartsWith(newest, StringComparison.Ordinal)), after.Where(f => !f.Key.StartsWith(newest, StringComparison.Ordinal)));
        Assert.NotEqual(before.Where(f => f.Key.StartsWith(newest, StringComparison.Ordinal)), after.Where(f => f.Key.StartsWith(newest, StringComparison.Ordinal)));
        AssertSameAsCleanLibraryBuild(temp);

        // A newer article added: it is the new tail; the last newest keeps its shard (same article, same folder) from the cache.
        Folders.Copy(Path.Combine(content, "article-02"), Path.Combine(content, "article-00"));
        File.WriteAllText(Path.Combine(content, "article-00", "article.yml"), File.ReadAllText(Path.Combine(content, "article-00", "article.yml")).Replace("date: \"2012\"", "date: \"2014\"", StringComparison.Ordinal));
        var added = LibraryBuild(temp, "site", "cache");
        Assert.True(added.Succeeded, added.Said);
        Assert.Equal((3, 1), (added.Build.Indexed!.Shards, added.Build.Indexed.ShardsIndexed));
        AssertSameAsCleanLibraryBuild(temp);

        // An older article's date moved to the newest: the shards follow the dates, as a clean build lays them out.
        File.WriteAllText(Path.Combine(content, "article-13", "article.yml"), File.ReadAllText(Path.Combine(content, "article-13", "article.yml")).Replace("date: \"2001\"", "date: \"2015\"", StringComparison.Ordinal));
        Assert.True(LibraryBuild(temp, "site", "cache").Succeeded);
        AssertSameAsCleanLibraryBuild(temp);
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
