using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>A chapter's front matter is read by the same YAML reader as article.yml: its errors have the file's line and column and the same words.</summary>
public class FrontMatterTests
{
    private static List<string> Read(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        FrontMatter.Read("ar/01-x.md", FrontMatter.Split(markdown).Yaml, diagnostics);
        return diagnostics.Items.Select(d => d.ToString()).ToList();
    }

    private const string Good = "---\ntitle: \"المقدمة\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-almqdma\n---\n\nنص.\n";

    [Fact]
    public void Given_the_front_matter_import_writes_When_read_Then_no_diagnostic()
    {
        var diagnostics = new DiagnosticBag();

        var front = FrontMatter.Read("ar/01-x.md", FrontMatter.Split(Good).Yaml, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("المقدمة", "ar", "rtl", 1, "01-almqdma"), (front!.Title, front.Lang, front.Dir, front.Order, front.Slug));
    }

    [Theory]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\ntitel: x", "ar/01-x.md:7:1: error EB0208: unknown key 'titel'; did you mean 'title'?")]
    [InlineData("order: 1", "order: first", "ar/01-x.md:5:8: error EB0209: 'order' takes a whole number (1 for the first chapter), not 'first'")]
    [InlineData("lang: ar", "lang: de", "ar/01-x.md:3:7: error EB0201: front matter 'lang' is 'de'; it must be ar or en or fr")]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\norder: 2", "ar/01-x.md:7:1: error EB0210: the key 'order' is written twice (first on line 5); keep one")]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\nnote: الشراكة: انعكاساتها", "ar/01-x.md:7:14: error EB0205: a value holding ': ' (a colon and a space) must be in double quotes, or YAML reads a new key here: write key: \"…: …\"")]
    [InlineData("slug: 01-almqdma", "slug: ../x", "ar/01-x.md:6:7: error EB0201: front matter 'slug' is '../x'; a slug holds only a-z, 0-9 and '-'")]
    public void Given_a_bad_line_in_the_front_matter_When_read_Then_one_error_at_its_line_in_the_file(string line, string replacement, string expected)
    {
        Assert.Equal([expected], Read(Good.Replace(line, replacement, StringComparison.Ordinal)));
    }
}
