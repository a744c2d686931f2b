using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>What Pagefind reads of a page: the published page, with a marked normalized copy before each word normalization changes.</summary>
public class SearchDocumentTests
{
    [Fact]
    public void Given_a_page_normalization_does_not_change_Then_Pagefind_reads_it_exactly_as_published()
    {
        const string page = "<html lang=\"en\"><body><p>Putin's lesson for Obama in Syria, 2015</p></body></html>";
        Assert.Same(page, SearchDocument.For(page));
    }

    [Fact]
    public void Given_words_normalization_changes_When_indexed_Then_each_normalized_copy_comes_before_its_word_marked_and_markup_head_and_scripts_stay_as_they_are()
    {
        const string page = "<html lang=\"ar\"><head><title>ٱلعنوان</title><script type=\"application/ld+json\">{\"a\":\"إيران\"}</script></head>"
            + "<body><p id=\"p-1-1\" title=\"ٱسم\">قال ٱلْحَمْدُ لِلَّهِ في (٢٠١٥) S300</p><a href=\"#x\" data-x='a>b'>الإستراتيجية</a></body></html>";

        var document = SearchDocument.For(page);

        Assert.Equal(
            page.Replace("قال ٱلْحَمْدُ لِلَّهِ في (٢٠١٥) S300", "قال \u2063الحمد ٱلْحَمْدُ \u2063للة لِلَّهِ في \u2063(2015) (٢٠١٥) S300", StringComparison.Ordinal)
                .Replace(">الإستراتيجية<", ">\u2063الاستراتيجية الإستراتيجية<", StringComparison.Ordinal),
            document);
    }
}
