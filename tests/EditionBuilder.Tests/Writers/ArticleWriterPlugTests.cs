using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using EditionBuilder.Writers;
using Xunit;

namespace EditionBuilder.Tests.Writers;

/// <summary>The writer interface is the plug: a writer the tests register the way the real ones are registered is run, offered on the landing page, cached and replayed, and left out by its option, with no other change to the build.</summary>
public sealed class ArticleWriterPlugTests : IDisposable
{
    private const string Name = "chapter-list";
    private readonly TempFolder _temp = new();
    private int _written;

    public ArticleWriterPlugTests()
    {
        SmallEdition.WriteTo(Content);
        // The link text of a download is the theme's {name}_download string, in every language of the pages.
        foreach (var lang in EditionBuilder.Themes.ThemeStrings.Languages) _temp.File($"content/theme/i18n/{lang}.yml", $"{Name}_download: chapter list ({lang})\n");
    }

    public void Dispose() => _temp.Dispose();

    private string Content => Path.Combine(_temp.Path, "content");

    private string Cache => Path.Combine(_temp.Path, "cache");

    private BuildOptions Options => BuildOptions.Uncompressed with
    {
        Writers = WriterRegistry.Default.WithArticleWriter(new ArticleWriterEntry(Name, "a list of each article's chapters", (_, _) => new ChapterListWriter(this))),
    };

    [Fact]
    public void Given_a_registered_writer_When_built_Then_its_file_is_in_the_site_and_the_landing_page_offers_it_with_its_size_after_the_others()
    {
        var built = Build("site", Options);

        var file = Path.Combine(_temp.Path, "site", "small", "small-chapters.txt");
        Assert.Equal("1 المقدمة\n2 الخاتمة\n", File.ReadAllText(file));
        Assert.Equal(1, built.Build.WrittenBy(Name));
        Assert.Contains(built.Build.Stages, s => s.Stage == Name && s.Counts.StartsWith("1 file(s) written", StringComparison.Ordinal));
        var landing = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_temp.Path, "site", "small", "index.html")));
        var link = landing.QuerySelector("main a[href='../small/small-chapters.txt']");
        Assert.NotNull(link);
        Assert.Equal("text/plain", link!.GetAttribute("type"));
        Assert.Equal("chapter list (ar)", link.TextContent);
        // Registered before the pages, after the registry's own downloads: the landing page lists it last.
        var offered = landing.QuerySelectorAll("main a[download][type]").Select(a => a.GetAttribute("type")).ToList();
        Assert.Equal(["application/epub+zip", "application/xml", "text/plain"], offered.Where(t => t != "application/pdf"));
        // A download with an alternate title is also linked from the page's head.
        Assert.NotNull(landing.QuerySelector("head link[rel=alternate][type='text/plain'][title='Chapters']"));
    }

    [Fact]
    public void Given_a_registered_writer_When_built_again_with_the_cache_Then_its_file_is_replayed_without_running_it()
    {
        var first = Build("site", Options, Cache);
        Assert.Equal(1, _written);
        Assert.Equal(1, first.Build.WrittenBy(Name));
        var file = File.ReadAllBytes(Path.Combine(_temp.Path, "site", "small", "small-chapters.txt"));
        var landing = File.ReadAllText(Path.Combine(_temp.Path, "site", "small", "index.html"));

        // The cache belongs to the output folder it was made for.
        var second = Build("site", Options, Cache);

        Assert.Equal(1, _written);
        Assert.Equal(0, second.Build.ArticlesRendered);
        Assert.Equal(0, second.Build.WrittenBy(Name));
        Assert.Equal(file, File.ReadAllBytes(Path.Combine(_temp.Path, "site", "small", "small-chapters.txt")));
        Assert.Equal(landing, File.ReadAllText(Path.Combine(_temp.Path, "site", "small", "index.html")));
    }

    [Fact]
    public void Given_a_registered_writer_left_out_by_its_name_When_built_with_the_cache_Then_neither_its_file_nor_its_link_is_there()
    {
        Build("site", Options, Cache);

        var without = Build("site", Options.Without(Name), Cache);

        Assert.Equal(0, without.Build.WrittenBy(Name));
        Assert.DoesNotContain(without.Build.Stages, s => s.Stage == Name);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "site", "small", "small-chapters.txt")));
        var landing = File.ReadAllText(Path.Combine(_temp.Path, "site", "small", "index.html"));
        Assert.DoesNotContain("small-chapters.txt", landing, StringComparison.Ordinal);
        Assert.Contains("small.epub", landing, StringComparison.Ordinal);
        // Left out, it changed the article's key: the article was made again, not replayed with the writer's file.
        Assert.Equal(1, without.Build.ArticlesRendered);
    }

    [Fact]
    public void Given_the_registry_Then_the_pages_cannot_be_left_out_and_have_no_option()
    {
        Assert.DoesNotContain(WriterRegistry.Default.Options, o => o.Name is "pages" or "site");
        Assert.Equal("pages", WriterRegistry.Default.ArticleWriters[^1].Name);
        Assert.Equal("site", WriterRegistry.Default.EditionWriters[^1].Name);

        var built = Build("site", BuildOptions.Uncompressed.Without("pages", "site"));

        Assert.True(File.Exists(Path.Combine(_temp.Path, "site", "small", "index.html")));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "site", "404.html")));
        // The landing page and the root index, two chapters, the full text, the English abstract and three citation files.
        Assert.Equal(9, built.Build.WrittenBy("pages"));
    }

    [Fact]
    public void Given_a_registry_without_the_pages_When_built_Then_the_build_fails_as_a_fault_of_the_tool_naming_the_missing_writer()
    {
        // No article would have a landing page nor a place in the journal's index: a registry made so is a mistake in the program, not in the input.
        var registry = new WriterRegistry(WriterRegistry.Default.ArticleWriters.Where(w => w.Name != "pages").ToList(), WriterRegistry.Default.EditionWriters);

        var thrown = Assert.Throws<AggregateException>(() => new SiteBuild(SeedSite.Get().Templates, BuildOptions.Uncompressed.Without("pdf") with { Writers = registry })
            .Run(SmallEdition.Content(), new EditionBuilder.Output.MemorySink(), new DiagnosticBag()));

        var fault = Assert.IsType<InvalidOperationException>(Assert.Single(thrown.InnerExceptions));
        Assert.Contains("pages writer", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_writer_placed_before_a_name_the_registry_lacks_Then_the_registry_says_so()
    {
        var entry = new ArticleWriterEntry(Name, "a list", (_, _) => new ChapterListWriter(this));

        Assert.Throws<ArgumentException>(() => WriterRegistry.Default.WithArticleWriter(entry, before: "no-such-writer"));
    }

    [Fact]
    public void Given_the_pipeline_sources_Then_only_the_registry_names_a_writer()
    {
        // The build runs a list of writers: no writer is set up, called or passed anywhere else in Pipeline/.
        var pipeline = Path.Combine(Repo.Root, "src", "EditionBuilder", "Pipeline");
        var naming = Directory.EnumerateFiles(pipeline, "*.cs")
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"\b(EpubWriter|JatsWriter|PdfWriter|ArticlePagesWriter|SitePagesWriter|ArticlePages|SitePages)\b"))
            .Select(Path.GetFileName).ToList();

        Assert.Equal(["WriterRegistry.cs"], naming);
    }

    private FolderBuilds.Built Build(string site, BuildOptions options, string? cache = null)
    {
        var built = FolderBuilds.Run(Content, Path.Combine(_temp.Path, site), theme: null, cache, options, search: FolderBuilds.NoSearch);
        Assert.True(built.Succeeded, built.Said);
        return built;
    }

    /// <summary>A writer made for this test: each article's chapter titles in a text file, offered as a download and linked from the head.</summary>
    private sealed class ChapterListWriter(ArticleWriterPlugTests test) : IArticleWriter
    {
        public string Name => ArticleWriterPlugTests.Name;

        public string CacheContext(ArticleMetadata metadata) => "chapter list 1";

        public ArticleOutput? Write(ArticleWriterInput input, DiagnosticBag diagnostics)
        {
            Interlocked.Increment(ref test._written);
            var article = input.Article;
            var text = string.Concat(article.Chapters.Select(c => $"{c.FrontMatter.Order} {c.FrontMatter.Title}\n"));
            return ArticleOutput.Download(SiteFile.Text($"{article.Slug}/{article.Slug}-chapters.txt", text), Name, "text/plain", "Chapters");
        }
    }
}
