using EditionBuilder.Content;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>A language whose title article.yml does not give has no trans-title, rather than the abstract's heading ("Abstract") standing in as the article's title.</summary>
public class JatsTransTitleTests
{
    private static EditionContent Article(string englishHeading, string frenchHeading, string? frenchTitle)
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = "مقال";
        metadata.Title["en"] = string.Empty;
        if (frenchTitle is not null) metadata.Title["fr"] = frenchTitle;
        string Summary(string lang, string title, string text) => $"---\ntitle: \"{title}\"\nlang: {lang}\ndir: ltr\norder: 0\nslug: abstract\n---\n\n{text}\n";
        return new EditionContent(new EditionMetadata(),
        [
            new ArticleContent("article", "article/article.yml", metadata, [new MarkdownFile("article/ar/01-almqdma.md", SmallEdition.Chapter1), new MarkdownFile("article/ar/02-alkhatma.md", SmallEdition.Chapter2)],
                [new MarkdownFile("article/en/abstract.md", Summary("en", englishHeading, "An abstract in English.")), new MarkdownFile("article/fr/abstract.md", Summary("fr", frenchHeading, "Un résumé en français."))]),
        ]);
    }

    [SkippableFact]
    public void Given_no_English_title_and_an_abstract_headed_Abstract_When_written_Then_no_English_trans_title_and_the_file_is_valid_JATS()
    {
        var xml = JatsArticles.Write(Article("Abstract", "Résumé :", "Un titre français"));
        var document = JatsArticles.Parse(xml);

        var groups = document.Descendants("trans-title-group").ToList();
        Assert.Equal([("fr", "Un titre français")], groups.Select(g => ((string)g.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!, g.Element("trans-title")!.Value)));
        Assert.DoesNotContain("<trans-title>Abstract", xml, StringComparison.Ordinal);
        Assert.Equal(["en", "fr"], document.Descendants("trans-abstract").Select(a => (string)a.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!));
        JatsDtdTests.AssertValid(xml);
    }

    [Fact]
    public void Given_no_English_title_and_an_abstract_headed_with_the_articles_title_When_written_Then_that_heading_is_the_trans_title()
    {
        var document = JatsArticles.Parse(JatsArticles.Write(Article("The Russian–Iranian partnership", "Résumé", null)));

        var group = Assert.Single(document.Descendants("trans-title-group"));
        Assert.Equal("The Russian–Iranian partnership", group.Element("trans-title")!.Value);
    }
}
