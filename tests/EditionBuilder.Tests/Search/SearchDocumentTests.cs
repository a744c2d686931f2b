using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>What Pagefind reads of a page: the published page, with a marked normalized copy after each word Pagefind's stemmer does not fold (alef wasla).</summary>
public class SearchDocumentTests
{
    [Fact]
    public void Given_the_seed_chapters_Then_Pagefind_reads_them_exactly_as_published()
    {
        foreach (var page in SeedSite.Get().Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.Same(page.AsText(), SearchDocument.For(page.AsText()));
        }
    }

    [Fact]
    public void Given_a_word_with_alef_wasla_When_indexed_Then_its_normalized_copy_follows_it_marked_and_nothing_else_changes()
    {
        const string page = "<html lang=\"ar\"><head><title>ٱلعنوان</title><script type=\"application/ld+json\">{\"a\":\"ٱ\"}</script></head>"
            + "<body><p id=\"p-1-1\" title=\"ٱسم\">قال ٱلْحَمْدُ لِلَّهِ</p></body></html>";

        var document = SearchDocument.For(page);

        Assert.Equal(page.Replace("ٱلْحَمْدُ لِلَّهِ", "ٱلْحَمْدُ \u2063الحمد لِلَّهِ", StringComparison.Ordinal), document);
    }
}
