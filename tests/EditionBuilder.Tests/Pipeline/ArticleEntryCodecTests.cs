using EditionBuilder.Cache;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>An article's cache entry in its binary form: read back as written, and anything cut or damaged is refused (a miss), never an exception or a wrong article.</summary>
public class ArticleEntryCodecTests
{
    private static BuildCache.ArticleEntry Sample() => new(
        new ArticleSummary("small", "مقال صغير", ["أحمد", "Jane Roe"], "small/index.html") { Volume = "3", Date = "2024-05-01" },
        [
            new BuildCache.CachedFile("small/cite.bib", "k1", [new BuildCache.OutputFile("small/cite.bib", 146, "aa")], null),
            new BuildCache.CachedFile("small/index.html", "k2",
                [new BuildCache.OutputFile("small/index.html", 5000, "bb"), new BuildCache.OutputFile("small/index.html.br", 1200, "cc")],
                new PageFacts("small/index.html", ["top", "p-1-1", "top-2"],
                    [new LinkFact("a", "", "01-intro.html#p-1-1"), new LinkFact("link", "stylesheet", "../assets/edition.css", 3, 7731), new LinkFact("a", "", "01-intro.html#p-1-1")],
                    7, Searchable: true, CheckedLinks: 12)),
        ]);

    [Fact]
    public void Given_an_article_entry_When_written_and_read_Then_every_field_comes_back()
    {
        var article = Sample();

        var read = ArticleEntryCodec.Read(ArticleEntryCodec.Write(article));

        Assert.NotNull(read);
        Assert.Equal(article.Summary with { }, read.Summary with { Authors = article.Summary.Authors });
        Assert.Equal(article.Summary.Authors, read.Summary.Authors);
        Assert.Equal(article.Files.Count, read.Files.Count);
        for (var i = 0; i < article.Files.Count; i++)
        {
            var (expected, actual) = (article.Files[i], read.Files[i]);
            Assert.Equal((expected.Path, expected.Key), (actual.Path, actual.Key));
            Assert.Equal(expected.Outputs, actual.Outputs);
            Assert.Equal(expected.Facts is null, actual.Facts is null);
            if (expected.Facts is null) continue;
            Assert.Equal(expected.Facts.Path, actual.Facts!.Path);
            Assert.Equal(expected.Facts.Ids, actual.Facts.Ids);
            Assert.Equal(expected.Facts.Links, actual.Facts.Links);
            Assert.Equal((expected.Facts.References, expected.Facts.Searchable, expected.Facts.CheckedLinks), (actual.Facts.References, actual.Facts.Searchable, actual.Facts.CheckedLinks));
        }
    }

    [Fact]
    public void Given_an_entry_cut_anywhere_or_given_a_byte_too_many_When_read_Then_it_is_refused()
    {
        var bytes = ArticleEntryCodec.Write(Sample());

        for (var length = 0; length < bytes.Length; length++) Assert.Null(ArticleEntryCodec.Read(bytes[..length]));
        Assert.Null(ArticleEntryCodec.Read((byte[])[.. bytes, 0]));
    }

    [Fact]
    public void Given_an_entry_with_any_one_byte_damaged_When_read_Then_it_is_refused_or_read_without_an_exception()
    {
        var bytes = ArticleEntryCodec.Write(Sample());

        // The seal around the entry catches every change; the reader itself must only never throw or allocate from a damaged count.
        for (var at = 0; at < bytes.Length; at++)
        {
            foreach (var value in new byte[] { 0, 0x7f, 0xff })
            {
                var damaged = (byte[])bytes.Clone();
                damaged[at] = value;
                _ = ArticleEntryCodec.Read(damaged);
            }
        }
    }
}
