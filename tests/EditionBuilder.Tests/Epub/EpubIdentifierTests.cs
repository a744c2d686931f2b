using EditionBuilder.Content;
using EditionBuilder.Epub;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>The book's identifier: a name-based UUID of what names the article, the same on every build, kept when the text is corrected.</summary>
public class EpubIdentifierTests
{
    [Fact]
    public void Given_the_DNS_namespace_and_python_org_When_a_version_5_UUID_is_made_Then_it_is_the_one_RFC_4122_implementations_give()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", EpubIdentifier.NameBased(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }

    [Fact]
    public void Given_an_article_When_identified_twice_or_after_its_text_changes_Then_the_identifier_stays_and_another_title_gives_another()
    {
        var edition = new EditionMetadata { Name = new() { ["ar"] = "مجلة" } };
        var metadata = new ArticleMetadata { Title = new() { ["ar"] = "مقال" }, Authors = ["كاتب"] };

        var first = EpubIdentifier.For("article", metadata, edition);

        Assert.Equal(first, EpubIdentifier.For("article", metadata, edition));
        Assert.StartsWith("urn:uuid:", first);
        Assert.NotEqual(first, EpubIdentifier.For("article", new ArticleMetadata { Title = new() { ["ar"] = "مقال آخر" }, Authors = ["كاتب"] }, edition));
        Assert.NotEqual(first, EpubIdentifier.For("other-article", metadata, edition));
        Assert.NotEqual(first, EpubIdentifier.For("article", metadata, new EditionMetadata { BaseUrl = "https://example.org/journal/" }));
    }
}
