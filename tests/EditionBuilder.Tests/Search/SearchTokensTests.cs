using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The words of the edition's own index (docs/search.md, "The index format"): the contract's stem examples and the table of cases (stem-cases.tsv) that the browser tests run through the search page's script too.</summary>
public class SearchTokensTests
{
    /// <summary>The table both sides share: a text, a tab, its terms separated by spaces.</summary>
    public static TheoryData<string, string> Table()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.TestsFolder, "Search", "stem-cases.tsv")))
        {
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            Assert.Equal(2, parts.Length);
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Given_a_text_from_the_table_When_cut_into_terms_Then_the_terms_are_the_tables(string input, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchTokens.Terms(input)));
    }

    [Theory]
    [InlineData("المفاعلات", "مفاعل")]
    [InlineData("مفاعلات", "مفاعل")]
    [InlineData("ايران", "اير")]
    [InlineData("ايراني", "ايران")]
    [InlineData("والاستراتيجية", "استراتيج")]
    public void Given_the_contracts_examples_When_stemmed_Then_they_give_its_stems(string word, string stem)
    {
        Assert.Equal(stem, SearchTokens.Stem(word));
    }

    [Fact]
    public void Given_latin_words_When_stemmed_Then_they_are_left_as_they_are_for_prefix_matching()
    {
        Assert.Equal("sanctions", SearchTokens.Stem("sanctions"));
        Assert.Equal(["the", "jcpoa", "of", "2015"], SearchTokens.Terms("The JCPOA (of 2015)"));
    }

    [Fact]
    public void Given_text_with_no_letters_or_digits_When_cut_Then_it_has_no_terms()
    {
        Assert.Empty(SearchTokens.Terms(" «—» … "));
        Assert.Empty(SearchTokens.Terms(string.Empty));
    }
}
