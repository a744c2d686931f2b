using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Render;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A content folder of several articles builds a journal: an index listing them, each article in its folder.</summary>
public class JournalTests
{
    [Fact]
    public void Given_three_articles_When_built_Then_the_index_lists_them_in_folder_order_and_every_article_has_its_pages()
    {
        var small = SmallEdition.Content();
        var one = small.Articles[0];
        var articles = new[] { "c-third", "a-first", "b-second" }
            .Select(slug => one with
            {
                Slug = slug,
                Metadata = new ArticleMetadata { Title = new Dictionary<string, string> { ["ar"] = "مقال " + slug }, Authors = ["كاتب " + slug] },
            })
            .OrderBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();
        var diagnostics = new DiagnosticBag();

        var files = Sites.Build(SeedSite.Get().Templates, small with { Articles = articles }, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var index = new HtmlParser().ParseDocument(files.Single(f => f.Path == "index.html").AsText());
        Assert.Equal("journal", index.Body!.ClassName!.Replace("page-", string.Empty, StringComparison.Ordinal));
        Assert.Equal(["a-first/index.html", "b-second/index.html", "c-third/index.html"], index.QuerySelectorAll("ol.articles a").Select(a => a.GetAttribute("href")));
        foreach (var slug in new[] { "a-first", "b-second", "c-third" })
        {
            Assert.Contains(files, f => f.Path == $"{slug}/01-almqdma.html");
            Assert.Contains(files, f => f.Path == $"{slug}/full.html");
            Assert.Contains(files, f => f.Path == $"{slug}/en/index.html");
        }
    }

    [Fact]
    public void Given_many_articles_When_built_twice_Then_the_parallel_render_gives_identical_bytes()
    {
        var one = SmallEdition.Content();
        var articles = Enumerable.Range(1, 40).Select(i => one.Articles[0] with { Slug = $"article-{i:000}" }).ToList();
        var content = one with { Articles = articles };

        var first = Sites.Build(SeedSite.Get().Templates, content, new DiagnosticBag())!;
        var second = Sites.Build(SeedSite.Get().Templates, content, new DiagnosticBag())!;

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.True(first.Zip(second).All(p => p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes)));
    }
}
