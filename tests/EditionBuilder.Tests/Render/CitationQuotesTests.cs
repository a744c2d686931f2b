using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A citation's title quotes belong to the page's language: outside the title's isolate, so an Arabic title in an English citation does not turn them the wrong way.</summary>
public class CitationQuotesTests
{
    [Fact]
    public void Given_an_Arabic_title_in_an_English_citation_When_parted_Then_the_quotes_are_outside_the_title_and_the_text_is_unchanged()
    {
        var metadata = new ArticleMetadata { Authors = [(Author)"Ahmad Ali"], Date = "2016" };
        metadata.Title["ar"] = "الشراكة الروسية الإيرانية";

        var parts = Citation.Parts(metadata, "en", ", ", null, "“{0}”");

        Assert.Equal(
            [(string.Empty, "Ahmad Ali", ", "), ("“", "الشراكة الروسية الإيرانية", "”, "), (string.Empty, "2016", ".")],
            parts.Select(p => (p.Before, p.Text, p.After)));
        Assert.Equal("Ahmad Ali, “الشراكة الروسية الإيرانية”, 2016.", Citation.Format(metadata, "en", ", ", null, "“{0}”"));
    }

    [Fact]
    public void Given_an_article_without_an_English_title_When_its_English_abstract_page_is_rendered_Then_the_citation_sets_the_quotes_outside_the_bdi()
    {
        var content = SmallEdition.Content();
        content.Articles[0].Metadata.Title.Remove("en");
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Theme.Load(Repo.Templates, diagnostics)!, content, diagnostics)!;

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        var english = files.Single(f => f.Path == "small/en/index.html").AsText();
        Assert.Contains("<bdi>كاتب المقال</bdi>, “<bdi>مقال صغير</bdi>”, <bdi>مجلة 3 (2)</bdi>", english);
        Assert.DoesNotContain("<bdi>“", english);
        var arabic = files.Single(f => f.Path == "small/index.html").AsText();
        Assert.Contains("«<bdi>مقال صغير</bdi>»", arabic);
    }
}
