using EditionBuilder.Markdown;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>A URL written in running text becomes a link however its scheme or www is cased, and text that only looks like one stays text.</summary>
public class UrlLinkerTests
{
    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, EditionMarkdown.CreatePipeline());

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("HTTPS://Example.org/a")]
    [InlineData("Http://example.org/a")]
    [InlineData("www.example.org/a")]
    [InlineData("WWW.example.org/a")]
    public void Given_a_URL_in_Arabic_text_When_rendered_Then_it_is_a_link_to_itself(string url)
    {
        var html = Html($"انظر {url} للتفاصيل.");

        Assert.Contains($">{url}</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("httpx://example.org")]
    [InlineData("wwwexample.org")]
    [InlineData("http:/example.org")]
    public void Given_text_that_is_no_URL_When_rendered_Then_no_link_is_made(string text)
    {
        Assert.DoesNotContain("<a ", Html($"انظر {text} للتفاصيل."), StringComparison.Ordinal);
    }
}
