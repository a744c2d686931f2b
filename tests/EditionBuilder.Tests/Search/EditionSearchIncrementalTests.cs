using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The edition's own index across builds with the cache: only a changed article's records are made again, and after adding, editing, renaming and deleting articles the index is byte for byte a clean build's.</summary>
public class EditionSearchIncrementalTests
{
    private static FolderBuilds.Built Build(TempFolder temp, string site, bool cache)
    {
        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, site), Repo.Templates, cache ? Path.Combine(temp.Path, "cache") : null,
            BuildOptions.Published.Without("epub", "jats", "pdf"));
        Assert.True(built.Succeeded, built.Said);
        return built;
    }

    private static Dictionary<string, string> Index(TempFolder temp, string site) => Folders.Snapshot(Path.Combine(temp.Path, site, "search"));

    // The incremental site's index (with its .gz and .br copies) against a clean build's, file by file.
    private static SearchReport Incremental(TempFolder temp)
    {
        var built = Build(temp, "site", cache: true);
        Build(temp, "clean", cache: false);
        Assert.Equal(Index(temp, "clean"), Index(temp, "site"));
        Directory.Delete(Path.Combine(temp.Path, "clean"), recursive: true);
        return built.Build.Indexed!;
    }

    [Fact]
    public void Given_a_journal_When_articles_are_edited_added_renamed_and_deleted_Then_only_their_records_are_made_and_the_index_is_the_clean_builds()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        for (var i = 1; i <= 5; i++) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, $"article-{i}"));
        Directory.Delete(Path.Combine(content, "small"), recursive: true);

        var first = Incremental(temp);
        Assert.Equal((5, 5), (first.Shards, first.ShardsIndexed));
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "search", "index.js.br")));

        var chapter = Path.Combine(content, "article-3", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        var edited = Incremental(temp);
        Assert.Equal((5, 1), (edited.Shards, edited.ShardsIndexed));

        // article-2-b's pages sort before article-2's ("-" before "/"), though its folder sorts after.
        Folders.Copy(Path.Combine(content, "article-2"), Path.Combine(content, "article-2-b"));
        Assert.Equal((6, 1), (Incremental(temp) is var added ? (added.Shards, added.ShardsIndexed) : default));

        Directory.Move(Path.Combine(content, "article-4"), Path.Combine(content, "article-4-renamed"));
        Assert.Equal(1, Incremental(temp).ShardsIndexed);

        Directory.Delete(Path.Combine(content, "article-1"), recursive: true);
        var deleted = Incremental(temp);
        Assert.Equal((5, 0), (deleted.Shards, deleted.ShardsIndexed));

        var again = Incremental(temp);
        Assert.True(again.Reused);
    }
}
